import ChatCore
import Foundation
import Logging
import SQLKit
import TestSupport
import Testing

enum ChatStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }

    static func with<R>(_ backend: Backend, _ body: (any MessageRepository, any FriendshipRepository) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(MessageMemoryRepository(), FriendshipMemoryRepository())
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: ChatMigrations.all) {
                try await body(MessageSQLRepository(database: $0), FriendshipSQLRepository(database: $0))
            }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) {
                try await body(MessageSQLRepository(database: $0), FriendshipSQLRepository(database: $0))
            }
        }
    }
}

@Suite("Chat repositories")
struct ChatRepositoryTests {
    static let alice = ParticipantID(1), bob = ParticipantID(2), carol = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(arguments: ChatStores.backends)
    func sequencesUnderConcurrentSenders(_ backend: ChatStores.Backend) async throws {
        try await ChatStores.with(backend) { messages, _ in
            let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
            #expect(try await messages.directConversation(between: Self.bob, and: Self.alice, at: Self.t0) == ab)
            let ac = try await messages.directConversation(between: Self.alice, and: Self.carol, at: Self.t0)
            let sent = try await withThrowingTaskGroup(of: SendResult.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        let conversation = index.isMultiple(of: 3) ? ac : ab
                        let sender = index.isMultiple(of: 2) ? Self.alice : (index.isMultiple(of: 3) ? Self.carol : Self.bob)
                        return try await messages.append(NewMessage(senderID: sender, content: "m\(index)"), to: conversation, at: Self.t0 + Double(index))
                    }
                }
                return try await group.reduce(into: [SendResult]()) { $0.append($1) }
            }
            for conversation in [ab, ac] {
                let seqs = sent.filter { $0.message.conversationID == conversation }.map(\.message.seq).sorted()
                #expect(seqs == Array(1...Int64(seqs.count)), "no gaps, no duplicates")
                let stored = try await messages.messages(in: conversation, limit: 100, offset: 0, beforeSeq: nil, afterSeq: nil)
                #expect(stored.map(\.seq) == seqs.reversed())
                #expect(try await messages.messageCount(in: conversation) == seqs.count)
            }
        }
    }

    @Test(arguments: ChatStores.backends)
    func retriesWithTheSameClientIDStoreOnce(_ backend: ChatStores.Backend) async throws {
        try await ChatStores.with(backend) { messages, _ in
            let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
            let results = try await withThrowingTaskGroup(of: SendResult.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await messages.append(NewMessage(senderID: Self.alice, content: "once", clientMessageID: "c-1"), to: ab, at: Self.t0) }
                }
                return try await group.reduce(into: [SendResult]()) { $0.append($1) }
            }
            #expect(results.filter(\.created).count == 1)
            #expect(Set(results.map(\.message.id)).count == 1)
            #expect(try await messages.messageCount(in: ab) == 1)
            // The same id from another sender is another message.
            let other = try await messages.append(NewMessage(senderID: Self.bob, content: "mine", clientMessageID: "c-1"), to: ab, at: Self.t0)
            #expect(other.created && other.message.seq == 2)
        }
    }

    @Test(arguments: ChatStores.backends)
    func readStateAndChatList(_ backend: ChatStores.Backend) async throws {
        try await ChatStores.with(backend) { messages, _ in
            let ab = try await messages.directConversation(between: Self.alice, and: Self.bob, at: Self.t0)
            let ac = try await messages.directConversation(between: Self.alice, and: Self.carol, at: Self.t0)
            _ = try await messages.append(NewMessage(senderID: Self.bob, content: "b1"), to: ab, at: Self.t0 + 1)
            _ = try await messages.append(NewMessage(senderID: Self.bob, content: "b2"), to: ab, at: Self.t0 + 2)
            _ = try await messages.append(NewMessage(senderID: Self.alice, content: "a1"), to: ab, at: Self.t0 + 3)
            _ = try await messages.append(NewMessage(senderID: Self.carol, content: "c1"), to: ac, at: Self.t0 + 4)
            let list = try await messages.chatList(of: Self.alice)
            #expect(list.map(\.partnerID) == [Self.carol, Self.bob])
            #expect(list.map(\.unreadCount) == [1, 2])
            #expect(list[1].lastMessage.content == "a1")
            #expect(try await messages.markAllRead(by: Self.alice, in: ab) == 2)
            #expect(try await messages.markAllRead(by: Self.alice, in: ab) == 0)
            #expect(try await messages.readSeq(of: Self.alice, in: ab) == 3)
            #expect(try await messages.readSeq(of: Self.bob, in: ab) == 0)
            #expect(try await messages.chatList(of: Self.alice).map(\.unreadCount) == [1, 0])
            #expect(try await messages.chatList(of: Self.bob).map(\.unreadCount) == [1])
            // Paging by sequence.
            let before = try await messages.messages(in: ab, limit: 10, offset: 0, beforeSeq: 3, afterSeq: nil)
            #expect(before.map(\.seq) == [2, 1])
            let after = try await messages.messages(in: ab, limit: 1, offset: 0, beforeSeq: nil, afterSeq: 1)
            #expect(after.map(\.seq) == [2])
            #expect(try await messages.lastMessage(in: ab)?.seq == 3)
            // What others sent Alice in direct conversations, newest first: not her own, not other people's.
            #expect(try await messages.received(by: Self.alice, limit: 10).map(\.content) == ["c1", "b2", "b1"])
            #expect(try await messages.received(by: Self.alice, limit: 2).map(\.content) == ["c1", "b2"])
            #expect(try await messages.received(by: Self.carol, limit: 10).isEmpty)
        }
    }

    @Test(arguments: ChatStores.backends)
    func friendships(_ backend: ChatStores.Backend) async throws {
        try await ChatStores.with(backend) { _, friends in
            #expect(try await friends.befriend(Self.alice, Self.bob, at: Self.t0))
            #expect(try await !friends.befriend(Self.bob, Self.alice, at: Self.t0))
            #expect(try await friends.areFriends(Self.alice, Self.bob))
            #expect(try await friends.areFriends(Self.bob, Self.alice))
            #expect(try await friends.anyRow(Self.bob, Self.alice))
            #expect(try await !friends.areFriends(Self.alice, Self.carol))
            _ = try await friends.befriend(Self.alice, Self.carol, at: Self.t0 + 1)
            #expect(try await friends.friendships(of: Self.alice).map(\.friendID) == [Self.bob, Self.carol])
            try await friends.unfriend(Self.bob, Self.alice)
            try await friends.unfriend(Self.bob, Self.alice)
            #expect(try await !friends.anyRow(Self.alice, Self.bob))
            #expect(try await friends.friendships(of: Self.alice).map(\.friendID) == [Self.carol])
        }
    }
}

