import Configuration
import Foundation
public import ReplySuggestions

/// The reply suggestion settings: their keys in the table `rapport --help` prints, and how they are read.
extension ServerConfiguration {
    /// Reply suggestion providers: seed 003's four models, each any OpenAI-compatible chat-completions API.
    public static let aiModels: [(name: String, label: String, defaultModel: String)] = [
        ("doubao", "Doubao (Volcengine Ark)", ""), ("gemini", "Gemini", "gemini-1.5-flash"), ("deepseek", "DeepSeek", "deepseek-chat"),
        ("grok", "Grok (xAI)", "grok-2-1212"),
    ]

    static let aiKeys: [Key] =
        Self.aiModels.flatMap { model -> [Key] in
            let prefix = "AI_\(model.name.uppercased())"
            let flag = "ai-\(model.name)"
            return [
                Key(
                    environment: "\(prefix)_BASE_URL",
                    flag: "\(flag)-base-url",
                    defaultValue: "",
                    help: "\(model.label): OpenAI-compatible base URL that /chat/completions is appended to (unset: not configured)."
                ),
                Key(
                    environment: "\(prefix)_API_KEY",
                    flag: "\(flag)-api-key",
                    defaultValue: "",
                    help: "\(model.label): API key, sent as a bearer token."
                ),
                Key(
                    environment: "\(prefix)_MODEL",
                    flag: "\(flag)-model",
                    defaultValue: model.defaultModel,
                    help: model.defaultModel.isEmpty
                        ? "\(model.label): model (the Ark endpoint id, ep-…); required with the base URL." : "\(model.label): model."
                ),
            ]
        } + [
            Key(
                environment: "AI_DEFAULT_MODEL",
                flag: "ai-default-model",
                defaultValue: "doubao",
                help: "Model of a suggestion request that names none."
            ),
            Key(
                environment: "AI_TIMEOUT_SECONDS",
                flag: "ai-timeout-seconds",
                defaultValue: "60",
                help: "Seconds a provider has for a whole suggestion, from the request to the last fragment."
            ),
            Key(
                environment: "AI_REQUESTS_PER_MINUTE",
                flag: "ai-requests-per-minute",
                defaultValue: "20",
                help: "Suggestions one user may start in any minute (0: no limit)."
            ),
            Key(
                environment: "AI_RESUME_SECONDS",
                flag: "ai-resume-seconds",
                defaultValue: "10",
                help: "Seconds a suggestion goes on after its client disconnected, waiting for it to resume; then it is cancelled."
            ),
        ]

    /// The AI settings as read, before they are stored in the configuration.
    struct AISettings {
        var providers: [String: OpenAICompatibleProvider.Endpoint]
        var defaultModel: String
        var timeout: Duration
        var requestsPerMinute: Int
        var resumeWindow: Duration
    }

    /// Reads the AI keys with the configuration's own `value` and `integer` readers; a provider without a base URL
    /// is not configured; throws ``ConfigurationError`` naming the first bad key.
    static func aiSettings(
        _ reader: ConfigReader,
        value: (String) -> String,
        integer: (String, ClosedRange<Int>) throws -> Int
    ) throws -> AISettings {
        var providers: [String: OpenAICompatibleProvider.Endpoint] = [:]
        for model in Self.aiModels {
            let prefix = "AI_\(model.name.uppercased())"
            let base = value("\(prefix)_BASE_URL")
            guard !base.isEmpty else { continue }
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
                throw ConfigurationError("\(prefix)_BASE_URL must be an http or https URL")
            }
            let name = value("\(prefix)_MODEL")
            guard !name.isEmpty else { throw ConfigurationError("\(prefix)_MODEL is required with \(prefix)_BASE_URL") }
            let key = reader.string(forKey: ConfigKey("ai.\(model.name).api.key"), isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
            providers[model.name] = OpenAICompatibleProvider.Endpoint(baseURL: base, apiKey: key.map(APIKey.init), model: name)
        }
        let defaultModel = value("AI_DEFAULT_MODEL").lowercased()
        guard Self.aiModels.contains(where: { $0.name == defaultModel }) else {
            throw ConfigurationError("AI_DEFAULT_MODEL must be one of \(Self.aiModels.map(\.name).joined(separator: ", "))")
        }
        return AISettings(
            providers: providers,
            defaultModel: defaultModel,
            timeout: .seconds(try integer("AI_TIMEOUT_SECONDS", 1...3600)),
            requestsPerMinute: try integer("AI_REQUESTS_PER_MINUTE", 0...100_000),
            resumeWindow: .seconds(try integer("AI_RESUME_SECONDS", 1...3600))
        )
    }
}
