import Foundation

/// The table of settings: every key with its environment name, flag, default and meaning. The command line's flags,
/// `rapport --help`, the README's table and `.env.example` are all made from it (``markdownTable()``,
/// ``environmentExample()``); the keys of a domain of their own are in the files beside (+AI, +Connections, +TLS,
/// +Observability).
extension ServerConfiguration {
    /// One configuration key: its environment name, flag, default and meaning. This table is the only list of
    /// settings: the command line's flags, `rapport --help`, the README's table and `.env.example` are all made
    /// from it (``markdownTable()``, ``environmentExample()``).
    public struct Key: Sendable {
        public let environment: String
        public let flag: String
        public let defaultValue: String
        public let help: String
        /// How the documentation shows a default that is worked out at start (nil: `defaultValue`).
        public let shownDefault: String?

        init(environment: String, flag: String, defaultValue: String, shownDefault: String? = nil, help: String) {
            self.environment = environment
            self.flag = flag
            self.defaultValue = defaultValue
            self.shownDefault = shownDefault
            self.help = help
        }

        /// A secret: masked by `rapport config check`, never logged.
        public var isSecret: Bool { ServerConfiguration.secretKeys.contains(self.environment) }
        /// The swift-configuration key (`DATABASE_URL` ↔ `database.url`).
        public var configKey: String { self.environment.lowercased().replacingOccurrences(of: "_", with: ".") }
    }

