public import Foundation
public import SQLKit
import StorageKit

/// Stored presence (seed 003's `users.status`): which users have a live connection on some server process.
/// Each process ("node") keeps a row per user connected to it and one lease for itself, which it renews; a
/// process that dies stops renewing, and its users count as offline once its lease runs out. A user is online
/// while some node with a live lease has a row for it. Renewing is one write per process, whatever the number of
/// users connected to it.
public protocol PresenceStore: Sendable {
    /// `user` has a connection on `node`; the node is alive until at least `until`.
    func setOnline(_ user: ParticipantID, node: UInt64, until: Date) async throws
    /// `user` has no connection left on `node`.
    func setOffline(_ user: ParticipantID, node: UInt64) async throws
    /// The whole truth of `node`: exactly `users` are connected to it, and its lease ends at `until` (renewed, or
    /// ended when it is not after `now`). Also forgets the rows of every node whose lease ran out by `now`.
    func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) async throws
    /// Which of `users` some node with a live lease has a row for.
    func online(_ users: [ParticipantID], at date: Date) async throws -> Set<ParticipantID>
}

/// Presence in memory (one process: tests and embedding).
public actor PresenceMemoryStore: PresenceStore {
    private var leases: [UInt64: Date] = [:]
    private var nodes: [ParticipantID: Set<UInt64>] = [:]

    public init() {}

    public func setOnline(_ user: ParticipantID, node: UInt64, until: Date) {
        self.leases[node] = max(self.leases[node] ?? until, until)
        self.nodes[user, default: []].insert(node)
    }

    public func setOffline(_ user: ParticipantID, node: UInt64) {
        self.nodes[user]?.remove(node)
        if self.nodes[user]?.isEmpty == true { self.nodes[user] = nil }
    }

    public func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) {
        self.leases[node] = until
        let expired = Set(self.leases.filter { $0.value <= now }.keys)
        let connected = Set(users)
        for user in Set(self.nodes.keys).union(connected) {
            var nodes = self.nodes[user] ?? []
            if connected.contains(user) { nodes.insert(node) } else { nodes.remove(node) }
            nodes.subtract(expired)
            self.nodes[user] = nodes.isEmpty ? nil : nodes
        }
        for node in expired { self.leases[node] = nil }
    }

    public func online(_ users: [ParticipantID], at date: Date) -> Set<ParticipantID> {
        Set(users.filter { self.nodes[$0]?.contains { (self.leases[$0] ?? .distantPast) > date } == true })
    }
}

/// Presence in `user_presence` (a row per user and node) and `presence_nodes` (each node's lease).
public struct PresenceSQLStore: PresenceStore {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Node ids are random 64-bit numbers; stored as signed BIGINT.
    static func node(_ node: UInt64) -> Int64 { Int64(bitPattern: node) }

    /// Makes sure `node` has a lease row, then sets its end (`extendOnly`: only if that is later).
    static func lease(_ node: UInt64, until: Date, extendOnly: Bool, on db: any SQLDatabase) async throws {
        let until = DateParts(until).date
        try await db.insert(into: "presence_nodes").columns("node_id", "online_until").values(SQLBind(Self.node(node)), SQLBind(until))
            .ignoringConflicts().run()
        let update = db.update("presence_nodes").set("online_until", to: SQLBind(until)).where("node_id", .equal, SQLBind(Self.node(node)))
        if extendOnly { update.where("online_until", .lessThan, SQLBind(until)) }
        try await update.run()
    }

    public func setOnline(_ user: ParticipantID, node: UInt64, until: Date) async throws {
        try await self.database.transaction { tx in
            try await Self.lease(node, until: until, extendOnly: true, on: tx)
            // `online_until` of a row is no longer read (the node's lease decides); it keeps its NOT NULL.
            try await tx.insert(into: "user_presence").columns("user_id", "node_id", "online_until")
                .values(SQLBind(user.rawValue), SQLBind(Self.node(node)), SQLBind(DateParts(until).date)).ignoringConflicts().run()
        }
    }

    public func setOffline(_ user: ParticipantID, node: UInt64) async throws {
        try await self.database.delete(from: "user_presence").where("user_id", .equal, SQLBind(user.rawValue))
            .where("node_id", .equal, SQLBind(Self.node(node))).run()
    }

    public func sync(node: UInt64, users: [ParticipantID], until: Date, now: Date) async throws {
        let connected = Set(users.map(\.rawValue))
        // What is stored is read first and only the difference written: a renewal with nothing to mend is a
        // few small statements, not a rewrite of every connected user.
        let stored = Set(
            try await self.database.select().column("user_id").from("user_presence")
                .where("node_id", .equal, SQLBind(Self.node(node))).all().map { try $0.decode(column: "user_id", as: Int64.self) }
        )
        let gone = Array(stored.subtracting(connected)).sorted()
        let added = Array(connected.subtracting(stored)).sorted()
        let nowStamp = DateParts(now).date
        let untilStamp = DateParts(until).date
        try await self.database.transaction { tx in
            try await Self.lease(node, until: until, extendOnly: false, on: tx)
            for start in stride(from: 0, to: gone.count, by: 500) {
                try await tx.delete(from: "user_presence").where("node_id", .equal, SQLBind(Self.node(node)))
                    .where("user_id", .in, SQLBind.group(Array(gone[start..<min(start + 500, gone.count)]))).run()
            }
            for start in stride(from: 0, to: added.count, by: 500) {
                let insert = tx.insert(into: "user_presence").columns("user_id", "node_id", "online_until")
                for user in added[start..<min(start + 500, added.count)] {
                    insert.values(SQLBind(user), SQLBind(Self.node(node)), SQLBind(untilStamp))
                }
                try await insert.ignoringConflicts().run()
            }
            // Nodes whose lease ran out (their process died, or ended its lease): their rows and the lease go.
            let expired = try await tx.select().column("node_id").from("presence_nodes")
                .where("online_until", .lessThanOrEqual, SQLBind(nowStamp)).all().map { try $0.decode(column: "node_id", as: Int64.self) }
            if !expired.isEmpty {
                try await tx.delete(from: "user_presence").where("node_id", .in, SQLBind.group(expired)).run()
                try await tx.delete(from: "presence_nodes").where("node_id", .in, SQLBind.group(expired)).run()
            }
        }
    }

    public func online(_ users: [ParticipantID], at date: Date) async throws -> Set<ParticipantID> {
        var online = Set<ParticipantID>()
        let ids = Array(Set(users.map(\.rawValue)))
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = try await self.database.select().distinct().column(SQLColumn("user_id", table: "user_presence")).from("user_presence")
                .join("presence_nodes", on: SQLColumn("node_id", table: "user_presence"), .equal, SQLColumn("node_id", table: "presence_nodes"))
                .where(SQLColumn("user_id", table: "user_presence"), .in, SQLBind.group(Array(ids[start..<min(start + 500, ids.count)])))
                .where(SQLColumn("online_until", table: "presence_nodes"), .greaterThan, SQLBind(DateParts(date).date)).all()
            for row in rows { online.insert(ParticipantID(try row.decode(column: "user_id", as: Int64.self))) }
        }
        return online
    }
}
