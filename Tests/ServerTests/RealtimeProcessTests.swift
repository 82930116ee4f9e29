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

@Suite("Realtime across server processes")
struct RealtimeProcessTests {
    /// The buses that carry events between processes: the shared database's, and Redis when the suite has one.
    static var buses: [String] { TestRedis.enabled ? ["database", "redis"] : ["database"] }

    /// Two `rapport serve` processes on one database with `EVENT_BUS=database` or `redis`, a client on each: what
    /// one receives reaches the other's client, and so does presence.
    @Test(arguments: HTTPBackend.enabled, Self.buses)
    func twoProcessesDeliverToEachOthersClients(_ backend: HTTPBackend, _ bus: String) async throws {
        func run(_ url: String) async throws {
            var environment = ["EVENT_BUS": bus, "PRESENCE_GRACE_SECONDS": "1"]
            if bus == "redis" {
                environment["REDIS_URL"] = try TestRedis.requireURL()
                environment["REDIS_STREAM"] = "rapport:test:\(UUID().uuidString)"
            }
            let first = try await ServerProcess(databaseURL: url, environment: environment)
            defer { first.stop() }
            let second = try await ServerProcess(databaseURL: url, environment: environment)
            defer { second.stop() }

            let alice = try #require(
                try await first.json("POST", "/api/auth/register", body: #"{"username":"alice","email":"a@x.com","password":"password123"}"#)[
                    "access_token"
                ] as? String
            )
            let registered = try await second.json(
                "POST",
                "/api/auth/register",
                body: #"{"username":"bob","email":"b@x.com","password":"password123"}"#
            )
            let bob = try #require(registered["access_token"] as? String)
            let bobID = try #require(registered["user_id"] as? Int)
            _ = try await first.json("POST", "/api/friend/add", token: alice, body: #"{"friend_username": "bob"}"#)

            let a = LiveSocket(port: first.port, path: "/api/ws?token=\(alice)")
            _ = try await a.next("online_users")
            let b = LiveSocket(port: second.port, path: "/api/ws?token=\(bob)")
            _ = try await b.next("online_users")
            let online = try await a.next("user_online", within: .seconds(10))
            #expect((online["data"] as? [String: Any])?["user_id"] as? Int == bobID, "presence crosses processes")

            a.send(#"{"type": "send", "data": {"receiver_id": \#(bobID), "content": "across", "client_msg_id": "p-1"}}"#)
            _ = try await a.next("ack")
            let received = try await b.next("message", within: .seconds(10))
            #expect((received["data"] as? [String: Any])?["content"] as? String == "across")

            let reply = try await second.json(
                "POST",
                "/api/message/send",
                token: bob,
                body: #"{"receiver_id": \#(try await Self.id(of: alice, on: first)), "content": "back over HTTP"}"#
            )
            #expect(reply["message"] as? String == "消息发送成功")
            let back = try await a.next("message", within: .seconds(10))
            #expect((back["data"] as? [String: Any])?["content"] as? String == "back over HTTP")

            // A group changed on the first process is seen at once by the second's send path (its cache is cleared
            // by the change travelling over the bus).
            let created = try await first.json("POST", "/api/groups", token: alice, body: #"{"name": "two", "member_ids": [\#(bobID)]}"#)
            let group = try #require(created["id"] as? Int)
            b.send(#"{"type": "send", "data": {"conversation_id": \#(group), "content": "in the group"}}"#)
            _ = try await b.next("ack")
            _ = try await first.json("DELETE", "/api/groups/\(group)/members/\(bobID)", token: alice)
            _ = try await b.next("group_updated", within: .seconds(10))
            b.send(#"{"type": "send", "data": {"conversation_id": \#(group), "content": "removed"}}"#)
            #expect(((try await b.next("error"))["data"] as? [String: Any])?["msg"] as? String == "You are not in this conversation")

            // Stored presence: the first process knows Bob is connected to the second, and when he leaves.
            #expect(try await first.json("GET", "/api/user/status", token: bob)["status"] as? String == "online")
            a.send(#"{"type": "get_online_status", "data": {"user_ids": [\#(bobID)]}}"#)
            #expect((try await a.next("online_status_update"))["data"] as? [String: Bool] == ["\(bobID)": true])
            _ = try await b.close()
            var status = ""
            for _ in 0..<300 where status != "offline" {
                try await Task.sleep(for: .milliseconds(100))
                status = try await first.json("GET", "/api/user/status", token: bob)["status"] as? String ?? ""
            }
            #expect(status == "offline")
            _ = try await a.close()
        }
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-two-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try await run("sqlite:" + directory.appendingPathComponent("shared.sqlite").path)
        case .mariaDB:
            try await TestDatabase.withMariaDBURL { url in try await run(url) }
        }
    }

    static func id(of token: String, on server: ServerProcess) async throws -> Int {
        try #require((try await server.json("GET", "/api/auth/profile", token: token)["user"] as? [String: Any])?["id"] as? Int)
    }
}
