import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWebSocket
import Logging
import NIOCore
import Server
import StorageKit
import StorageSQLite
import Testing

/// The public route collections mounted by a program of its own: its own request context (not the server's),
/// only the middleware it chooses, and no `RapportServer.buildRouter`.
@Suite("Domains mounted alone")
struct MountedDomainsTests {
    /// An embedding program's context: what `RapportRequestContext` asks for, and a WebSocket handler.
    struct EmbeddedContext: RapportRequestContext, WebSocketRequestContext {
        var coreContext: CoreRequestContextStorage
        var authentication: Result<Identity, TokenFailure> = .failure(.missing)
        var clientAddress: String
        let webSocket = WebSocketHandlerReference<EmbeddedContext>()

        init(source: ApplicationRequestContextSource) {
            self.coreContext = .init(source: source)
            self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        }
    }

    /// Auth, chat, support, files and the socket on one SQLite database in a temporary directory.
    static func withEmbeddedApp(_ test: @escaping @Sendable (any TestClientProtocol, Int, AuthService) async throws -> Void) async throws {
        let logger = TestServer.logger
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-mounted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: logger)
        try await Migrator(AuthMigrations.all + ChatMigrations.all).migrate(on: database, logger: logger)
        let auth = AuthService(
            users: UserSQLRepository(database: database),
            sessions: SessionSQLRepository(database: database),
            loginLog: LoginLogSQLStore(database: database),
            hasher: PasswordHasher(cost: 10),
            tokens: try await TokenService(secret: Array("mounted-domains-signing-key-0123456789".utf8)),
            logger: logger
        )
        let chat = ChatService(
            messages: MessageSQLRepository(database: database),
            friendships: FriendshipSQLRepository(database: database),
            logger: logger
        )
        let groups = GroupSQLRepository(database: database)
        let requests = FriendRequestSQLRepository(database: database)
        let desk = SupportDesk(repository: SupportSQLRepository(database: database), logger: logger)
        let realtime = Realtime()

        let router = Router(context: EmbeddedContext.self)
        router.add(middleware: AuthMiddleware(auth: auth))
        router.addRoutes(AuthController(auth: auth).endpoints, atPath: "/api/auth")
        ChatRoutes(chat: chat, groups: groups, friendRequests: requests, users: auth.users, realtime: realtime).addRoutes(to: router)
        SupportRoutes(desk: desk, quickReplies: QuickReplySQLRepository(database: database), users: auth.users, realtime: realtime).addRoutes(
            to: router
        )
        FilesRoutes(mediaDirectory: directory.path).addRoutes(to: router)
        RealtimeRoutes(
            realtime: realtime,
            auth: auth,
            chat: chat,
            groups: groups,
            friendRequests: requests,
            desk: desk,
            mediaDirectory: directory.path
        )
        .addRoutes(to: router)
        let app = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router), logger: logger)
        do {
            try await app.test(.live) { client in try await test(client, client.port!, auth) }
        } catch {
            await auth.hasher.shutdown()
            try database.close()
            throw error
        }
        await auth.hasher.shutdown()
        try database.close()
    }

    @Test func chatAndTheSocketServeAnotherProgramsContext() async throws {
        try await Self.withEmbeddedApp { client, port, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let bob = try await AuthRoutesTests.register(client, "bob")
            let bobID = try await MessageRoutesTests.userID(client, bob)
            #expect(try await client.json("/api/friend/add", token: alice, body: #"{"friend_username":"bob"}"#).status == .ok)
            let socket = LiveSocket(port: port, path: "/api/ws?token=\(bob)")
            _ = try await socket.next("online_users")
            let sent = try await client.json("/api/message/send", token: alice, body: #"{"receiver_id":\#(bobID),"content":"hello"}"#)
            #expect(sent.status == .created || sent.status == .ok)
            let delivered = try await socket.next("message")
            #expect(
                (delivered["data"] as? [String: Any])?["content"] as? String == "hello",
                "an HTTP send reaches the socket through the shared Realtime"
            )
            let history = try await client.json("/api/message/history?friend_id=1", .get, token: bob)
            #expect((history.body["messages"] as? [[String: Any]])?.map { $0["content"] as? String } == ["hello"])
            // Refusals keep their family's envelope outside the server too.
            #expect(try await client.json("/api/message/send", body: #"{}"#).body["msg"] as? String == "Missing Authorization Header")
            _ = try await socket.close()
        }
    }

    @Test func supportAndFilesServeAnotherProgramsContext() async throws {
        try await Self.withEmbeddedApp { client, _, auth in
            let root = try await auth.users.create(NewUser(username: "root", role: .admin, createdAt: Date()))
            let admin = try await auth.issueToken(for: root, client: .init(ipAddress: "127.0.0.1")).token
            let ensured = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "b1", "role": "buyer", "username": "b"}, {"id": "m1", "role": "merchant", "username": "m"}]}"#
            )
            #expect(ensured.status == .ok)
            let buyer = try #require(
                try await client.json("/api/auth/token", token: admin, body: #"{"user_id": "b1"}"#).body["access_token"] as? String
            )
            let opened = try await client.json("/api/conversations/", token: buyer, body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            let id = try #require(opened.body["id"] as? Int)
            let sent = try await client.json(
                "/api/messages/",
                token: buyer,
                body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "在吗？"}"#
            )
            #expect(sent.status == .ok && sent.body["content"] as? String == "在吗？")
            let invalid = try await client.json("/api/messages/", token: buyer, body: #"{"conversation_id": "x"}"#)
            #expect(invalid.status == .unprocessableContent && invalid.body["errors"] is [String], "seed 004's 422 list")
            #expect(try await client.json("/api/conversations/", body: "{}").body["detail"] as? String != nil, "FastAPI's refusal")

            let missing = try await client.json("/api/file/uploads/nothing.txt", .get, token: buyer)
            #expect(missing.status == .notFound && missing.body["error"] as? String == "File not found")
            let notMultipart = try await client.json("/api/upload/file", token: buyer, body: "{}")
            #expect((400..<500).contains(notMultipart.status.code), "an upload that is not multipart is refused")
        }
    }
}
