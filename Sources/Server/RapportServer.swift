public import AuthTokens
public import ChatCore
public import ContactsKit
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
public import StorageKit

/// Composes Rapport: opens the database, applies the migrations, mounts every domain's routes behind the
/// common middleware. Another Hummingbird program can do the same with only the domains it wants.
public enum RapportServer {
    /// Every domain's migrations, in order. Domains append theirs as they arrive.
    public static var migrator: Migrator { Migrator(AuthMigrations.all + ContactsMigrations.all + ChatMigrations.all) }

    /// The domain services the routes use, built once over one database.
    public struct Services: Sendable {
        public let database: ConnectedDatabase
        public let auth: AuthService
        public let contacts: ContactsService
        public let chat: ChatService

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
            return Services(database: database, auth: auth, contacts: contacts, chat: chat)
        }

        public init(database: ConnectedDatabase, auth: AuthService, contacts: ContactsService, chat: ChatService) {
            self.database = database
            self.auth = auth
            self.contacts = contacts
            self.chat = chat
        }
    }

    /// The router with the common middleware and every route.
    public static func buildRouter(services: Services, configuration: ServerConfiguration) -> Router<AppRequestContext> {
        let router = self.buildRouter(database: services.database, configuration: configuration)
        router.add(middleware: AuthMiddleware(auth: services.auth))
        let render = UserRenderer(baseURL: configuration.baseURL)
        AuthController(auth: services.auth, render: render)
            .addRoutes(to: router.group("api/auth"))
        ContactsController(contacts: services.contacts, maxImportSize: max(configuration.maxBodySize, 64 << 20))
            .addRoutes(to: router.group("api/contacts"))
        let chat = ChatController(chat: services.chat, users: services.auth.users, render: render)
        chat.addFriendRoutes(to: router.group("api/friend"))
        chat.addMessageRoutes(to: router.group("api/message"))
        return router
    }

    /// The common middleware and `/api/health` only: what an embedding program builds its own routes on.
    public static func buildRouter(database: ConnectedDatabase, configuration: ServerConfiguration) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: CORSAllowlistMiddleware(origins: configuration.corsOrigins))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxBodySize))
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
        return Application(
            router: self.buildRouter(services: services, configuration: configuration),
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
            services: [ServicesCloser(services: services)],
            logger: logger
        )
    }
}

/// Closes the database and stops the hashing threads after the server has drained.
struct ServicesCloser: Service {
    let services: RapportServer.Services

    func run() async throws {
        try? await gracefulShutdown()
        await self.services.auth.hasher.shutdown()
        await self.services.database.shutdown()
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
