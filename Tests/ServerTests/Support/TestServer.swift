import AuthTokens
import CRMAudit
import ChatCore
import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Server
import StorageKit
import Testing

/// The server shell with SQLite in memory, plus two routes only tests mount: one decoding JSON and one failing.
struct TestServer {
    /// True in `Scripts/test`'s own step for the fault-injection suite (`RAPPORT_TEST_FAULTS=1`).
    static var faultStep: Bool { ProcessInfo.processInfo.environment["RAPPORT_TEST_FAULTS"] == "1" }

    static let logger: Logger = {
        var logger = Logger(label: "rapport.server.tests")
        logger.logLevel = .critical
        return logger
    }()

    struct Echo: ResponseCodable { let name: String }
    struct SecretFailure: Error { let detail = "password=hunter2 at /internal/path" }

    static func configuration(_ values: [String: String] = [:]) throws -> ServerConfiguration {
        var config: [AbsoluteConfigKey: ConfigValue] = [:]
        let defaults = [
            "JWT_SECRET_KEY": "server-tests-signing-key-0123456789abcdef", "BCRYPT_COST": "10",
            "AUDIT_CHAIN_KEY": "server-tests-audit-chain-key-0123456789abcdef",
        ]
        for (key, value) in defaults.merging(values, uniquingKeysWith: { _, new in new }) {
            config[AbsoluteConfigKey(stringLiteral: key.lowercased().replacingOccurrences(of: "_", with: "."))] = .init(
                .string(value),
                isSecret: false
            )
        }
        return try ServerConfiguration(reader: ConfigReader(provider: InMemoryProvider(values: config)))
    }

    static func withApp(
        _ values: [String: String] = [:],
        closeDatabase: Bool = false,
        databaseURL: String = "sqlite::memory:",
        supportInMemory: Bool = false,
        testing: TestingSetup = .router,
        _ test: @escaping @Sendable (any TestClientProtocol, RapportServer.Services) async throws -> Void
    ) async throws {
        // With the database closed under it, the audit writer would retry for ever.
        let configuration = try configuration(closeDatabase ? values.merging(["AUDIT_ENABLED": "false"]) { _, new in new } : values)
        let database = try await ConnectedDatabase.connect(url: databaseURL, logger: logger)
        try await RapportServer.migrator.migrate(on: database.database, logger: logger)
        let made = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
        // With `supportInMemory`, the customer-service routes run over the memory repositories (users and tokens
        // stay in SQLite).
        let services =
            !supportInMemory
            ? made
            : RapportServer.Services(
                database: database,
                auth: made.auth,
                contacts: made.contacts,
                chat: made.chat,
                audit: made.audit,
                support: SupportMemoryRepository(),
                quickReplies: QuickReplyMemoryRepository()
            )
        let router = RapportServer.buildRouter(services: services, configuration: configuration)
        router.post("/test/echo") { request, context in try await request.decode(as: Echo.self, context: context) }
        router.get("/test/fail") { _, _ -> String in throw SecretFailure() }
        if closeDatabase { await database.shutdown() }
        let app = Application(router: router, logger: logger)
        let auditWriter = Task { await services.audit?.run() }
        do {
            try await app.test(testing) { client in try await test(client, services) }
        } catch {
            await services.audit?.finish()
            await services.auth.hasher.shutdown()
            await database.shutdown()
            throw error
        }
        await services.audit?.finish()
        await auditWriter.value
        await services.auth.hasher.shutdown()
        await database.shutdown()
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }
}
