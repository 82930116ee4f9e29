public import AuthTokens
public import ChatCore
public import ContactsKit
public import CRMAudit
public import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
public import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Foundation
public import StorageKit

/// Composes Rapport: opens the database, applies the migrations, mounts every domain's routes behind the
/// common middleware. Another Hummingbird program can do the same with only the domains it wants.
public enum RapportServer {
    /// Every domain's migrations, in order. Domains append theirs as they arrive.
    public static var migrator: Migrator {
        Migrator(AuthMigrations.all + ContactsMigrations.all + ChatMigrations.all + AuditMigrations.all)
    }

    /// The audit log on `database`, sealed with the configured chain key and checkpoint policy.
    public static func auditStore(database: ConnectedDatabase, configuration: ServerConfiguration) throws -> any AuditLogStore {
        let sealer = try AuditSealer(
            key: try SigningKey.auditChain(configuration),
            checkpoints: AuditCheckpointPolicy(
                rows: Int64(configuration.auditCheckpointRows), interval: .seconds(configuration.auditCheckpointMinutes * 60)
            )
        )
        return AuditLogSQLStore(database: database.database, sealer: sealer)
    }

    /// A verification problem in words (the API's `problem` field and `rapport audit verify`).
    public static func describe(_ problem: AuditVerification.Problem) -> String { AuditController.describe(problem) }

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

        /// Builds every service on `database` with the SQL repositories.
        public static func make(database: ConnectedDatabase, configuration: ServerConfiguration, logger: Logger) async throws -> Services {
            let tokens = try await TokenService(secret: try SigningKey.resolve(configuration), lifetime: configuration.tokenLifetime)
            let db = database.database
            let auth = AuthService(
                users: UserSQLRepository(database: db), sessions: SessionSQLRepository(database: db),
                loginLog: LoginLogSQLStore(database: db), hasher: PasswordHasher(cost: configuration.bcryptCost),
                tokens: tokens, logger: logger
            )
            guard let normalizer = PhoneNumberNormalizer(defaultRegion: configuration.phoneRegion) else {
                throw ConfigurationError("PHONE_REGION \(configuration.phoneRegion) is not a supported region")
            }
            let contacts = ContactsService(
                repository: ContactSQLRepository(database: db), normalizer: normalizer,
                trashRetention: .seconds(configuration.trashRetentionDays * 86400), logger: logger
            )
            let chat = ChatService(
                messages: MessageSQLRepository(database: db), friendships: FriendshipSQLRepository(database: db),
                maximumContentLength: configuration.maxMessageLength, logger: logger
            )
            let hub = ChatHub(queueCapacity: configuration.wsQueueSize, presenceGrace: .seconds(configuration.presenceGraceSeconds))
            let bus: any EventBus = switch configuration.eventBus {
            case .local: LocalEventBus()
            case .database: SQLEventBus(database: db, origin: hub.process, logger: logger)
            }
            let realtime = Realtime(hub: hub, bus: bus, presence: PresenceSQLStore(database: db))
            var audit: AuditRecorder?
            if configuration.auditEnabled {
                audit = AuditRecorder(
                    store: try RapportServer.auditStore(database: database, configuration: configuration),
                    capacity: configuration.auditQueueSize, logger: logger
                )
            }
            return Services(
                database: database, auth: auth, contacts: contacts, chat: chat, audit: audit,
                support: SupportSQLRepository(database: db), quickReplies: QuickReplySQLRepository(database: db),
                realtime: realtime, groups: GroupSQLRepository(database: db),
                friendRequests: FriendRequestSQLRepository(database: db, policy: FriendRequestPolicy(
                    cooldown: TimeInterval(configuration.friendRequestCooldownSeconds), hourlyLimit: configuration.friendRequestsPerHour
                ))
            )
        }

