import AuthTokens
import ChatCore
import ContactsKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

/// Account self-service in place of seed 003's stubs: `PUT /api/user/update` and `DELETE /api/user/delete`.
@Suite("Account self-service")
struct AccountRoutesTests {
    @Test(arguments: HTTPBackend.enabled)
    func theCallerChangesItsOwnNameAddressAndAvatar(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            _ = try await AuthRoutesTests.register(client, "bob")
            let reply = try await client.json(
                "/api/user/update",
                .put,
                token: alice,
                body: #"{"username": " alice2 ", "email": "new@x.com", "avatar": "https://cdn.example/a.png"}"#
            )
            #expect(reply.status == .ok && reply.body["message"] as? String == "用户信息更新成功")
            let user = try #require(reply.body["user"] as? [String: Any])
            #expect(user["username"] as? String == "alice2" && user["email"] as? String == "new@x.com")
            #expect(user["avatar"] as? String == "https://cdn.example/a.png")
            // The new name and address log in; the old ones do not.
            #expect(try await client.json("/api/auth/login", body: #"{"email": "new@x.com", "password": "password123"}"#).status == .ok)
            #expect(try await client.json("/api/auth/login", body: #"{"email": "alice@x.com", "password": "password123"}"#).status == .unauthorized)

            // Refused as at registration, and nothing changes.
            let refused: [(String, String)] = [
                (#"{"username": "BOB", "email": "other@x.com"}"#, "用户名已存在"), (#"{"email": "BOB@x.com"}"#, "邮箱已经存在"),
                (#"{"username": "  "}"#, "用户名不能为空且不超过50个字符"),
                (#"{"username": "\#(String(repeating: "n", count: 51))"}"#, "用户名不能为空且不超过50个字符"),
                (#"{"username": "已注销用户#9"}"#, "用户名不能为空且不超过50个字符"), (#"{"email": ""}"#, "邮箱不能为空且不超过120个字符"),
                (#"{"avatar": "\#(String(repeating: "a", count: 256))"}"#, "头像地址不能超过255个字符"), (#"{"username": 5}"#, "username 必须是字符串"),
                ("[]", "请求必须是JSON对象"),
            ]
            for (body, message) in refused {
                let answer = try await client.json("/api/user/update", .put, token: alice, body: body)
                #expect(answer.status == .badRequest && answer.body["message"] as? String == message, "\(body)")
            }
            let me = try await client.json("/api/auth/profile", .get, token: alice)
            #expect((me.body["user"] as? [String: Any])?["username"] as? String == "alice2")
            #expect((me.body["user"] as? [String: Any])?["email"] as? String == "new@x.com")
            // Changing only the case of one's own name is allowed; `null` clears the avatar.
            let cased = try await client.json("/api/user/update", .put, token: alice, body: #"{"username": "Alice2", "avatar": null}"#)
            #expect(cased.status == .ok && (cased.body["user"] as? [String: Any])?["avatar"] as? String == "")

            let guest = try await PublicChannelTests.guestToken(client)
            #expect(try await client.json("/api/user/update", .put, token: guest, body: #"{"username": "g"}"#).status == .forbidden)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func deletingAnAccountNeedsThePasswordAndLeavesItsMessages(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let (t, ids) = try await PublicChannelTests.register(client, ["alice", "bob"])
            let alice = try #require(t["alice"])
            let bob = try #require(t["bob"])
            let aliceID = Int64(try #require(ids["alice"]))
            _ = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username": "bob"}"#)
            #expect(try await UserRoutesTests.array(client, "/api/user/friends", token: bob).1.count == 1)
            _ = try await client.json("/api/chat/send", token: alice, body: #"{"group_id": 1, "content": "再见"}"#)
            _ = try await client.json("/api/profile/profile", .put, token: alice, body: #"{"bio": "bye"}"#)
            _ = try await client.json("/api/contacts/add", token: alice, body: #"{"name": "张三", "phone": "138-0013-8000"}"#)
            _ = try await services.quickReplies.create(user: ParticipantID(aliceID), content: "您好", sortOrder: 0, at: Date())

            // A wrong or missing password changes nothing.
            var answer = try await client.json("/api/user/delete", .delete, token: alice, body: #"{"password": "wrong password"}"#)
            #expect(answer.status == .forbidden && answer.body["message"] as? String == "密码错误，账户未注销")
            answer = try await client.json("/api/user/delete", .delete, token: alice, body: #"{}"#)
            #expect(answer.status == .badRequest && answer.body["message"] as? String == "请输入密码以确认注销")
            #expect(try await client.json("/api/auth/profile", .get, token: alice).status == .ok)
            #expect(try await services.contacts.repository.contacts(owner: OwnerID(aliceID), query: ContactQuery()).count == 1)

            answer = try await client.json("/api/user/delete", .delete, token: alice, body: #"{"password": "password123"}"#)
            #expect(answer.status == .ok && answer.body["message"] as? String == "账户已注销")
            // Every session ends; the account cannot log in.
            #expect(try await client.json("/api/auth/profile", .get, token: alice).status == .unauthorized)
            #expect(try await client.json("/api/auth/login", body: #"{"email": "alice@x.com", "password": "password123"}"#).status == .unauthorized)
            #expect(try await client.json("/api/auth/login", body: #"{"email": "alice", "password": "password123"}"#).status == .unauthorized)
            // Its message stays, shown as a deleted user.
            let history = try await client.execute(
                uri: "/api/chat/history",
                method: .post,
                headers: [.authorization: "Bearer \(bob)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"channelId": "public"}"#)
            ) { response in (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]] ?? [] }
            #expect(history.map { $0["content"] as? String } == ["再见"])
            #expect(history.first?["sender_name"] as? String == "已注销用户#\(aliceID)")
            // Its friendships, channel membership, profile, contacts and quick replies go.
            #expect(try await UserRoutesTests.array(client, "/api/user/friends", token: bob).1.isEmpty)
            #expect(try await client.json("/api/group/1", .get).body["member_count"] as? Int == 1)
            #expect(try await client.json("/api/profile/profile/\(aliceID)", .get).status == .notFound)
            #expect(try await services.contacts.repository.contacts(owner: OwnerID(aliceID), query: ContactQuery()).isEmpty)
            #expect(try await services.contacts.repository.trashed(owner: OwnerID(aliceID)).isEmpty)
            #expect(try await services.quickReplies.replies(of: ParticipantID(aliceID)).isEmpty)
            let stored = try #require(try await services.auth.users.user(id: UserID(aliceID)))
            #expect(stored.status == .deleted && stored.email == nil && stored.passwordHash == nil)
            // Its name and address are free again.
            #expect(
                try await client.json("/api/auth/register", body: #"{"username":"alice","email":"alice@x.com","password":"password123"}"#).status
                    == .created
            )
        }
    }
}
