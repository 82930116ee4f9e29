import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StorageKit
import Testing

/// Seed 003's `/api/chat/*` on the one message store: sends are delivered live like socket sends.
extension RealtimeTests {
    /// A JSON array answer of a POST or GET, with its status.
    static func list(
        _ client: any TestClientProtocol,
        _ uri: String,
        _ method: HTTPRequest.Method = .post,
        token: String?,
        body: String? = nil
    ) async throws -> (HTTPResponse.Status, [[String: Any]]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]] ?? [])
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func chatRoutesSendLiveAndRead(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend) { client, port, _ in
            let (tokens, ids) = try await Self.people(client, ["alice", "bob", "carol"])
            let (a, b) = (ids["alice"]!, ids["bob"]!)
            _ = try await client.json("/api/friend/add", token: tokens["alice"], body: #"{"friend_username": "bob"}"#)
            let made = try await client.json("/api/groups", token: tokens["alice"], body: #"{"name": "g", "member_ids": [\#(b)]}"#)
            let group = try #require(made.body["id"] as? Int)
            let alice = LiveSocket(port: port, path: "/api/ws?token=\(tokens["alice"]!)")
            let bob = LiveSocket(port: port, path: "/api/ws?token=\(tokens["bob"]!)")
            for socket in [alice, bob] { _ = try await socket.next("online_users") }

            // A direct emoji over HTTP: seed 003's MessageREST, and the same message live on both users' sockets.
            let sent = try await client.json(
                "/api/chat/send",
                token: tokens["alice"],
                body: #"{"sender_id": \#(a), "receiver_id": \#(b), "content": "😀", "type": "emoji"}"#
            )
            #expect(sent.status == .ok)
            #expect(sent.body["sender_id"] as? Int == a && sent.body["receiver_id"] as? Int == b && sent.body["group_id"] as? Int == 0)
            #expect(sent.body["type"] as? String == "emoji" && sent.body["status"] as? String == "sent" && sent.body["file_url"] as? String == "")
            #expect((sent.body["created_at"] as? String)?.count == 19)
            let id = try #require(sent.body["id"] as? Int)
            for socket in [alice, bob] { #expect(Self.data(try await socket.next("message"))["id"] as? Int == id) }

            // A group message over HTTP reaches the members live.
            let inGroup = try await client.json("/api/chat/send", token: tokens["bob"], body: #"{"group_id": \#(group), "content": "hello all"}"#)
            #expect(inGroup.status == .ok && inGroup.body["group_id"] as? Int == group && inGroup.body["receiver_id"] as? Int == 0)
            #expect(Self.data(try await alice.next("message"))["content"] as? String == "hello all")

            // History: the direct conversation by friendId (a string works), the group by groupId; the public channel
            // and an empty body give [].
            let (_, direct) = try await Self.list(client, "/api/chat/history", token: tokens["bob"], body: #"{"friendId": "\#(a)"}"#)
            #expect(direct.map { $0["id"] as? Int } == [id])
            #expect(direct.first?["sender_name"] as? String == "alice")
            let (_, groupHistory) = try await Self.list(client, "/api/chat/history", token: tokens["alice"], body: #"{"groupId": \#(group)}"#)
            #expect(groupHistory.map { $0["content"] as? String } == ["hello all"])
            #expect(try await Self.list(client, "/api/chat/history", token: tokens["alice"], body: #"{"channelId": "public"}"#).1.isEmpty)
            #expect(try await Self.list(client, "/api/chat/history", token: tokens["alice"], body: "{}").1.isEmpty)
            #expect(try await client.json("/api/chat/history", token: tokens["carol"], body: #"{"groupId": \#(group)}"#).status == .forbidden)
            // What Bob received directly (not the group message), and nobody else may read it.
            let (_, received) = try await Self.list(client, "/api/chat/receive/\(b)", .get, token: tokens["bob"])
            #expect(received.map { $0["id"] as? Int } == [id])
            #expect(received.first?["receiver_id"] as? Int == b)
            #expect(try await client.json("/api/chat/receive/\(b)", .get, token: tokens["carol"]).status == .forbidden)
            #expect(try await Self.list(client, "/api/chat/receive/\(a)", .get, token: tokens["alice"]).1.isEmpty)

            // Unread by sender; reading clears it and the sender hears `read`.
            #expect(try await client.json("/api/chat/messages/unread/count", .get, token: tokens["bob"]).body["\(a)"] as? Int == 1)
            #expect(try await client.json("/api/chat/messages/read/\(a)", token: tokens["bob"]).body["success"] as? Bool == true)
            #expect(Self.data(try await alice.next("read"))["seq"] as? Int == 1)
            #expect(try await client.json("/api/chat/messages/unread/count", .get, token: tokens["bob"]).body.isEmpty)
            for socket in [alice, bob] { _ = try await socket.close() }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func chatRoutesRefuseBadInputAndStoreNothing(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, _ in
            let (tokens, ids) = try await Self.people(client, ["dan", "eve"])
            let (d, e) = (ids["dan"]!, ids["eve"]!)
            let dan = tokens["dan"]!
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"receiver_id": \#(e), "content": "x", "type": "voice"}"#, .badRequest, "Message not sent!"),
                (#"{"content": "x", "type": "text"}"#, .badRequest, "Message not sent!"),
                (#"{"receiver_id": 0, "group_id": 0, "content": "x"}"#, .badRequest, "Message not sent!"),
                (#"{"receiver_id": \#(e), "content": "x"}"#, .forbidden, "只能给好友发消息"),
                (#"{"sender_id": \#(e), "receiver_id": \#(d), "content": "spoofed"}"#, .forbidden, "发送者与登录用户不符"),
                (
                    #"{"receiver_id": \#(e), "content": "x", "type": "file", "file_url": "/uploads/chat/../../etc/passwd"}"#, .badRequest,
                    "Message not sent!"
                ),
                (#"{"receiver_id": 999999, "content": "x"}"#, .notFound, "用户不存在"),
                (#"{"group_id": 999999, "content": "x"}"#, .notFound, "群组不存在"),
            ]
            for (body, status, message) in cases {
                let reply = try await client.json("/api/chat/send", token: dan, body: body)
                #expect(reply.status == status, "\(body)")
                #expect(reply.body["message"] as? String == message, "\(body)")
            }
            #expect(
                try await client.json("/api/chat/send", token: dan, headers: [.contentType: "text/plain"], body: "hi").status == .unsupportedMediaType
            )
            let anonymous = try await client.json("/api/chat/send", body: #"{"sender_id": \#(d), "receiver_id": \#(e), "content": "x"}"#)
            #expect(anonymous.status == .unauthorized, "sending needs a token: the body's sender_id is not believed")
            #expect((anonymous.body["msg"] as? String)?.hasPrefix("Missing JWT") == true)

            // Friends now, but an empty message is still refused; nothing above was stored.
            _ = try await client.json("/api/friend/add", token: dan, body: #"{"friend_username": "eve"}"#)
            #expect(try await client.json("/api/chat/send", token: dan, body: #"{"receiver_id": \#(e), "content": "  "}"#).status == .badRequest)
            #expect(try await Self.list(client, "/api/chat/history", token: dan, body: #"{"friendId": \#(e)}"#).1.isEmpty)
            #expect(try await client.json("/api/chat/history", token: dan, body: "not json").status == .badRequest)
            #expect(try await client.json("/api/chat/history", token: dan, body: #"{"groupId": 999999}"#).status == .notFound)
            #expect(try await client.json("/api/chat/messages/read/abc", token: dan).status == .notFound)
            #expect(try await client.json("/api/chat/messages/unread/count", .get).status == .unauthorized)
        }
    }
}
