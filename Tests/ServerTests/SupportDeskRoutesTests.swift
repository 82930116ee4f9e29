import AuthTokens
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import StorageKit
import Testing

@Suite("Support desk routes: agents, presence, assignment")
struct SupportDeskRoutesTests {
    /// The people of ``SupportRoutesTests/people(_:_:)`` plus agents a1 and a2 and buyers b2…b`buyers`, with tokens.
    static func desk(_ client: some TestClientProtocol, _ services: RapportServer.Services, buyers: Int = 3) async throws -> [String: String] {
        var tokens = try await SupportRoutesTests.people(client, services)
        let extra = ["a1", "a2"].map { #"{"id": "\#($0)", "role": "agent"}"# } + (2...buyers).map { #"{"id": "b\#($0)", "role": "buyer"}"# }
        let reply = try await client.json("/api/users/ensure", token: tokens["admin"], body: #"{"users": [\#(extra.joined(separator: ","))]}"#)
        #expect(reply.status == .ok)
        for id in ["a1", "a2"] + (2...buyers).map({ "b\($0)" }) {
            tokens[id] = try #require(
                try await client.json("/api/auth/token", token: tokens["admin"], body: #"{"user_id": "\#(id)"}"#).body["access_token"] as? String
            )
        }
        return tokens
    }

    static func open(_ client: some TestClientProtocol, _ t: [String: String], _ buyer: String) async throws -> (id: Int, assignee: String?) {
        let reply = try await client.json("/api/conversations/", token: t[buyer], body: #"{"customer_id": "\#(buyer)", "merchant_id": "m1"}"#)
        #expect(reply.status == .ok)
        return (try #require(reply.body["id"] as? Int), reply.body["assignee_id"] as? String)
    }

    static func assignee(_ client: some TestClientProtocol, _ t: [String: String], _ id: Int) async throws -> String? {
        try await client.json("/api/conversations/\(id)", .get, token: t["admin"]).body["assignee_id"] as? String
    }

    @Test(arguments: SupportBackend.enabled)
    func agentsPresenceAndRoundRobin(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.desk(client, services)
            var reply = try await client.json("/api/support/agents/a1", .put, token: t["admin"], body: #"{"merchant_id": "m1", "capacity": 1}"#)
            #expect(reply.status == .ok)
            #expect(reply.body["merchant_id"] as? String == "m1")
            #expect(reply.body["online"] as? Bool == false)
            #expect(reply.body["load"] as? Int == 0)
            reply = try await client.json("/api/support/agents/a2", .put, token: t["m1"], body: #"{"capacity": 1}"#)
            #expect(reply.status == .ok, "a merchant registers its own staff")
            #expect(reply.body["merchant_id"] as? String == "m1")
            reply = try await client.json("/api/support/agents/a1", .put, token: t["m2"], body: #"{"capacity": 9}"#)
            #expect(reply.status == .forbidden, "another merchant's agent")
            reply = try await client.json("/api/support/agents/b1", .put, token: t["admin"], body: #"{"merchant_id": "m1"}"#)
            #expect(reply.status == .unprocessableContent, "a buyer cannot be an agent")
            reply = try await client.json("/api/support/agents/a1", .put, token: t["admin"], body: #"{"merchant_id": "m1", "capacity": -1}"#)
            #expect(reply.status == .unprocessableContent)
            reply = try await client.json("/api/support/agents/nobody", .put, token: t["admin"], body: #"{"merchant_id": "m1"}"#)
            #expect(reply.status == .notFound)
            reply = try await client.json("/api/support/agents/a1", .put, token: t["b1"], body: #"{"merchant_id": "m1"}"#)
            #expect(reply.status == .forbidden)

            // Nobody online: the first customer waits.
            let c1 = try await Self.open(client, t, "b1")
            #expect(c1.assignee == nil)
            reply = try await client.json("/api/support/queue", .get, token: t["admin"])
            #expect(reply.body["waiting"] as? Int == 1)
            #expect(try await client.json("/api/support/queue", .get, token: t["b1"]).status == .forbidden)

            reply = try await client.json("/api/support/agents/a1/presence", .put, token: t["a2"], body: #"{"online": true}"#)
            #expect(reply.status == .forbidden, "only for oneself")
            reply = try await client.json("/api/support/agents/a1/presence", .put, token: t["a1"], body: #"{"online": 1}"#)
            #expect(reply.status == .unprocessableContent, "a number is not a boolean")
            reply = try await client.json("/api/support/agents/a1/presence", .put, token: t["a1"], body: #"{"online": true}"#)
            #expect(reply.body["online"] as? Bool == true)
            #expect(reply.body["load"] as? Int == 1, "coming online takes the waiting conversation")
            #expect(try await Self.assignee(client, t, c1.id) == "a1")

            // The assignee sees, answers and reads for the merchant's side.
            reply = try await client.json(
                "/api/messages/",
                token: t["a1"],
                body: #"{"conversation_id": \#(c1.id), "sender_id": "a1", "content": "您好"}"#
            )
            #expect(reply.status == .ok)
            reply = try await client.json("/api/conversations/\(c1.id)", .get, token: t["a1"])
            #expect(reply.body["customer_unread_count"] as? Int == 1)
            #expect(try await client.json("/api/conversations/?assignee_id=a1", .get, token: t["a1"]).body["count"] as? Int == 1)

            let c2 = try await Self.open(client, t, "b2")
            #expect(c2.assignee == nil, "a1 is full and a2 is offline")
            reply = try await client.json(
                "/api/messages/",
                token: t["a2"],
                body: #"{"conversation_id": \#(c2.id), "sender_id": "a2", "content": "x"}"#
            )
            #expect(reply.status == .forbidden, "an agent answers only after the conversation is theirs")
            #expect(try await client.json("/api/conversations/\(c2.id)", .get, token: t["a2"]).status == .ok, "but sees its team's queue")
            _ = try await client.json("/api/support/agents/a2/presence", .put, token: t["a2"], body: #"{"online": true}"#)
            #expect(try await Self.assignee(client, t, c2.id) == "a2")
            let c3 = try await Self.open(client, t, "b3")
            #expect(c3.assignee == nil)
            reply = try await client.json("/api/support/queue", .get, token: t["m1"])
            let team = try #require((reply.body["teams"] as? [[String: Any]])?.first)
            #expect(team["waiting"] as? Int == 1)
            #expect(team["agents_online"] as? Int == 2)
            #expect((team["agents"] as? [[String: Any]])?.compactMap { $0["load"] as? Int } == [1, 1])

            // Resolving frees a1, who gets the waiting one; the customer's reply reopens and keeps its agent.
            reply = try await client.json("/api/conversations/\(c1.id)/resolve", token: t["b1"])
            #expect(reply.status == .forbidden, "the customer does not resolve")
            reply = try await client.json("/api/conversations/\(c1.id)/resolve", token: t["a1"])
            #expect(reply.body["status"] as? String == "resolved")
            #expect(try await Self.assignee(client, t, c3.id) == "a1")
            _ = try await client.json(
                "/api/messages/",
                token: t["b1"],
                body: #"{"conversation_id": \#(c1.id), "sender_id": "b1", "content": "还有问题"}"#
            )
            reply = try await client.json("/api/conversations/\(c1.id)", .get, token: t["a1"])
            #expect(reply.body["status"] as? String == "open")
            #expect(reply.body["assignee_id"] as? String == "a1")

            // Transfer, claim and snooze.
            reply = try await client.json("/api/conversations/\(c1.id)/transfer", token: t["a1"], body: #"{"assignee_id": "m2"}"#)
            #expect(reply.status == .unprocessableContent)
            reply = try await client.json("/api/conversations/\(c1.id)/transfer", token: t["a1"], body: #"{"assignee_id": "a2"}"#)
            #expect(reply.body["assignee_id"] as? String == "a2")
            reply = try await client.json("/api/conversations/\(c1.id)/claim", token: t["a1"])
            #expect(reply.status == .conflict)
            #expect(reply.body as NSDictionary == ["detail": "Conversation is assigned to another agent"])
            _ = try await client.json("/api/support/agents/a2/presence", .put, token: t["a2"], body: #"{"online": false}"#)
            reply = try await client.json("/api/conversations/\(c3.id)/transfer", token: t["a1"], body: #"{"assignee_id": "a2"}"#)
            #expect(reply.status == .conflict)
            #expect(reply.body as NSDictionary == ["detail": "Agent is offline"])
            reply = try await client.json("/api/conversations/\(c3.id)/claim", token: t["m2"])
            #expect(reply.status == .forbidden)
            reply = try await client.json("/api/conversations/\(c3.id)/snooze", token: t["a1"], body: #"{"snoozed_until": 1000}"#)
            #expect(reply.status == .unprocessableContent)
            reply = try await client.json("/api/conversations/\(c3.id)/snooze", token: t["a1"], body: #"{}"#)
            #expect(reply.status == .unprocessableContent)
            // Beyond year 9999 (once a trap converting the date, which took the server down): refused.
            for huge in ["1e19", "9223372036854775807", "1e300", "253402300800"] {
                reply = try await client.json("/api/conversations/\(c3.id)/snooze", token: t["a1"], body: #"{"snoozed_until": \#(huge)}"#)
                #expect(reply.status == .unprocessableContent, "\(huge)")
            }
            // A page whose offset would overflow (once a trap): refused, for every paged list.
            for list in ["/api/conversations/", "/api/users/", "/api/messages/?conversation_id=\(c3.id)", "/api/conversations/\(c3.id)/messages"] {
                let separator = list.contains("?") ? "&" : "?"
                reply = try await client.json("\(list)\(separator)page=9223372036854775807&page_size=1000", .get, token: t["admin"])
                #expect(reply.status == .unprocessableContent, "\(list)")
            }
            let later = Int(Date().timeIntervalSince1970) + 3600
            reply = try await client.json("/api/conversations/\(c3.id)/snooze", token: t["a1"], body: #"{"snoozed_until": \#(later)}"#)
            #expect(reply.body["status"] as? String == "snoozed")
            #expect(reply.body["snoozed_until"] as? Int == later)
            reply = try await client.json("/api/conversations/\(c3.id)/status", .put, token: t["a1"], body: #"{"status": "later"}"#)
            #expect(reply.status == .unprocessableContent)
            reply = try await client.json("/api/conversations/\(c3.id)/status", .put, token: t["m1"], body: #"{"status": "pending"}"#)
            #expect(reply.body["status"] as? String == "pending")
            #expect(reply.body["snoozed_until"] is NSNull)
            #expect(try await client.json("/api/conversations/?status=pending", .get, token: t["a1"]).body["count"] as? Int == 1)
            #expect(try await client.json("/api/conversations/?status=nope", .get, token: t["a1"]).status == .unprocessableContent)

            // Removing an agent returns its conversations to the queue.
            #expect(try await client.json("/api/support/agents/a1", .delete, token: t["m2"]).status == .forbidden)
            #expect(try await client.json("/api/support/agents/a1", .delete, token: t["m1"]).status == .ok)
            #expect(try await client.json("/api/support/agents/a1", .delete, token: t["m1"]).status == .notFound)
            #expect(try await Self.assignee(client, t, c3.id) == nil)
            reply = try await client.json("/api/support/agents", .get, token: t["m1"])
            #expect((reply.body["results"] as? [[String: Any]])?.compactMap { $0["user_id"] as? String } == ["a2"])
            #expect(try await client.json("/api/support/agents", .get, token: t["b1"]).status == .forbidden)
        }
    }

    /// Twelve customers arrive at once with two agents of capacity two online: exactly four are assigned, two each.
    @Test(arguments: SupportBackend.enabled)
    func capacityHoldsWhenCustomersArriveTogether(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.desk(client, services, buyers: 13)
            for agent in ["a1", "a2"] {
                #expect(
                    try await client.json("/api/support/agents/\(agent)", .put, token: t["admin"], body: #"{"merchant_id": "m1", "capacity": 2}"#)
                        .status == .ok
                )
                #expect(
                    try await client.json("/api/support/agents/\(agent)/presence", .put, token: t[agent], body: #"{"online": true}"#).status == .ok
                )
            }
            let opened = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 2...13 {
                    group.addTask { try await Self.open(client, t, "b\(index)").assignee }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(opened.count == 12)
            #expect(opened.compactMap { $0 }.sorted() == ["a1", "a1", "a2", "a2"])
            let reply = try await client.json("/api/support/queue", .get, token: t["admin"])
            #expect(reply.body["waiting"] as? Int == 8)
            let agents = try #require(((reply.body["teams"] as? [[String: Any]])?.first)?["agents"] as? [[String: Any]])
            #expect(agents.compactMap { $0["load"] as? Int } == [2, 2])
        }
    }
}
