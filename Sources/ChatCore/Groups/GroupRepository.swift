public import Foundation
public import SQLKit
import StorageKit

public enum GroupError: Error, Sendable, Equatable {
    case notFound
    case notAMember
    /// Only the owner or an admin may do this.
    case notAllowed
    case emptyName
    /// The owner cannot leave or be removed while others remain.
    case ownerMustStay
    /// Only public groups can be joined by anyone; a private group's members are added by its managers.
    case notPublic
}

/// Group conversations on the one message store: the group's row, and its members in `conversation_members`
/// with their role.
public protocol GroupRepository: Sendable {
    /// Creates the group with `owner` and `members` (the owner as owner, the rest as members).
    func create(name: String, owner: ParticipantID, members: [ParticipantID], details: GroupDetails, at date: Date) async throws -> ChatGroup
    func group(_ id: ConversationID) async throws -> ChatGroup?
    /// The groups `user` belongs to, newest first.
    func groups(of user: ParticipantID) async throws -> [ChatGroup]
    func rename(_ id: ConversationID, to name: String) async throws -> ChatGroup
    /// Adds members (existing members keep their role); returns the group.
    func add(_ users: [ParticipantID], role: GroupRole, to id: ConversationID, at date: Date) async throws -> ChatGroup
    /// Removes a member; returns the group.
    func remove(_ user: ParticipantID, from id: ConversationID) async throws -> ChatGroup
}

extension GroupRepository {
    /// Creates a private group without a description or avatar.
    public func create(name: String, owner: ParticipantID, members: [ParticipantID], at date: Date) async throws -> ChatGroup {
        try await self.create(name: name, owner: owner, members: members, details: GroupDetails(), at: date)
    }

    /// `user` joins a public group as a member (again: nothing changes); a private group refuses.
    public func join(_ user: ParticipantID, to id: ConversationID, at date: Date) async throws -> (group: ChatGroup, joined: Bool) {
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        guard group.visibility == .public else { throw GroupError.notPublic }
        if group.members[user] != nil { return (group, false) }
        return (try await self.add([user], role: .member, to: id, at: date), true)
    }

    /// The rules every route follows: who may rename and manage members, who may leave.
    public func manage(_ id: ConversationID, by actor: ParticipantID) async throws -> ChatGroup {
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        guard let role = group.members[actor] else { throw GroupError.notAMember }
        guard role.manages else { throw GroupError.notAllowed }
        return group
    }

    /// `actor` removes `user` (or leaves, when they are the same): the owner stays while anyone else remains, and
    /// an admin cannot remove the owner or another admin.
    public func remove(_ user: ParticipantID, from id: ConversationID, by actor: ParticipantID) async throws -> ChatGroup {
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        guard let actorRole = group.members[actor], let userRole = group.members[user] else { throw GroupError.notAMember }
        if user == group.ownerID, group.members.count > 1 { throw GroupError.ownerMustStay }
        if user != actor {
            guard actorRole.manages, actorRole == .owner || userRole == .member else { throw GroupError.notAllowed }
        }
        return try await self.remove(user, from: id)
    }
}

