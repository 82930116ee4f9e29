public import ChatCore
import Foundation

/// The conformance suite of ``SupportRepository``: one conversation per customer and merchant, unread counters and
/// previews kept with each message, read state per side, filters, and deleting messages. Each check needs an empty
/// repository.
public enum SupportRepositoryConformance {
    public typealias Check = ConformanceCheck<any SupportRepository>

    public static let checks: [Check] = [
        Check("conversationsCountersAndReadState", conversationsCountersAndReadState)
    ]

    static let buyer = ParticipantID(1), merchant = ParticipantID(2), other = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func conversationsCountersAndReadState(_ support: any SupportRepository) async throws {
        let opened = try await support.conversation(customer: Self.buyer, merchant: Self.merchant, at: Self.t0)
        try await expectEqual(support.conversation(customer: Self.merchant, merchant: Self.buyer, at: Self.t0 + 5), opened, "either order")
        let second = try await support.conversation(customer: Self.other, merchant: Self.merchant, at: Self.t0 + 1)

        _ = try await support.send(NewMessage(senderID: Self.buyer, content: "你好"), in: opened.id, at: Self.t0 + 10)
        _ = try await support.send(NewMessage(senderID: Self.buyer, content: "/api/media/a.png", type: .image), in: opened.id, at: Self.t0 + 11)
        let long = String(repeating: "字", count: 150)
        let (state, reply) = try await support.send(NewMessage(senderID: Self.merchant, content: long), in: opened.id, at: Self.t0 + 12)
        try expectEqual(reply.seq, 3)
        try expectEqual(state.merchantUnread, 2)
        try expectEqual(state.customerUnread, 1)
        try expectEqual(state.lastMessage, String(repeating: "字", count: 100))
        var stored = try await require(support.conversation(id: opened.id))
        try expectEqual(stored.merchantUnread, 2)
        try expectEqual(stored.lastMessageAt, Self.t0 + 12)

        let list = try await support.conversations(SupportConversationFilter(participant: Self.merchant), offset: 0, limit: 10)
        try expectEqual(list.total, 2)
        try expectEqual(list.items.map(\.id), [opened.id, second.id], "most recently active first")
        try await expectEqual(
            support.conversations(SupportConversationFilter(participant: Self.other), offset: 0, limit: 10).items.map(\.id),
            [second.id]
        )
        try await expectEqual(support.conversations(SupportConversationFilter(customerID: Self.buyer), offset: 0, limit: 10).total, 1)

        var page = try await support.messages(in: opened.id, ascending: true, offset: 0, limit: 10)
        try expectEqual(page.total, 3)
        try expectEqual(page.items.map(\.isRead), [false, false, false])
        try await support.markRead(by: Self.merchant, in: opened.id)
        page = try await support.messages(in: opened.id, ascending: false, offset: 0, limit: 2)
        try expectEqual(page.items.map(\.message.seq), [3, 2])
        try expectEqual(page.items.map(\.isRead), [false, true], "the merchant read the buyer's; the buyer has not read the reply")
        stored = try await require(support.conversation(id: opened.id))
        try expectEqual(stored.merchantUnread, 0)
        try expectEqual(stored.customerUnread, 1)
        try await expect(support.markMessageRead(id: reply.id))
        try await expectEqual(support.message(id: reply.id)?.isRead, true)
        try await support.markRead(by: Self.other, in: opened.id)
        try await expectEqual(support.conversation(id: opened.id)?.customerUnread, 1, "a non-participant changes nothing")

        let images = try await support.messages(SupportMessageFilter(type: .image), offset: 0, limit: 10)
        try expectEqual(images.items.map(\.message.content), ["/api/media/a.png"])
        try await expectEqual(support.messages(SupportMessageFilter(participant: Self.other), offset: 0, limit: 10).total, 0)
        try await expectEqual(support.messages(SupportMessageFilter(senderID: Self.buyer), offset: 0, limit: 10).total, 2)

        try await expect(support.deleteMessage(id: reply.id))
        try await expectEqual(support.deleteMessage(id: reply.id), false)
        try await expectEqual(support.messages(in: opened.id, ascending: true, offset: 0, limit: 10).total, 2)
        try await expectThrows(ChatError.conversationNotFound) {
            try await support.send(NewMessage(senderID: Self.buyer, content: "x"), in: ConversationID(999), at: Self.t0)
        }
    }
}
