import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// The realtime chat platform's client (contracts/seed003) from start to finish, over a live server: register and
/// log in through its screens, land in the public channel and hear it on the socket, edit the profile, upload an
/// avatar and see it everywhere, create a public group and have another user join it and post there.
@Suite("The chat platform's client flows")
struct ChatPlatformFlowTests {
    @Test(arguments: HTTPBackend.enabled)
    func registerLandEditUploadCreateAndJoin(_ backend: HTTPBackend) async throws {
        let media = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-flow-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: media) }
        try await RealtimeTests.withLive(backend, ["MEDIA_DIR": media, "BASE_URL": "http://chat.test"]) { client, port, _ in
            // The login and register screens: captcha and e-mail code helpers, then register and log in.
            #expect(try await client.json("/api/auth/captcha", .get).status == .ok)
            #expect(try await client.json("/api/auth/send-email-code", body: #"{"email": "alice@x.com"}"#).status == .ok)
            let registered = try await client.json(
                "/api/auth/register",
                body: #"{"username": "alice", "email": "alice@x.com", "password": "password123", "code": "123456"}"#
            )
            #expect(registered.status == .created)
            let bob = try await AuthRoutesTests.register(client, "bob")
            let login = try await client.json("/api/auth/login", body: #"{"email": "alice@x.com", "password": "password123", "captcha": "ABCD"}"#)
            let alice = try #require(login.body["access_token"] as? String)
            let aliceID = try #require((login.body["user"] as? [String: Any])?["id"] as? Int)

            // The landing page: the public channel is there, with its history, and the socket hears it.
            let groups = try await UserRoutesTests.array(client, "/api/user/groups", token: alice).1
            #expect(groups.map { $0["name"] as? String } == ["公共频道"])
            let socket = LiveSocket(port: port, path: "/api/ws/\(aliceID)?token=\(alice)")
            _ = try await socket.next("online_users")
            let posted = try await client.json("/api/chat/send", token: bob, body: #"{"group_id": 1, "content": "欢迎 alice"}"#)
            #expect(posted.status == .ok)
            let heard = try #require(try await socket.next("message")["data"] as? [String: Any])
            #expect(heard["content"] as? String == "欢迎 alice" && heard["group_id"] as? Int == 1)
            #expect(try await PublicChannelTests.contents(client, token: alice, body: #"{"channelId": "public"}"#) == ["欢迎 alice"])

            // The profile page: edit, read back, upload an avatar.
            let edited = try await client.json("/api/profile/profile", .put, token: alice, body: #"{"bio": "你好", "location": "上海"}"#)
            #expect(edited.status == .ok)
            let avatarBody = UploadRoutesTests.multipart(name: "avatar", filename: "me.png", type: "image/png", ProfileRoutesTests.png)
            let (status, uploaded) = try await UploadRoutesTests.upload(client, "/api/profile/avatar", token: alice, avatarBody)
            #expect(status == .ok)
            let avatarURL = "http://chat.test/api/file/avatar/avatar_\(aliceID).png"
            #expect(uploaded["avatar"] as? String == avatarURL)
            let profile = try await client.json("/api/profile/profile", .get, token: alice)
            #expect(profile.body["bio"] as? String == "你好" && profile.body["location"] as? String == "上海")
            #expect(profile.body["avatar"] as? String == avatarURL)
            // The client shows every sender's avatar as /api/file/avatar/avatar_<id>.jpg.
            try await client.execute(uri: "/api/file/avatar/avatar_\(aliceID).jpg", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "image/png")
            }

            // Groups: alice creates a public one, bob finds and joins it, and his post reaches alice's socket.
            let created = try await client.json(
                "/api/group/create",
                token: alice,
                body: #"{"name": "周末爬山", "owner_id": \#(aliceID), "type": "public", "description": "一起去"}"#
            )
            #expect(created.status == .created)
            let groupID = try #require(created.body["group_id"] as? Int)
            let shown = try await client.json("/api/group/\(groupID)", .get)
            #expect(shown.body["type"] as? String == "public" && shown.body["member_count"] as? Int == 1)
            #expect(try await client.json("/api/group/join", token: bob, body: #"{"group_id": \#(groupID)}"#).status == .created)
            #expect(try await client.json("/api/group/\(groupID)", .get).body["member_count"] as? Int == 2)
            _ = try await client.json("/api/chat/send", token: bob, body: #"{"group_id": \#(groupID), "content": "我来了"}"#)
            let inGroup = try #require(try await socket.next("message")["data"] as? [String: Any])
            #expect(inGroup["content"] as? String == "我来了" && inGroup["group_id"] as? Int == groupID)
            let bobsGroups = try await UserRoutesTests.array(client, "/api/user/groups", token: bob).1
            #expect(Set(bobsGroups.compactMap { $0["id"] as? Int }) == [1, groupID])
            _ = try await socket.close()
        }
    }
}
