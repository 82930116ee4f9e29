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

    @Test func aTokenThatCannotBeCheckedIs503NotA401() async throws {
        try await TestServer.withApp(["AUDIT_ENABLED": "false"]) { client, services in
            let token = try await services.token(role: .admin, name: "auditor")
            await services.database.shutdown()
            // The session store is down: the token may be good, so every family answers 503 to retry, never 401. (The
            // audit routes, which answer the same, need auditing on, whose writer would wait for ever on a closed
            // database.)
            for path in ["/api/contacts", "/api/friend/list", "/api/conversations/", "/api/groups", "/api/auth/sessions"] {
                try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    #expect(response.headers[.retryAfter] != nil, "\(path)")
                }
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
            try await client.execute(
                uri: "/test/echo",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name": "#)
            ) { response in
                #expect(response.status == .badRequest)
                let body = try TestServer.json(response.body)
                #expect(body["code"] as? Int == 400)
            }
            try await client.execute(
                uri: "/test/echo",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name": "ok"}"#)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await TestServer.withApp(["MAX_BODY_SIZE": "2048"]) { client, _ in
            let big = #"{"name": ""# + String(repeating: "x", count: 4096) + #""}"#
            try await client.execute(
                uri: "/test/echo",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: big)
            ) { response in
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
                uri: "/api/anything",
                method: .options,
                headers: [.origin: "http://other.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "authorization"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "http://other.example")
                #expect(response.headers[.accessControlAllowHeaders] == "authorization")
            }
            try await client.execute(
                uri: "/api/anything",
                method: .options,
                headers: [.origin: "http://evil.example", .accessControlRequestMethod: "POST"]
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
