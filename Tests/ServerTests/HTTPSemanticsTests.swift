import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Server
import Testing

/// Methods, query strings and preconditions answered as HTTP says, in each API family's envelope.
@Suite("HTTP semantics")
struct HTTPSemanticsTests {
    @Test func aWrongMethodOnAKnownPathIs405WithAllow() async throws {
        try await TestServer.withApp { client, _ in
            for (method, path, allow) in [
                (HTTPRequest.Method.get, "/api/auth/login", "POST"), (.post, "/api/health", "GET, HEAD"), (.get, "/api/message/send", "POST"),
                (.delete, "/api/contacts/12", "GET, HEAD"),
            ] {
                let reply = try await client.json(path, method)
                #expect(reply.status == .methodNotAllowed, "\(method) \(path)")
                #expect(reply.headers[.allow] == allow, "\(method) \(path): \(reply.headers[.allow] ?? "none")")
            }
            // Each family's envelope: seed 001's `error`, the contacts `{code, message, data}`, seed 004's `detail`.
            let chat = try await client.json("/api/message/send", .get)
            #expect(chat.body["error"] as? String == "请求方法不被允许" && chat.body["code"] as? Int == 405)
            let contacts = try await client.json("/api/contacts/12", .delete)
            #expect(contacts.body["code"] as? Int == 405 && contacts.body["data"] is NSNull && contacts.body.count == 3)
            let support = try await client.json("/api/users/me", .patch)
            #expect(support.status == .methodNotAllowed && support.body as NSDictionary == ["detail": "Method Not Allowed"])
            // Unknown paths stay 404; OPTIONS lists the methods; HEAD works wherever GET does.
            #expect(try await client.json("/api/nothing-here", .get).status == .notFound)
            #expect(try await client.json("/api/nothing-here", .post).status == .notFound)
            let options = try await client.json("/api/auth/login", .options)
            #expect(options.status == .noContent && options.headers[.allow] == "POST")
            #expect(try await client.json("/api/health", .head).status == .ok)
        }
    }

    @Test func aChunkedBodyThatOutgrowsTheLimitGetsTheEnvelope() async throws {
        try await ConnectionLimitTests.withLiveServer(["MAX_BODY_SIZE": "1024"]) { port in
            // No Content-Length: the limit is found while the body is read, below the handler.
            let chunk = String(repeating: " ", count: 4096)
            let request =
                "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n\(String(chunk.utf8.count, radix: 16))\r\n\(chunk)\r\n0\r\n\r\n"
            let (text, _) = try await ConnectionLimitTests.exchange(port: port, request, wait: .seconds(8))
            #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
            #expect(text.contains(#""error":"请求体过大""#) && text.contains(#""request_id":"#), "\(text)")
        }
    }

    @Test func aPlusInTheQueryIsASpace() async throws {
        try await TestServer.withApp { client, services in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let blank = try await client.json("/api/friend/search?keyword=+++", .get, token: alice)
            #expect(blank.status == .badRequest && blank.body["error"] as? String == "搜索关键词不能为空")
            let admin = try await services.token(role: .admin, name: "root")
            let audit = try await client.json("/api/foundation/audit-logs?start_time=2024-01-01+00:00:00", .get, token: admin)
            #expect(audit.status == .ok, "\(audit.body)")
            // A plus sent as %2B stays a plus.
            let plus = try await client.json("/api/friend/search?keyword=%2B", .get, token: alice)
            #expect(plus.status == .ok)
        }
    }
}
