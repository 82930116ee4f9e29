import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// Rapport's group routes (`/api/groups`), with the union error shape (`msg`, `error` and `detail`):
/// create, list mine, get, rename, add and remove members (owner or admin), leave, history and send. Members
/// receive group messages and changes live (`group_updated`).
struct GroupsController<Context: RapportRequestContext> {
    let groups: any GroupRepository
    let chat: ChatService
    let users: any UserRepository
    let realtime: Realtime
    let frames: RealtimeFrames

    func addRoutes(to group: RouterGroup<Context>) {
        group.post(use: self.create)
        group.get(use: self.list)
        group.get("{id}", use: self.get)
        group.put("{id}", use: self.rename)
        group.post("{id}/members", use: self.addMembers)
        group.delete("{id}/members/{user_id}", use: self.removeMember)
        group.post("{id}/leave", use: self.leave)
        group.get("{id}/messages", use: self.history)
        group.post("{id}/messages", use: self.send)
    }

    static func failure(_ status: HTTPResponse.Status, _ message: String) -> Refusal { .union(status, message) }

    static func failure(_ error: GroupError) -> Refusal {
        switch error {
        case .notFound: Self.failure(.notFound, "Group not found")
        case .notAMember: Self.failure(.forbidden, "You are not a member of this group")
        case .notAllowed: Self.failure(.forbidden, "Only the owner or an admin may do this")
        case .emptyName: Self.failure(.badRequest, "name must not be empty")
        case .ownerMustStay: Self.failure(.conflict, "The owner stays while the group has other members")
        case .notPublic: Self.failure(.forbidden, "This group is private: its owner or an admin adds members")
        }
    }

    func me(_ context: Context) throws -> ParticipantID {
        let identity = try context.identity(.union)
        guard !identity.isGuest else { throw Self.failure(.forbidden, "Guests cannot use groups") }
        return ParticipantID(identity.userID.rawValue)
    }

