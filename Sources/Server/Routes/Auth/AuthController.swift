public import AuthTokens
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

/// The auth routes: the union login and register of seeds 001/003/004 (contracts/README §1.3–1.4), seed 001's
/// password change and profile, seed 004's `/me` and admin-minted tokens, and Rapport's own logout and sessions.
///
/// Mountable alone behind ``AuthMiddleware``:
///
/// ```swift
/// router.addRoutes(AuthController(auth: auth).endpoints, atPath: "/api/auth")
/// ```
public struct AuthController<Context: RapportRequestContext>: RapportRoutes {
    let auth: AuthService
    let render: UserRenderer
    let onRegistered: (@Sendable (User) async throws -> Void)?

    /// - Parameters:
    ///   - auth: accounts, passwords and tokens.
    ///   - baseURL: the public base URL avatar paths are made absolute with (empty: relative paths).
    ///   - onRegistered: what else a new account gets once it exists (Rapport's server: membership of the public
    ///     channel). A failure is logged; the account stays registered.
    public init(auth: AuthService, baseURL: String = "", onRegistered: (@Sendable (User) async throws -> Void)? = nil) {
        self.init(auth: auth, render: UserRenderer(baseURL: baseURL), onRegistered: onRegistered)
    }

    init(auth: AuthService, render: UserRenderer, onRegistered: (@Sendable (User) async throws -> Void)? = nil) {
        self.auth = auth
        self.render = render
        self.onRegistered = onRegistered
    }

    public func addRoutes(to group: some RouterMethods<Context>) {
        group.post("register", use: self.register)
        group.post("login", use: self.login)
        group.post("change_password", use: self.changePassword)
        group.get("profile", use: self.profile)
        group.get("me", use: self.me)
        group.post("token", use: self.mintToken)
        group.post("logout", use: self.logout)
        group.get("sessions", use: self.sessions)
        group.delete("sessions/:id", use: self.revokeSession)
        self.addPlatformRoutes(to: group)
    }

    static func union(_ status: HTTPResponse.Status, error: String, message: String? = nil, detail: String? = nil) -> JSONResponse {
        JSONResponse(status, ["error": .string(error), "message": .string(message ?? error), "detail": .string(detail ?? error)])
    }

    func client(_ request: Request, _ context: Context) -> AuthService.Client {
        .init(ipAddress: context.clientAddress, userAgent: request.headers[.userAgent] ?? "")
    }

    /// The token keys every family reads, plus the user in its family's form.
    func tokenBody(_ message: String, _ login: AuthService.Authenticated) -> JSONValue {
        let token = JSONValue.string(login.token)
        var body: JSONValue = ["message": .string(message), "access_token": token, "token": token, "token_type": "bearer"]
        if let user = login.user {
            let id = self.render.id(user)
            body = body.merging([
                "userId": id, "user_id": id, "username": .string(user.username), "email": .string(user.email),
                "user": self.render.union(user),
            ])
        } else {
            body = body.merging(["userId": 0, "user_id": 0])
        }
        return body
    }

    @Sendable func register(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let body = try await RequestBody.lenient(Credentials.self, request, context: context) else {
            return JSONResponse(.unsupportedMediaType, ["error": "请求必须是JSON格式", "message": "请求必须是JSON格式"])
        }
        let username = body.username ?? ""
        let email = body.email?.stringValue ?? ""
        let password = body.password ?? ""
        let required = "用户名、邮箱和密码都是必需的"
        if username.isEmpty || password.isEmpty { return JSONResponse(.badRequest, ["error": .string(required), "message": "用户名和密码不能为空"]) }
        if email.isEmpty { return JSONResponse(.badRequest, ["error": .string(required), "message": "邮箱不能为空"]) }
        do {
            let login = try await self.auth.register(username: username, email: email, password: password, client: self.client(request, context))
            if let onRegistered = self.onRegistered, let user = login.user {
                do {
                    try await onRegistered(user)
                } catch {
                    context.logger.error("after-registration step failed", metadata: ["user": "\(user.id.rawValue)", "error": "\(error)"])
                }
            }
            return JSONResponse(.created, self.tokenBody("注册成功", login))
        } catch let error as AuthError {
            switch error {
            case .usernameTaken: return JSONResponse(.badRequest, ["error": "用户名已存在", "message": "用户名已存在"])
            case .emailTaken: return JSONResponse(.badRequest, ["error": "邮箱已存在", "message": "邮箱已经存在"])
            case .passwordTooShort(let minimum): return Self.union(.badRequest, error: "密码长度至少为\(minimum)位")
            case .passwordTooLong(let bytes): return Self.union(.badRequest, error: "密码不能超过\(bytes)字节")
            case .invalidField("username"): return Self.union(.badRequest, error: "用户名不能为空且不超过50个字符")
            case .invalidField("email"): return Self.union(.badRequest, error: "邮箱不能为空且不超过120个字符")
            default: throw error
            }
        }
    }

