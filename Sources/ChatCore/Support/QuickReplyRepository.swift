public import Foundation
public import SQLKit
import StorageKit

/// A canned answer a user keeps for customer-service chats (seed 004).
public struct QuickReply: Sendable, Equatable {
    public var id: Int64
    public var userID: ParticipantID
    public var content: String
    public var sortOrder: Int
    public var isActive: Bool
    public var createdAt: Date

    public init(id: Int64, userID: ParticipantID, content: String, sortOrder: Int, isActive: Bool, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.content = content
        self.sortOrder = sortOrder
        self.isActive = isActive
        self.createdAt = createdAt
    }
}

public enum QuickReplyError: Error, Sendable, Equatable {
    /// The user already has ``QuickReplyRepository/limit`` active replies.
    case limitReached
}

/// Quick replies: at most ten active ones per user, soft-deleted.
public protocol QuickReplyRepository: Sendable {
    /// The user's active replies by sort order, then id.
    func replies(of user: ParticipantID) async throws -> [QuickReply]
    /// Adds a reply; throws ``QuickReplyError/limitReached`` at the limit, checked atomically with the insert.
    func create(user: ParticipantID, content: String, sortOrder: Int, at date: Date) async throws -> QuickReply
    func reply(id: Int64) async throws -> QuickReply?
    /// Changes the given fields (active or not); `nil` when there is no such reply.
    func update(id: Int64, content: String?, sortOrder: Int?) async throws -> QuickReply?
    /// Marks the reply inactive; `nil` when there is no such reply.
    func deactivate(id: Int64) async throws -> QuickReply?
}

extension QuickReplyRepository {
    /// Active replies a user may keep.
    public static var limit: Int { 10 }
}

public actor QuickReplyMemoryRepository: QuickReplyRepository {
    private var rows: [Int64: QuickReply] = [:]
    private var nextID: Int64 = 1

    public init() {}

    public func replies(of user: ParticipantID) -> [QuickReply] {
        self.rows.values.filter { $0.userID == user && $0.isActive }
            .sorted { $0.sortOrder != $1.sortOrder ? $0.sortOrder < $1.sortOrder : $0.id < $1.id }
    }

    public func create(user: ParticipantID, content: String, sortOrder: Int, at date: Date) throws -> QuickReply {
        guard self.replies(of: user).count < Self.limit else { throw QuickReplyError.limitReached }
        let reply = QuickReply(id: self.nextID, userID: user, content: content, sortOrder: sortOrder, isActive: true, createdAt: DateParts(date).date)
        self.nextID += 1
        self.rows[reply.id] = reply
        return reply
    }

    public func reply(id: Int64) -> QuickReply? { self.rows[id] }

    public func update(id: Int64, content: String?, sortOrder: Int?) -> QuickReply? {
        guard var reply = self.rows[id] else { return nil }
        if let content { reply.content = content }
        if let sortOrder { reply.sortOrder = sortOrder }
        self.rows[id] = reply
        return reply
    }

    public func deactivate(id: Int64) -> QuickReply? {
        self.rows[id]?.isActive = false
        return self.rows[id]
    }
}

/// Quick replies in `quick_replies`. The limit is checked under a lock on the user's rows (MariaDB) or the write
/// transaction (SQLite), so concurrent requests cannot slip an eleventh past it.
public struct QuickReplySQLRepository: QuickReplyRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = ["id", "user_id", "content", "sort_order", "is_active", "created_at"]
    static let columnList = SQLColumnList(columns)

    static func reply(_ row: any SQLRow) throws -> QuickReply {
        QuickReply(
            id: try row.decode(column: "id", as: Int64.self),
            userID: ParticipantID(try row.decode(column: "user_id", as: Int64.self)),
            content: try row.decode(column: "content", as: String.self),
            sortOrder: try row.decode(column: "sort_order", as: Int.self),
            isActive: try row.decode(column: "is_active", as: Int.self) != 0,
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }

    public func replies(of user: ParticipantID) async throws -> [QuickReply] {
        try await self.database.select().columns(Self.columnList).from("quick_replies")
            .where("user_id", .equal, SQLBind(user.rawValue)).where("is_active", .equal, SQLBind(1))
            .orderBy("sort_order").orderBy("id").all().map(Self.reply)
    }

    public func create(user: ParticipantID, content: String, sortOrder: Int, at date: Date) async throws -> QuickReply {
        let date = DateParts(date).date
        // The user's row in the owners table exists for exactly this lock. It is created on its own first: taking a
        // shared lock by inserting and then upgrading it inside the transaction would deadlock concurrent creators.
        try await self.database.insert(into: "quick_reply_owners").columns("user_id").values(SQLBind(user.rawValue)).ignoringConflicts().run()
        return try await self.database.transaction { tx in
            _ = try await tx.select().column("user_id").from("quick_reply_owners").where("user_id", .equal, SQLBind(user.rawValue))
                .for(.update).first()
            let active =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("quick_replies")
                .where("user_id", .equal, SQLBind(user.rawValue)).where("is_active", .equal, SQLBind(1))
                .first()?.decode(column: "n", as: Int.self) ?? 0
            guard active < Self.limit else { throw QuickReplyError.limitReached }
            let row = try await tx.insert(into: "quick_replies").columns("user_id", "content", "sort_order", "is_active", "created_at")
                .values(SQLBind(user.rawValue), SQLBind(content), SQLBind(sortOrder), SQLBind(1), SQLBind(date)).returning("id").first()
            return QuickReply(
                id: try row!.decode(column: "id", as: Int64.self),
                userID: user,
                content: content,
                sortOrder: sortOrder,
                isActive: true,
                createdAt: date
            )
        }
    }

    public func reply(id: Int64) async throws -> QuickReply? {
        try await self.database.select().columns(Self.columnList).from("quick_replies").where("id", .equal, SQLBind(id)).first().map(Self.reply)
    }

    public func update(id: Int64, content: String?, sortOrder: Int?) async throws -> QuickReply? {
        if content != nil || sortOrder != nil {
            let update = self.database.update("quick_replies").where("id", .equal, SQLBind(id))
            if let content { update.set("content", to: SQLBind(content)) }
            if let sortOrder { update.set("sort_order", to: SQLBind(sortOrder)) }
            try await update.run()
        }
        return try await self.reply(id: id)
    }

    public func deactivate(id: Int64) async throws -> QuickReply? {
        try await self.database.update("quick_replies").set("is_active", to: SQLBind(0)).where("id", .equal, SQLBind(id)).run()
        return try await self.reply(id: id)
    }
}
