import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// `/api/group` (contracts/seed003 §5 and §9): `POST create`, `POST join`, `GET {group_id}`.
///
/// `create` makes its owner the group's owner member (the seed forgot to add the owner at all) and takes `type`
/// (`public` or `private`, the default), `description` and `avatar`. `join` adds the caller to a public group
/// (201; joining again is harmless) and refuses a private one (403): a private group's members are added by its
/// owner or admins (`POST /api/groups/{id}/members`). A new membership reaches the member's open sockets at once:
/// group messages go to the members the group has when each is sent.
struct GroupController<Context: RapportRequestContext> {
    let users: any UserRepository
    let groups: any GroupRepository
    let realtime: Realtime

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("create", use: self.createRoute)
        group.post("join", use: self.joinRoute)
        group.get("{group_id}", use: self.groupRoute)
    }

    /// `{"name", "owner_id", "type"?, "description"?, "avatar"?}` → 201 `{"message": "群组创建成功", "group_id",
    /// "name"}`; the owner must exist, and a token, when sent, must be the owner's.
    @Sendable func createRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let body = try await RequestBody.lenient(CreateBody.self, request, context: context) else {
            throw Refusal.flask(.unsupportedMediaType, "请求必须是JSON格式")
        }
        guard let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty, let owner = body.ownerID?.value
        else { throw Refusal.flask(.badRequest, "缺少必要参数") }
        guard name.unicodeScalars.count <= 100 else { throw Refusal.flask(.badRequest, "群组名称不能超过100个字符") }
        let visibility: GroupVisibility
        switch body.type {
        case nil: visibility = .private
        case let type?:
            guard let known = GroupVisibility(rawValue: type) else { throw Refusal.flask(.badRequest, "群组类型必须是public或private") }
            visibility = known
        }
        if let description = body.description, description.count > GroupDetails.maximumDescriptionLength {
            throw Refusal.flask(.badRequest, "群组描述不能超过\(GroupDetails.maximumDescriptionLength)个字符")
        }
        if let avatar = body.avatar, avatar.count > GroupDetails.maximumAvatarLength {
            throw Refusal.flask(.badRequest, "群组头像地址不能超过\(GroupDetails.maximumAvatarLength)个字符")
        }
        if case .success(let identity) = context.authentication, !identity.isGuest, identity.userID.rawValue != owner {
            throw Refusal.flask(.forbidden, "只能以自己的身份创建群组")
        }
        guard try await self.users.user(id: UserID(owner)) != nil else { throw Refusal.flask(.notFound, "用户不存在") }
        let group = try await self.groups.create(
            name: name,
            owner: ParticipantID(owner),
            members: [],
            details: GroupDetails(description: body.description, avatar: body.avatar, visibility: visibility),
            at: Date()
        )
        return JSONResponse(.created, .ordered([("message", "群组创建成功"), ("group_id", .int(group.id.rawValue)), ("name", .string(group.name))]))
    }

    /// `{"group_id"}` with a token → 201 `{"message": "加入群组成功", "group_id", "name"}` (already a member:
    /// 200 `已经是群组成员`); a private group → 403, an unknown one → 404 `{"error": "群组不存在"}`.
    @Sendable func joinRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest else { throw Refusal.flask(.forbidden, "访客不能加入群组，请先登录") }
        let body = try await RequestBody.lenient(JoinBody.self, request, context: context)
        guard let id = body?.groupID?.value else { throw Refusal.flask(.badRequest, "缺少必要参数") }
        let me = ParticipantID(identity.userID.rawValue)
        do {
            let (group, joined) = try await self.groups.join(me, to: ConversationID(id), at: Date())
            if joined { await self.realtime.announceMembership(of: group.id) }
            return JSONResponse(
                joined ? .created : .ok,
                .ordered([
                    ("message", .string(joined ? "加入群组成功" : "已经是群组成员")), ("group_id", .int(group.id.rawValue)),
                    ("name", .string(group.name)),
                ])
            )
        } catch GroupError.notFound {
            throw Refusal.flask(.notFound, "群组不存在")
        } catch GroupError.notPublic {
            throw Refusal.flask(.forbidden, "该群组是私有群组，需要群主或管理员邀请")
        }
    }

    /// `{"id", "name", "description", "avatar", "type", "owner_id", "member_count", "created_at"}`, or 404
    /// `{"error": "群组不存在"}` (the seed answered 500).
    @Sendable func groupRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let id = context.parameters.get("group_id").flatMap({ Int64($0) }), id > 0,
            let group = try await self.groups.group(ConversationID(id))
        else { throw Refusal.flask(.notFound, "群组不存在") }
        return JSONResponse(
            .ok,
            .ordered([
                ("id", .int(group.id.rawValue)), ("name", .string(group.name)), ("description", .string(group.details.description)),
                ("avatar", .string(group.details.avatar)), ("type", .string(group.visibility.rawValue)), ("owner_id", .int(group.ownerID.rawValue)),
                ("member_count", .int(Int64(group.members.count))), ("created_at", WireDate.seconds(group.createdAt)),
            ])
        )
    }
}

extension GroupController {
    /// `POST /api/group/create`.
    struct CreateBody: Decodable {
        var name: String?
        var ownerID: LooseID?
        var type: String?
        var description: String?
        var avatar: String?

        enum CodingKeys: String, CodingKey {
            case name, type, description, avatar
            case ownerID = "owner_id"
        }
    }

    /// `POST /api/group/join`.
    struct JoinBody: Decodable {
        var groupID: LooseID?

        enum CodingKeys: String, CodingKey {
            case groupID = "group_id"
        }
    }
}
