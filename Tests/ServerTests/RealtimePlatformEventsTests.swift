import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StorageKit
import Testing

/// Seed 003's events over the live socket: friend requests, `chat`, calls, online status, whiteboard and chunked
/// file transfer.
extension RealtimeTests {
    static func people(_ client: any TestClientProtocol, _ names: [String]) async throws -> (tokens: [String: String], ids: [String: Int]) {
        var tokens: [String: String] = [:]
        var ids: [String: Int] = [:]
        for name in names {
            tokens[name] = try await AuthRoutesTests.register(client, name)
            ids[name] = try #require(
                (try await client.json("/api/auth/profile", .get, token: tokens[name]).body["user"] as? [String: Any])?["id"] as? Int
            )
        }
        return (tokens, ids)
    }

    static func data(_ frame: [String: Any]) -> [String: Any] { frame["data"] as? [String: Any] ?? [:] }

    static func errorText(_ socket: LiveSocket, _ type: String = "error") async throws -> String? {
        let data = Self.data(try await socket.next(type))
        return (data["msg"] ?? data["message"]) as? String
    }

    @Test(arguments: HTTPBackend.enabled)
    func friendRequestsOverSocketAndHTTP(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend) { client, port, _ in
            let (tokens, ids) = try await Self.people(client, ["alice", "bob", "carol"])
            let alice = LiveSocket(port: port, path: "/api/ws?token=\(tokens["alice"]!)")
            let bob = LiveSocket(port: port, path: "/api/ws?token=\(tokens["bob"]!)")
            for socket in [alice, bob] { _ = try await socket.next("online_users") }

            // Alice asks Bob; asking again does not notify Bob a second time.
            alice.send(#"{"type": "friend_request", "data": {"sender_id": 999, "receiver_id": \#(ids["bob"]!)}}"#)
            let sent = Self.data(try await alice.next("friend_request_sent"))
            let requestID = try #require(sent["request_id"] as? Int)
            let received = Self.data(try await bob.next("friend_request_received"))
            #expect(received["request_id"] as? Int == requestID)
            #expect((received["sender"] as? [String: Any])?["id"] as? Int == ids["alice"], "the authenticated sender, not the payload's")
            #expect((received["sender"] as? [String: Any])?["username"] as? String == "alice")
            alice.send(#"{"type": "friend_request", "data": {"receiver_id": \#(ids["bob"]!)}}"#)
            #expect(Self.data(try await alice.next("friend_request_sent"))["request_id"] as? Int == requestID)
            #expect(try await bob.none("friend_request_received"))
            alice.send(#"{"type": "friend_request", "data": {"receiver_id": 999999}}"#)
            #expect(try await Self.errorText(alice) == "用户不存在")
            alice.send(#"{"type": "friend_request_response", "data": {"request_id": \#(requestID), "status": "accepted"}}"#)
            #expect(try await Self.errorText(alice) == "无权处理该好友请求", "only the receiver answers")

            // Bob rejects: both hear it, nobody became friends, and Alice may not ask again at once.
            bob.send(#"{"type": "friend_request_response", "data": {"request_id": \#(requestID), "status": "rejected"}}"#)
            for socket in [alice, bob] { #expect(Self.data(try await socket.next("friend_request_rejected"))["status"] as? String == "rejected") }
            #expect(try await client.json("/api/friend/check/\(ids["bob"]!)", .get, token: tokens["alice"]).body["is_friend"] as? Bool == false)
            alice.send(#"{"type": "friend_request", "data": {"receiver_id": \#(ids["bob"]!)}}"#)
            #expect(try await Self.errorText(alice)?.hasPrefix("请求过于频繁") == true)
            let again = try await client.json("/api/friend/requests", token: tokens["alice"], body: #"{"receiver_id": \#(ids["bob"]!)}"#)
            #expect(again.status == .tooManyRequests)
            #expect(Int(again.headers[.retryAfter] ?? "") ?? 0 > 86_000)

            // Carol asks over HTTP; Bob hears it live and accepts over the socket.
            var reply = try await client.json("/api/friend/requests", token: tokens["carol"], body: #"{"receiver_id": \#(ids["bob"]!)}"#)
            #expect(reply.status == .created)
            let carolRequest = try #require(reply.body["request_id"] as? Int)
            #expect(Self.data(try await bob.next("friend_request_received"))["request_id"] as? Int == carolRequest)
            reply = try await client.json("/api/friend/requests", .get, token: tokens["bob"])
            #expect((reply.body["incoming"] as? [[String: Any]])?.map { $0["request_id"] as? Int } == [carolRequest])
            bob.send(#"{"type": "friend_request_response", "data": {"request_id": \#(carolRequest), "status": "accepted"}}"#)
            let accepted = Self.data(try await bob.next("friend_request_accepted"))
            #expect((accepted["receiver"] as? [String: Any])?["status"] as? String == "online")
            #expect((accepted["sender"] as? [String: Any])?["id"] as? Int == ids["carol"])
            #expect(try await client.json("/api/friend/check/\(ids["carol"]!)", .get, token: tokens["bob"]).body["is_friend"] as? Bool == true)
            reply = try await client.json("/api/friend/requests/\(carolRequest)/accept", token: tokens["bob"])
            #expect(reply.status == .conflict)

            // Carol asks Alice and thinks better of it: Alice hears of both.
            reply = try await client.json("/api/friend/requests", token: tokens["carol"], body: #"{"receiver_id": \#(ids["alice"]!)}"#)
            let withdrawn = try #require(reply.body["request_id"] as? Int)
            _ = try await alice.next("friend_request_received")
            #expect(try await client.json("/api/friend/requests/\(withdrawn)/cancel", token: tokens["alice"]).status == .forbidden)
            #expect(try await client.json("/api/friend/requests/\(withdrawn)/cancel", token: tokens["carol"]).status == .ok)
            #expect(Self.data(try await alice.next("friend_request_cancelled"))["request_id"] as? Int == withdrawn)

            // Bob blocks Carol (a friend now): the friendship ends and Carol can neither ask nor message him.
            bob.send(#"{"type": "friend_block", "data": {"user_id": \#(ids["carol"]!)}}"#)
            _ = try await bob.next("friend_blocked")
            #expect(try await client.json("/api/friend/check/\(ids["carol"]!)", .get, token: tokens["bob"]).body["is_friend"] as? Bool == false)
            reply = try await client.json("/api/friend/requests", token: tokens["carol"], body: #"{"receiver_id": \#(ids["bob"]!)}"#)
            #expect(reply.status == .forbidden)
            #expect(reply.body["error"] as? String == "无法添加该用户为好友")
            #expect(try await client.json("/api/friend/add", token: tokens["carol"], body: #"{"friend_username": "bob"}"#).status == .forbidden)
            #expect(
                try await client.json("/api/message/send", token: tokens["carol"], body: #"{"receiver_id": \#(ids["bob"]!), "content": "hi"}"#).status
                    == .forbidden
            )
            reply = try await client.json("/api/friend/blocked", .get, token: tokens["bob"])
            #expect((reply.body["blocked"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids["carol"]])
            #expect(try await client.json("/api/friend/block/\(ids["carol"]!)", .delete, token: tokens["bob"]).status == .ok)
            #expect(
                try await client.json("/api/friend/requests", token: tokens["carol"], body: #"{"receiver_id": \#(ids["bob"]!)}"#).status == .created
            )

            bob.send(#"{"type": "friend_requests"}"#)
            #expect((Self.data(try await bob.next("friend_requests"))["incoming"] as? [[String: Any]])?.count == 1)
            for socket in [alice, bob] { _ = try await socket.close() }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func chatCallsAndOnlineStatus(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend) { client, port, _ in
            let (tokens, ids) = try await Self.people(client, ["alice", "bob", "carol"])
            _ = try await client.json("/api/friend/add", token: tokens["alice"], body: #"{"friend_username": "bob"}"#)
            let reply = try await client.json("/api/groups", token: tokens["alice"], body: #"{"name": "g", "member_ids": [\#(ids["bob"]!)]}"#)
            let group = try #require(reply.body["id"] as? Int)
            let (a, b) = (ids["alice"]!, ids["bob"]!)
            let alice = LiveSocket(port: port, path: "/api/ws/\(a)?token=\(tokens["alice"]!)")
            let bob = LiveSocket(port: port, path: "/api/ws/\(b)?token=\(tokens["bob"]!)")
            let carol = LiveSocket(port: port, path: "/api/ws?token=\(tokens["carol"]!)")
            for socket in [alice, bob, carol] { _ = try await socket.next("online_users") }

            // A private chat: stored once, and `message` to both rooms — the sender's own connection included.
            alice.send(
                #"{"type": "chat", "data": {"message": {"sender_id": 77, "receiver_id": \#(b), "group_id": 0, "content": "hi", "type": "text", "sender_name": "x"}, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            for socket in [alice, bob] {
                let message = Self.data(try await socket.next("message"))
                #expect(message["sender_id"] as? Int == a && message["receiver_id"] as? Int == b && message["group_id"] as? Int == 0)
                #expect(message["sender_name"] as? String == "alice" && message["content"] as? String == "hi" && message["id"] is Int)
                #expect(message["room"] as? [String] == ["user_\(b)", "user_\(a)"])
                #expect((message["created_at"] as? String)?.contains("T") == true)
            }
            // An emoji to the group: every member gets it, with the group's room.
            alice.send(#"{"type": "chat", "data": {"message": {"content": "😀", "type": "emoji"}, "room": "group_\#(group)"}}"#)
            for socket in [alice, bob] {
                let message = Self.data(try await socket.next("message"))
                #expect(
                    message["group_id"] as? Int == group && message["type"] as? String == "emoji" && message["room"] as? String == "group_\(group)"
                )
            }
            #expect(try await carol.none("message"))
            let history = try await client.json("/api/groups/\(group)/messages", .get, token: tokens["bob"])
            #expect((history.body["messages"] as? [[String: Any]])?.count == 1, "stored once")
            // Refusals are error events; the connection stays.
            for (frame, text) in [
                (#"{"type": "chat", "data": {"message": {"content": "x"}, "room": "group_1"}}"#, "消息类型不能为空"),
                (#"{"type": "chat", "data": {"message": {"content": "x", "type": "image"}, "room": "group_1"}}"#, "不支持的消息类型: image"),
                (#"{"type": "chat", "data": {"message": {"content": "x", "type": "text"}}}"#, "房间ID不能为空"),
                (
                    #"{"type": "chat", "data": {"message": {"content": "x", "type": "text"}, "room": "group_\#(group)"}}"#,
                    "You are not in this conversation"
                ),
                (
                    #"{"type": "chat", "data": {"message": {"content": "x", "type": "text"}, "room": ["user_\#(a)", "user_\#(ids["carol"]!)"]}}"#,
                    "You can only message friends"
                ),
            ] {
                carol.send(frame)
                #expect(try await Self.errorText(carol) == text)
            }

            // Calls: relayed with the authenticated ids; refusals as call_error.
            alice.send(
                #"{"type": "call_request", "data": {"target_id": \#(b), "sender_id": "77", "caller_name": "alice", "type": "voice", "sdp": {"type": "offer", "sdp": "v=0"}}}"#
            )
            #expect(Self.data(try await alice.next("call_request_sent"))["message"] as? String == "通话请求已发送")
            let call = Self.data(try await bob.next("call_received"))
            #expect(
                call["caller_id"] as? Int == a && call["type"] as? String == "voice" && (call["sdp"] as? [String: Any])?["sdp"] as? String == "v=0"
            )
            bob.send(#"{"type": "call_answer", "data": {"target_id": \#(a), "sdp": {"type": "answer", "sdp": "v=1"}}}"#)
            #expect(Self.data(try await alice.next("call_answered"))["answerer_id"] as? Int == b)
            bob.send(#"{"type": "ice_candidate", "data": {"target_id": \#(a), "candidate": {"candidate": "c1", "sdpMid": "0"}}}"#)
            #expect((Self.data(try await alice.next("ice_candidate"))["candidate"] as? [String: Any])?["candidate"] as? String == "c1")
            alice.send(#"{"type": "call_ended", "data": {"target_id": \#(b)}}"#)
            for socket in [alice, bob] { #expect(Self.data(try await socket.next("call_ended"))["sender_id"] as? Int == a) }
            alice.send(#"{"type": "video_call_request", "data": {"target_id": \#(b), "caller_name": "alice", "type": "voice", "sdp": {}}}"#)
            #expect(try await bob.none("video_call_received"), "a video request that says voice is ignored")
            alice.send(#"{"type": "video_call_request", "data": {"target_id": \#(b), "caller_name": "alice", "type": "video"}}"#)
            #expect(try await Self.errorText(alice, "call_error") == "请求参数不完整")
            alice.send(#"{"type": "call_request", "data": {"target_id": 999999, "caller_name": "alice", "type": "voice", "sdp": {"sdp": "x"}}}"#)
            #expect(try await Self.errorText(alice, "call_error") == "用户不存在")
            alice.send(#"{"type": "video_call_rejected", "data": {}}"#)
            #expect(try await Self.errorText(alice, "call_error") == "目标用户ID不存在")

            // Online status of existing users only.
            _ = try await carol.close()
            try await Task.sleep(for: .milliseconds(100))
            alice.send(#"{"type": "get_online_status", "data": {"user_ids": [\#(b), \#(ids["carol"]!), 999999]}}"#)
            let status = Self.data(try await alice.next("online_status_update"))
            #expect(status["\(b)"] as? Bool == true)
            #expect(status["999999"] == nil && status.count == 2)
            for socket in [alice, bob] { _ = try await socket.close() }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func whiteboardAndChunkedFileTransfer(_ backend: HTTPBackend) async throws {
        let media = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-transfer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: media) }
        try await Self.withLive(backend, ["MEDIA_DIR": media, "MAX_FILE_SIZE": "1024"]) { client, port, _ in
            let (tokens, ids) = try await Self.people(client, ["alice", "bob", "carol"])
            _ = try await client.json("/api/friend/add", token: tokens["alice"], body: #"{"friend_username": "bob"}"#)
            let (a, b) = (ids["alice"]!, ids["bob"]!)
            let alice = LiveSocket(port: port, path: "/api/ws?token=\(tokens["alice"]!)")
            let bob = LiveSocket(port: port, path: "/api/ws?token=\(tokens["bob"]!)")
            let carol = LiveSocket(port: port, path: "/api/ws?token=\(tokens["carol"]!)")
            for socket in [alice, bob, carol] { _ = try await socket.next("online_users") }

            // A private whiteboard: the two ids sorted as strings.
            let room = "user" + [String(a), String(b)].sorted().joined(separator: "_user")
            for socket in [alice, bob] { socket.send(#"{"type": "join_whiteboard", "data": {"room": "\#(room)"}}"#) }
            carol.send(#"{"type": "join_whiteboard", "data": {"room": "\#(room)"}}"#)
            #expect(try await Self.errorText(carol)?.hasPrefix("无权加入该白板") == true)
            carol.send(#"{"type": "draw", "data": {"room": "\#(room)", "x": 1, "y": 2, "drawing": true}}"#)
            #expect(try await Self.errorText(carol)?.hasPrefix("请先加入白板") == true)
            try await Task.sleep(for: .milliseconds(100))
            alice.send(#"{"type": "draw", "data": {"room": "\#(room)", "x": 10, "y": 20.5, "drawing": true}}"#)
            for socket in [alice, bob] {
                let stroke = Self.data(try await socket.next("draw"))
                #expect(
                    stroke["x"] as? Double == 10 && stroke["y"] as? Double == 20.5 && stroke["color"] as? String == "#000000"
                        && stroke["lineWidth"] as? Int == 2
                )
            }
            #expect(try await carol.none("draw"))
            bob.send(#"{"type": "request_whiteboard_state", "data": {"room": "\#(room)"}}"#)
            #expect((Self.data(try await bob.next("whiteboard_state"))["state"] as? [Any])?.count == 1)
            bob.send(#"{"type": "clear_whiteboard", "data": {"room": "\#(room)"}}"#)
            for socket in [alice, bob] { #expect(Self.data(try await socket.next("clear_whiteboard"))["room"] as? String == room) }

            // A file in two chunks, sent out of order with a chunk repeated.
            let bytes = Array("0123456789".utf8)
            alice.send(
                #"{"type": "file_transfer_start", "data": {"fileName": "hello%20world.txt", "fileSize": 10, "totalChunks": 2, "fileType": "text/plain", "message": {"content": "hello world.txt", "type": "file"}, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            let fileID = try #require(Self.data(try await alice.next("file_transfer_init"))["file_id"] as? String)
            #expect(fileID.hasPrefix("\(a)_") && fileID.hasSuffix("_hello_world.txt"))
            func chunk(_ index: Int) -> String {
                #"{"type": "file_chunk", "data": {"fileId": "\#(fileID)", "chunkIndex": \#(index), "totalChunks": 2, "data": \#(Array(bytes[index * 5..<index * 5 + 5]))}}"#
            }
            alice.send(chunk(1))
            #expect(Self.data(try await alice.next("upload_progress"))["progress"] as? Double == 50)
            #expect(Self.data(try await alice.next("chunk_received"))["index"] as? Int == 1)
            alice.send(chunk(1))
            #expect(Self.data(try await alice.next("upload_progress"))["progress"] as? Double == 50, "a repeated chunk counts once")
            #expect(try await bob.none("message"))
            alice.send(chunk(0))
            #expect(Self.data(try await alice.next("upload_progress"))["progress"] as? Double == 100)
            var fileURL = ""
            for socket in [alice, bob] {
                let message = Self.data(try await socket.next("message"))
                #expect(message["type"] as? String == "file" && message["content"] as? String == "hello_world.txt")
                fileURL = message["file_url"] as? String ?? ""
                #expect(fileURL.hasPrefix("/uploads/chat/\(fileID)?expires=") && fileURL.contains("&signature="), "signed for its recipients")
                #expect(message["receiver_id"] as? Int == b)
            }
            #expect(Self.data(try await alice.next("chunk_received"))["index"] as? Int == 0)
            // The signed URL needs no token (an <img> or a link), and is served with the type of the bytes.
            let download = try await client.execute(uri: "/api/file" + fileURL, method: .get, headers: [:], body: nil)
            #expect(download.status == .ok && Array(download.body.readableBytesView) == bytes)
            #expect(download.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"hello_world.txt\"; filename*=UTF-8''hello_world.txt")
            #expect(download.headers[.eTag]?.count == 66)
            let ranged = try await client.execute(uri: "/api/file" + fileURL, method: .get, headers: [.range: "bytes=2-4"], body: nil)
            #expect(ranged.status == .partialContent && String(buffer: ranged.body) == "234")
            // Without the signature: the token (or ?jwt=) of the sender or of a member of the conversation the message
            // carried it to; a tampered signature is nobody's.
            let plain = "/api/file/uploads/chat/\(fileID)"
            #expect(try await client.execute(uri: plain, method: .get, headers: [:], body: nil).status == .forbidden)
            #expect(try await client.execute(uri: plain + "?jwt=\(tokens["carol"]!)", method: .get, headers: [:], body: nil).status == .forbidden)
            #expect(try await client.execute(uri: plain + "?jwt=\(tokens["alice"]!)", method: .get, headers: [:], body: nil).status == .ok)
            #expect(try await client.execute(uri: plain + "?jwt=\(tokens["bob"]!)", method: .get, headers: [:], body: nil).status == .ok)
            let tampered = String(fileURL.dropLast()) + (fileURL.hasSuffix("0") ? "1" : "0")
            #expect(try await client.execute(uri: "/api/file" + tampered, method: .get, headers: [:], body: nil).status == .forbidden)
            // Over HTTP a file message may name only its sender's own file (a file id names its sender).
            let resend = try await client.json(
                "/api/chat/send",
                token: tokens["bob"],
                body: #"{"receiver_id": \#(a), "type": "file", "content": "x", "file_url": "\#(fileURL)"}"#
            )
            #expect(resend.status == .forbidden)
            let own = try await client.json(
                "/api/chat/send",
                token: tokens["alice"],
                body: #"{"receiver_id": \#(b), "type": "file", "content": "x", "file_url": "\#(fileURL)"}"#
            )
            #expect(own.status == .ok && (own.body["file_url"] as? String)?.hasPrefix("/uploads/chat/\(fileID)?expires=") == true)
            _ = try await bob.next("message")
            // Never public under /api/media, however spelled.
            for path in ["/api/media/uploads/chat/\(fileID)", "/api/media/uploads/./chat/\(fileID)", "/api/media/uploads/%63hat/\(fileID)"] {
                #expect(try await client.execute(uri: path, method: .get, headers: [:], body: nil).status == .notFound, "\(path)")
            }
            for path in ["/api/file/uploads/chat/nothing", "/api/file/uploads/..%2F..%2Fetc%2Fpasswd", "/api/file/uploads/chat/%2E%2E"] {
                let status = try await client.execute(uri: path, method: .get, headers: [:], body: nil).status
                #expect(status == .notFound || status == .badRequest || status == .forbidden, "\(path): \(status)")
            }

            // A socket message whose text names somebody else's file carries nothing: it gets no signed file_url.
            bob.send(#"{"type": "send", "data": {"receiver_id": \#(a), "message_type": "file", "content": "/api/media/uploads/chat/\#(fileID)"}}"#)
            var forged = Self.data(try await alice.next("message"))
            while forged["sender_id"] as? Int != b { forged = Self.data(try await alice.next("message")) }
            #expect(forged["type"] as? String == "file" && forged["file_url"] == nil, "\(forged)")

            // A transfer survives its connection: the client reconnects, names its file_id, hears which chunks are
            // stored, and sends only the rest.
            let resumable = LiveSocket(port: port, path: "/api/ws?token=\(tokens["alice"]!)")
            _ = try await resumable.next("online_users")
            resumable.send(
                #"{"type": "file_transfer_start", "data": {"fileName": "three.bin", "fileSize": 9, "totalChunks": 3, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            let threeID = try #require(Self.data(try await resumable.next("file_transfer_init"))["file_id"] as? String)
            resumable.send(#"{"type": "file_chunk", "data": {"fileId": "\#(threeID)", "chunkIndex": 0, "data": [1, 2, 3]}}"#)
            _ = try await resumable.next("chunk_received")
            _ = try await resumable.close()
            let again = LiveSocket(port: port, path: "/api/ws?token=\(tokens["alice"]!)")
            _ = try await again.next("online_users")
            again.send(#"{"type": "file_chunk", "data": {"fileId": "\#(threeID)", "chunkIndex": 1, "data": [4, 5, 6]}}"#)
            #expect(try await Self.errorText(again) == "找不到文件信息: \(threeID)", "a new connection must take the transfer up first")
            bob.send(
                #"{"type": "file_transfer_start", "data": {"file_id": "\#(threeID)", "fileSize": 9, "totalChunks": 3, "room": ["user_\#(a)", "user_\#(b)"]}}"#
            )
            #expect(Self.data(try await bob.next("file_transfer_init"))["file_id"] is NSNull, "another sender's transfer is not found")
            again.send(
                #"{"type": "file_transfer_start", "data": {"file_id": "\#(threeID)", "fileSize": 9, "totalChunks": 3, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            let resumed = Self.data(try await again.next("file_transfer_init"))
            #expect(resumed["file_id"] as? String == threeID && resumed["received"] as? [Int] == [0])
            for index in 1...2 {
                again.send(
                    #"{"type": "file_chunk", "data": {"fileId": "\#(threeID)", "chunkIndex": \#(index), "data": \#(Array(1...9)[index * 3..<index * 3 + 3])}}"#
                )
            }
            let finished = Self.data(try await bob.next("message"))
            let threeURL = try #require(finished["file_url"] as? String)
            let three = try await client.execute(uri: "/api/file" + threeURL, method: .get, headers: [:], body: nil)
            #expect(Array(three.body.readableBytesView) == Array(1...9), "the chunks of both connections, in order")
            _ = try await again.close()

            // Refusals: unknown transfers, too large, not a friend, more than declared.
            alice.send(#"{"type": "file_chunk", "data": {"fileId": "nope", "chunkIndex": 0, "data": [1]}}"#)
            #expect(try await Self.errorText(alice) == "找不到文件信息: nope")
            alice.send(
                #"{"type": "file_transfer_start", "data": {"fileName": "big.bin", "fileSize": 5000, "totalChunks": 1, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            #expect(Self.data(try await alice.next("file_transfer_init"))["file_id"] is NSNull)
            #expect(try await Self.errorText(alice)?.hasPrefix("文件过大") == true)
            alice.send(
                #"{"type": "file_transfer_start", "data": {"fileName": "x.bin", "fileSize": 5, "totalChunks": 1, "room": ["user_\#(ids["carol"]!)", "user_\#(a)"]}}"#
            )
            #expect(try await Self.errorText(alice) == "只能给好友发送文件")
            alice.send(
                #"{"type": "file_transfer_start", "data": {"fileName": "../../x.bin", "fileSize": 3, "totalChunks": 1, "room": ["user_\#(b)", "user_\#(a)"]}}"#
            )
            let small = try #require(Self.data(try await alice.next("file_transfer_init"))["file_id"] as? String)
            #expect(small.hasSuffix("_x.bin") && !small.contains("/"))
            alice.send(#"{"type": "file_chunk", "data": {"fileId": "\#(small)", "chunkIndex": 0, "data": [1, 2, 3, 4]}}"#)
            #expect(try await Self.errorText(alice) == "文件大小超出声明的大小")
            alice.send(#"{"type": "file_chunk", "data": {"fileId": "\#(small)", "chunkIndex": 0, "data": [1, 2, 3]}}"#)
            #expect(try await Self.errorText(alice) == "找不到文件信息: \(small)", "the transfer was abandoned")
            for socket in [alice, bob, carol] { _ = try await socket.close() }
        }
    }
}
