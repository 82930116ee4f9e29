import ChatCore
import Foundation
import SQLKit
import TestSupport
import Testing

enum SupportStores {
    static func with<R>(_ backend: ChatStores.Backend, _ body: (any SupportDeskRepository, any QuickReplyRepository) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(SupportMemoryRepository(), QuickReplyMemoryRepository())
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: ChatMigrations.all) {
                try await body(SupportSQLRepository(database: $0), QuickReplySQLRepository(database: $0))
            }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) {
                try await body(SupportSQLRepository(database: $0), QuickReplySQLRepository(database: $0))
            }
        }
    }
}

@Suite("Support repositories")
struct SupportRepositoryTests {
    static let buyer = ParticipantID(1), merchant = ParticipantID(2), other = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(arguments: ChatStores.backends)
    func conversationsCountersAndReadState(_ backend: ChatStores.Backend) async throws {
        try await SupportStores.with(backend) { support, _ in
            let opened = try await support.conversation(customer: Self.buyer, merchant: Self.merchant, at: Self.t0)
            #expect(try await support.conversation(customer: Self.merchant, merchant: Self.buyer, at: Self.t0 + 5) == opened, "either order")
            let second = try await support.conversation(customer: Self.other, merchant: Self.merchant, at: Self.t0 + 1)

            _ = try await support.send(NewMessage(senderID: Self.buyer, content: "你好"), in: opened.id, at: Self.t0 + 10)
            _ = try await support.send(NewMessage(senderID: Self.buyer, content: "/api/media/a.png", type: .image), in: opened.id, at: Self.t0 + 11)
            let long = String(repeating: "字", count: 150)
            let (state, reply) = try await support.send(NewMessage(senderID: Self.merchant, content: long), in: opened.id, at: Self.t0 + 12)
            #expect(reply.seq == 3)
            #expect(state.merchantUnread == 2)
            #expect(state.customerUnread == 1)
            #expect(state.lastMessage == String(repeating: "字", count: 100))
            var stored = try #require(try await support.conversation(id: opened.id))
            #expect(stored.merchantUnread == 2)
            #expect(stored.lastMessageAt == Self.t0 + 12)

            let list = try await support.conversations(SupportConversationFilter(participant: Self.merchant), offset: 0, limit: 10)
            #expect(list.total == 2)
            #expect(list.items.map(\.id) == [opened.id, second.id], "most recently active first")
            #expect(try await support.conversations(SupportConversationFilter(participant: Self.other), offset: 0, limit: 10).items.map(\.id) == [second.id])
            #expect(try await support.conversations(SupportConversationFilter(customerID: Self.buyer), offset: 0, limit: 10).total == 1)

            var page = try await support.messages(in: opened.id, ascending: true, offset: 0, limit: 10)
            #expect(page.total == 3)
            #expect(page.items.map(\.isRead) == [false, false, false])
            try await support.markRead(by: Self.merchant, in: opened.id)
            page = try await support.messages(in: opened.id, ascending: false, offset: 0, limit: 2)
            #expect(page.items.map(\.message.seq) == [3, 2])
            #expect(page.items.map(\.isRead) == [false, true], "the merchant read the buyer's; the buyer has not read the reply")
            stored = try #require(try await support.conversation(id: opened.id))
            #expect(stored.merchantUnread == 0)
            #expect(stored.customerUnread == 1)
            #expect(try await support.markMessageRead(id: reply.id))
            #expect(try await support.message(id: reply.id)?.isRead == true)
            try await support.markRead(by: Self.other, in: opened.id)
            #expect(try await support.conversation(id: opened.id)?.customerUnread == 1, "a non-participant changes nothing")

            let images = try await support.messages(SupportMessageFilter(type: .image), offset: 0, limit: 10)
            #expect(images.items.map(\.message.content) == ["/api/media/a.png"])
            #expect(try await support.messages(SupportMessageFilter(participant: Self.other), offset: 0, limit: 10).total == 0)
            #expect(try await support.messages(SupportMessageFilter(senderID: Self.buyer), offset: 0, limit: 10).total == 2)

            #expect(try await support.deleteMessage(id: reply.id))
            #expect(try await support.deleteMessage(id: reply.id) == false)
            #expect(try await support.messages(in: opened.id, ascending: true, offset: 0, limit: 10).total == 2)
            await #expect(throws: ChatError.conversationNotFound) {
                try await support.send(NewMessage(senderID: Self.buyer, content: "x"), in: ConversationID(999), at: Self.t0)
            }
        }
    }

    @Test(arguments: ChatStores.backends)
    func quickRepliesStopAtTenEvenWhenRacing(_ backend: ChatStores.Backend) async throws {
        try await SupportStores.with(backend) { _, replies in
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<14 {
                    group.addTask { (try? await replies.create(user: Self.merchant, content: "r\(index)", sortOrder: 13 - index, at: Self.t0)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 10)
            var mine = try await replies.replies(of: Self.merchant)
            #expect(mine.count == 10)
            #expect(mine.map(\.sortOrder) == mine.map(\.sortOrder).sorted())
            await #expect(throws: QuickReplyError.limitReached) { try await replies.create(user: Self.merchant, content: "11", sortOrder: 0, at: Self.t0) }
            #expect(try await replies.create(user: Self.buyer, content: "mine", sortOrder: 0, at: Self.t0).userID == Self.buyer)

            let first = mine[0]
            #expect(try await replies.update(id: first.id, content: "新内容", sortOrder: nil)?.content == "新内容")
            #expect(try await replies.deactivate(id: first.id)?.isActive == false)
            mine = try await replies.replies(of: Self.merchant)
            #expect(mine.count == 9)
            #expect(try await replies.create(user: Self.merchant, content: "room again", sortOrder: 0, at: Self.t0).isActive)
            #expect(try await replies.update(id: 9999, content: "x", sortOrder: 1) == nil)
        }
    }
}
