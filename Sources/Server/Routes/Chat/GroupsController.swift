import AuthTokens
import ChatCore
import Foundation
import Hummingbird

/// Rapport's group routes (`/api/groups`), with the union error shape (`msg`, `error` and `detail`):
/// create, list mine, get, rename, add and remove members (owner or admin), leave, history and send. Members
/// receive group messages and changes live (`group_updated`).
struct GroupsController {
    let groups: any GroupRepository
    let chat: ChatService
    let users: any UserRepository
    let realtime: Realtime
    let frames: RealtimeFrames

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
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

    static func failure(_ status: HTTPResponse.Status, _ message: String) -> JSONResponse {
        JSONResponse(status, ["msg": .string(message), "error": .string(message), "detail": .string(message)])
    }

    static func failure(_ error: GroupError) -> JSONResponse {
        switch error {
        case .notFound: Self.failure(.notFound, "Group not found")
        case .notAMember: Self.failure(.forbidden, "You are not a member of this group")
        case .notAllowed: Self.failure(.forbidden, "Only the owner or an admin may do this")
        case .emptyName: Self.failure(.badRequest, "name must not be empty")
        case .ownerMustStay: Self.failure(.conflict, "The owner stays while the group has other members")
        }
    }

    func me(_ context: AppRequestContext) throws -> ParticipantID {
        let identity = try context.identity(.union)
        guard !identity.isGuest else { throw Self.failure(.forbidden, "Guests cannot use groups") }
        return ParticipantID(identity.userID.rawValue)
    }

    func id(_ context: AppRequestContext) throws -> ConversationID {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw Self.failure(.notFound, "Group not found") }
        return ConversationID(id)
    }

    func json(_ group: ChatGroup) -> JSONValue {
        .ordered([
            ("id", .int(group.id.rawValue)), ("name", .string(group.name)), ("owner_id", .int(group.ownerID.rawValue)),
            ("members", .array(group.members.sorted { $0.key < $1.key }.map { .ordered([("user_id", .int($0.key.rawValue)), ("role", .string($0.value.rawValue))]) })),
            ("created_at", WireDate.iso(group.createdAt)),
        ])
    }

    /// Tells the members (and those just removed) what the group looks like now.
    func announce(_ group: ChatGroup, also: [ParticipantID] = []) async {
        let frame = Realtime.text(.ordered([("type", "group_updated"), ("data", self.json(group))]))
        await self.realtime.publish(HubEvent(
            recipients: Array(group.members.keys) + also, frames: [.envelope: frame, .flat: frame], changedGroup: group.id
        ))
    }

    /// The user ids of a body field, all of which must exist.
    func userIDs(_ body: [String: Any], _ key: String) async throws -> [ParticipantID] {
        guard let raw = body[key] as? [Any] else { throw Self.failure(.badRequest, "\(key) must be a list of user ids") }
        var ids: [ParticipantID] = []
        for value in raw {
            guard let number = value as? NSNumber, !JSONBody.isBoolean(number), let id = Int64(exactly: number.doubleValue), id > 0 else {
                throw Self.failure(.badRequest, "\(key) must be a list of user ids")
            }
            ids.append(ParticipantID(id))
        }
        guard ids.count <= 1000 else { throw Self.failure(.badRequest, "At most 1000 members at once") }
        let found = Set(try await self.users.users(ids: ids.map { UserID($0.rawValue) }).map(\.id.rawValue))
        if let missing = ids.first(where: { !found.contains($0.rawValue) }) { throw Self.failure(.notFound, "User \(missing.rawValue) not found") }
        return ids
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as GroupError { throw Self.failure(error) }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let me = try self.me(context)
        guard let body = try await jsonObject(request, context: context) else { throw Self.failure(.badRequest, "A JSON body is required") }
        guard let name = body["name"] as? String else { throw Self.failure(.badRequest, "name is required") }
        let members = body["member_ids"] == nil ? [] : try await self.userIDs(body, "member_ids")
        let group = try await self.run { try await self.groups.create(name: name, owner: me, members: members, at: Date()) }
        await self.announce(group)
        return JSONResponse(.created, self.json(group))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let groups = try await self.groups.groups(of: try self.me(context))
        return JSONResponse(.ok, ["groups": .array(groups.map(self.json))])
    }

    func memberGroup(_ context: AppRequestContext) async throws -> (ChatGroup, ParticipantID) {
        let me = try self.me(context)
        guard let group = try await self.groups.group(try self.id(context)) else { throw Self.failure(GroupError.notFound) }
        guard group.members[me] != nil else { throw Self.failure(GroupError.notAMember) }
        return (group, me)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        JSONResponse(.ok, self.json(try await self.memberGroup(context).0))
    }

    @Sendable func rename(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        guard let body = try await jsonObject(request, context: context), let name = body["name"] as? String else {
            throw Self.failure(.badRequest, "name is required")
        }
        let group = try await self.run {
            _ = try await self.groups.manage(id, by: me)
            return try await self.groups.rename(id, to: name)
        }
        await self.announce(group)
        return JSONResponse(.ok, self.json(group))
    }

    @Sendable func addMembers(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        guard let body = try await jsonObject(request, context: context) else { throw Self.failure(.badRequest, "A JSON body is required") }
        let role: GroupRole
        switch body["role"] as? String {
        case nil, "member": role = .member
        case "admin": role = .admin
        default: throw Self.failure(.badRequest, "role must be member or admin")
        }
        let users = try await self.userIDs(body, "user_ids")
        let group = try await self.run {
            let current = try await self.groups.manage(id, by: me)
            if role == .admin, current.members[me] != .owner { throw GroupError.notAllowed }
            return try await self.groups.add(users, role: role, to: id, at: Date())
        }
        await self.announce(group)
        return JSONResponse(.ok, self.json(group))
    }

    func remove(_ user: ParticipantID, _ context: AppRequestContext) async throws -> JSONResponse {
        let me = try self.me(context)
        let id = try self.id(context)
        let group = try await self.run { try await self.groups.remove(user, from: id, by: me) }
        await self.announce(group, also: [user])
        return JSONResponse(.ok, self.json(group))
    }

    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let text = context.parameters.get("user_id"), let user = Int64(text) else { throw Self.failure(.notFound, "User not found") }
        return try await self.remove(ParticipantID(user), context)
    }

    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try await self.remove(try self.me(context), context)
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
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

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let (group, me) = try await self.memberGroup(context)
        guard let body = try await jsonObject(request, context: context), let content = body["content"] as? String else {
            throw Self.failure(.badRequest, "content is required")
        }
        let clientID = (body["client_msg_id"] as? String).flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        let result: SendResult
        do {
            result = try await self.chat.sendToGroup(group, from: me, content: content, clientMessageID: clientID)
        } catch let error as ChatError {
            throw Self.failure(.badRequest, Self.text(error))
        }
        let byID = try await self.users.byID([me])
        if result.created {
            await self.realtime.publish(self.frames.delivery(result.message, byID, to: Array(group.members.keys), address: .group(group.id)))
        }
        return JSONResponse(.created, .ordered(self.frames.messageData(result.message, byID)))
    }

    /// A refused group message in the words every group path answers with.
    static func text(_ error: ChatError) -> String {
        switch error {
        case .emptyContent: "Content is empty"
        case .contentTooLong: "Content is too long"
        default: "Message refused"
        }
    }
}
