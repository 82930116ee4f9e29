import ChatCore
import Foundation
import SQLKit
public import StorageKit

/// Migrations that join two domains' tables, which neither domain's own migrations may touch.
public enum ServerMigrations {
    public static let all: [Migration] = [
        Migration("server.001.public-channel-members") { db in
            // Every account that existed before the public channel joins it, as registering does from now on.
            let channel = ChatGroup.publicChannelID.rawValue
            try await db.raw(
                """
                INSERT INTO conversation_members (conversation_id, user_id, read_seq, joined_at, role)
                SELECT \(bind: channel), u.id, 0, u.created_at, 'member' FROM users u
                WHERE u.id > 0 AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = \(bind: channel) AND m.user_id = u.id)
                """
            ).run()
        }
    ]
}
