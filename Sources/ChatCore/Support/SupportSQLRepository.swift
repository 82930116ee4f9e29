public import Foundation
public import SQLKit
import StorageKit

/// Support conversations in SQL: a `conversations` row of kind `support` with its two members, plus the
/// seed 004 state in `support_conversations`. Messages go through ``MessageSQLRepository/append(_:to:at:)``, so
/// they share the sequence numbers and the table of every other conversation.
public struct SupportSQLRepository: SupportRepository {
    public let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = [
        "conversation_id", "customer_id", "merchant_id", "customer_unread", "merchant_unread", "last_message", "last_message_at",
        "created_at", "updated_at", "assignee_id", "status", "snoozed_until",
    ]
    static let columnList = SQLColumnList(columns)

    static func conversation(_ row: any SQLRow) throws -> SupportConversation {
        SupportConversation(
            id: ConversationID(try row.decode(column: "conversation_id", as: Int64.self)),
            customerID: ParticipantID(try row.decode(column: "customer_id", as: Int64.self)),
            merchantID: ParticipantID(try row.decode(column: "merchant_id", as: Int64.self)),
            customerUnread: try row.decode(column: "customer_unread", as: Int.self),
            merchantUnread: try row.decode(column: "merchant_unread", as: Int.self),
            lastMessage: try row.decode(column: "last_message", as: String?.self),
            lastMessageAt: try row.decode(column: "last_message_at", as: Date?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            assigneeID: try row.decode(column: "assignee_id", as: Int64?.self).map(ParticipantID.init),
            status: SupportStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            snoozedUntil: try row.decode(column: "snoozed_until", as: Date?.self)
        )
    }

    static func pairKey(_ a: ParticipantID, _ b: ParticipantID) -> String { "\(min(a, b).rawValue):\(max(a, b).rawValue)" }

    private func existing(_ customer: ParticipantID, _ merchant: ParticipantID, on db: any SQLDatabase) async throws -> SupportConversation? {
        try await db.select().columns(Self.columnList).from("support_conversations")
            .where("pair_key", .equal, SQLBind(Self.pairKey(customer, merchant))).first().map(Self.conversation)
    }

    public func conversation(customer: ParticipantID, merchant: ParticipantID, at date: Date) async throws -> SupportConversation {
        if let found = try await self.existing(customer, merchant, on: self.database) { return found }
        let date = DateParts(date).date
        do {
            return try await self.database.transaction { tx in
                let row = try await tx.insert(into: "conversations").columns("kind", "last_seq", "created_at")
                    .values(SQLBind(ConversationKind.support.rawValue), SQLBind(0), SQLBind(date)).returning("id").first()
                let id = try row!.decode(column: "id", as: Int64.self)
                for member in Set([customer, merchant]) {
                    try await tx.insert(into: "conversation_members").columns("conversation_id", "user_id", "read_seq", "joined_at")
                        .values(SQLBind(id), SQLBind(member.rawValue), SQLBind(0), SQLBind(date)).run()
                }
                try await tx.insert(into: "support_conversations")
                    .columns(
                        "conversation_id",
                        "pair_key",
                        "customer_id",
                        "merchant_id",
                        "customer_unread",
                        "merchant_unread",
                        "created_at",
                        "updated_at",
                        "status"
                    )
                    .values(
                        SQLBind(id),
                        SQLBind(Self.pairKey(customer, merchant)),
                        SQLBind(customer.rawValue),
                        SQLBind(merchant.rawValue),
                        SQLBind(0),
                        SQLBind(0),
                        SQLBind(date),
                        SQLBind(date),
                        SQLBind(SupportStatus.open.rawValue)
                    )
                    .run()
                return SupportConversation(id: ConversationID(id), customerID: customer, merchantID: merchant, createdAt: date, updatedAt: date)
            }
        } catch let error as StorageError where error.kind == .duplicate {
            // The same pair was opened at the same moment by another request.
            guard let found = try await self.existing(customer, merchant, on: self.database) else { throw error }
            return found
        }
    }

    public func conversation(id: ConversationID) async throws -> SupportConversation? {
        try await self.database.first("SELECT \(Self.columnList) FROM support_conversations WHERE conversation_id = \(bind: id.rawValue) LIMIT 1")
            .map(Self.conversation)
    }

    public func conversations(_ filter: SupportConversationFilter, offset: Int, limit: Int) async throws -> (items: [SupportConversation], total: Int)
    {
        func apply(_ select: SQLSelectBuilder) {
            if let customer = filter.customerID { select.where("customer_id", .equal, SQLBind(customer.rawValue)) }
            if let merchant = filter.merchantID { select.where("merchant_id", .equal, SQLBind(merchant.rawValue)) }
            if let participant = filter.participant {
                select.where { group in
                    group.where("customer_id", .equal, SQLBind(participant.rawValue)).orWhere("merchant_id", .equal, SQLBind(participant.rawValue))
                        .orWhere("assignee_id", .equal, SQLBind(participant.rawValue))
                    if let team = filter.team { group.orWhere("merchant_id", .equal, SQLBind(team.rawValue)) }
                    return group
                }
            }
            if let status = filter.status { select.where("status", .equal, SQLBind(status.rawValue)) }
            switch filter.assignee {
            case nil: break
            case .unassigned: select.where("assignee_id", .is, SQLLiteral.null)
            case .agent(let agent): select.where("assignee_id", .equal, SQLBind(agent.rawValue))
            }
        }
        let count = self.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("support_conversations")
        apply(count)
        let page = self.database.select().columns(Self.columnList).from("support_conversations")
        apply(page)
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let items = try await page.orderBy("updated_at", .descending).orderBy("conversation_id", .descending)
            .limit(max(limit, 0)).offset(max(offset, 0)).all().map(Self.conversation)
        return (items, total)
    }

    public func send(_ new: NewMessage, in id: ConversationID, at date: Date) async throws -> (conversation: SupportConversation, message: Message) {
        let date = DateParts(date).date
        return try await self.database.transaction { tx in
            guard
                var conversation = try await tx.first(
                    """
                    SELECT \(Self.columnList) FROM support_conversations WHERE conversation_id = \(bind: id.rawValue) \
                    LIMIT 1\(SQLText.forUpdate(on: tx))
                    """
                ).map(Self.conversation)
            else { throw ChatError.conversationNotFound }
            let sent = try await MessageSQLRepository(database: tx).append(new, to: id, at: date)
            conversation.record(new, at: date)
            // The counter is incremented in SQL, not written from the read value, so no concurrent change is lost.
            let counter: SQLText =
                new.senderID == conversation.customerID ? "merchant_unread = merchant_unread + 1" : "customer_unread = customer_unread + 1"
            try await tx.run(
                """
                UPDATE support_conversations SET last_message = \(bind: conversation.lastMessage), last_message_at = \(bind: date), \
                updated_at = \(bind: date), status = \(bind: conversation.status.rawValue), snoozed_until = \(bind: conversation.snoozedUntil), \
                \(counter) WHERE conversation_id = \(bind: id.rawValue)
                """
            )
            return (conversation, sent.message)
        }
    }

    /// The recipient's read position for each message of `messages`.
    private func withReadState(_ messages: [Message]) async throws -> [SupportMessage] {
        let ids = Array(Set(messages.map(\.conversationID.rawValue)))
        guard !ids.isEmpty else { return [] }
        // Every support message page reads here: plain SQL, cheap to serialize.
        var customers: [Int64: (customer: Int64, merchant: Int64)] = [:]
        var read: [Int64: [Int64: Int64]] = [:]
        try await self.database.forEachRow(
            """
            SELECT s.conversation_id AS conversation_id, s.customer_id AS customer_id, s.merchant_id AS merchant_id, \
            m.user_id AS user_id, m.read_seq AS read_seq \
            FROM support_conversations s JOIN conversation_members m ON m.conversation_id = s.conversation_id \
            WHERE s.conversation_id IN (\(binds: ids))
            """
        ) { row in
            // In the order selected: conversation, customer, merchant, member, its read position.
            let id = try row.int64(at: 0)
            customers[id] = (try row.int64(at: 1), try row.int64(at: 2))
            read[id, default: [:]][try row.int64(at: 3)] = try row.int64(at: 4)
        }
        return messages.map { message in
            let id = message.conversationID.rawValue
            // The recipient is the customer, or — for the customer's messages — the merchant's side (which an
            // assigned agent shares).
            guard let pair = customers[id] else { return SupportMessage(message: message, isRead: false) }
            let recipient = message.senderID.rawValue == pair.customer ? pair.merchant : pair.customer
            return SupportMessage(message: message, isRead: (read[id]?[recipient] ?? 0) >= message.seq)
        }
    }

    public func messages(in id: ConversationID, ascending: Bool, offset: Int, limit: Int) async throws -> (items: [SupportMessage], total: Int) {
        // A conversation's page: plain SQL, cheap to serialize.
        let total =
            try await self.database.first("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = \(bind: id.rawValue)")?
            .decode(column: "n", as: Int.self) ?? 0
        var messages: [Message] = []
        messages.reserveCapacity(min(max(limit, 0), 200))
        try await self.database.forEachRow(
            """
            SELECT \(MessageSQLRepository.columnList) FROM messages WHERE conversation_id = \(bind: id.rawValue) \
            ORDER BY seq \(unsafeRaw: ascending ? "ASC" : "DESC") LIMIT \(bind: max(limit, 0)) OFFSET \(bind: max(offset, 0))
            """
        ) { row in messages.append(try MessageSQLRepository.message(reading: row)) }
        return (try await self.withReadState(messages), total)
    }

    public func messages(_ filter: SupportMessageFilter, offset: Int, limit: Int) async throws -> (items: [SupportMessage], total: Int) {
        func apply(_ select: SQLSelectBuilder) {
            select.join(
                SQLAlias(SQLIdentifier("support_conversations"), as: SQLIdentifier("s")),
                method: SQLJoinMethod.inner,
                on: SQLColumn("conversation_id", table: "s"),
                .equal,
                SQLColumn("conversation_id", table: "m")
            )
            if let id = filter.conversationID { select.where(SQLColumn("conversation_id", table: "m"), .equal, SQLBind(id.rawValue)) }
            if let sender = filter.senderID { select.where(SQLColumn("sender_id", table: "m"), .equal, SQLBind(sender.rawValue)) }
            if let type = filter.type { select.where(SQLColumn("message_type", table: "m"), .equal, SQLBind(type.rawValue)) }
            if let participant = filter.participant {
                select.where { group in
                    group.where(SQLColumn("customer_id", table: "s"), .equal, SQLBind(participant.rawValue))
                        .orWhere(SQLColumn("merchant_id", table: "s"), .equal, SQLBind(participant.rawValue))
                        .orWhere(SQLColumn("assignee_id", table: "s"), .equal, SQLBind(participant.rawValue))
                }
            }
        }
        let from = SQLAlias(SQLIdentifier("messages"), as: SQLIdentifier("m"))
        let count = self.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(from)
        apply(count)
        let page = self.database.select().columns(MessageSQLRepository.columns.map { SQLColumn($0, table: "m") }).from(from)
        apply(page)
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let messages = try await page.orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "m"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "m"), direction: SQLDirection.descending))
            .limit(max(limit, 0)).offset(max(offset, 0)).all().map(MessageSQLRepository.message)
        return (try await self.withReadState(messages), total)
    }

    public func message(id: Int64) async throws -> SupportMessage? {
        guard
            let message = try await self.database.select().columns(MessageSQLRepository.columnList).from("messages")
                .where("id", .equal, SQLBind(id)).first().map(MessageSQLRepository.message)
        else { return nil }
        return try await self.withReadState([message]).first
    }

    public func markRead(by reader: ParticipantID, in id: ConversationID) async throws {
        try await self.database.transaction { tx in
            guard
                let conversation = try await tx.select().columns(Self.columnList).from("support_conversations")
                    .where("conversation_id", .equal, SQLBind(id.rawValue)).for(.update).first().map(Self.conversation),
                let side = conversation.side(of: reader)
            else { return }
            try await tx.update("conversation_members")
                .set("read_seq", to: SQLSubquery.select { $0.column("last_seq").from("conversations").where("id", .equal, SQLBind(id.rawValue)) })
                .where("conversation_id", .equal, SQLBind(id.rawValue)).where("user_id", .equal, SQLBind(side.rawValue)).run()
            try await tx.update("support_conversations")
                .set(SQLIdentifier(side == conversation.customerID ? "customer_unread" : "merchant_unread"), to: SQLBind(0))
                .where("conversation_id", .equal, SQLBind(id.rawValue)).run()
        }
    }

    public func markMessageRead(id: Int64) async throws -> Bool {
        guard let found = try await self.message(id: id),
            let conversation = try await self.conversation(id: found.message.conversationID)
        else { return false }
        let recipient = conversation.counterpart(of: found.message.senderID)
        try await self.database.update("conversation_members").set("read_seq", to: SQLBind(found.message.seq))
            .where("conversation_id", .equal, SQLBind(conversation.id.rawValue)).where("user_id", .equal, SQLBind(recipient.rawValue))
            .where("read_seq", .lessThan, SQLBind(found.message.seq)).run()
        return true
    }

    public func deleteMessage(id: Int64) async throws -> Bool {
        guard try await self.message(id: id) != nil else { return false }
        try await self.database.delete(from: "messages").where("id", .equal, SQLBind(id)).run()
        return true
    }
}
