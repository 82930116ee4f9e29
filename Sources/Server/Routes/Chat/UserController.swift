import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// `/api/user` (contracts/seed003 §5): `GET status`, `friends`, `groups` and `{user_id}`, and the seed's two stubs
/// `PUT update` and `DELETE delete`, answered as it answers them. Errors are seed 003's `{"error": …}`; token
/// refusals its `{"msg": …}`.
struct UserController<Context: RapportRequestContext> {
    let users: any UserRepository
    let groups: any GroupRepository
    let chat: ChatService
    let realtime: Realtime
    let render: UserRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("status", use: self.statusRoute)
        group.get("friends", use: self.friendsRoute)
        group.get("groups", use: self.groupsRoute)
        group.put("update", use: self.stubRoute)
        group.delete("delete", use: self.stubRoute)
        group.get("{user_id}", use: self.userRoute)
    }

    @Sendable func stubRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        JSONResponse(.ok, ["message": "writing"])
    }

    /// Each friend once: `[{"id", "name", "avatar", "type": "friend"}]`.
    @Sendable func friendsRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let me = try context.platformUser() else { return JSONResponse(.ok, .array([])) }
        let friends = try await self.chat.friendships.friendships(of: me).map(\.friendID)
        let users = try await self.users.byID(friends)
        return JSONResponse(
            .ok,
            .array(
                friends.compactMap { id in
                    users[id.rawValue].map { Self.entry(id: id.rawValue, name: $0.username, avatar: self.render.mediaURL($0.avatar), type: "friend") }
                }
            )
        )
    }

    /// The caller's groups: `[{"id", "name", "avatar", "type": "group"}]`.
    @Sendable func groupsRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let me = try context.platformUser() else { return JSONResponse(.ok, .array([])) }
        let groups = try await self.groups.groups(of: me)
        return JSONResponse(
            .ok,
            .array(groups.map { Self.entry(id: $0.id.rawValue, name: $0.name, avatar: self.render.mediaURL($0.details.avatar), type: "group") })
        )
    }

    static func entry(id: Int64, name: String, avatar: JSONValue, type: String) -> JSONValue {
        .ordered([("id", .int(id)), ("name", .string(name)), ("avatar", avatar), ("type", .string(type))])
    }

    /// `{"username"}`, or 404 `{"error": "用户不存在"}` (the seed answered 500).
    @Sendable func userRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let id = context.parameters.get("user_id").flatMap({ Int64($0) }), id > 0,
            let user = try await self.users.user(id: UserID(id))
        else { throw Refusal.flask(.notFound, "用户不存在") }
        return JSONResponse(.ok, ["username": .string(user.username)])
    }

    /// `GET /api/user/status`: the caller's stored presence, `{"status": "online" | "offline"}`.
    @Sendable func statusRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest, try await self.users.user(id: identity.userID) != nil else { return JSONResponse(.notFound, ["error": "用户不存在"]) }
        return JSONResponse(.ok, ["status": .string(await self.realtime.isOnline(ParticipantID(identity.userID.rawValue)) ? "online" : "offline")])
    }
}
