import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HTTPTypes

/// Seed 004's `/api/users` routes (contracts/seed004 §4 and §10): anyone signed in reads; only admins create,
/// change, delete and ensure.
struct UsersController {
    let users: any UserRepository
    let render: UserRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: self.list)
        group.post(use: self.create)
        group.post("ensure", use: self.ensure)
        group.get("{user_id}", use: self.get)
        group.put("{user_id}", use: self.update)
        group.patch("{user_id}/status", use: self.setStatus)
        group.delete("{user_id}", use: self.delete)
    }

    static let adminOnly = JSONResponse(.forbidden, ["detail": "需要管理员权限"])
    static let notFound = JSONResponse(.notFound, ["detail": "User not found"])

    func requireAdmin(_ context: AppRequestContext) throws {
        guard try context.identity(.fastAPI).role == .admin else { throw Self.adminOnly }
    }

    func user(_ context: AppRequestContext) async throws -> User {
        guard let user = try await self.render.resolve(context.parameters.get("user_id") ?? "", in: self.users) else { throw Self.notFound }
        return user
    }

    static func conflict(_ request: Request) -> JSONResponse {
        JSONResponse(.conflict, ["detail": "数据已存在，违反唯一性约束", "error_type": "integrity_error", "path": .string(request.uri.path)])
    }

    /// The body as a JSON object, or the 422 seed 004 gives for a missing or non-object body.
    static func body(_ request: Request, _ context: AppRequestContext) async throws -> [String: Any] {
        guard let body = try await jsonObject(request, context: context) else {
            var validation = SupportValidation(request)
            validation.fail("", "Field required")
            try validation.finish()
            return [:]
        }
        return body
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        _ = try context.identity(.fastAPI)
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 20)
        try validation.finish()
        let roleName = request.uri.queryParameters["role"].map(String.init) ?? ""
        let role = Role(rawValue: roleName)
        // An unknown role matches nobody, as in the seed.
        if !roleName.isEmpty, role == nil { return JSONResponse(.ok, ["count": 0, "results": []]) }
        let page = try await self.users.users(role: role, offset: offset, limit: limit)
        return JSONResponse(.ok, ["count": .int(Int64(page.total)), "results": .array(page.users.map(self.render.support))])
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        _ = try context.identity(.fastAPI)
        return JSONResponse(.ok, self.render.support(try await self.user(context)))
    }

    /// Reads `role`, `avatar`, `description` and `status` for create and update.
    static func fields(
        _ body: [String: Any], _ validation: inout SupportValidation, prefix: String = ""
    ) -> (role: Role?, avatar: String??, description: String??, status: AccountStatus?) {
        func text(_ key: String) -> String?? {
            guard let value = body[key] else { return nil }
            if value is NSNull { return .some(nil) }
            guard let string = value as? String else {
                validation.fail(prefix + key, "Input should be a valid string")
                return nil
            }
            return .some(string)
        }
        var role: Role?
        if let name = text("role") {
            role = name.flatMap(Role.init(rawValue:))
            if role == nil || role == .guest { validation.fail(prefix + "role", "Input should be \(SupportValidation.roles)"); role = nil }
        }
        var status: AccountStatus?
        if let name = text("status") {
            status = name.flatMap(AccountStatus.init(rawValue:))
            if status == nil { validation.fail(prefix + "status", "Input should be \(SupportValidation.statuses)") }
        }
        return (role, text("avatar"), text("description"), status)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let body = try await Self.body(request, context)
        var validation = SupportValidation(request)
        let id = body.string("id") ?? "", username = body.string("username") ?? ""
        if body["id"] == nil { validation.fail("id", "Field required") } else if !(1...50).contains(id.count) {
            validation.fail("id", "String should have at least 1 and at most 50 characters")
        }
        if body["username"] == nil { validation.fail("username", "Field required") } else if username.isEmpty || username.count > 100 {
            validation.fail("username", "String should have at least 1 and at most 100 characters")
        }
        if body["role"] == nil { validation.fail("role", "Field required") }
        let fields = Self.fields(body, &validation)
        try validation.finish()
        do {
            let user = try await self.users.create(NewUser(
                externalID: id, username: username, role: fields.role ?? .buyer, avatar: fields.avatar ?? nil,
                description: fields.description ?? nil, status: fields.status ?? .active, createdAt: Date()
            ))
            return JSONResponse(.ok, self.render.support(user))
        } catch is AuthError {
            throw Self.conflict(request)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let user = try await self.user(context)
        let body = try await Self.body(request, context)
        var validation = SupportValidation(request)
        var username: String?
        if let value = body["username"] {
            if let name = value as? String, (1...100).contains(name.count) {
                username = name
            } else {
                validation.fail("username", value is NSNull || value is String ? "String should have at least 1 and at most 100 characters"
                    : "Input should be a valid string")
            }
        }
        let fields = Self.fields(body, &validation)
        try validation.finish()
        do {
            let changes = UserChanges(username: username, avatar: fields.avatar, role: fields.role, description: fields.description, status: fields.status)
            guard let updated = try await self.users.update(user.id, changes) else { throw Self.notFound }
            return JSONResponse(.ok, self.render.support(updated))
        } catch AuthError.usernameTaken {
            throw Self.conflict(request)
        }
    }

    @Sendable func setStatus(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let user = try await self.user(context)
        guard let name = request.uri.queryParameters["status"].map(String.init) else {
            var validation = SupportValidation(request)
            validation.fail("status", "Field required")
            try validation.finish()
            return JSONResponse(.ok, [:])
        }
        guard name == "active" || name == "inactive", let status = AccountStatus(rawValue: name) else {
            return JSONResponse(.badRequest, ["detail": "Invalid status. Must be 'active' or 'inactive'"])
        }
        guard let updated = try await self.users.update(user.id, UserChanges(status: status)) else { throw Self.notFound }
        return JSONResponse(.ok, self.render.support(updated))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let user = try await self.user(context)
        _ = try await self.users.update(user.id, UserChanges(status: .deleted))
        return JSONResponse(.ok, ["status": "success", "message": "User deleted successfully"])
    }

    /// Generated names and default avatars of `ensure`, by role (contracts/seed004 §4).
    static func defaults(for role: Role) -> (name: String, avatars: [String]) {
        switch role {
        case .buyer: ("买家", ["/api/media/avatars/buyer1.png", "/api/media/avatars/buyer2.png"])
        case .merchant: ("商家", ["/api/media/avatars/merchant1.png", "/api/media/avatars/merchant2.png"])
        case .admin: ("管理员", ["/api/media/avatars/admin.png"])
        case .agent: ("客服", ["/api/media/avatars/service.png"])
        case .auditor: ("审计员", ["/api/media/avatars/admin.png"])
        case .user, .guest: ("用户", ["/api/media/avatars/user1.png"])
        }
    }

    @Sendable func ensure(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let body = try await Self.body(request, context)
        var validation = SupportValidation(request)
        guard let items = body["users"] as? [Any] else {
            validation.fail("users", body["users"] == nil ? "Field required" : "Input should be a valid list")
            try validation.finish()
            return JSONResponse(.ok, [])
        }
        let now = Date()
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        var entries: [EnsuredUser] = []
        for (index, item) in items.enumerated() {
            let prefix = "users.\(index)."
            guard let object = item as? [String: Any] else {
                validation.fail("users.\(index)", "Input should be a valid dictionary or object to extract fields from")
                continue
            }
            let id = object.string("id")
            if id == nil || id!.isEmpty || id!.count > 50 {
                validation.fail(prefix + "id", object["id"] == nil ? "Field required" : "Input should be a valid string")
            }
            if object["role"] == nil { validation.fail(prefix + "role", "Field required") }
            let fields = Self.fields(object, &validation, prefix: prefix)
            if let value = object["username"], !(value is String), !(value is NSNull) { validation.fail(prefix + "username", "Input should be a valid string") }
            guard let id, let role = fields.role else { continue }
            let defaults = Self.defaults(for: role)
            let given = object.string("username") ?? ""
            let avatar = (fields.avatar ?? nil).flatMap { $0.isEmpty ? nil : $0 } ?? defaults.avatars.randomElement()
            entries.append(EnsuredUser(
                NewUser(externalID: id, username: given.isEmpty ? "\(defaults.name)\(millis)" : given, role: role, avatar: avatar,
                        description: fields.description ?? nil, createdAt: now),
                generatedName: given.isEmpty
            ))
        }
        try validation.finish()
        do {
            let users = try await self.users.ensure(entries)
            return JSONResponse(.ok, .array(users.map(self.render.support)))
        } catch is AuthError {
            throw Self.conflict(request)
        }
    }
}
