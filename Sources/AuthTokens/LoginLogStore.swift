public import Foundation
public import SQLKit
import StorageKit

/// The login log (seed 003): every attempt with its outcome. The login throttle reads its recent failures,
/// so the throttle holds across server processes sharing one database.
public protocol LoginLogStore: Sendable {
    func record(_ attempt: LoginAttempt) async throws
    /// Failed attempts on `identifier` from `ipAddress` since `since` that came after the identifier's last
    /// successful login, oldest first.
    func failures(identifier: String, ipAddress: String, since: Date) async throws -> [Date]
    /// Failed attempts from `ipAddress` on any identifier since `since`, oldest first.
    func failures(ipAddress: String, since: Date) async throws -> [Date]
    /// The newest attempts first, for inspection.
    func recent(limit: Int) async throws -> [LoginAttempt]
    /// One account's attempts, newest first, a page at a time, and how many it has in all.
    func attempts(of user: UserID, offset: Int, limit: Int) async throws -> (total: Int, attempts: [LoginAttempt])
}

public actor LoginLogMemoryStore: LoginLogStore {
    private var attempts: [LoginAttempt] = []

    public init() {}

    public func record(_ attempt: LoginAttempt) { self.attempts.append(attempt) }

    public func failures(identifier: String, ipAddress: String, since: Date) -> [Date] {
        let lastSuccess = self.attempts.last { $0.identifier == identifier && $0.succeeded }?.time ?? .distantPast
        return self.attempts
            .filter { !$0.succeeded && $0.identifier == identifier && $0.ipAddress == ipAddress && $0.time >= since && $0.time > lastSuccess }
            .map(\.time)
    }

    public func failures(ipAddress: String, since: Date) -> [Date] {
        self.attempts.filter { !$0.succeeded && $0.ipAddress == ipAddress && $0.time >= since }.map(\.time)
    }

    public func recent(limit: Int) -> [LoginAttempt] { Array(self.attempts.suffix(limit).reversed()) }

    public func attempts(of user: UserID, offset: Int, limit: Int) -> (total: Int, attempts: [LoginAttempt]) {
        let mine = self.attempts.filter { $0.userID == user }.reversed()
        return (mine.count, Array(mine.dropFirst(max(0, offset)).prefix(max(0, limit))))
    }
}

/// The login log in the `login_logs` table.
public struct LoginLogSQLStore: LoginLogStore {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    public func record(_ attempt: LoginAttempt) async throws {
        try await self.database.insert(into: "login_logs")
            .columns("user_id", "identifier", "ip_address", "device_info", "login_time", "status")
            .values(
                SQLBind(attempt.userID.rawValue),
                SQLBind(String(attempt.identifier.prefix(191))),
                SQLBind(String(attempt.ipAddress.prefix(64))),
                SQLBind(String(attempt.userAgent.prefix(255))),
                SQLBind(attempt.time),
                SQLBind(attempt.succeeded ? "success" : "failed")
            )
            .run()
    }

    struct TimeRow: Decodable { let login_time: Date }

    public func failures(identifier: String, ipAddress: String, since: Date) async throws -> [Date] {
        let lastSuccess = try await self.database.select().column("login_time").from("login_logs")
            .where("identifier", .equal, SQLBind(identifier)).where("status", .equal, SQLBind("success"))
            .where("login_time", .greaterThanOrEqual, SQLBind(since))
            .orderBy("login_time", .descending).limit(1).first(decoding: TimeRow.self)?.login_time
        return try await self.database.select().column("login_time").from("login_logs")
            .where("identifier", .equal, SQLBind(identifier)).where("ip_address", .equal, SQLBind(ipAddress))
            .where("status", .equal, SQLBind("failed"))
            .where("login_time", .greaterThan, SQLBind(max(since, lastSuccess ?? .distantPast)))
            .orderBy("login_time").all(decoding: TimeRow.self).map(\.login_time)
    }

    public func failures(ipAddress: String, since: Date) async throws -> [Date] {
        try await self.database.select().column("login_time").from("login_logs")
            .where("ip_address", .equal, SQLBind(ipAddress)).where("status", .equal, SQLBind("failed"))
            .where("login_time", .greaterThanOrEqual, SQLBind(since))
            .orderBy("login_time").all(decoding: TimeRow.self).map(\.login_time)
    }

    struct Row: Decodable {
        let user_id: Int64
        let identifier: String
        let ip_address: String
        let device_info: String
        let login_time: Date
        let status: String

        var attempt: LoginAttempt {
            LoginAttempt(
                userID: UserID(self.user_id),
                identifier: self.identifier,
                ipAddress: self.ip_address,
                userAgent: self.device_info,
                time: self.login_time,
                succeeded: self.status == "success"
            )
        }
    }

    public func recent(limit: Int) async throws -> [LoginAttempt] {
        try await self.database.select()
            .columns("user_id", "identifier", "ip_address", "device_info", "login_time", "status")
            .from("login_logs").orderBy("id", .descending).limit(limit).all(decoding: Row.self)
            .map(\.attempt)
    }

    struct Count: Decodable { let total: Int }

    public func attempts(of user: UserID, offset: Int, limit: Int) async throws -> (total: Int, attempts: [LoginAttempt]) {
        let total =
            try await self.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total").from("login_logs")
            .where("user_id", .equal, SQLBind(user.rawValue)).first(decoding: Count.self)?.total ?? 0
        let page = try await self.database.select()
            .columns("user_id", "identifier", "ip_address", "device_info", "login_time", "status")
            .from("login_logs").where("user_id", .equal, SQLBind(user.rawValue))
            .orderBy("login_time", .descending).orderBy("id", .descending)
            .limit(max(0, limit)).offset(max(0, offset)).all(decoding: Row.self)
        return (total, page.map(\.attempt))
    }
}
