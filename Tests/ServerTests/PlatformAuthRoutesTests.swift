import AuthTokens
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import StorageKit
import Testing

/// Seed 003's helper routes of the login and register screens, and the login log read back.
@Suite("Seed 003's auth helpers and the login log")
struct PlatformAuthRoutesTests {
    @Test func captchaAndEmailCodeHelpersAnswerOldClients() async throws {
        try await TestServer.withApp { client, _ in
            let captcha = try await client.json("/api/auth/captcha", .get)
            let url = try #require(captcha.body["captcha"] as? String)
            #expect(url.hasPrefix("data:image/png;base64,"))
            let png = try #require(Data(base64Encoded: String(url.dropFirst("data:image/png;base64,".count))))
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a real PNG signature")
            #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR" && String(decoding: png.suffix(8).prefix(4), as: UTF8.self) == "IEND")
            #expect(try await client.json("/api/auth/captcha", .get).status == .ok, "no throttle")

            #expect(try await client.json("/api/auth/email-code-status?email=a@x.com", .get).body["remaining"] as? Int == 0)
            let empty = try await client.json("/api/auth/send-email-code", body: #"{"email": ""}"#)
            #expect(empty.status == .badRequest && empty.body["message"] as? String == "邮箱不能为空")
            #expect(try await client.json("/api/auth/send-email-code", body: #"{"email": "nope"}"#).status == .badRequest)
            let sent = try await client.json("/api/auth/send-email-code", body: #"{"email": "a@x.com"}"#)
            #expect(sent.status == .ok && sent.body["message"] as? String == "验证码已发送" && sent.body["remaining"] as? Int == 60)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func theLoginLogIsReadBackByItsOwnerAndAdmins(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let aliceID = try await MessageRoutesTests.userID(client, alice)
            let bob = try await AuthRoutesTests.register(client, "bob")
            _ = try await client.json(
                "/api/auth/login",
                headers: [.userAgent: "Phone/1.0"],
                body: #"{"email": "alice@x.com", "password": "wrong password"}"#
            )
            let login = try await client.json(
                "/api/auth/login",
                headers: [.userAgent: "Phone/1.0"],
                body: #"{"email": "alice@x.com", "password": "password123"}"#
            )
            #expect(login.status == .ok)

            let mine = try await client.json("/api/auth/login-logs", .get, token: alice)
            #expect(mine.status == .ok && mine.body["total"] as? Int == 2)
            let logs = try #require(mine.body["logs"] as? [[String: Any]])
            #expect(logs.map { $0["status"] as? String } == ["success", "failed"], "newest first")
            #expect(
                logs.first?["device_info"] as? String == "Phone/1.0" && logs.first?["ip_address"] is String && logs.first?["login_time"] is String
            )
            let paged = try await client.json("/api/auth/login-logs?page=2&per_page=1", .get, token: alice)
            #expect((paged.body["logs"] as? [[String: Any]])?.map { $0["status"] as? String } == ["failed"])
            #expect(try await client.json("/api/auth/login-logs?per_page=0", .get, token: alice).status == .badRequest)

            let other = try await client.json("/api/auth/login-logs?user_id=\(aliceID)", .get, token: bob)
            #expect(other.status == .forbidden && other.body["message"] is String, "only admins read others' logs")
            let admin = try await services.token(role: .admin, name: "root")
            #expect(try await client.json("/api/auth/login-logs?user_id=\(aliceID)", .get, token: admin).body["total"] as? Int == 2)
            #expect(try await client.json("/api/auth/login-logs?user_id=999999", .get, token: admin).status == .notFound)
            #expect(try await client.json("/api/auth/login-logs", .get).status == .unauthorized)
        }
    }
}
