public import ChatCore
import Foundation

/// The conformance suite of ``GroupRepository``: creating, renaming and listing groups, roles, who may remove whom,
/// and the group's conversation in the ``MessageRepository``. Each check needs empty repositories on one store.
public enum GroupRepositoryConformance {
    public typealias Check = ConformanceCheck<Repositories>

    /// The repositories a check works on: a group's members are its conversation's members in `messages`.
    public struct Repositories: Sendable {
        public var groups: any GroupRepository
        public var messages: any MessageRepository

        public init(groups: any GroupRepository, messages: any MessageRepository) {
            self.groups = groups
            self.messages = messages
        }
    }

    public static let checks: [Check] = [
        Check("membersRolesAndMessages", membersRolesAndMessages),
        Check("detailsAndJoining", detailsAndJoining),
    ]

    static let owner = ParticipantID(1), admin = ParticipantID(2), member = ParticipantID(3), outsider = ParticipantID(4)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func membersRolesAndMessages(_ repositories: Repositories) async throws {
        let (groups, messages) = (repositories.groups, repositories.messages)
        try await expectThrows(GroupError.emptyName) { try await groups.create(name: "  ", owner: Self.owner, members: [], at: Self.t0) }
        var group = try await groups.create(name: " 小组 ", owner: Self.owner, members: [Self.member, Self.member], at: Self.t0)
        try expectEqual(group.name, "小组")
        try expectEqual(group.members, [Self.owner: .owner, Self.member: .member])
        try await expectEqual(messages.members(of: group.id), [Self.owner, Self.member])
        group = try await groups.add([Self.admin], role: .admin, to: group.id, at: Self.t0)
        try expectEqual(group.members[Self.admin], .admin)
        try await expectEqual(groups.group(group.id), group)
        try await expectEqual(groups.rename(group.id, to: "新名字").name, "新名字")
        let second = try await groups.create(name: "two", owner: Self.member, members: [], at: Self.t0 + 1)
        try await expectEqual(groups.groups(of: Self.member).map(\.id), [second.id, group.id], "newest first")
        try await expect(groups.groups(of: Self.outsider).isEmpty)

        // Messages are ordinary messages of the group's conversation.
        let sent = try await messages.append(NewMessage(senderID: Self.member, content: "hi"), to: group.id, at: Self.t0 + 2)
        try expectEqual(sent.message.seq, 1)

        // Who may remove whom.
        try await expectThrows(GroupError.notAllowed) { try await groups.remove(Self.admin, from: group.id, by: Self.member) }
        let extra = ParticipantID(5)
        _ = try await groups.add([extra], role: .admin, to: group.id, at: Self.t0)
        try await expectThrows(GroupError.notAllowed, "an admin does not remove another admin") {
            try await groups.remove(extra, from: group.id, by: Self.admin)
        }
        _ = try await groups.remove(extra, from: group.id, by: Self.owner)
        try await expectThrows(GroupError.ownerMustStay) { try await groups.remove(Self.owner, from: group.id, by: Self.owner) }
        try await expectThrows(GroupError.notAMember) { try await groups.remove(Self.member, from: group.id, by: Self.outsider) }
        try await expectThrows(GroupError.notAllowed) { try await groups.manage(group.id, by: Self.member) }
        try await expectThrows(GroupError.notFound) { try await groups.manage(ConversationID(9999), by: Self.owner) }
        group = try await groups.remove(Self.member, from: group.id, by: Self.admin)
        try expectEqual(group.members[Self.member], nil)
        try await expectEqual(messages.members(of: group.id), [Self.owner, Self.admin])
        group = try await groups.remove(Self.admin, from: group.id, by: Self.admin)
        try expectEqual(group.members, [Self.owner: .owner], "the admin left")
        group = try await groups.remove(Self.owner, from: group.id, by: Self.owner)
        try expect(group.members.isEmpty, "the last one out may be the owner")
    }

    static func detailsAndJoining(_ repositories: Repositories) async throws {
        let (groups, messages) = (repositories.groups, repositories.messages)
        // The public channel exists from the start, public and without members.
        let channel = try await groups.group(ChatGroup.publicChannelID)
        try expectEqual(channel?.name, ChatGroup.publicChannelName)
        try expectEqual(channel?.visibility, .public)
        try expectEqual(channel?.details.description, ChatGroup.publicChannelDescription)
        let open = try await groups.create(
            name: "读书会",
            owner: Self.owner,
            members: [],
            details: GroupDetails(description: "  每周一本 ", avatar: "", visibility: .public),
            at: Self.t0
        )
        try expect(open.id != ChatGroup.publicChannelID, "new groups never take the channel's id")
        try expectEqual(open.details, GroupDetails(description: "每周一本", avatar: nil, visibility: .public))
        try await expectEqual(groups.group(open.id)?.details, open.details)
        let closed = try await groups.create(name: "内部", owner: Self.owner, members: [], at: Self.t0)
        try expectEqual(closed.visibility, .private)

        var joined = try await groups.join(Self.member, to: open.id, at: Self.t0)
        try expect(joined.joined)
        try expectEqual(joined.group.members[Self.member], .member)
        try await expectEqual(messages.members(of: open.id), [Self.owner, Self.member])
        joined = try await groups.join(Self.member, to: open.id, at: Self.t0)
        try expect(!joined.joined, "joining again changes nothing")
        try await expectThrows(GroupError.notPublic) { try await groups.join(Self.member, to: closed.id, at: Self.t0) }
        try await expectEqual(groups.group(closed.id)?.members.count, 1)
        try await expectThrows(GroupError.notFound) { try await groups.join(Self.member, to: ConversationID(999_999), at: Self.t0) }
        _ = try await groups.join(Self.outsider, to: ChatGroup.publicChannelID, at: Self.t0)
        try await expectEqual(groups.groups(of: Self.outsider).map(\.id), [ChatGroup.publicChannelID])
        // The channel makes nobody a contact.
        _ = try await groups.join(Self.admin, to: ChatGroup.publicChannelID, at: Self.t0)
        try await expect(messages.contacts(of: Self.outsider).isEmpty)
    }
}