@Suite("Chat across processes", .enabled(if: TestDatabase.mariaDBEnabled, "needs RAPPORT_TEST_MYSQL_URL"))
struct ChatAcrossProcessesTests {
    /// Two independent pools on one MariaDB database stand for two server processes.
    @Test func sequencesAndRetriesHoldAcrossPools() async throws {
        try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) { first in
            let second = try TestDatabase.secondHandle(on: first)
            let repositories: [any MessageRepository] = [MessageSQLRepository(database: first), MessageSQLRepository(database: second)]
            let (a, b) = (ParticipantID(1), ParticipantID(2))
            let conversation = try await repositories[0].directConversation(between: a, and: b, at: Date())
            let results = try await withThrowingTaskGroup(of: SendResult.self) { group in
                for index in 0..<80 {
                    group.addTask {
                        let repository = repositories[index % 2]
                        // Every fourth send is a retry of the same client id.
                        let clientID = index.isMultiple(of: 4) ? "retry" : "m\(index)"
                        return try await repository.append(NewMessage(senderID: index.isMultiple(of: 2) ? a : b, content: "x", clientMessageID: clientID),
                                                           to: conversation, at: Date())
                    }
                }
                return try await group.reduce(into: [SendResult]()) { $0.append($1) }
            }
            let created = results.filter(\.created)
            #expect(created.map(\.message.seq).sorted() == Array(1...Int64(created.count)))
            #expect(created.count == 61)
            #expect(Set(results.filter { $0.message.clientMessageID == "retry" }.map(\.message.id)).count == 1)
            await TestDatabase.shutdown(second)
        }
    }
}

@Suite("Chat service")
struct ChatServiceTests {
    @Test(arguments: ChatStores.backends)
    func rulesOfSendingAndHistory(_ backend: ChatStores.Backend) async throws {
        try await ChatStores.with(backend) { messages, friends in
            var logger = Logger(label: "chat.tests")
            logger.logLevel = .warning
            let chat = ChatService(messages: messages, friendships: friends, maximumContentLength: 20, logger: logger)
            let (a, b) = (ParticipantID(1), ParticipantID(2))
            await #expect(throws: ChatError.notFriends) { try await chat.send(from: a, to: b, content: "hi") }
            _ = try await friends.befriend(a, b, at: Date())
            await #expect(throws: ChatError.emptyContent) { try await chat.send(from: a, to: b, content: "   ") }
            await #expect(throws: ChatError.contentTooLong(maximum: 20)) { try await chat.send(from: a, to: b, content: String(repeating: "x", count: 21)) }
            await #expect(throws: ChatError.cannotMessageSelf) { try await chat.send(from: a, to: a, content: "me") }
            for index in 1...5 { _ = try await chat.send(from: index.isMultiple(of: 2) ? a : b, to: index.isMultiple(of: 2) ? b : a, content: " m\(index) ") }
            #expect(try await chat.chats(of: a).first?.unreadCount == 3)
            let page = try await chat.history(of: a, with: b, page: 1, perPage: 2)
            #expect(page.messages.map(\.content) == ["m4", "m5"] && page.total == 5)
            #expect(page.readSeq[a] == 5 && page.readSeq[b] == 0)
            #expect(try await chat.chats(of: a).first?.unreadCount == 0)
            let beyond = try await chat.history(of: a, with: b, page: 4, perPage: 2)
            #expect(beyond.messages.isEmpty)
            #expect(try await chat.lastMessage(of: b, with: a)?.isRead == true)
            #expect(try await chat.markRead(by: b, from: a) == 2)
            let retry1 = try await chat.send(from: a, to: b, content: "again", clientMessageID: "x")
            let retry2 = try await chat.send(from: a, to: b, content: "again", clientMessageID: "x")
            #expect(retry1.created && !retry2.created && retry1.message == retry2.message)
        }
    }
}
