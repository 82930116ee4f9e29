import Configuration
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Server
import StorageKit
import AuthTokens
import CRMAudit
import Testing

/// The server shell with SQLite in memory, plus two routes only tests mount: one decoding JSON and one failing.
struct TestServer {
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
            config[AbsoluteConfigKey(stringLiteral: key.lowercased().replacingOccurrences(of: "_", with: "."))] = .init(.string(value), isSecret: false)
        }
        return try ServerConfiguration(reader: ConfigReader(provider: InMemoryProvider(values: config)))
    }

    static func withApp(
        _ values: [String: String] = [:], closeDatabase: Bool = false, databaseURL: String = "sqlite::memory:", supportInMemory: Bool = false,
        _ test: @escaping @Sendable (any TestClientProtocol, RapportServer.Services) async throws -> Void
    ) async throws {
        // With the database closed under it, the audit writer would retry for ever.
        let configuration = try configuration(closeDatabase ? values.merging(["AUDIT_ENABLED": "false"]) { _, new in new } : values)
        let database = try await ConnectedDatabase.connect(url: databaseURL, logger: logger)
        try await RapportServer.migrator.migrate(on: database.database, logger: logger)
        let made = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
        // With `supportInMemory`, the customer-service routes run over the memory repositories (users and tokens
        // stay in SQLite).
        let services = !supportInMemory ? made : RapportServer.Services(
            database: database, auth: made.auth, contacts: made.contacts, chat: made.chat, audit: made.audit,
            support: SupportMemoryRepository(), quickReplies: QuickReplyMemoryRepository()
        )
        let router = RapportServer.buildRouter(services: services, configuration: configuration)
        router.post("/test/echo") { request, context in try await request.decode(as: Echo.self, context: context) }
        router.get("/test/fail") { _, _ -> String in throw SecretFailure() }
        if closeDatabase { await database.shutdown() }
        let app = Application(router: router, logger: logger)
        let auditWriter = Task { await services.audit?.run() }
        do {
            try await app.test(.router) { client in try await test(client, services) }
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

@Suite("HTTP shell")
struct HTTPShellTests {
    @Test func healthAnswersTheUnionShapeWithTheDatabaseCheck() async throws {
        try await TestServer.withApp { client, _ in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try TestServer.json(response.body)
                #expect(body["code"] as? Int == 200)
                #expect(body["status"] as? String == "ok")
                #expect(body["message"] as? String == "服务正常运行")
                #expect(body["database"] as? String == "ok")
                #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            }
        }
    }

    @Test func healthReportsAnUnavailableDatabase() async throws {
        try await TestServer.withApp(closeDatabase: true) { client, _ in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try TestServer.json(response.body)
                #expect(body["database"] as? String == "unavailable")
            }
        }
    }

    @Test func unknownRoutesAre404WithTheRequestID() async throws {
        try await TestServer.withApp { client, _ in
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try TestServer.json(response.body)
                #expect(body["code"] as? Int == 404)
                #expect(body["error"] as? String == "接口不存在")
                #expect(body["detail"] as? String == "接口不存在")
                #expect(body["request_id"] as? String == response.headers[HTTPField.Name("X-Request-Id")!])
            }
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await TestServer.withApp { client, _ in
            try await client.execute(uri: "/test/echo", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"name": "#)) { response in
                #expect(response.status == .badRequest)
                let body = try TestServer.json(response.body)
                #expect(body["code"] as? Int == 400)
            }
            try await client.execute(uri: "/test/echo", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"name": "ok"}"#)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await TestServer.withApp(["MAX_BODY_SIZE": "2048"]) { client, _ in
            let big = #"{"name": ""# + String(repeating: "x", count: 4096) + #""}"#
            try await client.execute(uri: "/test/echo", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                let body = try TestServer.json(response.body)
                #expect(body["code"] as? Int == 413)
            }
        }
    }

    @Test func unexpectedErrorsAre500WithoutInternals() async throws {
        try await TestServer.withApp { client, _ in
            try await client.execute(uri: "/test/fail", method: .get) { response in
                #expect(response.status == .internalServerError)
                let text = String(buffer: response.body)
                #expect(!text.contains("hunter2") && !text.contains("SecretFailure") && !text.contains("/internal"))
                let body = try TestServer.json(response.body)
                #expect(body["request_id"] as? String == response.headers[HTTPField.Name("X-Request-Id")!])
            }
        }
    }

    @Test func corsFollowsTheAllowlist() async throws {
        try await TestServer.withApp(["CORS_ORIGINS": "http://app.example, http://other.example"]) { client, _ in
            try await client.execute(uri: "/api/health", method: .get, headers: [.origin: "http://app.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "http://app.example")
            }
            try await client.execute(uri: "/api/health", method: .get, headers: [.origin: "http://evil.example"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(
                uri: "/api/anything", method: .options,
                headers: [.origin: "http://other.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "authorization"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "http://other.example")
                #expect(response.headers[.accessControlAllowHeaders] == "authorization")
            }
            try await client.execute(
                uri: "/api/anything", method: .options, headers: [.origin: "http://evil.example", .accessControlRequestMethod: "POST"]
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func defaultCORSAllowsLocalhostOrigins() throws {
        let configuration = try TestServer.configuration()
        #expect(configuration.corsOrigins.contains("http://localhost:5173"))
        #expect(configuration.corsOrigins.allSatisfy { $0.contains("localhost") || $0.contains("127.0.0.1") })
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = ServerConfiguration()
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.databaseURL == "sqlite:data/rapport.sqlite")
        #expect(configuration.environment == .development && configuration.logLevel == .info)
        #expect(configuration.maxBodySize == 1 << 20)
    }

    @Test func flagsOverrideTheEnvironment() async throws {
        let configuration = try await ServerConfiguration.load(overrides: ["PORT": "9000", "LOG_LEVEL": "debug"], environmentFile: "/nonexistent/.env")
        #expect(configuration.port == 9000 && configuration.logLevel == .debug)
    }

    @Test func dotEnvIsRead() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(UUID().uuidString).env")
        try "HOST=0.0.0.0\nCORS_ORIGINS=http://a.example\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try await ServerConfiguration.load(overrides: ["PORT": "9001"], environmentFile: file.path)
        #expect(configuration.host == "0.0.0.0" && configuration.corsOrigins == ["http://a.example"] && configuration.port == 9001)
    }

    @Test(arguments: [
        ["PORT": "0"], ["PORT": "http"], ["APP_ENV": "staging"], ["LOG_LEVEL": "loud"], ["MAX_BODY_SIZE": "-1"],
        ["APP_ENV": "production", "JWT_SECRET_KEY": ""], ["APP_ENV": "production", "DATABASE_URL": "sqlite:x.db", "JWT_SECRET_KEY": ""],
        ["JWT_SECRET_KEY": "too short"], ["BCRYPT_COST": "9"], ["JWT_ACCESS_TOKEN_EXPIRE_DAYS": "0"],
    ])
    func badValuesNameTheKey(_ values: [String: String]) throws {
        #expect {
            _ = try TestServer.configuration(values)
        } throws: { error in
            let text = "\(error)"
            return error is ConfigurationError && values.keys.contains { text.contains($0) || text.contains("DATABASE_URL") || text.contains("JWT_SECRET_KEY") }
        }
    }

    @Test func productionWithAnExplicitDatabaseStarts() throws {
        let configuration = try TestServer.configuration(["APP_ENV": "production", "DATABASE_URL": "sqlite:/tmp/x.sqlite", "JWT_SECRET_KEY": String(repeating: "k", count: 32)])
        #expect(configuration.environment == .production)
    }

    @Test(arguments: ["foo://x", "mysql://nouser", "mysql://u:p@h", "sqlite:/etc/hostname/dir/db.sqlite"])
    func badDatabaseURLsFailWithOneLine(_ url: String) async throws {
        do {
            _ = try await ConnectedDatabase.connect(url: url, logger: TestServer.logger)
            Issue.record("connected to \(url)")
        } catch {
            #expect(!"\(error)".contains("\n"))
        }
    }
}