        public init(
            database: ConnectedDatabase, auth: AuthService, contacts: ContactsService, chat: ChatService, audit: AuditRecorder? = nil,
            support: any SupportDeskRepository = SupportMemoryRepository(), quickReplies: any QuickReplyRepository = QuickReplyMemoryRepository(),
            realtime: Realtime = Realtime(), groups: (any GroupRepository)? = nil, friendRequests: (any FriendRequestRepository)? = nil
        ) {
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

    /// The router with the common middleware and every route.
    public static func buildRouter(services: Services, configuration: ServerConfiguration) -> Router<AppRequestContext> {
        let router = self.buildRouter(database: services.database, configuration: configuration, auth: services.auth, audit: services.audit)
        let render = UserRenderer(baseURL: configuration.baseURL)
        AuthController(auth: services.auth, render: render)
            .addRoutes(to: router.group("api/auth"))
        ContactsController(contacts: services.contacts, maxImportSize: max(configuration.maxBodySize, 64 << 20))
            .addRoutes(to: router.group("api/contacts"))
        let chat = ChatController(
            chat: services.chat, users: services.auth.users, render: render, realtime: services.realtime, frames: RealtimeFrames(render: render),
            friendRequests: services.friendRequests
        )
        let friends = FriendRequestsController(requests: services.friendRequests, chat: services.chat, users: services.auth.users, realtime: services.realtime)
        chat.addFriendRoutes(to: router.group("api/friend"))
        friends.addRoutes(to: router.group("api/friend"))
        let directory = DirectoryController(users: services.auth.users, groups: services.groups, chat: services.chat)
        let user = router.group("api/user")
        user.get("status", use: friends.statusRoute)
        directory.addUserRoutes(to: user)
        directory.addGroupRoutes(to: router.group("api/group"))
        PlatformChatController(
            chat: services.chat, groups: services.groups, users: services.auth.users, realtime: services.realtime, frames: RealtimeFrames(render: render)
        ).addRoutes(to: router.group("api/chat"))
        chat.addMessageRoutes(to: router.group("api/message"))
        UsersController(users: services.auth.users, render: render).addRoutes(to: router.group("api/users"))
        let support = SupportController(
            support: services.support, quickReplies: services.quickReplies, users: services.auth.users, render: render,
            maximumContentLength: configuration.maxMessageLength, presenceLease: TimeInterval(configuration.supportPresenceSeconds),
            defaultCapacity: configuration.supportDefaultCapacity, realtime: services.realtime, frames: RealtimeFrames(render: render)
        )
        GroupsController(
            groups: services.groups, chat: services.chat, users: services.auth.users, realtime: services.realtime, frames: RealtimeFrames(render: render)
        ).addRoutes(to: router.group("api/groups"))
        RealtimeController(
            realtime: services.realtime, auth: services.auth, users: services.auth.users, support: services.support, chat: services.chat,
            groups: services.groups, friends: friends,
            frames: RealtimeFrames(render: render), render: render, maxMessageSize: configuration.wsMaxMessageSize,
            resumeLimit: configuration.wsResumeLimit, presenceLease: TimeInterval(configuration.supportPresenceSeconds),
            typingTimeout: .seconds(configuration.typingTimeoutSeconds), mediaDirectory: configuration.mediaDirectory,
            maxFileSize: configuration.maxFileSize, logger: Logger(label: "rapport.realtime")
        ).addRoutes(to: router)
        support.addDeskRoutes(to: router.group("api/support"))
        support.addConversationRoutes(to: router.group("api/conversations"))
        support.addMessageRoutes(to: router.group("api/messages"))
        support.addQuickReplyRoutes(to: router.group("api/quick-replies"))
        let uploads = UploadController(mediaDirectory: configuration.mediaDirectory, maxFileSize: configuration.maxFileSize, render: render)
        uploads.addRoutes(to: router.group("api/upload"))
        uploads.addFileRoutes(to: router.group("api/file"))
        if let audit = services.audit {
            AuditController(store: audit.store).addRoutes(to: router.group("api/foundation/audit-logs"))
        }
        return router
    }

    /// The common middleware and `/api/health` only: what an embedding program builds its own routes on. With
    /// `auth`, every request's token is read; with `audit`, every request is recorded.
    public static func buildRouter(
        database: ConnectedDatabase, configuration: ServerConfiguration, auth: AuthService? = nil, audit: AuditRecorder? = nil
    ) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
        router.add(middleware: CORSAllowlistMiddleware(origins: configuration.corsOrigins))
        if let auth { router.add(middleware: AuthMiddleware(auth: auth)) }
        if let audit {
            router.add(middleware: AuditMiddleware(
                recorder: audit, redactor: AuditRedactor(additionalKeys: configuration.auditRedactKeys),
                excludedPaths: configuration.auditExcludedPaths
            ))
        }
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxBodySize, limits: [
            // Multipart framing around one file, and whole address books.
            ("/api/upload/", configuration.maxFileSize + 64 * 1024), ("/api/contacts/import", max(configuration.maxBodySize, 64 << 20)),
        ]))
        router.add(middleware: MediaHeadersMiddleware())
        router.add(middleware: FileMiddleware(configuration.mediaDirectory, urlBasePath: "/api/media"))
        router.add(middleware: LogRequestsMiddleware(.debug))
        HealthController(database: database).addRoutes(to: router.group("api"))
        return router
    }

    /// Builds the whole application from `configuration`: connects (failing with a ``StorageError`` that names
    /// the database), migrates, and returns an application whose shutdown drains requests, then closes the database.
    public static func buildApplication(
        configuration: ServerConfiguration, logger: Logger
    ) async throws -> some ApplicationProtocol {
        let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
        do {
            try await self.migrator.migrate(on: database.database, logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
        logger.info("database ready", metadata: ["database": "\(database.location)"])
        let services: Services
        do {
            services = try await Services.make(database: database, configuration: configuration, logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
        return self.application(services: services, configuration: configuration, logger: logger)
    }

    /// The application around already built services (tests use this with SQLite in memory).
    public static func application(
        services: Services, configuration: ServerConfiguration, logger: Logger
    ) -> some ApplicationProtocol {
        let requestTimeout = TimeAmount.seconds(configuration.requestTimeout.components.seconds)
        var http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuardHandler(requestTimeout: requestTimeout)],
            idleTimeout: .seconds(configuration.idleTimeout.components.seconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 100)
        )
        http1.idleTimeout = .seconds(configuration.idleTimeout.components.seconds)
        let router = self.buildRouter(services: services, configuration: configuration)
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: configuration.wsMaxMessageSize, autoPing: .enabled(timePeriod: .seconds(configuration.wsPingSeconds))
        )
        return Application(
            router: router,
            server: self.guardedServer(router: router, configuration: .init(http1: http1, ws: webSocket), requestTimeout: requestTimeout),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
            services: [ServicesRunner(
                services: services, auditRetentionDays: configuration.auditRetentionDays,
                supportSweep: .seconds(configuration.supportSweepSeconds), logger: logger
            )],
            logger: logger
        )
    }
}

