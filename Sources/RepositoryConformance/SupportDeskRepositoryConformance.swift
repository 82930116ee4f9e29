public import ChatCore
import Foundation

/// The conformance suite of ``SupportDeskRepository``: agents, their presence and capacity, round-robin assignment
/// of the oldest waiting conversations, claiming, transferring, snoozing, and capacity that holds when customers
/// arrive at once through two handles on one database. Each check needs an empty repository.
public enum SupportDeskRepositoryConformance {
    public typealias Check = ConformanceCheck<Repositories>

    /// The repositories a check works on.
    public struct Repositories: Sendable {
        public var desk: any SupportDeskRepository
        /// The same database through another handle — another connection pool, as a second server process would have
        /// — or `desk` itself where there is only one (memory, one SQLite file).
        public var otherProcess: any SupportDeskRepository

        public init(desk: any SupportDeskRepository, otherProcess: (any SupportDeskRepository)? = nil) {
            self.desk = desk
            self.otherProcess = otherProcess ?? desk
        }
    }

    public static let checks: [Check] = [
        Check("roundRobinOldestFirstAndNeverOffline", roundRobinOldestFirstAndNeverOffline),
        Check("assigneeSharesTheMerchantSide", assigneeSharesTheMerchantSide),
        Check("claimTransferSnoozeAndRemoval", claimTransferSnoozeAndRemoval),
        Check("capacityHoldsUnderConcurrentArrivals", capacityHoldsUnderConcurrentArrivals),
    ]

    static let merchant = ParticipantID(2), otherMerchant = ParticipantID(3)
    static let a1 = ParticipantID(10), a2 = ParticipantID(11), a3 = ParticipantID(12), outsider = ParticipantID(13)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func customer(_ index: Int) -> ParticipantID { ParticipantID(100 + Int64(index)) }

    static func roundRobinOldestFirstAndNeverOffline(_ repositories: Repositories) async throws {
        let desk = repositories.desk
        _ = try await desk.saveAgent(Self.a1, team: Self.merchant, capacity: 2, at: Self.t0)
        _ = try await desk.saveAgent(Self.a2, team: Self.merchant, capacity: 1, at: Self.t0)
        _ = try await desk.saveAgent(Self.a3, team: Self.merchant, capacity: 5, at: Self.t0)
        var conversations: [SupportConversation] = []
        for index in 0..<4 {
            conversations.append(try await desk.conversation(customer: Self.customer(index), merchant: Self.merchant, at: Self.t0 + Double(index)))
        }
        let ids = conversations.map(\.id)
        try await expect(desk.assignWaiting(team: Self.merchant, at: Self.t0 + 5).isEmpty, "nobody is online")
        try await expectEqual(desk.queues(), [SupportQueue(teamID: Self.merchant, waiting: 4, oldestWaitingSince: Self.t0)])

        _ = try await desk.setPresence(Self.a1, onlineUntil: Self.t0 + 100)
        _ = try await desk.setPresence(Self.a2, onlineUntil: Self.t0 + 100)
        try await expectEqual(desk.setPresence(Self.outsider, onlineUntil: Self.t0 + 100), nil, "not an agent")
        let first = try await desk.assignWaiting(team: Self.merchant, at: Self.t0 + 10)
        try expectEqual(
            first,
            [
                SupportAssignment(conversationID: ids[0], agentID: Self.a1), SupportAssignment(conversationID: ids[1], agentID: Self.a2),
                SupportAssignment(conversationID: ids[2], agentID: Self.a1),
            ],
            "oldest first, round-robin, a2 full after one, a3 offline"
        )
        try await expectEqual(desk.queues().first?.waiting, 1)
        try await expectEqual(desk.queues().first?.oldestWaitingSince, Self.t0 + 3)
        var loads = try await desk.agents(team: Self.merchant, at: Self.t0 + 10)
        try expectEqual(loads.map(\.load), [2, 1, 0])
        try expectEqual(loads.map(\.online), [true, true, false])
        try await expectEqual(desk.conversation(id: ids[0])?.assigneeID, Self.a1)

        // Resolving frees a place; the waiting conversation goes to the agent with room.
        _ = try await desk.setStatus(ids[1], .resolved, snoozedUntil: nil, at: Self.t0 + 20)
        try await expectEqual(
            desk.assignWaiting(team: Self.merchant, at: Self.t0 + 20),
            [SupportAssignment(conversationID: ids[3], agentID: Self.a2)]
        )

        // Leases run out: nobody is assigned until someone is online again.
        let late = try await desk.conversation(customer: Self.customer(9), merchant: Self.merchant, at: Self.t0 + 150)
        _ = try await desk.setStatus(ids[0], .resolved, snoozedUntil: nil, at: Self.t0 + 150)
        try await expect(desk.assignWaiting(team: Self.merchant, at: Self.t0 + 150).isEmpty, "a1's and a2's leases ended at t0+100")
        _ = try await desk.setPresence(Self.a3, onlineUntil: Self.t0 + 300)
        try await expectEqual(
            desk.assignWaiting(team: Self.merchant, at: Self.t0 + 160),
            [SupportAssignment(conversationID: late.id, agentID: Self.a3)]
        )
        _ = try await desk.setPresence(Self.a3, onlineUntil: nil)
        loads = try await desk.agents(team: nil, at: Self.t0 + 160)
        try expectEqual(loads.map(\.online), [false, false, false])
        try expectEqual(loads.map(\.load), [1, 1, 1], "a1 keeps c3, a2 has c4, a3 has the late one")

        // A customer's reply reopens a resolved conversation; it stays with its agent.
        let (reopened, _) = try await desk.send(NewMessage(senderID: Self.customer(1), content: "还在吗"), in: ids[1], at: Self.t0 + 170)
        try expectEqual(reopened.status, .open)
        try expectEqual(reopened.assigneeID, Self.a2)
    }

