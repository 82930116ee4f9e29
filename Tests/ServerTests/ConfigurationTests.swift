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
import RedisEventBus
import ReplySuggestions
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
        ["AI_DOUBAO_BASE_URL": "https://ark.cn-beijing.volces.com/api/v3"], ["AI_GEMINI_BASE_URL": "generativelanguage"],
        ["AI_DEFAULT_MODEL": "gpt-4"], ["AI_TIMEOUT_SECONDS": "0"], ["AI_REQUESTS_PER_MINUTE": "-1"],
        ["EVENT_BUS": "kafka"], ["EVENT_BUS": "redis"], ["EVENT_BUS": "redis", "REDIS_URL": "rediss://h:6380"],
        ["EVENT_BUS": "redis", "REDIS_URL": "redis://h/x"], ["REDIS_STREAM_MAX_LENGTH": "10"],
        ["DATABASE_URL": "mysql://u:p@h/db", "MAX_MESSAGE_LENGTH": "20000"],
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

    @Test func theRedisBusIsConfiguredByItsURL() throws {
        let configuration = try TestServer.configuration([
            "EVENT_BUS": "Redis", "REDIS_URL": "redis://bus:secret@10.1.2.3:6380/2", "REDIS_STREAM": "chat:events",
        ])
        #expect(configuration.eventBus == .redis && configuration.redisStream == "chat:events")
        #expect(configuration.redis?.host == "10.1.2.3" && configuration.redis?.port == 6380 && configuration.redis?.database == 2)
        #expect(configuration.redis?.username == "bus" && configuration.redis?.password == "secret")
        #expect(ServerConfiguration.keys.first { $0.environment == "REDIS_URL" }?.isSecret == true)
    }

    /// Each provider is configured by its three keys; the key is kept but never printed.
    @Test func aiProvidersAreReadAndTheirKeysNeverPrint() throws {
        let configuration = try TestServer.configuration([
            "AI_DOUBAO_BASE_URL": "https://ark.cn-beijing.volces.com/api/v3", "AI_DOUBAO_MODEL": "ep-20240101-abcde",
            "AI_DOUBAO_API_KEY": "ark-secret-1", "AI_DEEPSEEK_BASE_URL": "https://api.deepseek.com/v1", "AI_DEEPSEEK_API_KEY": "sk-secret-2",
            "AI_DEFAULT_MODEL": "DeepSeek", "AI_REQUESTS_PER_MINUTE": "0",
        ])
        #expect(Set(configuration.aiProviders.keys) == ["doubao", "deepseek"])
        #expect(configuration.aiProviders["doubao"]?.model == "ep-20240101-abcde")
        #expect(configuration.aiProviders["deepseek"]?.model == "deepseek-chat")
        #expect(configuration.aiProviders["deepseek"]?.completionsURL == "https://api.deepseek.com/v1/chat/completions")
        #expect(configuration.aiProviders["deepseek"]?.apiKey?.secret == "sk-secret-2")
        #expect(configuration.aiDefaultModel == "deepseek" && configuration.aiRequestsPerMinute == 0)
        let printed = "\(configuration.aiProviders) \(String(reflecting: configuration.aiProviders))"
        #expect(!printed.contains("secret"))
        #expect(ServerConfiguration().aiProviders.isEmpty)
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