    public static let keys: [Key] =
        [
            Key(environment: "HOST", flag: "host", defaultValue: "127.0.0.1", help: "Address to listen on."),
            Key(environment: "PORT", flag: "port", defaultValue: "8080", help: "TCP port to listen on."),
            Key(
                environment: "DATABASE_URL",
                flag: "database-url",
                defaultValue: "sqlite:data/rapport.sqlite",
                help: "sqlite:PATH (relative to the working directory), sqlite::memory:, or "
                    + "mysql://USER:PASSWORD@HOST:PORT/DATABASE (also mariadb://; options ?pool=8&connect_timeout=10&read_timeout=30; "
                    + "SQLite ?synchronous=full)."
            ),
            Key(
                environment: "CORS_ORIGINS",
                flag: "cors-origins",
                defaultValue: "http://localhost:3000,http://localhost:5173,http://localhost:8080,http://127.0.0.1:3000,"
                    + "http://127.0.0.1:5173,http://127.0.0.1:8080",
                help: "Comma-separated origins allowed to call the API from a browser."
            ),
            Key(
                environment: "APP_ENV",
                flag: "app-env",
                defaultValue: "development",
                help: "development or production (which refuses to start without DATABASE_URL, JWT_SECRET_KEY and AUDIT_CHAIN_KEY)."
            ),
            Key(environment: "LOG_LEVEL", flag: "log-level", defaultValue: "info", help: "trace, debug, info, notice, warning, error or critical."),
            Key(environment: "MAX_BODY_SIZE", flag: "max-body-size", defaultValue: "1048576", help: "Largest request body in bytes; larger: 413."),
            Key(
                environment: "JWT_SECRET_KEY",
                flag: "jwt-secret-key",
                defaultValue: "",
                shownDefault: "development: a random key kept in data/jwt-secret.key (mode 0600)",
                help: "HS256 signing key, at least 32 bytes; required in production."
            ),
            Key(
                environment: "JWT_ACCESS_TOKEN_EXPIRE_DAYS",
                flag: "jwt-access-token-expire-days",
                defaultValue: "7",
                help: "Token and session lifetime in days."
            ),
            Key(environment: "BCRYPT_COST", flag: "bcrypt-cost", defaultValue: "12", help: "bcrypt cost for new passwords, 10 to 31."),
            Key(
                environment: "PHONE_REGION",
                flag: "phone-region",
                defaultValue: "CN",
                help: "Region of phone numbers written without a country code."
            ),
            Key(
                environment: "CONTACTS_TRASH_DAYS",
                flag: "contacts-trash-days",
                defaultValue: "30",
                help: "Days a deleted contact stays in the trash."
            ),
            Key(
                environment: "MAX_MESSAGE_LENGTH",
                flag: "max-message-length",
                defaultValue: "10000",
                help: "Longest chat message, in characters (at most 16000 on MariaDB)."
            ),
            Key(
                environment: "BASE_URL",
                flag: "base-url",
                defaultValue: "",
                shownDefault: "http://HOST:PORT",
                help: "Public URL put in front of media paths (avatars)."
            ),
            Key(
                environment: "MAX_FILE_SIZE",
                flag: "max-file-size",
                defaultValue: "10485760",
                help: "Largest uploaded file in bytes, checked while it streams to disk."
            ),
            Key(
                environment: "MAX_UPLOAD_SIZE",
                flag: "max-upload-size",
                defaultValue: "1073741824",
                help: "Largest resumable upload (tus, /api/files/) in bytes."
            ),
            Key(
                environment: "UPLOAD_EXPIRY_HOURS",
                flag: "upload-expiry-hours",
                defaultValue: "24",
                help: "An unfinished resumable upload untouched this long is removed."
            ),
            Key(
                environment: "USER_STORAGE_QUOTA",
                flag: "user-storage-quota",
                defaultValue: "0",
                help: "Bytes each user may keep in attachments and unfinished uploads (0: no limit)."
            ),
            Key(environment: "MAX_AVATAR_SIZE", flag: "max-avatar-size", defaultValue: "5242880", help: "Largest avatar image in bytes."),
            Key(
                environment: "MEDIA_DIR",
                flag: "media-dir",
                defaultValue: "data/media",
                help: "Where uploads are stored and /api/media is served from."
            ),
            Key(
                environment: "SUPPORT_PRESENCE_SECONDS",
                flag: "support-presence-seconds",
                defaultValue: "60",
                help: "How long a support agent counts as online after saying so (clients renew it)."
            ),
            Key(
                environment: "SUPPORT_DEFAULT_CAPACITY",
                flag: "support-default-capacity",
                defaultValue: "5",
                help: "Active conversations an agent takes at once, unless set per agent."
            ),
            Key(
                environment: "EVENT_BUS",
                flag: "event-bus",
                defaultValue: "local",
                help:
                    "How live events reach other server processes: local (one process), database (processes sharing DATABASE_URL) or redis (a Redis stream at REDIS_URL)."
            ),
            Key(
                environment: "REDIS_URL",
                flag: "redis-url",
                defaultValue: "",
                help: "With EVENT_BUS=redis: redis://[user:password@]host[:port][/db] (no TLS: tunnel it)."
            ),
            Key(
                environment: "REDIS_STREAM",
                flag: "redis-stream",
                defaultValue: "rapport:events",
                help: "The Redis stream's key; every process of one deployment uses the same."
            ),
            Key(
                environment: "REDIS_STREAM_MAX_LENGTH",
                flag: "redis-stream-max-length",
                defaultValue: "100000",
                help: "About how many events the stream keeps: how far a process may fall behind before its clients resync."
            ),
            Key(
                environment: "WS_MAX_MESSAGE_SIZE",
                flag: "ws-max-message-size",
                defaultValue: "2097152",
                help: "Largest WebSocket text message in bytes (larger: close 1009)."
            ),
            Key(
                environment: "WS_QUEUE_SIZE",
                flag: "ws-queue-size",
                defaultValue: "256",
                help: "Frames a WebSocket connection may have waiting before it is closed as too slow (1008)."
            ),
            Key(
                environment: "WS_PING_SECONDS",
                flag: "ws-ping-seconds",
                defaultValue: "30",
                help: "Seconds between pings that keep WebSocket connections alive and find dead peers."
            ),
            Key(
                environment: "WS_RESUME_LIMIT",
                flag: "ws-resume-limit",
                defaultValue: "500",
                help: "Missed messages of one conversation a resume replays; more gets resync."
            ),
            Key(
                environment: "FRIEND_REQUEST_COOLDOWN_SECONDS",
                flag: "friend-request-cooldown-seconds",
                defaultValue: "86400",
                help: "After a rejected friend request, seconds before the same sender may ask the same user again."
            ),
            Key(
                environment: "FRIEND_REQUESTS_PER_HOUR",
                flag: "friend-requests-per-hour",
                defaultValue: "30",
                help: "How many friend requests one user may send in any hour."
            ),
            Key(
                environment: "TYPING_TIMEOUT_SECONDS",
                flag: "typing-timeout-seconds",
                defaultValue: "5",
                help: "Seconds after a typing frame before the others hear that typing stopped."
            ),
            Key(
                environment: "PRESENCE_GRACE_SECONDS",
                flag: "presence-grace-seconds",
                defaultValue: "5",
                help: "Seconds a user without connections still counts as online (no flapping on reconnect)."
            ),
            Key(
                environment: "SUPPORT_SWEEP_SECONDS",
                flag: "support-sweep-seconds",
                defaultValue: "15",
                help: "How often snoozes are woken and waiting conversations assigned."
            ),
            Key(
                environment: "TRUSTED_PROXIES",
                flag: "trusted-proxies",
                defaultValue: "127.0.0.1/32,::1/128",
                help: "Comma-separated addresses or CIDRs whose X-Forwarded-For / X-Real-IP headers are believed (empty: none)."
            ),
            Key(
                environment: "AUDIT_ENABLED",
                flag: "audit-enabled",
                defaultValue: "true",
                help: "Record every request in the audit log (true or false)."
            ),
            Key(
                environment: "AUDIT_CHAIN_KEY",
                flag: "audit-chain-key",
                defaultValue: "",
                shownDefault: "development: a random key kept in data/audit-chain.key (mode 0600)",
                help: "HMAC-SHA256 key of the audit chain, at least 32 bytes; required in production. Keep it out of the database: "
                    + "whoever holds it can rewrite history undetectably."
            ),
            Key(
                environment: "AUDIT_EXCLUDE_PATHS",
                flag: "audit-exclude-paths",
                defaultValue: "/api/health,/api/docs,/api/redoc,/api/openapi.json,/api/openapi.yaml,/api/media/",
                help: "Paths not audited: an entry ending in / is a prefix, others match the path and what lies below it. OPTIONS is never audited."
            ),
            Key(
                environment: "AUDIT_REDACT_KEYS",
                flag: "audit-redact-keys",
                defaultValue: "",
                help: "Extra comma-separated key fragments whose values the audit log masks (password, token, secret … always are)."
            ),
            Key(
                environment: "AUDIT_QUEUE_SIZE",
                flag: "audit-queue-size",
                defaultValue: "10000",
                help: "Audit events held in memory before requests wait for the writer."
            ),
            Key(
                environment: "AUDIT_CHECKPOINT_ROWS",
                flag: "audit-checkpoint-rows",
                defaultValue: "1000",
                help: "Rows between audit chain checkpoints."
            ),
            Key(
                environment: "AUDIT_CHECKPOINT_MINUTES",
                flag: "audit-checkpoint-minutes",
                defaultValue: "10",
                help: "Minutes between audit chain checkpoints."
            ),
            Key(
                environment: "AUDIT_RETENTION_DAYS",
                flag: "audit-retention-days",
                defaultValue: "0",
                help: "Days audit rows are kept; older ones are purged hourly (0: keep forever)."
            ),
        ] + Self.connectionKeys + Self.tlsKeys + Self.observabilityKeys + Self.aiKeys
}
