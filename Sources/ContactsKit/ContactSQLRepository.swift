public import Foundation
public import SQLKit
import StorageKit

/// Address books in the `contacts` and `contact_versions` tables, on any SQLKit database.
public struct ContactSQLRepository: ContactRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = ["id", "owner_id", "name", "phone", "normalized_phone", "created_at", "updated_at", "revision", "deleted_at"]
    static let columnList = SQLColumnList(columns)

    struct Row {
        let id: Int64
        let owner_id: Int64
        let name: String
        let phone: String
        let normalized_phone: String
        let created_at: Date
        let updated_at: Date
        let revision: Int
        let deleted_at: Date?

        /// Every contact query selects ``ContactSQLRepository/columnList``: read by position, or by those names
        /// for another driver's rows. SQLKit's `Decodable` row decoder costs more than the query itself on a long
        /// listing.
        init(_ row: any SQLRow) throws { try self.init(reading: row.reader(columns: ContactSQLRepository.columns)) }

        /// Reads by position, in ``ContactSQLRepository/columns`` order.
        init(reading row: some StorageRowReader) throws {
            assert(row.columnCount == ContactSQLRepository.columns.count, "a contact row of another shape")
            self.id = try row.int64(at: 0)
            self.owner_id = try row.int64(at: 1)
            self.name = try row.string(at: 2)
            self.phone = try row.string(at: 3)
            self.normalized_phone = try row.string(at: 4)
            self.created_at = try row.date(at: 5)
            self.updated_at = try row.date(at: 6)
            self.revision = try row.int(at: 7)
            self.deleted_at = try row.optionalDate(at: 8)
        }

        var contact: Contact {
            Contact(
                id: ContactID(self.id),
                owner: OwnerID(self.owner_id),
                name: self.name,
                phone: self.phone,
                normalizedPhone: self.normalized_phone,
                createdAt: self.created_at,
                updatedAt: self.updated_at,
                revision: self.revision,
                deletedAt: self.deleted_at
            )
        }
    }

    struct VersionRow: Decodable {
        let id: Int64
        let contact_id: Int64
        let name: String
        let phone: String
        let update_time: Date
        let `operator`: String
        let changes: String

        var version: ContactVersion {
            let changes = (try? JSONDecoder().decode([FieldChange].self, from: Data(self.changes.utf8))) ?? []
            return ContactVersion(
                id: self.id,
                contactID: ContactID(self.contact_id),
                name: self.name,
                phone: self.phone,
                updatedAt: self.update_time,
                operator: self.operator,
                changes: changes
            )
        }
    }

    private func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().columns(Self.columnList).from("contacts")
    }

    private func addVersion(
        _ db: any SQLDatabase,
        _ contact: Contact,
        operator: String,
        at date: Date,
        changes: [FieldChange]
    ) async throws -> ContactVersion {
        let json = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        let row = try await db.insert(into: "contact_versions")
            .columns("contact_id", "name", "phone", "update_time", "operator", "changes")
            .values(
                SQLBind(contact.id.rawValue),
                SQLBind(contact.name),
                SQLBind(contact.phone),
                SQLBind(date),
                SQLBind(String(`operator`.prefix(50))),
                SQLBind(json)
            )
            .returning("id").first()
        let id = try row?.decode(column: "id", as: Int64.self) ?? 0
        return ContactVersion(
            id: id,
            contactID: contact.id,
            name: contact.name,
            phone: contact.phone,
            updatedAt: date,
            operator: String(`operator`.prefix(50)),
            changes: changes
        )
    }

    /// A unique-key clash on the live-phone index is the only duplicate these tables can raise.
    private func mapDuplicate<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as StorageError where error.kind == .duplicate {
            throw ContactsError.duplicatePhone
        }
    }

    public func insert(_ draft: ContactDraft, owner: OwnerID, operator: String, at date: Date) async throws -> (Contact, ContactVersion) {
        try await self.mapDuplicate {
            try await self.database.transaction { tx in
                let row = try await tx.insert(into: "contacts")
                    .columns("owner_id", "name", "phone", "normalized_phone", "live_phone", "created_at", "updated_at", "revision")
                    .values(
                        SQLBind(owner.rawValue),
                        SQLBind(draft.name),
                        SQLBind(draft.phone),
                        SQLBind(draft.normalizedPhone),
                        SQLBind(draft.normalizedPhone),
                        SQLBind(date),
                        SQLBind(date),
                        SQLBind(1)
                    )
                    .returning("id").first()
                let id = try row?.decode(column: "id", as: Int64.self) ?? 0
                let contact = Contact(
                    id: ContactID(id),
                    owner: owner,
                    name: draft.name,
                    phone: draft.phone,
                    normalizedPhone: draft.normalizedPhone,
                    createdAt: date,
                    updatedAt: date
                )
                let version = try await self.addVersion(tx, contact, operator: `operator`, at: date, changes: changes(from: nil, to: draft))
                return (contact, version)
            }
        }
    }

    public func contact(_ id: ContactID, owner: OwnerID) async throws -> Contact? {
        try await self.select(self.database).where("id", .equal, SQLBind(id.rawValue)).where("owner_id", .equal, SQLBind(owner.rawValue))
            .where("deleted_at", .is, SQLLiteral.null).first().map { try Row($0).contact }
    }

    public func contact(normalizedPhone: String, owner: OwnerID) async throws -> Contact? {
        try await self.select(self.database).where("owner_id", .equal, SQLBind(owner.rawValue))
            .where("live_phone", .equal, SQLBind(normalizedPhone)).first().map { try Row($0).contact }
    }

    public func contacts(owner: OwnerID, query: ContactQuery) async throws -> [Contact] {
        // The address book listing: SQL text and rows read in place, a thousand contacts per request.
        var select: SQLText = """
            SELECT \(Self.columnList) FROM contacts WHERE owner_id = \(bind: owner.rawValue) AND deleted_at IS NULL
            """
        if let search = query.search {
            select += " AND (LOWER(name) LIKE \(bind: SQLContainsPattern.pattern(search.lowercased())) ESCAPE '!'"
            if let digits = query.searchDigits {
                select += " OR normalized_phone LIKE \(bind: SQLContainsPattern.pattern(digits)) ESCAPE '!'"
            }
            select += ")"
        }
        if let after = query.after {
            select += """
                 AND (created_at < \(bind: after.createdAt) OR (created_at = \(bind: after.createdAt) AND id < \(bind: after.id.rawValue)))
                """
        }
        select += " ORDER BY created_at DESC, id DESC"
        if let limit = query.limit { select += " LIMIT \(bind: limit)" }
        var contacts: [Contact] = []
        if let limit = query.limit { contacts.reserveCapacity(min(limit, 1000)) }
        try await self.database.forEachRow(select) { row in contacts.append(try Row(reading: row).contact) }
        return contacts
    }

    public func update(
        _ id: ContactID,
        owner: OwnerID,
        to draft: ContactDraft,
        operator: String,
        at date: Date,
        expectedRevision: Int?
    ) async throws -> ContactUpdate {
        try await self.mapDuplicate {
            try await self.database.transaction { tx in
                // The row lock (MariaDB) or the write transaction (SQLite) orders concurrent updates, so each one
                // compares against the latest revision and none is lost.
                guard
                    var contact = try await self.select(tx).where("id", .equal, SQLBind(id.rawValue))
                        .where("owner_id", .equal, SQLBind(owner.rawValue)).where("deleted_at", .is, SQLLiteral.null)
                        .for(.update).first().map({ try Row($0).contact })
                else { throw ContactsError.notFound }
                if let expectedRevision, expectedRevision != contact.revision { throw ContactsError.stale(current: contact) }
                let changed = changes(from: contact, to: draft)
                guard !changed.isEmpty else { return .unchanged(contact) }
                try await tx.update("contacts")
                    .set("name", to: SQLBind(draft.name)).set("phone", to: SQLBind(draft.phone))
                    .set("normalized_phone", to: SQLBind(draft.normalizedPhone)).set("live_phone", to: SQLBind(draft.normalizedPhone))
                    .set("updated_at", to: SQLBind(date)).set("revision", to: SQLBind(contact.revision + 1))
                    .where("id", .equal, SQLBind(id.rawValue)).run()
                contact.name = draft.name
                contact.phone = draft.phone
                contact.normalizedPhone = draft.normalizedPhone
                contact.updatedAt = date
                contact.revision += 1
                return .updated(contact, try await self.addVersion(tx, contact, operator: `operator`, at: date, changes: changed))
            }
        }
    }

    public func trash(_ id: ContactID, owner: OwnerID, at date: Date) async throws -> Bool {
        try await self.database.transaction { tx in
            guard
                try await self.select(tx).where("id", .equal, SQLBind(id.rawValue)).where("owner_id", .equal, SQLBind(owner.rawValue))
                    .where("deleted_at", .is, SQLLiteral.null).for(.update).first() != nil
            else { return false }
            try await tx.update("contacts").set("deleted_at", to: SQLBind(date)).set("live_phone", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(id.rawValue)).run()
            return true
        }
    }

    public func trashed(owner: OwnerID) async throws -> [Contact] {
        try await self.select(self.database).where("owner_id", .equal, SQLBind(owner.rawValue))
            .where("deleted_at", .isNot, SQLLiteral.null).orderBy("deleted_at", .descending).orderBy("id", .descending)
            .all().map { try Row($0).contact }
    }

    public func untrash(_ id: ContactID, owner: OwnerID, at date: Date) async throws -> Contact {
        try await self.mapDuplicate {
            try await self.database.transaction { tx in
                guard
                    var contact = try await self.select(tx).where("id", .equal, SQLBind(id.rawValue))
                        .where("owner_id", .equal, SQLBind(owner.rawValue)).where("deleted_at", .isNot, SQLLiteral.null)
                        .for(.update).first().map({ try Row($0).contact })
                else { throw ContactsError.notFound }
                try await tx.update("contacts").set("deleted_at", to: SQLLiteral.null)
                    .set("live_phone", to: SQLBind(contact.normalizedPhone)).where("id", .equal, SQLBind(id.rawValue)).run()
                contact.deletedAt = nil
                return contact
            }
        }
    }

    public func purge(trashedBefore date: Date) async throws -> Int {
        try await self.database.transaction { tx in
            let doomed = try await tx.select().column("id").from("contacts").where("deleted_at", .lessThan, SQLBind(date)).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            guard !doomed.isEmpty else { return 0 }
            // Versions go first: SQLite enforces the cascade only when foreign keys are on, so say it outright.
            try await tx.delete(from: "contact_versions").where("contact_id", .in, SQLBind.group(doomed)).run()
            try await tx.delete(from: "contacts").where("id", .in, SQLBind.group(doomed)).run()
            return doomed.count
        }
    }

    public func removeAll(owner: OwnerID) async throws -> Int {
        try await self.database.transaction { tx in
            let doomed = try await tx.select().column("id").from("contacts").where("owner_id", .equal, SQLBind(owner.rawValue)).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            guard !doomed.isEmpty else { return 0 }
            try await tx.delete(from: "contact_versions").where("contact_id", .in, SQLBind.group(doomed)).run()
            try await tx.delete(from: "contacts").where("owner_id", .equal, SQLBind(owner.rawValue)).run()
            return doomed.count
        }
    }

    public func batch<R: Sendable>(_ body: @escaping @Sendable (any ContactRepository) async throws -> R) async throws -> R {
        try await self.database.transaction { tx in try await body(ContactSQLRepository(database: tx)) }
    }

    public func versions(of id: ContactID, owner: OwnerID) async throws -> [ContactVersion]? {
        guard try await self.contact(id, owner: owner) != nil else { return nil }
        return try await self.database.select()
            .columns("id", "contact_id", "name", "phone", "update_time", "operator", "changes")
            .from("contact_versions").where("contact_id", .equal, SQLBind(id.rawValue)).orderBy("id")
            .all(decoding: VersionRow.self).map(\.version)
    }
}
