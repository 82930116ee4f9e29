public import Foundation
import Metrics
public import SQLKit
import StorageKit

/// Conversations and messages in SQL. A message's sequence number comes from its conversation's `last_seq`,
/// read under a row lock (MariaDB) or the write transaction (SQLite) and advanced in the same transaction, so
/// concurrent senders — in one process or several — never share or skip a number; `UNIQUE(conversation_id, seq)`
/// stands behind it.
public struct MessageSQLRepository: MessageRepository {
    let database: any SQLDatabase
    /// Direct conversations found, by their pair: a pair's conversation, once it exists, is never deleted or
    /// moved (only the public channel's migration moves one, before anything is served), so every send and history
    /// page after the first skips that lookup. Only found ones are kept: another process may create one at any time.
    let directConversations = DirectConversationCache()

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = ["id", "conversation_id", "seq", "sender_id", "content", "message_type", "client_msg_id", "created_at", "attachment_id"]
    static let columnList = SQLColumnList(columns)

    /// A message selected with ``columnList``, read by position.
    static func message(reading row: some StorageRowReader) throws -> Message {
        Message(
            id: try row.int64(at: 0),
            conversationID: ConversationID(try row.int64(at: 1)),
            seq: try row.int64(at: 2),
            senderID: ParticipantID(try row.int64(at: 3)),
            content: try row.string(at: 4),
            type: MessageType(rawValue: try row.string(at: 5)) ?? .text,
            clientMessageID: try row.optionalString(at: 6),
            createdAt: try row.date(at: 7),
            attachmentID: try row.optionalInt64(at: 8)
        )
    }