    func id(_ context: Context) throws -> ConversationID {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw Self.failure(.notFound, "Group not found") }
        return ConversationID(id)
    }

    func json(_ group: ChatGroup) -> JSONValue {
        .ordered([
            ("id", .int(group.id.rawValue)), ("name", .string(group.name)), ("owner_id", .int(group.ownerID.rawValue)),
            (
                "members",
                .array(
                    group.members.sorted { $0.key < $1.key }.map {
                        .ordered([("user_id", .int($0.key.rawValue)), ("role", .string($0.value.rawValue))])
                    }
                )
            ),
            ("created_at", WireDate.iso(group.createdAt)),
        ])
    }

    /// Tells the members (and those just removed) what the group looks like now.
    func announce(_ group: ChatGroup, also: [ParticipantID] = []) async {
        let frame = Realtime.text(.ordered([("type", "group_updated"), ("data", self.json(group))]))
        await self.realtime.publish(
            HubEvent(
                recipients: Array(group.members.keys) + also,
                frames: [.envelope: frame, .flat: frame],
                changedGroup: group.id
            )
        )
    }

    /// A bad body in this API's words.
    static func refusal(_ issue: FieldIssue) -> Refusal {
        guard let field = issue.path.first else { return Self.failure(.badRequest, "A JSON body is required") }
        return switch (field, issue.problem) {
        case ("member_ids", _), ("user_ids", _): Self.failure(.badRequest, "\(field) must be a list of user ids")
        case ("role", _): Self.failure(.badRequest, "role must be member or admin")
        case (_, .missing): Self.failure(.badRequest, "\(field) is required")
        default: Self.failure(.badRequest, "\(field) must be a string")
        }
    }

    /// The user ids of a body field, all of which must exist.
    func userIDs(_ raw: [Int64], _ key: String) async throws -> [ParticipantID] {
        guard raw.allSatisfy({ $0 > 0 }) else { throw Self.failure(.badRequest, "\(key) must be a list of user ids") }
        let ids = raw.map(ParticipantID.init)
        guard ids.count <= 1000 else { throw Self.failure(.badRequest, "At most 1000 members at once") }
        let found = Set(try await self.users.users(ids: ids.map { UserID($0.rawValue) }).map(\.id.rawValue))
        if let missing = ids.first(where: { !found.contains($0.rawValue) }) { throw Self.failure(.notFound, "User \(missing.rawValue) not found") }
        return ids
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as GroupError { throw Self.failure(error) }
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let body = try await RequestBody.decode(CreateBody.self, request, context: context, refuse: Self.refusal)
        let members = try await self.userIDs(body.memberIDs ?? [], "member_ids")
        let group = try await self.run { try await self.groups.create(name: body.name, owner: me, members: members, at: Date()) }
        await self.announce(group)
        return JSONResponse(.created, self.json(group))
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> JSONResponse {
        let groups = try await self.groups.groups(of: try self.me(context))
        return JSONResponse(.ok, ["groups": .array(groups.map(self.json))])
    }

    func memberGroup(_ context: Context) async throws -> (ChatGroup, ParticipantID) {
        let me = try self.me(context)
        guard let group = try await self.groups.group(try self.id(context)) else { throw Self.failure(GroupError.notFound) }
        guard group.members[me] != nil else { throw Self.failure(GroupError.notAMember) }
        return (group, me)
    }

    @Sendable func get(_ request: Request, context: Context) async throws -> JSONResponse {
        JSONResponse(.ok, self.json(try await self.memberGroup(context).0))
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        let body = try await RequestBody.decode(RenameBody.self, request, context: context) { issue in
            issue.path.isEmpty ? Self.failure(.badRequest, "name is required") : Self.refusal(issue)
        }
        let group = try await self.run {
            _ = try await self.groups.manage(id, by: me)
            return try await self.groups.rename(id, to: body.name)
        }
        await self.announce(group)
        return JSONResponse(.ok, self.json(group))
    }

    @Sendable func addMembers(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        let body = try await RequestBody.decode(AddMembersBody.self, request, context: context, refuse: Self.refusal)
        let role = body.role?.role ?? .member
        let users = try await self.userIDs(body.userIDs, "user_ids")
        let group = try await self.run {
            let current = try await self.groups.manage(id, by: me)
            if role == .admin, current.members[me] != .owner { throw GroupError.notAllowed }
            return try await self.groups.add(users, role: role, to: id, at: Date())
        }
        await self.announce(group)
        return JSONResponse(.ok, self.json(group))
    }

    func remove(_ user: ParticipantID, _ context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        let group = try await self.run { try await self.groups.remove(user, from: id, by: me) }
        await self.announce(group, also: [user])
        return JSONResponse(.ok, self.json(group))
    }

    @Sendable func removeMember(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let text = context.parameters.get("user_id"), let user = Int64(text) else { throw Self.failure(.notFound, "User not found") }
        return try await self.remove(ParticipantID(user), context)
    }

    @Sendable func leave(_ request: Request, context: Context) async throws -> JSONResponse {
        try await self.remove(try self.me(context), context)
    }

    @Sendable func history(_ request: Request, context: Context) async throws -> JSONResponse {
        let (group, _) = try await self.memberGroup(context)
        let query = request.uri.queryParameters
        let limit = min(max(query["limit"].flatMap { Int(String($0)) } ?? 50, 1), 200)
        let before = query["before_seq"].flatMap { Int64(String($0)) }
        let after = query["after_seq"].flatMap { Int64(String($0)) }
        let messages = try await self.chat.messages.messages(in: group.id, limit: limit, offset: 0, beforeSeq: before, afterSeq: after)
            .sorted { $0.seq < $1.seq }
        let byID = try await self.users.byID(messages.map(\.senderID))
        return JSONResponse(.ok, ["messages": .array(messages.map { .ordered(self.frames.messageData($0, byID)) })])
    }

    @Sendable func send(_ request: Request, context: Context) async throws -> JSONResponse {
        let (group, me) = try await self.memberGroup(context)
        let body = try await RequestBody.decode(SendBody.self, request, context: context) { issue in
            issue.path.isEmpty ? Self.failure(.badRequest, "content is required") : Self.refusal(issue)
        }
        let content = body.content
        let clientID = body.clientMessageID.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        let result: SendResult
        do {
            result = try await self.chat.sendToGroup(group, from: me, content: content, clientMessageID: clientID)
        } catch let error as ChatError {
            throw Self.failure(.badRequest, error.refusalText)
        }
        let byID = try await self.users.byID([me])
        if result.created {
            await self.realtime.publish(self.frames.delivery(result.message, byID, to: Realtime.audience(of: group), address: .group(group.id)))
        }
        return JSONResponse(.created, .ordered(self.frames.messageData(result.message, byID)))
    }
}

extension GroupsController {
    /// `POST /api/groups`.
    struct CreateBody: Decodable {
        var name: String
        var memberIDs: [Int64]?

        enum CodingKeys: String, CodingKey {
            case name
            case memberIDs = "member_ids"
        }
    }

    /// `PATCH /api/groups/{id}`.
    struct RenameBody: Decodable {
        var name: String
    }

    /// `POST /api/groups/{id}/members`.
    struct AddMembersBody: Decodable {
        var userIDs: [Int64]
        var role: MemberRole?

        enum CodingKeys: String, CodingKey {
            case userIDs = "user_ids"
            case role
        }
    }

    /// `POST /api/groups/{id}/messages`.
    struct SendBody: Decodable {
        var content: String
        var clientMessageID: String?

        enum CodingKeys: String, CodingKey {
            case content
            case clientMessageID = "client_msg_id"
        }
    }
}

extension GroupsController {
    /// The roles members are added with (the owner is who created the group).
    enum MemberRole: String, JSONEnumeration {
        case member, admin

        var role: GroupRole { self == .admin ? .admin : .member }
    }
}