    @Sendable func login(_ request: Request, context: Context) async throws -> JSONResponse {
        let required = Self.union(.badRequest, error: "用户名和密码都是必需的")
        guard let body = try await RequestBody.lenient(Credentials.self, request, context: context) else { return required }
        let username = (body.username ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = (body.email?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = body.password ?? ""
        // Seed 003's guest login: an email form with an empty field and no username.
        if username.isEmpty, body.email != nil, email.isEmpty || password.isEmpty {
            let guest = try await self.auth.guestLogin(client: self.client(request, context))
            return JSONResponse(.ok, self.tokenBody("访客登陆成功", guest))
        }
        let identifier = username.isEmpty ? email : username
        guard !identifier.isEmpty, !password.isEmpty else { return required }
        do {
            let login = try await self.auth.login(identifier: identifier, password: password, client: self.client(request, context))
            return JSONResponse(.ok, self.tokenBody("登录成功", login))
        } catch let error as AuthError {
            switch error {
            case .throttled(let seconds):
                let text = "请求过于频繁，请在\(seconds)秒后重试"
                return JSONResponse(
                    .tooManyRequests,
                    ["error": .string(text), "message": .string(text), "detail": .string(text), "retry_after": .int(Int64(seconds))],
                    headers: [.retryAfter: String(seconds)]
                )
            case .invalidCredentials: return Self.union(.unauthorized, error: "用户名或密码错误", message: "邮箱或密码错误")
            case .adminOnly: return Self.union(.forbidden, error: "只有管理员可以登录")
            case .passwordNotSet: return Self.union(.unauthorized, error: "账号未设置密码")
            case .accountDisabled: return Self.union(.forbidden, error: "账号已被停用")
            default: throw error
            }
        }
    }

    @Sendable func changePassword(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWT)
        let body = try await RequestBody.lenient(PasswordChange.self, request, context: context)
        guard let old = body?.oldPassword, !old.isEmpty, let new = body?.newPassword, !new.isEmpty else {
            return JSONResponse(.badRequest, ["error": "旧密码和新密码都是必需的"])
        }
        do {
            try await self.auth.changePassword(of: identity, old: old, new: new)
            return JSONResponse(.ok, ["message": "密码修改成功"])
        } catch let error as AuthError {
            switch error {
            case .userNotFound: return JSONResponse(.notFound, ["error": "用户不存在"])
            case .wrongOldPassword: return JSONResponse(.unauthorized, ["error": "旧密码错误"])
            case .passwordTooShort(let minimum): return JSONResponse(.badRequest, ["error": .string("新密码长度至少为\(minimum)位")])
            case .passwordTooLong(let bytes): return JSONResponse(.badRequest, ["error": .string("新密码不能超过\(bytes)字节")])
            default: throw error
            }
        }
    }

    @Sendable func profile(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWT)
        guard let user = try await self.auth.users.user(id: identity.userID) else {
            return JSONResponse(.notFound, ["error": "用户不存在"])
        }
        return JSONResponse(.ok, ["user": self.render.chat(user)])
    }

    @Sendable func me(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.fastAPI)
        guard let user = try await self.auth.users.user(id: identity.userID) else {
            return JSONResponse(.unauthorized, ["detail": "用户不存在"], headers: [.wwwAuthenticate: "Bearer"])
        }
        return JSONResponse(.ok, self.render.support(user))
    }

    /// `POST /api/auth/token` `{"user_id": "b1"}`: an admin mints a token for a provisioned user.
    @Sendable func mintToken(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.fastAPI)
        guard identity.role == .admin else { return JSONResponse(.forbidden, ["detail": "需要管理员权限"]) }
        var validation = SupportValidation(request)
        let name = try await validation.decode(TokenRequest.self, request, context).userID
        if name.isEmpty { validation.fail("user_id", "Input should be a valid string") }
        try validation.finish()
        guard let user = try await self.render.resolve(name, in: self.auth.users) else {
            return JSONResponse(.notFound, ["detail": "User not found"])
        }
        do {
            let login = try await self.auth.issueToken(for: user, client: self.client(request, context))
            return JSONResponse(.ok, ["access_token": .string(login.token), "token_type": "bearer", "user": self.render.support(user)])
        } catch AuthError.accountDisabled {
            return JSONResponse(.forbidden, ["detail": "账号已被停用"])
        }
    }

    @Sendable func logout(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.union)
        try await self.auth.logout(identity)
        return JSONResponse(.ok, ["message": "已退出登录"])
    }

    @Sendable func sessions(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.union)
        let sessions = try await self.auth.activeSessions(of: identity)
        return JSONResponse(
            .ok,
            [
                "sessions": .array(
                    sessions.map { session in
                        [
                            "id": .string(session.id), "created_at": WireDate.iso(session.createdAt), "expires_at": WireDate.iso(session.expiresAt),
                            "ip_address": .string(session.ipAddress), "user_agent": .string(session.userAgent),
                            "current": .bool(session.id == identity.sessionID),
                        ]
                    }
                )
            ]
        )
    }

    @Sendable func revokeSession(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.union)
        let id = try context.parameters.require("id")
        do {
            try await self.auth.revokeSession(id: id, of: identity)
            return JSONResponse(.ok, ["message": "会话已注销"])
        } catch AuthError.sessionNotFound {
            return Self.union(.notFound, error: "会话不存在")
        }
    }
}

extension AuthController {
    /// What `register` and `login` read: seed 003's e-mail form or the others' username form.
    struct Credentials: Decodable {
        var username: String?
        /// Any value, since its presence alone marks seed 003's form.
        var email: JSONValue?
        var password: String?
    }

    /// `POST /api/auth/change_password`.
    struct PasswordChange: Decodable {
        var oldPassword: String?
        var newPassword: String?

        enum CodingKeys: String, CodingKey {
            case oldPassword = "old_password"
            case newPassword = "new_password"
        }
    }

    /// `POST /api/auth/token`.
    struct TokenRequest: Decodable {
        var userID: String

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
        }
    }
}
