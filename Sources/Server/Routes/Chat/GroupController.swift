import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// `/api/group` (contracts/seed003 §5): `POST create`, `GET {group_id}`, and the seed's stub `POST join`.
///
/// `create` makes its owner the group's owner member (the seed forgot to add the owner at all), and `join` stays
/// the seed's stub: joining is adding a member, which only the owner or an admin may do (`POST /api/groups/{id}/members`).
struct GroupController<Context: RapportRequestContext> {
    let users: any UserRepository
    let groups: any GroupRepository

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("create", use: self.createRoute)
        group.post("join") { _, _ in JSONResponse(.created, ["message": "writing"]) }
        group.get("{group_id}", use: self.groupRoute)
    }

    /// `{"name", "owner_id"}` → 201 `{"message": "群组创建成功", "group_id", "name"}`; the owner must exist.
    @Sendable func createRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let body = try await RequestBody.lenient(CreateBody.self, request, context: context) else {
            throw Refusal.flask(.unsupportedMediaType, "请求必须是JSON格式")
        }
        guard let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty, let owner = body.ownerID?.value
        else { throw Refusal.flask(.badRequest, "缺少必要参数") }
        guard name.count <= 100 else { throw Refusal.flask(.badRequest, "群组名称不能超过100个字符") }
        guard try await self.users.user(id: UserID(owner)) != nil else { throw Refusal.flask(.notFound, "用户不存在") }
        let group = try await self.groups.create(name: name, owner: ParticipantID(owner), members: [], at: Date())
        return JSONResponse(.created, .ordered([("message", "群组创建成功"), ("group_id", .int(group.id.rawValue)), ("name", .string(group.name))]))
    }

    /// `{"name"}`, or 404 `{"error": "群组不存在"}` (the seed answered 500).
    @Sendable func groupRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let id = context.parameters.get("group_id").flatMap({ Int64($0) }), id > 0,
            let group = try await self.groups.group(ConversationID(id))
        else { throw Refusal.flask(.notFound, "群组不存在") }
        return JSONResponse(.ok, ["name": .string(group.name)])
    }
}

extension GroupController {
    /// `POST /api/group/create`.
    struct CreateBody: Decodable {
        var name: String?
        var ownerID: LooseID?

        enum CodingKeys: String, CodingKey {
            case name
            case ownerID = "owner_id"
        }
    }
}
