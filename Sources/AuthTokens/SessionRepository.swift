public import Foundation
public import SQLKit
import StorageKit

/// Where login sessions live.
public protocol SessionRepository: Sendable {
    func create(_ session: Session) async throws
    func session(id: String) async throws -> Session?
    /// The user's sessions that are neither revoked nor expired at `date`, newest first.
    func activeSessions(of user: UserID, at date: Date) async throws -> [Session]
    /// Revokes one session; false when it did not exist or was already revoked.
    @discardableResult func revoke(id: String, at date: Date) async throws -> Bool
    /// Revokes every active session of `user` except `keeping`; returns how many.
    @discardableResult func revokeAll(of user: UserID, keeping: String?, at date: Date) async throws -> Int
}

public actor SessionMemoryRepository: SessionRepository {
    private var sessions: [String: Session] = [:]

    public init() {}

    public func create(_ session: Session) { self.sessions[session.id] = session }

    public func session(id: String) -> Session? { self.sessions[id] }

    public func activeSessions(of user: UserID, at date: Date) -> [Session] {
        self.sessions.values.filter { $0.userID == user && $0.isActive(at: date) }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    public func revoke(id: String, at date: Date) -> Bool {
        guard let session = self.sessions[id], session.revokedAt == nil else { return false }
        self.sessions[id]?.revokedAt = date
        return true
    }

    public func revokeAll(of user: UserID, keeping: String?, at date: Date) -> Int {
        var count = 0
        for (id, session) in self.sessions where session.userID == user && session.revokedAt == nil && id != keeping {
            self.sessions[id]?.revokedAt = date
            count += 1
        }
        return count
    }
}

/// Sessions in the `auth_sessions` table.
public struct SessionSQLRepository: SessionRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Read by column name directly: every authenticated request looks its session up.
    static func session(_ row: any SQLRow) throws -> Session {
        Session(
            id: try row.decode(column: "id", as: String.self),
            userID: try row.decode(column: "user_id", as: Int64?.self).map(UserID.init),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            ipAddress: try row.decode(column: "ip_address", as: String.self),
            userAgent: try row.decode(column: "user_agent", as: String.self)
        )
    }

    static let columns = ["id", "user_id", "created_at", "expires_at", "revoked_at", "ip_address", "user_agent"]
    static let columnList = SQLColumnList(columns)

    public func create(_ session: Session) async throws {
        try await self.database.insert(into: "auth_sessions").columns(Self.columnList)
            .values(
                SQLBind(session.id),
                SQLBind(session.userID?.rawValue),
                SQLBind(session.createdAt),
                SQLBind(session.expiresAt),
                SQLBind(session.revokedAt),
                SQLBind(String(session.ipAddress.prefix(64))),
                SQLBind(String(session.userAgent.prefix(255)))
            )
            .run()
    }

    public func session(id: String) async throws -> Session? {
        // Every request's token is checked here: plain SQL, the same on every dialect, cheap to serialize.
        try await self.database.first("SELECT \(Self.columnList) FROM auth_sessions WHERE id = \(bind: id) LIMIT 1").map(Self.session)
    }

    public func activeSessions(of user: UserID, at date: Date) async throws -> [Session] {
        try await self.database.select().columns(Self.columnList).from("auth_sessions")
            .where("user_id", .equal, SQLBind(user.rawValue))
            .where("revoked_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, SQLBind(date))
            .orderBy("created_at", .descending).orderBy("id", .descending)
            .all().map(Self.session)
    }

    public func revoke(id: String, at date: Date) async throws -> Bool {
        // MariaDB has no UPDATE … RETURNING: read, then update only a still-unrevoked row, in one transaction.
        try await self.database.transaction { tx in
            let current = try await tx.select().column("revoked_at").from("auth_sessions").where("id", .equal, SQLBind(id))
                .first()
            guard let current, try current.decodeNil(column: "revoked_at") else { return false }
            try await tx.update("auth_sessions").set("revoked_at", to: SQLBind(date)).where("id", .equal, SQLBind(id)).run()
            return true
        }
    }

    public func revokeAll(of user: UserID, keeping: String?, at date: Date) async throws -> Int {
        try await self.database.transaction { tx in
            let open = tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("auth_sessions")
                .where("user_id", .equal, SQLBind(user.rawValue)).where("revoked_at", .is, SQLLiteral.null)
            let update = tx.update("auth_sessions").set("revoked_at", to: SQLBind(date))
                .where("user_id", .equal, SQLBind(user.rawValue)).where("revoked_at", .is, SQLLiteral.null)
            if let keeping {
                open.where("id", .notEqual, SQLBind(keeping))
                update.where("id", .notEqual, SQLBind(keeping))
            }
            let count = try await open.first()?.decode(column: "n", as: Int.self) ?? 0
            try await update.run()
            return count
        }
    }
}
