import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// Seed 004's `/api/users` routes (contracts/seed004 §4 and §10): anyone signed in reads; only admins create,
/// change, delete and ensure.
struct UsersController<Context: RapportRequestContext> {
    let users: any UserRepository
    let render: UserRenderer
    /// Told of the accounts `POST /api/users` and `/api/users/ensure` answered with, new or not (the program joins
    /// them to the public channel).
    let provisioned: @Sendable ([User]) async throws -> Void
    /// Ends the sessions of an account that was deleted, deactivated or given another role.
    let accessChanged: @Sendable (UserID) async throws -> Void

    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: self.list)
        group.post(use: self.create)
        group.post("ensure", use: self.ensure)
        group.get("{user_id}", use: self.get)
        group.put("{user_id}", use: self.update)
        group.patch("{user_id}/status", use: self.setStatus)
        group.delete("{user_id}", use: self.delete)
    }

    static var notFound: JSONResponse { JSONResponse(.notFound, ["detail": "User not found"]) }

    func requireAdmin(_ context: Context) throws {
        guard try context.identity(.fastAPI).role == .admin else { throw SupportAPI.adminOnly }
    }

    func user(_ context: Context) async throws -> User {
        guard let user = try await self.render.resolve(context.parameters.get("user_id") ?? "", in: self.users) else { throw Self.notFound }
        return user
    }

    static func conflict(_ request: Request) -> JSONResponse {
        JSONResponse(.conflict, ["detail": "数据已存在，违反唯一性约束", "error_type": "integrity_error", "path": .string(request.uri.path)])
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> JSONResponse {
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

    @Sendable func get(_ request: Request, context: Context) async throws -> JSONResponse {
        _ = try context.identity(.fastAPI)
        return JSONResponse(.ok, self.render.support(try await self.user(context)))
    }

    /// `POST /api/users/`: `UserCreate`.
    struct CreateBody: Decodable {
        var id: String
        var username: String
        var role: SupportRole
        var avatar: Nullable<String>?
        var description: Nullable<String>?
        var status: AccountStatus?
    }

    /// `PUT /api/users/{id}`: `UserUpdate`, every field optional.
    struct UpdateBody: Decodable {
        var username: Nullable<String>?
        var role: SupportRole?
        var avatar: Nullable<String>?
        var description: Nullable<String>?
        var status: AccountStatus?
    }

    /// `POST /api/users/ensure`: `{"users": [EnsureUser, …]}`.
    struct EnsureBody: Decodable {
        struct Entry: Decodable {
            var id: String
            var role: SupportRole
            var username: Nullable<String>?
            var avatar: Nullable<String>?
            var description: Nullable<String>?
        }

        var users: [Entry]
    }

    /// pydantic's length rule, counted as Python counts a `str` (code points, not grapheme clusters) — and as
    /// MariaDB counts a `VARCHAR(n)`, so nothing that passes is too long for its column.
    static func checkLength(_ text: String?, _ field: String, _ range: ClosedRange<Int>, _ validation: inout SupportValidation) {
        guard !validation.hasProblem(field), let text, !range.contains(text.unicodeScalars.count) else { return }
        if range.lowerBound == 0 {
            validation.fail(field, "String should have at most \(range.upperBound) characters")
        } else {
            validation.fail(field, "String should have at least \(range.lowerBound) and at most \(range.upperBound) characters")
        }
    }

    /// The columns' own limits on the optional fields (the seed sets none; a longer value could not be stored):
    /// an avatar URL of at most 255 characters, a description of at most 16,000.
    static func checkStoredLimits(avatar: String?, description: String?, prefix: String, _ validation: inout SupportValidation) {
        Self.checkLength(avatar, prefix + "avatar", 0...255, &validation)
        Self.checkLength(description, prefix + "description", 0...16_000, &validation)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.requireAdmin(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(CreateBody.self, request, context)
        Self.checkLength(body.id, "id", 1...50, &validation)
        Self.checkLength(body.username, "username", 1...100, &validation)
        Self.checkStoredLimits(avatar: body.avatar?.value, description: body.description?.value, prefix: "", &validation)
        try validation.finish()
        do {
            let user = try await self.users.create(
                NewUser(
                    externalID: body.id,
                    username: body.username,
                    role: body.role.role,
                    avatar: body.avatar?.value,
                    description: body.description?.value,
                    status: body.status ?? .active,
                    createdAt: Date()
                )
            )
            try await self.provisioned([user])
            return JSONResponse(.ok, self.render.support(user))
        } catch is AuthError {
            throw Self.conflict(request)
        }
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let user = try await self.user(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(UpdateBody.self, request, context)
        if let username = body.username {
            Self.checkLength(username.value ?? "", "username", 1...100, &validation)
        }
        Self.checkStoredLimits(avatar: body.avatar?.value, description: body.description?.value, prefix: "", &validation)
        try validation.finish()
        do {
            let changes = UserChanges(
                username: body.username?.value,
                avatar: body.avatar.map(\.value),
                role: body.role?.role,
                description: body.description.map(\.value),
                status: body.status
            )
            guard let updated = try await self.users.update(user.id, changes) else { throw Self.notFound }
            // Any role given (a retry after a failed revoke finds the role already changed) or an account no longer
            // active ends its sessions.
            if updated.status != .active || body.role != nil { try await self.accessChanged(user.id) }
            return JSONResponse(.ok, self.render.support(updated))
        } catch AuthError.usernameTaken {
            throw Self.conflict(request)
        }
    }

    @Sendable func setStatus(_ request: Request, context: Context) async throws -> JSONResponse {
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
        if updated.status != .active { try await self.accessChanged(user.id) }
        return JSONResponse(.ok, self.render.support(updated))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.requireAdmin(context)
        let user = try await self.user(context)
        _ = try await self.users.update(user.id, UserChanges(status: .deleted))
        try await self.accessChanged(user.id)
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

    @Sendable func ensure(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.requireAdmin(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(EnsureBody.self, request, context)
        for (index, entry) in body.users.enumerated() {
            Self.checkLength(entry.id, "users.\(index).id", 1...50, &validation)
            // Empty or missing: a generated name.
            Self.checkLength(entry.username?.value, "users.\(index).username", 0...100, &validation)
            Self.checkStoredLimits(avatar: entry.avatar?.value, description: entry.description?.value, prefix: "users.\(index).", &validation)
        }
        try validation.finish()
        let now = Date()
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        let entries = body.users.map { entry in
            let defaults = Self.defaults(for: entry.role.role)
            let given = entry.username?.value ?? ""
            let avatar = entry.avatar?.value.flatMap { $0.isEmpty ? nil : $0 } ?? defaults.avatars.randomElement()
            return EnsuredUser(
                NewUser(
                    externalID: entry.id,
                    username: given.isEmpty ? "\(defaults.name)\(millis)" : given,
                    role: entry.role.role,
                    avatar: avatar,
                    description: entry.description?.value,
                    createdAt: now
                ),
                generatedName: given.isEmpty
            )
        }
        do {
            let users = try await self.users.ensure(entries)
            try await self.provisioned(users)
            return JSONResponse(.ok, .array(users.map(self.render.support)))
        } catch is AuthError {
            throw Self.conflict(request)
        }
    }
}