    static func assigneeSharesTheMerchantSide(_ repositories: Repositories) async throws {
        let desk = repositories.desk
        _ = try await desk.saveAgent(Self.a1, team: Self.merchant, capacity: 3, at: Self.t0)
        _ = try await desk.setPresence(Self.a1, onlineUntil: Self.t0 + 1000)
        let conversation = try await desk.conversation(customer: Self.customer(0), merchant: Self.merchant, at: Self.t0)
        _ = try await desk.assignWaiting(team: Self.merchant, at: Self.t0)
        _ = try await desk.send(NewMessage(senderID: Self.customer(0), content: "问题"), in: conversation.id, at: Self.t0 + 1)
        let (afterReply, reply) = try await desk.send(NewMessage(senderID: Self.a1, content: "您好"), in: conversation.id, at: Self.t0 + 2)
        try expectEqual(afterReply.customerUnread, 1)
        try expectEqual(afterReply.merchantUnread, 1)
        try await desk.markRead(by: Self.a1, in: conversation.id)
        let state = try await require(desk.conversation(id: conversation.id))
        try expectEqual(state.merchantUnread, 0, "the agent read for the merchant's side")
        try expectEqual(state.side(of: Self.a1), Self.merchant)
        try expectEqual(state.side(of: Self.a2), nil)
        let page = try await desk.messages(in: conversation.id, ascending: true, offset: 0, limit: 10)
        try expectEqual(page.items.map(\.isRead), [true, false], "the customer has not read the agent's reply")
        try await expectEqual(desk.message(id: reply.id)?.isRead, false)
        try await desk.markRead(by: Self.customer(0), in: conversation.id)
        try await expectEqual(desk.message(id: reply.id)?.isRead, true)

        let mine = try await desk.conversations(SupportConversationFilter(participant: Self.a1), offset: 0, limit: 10)
        try expectEqual(mine.items.map(\.id), [conversation.id], "an assignee sees its conversations")
        let other = try await desk.conversation(customer: Self.customer(1), merchant: Self.merchant, at: Self.t0 + 5)
        let team = try await desk.conversations(SupportConversationFilter(participant: Self.a1, team: Self.merchant), offset: 0, limit: 10)
        try expectEqual(Set(team.items.map(\.id)), [conversation.id, other.id], "an agent sees its team's conversations")
        let waiting = try await desk.conversations(
            SupportConversationFilter(merchantID: Self.merchant, status: .open, assignee: .unassigned),
            offset: 0,
            limit: 10
        )
        try expectEqual(waiting.items.map(\.id), [other.id])
        try await expectEqual(desk.conversations(SupportConversationFilter(assignee: .agent(Self.a1)), offset: 0, limit: 10).total, 1)
    }

