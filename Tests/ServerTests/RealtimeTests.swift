import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Logging
import NIOWebSocket
import Server
import StorageKit
import Synchronization
import TestSupport
import Testing
import WSClient

@Suite("Realtime over live WebSockets")
struct RealtimeTests {
    /// A live server on a free port (SQLite in memory or MariaDB), with its services.
    static func withLive(
        _ backend: HTTPBackend,
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, Int, RapportServer.Services) async throws -> Void
    ) async throws {
        func run(_ url: String) async throws {
            var live = try TestServer.configuration(values)
            live.port = 0
            let database = try await ConnectedDatabase.connect(url: url, logger: TestServer.logger)
            try await RapportServer.migrator.migrate(on: database.database, logger: TestServer.logger)
            let services = try await RapportServer.Services.make(database: database, configuration: live, logger: TestServer.logger)
            let app = RapportServer.application(services: services, configuration: live, logger: TestServer.logger)
            try await app.test(.live) { client in try await test(client, client.port!, services) }
        }
        switch backend {
        case .sqlite: try await run("sqlite::memory:")
        case .mariaDB: try await TestDatabase.withMariaDBURL { url in try await run(url) }
        }
    }

    /// Where what follows an HTTP response's head begins (after its blank line), if the head is complete.
    static func bodyStart(_ bytes: [UInt8]) -> Int? {
        bytes.indices.first { bytes[$0...].starts(with: Array("\r\n\r\n".utf8)) }.map { $0 + 4 }
    }

    @Test(arguments: HTTPBackend.enabled)
    func badTokensCloseWith1008(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend) { client, port, services in
            let t = try await SupportRoutesTests.people(client, services)
            let cases: [(String, HTTPFields, String)] = [
                ("/api/ws/b1", [:], "Missing token"),
                ("/api/ws/b1?token=nonsense", [:], "Invalid token"),
                ("/api/ws", [.authorization: "Bearer nonsense"], "Invalid token"),
                ("/api/ws/m1?token=\(t["b1"]!)", [:], "Token does not match user"),
                ("/api/ws/nobody?token=\(t["b1"]!)", [:], "User not found"),
            ]
            // Read off the wire: the handshake completes (101), then a close frame with 1008 and the reason. The
            // server then waits for the client's close, so the read ends when the close frame is complete (or after
            // 20 quiet seconds: a busy machine may take a while to look the user up).
            for (path, headers, reason) in cases {
                var request =
                    "GET \(path) HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                for field in headers { request += "\(field.name): \(field.value)\r\n" }
                let (bytes, _) = try await ConnectionLimitTests.exchangeBytes(port: port, request + "\r\n", wait: .seconds(20)) { bytes in
                    guard let end = Self.bodyStart(bytes) else { return false }
                    return bytes.count >= end + 2 && bytes.count >= end + 2 + Int(bytes[end + 1] & 0x7F)
                }
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.hasPrefix("HTTP/1.1 101"), "\(path)")
                let end = try #require(Self.bodyStart(bytes), "\(path)")
                let frame = Array(bytes[end...])
                #expect(frame.first == 0x88, "a close frame for \(path)")
                guard frame.count >= 4 else { continue }
                let length = Int(frame[1] & 0x7F)
                #expect(UInt16(frame[2]) << 8 | UInt16(frame[3]) == 1008, "\(path)")
                #expect(String(decoding: frame[4..<min(2 + length, frame.count)], as: UTF8.self) == reason, "\(path)")
            }
        }
    }

    /// A client that stops reading: the server's socket buffers fill, its queue (four frames here) overflows,
    /// and the server ends the connection with 1008 after writing what it had; the sender is not held up.
    @Test func aReaderThatFallsBehindIsClosedWith1008() async throws {
        try await Self.withLive(.sqlite, ["WS_QUEUE_SIZE": "4", "MAX_MESSAGE_LENGTH": "200000"]) { client, port, services in
            let t = try await SupportRoutesTests.people(client, services)
            let opened = try await client.json("/api/conversations/", token: t["b1"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            let id = try #require(opened.body["id"] as? Int)
            let slow = try await StalledReader(port: port, path: "/api/ws/m1?token=\(t["m1"]!)")
            let buyer = LiveSocket(port: port, path: "/api/ws/b1?token=\(t["b1"]!)", maxFrameSize: 1 << 20)
            let big = String(repeating: "x", count: 100_000)
            for index in 0..<120 {
                buyer.send(#"{"type": "message", "conversation_id": \#(id), "content": "\#(big)", "client_msg_id": "flood-\#(index)"}"#)
            }
            // Every send is acknowledged: the slow reader never delayed the sender.
            for _ in 0..<120 { _ = try await buyer.next("ack", within: .seconds(30)) }
            let close = try await slow.drainUntilClose()
            #expect(close?.code == 1008)
            #expect(close?.reason == "Too slow: reconnect and resume")
            #expect(close?.messages ?? 0 < 120, "the server gave up before writing everything")
            _ = try await buyer.close()
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func supportTrafficIsDeliveredLiveOnce(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend, ["TYPING_TIMEOUT_SECONDS": "1"]) { client, port, services in
            let t = try await SupportRoutesTests.people(client, services)
            let opened = try await client.json("/api/conversations/", token: t["b1"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            let id = try #require(opened.body["id"] as? Int)
            let other = try await client.json("/api/conversations/", token: t["admin"], body: #"{"customer_id": "m2", "merchant_id": "m1"}"#)
            let otherID = try #require(other.body["id"] as? Int)

            let buyer = LiveSocket(port: port, path: "/api/ws/b1?token=\(t["b1"]!)")
            // The buyer is connected (and online) before the merchant's phone arrives, however busy the machine.
            let deadline = ContinuousClock.now + .seconds(15)
            while await services.realtime.hub.connectionCount < 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            let phone = LiveSocket(port: port, path: "/api/ws/m1", headers: [.authorization: "Bearer \(t["m1"]!)"])
            let online = try await phone.next("online_users")
            #expect(online["users"] as? [String] == ["b1"])
            let status = try await buyer.next("status")
            #expect(status["user_id"] as? String == "m1")
            #expect(status["status"] as? String == "online")
            let laptop = LiveSocket(port: port, path: "/api/ws/m1?token=\(t["m1"]!)")
            let monitor = LiveSocket(port: port, path: "/api/ws?token=\(t["admin"]!)")
            _ = try await monitor.next("online_users")
            _ = try await laptop.next("online_users")

            // Posted over HTTP: every connection of the merchant and the monitor receive it.
            let posted = try await client.json(
                "/api/messages/",
                token: t["b1"],
                body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "在吗？"}"#
            )
            #expect(posted.status == .ok)
            for socket in [phone, laptop] {
                let frame = try await socket.next("message")
                #expect(frame["content"] as? String == "在吗？")
                #expect(frame["sender_id"] as? String == "b1")
                #expect(frame["conversation_id"] as? Int == id)
                #expect(frame["seq"] as? Int == 1)
            }
            let monitored = try await monitor.next("message")
            #expect((monitored["data"] as? [String: Any])?["content"] as? String == "在吗？", "the monitor gets the envelope")

            // Seed 004's client relays what it just posted: recognised, not stored or delivered again.
            buyer.send(#"{"type": "message", "conversation_id": \#(id), "content": "在吗？", "sender_id": "m1"}"#)
            #expect(try await phone.none("message"))

            // Sent over the socket: stored once, acknowledged to the sending connection, live everywhere else.
            phone.send(#"{"type": "message", "conversation_id": \#(id), "content": "您好", "client_msg_id": "c-1"}"#)
            let ack = try await phone.next("ack")
            #expect((ack["message"] as? [String: Any])?["seq"] as? Int == 2)
            #expect(try await laptop.next("message")["content"] as? String == "您好")
            #expect(try await buyer.next("message")["content"] as? String == "在吗？", "what the buyer posted over HTTP reaches its connections too")
            #expect(try await buyer.next("message")["sender_id"] as? String == "m1")
            #expect(try await phone.none("message"), "no echo to the sending connection")

            buyer.send(#"{"type": "typing", "conversation_id": \#(id)}"#)
            let typing = try await phone.next("typing")
            #expect(typing["user_id"] as? String == "b1")
            #expect(typing["is_typing"] as? Bool == true)
            let quiet = try await phone.next("typing", within: .seconds(5))
            #expect(quiet["is_typing"] as? Bool == false, "a typist who goes quiet stops typing after the timeout")

            _ = try await client.json("/api/conversations/\(id)/messages/read-all?reader_id=m1", .put, token: t["m1"])
            let read = try await buyer.next("read")
            #expect(read["reader_id"] as? String == "m1")
            buyer.send(#"{"type": "read", "conversation_id": \#(id)}"#)
            #expect(try await laptop.next("read")["reader_id"] as? String == "b1")
            let detail = try await client.json("/api/conversations/\(id)", .get, token: t["b1"])
            #expect(detail.body["customer_unread_count"] as? Int == 0)

            // Bad frames are survived; a conversation one is not in stores nothing.
            buyer.send("not json")
            buyer.send(#"{"type": "no-such-type"}"#)
            buyer.send(#"{"type": "message", "conversation_id": \#(otherID), "content": "intruding"}"#)
            buyer.send(#"{"type": "message", "conversation_id": \#(id), "content": "still here", "client_msg_id": "c-2"}"#)
            #expect(try await buyer.next("ack")["client_msg_id"] as? String == "c-2")
            let intruded = try await client.json("/api/conversations/\(otherID)/messages", .get, token: t["admin"])
            #expect(intruded.body["count"] as? Int == 0)
            let all = try await client.json("/api/conversations/\(id)/messages", .get, token: t["admin"])
            #expect(all.body["count"] as? Int == 3, "the relay was not stored")

            // Presence: the buyer leaves; after the grace period the merchant hears it once.
            _ = try await buyer.close()
            let offline = try await phone.next("status", within: .seconds(8))
            #expect(offline["user_id"] as? String == "b1")
            #expect(offline["status"] as? String == "offline")
            for socket in [phone, laptop, monitor] { _ = try await socket.close() }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func envelopesAcknowledgeResumeAndResync(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend, ["WS_RESUME_LIMIT": "3", "WS_MAX_MESSAGE_SIZE": "4096"]) { client, port, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let bob = try await AuthRoutesTests.register(client, "bob")
            _ = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username": "bob"}"#)
            let bobID = try #require((try await client.json("/api/auth/profile", .get, token: bob).body["user"] as? [String: Any])?["id"] as? Int)

            let a = LiveSocket(port: port, path: "/api/ws", headers: [.authorization: "Bearer \(alice)"])
            var b = LiveSocket(port: port, path: "/api/ws?token=\(bob)")
            _ = try await a.next("online_users")
            _ = try await b.next("online_users")
            a.send(#"{"type": "send", "data": {"receiver_id": \#(bobID), "content": "hi", "client_msg_id": "x1"}}"#)
            let ack = try await a.next("ack")
            let stored = try #require((ack["data"] as? [String: Any])?["message"] as? [String: Any])
            #expect(stored["seq"] as? Int == 1)
            let conversation = try #require(stored["conversation_id"] as? Int)
            let delivered = try await b.next("message")
            #expect((delivered["data"] as? [String: Any])?["content"] as? String == "hi")
            a.send(#"{"type": "send", "data": {"receiver_id": \#(bobID), "content": "hi", "client_msg_id": "x1"}}"#)
            #expect(((try await a.next("ack")["data"] as? [String: Any])?["message"] as? [String: Any])?["id"] as? Int == stored["id"] as? Int)
            #expect(try await b.none("message"), "a retried send is not delivered twice")

            // Bob drops; two messages arrive meanwhile (one over HTTP); he resumes from seq 1.
            _ = try await b.close()
            a.send(#"{"type": "send", "data": {"receiver_id": \#(bobID), "content": "two"}}"#)
            _ = try await a.next("ack")
            _ = try await client.json("/api/message/send", token: alice, body: #"{"receiver_id": \#(bobID), "content": "three"}"#)
            b = LiveSocket(port: port, path: "/api/ws?token=\(bob)")
            _ = try await b.next("online_users")
            b.send(#"{"type": "resume", "data": {"conversations": {"\#(conversation)": 1}}}"#)
            let second = try await b.next("message")["data"] as? [String: Any]
            let third = try await b.next("message")["data"] as? [String: Any]
            #expect([second?["seq"] as? Int, third?["seq"] as? Int] == [2, 3])
            #expect([second?["content"] as? String, third?["content"] as? String] == ["two", "three"])
            #expect((try await b.next("resumed")["data"] as? [String: Any])?["count"] as? Int == 2)
            // Asked again on the same connection, a resume sends only what this connection has not had.
            b.send(#"{"type": "resume", "data": {"conversations": {"\#(conversation)": 0}}}"#)
            #expect((try await b.next("message")["data"] as? [String: Any])?["seq"] as? Int == 1)
            #expect((try await b.next("resumed")["data"] as? [String: Any])?["count"] as? Int == 1)
            a.send(#"{"type": "send", "data": {"receiver_id": \#(bobID), "content": "four"}}"#)
            #expect((try await b.next("message")["data"] as? [String: Any])?["seq"] as? Int == 4)
            // Resuming while connecting, from further back than the limit of three: resync instead.
            let late = LiveSocket(port: port, path: "/api/ws?token=\(bob)&resume=\(conversation):0")
            let resync = try await late.next("resync")["data"] as? [String: Any]
            #expect(resync?["last_seq"] as? Int == 4, "four missed is past the limit of three")
            let recent = LiveSocket(port: port, path: "/api/ws?token=\(bob)&resume=\(conversation):2")
            let replayed = [try await recent.next("message"), try await recent.next("message")].map { ($0["data"] as? [String: Any])?["seq"] as? Int }
            #expect(replayed == [3, 4])
            _ = try await late.close()
            _ = try await recent.close()

            // Errors are events and the connection stays.
            b.send("{broken")
            #expect(((try await b.next("error")["data"]) as? [String: Any])?["msg"] as? String == "Frames must be JSON objects")
            b.send(#"{"type": "resume", "data": {"conversations": {"999999": 0}}}"#)
            #expect(((try await b.next("error")["data"]) as? [String: Any])?["msg"] as? String == "You are not in this conversation")
            b.send(#"{"type": "send", "data": {"receiver_id": 999999, "content": "stranger"}}"#)
            #expect(((try await b.next("error")["data"]) as? [String: Any])?["msg"] as? String == "You can only message friends")
            b.send(#"{"type": "ping"}"#)
            _ = try await b.next("pong")

            // Past the size limit: closed with 1009.
            b.send(#"{"type": "ping", "pad": "\#(String(repeating: "x", count: 5000))"}"#)
            #expect(try await b.closed()?.closeCode == .messageTooLarge)
            _ = try await a.close()
        }
    }
}

extension RealtimeTests {
    /// Three receivers whose connections drop at random and come back with `?resume=` while a sender bursts
    /// messages to each (half over the socket, half over HTTP): each receiver ends with every message exactly
    /// once and in order.
    @Test(arguments: HTTPBackend.enabled)
    func randomDisconnectsLoseNothingAndDoubleNothing(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend, ["PRESENCE_GRACE_SECONDS": "0"]) { client, port, _ in
            let perReceiver = 60
            let alice = try await AuthRoutesTests.register(client, "alice")
            var receivers: [(token: String, id: Int)] = []
            for name in ["bob", "carol", "dave"] {
                let token = try await AuthRoutesTests.register(client, name)
                let id = try #require((try await client.json("/api/auth/profile", .get, token: token).body["user"] as? [String: Any])?["id"] as? Int)
                _ = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username": "\#(name)"}"#)
                receivers.append((token, id))
            }
            let sender = LiveSocket(port: port, path: "/api/ws?token=\(alice)")
            _ = try await sender.next("online_users")
            // The first message of each conversation tells its id.
            var conversations: [Int] = []
            for receiver in receivers {
                sender.send(#"{"type": "send", "data": {"receiver_id": \#(receiver.id), "content": "m1", "client_msg_id": "first-\#(receiver.id)"}}"#)
                let ack = try await sender.next("ack")
                conversations.append(try #require(((ack["data"] as? [String: Any])?["message"] as? [String: Any])?["conversation_id"] as? Int))
            }

            let targets = receivers
            let burst = Task {
                for round in 2...perReceiver {
                    for receiver in targets {
                        if round.isMultiple(of: 2) {
                            sender.send(#"{"type": "send", "data": {"receiver_id": \#(receiver.id), "content": "m\#(round)"}}"#)
                            _ = try await sender.next("ack")
                        } else {
                            let reply = try await client.json(
                                "/api/message/send",
                                token: alice,
                                body: #"{"receiver_id": \#(receiver.id), "content": "m\#(round)"}"#
                            )
                            #expect(reply.status == .ok)
                        }
                    }
                }
            }
            let results = try await withThrowingTaskGroup(of: (Int, [Int], Int).self) { group in
                for (index, receiver) in targets.enumerated() {
                    let conversation = conversations[index]
                    group.addTask {
                        var seen: [Int] = []
                        var reconnects = 0
                        let deadline = ContinuousClock.now + .seconds(90)
                        while seen.count < perReceiver, ContinuousClock.now < deadline {
                            let socket = LiveSocket(port: port, path: "/api/ws?token=\(receiver.token)&resume=\(conversation):\(seen.last ?? 0)")
                            try await Task.sleep(for: .milliseconds(Int.random(in: 30...250)))
                            _ = try? await socket.close()
                            reconnects += 1
                            for frame in socket.received.withLock({ $0 }) {
                                guard let object = LiveSocket.object(frame), object["type"] as? String == "message",
                                    let data = object["data"] as? [String: Any], data["conversation_id"] as? Int == conversation,
                                    let seq = data["seq"] as? Int
                                else { continue }
                                seen.append(seq)
                            }
                        }
                        return (index, seen, reconnects)
                    }
                }
                return try await group.reduce(into: [(Int, [Int], Int)]()) { $0.append($1) }
            }
            try await burst.value
            for (index, seen, reconnects) in results {
                #expect(seen == Array(1...perReceiver), "receiver \(index) after \(reconnects) connections")
                #expect(reconnects > 2, "the connections did drop")
            }
            _ = try await sender.close()
        }
    }
}

extension RealtimeTests {
    @Test(arguments: HTTPBackend.enabled)
    func groupsDeliverToTheirMembers(_ backend: HTTPBackend) async throws {
        try await Self.withLive(backend) { client, port, _ in
            var tokens: [String: String] = [:]
            var ids: [String: Int] = [:]
            for name in ["owner", "ann", "ben", "eve"] {
                tokens[name] = try await AuthRoutesTests.register(client, name)
                ids[name] = try #require(
                    (try await client.json("/api/auth/profile", .get, token: tokens[name]).body["user"] as? [String: Any])?["id"] as? Int
                )
            }
            var reply = try await client.json(
                "/api/groups",
                token: tokens["owner"],
                body: #"{"name": "读书会", "member_ids": [\#(ids["ann"]!), \#(ids["ben"]!)]}"#
            )
            #expect(reply.status == .created)
            let group = try #require(reply.body["id"] as? Int)
            #expect(try await client.json("/api/groups", token: tokens["owner"], body: #"{"name": "x", "member_ids": [999999]}"#).status == .notFound)
            #expect(try await client.json("/api/groups", token: tokens["owner"], body: #"{"name": " "}"#).status == .badRequest)

            let ann = LiveSocket(port: port, path: "/api/ws?token=\(tokens["ann"]!)")
            let ben = LiveSocket(port: port, path: "/api/ws?token=\(tokens["ben"]!)")
            let eve = LiveSocket(port: port, path: "/api/ws?token=\(tokens["eve"]!)")
            for socket in [ann, ben, eve] { _ = try await socket.next("online_users") }

            ann.send(#"{"type": "send", "data": {"conversation_id": \#(group), "content": "第一章", "client_msg_id": "g-1"}}"#)
            #expect(((try await ann.next("ack")["data"] as? [String: Any])?["message"] as? [String: Any])?["seq"] as? Int == 1)
            #expect((try await ben.next("message")["data"] as? [String: Any])?["content"] as? String == "第一章")
            eve.send(#"{"type": "send", "data": {"conversation_id": \#(group), "content": "let me in"}}"#)
            #expect((try await eve.next("error")["data"] as? [String: Any])?["msg"] as? String == "You are not in this conversation")
            #expect(try await eve.none("message"))

            // Only the owner or an admin manages; a removed member hears of it and nothing after.
            #expect(try await client.json("/api/groups/\(group)", .put, token: tokens["ann"], body: #"{"name": "mine"}"#).status == .forbidden)
            #expect(try await client.json("/api/groups/\(group)", .get, token: tokens["eve"]).status == .forbidden)
            reply = try await client.json("/api/groups/\(group)/members/\(ids["ben"]!)", .delete, token: tokens["owner"])
            #expect(reply.status == .ok)
            _ = try await ben.next("group_updated")
            // The socket's cached view of the group was cleared by the change: Ben can no longer write to it.
            ben.send(#"{"type": "send", "data": {"conversation_id": \#(group), "content": "still here?"}}"#)
            #expect((try await ben.next("error")["data"] as? [String: Any])?["msg"] as? String == "You are not in this conversation")
            _ = try await client.json("/api/groups/\(group)/messages", token: tokens["owner"], body: #"{"content": "第二章"}"#)
            #expect((try await ann.next("message")["data"] as? [String: Any])?["seq"] as? Int == 2)
            #expect(try await ben.none("message"))
            #expect(try await client.json("/api/groups/\(group)/leave", token: tokens["owner"]).status == .conflict, "the owner stays")
            reply = try await client.json("/api/groups/\(group)/messages?after_seq=0", .get, token: tokens["ann"])
            #expect((reply.body["messages"] as? [[String: Any]])?.compactMap { $0["content"] as? String } == ["第一章", "第二章"])
            reply = try await client.json("/api/groups", .get, token: tokens["ann"])
            #expect(
                Set((reply.body["groups"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []) == [group, 1],
                "the group and the public channel"
            )
            for socket in [ann, ben, eve] { _ = try await socket.close() }
        }
    }
}
