public import Attachments
public import AuthTokens
public import CRMAudit
public import ChatCore
public import ContactsKit
import Foundation
public import Logging
import RedisEventBus
import StorageKit

extension RapportServer {
    /// The domain services the routes use, built once over one database.
    public struct Services: Sendable {
        public let database: ConnectedDatabase
        public let auth: AuthService
        public let contacts: ContactsService
        public let chat: ChatService
        /// The audit recorder, over the audit store; `nil` when `AUDIT_ENABLED=false`.
        public let audit: AuditRecorder?
        /// Customer-service conversations and quick replies (seed 004).
        public let support: any SupportDeskRepository
        public let quickReplies: any QuickReplyRepository
        /// The live connections of this process and the bus between processes.
        public let realtime: Realtime
        /// Group conversations.
        public let groups: any GroupRepository
        /// Friend requests and blocks.
        public let friendRequests: any FriendRequestRepository
        /// Seed 003's profiles (biography, location, phone).
        public let profiles: any ProfileRepository
        /// Stored files, and resumable uploads on their way to becoming one.
        public let attachments: any AttachmentRepository
        public let uploads: any UploadRepository
        /// Signs chat files' download URLs; its key is derived from the token signing key.
        public let fileSigner: FileURLSigner

        /// The support desk's decisions over ``support``, with the configured presence lease and default capacity.
        public func desk(_ configuration: ServerConfiguration, logger: Logger = Logger(label: "rapport.support")) -> SupportDesk {
            SupportDesk(
                repository: self.support,
                presenceLease: TimeInterval(configuration.supportPresenceSeconds),
                defaultCapacity: configuration.supportDefaultCapacity,
                logger: logger
            )
        }

        /// Builds every service on `database` with the SQL repositories.
        public static func make(database: ConnectedDatabase, configuration: ServerConfiguration, logger: Logger) async throws -> Services {
            let auth = try await RapportServer.authService(database: database, configuration: configuration, logger: logger)
            let contacts = try RapportServer.contactsService(database: database, configuration: configuration, logger: logger)
            let db = database.database
            let chat = ChatService(
                messages: MessageSQLRepository(database: db),
                friendships: FriendshipSQLRepository(database: db),
                maximumContentLength: configuration.maxMessageLength,
                logger: logger
            )
            let hub = ChatHub(queueCapacity: configuration.wsQueueSize, presenceGrace: .seconds(configuration.presenceGraceSeconds))
            let bus: any EventBus =
                switch configuration.eventBus {
                case .local: LocalEventBus()
                case .database: SQLEventBus(database: db, origin: hub.process, logger: logger)
                case .redis:
                    RedisEventBus(
                        configuration: configuration.redis!,
                        stream: configuration.redisStream,
                        maxLength: configuration.redisStreamMaxLength,
                        origin: hub.process,
                        logger: logger
                    )
                }
            let realtime = Realtime(hub: hub, bus: bus, presence: PresenceSQLStore(database: db))
            var audit: AuditRecorder?
            if configuration.auditEnabled {
                audit = AuditRecorder(
                    store: try RapportServer.auditStore(database: database, configuration: configuration),
                    capacity: configuration.auditQueueSize,
                    logger: logger
                )
            }
            return Services(
                database: database,
                auth: auth,
                contacts: contacts,
                chat: chat,
                audit: audit,
                support: SupportSQLRepository(database: db),
                quickReplies: QuickReplySQLRepository(database: db),
                realtime: realtime,
                groups: GroupSQLRepository(database: db),
                profiles: ProfileSQLRepository(database: db),
                friendRequests: FriendRequestSQLRepository(
                    database: db,
                    policy: FriendRequestPolicy(
                        cooldown: TimeInterval(configuration.friendRequestCooldownSeconds),
                        hourlyLimit: configuration.friendRequestsPerHour
                    )
                ),
                fileSigner: FileURLSigner(secret: try SigningKey.resolve(configuration))
            )
        }

        public init(
            database: ConnectedDatabase,
            auth: AuthService,
            contacts: ContactsService,
            chat: ChatService,
            audit: AuditRecorder? = nil,
            support: any SupportDeskRepository = SupportMemoryRepository(),
            quickReplies: any QuickReplyRepository = QuickReplyMemoryRepository(),
            realtime: Realtime = Realtime(),
            groups: (any GroupRepository)? = nil,
            profiles: (any ProfileRepository)? = nil,
            friendRequests: (any FriendRequestRepository)? = nil,
            attachments: (any AttachmentRepository)? = nil,
            uploads: (any UploadRepository)? = nil,
            fileSigner: FileURLSigner? = nil
        ) {
            self.fileSigner = fileSigner ?? FileURLSigner(secret: (0..<32).map { _ in UInt8.random(in: 0...255) })
            self.attachments = attachments ?? AttachmentSQLRepository(database: database.database)
            self.uploads = uploads ?? UploadSQLRepository(database: database.database)
            self.profiles = profiles ?? ProfileSQLRepository(database: database.database)
            self.realtime = realtime
            self.groups = groups ?? GroupSQLRepository(database: database.database)
            self.friendRequests = friendRequests ?? FriendRequestSQLRepository(database: database.database)
            self.database = database
            self.auth = auth
            self.contacts = contacts
            self.chat = chat
            self.audit = audit
            self.support = support
            self.quickReplies = quickReplies
        }
    }
}
