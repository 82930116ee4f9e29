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
        },
        Migration("server.002.message-attachments") { db in
            // File messages stored before messages carried their attachment (chat.018) link it now, under the
            // same rule as a new send: the sender's own file. A socket transfer's content is
            // `/api/media/uploads/chat/<file id>` (its attachment's path after `/api/media/`); a resumable upload's
            // is `/api/files/<upload id>/<name>`.
            try await db.raw(
                """
                UPDATE messages SET attachment_id = (
                    SELECT a.id FROM attachments a WHERE a.path = SUBSTR(messages.content, 12) AND a.owner_id = messages.sender_id
                )
                WHERE attachment_id IS NULL AND message_type = 'file' AND content LIKE '/api/media/uploads/chat/%'
                """
            ).run()
            try await db.raw(
                """
                UPDATE messages SET attachment_id = (
                    SELECT u.attachment_id FROM uploads u WHERE u.id = SUBSTR(messages.content, 12, 32) AND u.owner_id = messages.sender_id
                )
                WHERE attachment_id IS NULL AND message_type = 'file' AND content LIKE '/api/files/%'
                """
            ).run()
        },
    ]
}
