import ChatCore
import Foundation
import SQLKit
import TestSupport
import Testing

@Suite("Group repositories")
struct GroupRepositoryTests {
    static func with(_ backend: ChatStores.Backend, _ body: (any GroupRepository, any MessageRepository) async throws -> Void) async throws {
        switch backend {
        case .memory:
            let messages = MessageMemoryRepository()
            try await body(GroupMemoryRepository(messages: messages), messages)
        case .sqlite:
            try await TestDatabase.withSQLite(migrations: ChatMigrations.all) { try await body(GroupSQLRepository(database: $0), MessageSQLRepository(database: $0)) }
        case .mariaDB:
            try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) { try await body(GroupSQLRepository(database: $0), MessageSQLRepository(database: $0)) }
        }
    }

    static let owner = ParticipantID(1), admin = ParticipantID(2), member = ParticipantID(3), outsider = ParticipantID(4)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(arguments: ChatStores.backends)
    func membersRolesAndMessages(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { groups, messages in
            await #expect(throws: GroupError.emptyName) { try await groups.create(name: "  ", owner: Self.owner, members: [], at: Self.t0) }
            var group = try await groups.create(name: " 小组 ", owner: Self.owner, members: [Self.member, Self.member], at: Self.t0)
            #expect(group.name == "小组")
            #expect(group.members == [Self.owner: .owner, Self.member: .member])
            #expect(try await messages.members(of: group.id) == [Self.owner, Self.member])
            group = try await groups.add([Self.admin], role: .admin, to: group.id, at: Self.t0)
            #expect(group.members[Self.admin] == .admin)
            #expect(try await groups.group(group.id) == group)
            #expect(try await groups.rename(group.id, to: "新名字").name == "新名字")
            let second = try await groups.create(name: "two", owner: Self.member, members: [], at: Self.t0 + 1)
            #expect(try await groups.groups(of: Self.member).map(\.id) == [second.id, group.id], "newest first")
            #expect(try await groups.groups(of: Self.outsider).isEmpty)

            // Messages are ordinary messages of the group's conversation.
            let sent = try await messages.append(NewMessage(senderID: Self.member, content: "hi"), to: group.id, at: Self.t0 + 2)
            #expect(sent.message.seq == 1)

            // Who may remove whom.
            await #expect(throws: GroupError.notAllowed) { try await groups.remove(Self.admin, from: group.id, by: Self.member) }
            let extra = ParticipantID(5)
            _ = try await groups.add([extra], role: .admin, to: group.id, at: Self.t0)
            await #expect(throws: GroupError.notAllowed, "an admin does not remove another admin") {
                try await groups.remove(extra, from: group.id, by: Self.admin)
            }
            _ = try await groups.remove(extra, from: group.id, by: Self.owner)
            await #expect(throws: GroupError.ownerMustStay) { try await groups.remove(Self.owner, from: group.id, by: Self.owner) }
            await #expect(throws: GroupError.notAMember) { try await groups.remove(Self.member, from: group.id, by: Self.outsider) }
            await #expect(throws: GroupError.notAllowed) { try await groups.manage(group.id, by: Self.member) }
            await #expect(throws: GroupError.notFound) { try await groups.manage(ConversationID(9999), by: Self.owner) }
            group = try await groups.remove(Self.member, from: group.id, by: Self.admin)
            #expect(group.members[Self.member] == nil)
            #expect(try await messages.members(of: group.id) == [Self.owner, Self.admin])
            group = try await groups.remove(Self.admin, from: group.id, by: Self.admin)
            #expect(group.members == [Self.owner: .owner], "the admin left")
            group = try await groups.remove(Self.owner, from: group.id, by: Self.owner)
            #expect(group.members.isEmpty, "the last one out may be the owner")
        }
    }
}