    static func claimTransferSnoozeAndRemoval(_ repositories: Repositories) async throws {
        let desk = repositories.desk
        _ = try await desk.saveAgent(Self.a1, team: Self.merchant, capacity: 1, at: Self.t0)
        _ = try await desk.saveAgent(Self.a2, team: Self.merchant, capacity: 1, at: Self.t0)
        _ = try await desk.saveAgent(Self.a3, team: Self.otherMerchant, capacity: 1, at: Self.t0)
        try await expectThrows(SupportDeskError.invalidCapacity) { try await desk.saveAgent(Self.a3, team: Self.merchant, capacity: -1, at: Self.t0) }
        let c = try await desk.conversation(customer: Self.customer(0), merchant: Self.merchant, at: Self.t0)
        try await expectThrows(SupportDeskError.notAnAgent) {
            try await desk.assign(c.id, to: Self.outsider, onlyIfUnassigned: true, requireOnline: false, at: Self.t0)
        }
        try await expectThrows(SupportDeskError.notAnAgent, "an agent of another merchant") {
            try await desk.assign(c.id, to: Self.a3, onlyIfUnassigned: true, requireOnline: false, at: Self.t0)
        }
        try await expectThrows(SupportDeskError.conversationNotFound) {
            try await desk.assign(ConversationID(9999), to: Self.a1, onlyIfUnassigned: true, requireOnline: false, at: Self.t0)
        }
        try await expectEqual(desk.assign(c.id, to: Self.a1, onlyIfUnassigned: true, requireOnline: false, at: Self.t0).assigneeID, Self.a1)
        try await expectEqual(
            desk.assign(c.id, to: Self.a1, onlyIfUnassigned: true, requireOnline: false, at: Self.t0).assigneeID,
            Self.a1,
            "claiming again is harmless"
        )
        try await expectThrows(SupportDeskError.alreadyAssigned(Self.a1)) {
            try await desk.assign(c.id, to: Self.a2, onlyIfUnassigned: true, requireOnline: false, at: Self.t0)
        }
        try await expectThrows(SupportDeskError.agentOffline) {
            try await desk.assign(c.id, to: Self.a2, onlyIfUnassigned: false, requireOnline: true, at: Self.t0)
        }
        _ = try await desk.setPresence(Self.a2, onlineUntil: Self.t0 + 60)
        try await expectEqual(desk.assign(c.id, to: Self.a2, onlyIfUnassigned: false, requireOnline: true, at: Self.t0).assigneeID, Self.a2)
        try await expectEqual(desk.assign(c.id, to: nil, onlyIfUnassigned: false, requireOnline: false, at: Self.t0).assigneeID, nil)
        try await expectEqual(desk.queues().map(\.waiting), [1, 0])

        try await expectThrows(SupportDeskError.snoozeInPast) { try await desk.setStatus(c.id, .snoozed, snoozedUntil: Self.t0, at: Self.t0) }
        try await expectThrows(SupportDeskError.snoozeInPast) { try await desk.setStatus(c.id, .snoozed, snoozedUntil: nil, at: Self.t0) }
        try await expectThrows(SupportDeskError.conversationNotFound) {
            try await desk.setStatus(ConversationID(9999), .resolved, snoozedUntil: nil, at: Self.t0)
        }
        let snoozed = try await desk.setStatus(c.id, .snoozed, snoozedUntil: Self.t0 + 30, at: Self.t0)
        try expectEqual(snoozed.status, .snoozed)
        try expectEqual(snoozed.snoozedUntil, Self.t0 + 30)
        try await expectEqual(desk.queues().first?.waiting, 0, "a snoozed conversation does not wait")
        try await expect(desk.wakeSnoozed(at: Self.t0 + 29).isEmpty)
        try await expectEqual(desk.wakeSnoozed(at: Self.t0 + 30), [c.id])
        let woken = try await require(desk.conversation(id: c.id))
        try expectEqual(woken.status, .open)
        try expectEqual(woken.snoozedUntil, nil)
        try await expectEqual(desk.setStatus(c.id, .pending, snoozedUntil: Self.t0 + 99, at: Self.t0).snoozedUntil, nil)

        // The sweep assigns what waits; removing the agent puts its conversation back in the queue.
        try await expectEqual(desk.sweep(at: Self.t0 + 31), [SupportAssignment(conversationID: c.id, agentID: Self.a2)])
        try await expect(desk.removeAgent(Self.a2))
        try await expect(!desk.removeAgent(Self.a2))
        try await expectEqual(desk.agent(Self.a2), nil)
        try await expectEqual(desk.conversation(id: c.id)?.assigneeID, nil)
        // Moving an agent to another team gives its active conversations back too.
        _ = try await desk.assign(c.id, to: Self.a1, onlyIfUnassigned: true, requireOnline: false, at: Self.t0)
        let moved = try await desk.saveAgent(Self.a1, team: Self.otherMerchant, capacity: 4, at: Self.t0)
        try expectEqual(moved.teamID, Self.otherMerchant)
        try expectEqual(moved.capacity, 4)
        try await expectEqual(desk.conversation(id: c.id)?.assigneeID, nil)
    }