/// Groups in memory over a ``MessageMemoryRepository``-independent table of their own.
public actor GroupMemoryRepository: GroupRepository {
    private var groups: [ConversationID: ChatGroup] = [:]
    private let messages: MessageMemoryRepository

    /// Groups whose conversations (and messages) live in `messages`.
    public init(messages: MessageMemoryRepository) {
        self.messages = messages
        let channel = ChatGroup.publicChannelID
        self.groups[channel] = ChatGroup(
            id: channel,
            name: ChatGroup.publicChannelName,
            ownerID: ParticipantID(0),
            members: [:],
            createdAt: Date(timeIntervalSince1970: 0),
            details: GroupDetails(description: ChatGroup.publicChannelDescription, visibility: .public)
        )
    }

    public func create(name: String, owner: ParticipantID, members: [ParticipantID], details: GroupDetails, at date: Date) async throws -> ChatGroup {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw GroupError.emptyName }
        let all = Array(Set(members + [owner])).sorted()
        let id = await self.messages.groupConversation(members: all)
        var roles = Dictionary(uniqueKeysWithValues: all.map { ($0, GroupRole.member) })
        roles[owner] = .owner
        let group = ChatGroup(id: id, name: String(name.prefix(100)), ownerID: owner, members: roles, createdAt: date, details: details.trimmed)
        self.groups[id] = group
        return group
    }

    public func group(_ id: ConversationID) -> ChatGroup? { self.groups[id] }

    public func groups(of user: ParticipantID) -> [ChatGroup] {
        self.groups.values.filter { $0.members[user] != nil }.sorted { ($0.createdAt, $0.id.rawValue) > ($1.createdAt, $1.id.rawValue) }
    }

    public func rename(_ id: ConversationID, to name: String) throws -> ChatGroup {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw GroupError.emptyName }
        guard self.groups[id] != nil else { throw GroupError.notFound }
        self.groups[id]!.name = String(name.prefix(100))
        return self.groups[id]!
    }

    public func add(_ users: [ParticipantID], role: GroupRole, to id: ConversationID, at date: Date) async throws -> ChatGroup {
        guard var group = self.groups[id] else { throw GroupError.notFound }
        for user in users where group.members[user] == nil { group.members[user] = role == .owner ? .member : role }
        await self.messages.setMembers(Array(group.members.keys), of: id)
        self.groups[id] = group
        return group
    }

    public func remove(_ user: ParticipantID, from id: ConversationID) async throws -> ChatGroup {
        guard var group = self.groups[id] else { throw GroupError.notFound }
        group.members.removeValue(forKey: user)
        await self.messages.setMembers(Array(group.members.keys), of: id)
        self.groups[id] = group
        return group
    }
}

