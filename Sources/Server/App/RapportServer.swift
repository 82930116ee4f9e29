import Attachments
public import AuthTokens
public import CRMAudit
import ChatCore
public import ContactsKit
import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
public import Logging
import NIOCore
import RedisEventBus
import ReplySuggestions
import ServiceLifecycle
public import StorageKit
import Synchronization
import UnixSignals

/// Composes Rapport: opens the database, applies the migrations, mounts every domain's routes behind the
/// common middleware. Another Hummingbird program can do the same with only the domains it wants.
public enum RapportServer {
    /// This release of Rapport (`rapport --version`).
    public static let version = "0.9.0"

    /// Every domain's migrations, in order. Domains append theirs as they arrive.
    public static var migrator: Migrator {
        Migrator(
            AuthMigrations.all + ContactsMigrations.all + ChatMigrations.all + AuditMigrations.all + AttachmentMigrations.all
                + ServerMigrations.all
        )
    }

    /// The audit log on `database`, sealed with the configured chain key and checkpoint policy.
    public static func auditStore(database: ConnectedDatabase, configuration: ServerConfiguration) throws -> any AuditLogStore {
        let sealer = try AuditSealer(
            key: try SigningKey.auditChain(configuration),
            checkpoints: AuditCheckpointPolicy(
                rows: Int64(configuration.auditCheckpointRows),
                interval: .seconds(configuration.auditCheckpointMinutes * 60)
            )
        )
        return AuditLogSQLStore(database: database.database, sealer: sealer)
    }

    /// Accounts, passwords, tokens and sessions on `database`: what `rapport create-admin` needs, and every route.
    public static func authService(database: ConnectedDatabase, configuration: ServerConfiguration, logger: Logger) async throws -> AuthService {
        let tokens = try await TokenService(secret: try SigningKey.resolve(configuration), lifetime: configuration.tokenLifetime)
        let db = database.database
        return AuthService(
            users: UserSQLRepository(database: db),
            sessions: SessionSQLRepository(database: db),
            loginLog: LoginLogSQLStore(database: db),
            hasher: PasswordHasher(cost: configuration.bcryptCost),
            tokens: tokens,
            logger: logger
        )
    }

    /// Address books on `database`, with the configured phone region and trash retention.
    public static func contactsService(database: ConnectedDatabase, configuration: ServerConfiguration, logger: Logger) throws -> ContactsService {
        guard let normalizer = PhoneNumberNormalizer(defaultRegion: configuration.phoneRegion) else {
            throw ConfigurationError("PHONE_REGION \(configuration.phoneRegion) is not a supported region")
        }
        return ContactsService(
            repository: ContactSQLRepository(database: database.database),
            normalizer: normalizer,
            trashRetention: .seconds(configuration.trashRetentionDays * 86400),
            logger: logger
        )
    }

    /// A verification problem in words (the API's `problem` field and `rapport audit verify`).
    public static func describe(_ problem: AuditVerification.Problem) -> String { AuditLogsController<AppRequestContext>.describe(problem) }

