public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle
public import StorageKit

/// Composes Rapport: opens the database, applies the migrations, mounts every domain's routes behind the
/// common middleware. Another Hummingbird program can do the same with only the domains it wants.
public enum RapportServer {
    /// Every domain's migrations, in order. Domains append theirs as they arrive.
    public static var migrator: Migrator { Migrator() }

    /// The router with the common middleware and every route.
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
        return self.application(database: database, configuration: configuration, logger: logger)
    }

    /// The application around an already connected database (tests use this with SQLite in memory).
    public static func application(
        database: ConnectedDatabase, configuration: ServerConfiguration, logger: Logger
    ) -> some ApplicationProtocol {
        let requestTimeout = TimeAmount.seconds(configuration.requestTimeout.components.seconds)
        var http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuardHandler(requestTimeout: requestTimeout)],
            idleTimeout: .seconds(configuration.idleTimeout.components.seconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 100)
        )
        http1.idleTimeout = .seconds(configuration.idleTimeout.components.seconds)
        return Application(
            router: self.buildRouter(database: database, configuration: configuration),
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
            services: [DatabaseCloser(database: database)],
            logger: logger
        )
    }
}

/// Closes the database after the server has drained, when the service group shuts down.
struct DatabaseCloser: Service {
    let database: ConnectedDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await self.database.shutdown()
    }
}

/// `GET /api/health`: the union body of the seeds, plus the database check.
struct HealthController {
    let database: ConnectedDatabase

    struct Body: Encodable {
        let code: Int
        let status: String
        let message: String
        let database: String
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("health") { _, context -> Response in
            do {
                try await self.database.check()
                return .json(.ok, Body(code: 200, status: "ok", message: "服务正常运行", database: "ok"))
            } catch {
                context.logger.warning("health check: database unavailable", metadata: ["error": "\(error)"])
                return .json(.serviceUnavailable, Body(code: 503, status: "error", message: "数据库不可用", database: "unavailable"))
            }
        }
    }
}
