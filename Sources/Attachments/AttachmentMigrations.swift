import Foundation
import SQLKit
public import StorageKit

/// The schema of the attachment store and of resumable uploads.
public enum AttachmentMigrations {
    public static let all: [Migration] = [
        Migration("attachments.001.attachments") { db in
            try await db.create(table: "attachments")
                .column("id", type: .bigint, .primaryKey)
                .column("owner_id", type: .bigint, .notNull)
                .column("name", type: .custom(SQLRaw("VARCHAR(255)")), .notNull)
                .column("media_type", type: .custom(SQLRaw("VARCHAR(127)")), .notNull)
                .column("size", type: .bigint, .notNull)
                .column("sha256", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .column("path", type: .custom(SQLCaseSensitiveString(255)), .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .run()
            try await db.create(index: "attachments_owner").on("attachments").column("owner_id").run()
            try await db.create(index: "attachments_path").on("attachments").column("path").run()
        },
        Migration("attachments.002.uploads") { db in
            try await db.create(table: "uploads")
                .column("id", type: .custom(SQLCaseSensitiveString(32)), .primaryKey(autoIncrement: false))
                .column("owner_id", type: .bigint, .notNull)
                .column("length", type: .bigint, .notNull)
                .column("upload_offset", type: .bigint, .notNull)
                .column("filename", type: .custom(SQLRaw("VARCHAR(255)")))
                .column("filetype", type: .custom(SQLRaw("VARCHAR(127)")))
                .column("metadata", type: .text)
                .column("path", type: .custom(SQLRaw("VARCHAR(255)")), .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .column("expires_at", type: .timestamp, .notNull)
                .column("attachment_id", type: .bigint)
                .column("claim", type: .custom(SQLCaseSensitiveString(32)))
                .column("claimed_until", type: .timestamp)
                .column("last_claim", type: .custom(SQLCaseSensitiveString(32)))
                .run()
            try await db.create(index: "uploads_owner").on("uploads").column("owner_id").run()
            try await db.create(index: "uploads_expires").on("uploads").column("expires_at").run()
        },
    ]
}