    /// The router with the common middleware and every route.
    public static func buildRouter(services: Services, configuration: ServerConfiguration) -> Router<AppRequestContext> {
        let router = self.buildRouter(database: services.database, configuration: configuration, auth: services.auth, audit: services.audit)
        do {
            // Seed 004's default avatar URLs must not answer 404.
            try AvatarStore(mediaDirectory: configuration.mediaDirectory).installDefaults()
        } catch {
            Logger(label: "rapport.media").warning(
                "cannot write the default avatars",
                metadata: ["directory": "\(configuration.mediaDirectory)/avatars", "error": "\(error)"]
            )
        }
        // The API document describes these routes, so it is served with them (not by the base router embedders use).
        DocumentationController().addRoutes(to: router)
        let desk = services.desk(configuration)
        let (groups, realtime) = (services.groups, services.realtime)
        // Every account is a member of the public channel, as the migration made every earlier one: those that
        // register, and those an admin provisions. Every process forgets the channel's cached members, so an
        // account's first post needs no repair.
        let joinPublicChannel: @Sendable ([User]) async throws -> Void = { users in
            let ids = users.filter { $0.status != .deleted }.map { ParticipantID($0.id.rawValue) }
            guard !ids.isEmpty else { return }
            _ = try await groups.add(ids, role: .member, to: ChatGroup.publicChannelID, at: Date())
            await realtime.announceMembership(of: ChatGroup.publicChannelID)
        }
        AuthController(auth: services.auth, render: UserRenderer(baseURL: configuration.baseURL)) { user in try await joinPublicChannel([user]) }
            .addRoutes(to: router.group("api/auth"))
        ContactsController(contacts: services.contacts, maxImportSize: max(configuration.maxBodySize, 64 << 20))
            .addRoutes(to: router.group("api/contacts"))
        let files = FileStore(
            attachments: services.attachments,
            uploads: services.uploads,
            signer: services.fileSigner,
            quota: configuration.userStorageQuota,
            messages: services.chat.messages
        )
        ChatRoutes(
            chat: services.chat,
            groups: services.groups,
            friendRequests: services.friendRequests,
            users: services.auth.users,
            realtime: services.realtime,
            baseURL: configuration.baseURL,
            files: files,
            accounts: AccountRemoval(
                auth: services.auth,
                steps: [
                    AccountRemoval.chat(chat: services.chat, groups: services.groups, friendRequests: services.friendRequests, realtime: realtime),
                    AccountRemoval.contacts(services.contacts.repository), AccountRemoval.quickReplies(services.quickReplies),
                    AccountRemoval.profile(services.profiles, mediaDirectory: configuration.mediaDirectory),
                ]
            )
        ).addRoutes(to: router)
        SupportRoutes(
            desk: desk,
            quickReplies: services.quickReplies,
            users: services.auth.users,
            realtime: services.realtime,
            baseURL: configuration.baseURL,
            maximumContentLength: configuration.maxMessageLength,
            files: files,
            provisioned: joinPublicChannel,
            accessChanged: { [sessions = services.auth.sessions, hub = services.realtime.hub] user in
                _ = try await sessions.revokeAll(of: user, keeping: nil, at: Date())
                await hub.close(user: ParticipantID(user.rawValue))
            }
        ).addRoutes(to: router)
        FilesRoutes(
            mediaDirectory: configuration.mediaDirectory,
            maxFileSize: configuration.maxFileSize,
            baseURL: configuration.baseURL,
            resumable: .init(
                uploads: services.uploads,
                attachments: services.attachments,
                maxUploadSize: configuration.maxUploadSize,
                expiry: TimeInterval(configuration.uploadExpiryHours) * 3600,
                quota: configuration.userStorageQuota
            ),
            files: files
        ).addRoutes(to: router)
        ProfileRoutes(
            users: services.auth.users,
            profiles: services.profiles,
            mediaDirectory: configuration.mediaDirectory,
            maxAvatarSize: configuration.maxAvatarSize,
            baseURL: configuration.baseURL
        ).addRoutes(to: router)
        RealtimeRoutes(
            realtime: services.realtime,
            auth: services.auth,
            chat: services.chat,
            groups: services.groups,
            friendRequests: services.friendRequests,
            desk: desk,
            mediaDirectory: configuration.mediaDirectory,
            baseURL: configuration.baseURL,
            limits: .init(
                maxMessageSize: configuration.wsMaxMessageSize,
                resumeLimit: configuration.wsResumeLimit,
                typingTimeout: .seconds(configuration.typingTimeoutSeconds),
                maxFileSize: configuration.maxFileSize
            ),
            files: files
        ).addRoutes(to: router)
        SuggestionRoutes(
            providers: configuration.aiProviders.mapValues { endpoint in
                OpenAICompatibleProvider(endpoint: endpoint, timeout: configuration.aiTimeout, logger: Logger(label: "rapport.ai"))
            },
            defaultModel: configuration.aiDefaultModel,
            quota: SuggestionQuota(perMinute: configuration.aiRequestsPerMinute),
            relay: SuggestionRelay(resumeWindow: configuration.aiResumeWindow),
            chat: services.chat,
            groups: services.groups
        ).addRoutes(to: router)
        if let audit = services.audit {
            AuditLogsController(store: audit.store).addRoutes(to: router.group("api/foundation/audit-logs"))
        }
        return router
    }