    static func message(_ row: any SQLRow) throws -> Message {
        if let row = row as? StorageRow, row.columns.names == Self.columns {
            // A page selected with ``columnList``: read by position.
            return try Self.message(reading: row)
        }
        return Message(
            id: try row.decode(column: "id", as: Int64.self),
            conversationID: ConversationID(try row.decode(column: "conversation_id", as: Int64.self)),
            seq: try row.decode(column: "seq", as: Int64.self),
            senderID: ParticipantID(try row.decode(column: "sender_id", as: Int64.self)),
            content: try row.decode(column: "content", as: String.self),
            type: MessageType(rawValue: try row.decode(column: "message_type", as: String.self)) ?? .text,
            clientMessageID: try row.decode(column: "client_msg_id", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            attachmentID: try row.decode(column: "attachment_id", as: Int64?.self)
        )
    }

    static func directKey(_ a: ParticipantID, _ b: ParticipantID) -> String { "\(min(a, b).rawValue):\(max(a, b).rawValue)" }

    public func existingDirectConversation(between a: ParticipantID, and b: ParticipantID) async throws -> ConversationID? {
        if let known = self.directConversations[a, b] { return known }
        let found = try await self.database.first("SELECT id FROM conversations WHERE direct_key = \(bind: Self.directKey(a, b)) LIMIT 1")
            .map { ConversationID(try $0.decode(column: "id", as: Int64.self)) }
        if let found { self.directConversations[a, b] = found }
        return found
    }

    public func directConversation(between a: ParticipantID, and b: ParticipantID, at date: Date) async throws -> ConversationID {
        if let id = try await self.existingDirectConversation(between: a, and: b) { return id }
        do {
            return try await self.database.transaction { tx in
                let row = try await tx.insert(into: "conversations").columns("kind", "direct_key", "last_seq", "created_at")
                    .values(SQLBind(ConversationKind.direct.rawValue), SQLBind(Self.directKey(a, b)), SQLBind(0), SQLBind(date))
                    .returning("id").first()
                let id = try row!.decode(column: "id", as: Int64.self)
                for member in Set([a, b]) {
                    try await tx.insert(into: "conversation_members").columns("conversation_id", "user_id", "read_seq", "joined_at")
                        .values(SQLBind(id), SQLBind(member.rawValue), SQLBind(0), SQLBind(date)).run()
                }
                return ConversationID(id)
            }
        } catch let error as StorageError where error.kind == .duplicate {
            // Another sender created it at the same moment.
            guard let id = try await self.existingDirectConversation(between: a, and: b) else { throw error }
            return id
        }
    }

    private func stored(sender: ParticipantID, clientMessageID: String, on db: any SQLDatabase) async throws -> Message? {
        try await db.select().columns(Self.columnList).from("messages")
            .where("sender_id", .equal, SQLBind(sender.rawValue)).where("client_msg_id", .equal, SQLBind(clientMessageID))
            .first().map(Self.message)
    }

    public func append(_ new: NewMessage, to conversation: ConversationID, at time: Date) async throws -> SendResult {
        // Stored with microseconds: the returned message must equal the one a retry reads back.
        let date = DateParts(time).date
        do {
            // Two statements: the conversation's counter moves on (taking its row lock), and the message is
            // inserted with the new value. A client id the sender used before fails the insert as a duplicate,
            // and the stored message is the answer (below). Plain SQL, the same on every dialect, and cheap to
            // serialize: this is the hottest write path.
            let sent = try await self.database.transaction { tx in
                try await tx.run(
                    """
                    UPDATE conversations SET last_seq = last_seq + 1, last_message_at = \(bind: date) WHERE id = \(bind: conversation.rawValue)
                    """
                )
                guard
                    let row = try await tx.first(
                        """
                        INSERT INTO messages (conversation_id, seq, sender_id, content, message_type, client_msg_id, created_at, attachment_id) \
                        SELECT id, last_seq, \(bind: new.senderID.rawValue), \(bind: new.content), \(bind: new.type.rawValue), \
                        \(bind: new.clientMessageID), \(bind: date), \(bind: new.attachmentID) FROM conversations WHERE id = \(bind: conversation.rawValue) RETURNING id, seq
                        """
                    )
                else { throw ChatError.conversationNotFound }
                return SendResult(
                    message: Message(
                        id: try row.decode(column: "id", as: Int64.self),
                        conversationID: conversation,
                        seq: try row.decode(column: "seq", as: Int64.self),
                        senderID: new.senderID,
                        content: new.content,
                        type: new.type,
                        clientMessageID: new.clientMessageID,
                        createdAt: date,
                        attachmentID: new.attachmentID
                    ),
                    created: true
                )
            }
            // Committed (inside a caller's transaction, committed with it).
            Counter(label: "rapport_messages_stored_total").increment()
            return sent
        } catch let error as StorageError where error.kind == .duplicate {
            // The same client id raced in from another request: the one that won is the answer.
            guard let clientID = new.clientMessageID,
                let found = try await self.stored(sender: new.senderID, clientMessageID: clientID, on: self.database)
            else { throw error }
            return SendResult(message: found, created: false)
        }
    }

    public func messages(in conversation: ConversationID, limit: Int, offset: Int, beforeSeq: Int64?, afterSeq: Int64?) async throws -> [Message] {
        // Every history page reads here: plain SQL, cheap to serialize.
        var sql: SQLText = "SELECT \(Self.columnList) FROM messages WHERE conversation_id = \(bind: conversation.rawValue)"
        if let beforeSeq { sql += " AND seq < \(bind: beforeSeq)" }
        if let afterSeq {
            sql += " AND seq > \(bind: afterSeq) ORDER BY seq LIMIT \(bind: max(limit, 0))"
        } else {
            sql += " ORDER BY seq DESC LIMIT \(bind: max(limit, 0)) OFFSET \(bind: max(offset, 0))"
        }
        var messages: [Message] = []
        messages.reserveCapacity(min(max(limit, 0), 200))
        try await self.database.forEachRow(sql) { row in messages.append(try Self.message(reading: row)) }
        return afterSeq == nil ? messages : messages.reversed()
    }

    public func messageCount(in conversation: ConversationID) async throws -> Int {
        // Sequence numbers have no gaps, so the last one is the count.
        let row = try await self.database.select().column("last_seq").from("conversations")
            .where("id", .equal, SQLBind(conversation.rawValue)).first()
        return Int(try row?.decode(column: "last_seq", as: Int64.self) ?? 0)
    }

    public func lastMessage(in conversation: ConversationID) async throws -> Message? {
        try await self.database.select().columns(Self.columnList).from("messages")
            .where("conversation_id", .equal, SQLBind(conversation.rawValue)).orderBy("seq", .descending).limit(1)
            .first().map(Self.message)
    }

    public func readSeq(of member: ParticipantID, in conversation: ConversationID) async throws -> Int64 {
        let row = try await self.database.select().column("read_seq").from("conversation_members")
            .where("conversation_id", .equal, SQLBind(conversation.rawValue)).where("user_id", .equal, SQLBind(member.rawValue)).first()
        return try row?.decode(column: "read_seq", as: Int64.self) ?? 0
    }

    public func contacts(of user: ParticipantID) async throws -> [ParticipantID] {
        try await self.database.select().distinct().column(SQLColumn("user_id", table: "o")).from(
            SQLAlias(SQLIdentifier("conversation_members"), as: SQLIdentifier("m"))
        )
        .join(
            SQLAlias(SQLIdentifier("conversation_members"), as: SQLIdentifier("o")),
            method: SQLJoinMethod.inner,
            on: SQLColumn("conversation_id", table: "o"),
            .equal,
            SQLColumn("conversation_id", table: "m")
        )
        .where(SQLColumn("user_id", table: "m"), .equal, SQLBind(user.rawValue))
        .where(SQLColumn("conversation_id", table: "m"), .notEqual, SQLBind(ChatGroup.publicChannelID.rawValue))
        .where(SQLColumn("user_id", table: "o"), .notEqual, SQLBind(user.rawValue))
        .all().map { ParticipantID(try $0.decode(column: "user_id", as: Int64.self)) }.sorted()
    }

    public func sharesAttachment(_ attachmentID: Int64, with user: ParticipantID) async throws -> Bool {
        try await self.database.raw(
            """
            SELECT 1 AS found FROM messages m
            JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = \(bind: user.rawValue)
            WHERE m.attachment_id = \(bind: attachmentID) LIMIT 1
            """
        ).first() != nil
    }

    public func members(of conversation: ConversationID) async throws -> [ParticipantID] {
        try await self.database.select().column("user_id").from("conversation_members")
            .where("conversation_id", .equal, SQLBind(conversation.rawValue)).orderBy("user_id").all()
            .map { ParticipantID(try $0.decode(column: "user_id", as: Int64.self)) }
    }

    public func readPositions(in conversation: ConversationID) async throws -> ReadPositions {
        let rows = try await self.database.all(
            """
            SELECT c.last_seq AS last_seq, m.user_id AS user_id, m.read_seq AS read_seq
            FROM conversations c LEFT JOIN conversation_members m ON m.conversation_id = c.id
            WHERE c.id = \(bind: conversation.rawValue)
            """
        )
        var positions = ReadPositions(lastSeq: 0, readSeq: [:])
        for row in rows {
            positions.lastSeq = try row.decode(column: "last_seq", as: Int64.self)
            if let user = try row.decode(column: "user_id", as: Int64?.self) {
                positions.readSeq[ParticipantID(user)] = try row.decode(column: "read_seq", as: Int64.self)
            }
        }
        return positions
    }

    public func markAllRead(by member: ParticipantID, in conversation: ConversationID) async throws -> Int {
        // Most calls (every history page) find nothing new: check with one read before taking the write path.
        let positions = try await self.readPositions(in: conversation)
        if positions.readSeq[member] ?? 0 >= positions.lastSeq { return 0 }
        return try await self.database.transaction { tx in
            let current = try await MessageSQLRepository(database: tx).readPositions(in: conversation)
            let from = current.readSeq[member] ?? 0
            let last = current.lastSeq
            guard last > from else { return 0 }
            let covered =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("messages")
                .where("conversation_id", .equal, SQLBind(conversation.rawValue)).where("seq", .greaterThan, SQLBind(from))
                .where("sender_id", .notEqual, SQLBind(member.rawValue)).first()?.decode(column: "n", as: Int.self) ?? 0
            try await tx.update("conversation_members").set("read_seq", to: SQLBind(last))
                .where("conversation_id", .equal, SQLBind(conversation.rawValue)).where("user_id", .equal, SQLBind(member.rawValue))
                .where("read_seq", .lessThan, SQLBind(last)).run()
            return covered
        }
    }

    public func chatList(of member: ParticipantID) async throws -> [ChatSummary] {
        // One query: my direct conversations, the partner, the newest message (seq = last_seq) and the count of
        // the partner's messages past my read position, which reads only the unread range of the seq index.
        let rows = try await self.database.raw(
            """
            SELECT c.id AS conversation_id, p.user_id AS partner_id, me.read_seq AS read_seq,
                   m.id, m.seq, m.sender_id, m.content, m.message_type, m.client_msg_id, m.created_at, m.attachment_id,
                   (SELECT COUNT(*) FROM messages u WHERE u.conversation_id = c.id AND u.seq > me.read_seq
                       AND u.sender_id <> \(bind: member.rawValue)) AS unread
            FROM conversation_members me
            JOIN conversations c ON c.id = me.conversation_id AND c.kind = \(bind: ConversationKind.direct.rawValue) AND c.last_seq > 0
            JOIN conversation_members p ON p.conversation_id = c.id AND p.user_id <> me.user_id
            JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq
            WHERE me.user_id = \(bind: member.rawValue)
            ORDER BY m.created_at DESC, m.id DESC
            """
        ).all()
        return try rows.map { row in
            ChatSummary(
                conversationID: ConversationID(try row.decode(column: "conversation_id", as: Int64.self)),
                partnerID: ParticipantID(try row.decode(column: "partner_id", as: Int64.self)),
                lastMessage: try Self.message(row),
                unreadCount: try row.decode(column: "unread", as: Int.self)
            )
        }
    }

    public func received(by member: ParticipantID, limit: Int) async throws -> [Message] {
        try await self.database.raw(
            """
            SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.content, m.message_type, m.client_msg_id, m.created_at, m.attachment_id
            FROM conversation_members me
            JOIN conversations c ON c.id = me.conversation_id AND c.kind = \(bind: ConversationKind.direct.rawValue)
            JOIN messages m ON m.conversation_id = c.id AND m.sender_id <> me.user_id
            WHERE me.user_id = \(bind: member.rawValue)
            ORDER BY m.id DESC LIMIT \(bind: max(limit, 0))
            """
        ).all().map(Self.message)
    }
}

/// Friendships in the `friendships` table.
public struct FriendshipSQLRepository: FriendshipRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    public func befriend(_ a: ParticipantID, _ b: ParticipantID, at date: Date) async throws -> Bool {
        do {
            return try await self.database.transaction { tx in
                if try await FriendshipSQLRepository(database: tx).anyRow(a, b) { return false }
                try await tx.insert(into: "friendships").columns("user_id", "friend_id", "status", "created_at")
                    .values(SQLBind(a.rawValue), SQLBind(b.rawValue), SQLBind("accepted"), SQLBind(date))
                    .values(SQLBind(b.rawValue), SQLBind(a.rawValue), SQLBind("accepted"), SQLBind(date)).run()
                return true
            }
        } catch let error as StorageError where error.kind == .duplicate {
            return false
        }
    }

