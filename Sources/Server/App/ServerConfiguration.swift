public import Configuration
import Foundation
public import Logging
public import NIOSSL
public import RedisEventBus
public import ReplySuggestions
import StorageKit
import SystemPackage

/// Everything the server reads at start, from (highest first) command-line flags, the environment and an
/// optional `.env` file in the working directory.
public struct ServerConfiguration: Sendable {
    public enum Environment: String, Sendable {
        case development, production
    }

    public var host: String
    public var port: Int
    public var databaseURL: String
    public var corsOrigins: [String]
    public var environment: Environment
    public var logLevel: Logger.Level
    public var maxBodySize: Int
    public var idleTimeout: Duration
    public var requestTimeout: Duration
    /// Open connections allowed in total (`MAX_CONNECTIONS`) and per client address (`MAX_CONNECTIONS_PER_CLIENT`); 0: no limit.
    public var maxConnections: Int
    public var maxConnectionsPerClient: Int
    /// The Prometheus listener's port (`METRICS_PORT`, 0: off), address and the clients it answers.
    public var metricsPort: Int
    public var metricsHost: String
    public var metricsAllowedClients: [String]
    public var logFormat: LogFormat
    /// With `TLS_CERT_FILE` and `TLS_KEY_FILE`: the loaded certificate and key the API's listener speaks TLS with.
    public var tls: NIOSSLContext?
    /// `nil`: development keeps a generated key under `./data`; production refuses to start.
    public var jwtSecret: String?
    public var tokenLifetime: Duration
    public var bcryptCost: Int
    public var baseURL: String
    public var phoneRegion: String
    public var trashRetentionDays: Int
    public var maxMessageLength: Int
    public var trustedProxies: [String]
    public var maxFileSize: Int
    /// The largest resumable upload in bytes (`MAX_UPLOAD_SIZE`).
    public var maxUploadSize: Int64
    /// How long an unfinished resumable upload is kept after its last piece (`UPLOAD_EXPIRY_HOURS`).
    public var uploadExpiryHours: Int
    /// Bytes a user may keep in attachments and unfinished uploads, 0 for no limit (`USER_STORAGE_QUOTA`).
    public var userStorageQuota: Int64
    /// The largest avatar image in bytes (`MAX_AVATAR_SIZE`).
    public var maxAvatarSize: Int
    public var mediaDirectory: String
    public var supportPresenceSeconds: Int
    public var supportDefaultCapacity: Int
    public var supportSweepSeconds: Int
    public var wsMaxMessageSize: Int
    /// Where live events go beyond this process.
    public enum EventBusKind: String, Sendable { case local, database, redis }
    public var eventBus: EventBusKind
    /// The Redis server of `EVENT_BUS=redis` (nil for the other buses).
    public var redis: RedisConfiguration?
    public var redisStream: String
    public var redisStreamMaxLength: Int
    public var wsQueueSize: Int
    public var wsPingSeconds: Int
    public var wsResumeLimit: Int
    public var presenceGraceSeconds: Int
    public var typingTimeoutSeconds: Int
    public var friendRequestCooldownSeconds: Int
    public var friendRequestsPerHour: Int
    public var auditEnabled: Bool
    /// `nil`: development keeps a generated key under `./data`; production refuses to start.
    public var auditChainKey: String?
    public var auditExcludedPaths: [String]
    public var auditRedactKeys: [String]
    public var auditQueueSize: Int
    public var auditCheckpointRows: Int
    public var auditCheckpointMinutes: Int
    public var auditRetentionDays: Int
    /// The configured reply suggestion providers, by model name (`doubao`, `gemini`, `deepseek`, `grok`).
    public var aiProviders: [String: OpenAICompatibleProvider.Endpoint]
    public var aiDefaultModel: String
    public var aiTimeout: Duration
    public var aiRequestsPerMinute: Int
    public var aiResumeWindow: Duration

    /// The defaults: what `rapport serve` uses with no configuration at all.
    public init() {
        try! self.init(reader: ConfigReader(provider: InMemoryProvider(values: [:])))
    }