extension RapportServer {
    /// HTTP/1 with WebSocket upgrade (the router decides which requests upgrade), with ``FirstRequestGuard`` in
    /// front: the upgrade pipeline parses a connection's first request head before ``ConnectionGuardHandler``
    /// is in place, so that head gets its limits and timeout here.
    static func guardedServer(
        router: Router<AppRequestContext>, configuration: HTTP1WebSocketUpgradeChannel.Configuration, requestTimeout: TimeAmount
    ) -> HTTPServerBuilder {
        let decoder = configuration.http1.httpDecoder
        let webSocketResponder = router.buildResponder()
        return HTTPServerBuilder { responder in
            GuardedChildChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                makeGuard: {
                    FirstRequestGuard(
                        requestTimeout: requestTimeout, maxFieldSize: decoder.maxHeaderFieldSize, maxListSize: decoder.maxHeaderListSize,
                        maxFieldCount: decoder.maxHeaderFieldCount
                    )
                }
            )
        }
    }
}

/// A child channel with ``FirstRequestGuard`` at the front of its pipeline.
struct GuardedChildChannel<Inner: ServerChildChannel>: ServerChildChannel {
    typealias Value = Inner.Value
    let inner: Inner
    let makeGuard: @Sendable () -> FirstRequestGuard

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(self.makeGuard(), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return self.inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await self.inner.handle(value: value, logger: logger)
    }
}

/// Runs the audit writer (and its retention purge) beside the server; after the server has drained, commits
/// every audit event still queued, then stops the hashing threads and closes the database.
struct ServicesRunner: Service {
    let services: RapportServer.Services
    let auditRetentionDays: Int
    /// How often waiting support conversations are swept (snoozes woken, assignment retried).
    var supportSweep: Duration = .seconds(15)
    let logger: Logger

    func run() async throws {
        // The writer is never cancelled: a cancelled task's database calls fail at once, so it could not drain.
        // `finish()` stops it once everything queued is committed.
        let writer = self.services.audit.map { audit in Task { await audit.run() } }
        let purge = self.services.audit.flatMap { audit in
            self.auditRetentionDays > 0 ? Task { await self.purgeHourly(audit.store) } : nil
        }
        let sweep = Task { await self.sweepSupport() }
        let realtime = self.services.realtime
        // A bus between processes delivers what the others publish; in one process there is nothing to receive.
        let bus = realtime.bus is LocalEventBus ? nil : Task { await self.receive(realtime) }
        await self.observePresence()
        let presence = Task { await self.syncPresence() }
        try? await gracefulShutdown()
        presence.cancel()
        await presence.value
        // This process's users are no longer connected here.
        try? await realtime.presence?.sync(node: realtime.hub.process, users: [], until: Date(), now: Date())
        // Each WebSocket closes itself when shutdown begins; any left now are closed here.
        await realtime.hub.closeAll()
        sweep.cancel()
        await sweep.value
        bus?.cancel()
        purge?.cancel()
        await self.services.audit?.finish()
        await writer?.value
        await self.services.auth.hasher.shutdown()
        await self.services.database.shutdown()
    }

