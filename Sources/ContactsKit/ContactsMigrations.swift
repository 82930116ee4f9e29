import SQLKit
public import StorageKit

/// The schema of address books. `live_phone` holds the normalized number while the contact is not in the
/// trash (NULL there), so the unique index covers live contacts only.
public enum ContactsMigrations {
    public static let all: [Migration] = [
        Migration("contacts.001.contacts") { db in
            try await db.create(table: "contacts")
                .column("id", type: .bigint, .primaryKey)
                .column("owner_id", type: .bigint, .notNull)
                .column("name", type: .custom(SQLRaw("VARCHAR(100)")), .notNull)
                .column("phone", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("normalized_phone", type: .custom(SQLCaseSensitiveString(20)), .notNull)
                .column("live_phone", type: .custom(SQLCaseSensitiveString(20)))
                .column("created_at", type: .timestamp, .notNull)
                .column("updated_at", type: .timestamp, .notNull)
                .column("revision", type: .int, .notNull)
                .column("deleted_at", type: .timestamp)
                .unique("owner_id", "live_phone")
                .run()
        },
        Migration("contacts.002.contacts-by-owner") { db in
            try await db.create(index: "contacts_owner_created").on("contacts").column("owner_id").column("created_at").column("id").run()
        },
        Migration("contacts.003.versions") { db in
            try await db.create(table: "contact_versions")
                .column("id", type: .bigint, .primaryKey)
                .column("contact_id", type: .bigint, .notNull, .references("contacts", "id", onDelete: .cascade))
                .column("name", type: .custom(SQLRaw("VARCHAR(100)")), .notNull)
                .column("phone", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("update_time", type: .timestamp, .notNull)
                .column("operator", type: .custom(SQLRaw("VARCHAR(50)")), .notNull)
                .column("changes", type: .text, .notNull)
                .run()
        },
        Migration("contacts.004.versions-by-contact") { db in
            try await db.create(index: "contact_versions_contact").on("contact_versions").column("contact_id").run()
        },
    ]
}
