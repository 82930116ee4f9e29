public import Foundation
public import Logging
import StorageKit

/// The address-book rules over a ``ContactRepository``: validation and phone normalization, versions on real
/// changes only, `If-Match` revisions, a trash kept for `trashRetention`, restoring old versions.
///
/// ```swift
/// let contacts = ContactsService(repository: ContactSQLRepository(database: db), logger: logger)
/// let (alice, _) = try await contacts.add(owner: me, name: "Alice", phone: "138-0013-8000", operator: "me")
/// ```
public struct ContactsService: Sendable {
    public static let maximumNameLength = 100
    public static let maximumPhoneLength = 20

    public let repository: any ContactRepository
    public let normalizer: PhoneNumberNormalizer
    public let trashRetention: Duration
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        repository: any ContactRepository,
        normalizer: PhoneNumberNormalizer = PhoneNumberNormalizer()!,
        trashRetention: Duration = .seconds(30 * 86400),
        logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.repository = repository
        self.normalizer = normalizer
        self.trashRetention = trashRetention
        self.logger = logger
        self.now = now
    }

    /// Trims and checks a name and a number; `.emptyField`, `.tooLong` or `.invalidPhone`.
    public func draft(name: String?, phone: String?) throws -> ContactDraft {
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = (phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, !phone.isEmpty else { throw ContactsError.emptyField }
        guard name.unicodeScalars.count <= Self.maximumNameLength, phone.unicodeScalars.count <= Self.maximumPhoneLength else {
            throw ContactsError.tooLong
        }
        guard let normalized = self.normalizer.normalize(phone) else { throw ContactsError.invalidPhone }
        return ContactDraft(name: name, phone: phone, normalizedPhone: normalized)
    }

    public func add(owner: OwnerID, name: String?, phone: String?, operator: String) async throws -> (Contact, ContactVersion) {
        let draft = try self.draft(name: name, phone: phone)
        return try await self.repository.insert(draft, owner: owner, operator: `operator`, at: self.now())
    }

    public func contact(_ id: ContactID, owner: OwnerID) async throws -> Contact {
        guard let contact = try await self.repository.contact(id, owner: owner) else { throw ContactsError.notFound }
        return contact
    }

    /// A page of the address book, newest first, and the cursor of the next page (nil on the last).
    /// Without `search` and `limit` it is the whole book, as seed 000 answers.
    public func list(
        owner: OwnerID,
        search: String? = nil,
        limit: Int? = nil,
        cursor: String? = nil
    ) async throws -> (contacts: [Contact], next: String?) {
        var query = ContactQuery(limit: limit.map { $0 + 1 })
        if let search = search?.trimmingCharacters(in: .whitespacesAndNewlines), !search.isEmpty {
            query.search = search
            query.searchDigits = self.normalizer.searchDigits(search)
        }
        if let cursor {
            guard let position = Self.decodeCursor(cursor) else { throw ContactsError.invalidCursor }
            query.after = position
        }
        var contacts = try await self.repository.contacts(owner: owner, query: query)
        var next: String?
        if let limit, contacts.count > limit {
            contacts.removeLast(contacts.count - limit)
            next = contacts.last.map(Self.encodeCursor)
        }
        return (contacts, next)
    }

    static func encodeCursor(_ contact: Contact) -> String {
        KeysetCursor(key: .date(contact.createdAt), id: contact.id.rawValue).token
    }

    static func decodeCursor(_ text: String) -> (createdAt: Date, id: ContactID)? {
        guard let cursor = KeysetCursor(token: text), case .date(let date) = cursor.key else { return nil }
        return (date, ContactID(cursor.id))
    }

    /// Saves new values when they differ (a version records what changed). `ifMatch` is an `If-Match` header:
    /// `*`, or the contact's ETag; anything else is `.stale` and changes nothing.
    public func update(
        _ id: ContactID,
        owner: OwnerID,
        name: String?,
        phone: String?,
        operator: String,
        ifMatch: String? = nil
    ) async throws -> ContactUpdate {
        let draft = try self.draft(name: name, phone: phone)
        return try await self.repository.update(
            id,
            owner: owner,
            to: draft,
            operator: `operator`,
            at: self.now(),
            expectedRevision: Self.revision(in: ifMatch, for: id)
        )
    }

    /// The revision an `If-Match` value requires: nil for none or `*`, -1 for tags that are not this contact's.
    static func revision(in ifMatch: String?, for id: ContactID) -> Int? {
        guard let ifMatch = ifMatch?.trimmingCharacters(in: .whitespaces), !ifMatch.isEmpty, ifMatch != "*" else { return nil }
        let prefix = "\"c\(id.rawValue)-r"
        for tag in ifMatch.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where tag.hasPrefix(prefix) && tag.hasSuffix("\"") {
            if let revision = Int(tag.dropFirst(prefix.count).dropLast()) { return revision }
        }
        return -1
    }

    /// Moves the contact to the trash (the seed's delete), where it stays for `trashRetention`.
    public func delete(_ id: ContactID, owner: OwnerID) async throws {
        guard try await self.repository.trash(id, owner: owner, at: self.now()) else { throw ContactsError.notFound }
        await self.purgeExpired()
    }

    public func trash(owner: OwnerID) async throws -> [Contact] {
        await self.purgeExpired()
        return try await self.repository.trashed(owner: owner)
    }

    public func restore(_ id: ContactID, owner: OwnerID) async throws -> Contact {
        await self.purgeExpired()
        return try await self.repository.untrash(id, owner: owner, at: self.now())
    }

    /// Deletes for good what has been in the trash longer than `trashRetention`.
    public func purgeExpired() async {
        let cutoff = self.now().addingTimeInterval(-TimeInterval(self.trashRetention.components.seconds))
        do {
            let purged = try await self.repository.purge(trashedBefore: cutoff)
            if purged > 0 { self.logger.info("purged contacts from the trash", metadata: ["count": "\(purged)"]) }
        } catch {
            self.logger.warning("could not purge the contacts trash", metadata: ["error": "\(error)"])
        }
    }

    public func versions(of id: ContactID, owner: OwnerID) async throws -> [ContactVersion] {
        guard let versions = try await self.repository.versions(of: id, owner: owner) else { throw ContactsError.notFound }
        return versions
    }

    /// Makes an old version's values current again, as a new version.
    public func restore(
        version versionID: Int64,
        of id: ContactID,
        owner: OwnerID,
        operator: String,
        ifMatch: String? = nil
    ) async throws -> ContactUpdate {
        guard let version = try await self.versions(of: id, owner: owner).first(where: { $0.id == versionID }) else {
            throw ContactsError.versionNotFound
        }
        return try await self.update(id, owner: owner, name: version.name, phone: version.phone, operator: `operator`, ifMatch: ifMatch)
    }
}

