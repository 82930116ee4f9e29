import Foundation
import SQLKit
public import StorageKit

/// The schema of conversations, messages, read state and friendships.
public enum ChatMigrations {
    public static let all: [Migration] = [
        Migration("chat.001.conversations") { db in
            try await db.create(table: "conversations")
                .column("id", type: .bigint, .primaryKey)
                .column("kind", type: .custom(SQLRaw("VARCHAR(16)")), .notNull)
                .column("direct_key", type: .custom(SQLCaseSensitiveString(64)), .unique)
                .column("last_seq", type: .bigint, .notNull)
                .column("last_message_at", type: .timestamp)
                .column("created_at", type: .timestamp, .notNull)
                .run()
        },
        Migration("chat.002.members") { db in
            try await db.create(table: "conversation_members")
                .column("conversation_id", type: .bigint, .notNull, .references("conversations", "id", onDelete: .cascade))
                .column("user_id", type: .bigint, .notNull)
                .column("read_seq", type: .bigint, .notNull)
                .column("joined_at", type: .timestamp, .notNull)
                .primaryKey("conversation_id", "user_id")
                .run()
        },
        Migration("chat.003.members-by-user") { db in
            try await db.create(index: "conversation_members_user").on("conversation_members").column("user_id").run()
        },
        Migration("chat.004.messages") { db in
            try await db.create(table: "messages")
                .column("id", type: .bigint, .primaryKey)
                .column("conversation_id", type: .bigint, .notNull, .references("conversations", "id", onDelete: .cascade))
                .column("seq", type: .bigint, .notNull)
                .column("sender_id", type: .bigint, .notNull)
                .column("content", type: .text, .notNull)
                .column("message_type", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("client_msg_id", type: .custom(SQLCaseSensitiveString(64)))
                .column("created_at", type: .timestamp, .notNull)
                .unique("conversation_id", "seq")
                .unique("sender_id", "client_msg_id")
                .run()
        },
        Migration("chat.005.friendships") { db in
            try await db.create(table: "friendships")
                .column("id", type: .bigint, .primaryKey)
                .column("user_id", type: .bigint, .notNull)
                .column("friend_id", type: .bigint, .notNull)
                .column("status", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .unique("user_id", "friend_id")
                .run()
        },
        Migration("chat.006.support-conversations") { db in
            try await db.create(table: "support_conversations")
                .column("conversation_id", type: .bigint, .primaryKey(autoIncrement: false), .references("conversations", "id", onDelete: .cascade))
                .column("pair_key", type: .custom(SQLRaw("VARCHAR(64)")), .notNull, .unique)
                .column("customer_id", type: .bigint, .notNull)
                .column("merchant_id", type: .bigint, .notNull)
                .column("customer_unread", type: .int, .notNull)
                .column("merchant_unread", type: .int, .notNull)
                .column("last_message", type: .text)
                .column("last_message_at", type: .timestamp)
                .column("created_at", type: .timestamp, .notNull)
                .column("updated_at", type: .timestamp, .notNull)
                .column("assignee_id", type: .bigint)
                .column("status", type: .custom(SQLRaw("VARCHAR(16)")), .notNull)
                .column("snoozed_until", type: .timestamp)
                .run()
            try await db.create(index: "support_conversations_customer").on("support_conversations").column("customer_id").column("updated_at").run()
            try await db.create(index: "support_conversations_merchant").on("support_conversations").column("merchant_id").column("updated_at").run()
            try await db.create(index: "support_conversations_updated").on("support_conversations").column("updated_at").run()
        },
        Migration("chat.007.quick-replies") { db in
            try await db.create(table: "quick_replies")
                .column("id", type: .bigint, .primaryKey)
                .column("user_id", type: .bigint, .notNull)
                .column("content", type: .text, .notNull)
                .column("sort_order", type: .int, .notNull)
                .column("is_active", type: .int, .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .run()
            try await db.create(index: "quick_replies_user").on("quick_replies").column("user_id").column("is_active").run()
            // One row per user who has quick replies: what creating one locks while it counts.
            try await db.create(table: "quick_reply_owners").column("user_id", type: .bigint, .primaryKey(autoIncrement: false)).run()
        },
        Migration("chat.008.messages-by-time") { db in
            try await db.create(index: "messages_created").on("messages").column("created_at").run()
        },
        Migration("chat.009.support-agents") { db in
            try await db.create(table: "support_agents")
                .column("user_id", type: .bigint, .primaryKey(autoIncrement: false))
                .column("team_id", type: .bigint, .notNull)
                .column("capacity", type: .int, .notNull)
                .column("online_until", type: .timestamp)
                .column("last_assignment", type: .bigint, .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .run()
            try await db.create(index: "support_agents_team").on("support_agents").column("team_id").run()
            // The waiting line of a team, oldest first, and each agent's load.
            try await db.create(index: "support_conversations_queue").on("support_conversations")
                .column("merchant_id").column("assignee_id").column("created_at").run()
            try await db.create(index: "support_conversations_assignee").on("support_conversations").column("assignee_id").column("status").run()
        },
        Migration("chat.010.realtime-events") { db in
            // The event bus between server processes on one database (SQLEventBus).
            try await db.create(table: "realtime_events")
                .column("id", type: .bigint, .primaryKey)
                .column("origin", type: .bigint, .notNull)
                .column("payload", type: .text, .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .run()
            try await db.create(index: "realtime_events_created").on("realtime_events").column("created_at").run()
        },
        Migration("chat.011.groups") { db in
            try await db.create(table: "chat_groups")
                .column("conversation_id", type: .bigint, .primaryKey(autoIncrement: false), .references("conversations", "id", onDelete: .cascade))
                .column("name", type: .custom(SQLRaw("VARCHAR(100)")), .notNull)
                .column("owner_id", type: .bigint, .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .run()
            // A group member's role (owner, admin, member); NULL for the members of other kinds of conversation.
            try await db.alter(table: "conversation_members").column("role", type: .custom(SQLRaw("VARCHAR(16)"))).run()
        },
        Migration("chat.012.friend-requests") { db in
            try await db.create(table: "friend_requests")
                .column("id", type: .bigint, .primaryKey)
                .column("sender_id", type: .bigint, .notNull)
                .column("receiver_id", type: .bigint, .notNull)
                .column("status", type: .custom(SQLRaw("VARCHAR(16)")), .notNull)
                // "low:high" of the two users while the request is pending, NULL after: one pending request per pair.
                .column("open_key", type: .custom(SQLRaw("VARCHAR(64)")), .unique)
                .column("created_at", type: .timestamp, .notNull)
                .column("responded_at", type: .timestamp)
                .run()
            try await db.create(index: "friend_requests_sender").on("friend_requests").column("sender_id").column("created_at").run()
            try await db.create(index: "friend_requests_receiver").on("friend_requests").column("receiver_id").column("status").run()
            try await db.create(table: "friend_blocks")
                .column("blocker_id", type: .bigint, .notNull)
                .column("blocked_id", type: .bigint, .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .primaryKey("blocker_id", "blocked_id")
                .run()
            try await db.create(index: "friend_blocks_blocked").on("friend_blocks").column("blocked_id").run()
        },
        Migration("chat.013.user-presence") { db in
            // Stored presence: a lease per user and server process with a live connection (PresenceSQLStore).
            try await db.create(table: "user_presence")
                .column("user_id", type: .bigint, .notNull)
                .column("node_id", type: .bigint, .notNull)
                .column("online_until", type: .timestamp, .notNull)
                .primaryKey("user_id", "node_id")
                .run()
            try await db.create(index: "user_presence_node").on("user_presence").column("node_id").run()
        },
        Migration("chat.014.presence-nodes") { db in
            // One lease per server process instead of one per user row: renewing it is one write however many
            // users the process has connected. `user_presence.online_until` is no longer read.
            try await db.create(table: "presence_nodes")
                .column("node_id", type: .bigint, .primaryKey(autoIncrement: false))
                .column("online_until", type: .timestamp, .notNull)
                .run()
            try await db.delete(from: "user_presence").run()
        },
        Migration("chat.015.group-details") { db in
            // One column per statement: SQLite adds one at a time.
            try await db.alter(table: "chat_groups").column("description", type: .text).run()
            try await db.alter(table: "chat_groups").column("avatar", type: .custom(SQLRaw("VARCHAR(255)"))).run()
            try await db.alter(table: "chat_groups").column("visibility", type: .custom(SQLRaw("VARCHAR(16) NOT NULL DEFAULT 'private'"))).run()
        },
        Migration("chat.016.public-channel") { db in
            try await ChatMigrations.createPublicChannel(on: db)
        },
        Migration("chat.017.realtime-event-size") { db in
            // TEXT holds 64 KiB on MariaDB; an event carries its message in both frame dialects, JSON-escaped, so
            // a long message in a multi-byte script does not fit. SQLite's TEXT has no such limit.
            guard db.dialect.name == "mysql" else { return }
            try await db.raw("ALTER TABLE realtime_events MODIFY payload MEDIUMTEXT NOT NULL").run()
        },
        Migration("chat.018.message-attachments") { db in
            // The stored file a file or image message carries (the `attachments` table of the Attachments
            // library, which ChatCore does not depend on: no foreign key). Indexed for "who may download it".
            try await db.alter(table: "messages").column("attachment_id", type: .bigint).run()
            try await db.create(index: "messages_attachment").on("messages").column("attachment_id").run()
        },
    ]

    /// Makes conversation 1 the public channel (``ChatGroup/publicChannelID``). On a database where conversation
    /// 1 is already another conversation, that one moves to a new id first, with its members, messages, group
    /// and support rows; clients find it again by listing their conversations.
    static func createPublicChannel(on db: any SQLDatabase) async throws {
        let channel = ChatGroup.publicChannelID.rawValue
        let now = DateParts(Date()).date
        if let existing = try await db.select().columns("kind", "direct_key", "last_seq", "last_message_at", "created_at")
            .from("conversations").where("id", .equal, SQLBind(channel)).first()
        {
            let highest = try await db.select().column(SQLFunction("MAX", args: SQLIdentifier("id")), as: "id").from("conversations").first()
            let moved = (try highest?.decode(column: "id", as: Int64?.self) ?? channel) + 1
            let directKey = try existing.decode(column: "direct_key", as: String?.self)
            try await db.insert(into: "conversations").columns("id", "kind", "direct_key", "last_seq", "last_message_at", "created_at")
                .values(
                    SQLBind(moved),
                    SQLBind(try existing.decode(column: "kind", as: String.self)),
                    SQLLiteral.null,
                    SQLBind(try existing.decode(column: "last_seq", as: Int64.self)),
                    SQLBind(try existing.decode(column: "last_message_at", as: Date?.self)),
                    SQLBind(try existing.decode(column: "created_at", as: Date.self))
                )
                .run()
            for table in ["conversation_members", "messages", "chat_groups", "support_conversations"] {
                try await db.update(table).set("conversation_id", to: SQLBind(moved)).where("conversation_id", .equal, SQLBind(channel)).run()
            }
            try await db.delete(from: "conversations").where("id", .equal, SQLBind(channel)).run()
            if let directKey {
                try await db.update("conversations").set("direct_key", to: SQLBind(directKey)).where("id", .equal, SQLBind(moved)).run()
            }
        }
        try await db.insert(into: "conversations").columns("id", "kind", "last_seq", "created_at")
            .values(SQLBind(channel), SQLBind(ConversationKind.group.rawValue), SQLBind(0), SQLBind(now)).run()
        try await db.insert(into: "chat_groups").columns("conversation_id", "name", "owner_id", "created_at", "description", "visibility")
            .values(
                SQLBind(channel),
                SQLBind(ChatGroup.publicChannelName),
                SQLBind(0),
                SQLBind(now),
                SQLBind(ChatGroup.publicChannelDescription),
                SQLBind(GroupVisibility.public.rawValue)
            )
            .run()
    }
}