/// Groups in SQL: `chat_groups` for the name and owner, `conversation_members` (with `role`) for who is in.
public struct GroupSQLRepository: GroupRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The `chat_groups` columns ``load(_:on:)`` reads.
    static let groupColumns = ["conversation_id", "name", "owner_id", "created_at", "description", "avatar", "visibility"]
    static let groupColumnList = SQLColumnList(groupColumns)

    public func create(name: String, owner: ParticipantID, members: [ParticipantID], details: GroupDetails, at date: Date) async throws -> ChatGroup {
        let name = String(name.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        guard !name.isEmpty else { throw GroupError.emptyName }
        let details = details.trimmed
        let date = DateParts(date).date
        let all = Array(Set(members + [owner])).sorted()
        return try await self.database.transaction { tx in
            let row = try await tx.insert(into: "conversations").columns("kind", "last_seq", "created_at")
                .values(SQLBind(ConversationKind.group.rawValue), SQLBind(0), SQLBind(date)).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await tx.insert(into: "chat_groups").columns(
                "conversation_id",
                "name",
                "owner_id",
                "created_at",
                "description",
                "avatar",
                "visibility"
            )
            .values(
                SQLBind(id),
                SQLBind(name),
                SQLBind(owner.rawValue),
                SQLBind(date),
                SQLBind(details.description),
                SQLBind(details.avatar),
                SQLBind(details.visibility.rawValue)
            )
            .run()
            var roles: [ParticipantID: GroupRole] = [:]
            for member in all {
                let role: GroupRole = member == owner ? .owner : .member
                roles[member] = role
                try await tx.insert(into: "conversation_members").columns("conversation_id", "user_id", "read_seq", "joined_at", "role")
                    .values(SQLBind(id), SQLBind(member.rawValue), SQLBind(0), SQLBind(date), SQLBind(role.rawValue)).run()
            }
            return ChatGroup(id: ConversationID(id), name: name, ownerID: owner, members: roles, createdAt: date, details: details)
        }
    }

    private func load(_ rows: [any SQLRow], on db: any SQLDatabase) async throws -> [ChatGroup] {
        guard !rows.isEmpty else { return [] }
        var groups: [Int64: ChatGroup] = [:]
        var order: [Int64] = []
        for row in rows {
            let id = try row.decode(column: "conversation_id", as: Int64.self)
            order.append(id)
            groups[id] = ChatGroup(
                id: ConversationID(id),
                name: try row.decode(column: "name", as: String.self),
                ownerID: ParticipantID(try row.decode(column: "owner_id", as: Int64.self)),
                members: [:],
                createdAt: try row.decode(column: "created_at", as: Date.self),
                details: GroupDetails(
                    description: try row.decode(column: "description", as: String?.self),
                    avatar: try row.decode(column: "avatar", as: String?.self),
                    visibility: GroupVisibility(rawValue: try row.decode(column: "visibility", as: String?.self) ?? "") ?? .private
                )
            )
        }
        let members = try await db.select().columns("conversation_id", "user_id", "role").from("conversation_members")
            .where("conversation_id", .in, SQLBind.group(order)).all()
        for row in members {
            let id = try row.decode(column: "conversation_id", as: Int64.self)
            let role = GroupRole(rawValue: try row.decode(column: "role", as: String?.self) ?? "") ?? .member
            groups[id]?.members[ParticipantID(try row.decode(column: "user_id", as: Int64.self))] = role
        }
        return order.compactMap { groups[$0] }
    }

    public func group(_ id: ConversationID) async throws -> ChatGroup? {
        let rows = try await self.database.select().columns(Self.groupColumnList).from("chat_groups")
            .where("conversation_id", .equal, SQLBind(id.rawValue)).all()
        return try await self.load(rows, on: self.database).first
    }

    public func groups(of user: ParticipantID) async throws -> [ChatGroup] {
        let rows = try await self.database.select()
            .columns(Self.groupColumns.map { SQLColumn($0, table: "g") as any SQLExpression })
            .from(SQLAlias(SQLIdentifier("chat_groups"), as: SQLIdentifier("g")))
            .join(
                SQLAlias(SQLIdentifier("conversation_members"), as: SQLIdentifier("m")),
                method: SQLJoinMethod.inner,
                on: SQLColumn("conversation_id", table: "m"),
                .equal,
                SQLColumn("conversation_id", table: "g")
            )
            .where(SQLColumn("user_id", table: "m"), .equal, SQLBind(user.rawValue))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "g"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("conversation_id", table: "g"), direction: SQLDirection.descending))
            .all()
        return try await self.load(rows, on: self.database)
    }

    public func rename(_ id: ConversationID, to name: String) async throws -> ChatGroup {
        let name = String(name.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        guard !name.isEmpty else { throw GroupError.emptyName }
        try await self.database.update("chat_groups").set("name", to: SQLBind(name)).where("conversation_id", .equal, SQLBind(id.rawValue)).run()
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        return group
    }

    public func add(_ users: [ParticipantID], role: GroupRole, to id: ConversationID, at date: Date) async throws -> ChatGroup {
        let date = DateParts(date).date
        try await self.database.transaction { tx in
            guard
                try await tx.select().column("conversation_id").from("chat_groups").where("conversation_id", .equal, SQLBind(id.rawValue))
                    .for(.update).first() != nil
            else { throw GroupError.notFound }
            let existing = Set(try await MessageSQLRepository(database: tx).members(of: id))
            for user in Set(users).subtracting(existing).sorted() {
                // New members read from the start of the group's history.
                try await tx.insert(into: "conversation_members").columns("conversation_id", "user_id", "read_seq", "joined_at", "role")
                    .values(
                        SQLBind(id.rawValue),
                        SQLBind(user.rawValue),
                        SQLBind(0),
                        SQLBind(date),
                        SQLBind((role == .owner ? .member : role).rawValue)
                    )
                    .run()
            }
        }
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        return group
    }

    public func remove(_ user: ParticipantID, from id: ConversationID) async throws -> ChatGroup {
        try await self.database.delete(from: "conversation_members").where("conversation_id", .equal, SQLBind(id.rawValue))
            .where("user_id", .equal, SQLBind(user.rawValue)).run()
        guard let group = try await self.group(id) else { throw GroupError.notFound }
        return group
    }
}