extension ContactsService {
    /// Imports records: a new number is created; a known number (also earlier in the same file) with another
    /// name updates that contact; a known number with the same name is skipped — so importing a file twice adds
    /// nothing. Broken or invalid records are rejected with the reason; the others still go in.
    public func importRecords(
        _ records: [ImportRecord],
        owner: OwnerID,
        operator: String,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ImportReport {
        // Merge the file's own duplicates first: the last row with a number wins, so a second import of the
        // same file finds everything as it left it.
        var drafts: [ContactDraft?] = []
        var lastRow: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            let draft = record.problem == nil ? try? self.draft(name: record.name, phone: record.phone) : nil
            drafts.append(draft)
            if let draft { lastRow[draft.normalizedPhone] = index }
        }
        let (validDrafts, lastRowOfNumber) = (drafts, lastRow)
        var report = ImportReport()
        report.rows.reserveCapacity(records.count)
        // Batches of rows share one transaction; each row is still its own savepoint.
        let batchSize = 500
        for start in stride(from: 0, to: records.count, by: batchSize) {
            let range = start..<min(start + batchSize, records.count)
            let rows = try await self.repository.batch { repository in
                var rows: [ImportReport.Row] = []
                for index in range {
                    let record = records[index]
                    if let draft = validDrafts[index], let last = lastRowOfNumber[draft.normalizedPhone], last != index {
                        let reason = "same number as row \(records[last].position); merged into it"
                        rows.append(ImportReport.Row(position: record.position, outcome: .skipped, contactID: nil, reason: reason))
                    } else {
                        rows.append(await self.importRecord(record, into: repository, owner: owner, operator: `operator`))
                    }
                }
                return rows
            }
            report.rows += rows
            progress?(range.upperBound)
        }
        return report
    }

    private func importRecord(
        _ record: ImportRecord,
        into repository: any ContactRepository,
        owner: OwnerID,
        operator: String
    ) async -> ImportReport.Row {
        func row(_ outcome: ImportReport.Outcome, _ id: ContactID? = nil, _ reason: String? = nil) -> ImportReport.Row {
            ImportReport.Row(position: record.position, outcome: outcome, contactID: id, reason: reason)
        }
        if let problem = record.problem { return row(.rejected, nil, problem) }
        do {
            let draft = try self.draft(name: record.name, phone: record.phone)
            if let existing = try await repository.contact(normalizedPhone: draft.normalizedPhone, owner: owner) {
                if existing.name == draft.name { return row(.skipped, existing.id, "already in the address book") }
                // Keep the number as it was written there; the file brings the new name.
                let merged = ContactDraft(name: draft.name, phone: existing.phone, normalizedPhone: existing.normalizedPhone)
                let update = try await repository.update(
                    existing.id,
                    owner: owner,
                    to: merged,
                    operator: `operator`,
                    at: self.now(),
                    expectedRevision: nil
                )
                return row(.updated, update.contact.id, "same number as an existing contact; name updated")
            }
            let (contact, _) = try await repository.insert(draft, owner: owner, operator: `operator`, at: self.now())
            return row(.created, contact.id)
        } catch let error as ContactsError {
            return row(.rejected, nil, Self.describe(error))
        } catch {
            return row(.rejected, nil, "could not be saved: \(error)")
        }
    }

    /// A sentence for a refused record.
    public static func describe(_ error: ContactsError) -> String {
        switch error {
        case .emptyField: "name and phone must not be empty"
        case .tooLong: "name over \(maximumNameLength) or phone over \(maximumPhoneLength) characters"
        case .invalidPhone: "the phone is not a phone number"
        case .duplicatePhone: "the phone number is already used"
        case .notFound: "contact not found"
        case .stale: "the contact changed meanwhile"
        case .versionNotFound: "version not found"
        case .invalidCursor: "invalid cursor"
        case .unreadableFile(let reason): reason
        }
    }

    /// Writes the whole live address book in `format`, a page at a time, through `write`.
    public func export(owner: OwnerID, format: ContactFileFormat, pageSize: Int = 1000, write: (String) async throws -> Void) async throws {
        try await write(ContactFileWriter.header(format))
        var after: (createdAt: Date, id: ContactID)?
        while true {
            let page = try await self.repository.contacts(owner: owner, query: ContactQuery(limit: pageSize, after: after))
            var chunk = ""
            for contact in page { chunk += ContactFileWriter.entry(contact, format: format) }
            if !chunk.isEmpty { try await write(chunk) }
            guard page.count == pageSize, let last = page.last else { return }
            after = (last.createdAt, last.id)
        }
    }
}
