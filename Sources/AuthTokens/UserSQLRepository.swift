public import Foundation
public import SQLKit
import StorageKit

/// Accounts in the `users` table, on any SQLKit database.
public struct UserSQLRepository: UserRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = [
        "id", "external_id", "username", "email", "password_hash", "role", "avatar", "description", "status",
        "created_at", "last_seen",
    ]
    static let columnList = SQLColumnList(columns)

    /// Read by column name directly (chat routes look the caller up on every request).
    static func user(_ row: any SQLRow) throws -> User {
        User(
            id: UserID(try row.decode(column: "id", as: Int64.self)),
            externalID: try row.decode(column: "external_id", as: String?.self),
            username: try row.decode(column: "username", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .user,
            avatar: try row.decode(column: "avatar", as: String?.self),
            description: try row.decode(column: "description", as: String?.self),
            status: AccountStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeen: try row.decode(column: "last_seen", as: Date?.self)
        )
    }

    public func create(_ new: NewUser) async throws -> User {
        do {
            let row = try await self.database.insert(into: "users")
                .columns(
                    "external_id",
                    "username",
                    "username_key",
                    "email",
                    "email_key",
                    "password_hash",
                    "role",
                    "avatar",
                    "description",
                    "status",
                    "created_at",
                    "last_seen"
                )
                .values(
                    SQLBind(new.externalID),
                    SQLBind(new.username),
                    SQLBind(lookupKey(new.username)),
                    SQLBind(new.email),
                    SQLBind(new.email.map(lookupKey)),
                    SQLBind(new.passwordHash),
                    SQLBind(new.role.rawValue),
                    SQLBind(new.avatar),
                    SQLBind(new.description),
                    SQLBind(new.status.rawValue),
                    SQLBind(new.createdAt),
                    SQLBind(new.lastSeen)
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StorageError(.query, "the insert returned no id")
            }
            return new.user(id: UserID(id))
        } catch let error as StorageError where error.kind == .duplicate {
            // Name the clashing field; the constraint text differs between databases, a lookup does not.
            if try await self.usernameExists(new.username) { throw AuthError.usernameTaken }
            if let email = new.email, try await self.emailExists(email) { throw AuthError.emailTaken }
            throw AuthError.externalIDTaken
        }
    }

    /// The user whose `column` (a name written in this file) equals `value`: every token check of seed 004's
    /// routes reads here.
    private func first(where column: StaticString, equals value: some SQLTextValue) async throws -> User? {
        try await self.database.first("SELECT \(Self.columnList) FROM users WHERE \(unsafeRaw: "\(column)") = \(bind: value) LIMIT 1")
            .map(Self.user)
    }

    public func user(id: UserID) async throws -> User? { try await self.first(where: "id", equals: id.rawValue) }

    public func user(externalID: String) async throws -> User? { try await self.first(where: "external_id", equals: externalID) }

    public func user(identifier: String) async throws -> User? {
        let key = lookupKey(identifier)
        if let user = try await self.first(where: "username_key", equals: key) { return user }
        return try await self.first(where: "email_key", equals: key)
    }

    public func usernameExists(_ username: String) async throws -> Bool {
        try await self.database.select().column("id").from("users")
            .where("username_key", .equal, SQLBind(lookupKey(username))).first() != nil
    }

    public func emailExists(_ email: String) async throws -> Bool {
        try await self.database.select().column("id").from("users")
            .where("email_key", .equal, SQLBind(lookupKey(email))).first() != nil
    }

    public func setPasswordHash(_ hash: String, for id: UserID) async throws {
        try await self.database.update("users").set("password_hash", to: SQLBind(hash))
            .where("id", .equal, SQLBind(id.rawValue)).run()
    }

    public func users(ids: [UserID]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        return try await self.database.all("SELECT \(Self.columnList) FROM users WHERE id IN (\(binds: ids.map(\.rawValue)))")
            .map(Self.user)
    }

    public func users(usernameContaining fragment: String, limit: Int) async throws -> [User] {
        try await self.database.select().columns(Self.columnList).from("users")
            .where(SQLColumn("username_key"), .like, SQLContainsPattern(lookupKey(fragment)))
            .orderBy("id").limit(limit).all().map(Self.user)
    }

    public func setLastSeen(_ date: Date, for id: UserID) async throws {
        try await self.database.update("users").set("last_seen", to: SQLBind(date))
            .where("id", .equal, SQLBind(id.rawValue)).run()
    }

    public func users(role: Role?, offset: Int, limit: Int) async throws -> (users: [User], total: Int) {
        let count = self.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users")
        let page = self.database.select().columns(Self.columnList).from("users")
        if let role {
            count.where("role", .equal, SQLBind(role.rawValue))
            page.where("role", .equal, SQLBind(role.rawValue))
        }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let users = try await page.orderBy("id").limit(max(limit, 0)).offset(max(offset, 0)).all().map(Self.user)
        return (users, total)
    }

    public func update(_ id: UserID, _ changes: UserChanges) async throws -> User? {
        let update = self.database.update("users").where("id", .equal, SQLBind(id.rawValue))
        var any = false
        if let username = changes.username {
            update.set("username", to: SQLBind(username)).set("username_key", to: SQLBind(lookupKey(username)))
            any = true
        }
        if let email = changes.email {
            update.set("email", to: SQLBind(email)).set("email_key", to: SQLBind(email.map(lookupKey)))
            any = true
        }
        if let avatar = changes.avatar {
            update.set("avatar", to: SQLBind(avatar))
            any = true
        }
        if let hash = changes.passwordHash {
            update.set("password_hash", to: SQLBind(hash))
            any = true
        }
        if let role = changes.role {
            update.set("role", to: SQLBind(role.rawValue))
            any = true
        }
        if let description = changes.description {
            update.set("description", to: SQLBind(description))
            any = true
        }
        if let status = changes.status {
            update.set("status", to: SQLBind(status.rawValue))
            any = true
        }
        if any {
            do {
                try await update.run()
            } catch let error as StorageError where error.kind == .duplicate {
                // Name the clashing field: another account holds the name or the address.
                if let username = changes.username, let holder = try await self.user(identifier: username),
                    holder.id != id, lookupKey(holder.username) == lookupKey(username)
                {
                    throw AuthError.usernameTaken
                }
                if changes.email != nil { throw AuthError.emailTaken }
                throw AuthError.usernameTaken
            }
        }
        return try await self.user(id: id)
    }

    public func ensure(_ entries: [EnsuredUser]) async throws -> [User] {
        try await self.database.transaction { tx in
            let repository = UserSQLRepository(database: tx)
            var result: [User] = []
            for entry in entries {
                if let external = entry.user.externalID, let existing = try await repository.user(externalID: external) {
                    result.append(existing)
                    continue
                }
                var new = entry.user
                if entry.generatedName {
                    new.username = try await freeUsername(new.username) { try await repository.usernameExists($0) }
                }
                result.append(try await repository.create(new))
            }
            return result
        }
    }
}
