public import ChatCore
import Foundation

/// The conformance suite of ``MessageRepository``: gapless sequences under concurrent senders, retries with one client
/// message id stored once, read state, the chat list, paging by sequence and received messages. Each check needs an
/// empty repository.
public enum MessageRepositoryConformance {
    public typealias Check = ConformanceCheck<any MessageRepository>

    public static let checks: [Check] = [
        Check("sequencesUnderConcurrentSenders", sequencesUnderConcurrentSenders),
        Check("retriesWithTheSameClientIDStoreOnce", retriesWithTheSameClientIDStoreOnce),
        Check("readStateAndChatList", readStateAndChatList),
        Check("attachmentsAreCarriedAndSharedWithMembers", attachmentsAreCarriedAndSharedWithMembers),
    ]

    static let alice = ParticipantID(1), bob = ParticipantID(2), carol = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func sequencesUnderConcurrentSenders(_ messages: any MessageRepository) async throws {
        let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
        try await expectEqual(messages.directConversation(between: Self.bob, and: Self.alice, at: Self.t0), ab)
        let ac = try await messages.directConversation(between: Self.alice, and: Self.carol, at: Self.t0)
        let sent = try await withThrowingTaskGroup(of: SendResult.self) { group in
            for index in 0..<60 {
                group.addTask {
                    let conversation = index.isMultiple(of: 3) ? ac : ab
                    let sender = index.isMultiple(of: 2) ? Self.alice : (index.isMultiple(of: 3) ? Self.carol : Self.bob)
                    return try await messages.append(
                        NewMessage(senderID: sender, content: "m\(index)"),
                        to: conversation,
                        at: Self.t0 + Double(index)
                    )
                }
            }
            return try await group.reduce(into: [SendResult]()) { $0.append($1) }
        }
        for conversation in [ab, ac] {
            let seqs = sent.filter { $0.message.conversationID == conversation }.map(\.message.seq).sorted()
            try expectEqual(seqs, Array(1...Int64(seqs.count)), "no gaps, no duplicates")
            let stored = try await messages.messages(in: conversation, limit: 100, offset: 0, beforeSeq: nil, afterSeq: nil)
            try expectEqual(stored.map(\.seq), seqs.reversed())
            try await expectEqual(messages.messageCount(in: conversation), seqs.count)
        }
    }

    static func retriesWithTheSameClientIDStoreOnce(_ messages: any MessageRepository) async throws {
        let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
        let results = try await withThrowingTaskGroup(of: SendResult.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await messages.append(NewMessage(senderID: Self.alice, content: "once", clientMessageID: "c-1"), to: ab, at: Self.t0)
                }
            }
            return try await group.reduce(into: [SendResult]()) { $0.append($1) }
        }
        try expectEqual(results.filter(\.created).count, 1)
        try expectEqual(Set(results.map(\.message.id)).count, 1)
        try await expectEqual(messages.messageCount(in: ab), 1)
        // The same id from another sender is another message.
        let other = try await messages.append(NewMessage(senderID: Self.bob, content: "mine", clientMessageID: "c-1"), to: ab, at: Self.t0)
        try expect(other.created)
        try expectEqual(other.message.seq, 2)
    }

    static func readStateAndChatList(_ messages: any MessageRepository) async throws {
        let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
        let ac = try await messages.directConversation(between: Self.alice, and: Self.carol, at: Self.t0)
        _ = try await messages.append(NewMessage(senderID: Self.bob, content: "b1"), to: ab, at: Self.t0 + 1)
        _ = try await messages.append(NewMessage(senderID: Self.bob, content: "b2"), to: ab, at: Self.t0 + 2)
        _ = try await messages.append(NewMessage(senderID: Self.alice, content: "a1"), to: ab, at: Self.t0 + 3)
        _ = try await messages.append(NewMessage(senderID: Self.carol, content: "c1"), to: ac, at: Self.t0 + 4)
        let list = try await messages.chatList(of: Self.alice)
        try expectEqual(list.map(\.partnerID), [Self.carol, Self.bob])
        try expectEqual(list.map(\.unreadCount), [1, 2])
        try expectEqual(list[1].lastMessage.content, "a1")
        try await expectEqual(messages.markAllRead(by: Self.alice, in: ab), 2)
        try await expectEqual(messages.markAllRead(by: Self.alice, in: ab), 0)
        try await expectEqual(messages.readSeq(of: Self.alice, in: ab), 3)
        try await expectEqual(messages.readSeq(of: Self.bob, in: ab), 0)
        try await expectEqual(messages.readPositions(in: ab), ReadPositions(lastSeq: 3, readSeq: [Self.alice: 3, Self.bob: 0]))
        try await expectEqual(messages.readPositions(in: ConversationID(987_654)), ReadPositions(lastSeq: 0, readSeq: [:]))
        try await expectEqual(messages.chatList(of: Self.alice).map(\.unreadCount), [1, 0])
        try await expectEqual(messages.chatList(of: Self.bob).map(\.unreadCount), [1])
        // Paging by sequence.
        let before = try await messages.messages(in: ab, limit: 10, offset: 0, beforeSeq: 3, afterSeq: nil)
        try expectEqual(before.map(\.seq), [2, 1])
        let after = try await messages.messages(in: ab, limit: 1, offset: 0, beforeSeq: nil, afterSeq: 1)
        try expectEqual(after.map(\.seq), [2])
        try await expectEqual(messages.lastMessage(in: ab)?.seq, 3)
        // What others sent Alice in direct conversations, newest first: not her own, not other people's.
        try await expectEqual(messages.received(by: Self.alice, limit: 10).map(\.content), ["c1", "b2", "b1"])
        try await expectEqual(messages.received(by: Self.alice, limit: 2).map(\.content), ["c1", "b2"])
        try await expect(messages.received(by: Self.carol, limit: 10).isEmpty)
    }

    static func attachmentsAreCarriedAndSharedWithMembers(_ messages: any MessageRepository) async throws {
        let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
        _ = try await messages.directConversation(between: Self.alice, and: Self.carol, at: Self.t0)
        let sent = try await messages.append(
            NewMessage(senderID: Self.alice, content: "uploads/chat/1_a_b.pdf", type: .file, clientMessageID: "f-1", attachmentID: 41),
            to: ab,
            at: Self.t0 + 1
        )
        try expectEqual(sent.message.attachmentID, 41)
        _ = try await messages.append(NewMessage(senderID: Self.bob, content: "plain"), to: ab, at: Self.t0 + 2)
        // Read back the same way, by every path that reads messages.
        let page = try await messages.messages(in: ab, limit: 10, offset: 0, beforeSeq: nil, afterSeq: nil)
        try expectEqual(page.map(\.attachmentID), [nil, 41])
        try expectEqual(page.last, sent.message)
        try await expectEqual(messages.received(by: Self.bob, limit: 1).first?.attachmentID, 41)
        let retried = try await messages.append(
            NewMessage(senderID: Self.alice, content: "uploads/chat/1_a_b.pdf", type: .file, clientMessageID: "f-1", attachmentID: 41),
            to: ab,
            at: Self.t0 + 3
        )
        try expectEqual(retried.created, false)
        try expectEqual(retried.message.attachmentID, 41)
        // Whoever is in the conversation shares it; nobody else, and no other attachment.
        try await expect(messages.sharesAttachment(41, with: Self.alice))
        try await expect(messages.sharesAttachment(41, with: Self.bob))
        try await expect(!(messages.sharesAttachment(41, with: Self.carol)), "not a member of the conversation")
        try await expect(!(messages.sharesAttachment(42, with: Self.alice)), "no message carries it")
    }
}