    /// The common middleware and `/api/health` only: what an embedding program builds its own routes on. With
    /// `auth`, every request's token is read; with `audit`, every request is recorded.
    public static func buildRouter(
        database: ConnectedDatabase,
        configuration: ServerConfiguration,
        auth: AuthService? = nil,
        audit: AuditRecorder? = nil
    ) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Outermost, so every answer is counted, by route template and status (METRICS_PORT).
        if configuration.metricsPort > 0 { router.add(middleware: RouteMetricsMiddleware()) }
        router.add(middleware: FormEncodedQueryMiddleware())
        router.add(middleware: ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
        router.add(middleware: CORSAllowlistMiddleware(origins: configuration.corsOrigins))
        if let auth { router.add(middleware: AuthMiddleware(auth: auth)) }
        if let audit {
            router.add(
                middleware: AuditMiddleware(
                    recorder: audit,
                    redactor: AuditRedactor(additionalKeys: configuration.auditRedactKeys),
                    excludedPaths: configuration.auditExcludedPaths
                )
            )
        }
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AllowedMethodsMiddleware(router: router))
        router.add(
            middleware: BodyLimitMiddleware(
                limit: configuration.maxBodySize,
                limits: [
                    // Multipart framing around one file, and whole address books.
                    ("/api/upload/", configuration.maxFileSize + 64 * 1024), ("/api/profile/avatar", configuration.maxAvatarSize + 64 * 1024),
                    ("/api/contacts/import", max(configuration.maxBodySize, 64 << 20)),
                    // A resumable upload's piece: the upload's length bounds it, checked as it streams.
                    ("/api/files/", Int(clamping: configuration.maxUploadSize)),
                ]
            )
        )
        router.add(middleware: MediaHeadersMiddleware())
        router.add(
            middleware: PathPrefixMiddleware(
                prefix: "/api/media/",
                middleware: FileMiddleware(configuration.mediaDirectory, urlBasePath: "/api/media")
            )
        )
        // Each request's line is written at debug; below that level the middleware would only cost its call.
        if configuration.logLevel <= .debug { router.add(middleware: LogRequestsMiddleware(.debug)) }
        HealthController(database: database).addRoutes(to: router.group("api"))
        return router
    }

    /// Builds the whole application from `configuration`: connects (failing with a ``StorageError`` that names
    /// the database), migrates, and returns an application whose shutdown drains requests, then closes the database.
    public static func buildApplication(
        configuration: ServerConfiguration,
        logger: Logger
    ) async throws -> some ApplicationProtocol {
        let services = try await self.connectServices(configuration: configuration, logger: logger)
        return self.application(services: services, configuration: configuration, logger: logger)
    }

    /// Runs the application around `services` (from ``connectServices(configuration:logger:)``) until SIGTERM or SIGINT. On the signal, live WebSockets are closed first
    /// (1001, "Server shutting down", after what was queued for them), then the server stops accepting and finishes
    /// the requests in flight, the audit queue is committed and the database closed.
    public static func run(services: Services, configuration: ServerConfiguration, logger: Logger) async throws {
        let app = self.application(services: services, configuration: configuration, logger: logger)
        // ServiceGroup stops services in reverse order: the sockets' closer before the application.
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app), .init(service: RealtimeCloser(hub: services.realtime.hub, logger: logger))],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    /// Connects the database of `configuration` (failing with a ``StorageError`` that names it), migrates it and
    /// builds the services on it.
    public static func connectServices(configuration: ServerConfiguration, logger: Logger) async throws -> Services {
        // Before anything records a metric: a metric made before the backend exists records nothing.
        if configuration.metricsPort > 0 { RapportMetrics.bootstrap() }
        let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
        do {
            try await self.migrator.migrate(on: database.database, logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
        logger.info("database ready", metadata: ["database": "\(database.location)"])
        do {
            return try await Services.make(database: database, configuration: configuration, logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// The application around already built services (tests use this with SQLite in memory).
    public static func application(
        services: Services,
        configuration: ServerConfiguration,
        logger: Logger
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
            maxFrameSize: configuration.wsMaxMessageSize,
            autoPing: .enabled(timePeriod: .seconds(configuration.wsPingSeconds))
        )
        return Application(
            router: router,
            server: self.guardedServer(
                router: router,
                configuration: .init(http1: http1, ws: webSocket),
                requestTimeout: requestTimeout,
                limiter: self.connectionLimiter(configuration),
                tls: configuration.tls
            ),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
            services: self.backgroundServices(services, configuration: configuration, logger: logger),
            logger: logger
        )
    }
}
