import ChatCore
import Foundation
import Logging
import RepositoryConformance
import SQLKit
import TestSupport
import Testing

/// The library's message and friendship repository suites on memory, SQLite and MariaDB.
@Suite("Chat repositories")
struct ChatRepositoryTests {
    @Test(arguments: ChatStores.backends, MessageRepositoryConformance.checks)
    func messages(_ backend: ChatStores.Backend, _ check: MessageRepositoryConformance.Check) async throws {
        try await ChatStores.with(backend) { messages, _ in try await check.run(messages) }
    }

    @Test(arguments: ChatStores.backends, FriendshipRepositoryConformance.checks)
    func friendships(_ backend: ChatStores.Backend, _ check: FriendshipRepositoryConformance.Check) async throws {
        try await ChatStores.with(backend) { _, friendships in try await check.run(friendships) }
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
                        return try await repository.append(
                            NewMessage(senderID: index.isMultiple(of: 2) ? a : b, content: "x", clientMessageID: clientID),
                            to: conversation,
                            at: Date()
                        )
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
            await #expect(throws: ChatError.contentTooLong(maximum: 20)) {
                try await chat.send(from: a, to: b, content: String(repeating: "x", count: 21))
            }
            await #expect(throws: ChatError.cannotMessageSelf) { try await chat.send(from: a, to: a, content: "me") }
            for index in 1...5 {
                _ = try await chat.send(from: index.isMultiple(of: 2) ? a : b, to: index.isMultiple(of: 2) ? b : a, content: " m\(index) ")
            }
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
