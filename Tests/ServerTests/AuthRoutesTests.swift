import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Auth routes")
struct AuthRoutesTests {
    static func register(_ client: some TestClientProtocol, _ name: String, password: String = "password123") async throws -> String {
        let reply = try await client.json("/api/auth/register", body: #"{"username":"\#(name)","email":"\#(name)@x.com","password":"\#(password)"}"#)
        #expect(reply.status == .created)
        return try #require(reply.body["access_token"] as? String)
    }

    @Test func registerAnswersTheUnionShape() async throws {
        try await TestServer.withApp { client, _ in
            let reply = try await client.json(
                "/api/auth/register",
                body: #"{"username":" alice ","email":"a@x.com","password":"password123","code":"ignored"}"#
            )
            #expect(reply.status == .created)
            let body = reply.body
            #expect(body["message"] as? String == "注册成功")
            #expect(body["access_token"] as? String == body["token"] as? String)
            #expect(body["token_type"] as? String == "bearer")
            #expect(body["userId"] as? Int == body["user_id"] as? Int && body["username"] as? String == "alice")
            let user = try #require(body["user"] as? [String: Any])
            #expect(user["id"] as? Int == body["user_id"] as? Int && user["avatar"] as? String == "" && user["role"] as? String == "user")
            let created = try #require(user["created_at"] as? String)
            #expect(created.count == 26 && created.contains("T") && !created.hasSuffix("Z"))
            #expect(user["description"] is NSNull && user["status"] as? String == "active")

            let cases: [(String, HTTPResponse.Status, String, String)] = [
                (#"{"username":"","email":"b@x.com","password":"password123"}"#, .badRequest, "用户名、邮箱和密码都是必需的", "用户名和密码不能为空"),
                (#"{"username":"bob","email":"","password":"password123"}"#, .badRequest, "用户名、邮箱和密码都是必需的", "邮箱不能为空"),
                (#"{"username":"ALICE","email":"b@x.com","password":"password123"}"#, .badRequest, "用户名已存在", "用户名已存在"),
                (#"{"username":"bob","email":"A@x.com","password":"password123"}"#, .badRequest, "邮箱已存在", "邮箱已经存在"),
                (#"[1,2]"#, .unsupportedMediaType, "请求必须是JSON格式", "请求必须是JSON格式"),
                (#"{"username": 5, "email":"b@x.com","password":"password123"}"#, .badRequest, "用户名、邮箱和密码都是必需的", "用户名和密码不能为空"),
            ]
            for (json, status, error, message) in cases {
                let reply = try await client.json("/api/auth/register", body: json)
                #expect(reply.status == status, "\(json)")
                #expect(reply.body["error"] as? String == error && reply.body["message"] as? String == message, "\(json)")
            }
            let short = try await client.json("/api/auth/register", body: #"{"username":"bob","email":"b@x.com","password":"short"}"#)
            #expect(short.status == .badRequest && (short.body["error"] as? String)?.contains("8") == true)
        }
    }

    @Test func loginByUsernameOrEmailGuestAndFailures() async throws {
        try await TestServer.withApp { client, _ in
            _ = try await Self.register(client, "carol")
            for body in [#"{"username":"carol","password":"password123"}"#, #"{"email":"carol@x.com","password":"password123","captcha":"X"}"#] {
                let reply = try await client.json("/api/auth/login", body: body)
                #expect(reply.status == .ok)
                #expect(reply.body["message"] as? String == "登录成功" && reply.body["email"] as? String == "carol@x.com")
                let user = try #require(reply.body["user"] as? [String: Any])
                #expect(user["last_seen"] as? String != nil)
            }
            let guest = try await client.json("/api/auth/login", body: #"{"email":"","password":""}"#)
            #expect(guest.status == .ok && guest.body["message"] as? String == "访客登陆成功" && guest.body["user_id"] as? Int == 0)
            let wrong = try await client.json("/api/auth/login", body: #"{"username":"carol","password":"nope nope"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(
                wrong.body["error"] as? String == "用户名或密码错误" && wrong.body["message"] as? String == "邮箱或密码错误"
                    && wrong.body["detail"] as? String == "用户名或密码错误"
            )
            let missing = try await client.json("/api/auth/login", body: #"{"username":"carol"}"#)
            #expect(missing.status == .badRequest && missing.body["detail"] as? String == "用户名和密码都是必需的")
            let garbage = try await client.json("/api/auth/login", body: "not json")
            #expect(garbage.status == .badRequest)
        }
    }

    @Test func loginThrottleAnswers429WithRetryAfter() async throws {
        try await TestServer.withApp { client, _ in
            _ = try await Self.register(client, "dan")
            for _ in 0..<5 {
                #expect(try await client.json("/api/auth/login", body: #"{"username":"dan","password":"guess guess"}"#).status == .unauthorized)
            }
            let blocked = try await client.json("/api/auth/login", body: #"{"username":"dan","password":"password123"}"#)
            #expect(blocked.status == .tooManyRequests)
            let seconds = try #require(blocked.body["retry_after"] as? Int)
            #expect((1...60).contains(seconds))
            #expect(blocked.headers[.retryAfter] == String(seconds))
            #expect(blocked.body["error"] as? String == "请求过于频繁，请在\(seconds)秒后重试")
        }
    }

    @Test func tokenErrorsSpeakEachFamilysLanguage() async throws {
        try await TestServer.withApp { client, _ in
            let token = try await Self.register(client, "erin")
            #expect(try await client.json("/api/auth/profile", .get, token: token).status == .ok)
            let chat: [(HTTPFields, HTTPResponse.Status, String)] = [
                ([:], .unauthorized, "Missing Authorization Header"),
                (
                    [.authorization: "Basic abc"], .unauthorized,
                    "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'"
                ),
                ([.authorization: "Bearer "], .unprocessableContent, "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'"),
                ([.authorization: "Bearer abc"], .unprocessableContent, "Not enough segments"),
                ([.authorization: "Bearer \(token)x"], .unprocessableContent, "Signature verification failed"),
            ]
            for (headers, status, message) in chat {
                let reply = try await client.json("/api/auth/profile", .get, headers: headers)
                #expect(reply.status == status && reply.body["msg"] as? String == message, "\(headers)")
            }
            let support: [(HTTPFields, String)] = [
                ([:], "缺少认证信息"), ([.authorization: "Bearerabc"], "无效的认证格式"), ([.authorization: "Basic abc"], "无效的认证方式"),
                ([.authorization: "Bearer abc"], "Token 无效或已过期"),
            ]
            for (headers, detail) in support {
                let reply = try await client.json("/api/auth/me", .get, headers: headers)
                #expect(reply.status == .unauthorized && reply.body["detail"] as? String == detail, "\(headers)")
                #expect(reply.headers[.wwwAuthenticate] == "Bearer")
            }
            let me = try await client.json("/api/auth/me", .get, token: token)
            #expect(me.status == .ok && me.body["username"] as? String == "erin" && me.body["created_at"] is Int && me.body["id"] is String)
        }
    }

    @Test func changePasswordEndsOtherSessions() async throws {
        try await TestServer.withApp { client, _ in
            let first = try await Self.register(client, "fay", password: "old password")
            let second = try #require(
                try await client.json("/api/auth/login", body: #"{"username":"fay","password":"old password"}"#).body["token"] as? String
            )
            let wrong = try await client.json(
                "/api/auth/change_password",
                token: second,
                body: #"{"old_password":"bad bad bad","new_password":"new password"}"#
            )
            #expect(wrong.status == .unauthorized && wrong.body["error"] as? String == "旧密码错误")
            let missing = try await client.json("/api/auth/change_password", token: second, body: #"{"old_password":"old password"}"#)
            #expect(missing.status == .badRequest && missing.body["error"] as? String == "旧密码和新密码都是必需的")
            let changed = try await client.json(
                "/api/auth/change_password",
                token: second,
                body: #"{"old_password":"old password","new_password":"new password"}"#
            )
            #expect(changed.status == .ok && changed.body["message"] as? String == "密码修改成功")
            let revoked = try await client.json("/api/auth/profile", .get, token: first)
            #expect(revoked.status == .unauthorized && revoked.body["msg"] as? String == "Token has been revoked")
            #expect(try await client.json("/api/auth/profile", .get, token: second).status == .ok)
            #expect(try await client.json("/api/auth/login", body: #"{"username":"fay","password":"new password"}"#).status == .ok)
        }
    }

    @Test func logoutAndSessions() async throws {
        try await TestServer.withApp { client, _ in
            let first = try await Self.register(client, "gus")
            let second = try #require(
                try await client.json("/api/auth/login", body: #"{"username":"gus","password":"password123"}"#).body["token"] as? String
            )
            let listed = try await client.json("/api/auth/sessions", .get, token: second)
            let sessions = try #require(listed.body["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2 && sessions.filter { $0["current"] as? Bool == true }.count == 1)
            let other = try #require(sessions.first { $0["current"] as? Bool == false }?["id"] as? String)
            #expect(try await client.json("/api/auth/sessions/\(other)", .delete, token: second).status == .ok)
            #expect(try await client.json("/api/auth/sessions/\(other)", .delete, token: second).status == .notFound)
            #expect(try await client.json("/api/auth/profile", .get, token: first).status == .unauthorized)
            #expect(try await client.json("/api/auth/logout", token: second).status == .ok)
            let after = try await client.json("/api/auth/sessions", .get, token: second)
            #expect(after.status == .unauthorized && after.body["detail"] as? String == "Token has been revoked")
        }
    }

    @Test func adminLoginAndMintedTokens() async throws {
        try await TestServer.withApp { client, services in
            let admin = try await services.auth.createAdmin(username: "admin", password: "admin password", externalID: "a2", email: nil)
            _ = try await services.auth.users.create(
                NewUser(externalID: "b1", username: "买家1", role: .buyer, avatar: "/api/media/avatars/buyer1.png", createdAt: Date())
            )
            let login = try await client.json("/api/auth/login", body: #"{"username":"admin","password":"admin password"}"#)
            #expect(login.status == .ok && login.body["user_id"] as? String == "a2" && login.body["userId"] as? String == "a2")
            let user = try #require(login.body["user"] as? [String: Any])
            #expect(
                user["id"] as? String == "a2" && user["created_at"] is Int && user["role"] as? String == "admin"
                    && user["description"] as? String == "管理员"
            )
            let adminToken = try #require(login.body["access_token"] as? String)
            let minted = try await client.json("/api/auth/token", token: adminToken, body: #"{"user_id":"b1"}"#)
            #expect(minted.status == .ok && minted.body["token_type"] as? String == "bearer")
            let buyer = try #require(minted.body["user"] as? [String: Any])
            #expect(buyer["avatar"] as? String == "http://127.0.0.1:8080/api/media/avatars/buyer1.png")
            let buyerToken = try #require(minted.body["access_token"] as? String)
            let me = try await client.json("/api/auth/me", .get, token: buyerToken)
            #expect(me.body["id"] as? String == "b1" && me.body["role"] as? String == "buyer")
            let denied = try await client.json("/api/auth/token", token: buyerToken, body: #"{"user_id":"b1"}"#)
            #expect(denied.status == .forbidden && denied.body["detail"] as? String == "需要管理员权限")
            let unknown = try await client.json("/api/auth/token", token: adminToken, body: #"{"user_id":"zz"}"#)
            #expect(unknown.status == .notFound && unknown.body["detail"] as? String == "User not found")
            let invalid = try await client.json("/api/auth/token", token: adminToken, body: #"{}"#)
            #expect(invalid.status == .unprocessableContent && (invalid.body["errors"] as? [String]) == ["user_id: Field required"])
            let byNumber = try await client.json("/api/auth/token", token: adminToken, body: #"{"user_id":"\#(admin.id)"}"#)
            #expect(byNumber.status == .ok)
            // A seed-004 buyer cannot log in with a password.
            let buyerLogin = try await client.json("/api/auth/login", body: #"{"username":"买家1","password":"anything1"}"#)
            #expect(buyerLogin.status == .forbidden && buyerLogin.body["detail"] as? String == "只有管理员可以登录")
        }
    }
}
