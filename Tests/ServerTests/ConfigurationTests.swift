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
        let configuration = try await ServerConfiguration.load(
            overrides: ["PORT": "9000", "LOG_LEVEL": "debug"],
            environmentFile: "/nonexistent/.env"
        )
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
            return error is ConfigurationError
                && values.keys.contains { text.contains($0) || text.contains("DATABASE_URL") || text.contains("JWT_SECRET_KEY") }
        }
    }

    @Test func productionWithAnExplicitDatabaseStarts() throws {
        let configuration = try TestServer.configuration([
            "APP_ENV": "production", "DATABASE_URL": "sqlite:/tmp/x.sqlite", "JWT_SECRET_KEY": String(repeating: "k", count: 32),
        ])
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
