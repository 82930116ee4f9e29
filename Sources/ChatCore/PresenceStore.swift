public import Foundation
public import SQLKit
import StorageKit

/// Stored presence (seed 003's `users.status`): which users have a live connection on some server process.
/// Each process ("node") keeps rows for the users connected to it, with a lease it renews; a process that dies
/// stops renewing, and its users count as offline once the lease runs out. A user is online while any node's
/// lease for it holds.
public protocol PresenceStore: Sendable {
    /// `user` has a connection on `node`, until `until` unless renewed.
    func setOnline(_ user: ParticipantID, node: UInt64, until: Date) async throws
    /// `user` has no connection left on `node`.
    func setOffline(_ user: ParticipantID, node: UInt64) async throws
    /// The whole truth of `node`: exactly `users` are connected to it, until `until`. Also forgets expired leases
    /// of every node.
    func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) async throws
    /// Which of `users` some node has a live lease for.
    func online(_ users: [ParticipantID], at date: Date) async throws -> Set<ParticipantID>
}

/// Presence in memory (one process: tests and embedding).
public actor PresenceMemoryStore: PresenceStore {
    private var leases: [ParticipantID: [UInt64: Date]] = [:]

    public init() {}

    public func setOnline(_ user: ParticipantID, node: UInt64, until: Date) {
        self.leases[user, default: [:]][node] = until
    }

    public func setOffline(_ user: ParticipantID, node: UInt64) {
        self.leases[user]?[node] = nil
        if self.leases[user]?.isEmpty == true { self.leases[user] = nil }
    }

    public func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) {
        for user in self.leases.keys { self.leases[user]?[node] = nil }
        for user in users { self.leases[user, default: [:]][node] = until }
        self.leases = self.leases.compactMapValues { nodes in
            let live = nodes.filter { $0.value > now }
            return live.isEmpty ? nil : live
        }
    }

    public func online(_ users: [ParticipantID], at date: Date) -> Set<ParticipantID> {
        Set(users.filter { self.leases[$0]?.values.contains { $0 > date } == true })
    }
}

/// Presence in `user_presence` (user, node, lease end).
public struct PresenceSQLStore: PresenceStore {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Node ids are random 64-bit numbers; stored as signed BIGINT.
    static func node(_ node: UInt64) -> Int64 { Int64(bitPattern: node) }

    public func setOnline(_ user: ParticipantID, node: UInt64, until: Date) async throws {
        let until = DateParts(until).date
        try await self.database.transaction { tx in
            try await tx.delete(from: "user_presence").where("user_id", .equal, SQLBind(user.rawValue))
                .where("node_id", .equal, SQLBind(Self.node(node))).run()
            try await tx.insert(into: "user_presence").columns("user_id", "node_id", "online_until")
                .values(SQLBind(user.rawValue), SQLBind(Self.node(node)), SQLBind(until)).run()
        }
    }

    public func setOffline(_ user: ParticipantID, node: UInt64) async throws {
        try await self.database.delete(from: "user_presence").where("user_id", .equal, SQLBind(user.rawValue))
            .where("node_id", .equal, SQLBind(Self.node(node))).run()
    }

    public func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) async throws {
        let until = DateParts(until).date
        let users = Array(Set(users)).sorted()
        try await self.database.transaction { tx in
            try await tx.delete(from: "user_presence").where("node_id", .equal, SQLBind(Self.node(node))).run()
            try await tx.delete(from: "user_presence").where("online_until", .lessThanOrEqual, SQLBind(DateParts(now).date)).run()
            for start in stride(from: 0, to: users.count, by: 500) {
                let insert = tx.insert(into: "user_presence").columns("user_id", "node_id", "online_until")
                for user in users[start..<min(start + 500, users.count)] {
                    insert.values(SQLBind(user.rawValue), SQLBind(Self.node(node)), SQLBind(until))
                }
                try await insert.run()
            }
        }
    }

    public func online(_ users: [ParticipantID], at date: Date) async throws -> Set<ParticipantID> {
        var online = Set<ParticipantID>()
        let ids = Array(Set(users.map(\.rawValue)))
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = try await self.database.select().distinct().column("user_id").from("user_presence")
                .where("user_id", .in, SQLBind.group(Array(ids[start..<min(start + 500, ids.count)])))
                .where("online_until", .greaterThan, SQLBind(DateParts(date).date)).all()
            for row in rows { online.insert(ParticipantID(try row.decode(column: "user_id", as: Int64.self))) }
        }
        return online
    }
}
