import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StorageKit
import StorageSQLite
import Testing

/// Seed 003's public channel (group 1), guests, and groups anyone may join (contracts/seed003 §4, §5 and §9).
@Suite("The public channel and joinable groups")
struct PublicChannelTests {
    static func register(_ client: some TestClientProtocol, _ names: [String]) async throws -> (tokens: [String: String], ids: [String: Int]) {
        var tokens: [String: String] = [:]
        var ids: [String: Int] = [:]
        for name in names {
            tokens[name] = try await AuthRoutesTests.register(client, name)
            ids[name] = try await MessageRoutesTests.userID(client, tokens[name]!)
        }
        return (tokens, ids)
    }

    static func guestToken(_ client: some TestClientProtocol) async throws -> String {
        try #require(try await client.json("/api/auth/login", body: #"{"email":"","password":""}"#).body["token"] as? String)
    }

    static func contents(_ client: some TestClientProtocol, token: String?, body: String) async throws -> [String?] {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/api/chat/history", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            #expect(response.status == .ok)
            let list = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]] ?? []
            return list.map { $0["content"] as? String }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func everyAccountLandsInThePublicChannel(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let (t, ids) = try await Self.register(client, ["alice", "bob"])
            let channel = try await client.json("/api/group/1", .get)
            #expect(channel.body["name"] as? String == "公共频道" && channel.body["description"] as? String == "所有用户的公共聊天频道")
            #expect(channel.body["type"] as? String == "public" && channel.body["member_count"] as? Int == 2)
            #expect(try await UserRoutesTests.array(client, "/api/user/groups", token: t["bob"]).1.map { $0["id"] as? Int } == [1])

            let sent = try await client.json("/api/chat/send", token: t["alice"], body: #"{"group_id": 1, "content": "大家好"}"#)
            #expect(sent.status == .ok && sent.body["group_id"] as? Int == 1 && sent.body["receiver_id"] as? Int == 0)
            #expect(try await Self.contents(client, token: t["bob"], body: #"{"channelId": "public"}"#) == ["大家好"])
            #expect(try await Self.contents(client, token: t["bob"], body: #"{"groupId": 1}"#) == ["大家好"])
            #expect(try await Self.contents(client, token: t["bob"], body: #"{}"#).isEmpty, "no filter: nothing, not the whole table")

            // Guests read the channel and nothing else; they do not post.
            let guest = try await Self.guestToken(client)
            #expect(try await Self.contents(client, token: guest, body: #"{"channelId": "public"}"#) == ["大家好"])
            let refused = try await client.json("/api/chat/send", token: guest, body: #"{"group_id": 1, "content": "hi"}"#)
            #expect(refused.status == .forbidden && refused.body["message"] as? String == "访客不能发送消息，请先登录")
            #expect(try await Self.contents(client, token: guest, body: #"{"channelId": "public"}"#) == ["大家好"], "nothing was stored")

            // The channel makes nobody a contact: presence still goes to friends and conversation partners.
            #expect(try await services.chat.messages.contacts(of: ParticipantID(Int64(ids["alice"]!))).isEmpty)
            _ = try await client.json("/api/friend/add", token: t["alice"], body: #"{"friend_username": "bob"}"#)
            _ = try await client.json("/api/message/send", token: t["alice"], body: #"{"receiver_id": \#(ids["bob"]!), "content": "hi"}"#)
            #expect(try await services.chat.messages.contacts(of: ParticipantID(Int64(ids["alice"]!))) == [ParticipantID(Int64(ids["bob"]!))])
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func publicGroupsAreJoinedPrivateOnesAreNot(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, _ in
            let (t, ids) = try await Self.register(client, ["owner", "joiner"])
            let open = try await client.json(
                "/api/group/create",
                token: t["owner"],
                body: #"{"name": "读书会", "owner_id": \#(ids["owner"]!), "type": "public", "description": "每周一本"}"#
            )
            #expect(open.status == .created)
            let openID = try #require(open.body["group_id"] as? Int)
            let closed = try await client.json("/api/group/create", body: #"{"name": "内部", "owner_id": \#(ids["owner"]!)}"#)
            let closedID = try #require(closed.body["group_id"] as? Int)

            let joined = try await client.json("/api/group/join", token: t["joiner"], body: #"{"group_id": \#(openID)}"#)
            #expect(joined.status == .created && joined.body["message"] as? String == "加入群组成功")
            #expect(
                try await client.json("/api/group/join", token: t["joiner"], body: #"{"group_id": "\#(openID)"}"#).status == .ok,
                "again: harmless"
            )
            let details = try await client.json("/api/group/\(openID)", .get)
            #expect(details.body["member_count"] as? Int == 2 && details.body["type"] as? String == "public")
            #expect(details.body["description"] as? String == "每周一本" && details.body["owner_id"] as? Int == ids["owner"])
            let sent = try await client.json("/api/chat/send", token: t["joiner"], body: #"{"group_id": \#(openID), "content": "报到"}"#)
            #expect(sent.status == .ok, "a member by joining may post")

            let privateJoin = try await client.json("/api/group/join", token: t["joiner"], body: #"{"group_id": \#(closedID)}"#)
            #expect(privateJoin.status == .forbidden && privateJoin.body["error"] is String)
            #expect(try await client.json("/api/group/\(closedID)", .get).body["member_count"] as? Int == 1, "nothing changed")
            let unknown = try await client.json("/api/group/join", token: t["joiner"], body: #"{"group_id": 999999}"#)
            #expect(unknown.status == .notFound && unknown.body["error"] as? String == "群组不存在")
            #expect(try await client.json("/api/group/join", token: t["joiner"], body: #"{}"#).status == .badRequest)
            let guest = try await Self.guestToken(client)
            #expect(try await client.json("/api/group/join", token: guest, body: #"{"group_id": \#(openID)}"#).status == .forbidden)

            let badType = try await client.json("/api/group/create", body: #"{"name": "x", "owner_id": \#(ids["owner"]!), "type": "secret"}"#)
            #expect(badType.status == .badRequest && badType.body["error"] is String)
            let impostor = try await client.json("/api/group/create", token: t["joiner"], body: #"{"name": "x", "owner_id": \#(ids["owner"]!)}"#)
            #expect(impostor.status == .forbidden, "a token, when sent, must be the owner's")
            #expect(try await UserRoutesTests.array(client, "/api/user/groups", token: t["owner"]).1.count == 3, "the refused creates left nothing")
        }
    }

    @Test func accountsAnAdminProvisionsJoinTheChannel() async throws {
        try await TestServer.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            let ensured = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "b1", "role": "buyer"}, {"id": "m1", "role": "merchant"}]}"#
            )
            #expect(ensured.status == .ok)
            let created = try await client.json("/api/users/", token: admin, body: #"{"id": "b2", "username": "买家2", "role": "buyer"}"#)
            #expect(created.status == .ok)
            #expect(try await client.json("/api/group/1", .get).body["member_count"] as? Int == 3)
            // Ensuring the same accounts again changes nothing.
            _ = try await client.json("/api/users/ensure", token: admin, body: #"{"users": [{"id": "b1", "role": "buyer"}]}"#)
            #expect(try await client.json("/api/group/1", .get).body["member_count"] as? Int == 3)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func socketsHearTheChannelAndNewMembershipsAtOnce(_ backend: HTTPBackend) async throws {
        try await RealtimeTests.withLive(backend) { client, port, _ in
            let (t, ids) = try await Self.register(client, ["poster", "reader", "joiner"])
            let guest = try await Self.guestToken(client)
            let reader = LiveSocket(port: port, path: "/api/ws?token=\(t["reader"]!)")
            let watcher = LiveSocket(port: port, path: "/api/ws/0?token=\(guest)")
            let joiner = LiveSocket(port: port, path: "/api/ws?token=\(t["joiner"]!)")
            for socket in [reader, watcher, joiner] { _ = try await socket.next("online_users") }
            _ = try await client.json("/api/chat/send", token: t["poster"], body: #"{"group_id": 1, "content": "公告"}"#)
            for socket in [reader, watcher, joiner] {
                #expect((try await socket.next("message")["data"] as? [String: Any])?["content"] as? String == "公告")
            }
            // Guests may not post over the socket either.
            watcher.send(#"{"type": "chat", "data": {"room": "group_1", "message": {"content": "guest"}}}"#)
            _ = try await watcher.next("error")
            #expect(try await reader.none("message"))

            let group = try #require(
                try await client.json("/api/group/create", body: #"{"name": "open", "owner_id": \#(ids["poster"]!), "type": "public"}"#)
                    .body["group_id"] as? Int
            )
            #expect(try await client.json("/api/group/join", token: t["joiner"], body: #"{"group_id": \#(group)}"#).status == .created)
            _ = try await client.json("/api/chat/send", token: t["poster"], body: #"{"group_id": \#(group), "content": "欢迎"}"#)
            #expect((try await joiner.next("message")["data"] as? [String: Any])?["content"] as? String == "欢迎", "no reconnect needed")
            for socket in [reader, watcher, joiner] { _ = try await socket.close() }
        }
    }

    /// A database from before the public channel, whose conversation 1 is a direct one: the migration moves it
    /// (messages, members and all) and makes every existing account a member of the channel.
    @Test func theMigrationMovesAnOlderConversationOne() async throws {
        let logger = TestServer.logger
        let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: logger)
        let before = ChatMigrations.all.filter { !$0.name.hasPrefix("chat.015") && !$0.name.hasPrefix("chat.016") }
        try await Migrator(AuthMigrations.all + before).migrate(on: database, logger: logger)
        let users = UserSQLRepository(database: database)
        let a = try await users.create(NewUser(username: "a", role: .user, createdAt: Date()))
        let b = try await users.create(NewUser(username: "b", role: .user, createdAt: Date()))
        let chat = ChatService(
            messages: MessageSQLRepository(database: database),
            friendships: FriendshipSQLRepository(database: database),
            logger: logger
        )
        let (pa, pb) = (ParticipantID(a.id.rawValue), ParticipantID(b.id.rawValue))
        _ = try await chat.friendships.befriend(pa, pb, at: Date())
        let first = try await chat.send(from: pa, to: pb, content: "老消息", type: .text, clientMessageID: nil)
        #expect(first.message.conversationID == ConversationID(1))

        try await RapportServer.migrator.migrate(on: database, logger: logger)
        let groups = GroupSQLRepository(database: database)
        let channel = try #require(try await groups.group(ChatGroup.publicChannelID))
        #expect(channel.name == "公共频道" && channel.visibility == .public && Set(channel.members.keys) == [pa, pb])
        let moved = try #require(try await chat.messages.existingDirectConversation(between: pa, and: pb))
        #expect(moved != ChatGroup.publicChannelID)
        let history = try await chat.messages.messages(in: moved, limit: 10, offset: 0, beforeSeq: nil, afterSeq: nil)
        #expect(history.map(\.content) == ["老消息"])
        #expect(try await chat.messages.messages(in: ChatGroup.publicChannelID, limit: 10, offset: 0, beforeSeq: nil, afterSeq: nil).isEmpty)
        let again = try await chat.send(from: pb, to: pa, content: "新消息", type: .text, clientMessageID: nil)
        #expect(again.message.conversationID == moved && again.message.seq == 2)
        try database.close()
    }
}