    /// Delivers what other processes publish, resubscribing after a failure.
    func receive(_ realtime: Realtime) async {
        while !Task.isCancelled {
            do {
                let cache = realtime.groupCache
                try await realtime.hub.run(realtime.bus) { event in
                    if let group = event.changedGroup { cache.invalidate(group) }
                }
            } catch {
                self.logger.error("event bus subscription failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Renews this process's presence leases: every third of the lease, the stored presence of this node is made
    /// exactly the users connected here (which also mends any write the observer missed).
    func syncPresence() async {
        let realtime = self.services.realtime
        guard let presence = realtime.presence else { return }
        while !Task.isCancelled {
            let users = await realtime.hub.onlineUsers().filter { $0.rawValue > 0 }
            do {
                try await presence.sync(node: realtime.hub.process, users: users, until: Date().addingTimeInterval(Realtime.presenceLease), now: Date())
            } catch {
                self.logger.error("presence renewal failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(Realtime.presenceLease / 3))
        }
    }

    /// Tells everyone when a user comes online or goes offline, and keeps an agent's presence lease in step with
    /// its connections.
    func observePresence() async {
        let services = self.services
        await services.realtime.hub.observePresence { change in
            let user: ParticipantID
            switch change {
            case .online(let id): user = id
            case .offline(let id): user = id
            }
            guard user.rawValue > 0 else { return }
            if let presence = services.realtime.presence {
                let node = services.realtime.hub.process
                do {
                    switch change {
                    case .online: try await presence.setOnline(user, node: node, until: Date().addingTimeInterval(Realtime.presenceLease))
                    case .offline: try await presence.setOffline(user, node: node)
                    }
                } catch {
                    // The next renewal (syncPresence) writes the truth.
                    self.logger.error("presence store write failed", metadata: ["error": "\(error)"])
                }
            }
            let name = (try? await services.auth.users.user(id: UserID(user.rawValue))).flatMap { $0?.externalID } ?? String(user.rawValue)
            // Presence goes to the user's contacts (everyone sharing a conversation with it) and the monitors, not
            // to every connection: a broadcast to all would grow with the square of the users online.
            let contacts = await Realtime.contacts(of: user, chat: services.chat)
            await services.realtime.publish(HubEvent(
                recipients: contacts + [Realtime.monitors], frames: RealtimeFrames.presence(change, name: .string(name)), exceptUser: user
            ))
            if case .offline = change, (try? await services.support.agent(user)) != nil {
                _ = try? await services.support.setPresence(user, onlineUntil: nil)
            }
        }
    }

    /// Wakes snoozed conversations and assigns what waits — what no request triggered, such as an agent's lease
    /// renewed in another process.
    func sweepSupport() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: self.supportSweep)
            if Task.isCancelled { return }
            do {
                let assigned = try await self.services.support.sweep(at: Date())
                if !assigned.isEmpty { self.logger.debug("support sweep assigned", metadata: ["count": "\(assigned.count)"]) }
            } catch {
                self.logger.error("support sweep failed", metadata: ["error": "\(error)"])
            }
        }
    }

    func purgeHourly(_ store: any AuditLogStore) async {
        while !Task.isCancelled {
            do {
                let cutoff = Date().addingTimeInterval(-Double(self.auditRetentionDays) * 86400)
                let purged = try await store.purge(createdBefore: cutoff)
                if purged > 0 { self.logger.info("audit retention purge", metadata: ["rows": "\(purged)"]) }
            } catch {
                self.logger.error("audit retention purge failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}

/// `GET /api/health`: the union body of the seeds, plus the database check. The check's result is reused for
/// a second, so a load balancer polling hard (or a benchmark) does not turn health into database load.
struct HealthController {
    let database: ConnectedDatabase
    let recent = HealthMemo()

    final class HealthMemo: Sendable {
        let last = Mutex<(at: ContinuousClock.Instant, healthy: Bool)?>(nil)
    }

    func databaseIsHealthy(logger: Logger) async -> Bool {
        let now = ContinuousClock.now
        if let cached = self.recent.last.withLock({ $0 }), now - cached.at < .seconds(1) { return cached.healthy }
        var healthy = true
        do {
            try await self.database.check()
        } catch {
            logger.warning("health check: database unavailable", metadata: ["error": "\(error)"])
            healthy = false
        }
        self.recent.last.withLock { $0 = (now, healthy) }
        return healthy
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("health") { _, context -> Response in
            if await self.databaseIsHealthy(logger: context.logger) {
                return .json(.ok, ["code": 200, "status": "ok", "message": "服务正常运行", "database": "ok"])
            }
            return .json(.serviceUnavailable, ["code": 503, "status": "error", "message": "数据库不可用", "database": "unavailable"])
        }
    }
}
