import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// `/api/user` (contracts/seed003 §5): `GET status`, `friends`, `groups` and `{user_id}` (errors in seed 003's
/// `{"error": …}`), and account self-service in place of the seed's stubs, `PUT update` and `DELETE delete` (errors
/// in `{"message": …}`), mounted when an ``AccountRemoval`` is given. Token refusals are `{"msg": …}`.
struct UserController<Context: RapportRequestContext> {
    let users: any UserRepository
    let groups: any GroupRepository
    let chat: ChatService
    let realtime: Realtime
    let render: UserRenderer
    let accounts: AccountRemoval?

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("status", use: self.statusRoute)
        group.get("friends", use: self.friendsRoute)
        group.get("groups", use: self.groupsRoute)
        if let accounts = self.accounts {
            group.put("update") { request, context in try await self.update(request, context, accounts) }
            group.delete("delete") { request, context in try await self.delete(request, context, accounts) }
        }
        group.get("{user_id}", use: self.userRoute)
    }

    struct AccountBody: Decodable {
        var username: String?
        var email: String?
        var avatar: String??
        var password: String?

        enum CodingKeys: String, CodingKey { case username, email, avatar, password }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.username = try container.decodeIfPresent(String.self, forKey: .username)
            self.email = try container.decodeIfPresent(String.self, forKey: .email)
            // Present and null clears the avatar; absent keeps it.
            if container.contains(.avatar) { self.avatar = .some(try container.decodeIfPresent(String.self, forKey: .avatar)) }
            self.password = try container.decodeIfPresent(String.self, forKey: .password)
        }
    }

    static func accountBody(_ request: Request, _ context: Context) async throws -> AccountBody {
        try await RequestBody.decode(AccountBody.self, request, context: context) { issue in
            guard let field = issue.path.first else { return Refusal.platform(.badRequest, "请求必须是JSON对象") }
            return Refusal.platform(.badRequest, "\(field) 必须是字符串")
        }
    }

    /// An account operation's refusal in `{"message": …}`.
    static func refusal(_ error: AuthError) -> Refusal {
        switch error {
        case .usernameTaken: .platform(.badRequest, "用户名已存在")
        case .emailTaken: .platform(.badRequest, "邮箱已经存在")
        case .invalidField("username"): .platform(.badRequest, "用户名不能为空且不超过50个字符")
        case .invalidField("email"): .platform(.badRequest, "邮箱不能为空且不超过120个字符")
        case .invalidField("avatar"): .platform(.badRequest, "头像地址不能超过255个字符")
        case .wrongPassword: .platform(.forbidden, "密码错误，账户未注销")
        default: .platform(.notFound, "用户不存在")
        }
    }

    /// `PUT /api/user/update {"username"?, "email"?, "avatar"?}`: the caller's own account, checked as at
    /// registration; `{"message", "user"}`.
    func update(_ request: Request, _ context: Context, _ accounts: AccountRemoval) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest else { throw Refusal.platform(.forbidden, "访客不能修改账户，请先登录") }
        let body = try await Self.accountBody(request, context)
        do {
            let user = try await accounts.auth.updateAccount(of: identity, username: body.username, email: body.email, avatar: body.avatar)
            return JSONResponse(.ok, .ordered([("message", "用户信息更新成功"), ("user", self.render.chat(user))]))
        } catch let error as AuthError {
            throw Self.refusal(error)
        }
    }

    /// `DELETE /api/user/delete {"password"}`: deletes the caller's own account (``AccountRemoval``); its tokens
    /// stop working at once.
    func delete(_ request: Request, _ context: Context, _ accounts: AccountRemoval) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest else { throw Refusal.platform(.forbidden, "访客没有账户可注销") }
        guard let password = try await Self.accountBody(request, context).password, !password.isEmpty else {
            throw Refusal.platform(.badRequest, "请输入密码以确认注销")
        }
        do {
            try await accounts.delete(identity, password: password)
        } catch let error as AuthError {
            throw Self.refusal(error)
        }
        return JSONResponse(.ok, ["message": "账户已注销"])
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
