import AuthTokens
import ChatCore
import Foundation
import Hummingbird

/// Seed 003's lookups of users and groups (contracts/seed003 §5) on the shared stores: `GET /api/user/friends`,
/// `/api/user/groups` and `/api/user/{user_id}`, `POST /api/group/create`, `GET /api/group/{group_id}`, and the
/// seed's two stubs `PUT /api/user/update`, `DELETE /api/user/delete` and `POST /api/group/join`, answered as it
/// answers them. Errors are seed 003's `{"error": …}`; token refusals its `{"msg": …}`.
///
/// `group/create` makes its owner the group's owner member (the seed forgot to add the owner at all), and
/// `group/join` stays the seed's stub: joining is adding a member, which only the owner or an admin may do
/// (`POST /api/groups/{id}/members`).
struct DirectoryController {
    let users: any UserRepository
    let groups: any GroupRepository
    let chat: ChatService

    func addUserRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("friends", use: self.friendsRoute)
        group.get("groups", use: self.groupsRoute)
        group.put("update", use: self.stubRoute)
        group.delete("delete", use: self.stubRoute)
        group.get("{user_id}", use: self.userRoute)
    }

    func addGroupRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("create", use: self.createRoute)
        group.post("join") { _, _ in JSONResponse(.created, ["message": "writing"]) }
        group.get("{group_id}", use: self.groupRoute)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> JSONResponse {
        JSONResponse(status, ["error": .string(message)])
    }


    @Sendable func stubRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        JSONResponse(.ok, ["message": "writing"])
    }

    /// Each friend once: `[{"id", "name", "avatar", "type": "friend"}]`.
    @Sendable func friendsRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let me = try context.seed003User() else { return JSONResponse(.ok, .array([])) }
        let friends = try await self.chat.friendships.friendships(of: me).map(\.friendID)
        let users = try await self.users.byID(friends)
        return JSONResponse(.ok, .array(friends.compactMap { id in
            users[id.rawValue].map { Self.entry(id: id.rawValue, name: $0.username, avatar: $0.avatar, type: "friend") }
        }))
    }

    /// The caller's groups: `[{"id", "name", "avatar": null, "type": "group"}]`.
    @Sendable func groupsRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let me = try context.seed003User() else { return JSONResponse(.ok, .array([])) }
        let groups = try await self.groups.groups(of: me)
        return JSONResponse(.ok, .array(groups.map { Self.entry(id: $0.id.rawValue, name: $0.name, avatar: nil, type: "group") }))
    }

    static func entry(id: Int64, name: String, avatar: String?, type: String) -> JSONValue {
        .ordered([("id", .int(id)), ("name", .string(name)), ("avatar", .string(avatar)), ("type", .string(type))])
    }

    /// `{"username"}`, or 404 `{"error": "用户不存在"}` (the seed answered 500).
    @Sendable func userRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let id = context.parameters.get("user_id").flatMap({ Int64($0) }), id > 0,
              let user = try await self.users.user(id: UserID(id))
        else { return Self.error(.notFound, "用户不存在") }
        return JSONResponse(.ok, ["username": .string(user.username)])
    }

    /// `{"name", "owner_id"}` → 201 `{"message": "群组创建成功", "group_id", "name"}`; the owner must exist.
    @Sendable func createRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let body = try await jsonObject(request, context: context) else { return Self.error(.unsupportedMediaType, "请求必须是JSON格式") }
        guard let name = (body["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty,
              let owner = ChatController.id(body["owner_id"])
        else { return Self.error(.badRequest, "缺少必要参数") }
        guard name.count <= 100 else { return Self.error(.badRequest, "群组名称不能超过100个字符") }
        guard try await self.users.user(id: UserID(owner)) != nil else { return Self.error(.notFound, "用户不存在") }
        let group = try await self.groups.create(name: name, owner: ParticipantID(owner), members: [], at: Date())
        return JSONResponse(.created, .ordered([("message", "群组创建成功"), ("group_id", .int(group.id.rawValue)), ("name", .string(group.name))]))
    }

    /// `{"name"}`, or 404 `{"error": "群组不存在"}` (the seed answered 500).
    @Sendable func groupRoute(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        guard let id = context.parameters.get("group_id").flatMap({ Int64($0) }), id > 0,
              let group = try await self.groups.group(ConversationID(id))
        else { return Self.error(.notFound, "群组不存在") }
        return JSONResponse(.ok, ["name": .string(group.name)])
    }
}
