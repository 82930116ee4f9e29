public import ChatCore
public import Hummingbird
public import ReplySuggestions

/// The AI reply suggestion routes (contracts/seed003 §6 and beyond): `POST /api/ai/suggest/stream`, which streams a
/// suggested next reply as server-sent events, and `GET /api/ai/suggestions/{id}/stream`, which resumes one after
/// a dropped connection from its `Last-Event-ID`.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front; the routes are added under `group` at `api/ai`.
public struct SuggestionRoutes<Context: RapportRequestContext>: RapportRoutes {
    /// The models seed 003's client offers; a request naming another is refused unless a provider is given for it.
    public static var knownModels: [String] { ["doubao", "gemini", "deepseek", "grok"] }

    let controller: SuggestionsController<Context>

    /// - Parameters:
    ///   - providers: the configured provider of each model, by lower-case name; a known model without one
    ///     answers the contract's single error event.
    ///   - defaultModel: the model of a request that names none.
    ///   - quota: how many suggestions each user may start per minute.
    ///   - relay: runs the suggestions and keeps their events for resumption.
    ///   - suggester: the prompt and its limits.
    ///   - chat, groups: with both, a request may name a `conversation` whose last 15 messages are read here.
    ///   - keepAlive: the longest silence on a stream before a comment line keeps proxies from closing it.
    public init(
        providers: [String: any ChatCompletionProvider],
        defaultModel: String = "doubao",
        quota: SuggestionQuota = SuggestionQuota(perMinute: 20),
        relay: SuggestionRelay = SuggestionRelay(),
        suggester: ReplySuggester = ReplySuggester(),
        chat: ChatService? = nil,
        groups: (any GroupRepository)? = nil,
        keepAlive: Duration = .seconds(15)
    ) {
        var lowered: [String: any ChatCompletionProvider] = [:]
        for (name, provider) in providers { lowered[name.lowercased()] = provider }
        self.controller = SuggestionsController(
            providers: lowered,
            models: Set(Self.knownModels).union(lowered.keys),
            defaultModel: defaultModel.lowercased(),
            quota: quota,
            relay: relay,
            suggester: suggester,
            chat: chat,
            groups: groups,
            keepAlive: keepAlive
        )
    }

    /// Adds the routes under `group` at `api/ai`.
    public func addRoutes(to group: some RouterMethods<Context>) {
        self.controller.addRoutes(to: group.group("api/ai"))
    }
}