    public func areFriends(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool {
        try await self.database.first(
            """
            SELECT id FROM friendships WHERE user_id = \(bind: a.rawValue) AND friend_id = \(bind: b.rawValue) AND status = 'accepted' LIMIT 1
            """
        ) != nil
    }

    public func anyRow(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool {
        try await self.database.select().column("id").from("friendships")
            .where { $0.where("user_id", .equal, SQLBind(a.rawValue)).where("friend_id", .equal, SQLBind(b.rawValue)) }
            .orWhere { $0.where("user_id", .equal, SQLBind(b.rawValue)).where("friend_id", .equal, SQLBind(a.rawValue)) }
            .first() != nil
    }

    public func unfriend(_ a: ParticipantID, _ b: ParticipantID) async throws {
        try await self.database.delete(from: "friendships")
            .where { $0.where("user_id", .equal, SQLBind(a.rawValue)).where("friend_id", .equal, SQLBind(b.rawValue)) }
            .orWhere { $0.where("user_id", .equal, SQLBind(b.rawValue)).where("friend_id", .equal, SQLBind(a.rawValue)) }
            .run()
    }

    public func friendships(of user: ParticipantID) async throws -> [Friendship] {
        try await self.database.select().columns("user_id", "friend_id", "created_at").from("friendships")
            .where("user_id", .equal, SQLBind(user.rawValue)).where("status", .equal, SQLBind("accepted"))
            .orderBy("friend_id").all()
            .map {
                Friendship(
                    userID: ParticipantID(try $0.decode(column: "user_id", as: Int64.self)),
                    friendID: ParticipantID(try $0.decode(column: "friend_id", as: Int64.self)),
                    createdAt: try $0.decode(column: "created_at", as: Date.self)
                )
            }
    }
}