    /// Many customers arrive at once — through two handles, as two server processes would — while
    /// every arrival runs assignment: no agent ever holds more than its capacity, and nothing is assigned twice.
    static func capacityHoldsUnderConcurrentArrivals(_ repositories: Repositories) async throws {
        let (desk, second) = (repositories.desk, repositories.otherProcess)
        let agents = [Self.a1, Self.a2, Self.a3]
        for agent in agents {
            _ = try await desk.saveAgent(agent, team: Self.merchant, capacity: 2, at: Self.t0)
            _ = try await desk.setPresence(agent, onlineUntil: Self.t0 + 3600)
        }
        let assigned = try await withThrowingTaskGroup(of: [SupportAssignment].self) { group in
            for index in 0..<24 {
                let repository = index.isMultiple(of: 2) ? desk : second
                group.addTask {
                    _ = try await repository.conversation(customer: Self.customer(index), merchant: Self.merchant, at: Self.t0 + Double(index))
                    return try await repository.assignWaiting(team: Self.merchant, at: Self.t0 + 60)
                }
            }
            return try await group.reduce(into: [SupportAssignment]()) { $0 += $1 }
        }
        try expectEqual(assigned.count, 6)
        try expectEqual(Set(assigned.map(\.conversationID)).count, 6, "no conversation assigned twice")
        let loads = try await desk.agents(team: Self.merchant, at: Self.t0 + 60)
        try expectEqual(loads.map(\.load), [2, 2, 2])
        try await expectEqual(desk.queues().first?.waiting, 18)
        let stored = try await desk.conversations(SupportConversationFilter(merchantID: Self.merchant), offset: 0, limit: 100).items
        try expectEqual(stored.filter { $0.assigneeID != nil }.count, 6)
    }
}