    /// Reads and validates every key; throws ``ConfigurationError`` naming the first bad one.
    public init(reader: ConfigReader) throws {
        func value(_ environment: String) -> String {
            let key = Self.keys.first { $0.environment == environment }!
            let raw = reader.string(forKey: ConfigKey(key.configKey))?.trimmingCharacters(in: .whitespaces)
            return raw.flatMap { $0.isEmpty ? nil : $0 } ?? key.defaultValue
        }
        func integer(_ environment: String, in range: ClosedRange<Int>) throws -> Int {
            guard let number = Int(value(environment)), range.contains(number) else {
                throw ConfigurationError("\(environment) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        self.host = value("HOST")
        self.port = try integer("PORT", in: 1...65535)
        self.databaseURL = value("DATABASE_URL")
        self.corsOrigins = value("CORS_ORIGINS").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let environment = Environment(rawValue: value("APP_ENV").lowercased()) else {
            throw ConfigurationError("APP_ENV must be development or production")
        }
        self.environment = environment
        guard let level = Logger.Level(rawValue: value("LOG_LEVEL").lowercased()) else {
            throw ConfigurationError("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
        }
        self.logLevel = level
        self.maxBodySize = try integer("MAX_BODY_SIZE", in: 1024...(1 << 30))
        self.idleTimeout = .seconds(try integer("IDLE_TIMEOUT", in: 1...86400))
        self.requestTimeout = .seconds(try integer("REQUEST_TIMEOUT", in: 1...86400))
        self.maxConnections = try integer("MAX_CONNECTIONS", in: 0...10_000_000)
        self.maxConnectionsPerClient = try integer("MAX_CONNECTIONS_PER_CLIENT", in: 0...10_000_000)
        self.metricsPort = try integer("METRICS_PORT", in: 0...65535)
        self.metricsHost = value("METRICS_HOST")
        guard let logFormat = LogFormat(rawValue: value("LOG_FORMAT").lowercased()) else {
            throw ConfigurationError("LOG_FORMAT must be text or json")
        }
        self.logFormat = logFormat
        switch (value("TLS_CERT_FILE"), value("TLS_KEY_FILE")) {
        case ("", ""): self.tls = nil
        case (let certificate, let key) where !certificate.isEmpty && !key.isEmpty:
            self.tls = try Self.tlsContext(certificateFile: certificate, keyFile: key)
        default: throw ConfigurationError("TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither")
        }
        let secret = reader.string(forKey: "jwt.secret.key", isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        if let secret, secret.utf8.count < 32 { throw ConfigurationError("JWT_SECRET_KEY must be at least 32 bytes") }
        self.jwtSecret = secret
        self.tokenLifetime = .seconds(try integer("JWT_ACCESS_TOKEN_EXPIRE_DAYS", in: 1...365) * 86400)
        self.bcryptCost = try integer("BCRYPT_COST", in: 10...31)
        self.phoneRegion = value("PHONE_REGION").uppercased()
        self.trashRetentionDays = try integer("CONTACTS_TRASH_DAYS", in: 1...3650)
        self.maxMessageLength = try integer("MAX_MESSAGE_LENGTH", in: 1...1_000_000)
        // A message's content is a TEXT column, 65,535 bytes on MariaDB: 16,000 characters of four bytes fit.
        if self.databaseURL.lowercased().hasPrefix("mysql"), self.maxMessageLength > 16_000 {
            throw ConfigurationError("MAX_MESSAGE_LENGTH is at most 16000 on MariaDB (a message is a TEXT column of 65,535 bytes)")
        }
        func list(_ environment: String) -> [String] {
            value(environment).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        self.maxFileSize = try integer("MAX_FILE_SIZE", in: 1024...(1 << 31))
        self.maxUploadSize = Int64(try integer("MAX_UPLOAD_SIZE", in: 1...(1 << 50)))
        self.uploadExpiryHours = try integer("UPLOAD_EXPIRY_HOURS", in: 1...8760)
        self.userStorageQuota = Int64(try integer("USER_STORAGE_QUOTA", in: 0...(1 << 60)))
        self.maxAvatarSize = try integer("MAX_AVATAR_SIZE", in: 1024...(64 << 20))
        self.supportPresenceSeconds = try integer("SUPPORT_PRESENCE_SECONDS", in: 5...86400)
        self.supportDefaultCapacity = try integer("SUPPORT_DEFAULT_CAPACITY", in: 0...1000)
        self.supportSweepSeconds = try integer("SUPPORT_SWEEP_SECONDS", in: 1...3600)
        self.wsMaxMessageSize = try integer("WS_MAX_MESSAGE_SIZE", in: 1024...(64 << 20))
        guard let eventBus = EventBusKind(rawValue: value("EVENT_BUS").lowercased()) else {
            throw ConfigurationError("EVENT_BUS must be local, database or redis, not \(value("EVENT_BUS"))")
        }
        self.eventBus = eventBus
        self.redisStream = value("REDIS_STREAM")
        if self.redisStream.isEmpty { throw ConfigurationError("REDIS_STREAM must not be empty") }
        self.redisStreamMaxLength = try integer("REDIS_STREAM_MAX_LENGTH", in: 1000...100_000_000)
        if eventBus == .redis {
            guard !value("REDIS_URL").isEmpty else { throw ConfigurationError("EVENT_BUS=redis needs REDIS_URL") }
            do {
                self.redis = try RedisConfiguration(url: value("REDIS_URL"))
            } catch {
                throw ConfigurationError(error.description)
            }
        }
        self.wsQueueSize = try integer("WS_QUEUE_SIZE", in: 1...1_000_000)
        self.wsPingSeconds = try integer("WS_PING_SECONDS", in: 1...3600)
        self.wsResumeLimit = try integer("WS_RESUME_LIMIT", in: 1...100_000)
        self.presenceGraceSeconds = try integer("PRESENCE_GRACE_SECONDS", in: 0...3600)
        self.typingTimeoutSeconds = try integer("TYPING_TIMEOUT_SECONDS", in: 1...600)
        self.friendRequestCooldownSeconds = try integer("FRIEND_REQUEST_COOLDOWN_SECONDS", in: 0...31_536_000)
        self.friendRequestsPerHour = try integer("FRIEND_REQUESTS_PER_HOUR", in: 1...100_000)
        self.mediaDirectory = String(value("MEDIA_DIR").reversed().drop { $0 == "/" }.reversed())
        self.metricsAllowedClients = list("METRICS_ALLOWED_CLIENTS")
        if let bad = self.metricsAllowedClients.first(where: { AddressRange($0) == nil }) {
            throw ConfigurationError("METRICS_ALLOWED_CLIENTS: \(bad) is not an IP address or CIDR")
        }
        if self.metricsPort != 0, self.metricsPort == self.port { throw ConfigurationError("METRICS_PORT must differ from PORT") }
        self.trustedProxies = list("TRUSTED_PROXIES")
        if let bad = self.trustedProxies.first(where: { AddressRange($0) == nil }) {
            throw ConfigurationError("TRUSTED_PROXIES: \(bad) is not an IP address or CIDR")
        }
        switch value("AUDIT_ENABLED").lowercased() {
        case "true", "1", "yes", "on": self.auditEnabled = true
        case "false", "0", "no", "off": self.auditEnabled = false
        default: throw ConfigurationError("AUDIT_ENABLED must be true or false")
        }
        let chainKey = reader.string(forKey: "audit.chain.key", isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        if let chainKey, chainKey.utf8.count < 32 { throw ConfigurationError("AUDIT_CHAIN_KEY must be at least 32 bytes") }
        self.auditChainKey = chainKey
        self.auditExcludedPaths = list("AUDIT_EXCLUDE_PATHS")
        self.auditRedactKeys = list("AUDIT_REDACT_KEYS")
        self.auditQueueSize = try integer("AUDIT_QUEUE_SIZE", in: 1...10_000_000)
        self.auditCheckpointRows = try integer("AUDIT_CHECKPOINT_ROWS", in: 1...100_000_000)
        self.auditCheckpointMinutes = try integer("AUDIT_CHECKPOINT_MINUTES", in: 1...525_600)
        self.auditRetentionDays = try integer("AUDIT_RETENTION_DAYS", in: 0...36_500)
        let ai = try Self.aiSettings(reader, value: value, integer: integer)
        (self.aiProviders, self.aiDefaultModel, self.aiTimeout) = (ai.providers, ai.defaultModel, ai.timeout)
        (self.aiRequestsPerMinute, self.aiResumeWindow) = (ai.requestsPerMinute, ai.resumeWindow)
        let base = value("BASE_URL")
        self.baseURL =
            base.isEmpty ? "\(self.tls == nil ? "http" : "https")://\(self.host):\(self.port)" : String(base.reversed().drop { $0 == "/" }.reversed())
        if environment == .production {
            guard reader.string(forKey: "database.url") != nil else {
                throw ConfigurationError("APP_ENV=production needs an explicit DATABASE_URL")
            }
            guard secret != nil else { throw ConfigurationError("APP_ENV=production needs JWT_SECRET_KEY (at least 32 bytes)") }
            guard chainKey != nil || !self.auditEnabled else {
                throw ConfigurationError("APP_ENV=production needs AUDIT_CHAIN_KEY (at least 32 bytes)")
            }
        }
    }

    static let secretKeys: Set<String> = Set(
        ["DATABASE_URL", "JWT_SECRET_KEY", "AUDIT_CHAIN_KEY", "REDIS_URL"] + Self.aiModels.map { "AI_\($0.name.uppercased())_API_KEY" }
    )

    /// Builds the reader the server uses: `overrides` (from flags, keyed by environment name) over the process
    /// environment over `./.env` when it exists.
    public static func load(overrides: [String: String] = [:], environmentFile: String = ".env") async throws -> ServerConfiguration {
        try ServerConfiguration(reader: try await Self.reader(overrides: overrides, environmentFile: environmentFile))
    }

    /// The reader ``load(overrides:environmentFile:)`` reads: `overrides` over the environment over `environmentFile`.
    public static func reader(overrides: [String: String] = [:], environmentFile: String = ".env") async throws -> ConfigReader {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (name, value) in overrides {
            let key = name.lowercased().replacingOccurrences(of: "_", with: ".")
            values[AbsoluteConfigKey(stringLiteral: key)] = ConfigValue(.string(value), isSecret: Self.secretKeys.contains(name))
        }
        let secrets = SecretsSpecifier<String, String>.specific(Self.secretKeys)
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(secretsSpecifier: secrets),
        ]
        if FileManager.default.fileExists(atPath: environmentFile) {
            do {
                providers.append(
                    try await EnvironmentVariablesProvider(
                        environmentFilePath: .init(environmentFile),
                        allowMissing: true,
                        secretsSpecifier: secrets
                    )
                )
            } catch {
                throw ConfigurationError("cannot read \(environmentFile): \(error)")
            }
        }
        return ConfigReader(providers: providers)
    }
}
