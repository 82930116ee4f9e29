public import Foundation

/// Where address books live. Every call names the owner: another owner's contact behaves as missing.
/// Phone numbers are unique per owner among live contacts (by normalized form); trashed ones do not count.
public protocol ContactRepository: Sendable {
    /// Saves a new contact and its first version in one transaction; `.duplicatePhone` on a clash.
    func insert(_ draft: ContactDraft, owner: OwnerID, operator: String, at date: Date) async throws -> (Contact, ContactVersion)
    /// A live contact.
    func contact(_ id: ContactID, owner: OwnerID) async throws -> Contact?
    /// The live contact with this normalized number, if any.
    func contact(normalizedPhone: String, owner: OwnerID) async throws -> Contact?
    /// Live contacts, newest first (creation time, then id, both descending).
    func contacts(owner: OwnerID, query: ContactQuery) async throws -> [Contact]
    /// Applies `draft` when it differs, recording a version with the changed fields, atomically with the check
    /// of `expectedRevision` (`.stale` when it no longer matches). `.notFound`, `.duplicatePhone`.
    func update(
        _ id: ContactID,
        owner: OwnerID,
        to draft: ContactDraft,
        operator: String,
        at date: Date,
        expectedRevision: Int?
    ) async throws -> ContactUpdate
    /// Moves a live contact to the trash; false when there was none.
    func trash(_ id: ContactID, owner: OwnerID, at date: Date) async throws -> Bool
    /// Contacts in the trash, most recently deleted first.
    func trashed(owner: OwnerID) async throws -> [Contact]
    /// Brings a contact back from the trash; `.notFound`, or `.duplicatePhone` when a live contact took the number.
    func untrash(_ id: ContactID, owner: OwnerID, at date: Date) async throws -> Contact
    /// Deletes for good every contact trashed before `date`, with its versions; returns how many.
    func purge(trashedBefore date: Date) async throws -> Int
    /// Deletes every contact of `owner`, live and trashed, with its versions (the owner's account is deleted);
    /// returns how many contacts went.
    @discardableResult func removeAll(owner: OwnerID) async throws -> Int
    /// A live contact's versions, oldest first; `nil` when the contact does not exist.
    func versions(of id: ContactID, owner: OwnerID) async throws -> [ContactVersion]?
    /// Runs `body` with a repository whose calls share one transaction (SQL) — much faster for many small
    /// writes, as an import makes. Each call inside still succeeds or fails on its own.
    func batch<R: Sendable>(_ body: @escaping @Sendable (any ContactRepository) async throws -> R) async throws -> R
}

/// The fields that differ between a stored contact and a draft.
func changes(from contact: Contact?, to draft: ContactDraft) -> [FieldChange] {
    var changes: [FieldChange] = []
    if contact?.name != draft.name { changes.append(FieldChange(field: "name", old: contact?.name, new: draft.name)) }
    if contact?.phone != draft.phone { changes.append(FieldChange(field: "phone", old: contact?.phone, new: draft.phone)) }
    return changes
}

/// Address books in memory, for tests and programs that keep nothing.
public actor ContactMemoryRepository: ContactRepository {
    private var contacts: [ContactID: Contact] = [:]
    private var versionsByContact: [ContactID: [ContactVersion]] = [:]
    private var nextContactID: Int64 = 1
    private var nextVersionID: Int64 = 1

    public init() {}

    private func phoneTaken(_ phone: String, owner: OwnerID, except: ContactID? = nil) -> Bool {
        self.contacts.values.contains { $0.owner == owner && $0.deletedAt == nil && $0.normalizedPhone == phone && $0.id != except }
    }

    private func addVersion(_ contact: Contact, operator: String, at date: Date, changes: [FieldChange]) -> ContactVersion {
        let version = ContactVersion(
            id: self.nextVersionID,
            contactID: contact.id,
            name: contact.name,
            phone: contact.phone,
            updatedAt: date,
            operator: `operator`,
            changes: changes
        )
        self.nextVersionID += 1
        self.versionsByContact[contact.id, default: []].append(version)
        return version
    }

    public func insert(_ draft: ContactDraft, owner: OwnerID, operator: String, at date: Date) throws -> (Contact, ContactVersion) {
        guard !self.phoneTaken(draft.normalizedPhone, owner: owner) else { throw ContactsError.duplicatePhone }
        let contact = Contact(
            id: ContactID(self.nextContactID),
            owner: owner,
            name: draft.name,
            phone: draft.phone,
            normalizedPhone: draft.normalizedPhone,
            createdAt: date,
            updatedAt: date
        )
        self.nextContactID += 1
        self.contacts[contact.id] = contact
        return (contact, self.addVersion(contact, operator: `operator`, at: date, changes: changes(from: nil, to: draft)))
    }

    public func contact(_ id: ContactID, owner: OwnerID) -> Contact? {
        self.contacts[id].flatMap { $0.owner == owner && $0.deletedAt == nil ? $0 : nil }
    }

    public func contact(normalizedPhone: String, owner: OwnerID) -> Contact? {
        self.contacts.values.first { $0.owner == owner && $0.deletedAt == nil && $0.normalizedPhone == normalizedPhone }
    }

    public func contacts(owner: OwnerID, query: ContactQuery) -> [Contact] {
        var result = self.contacts.values.filter { $0.owner == owner && $0.deletedAt == nil }
        if let search = query.search?.lowercased() {
            result = result.filter { contact in
                contact.name.lowercased().contains(search) || query.searchDigits.map { contact.normalizedPhone.contains($0) } == true
            }
        }
        result.sort { ($0.createdAt, $0.id.rawValue) > ($1.createdAt, $1.id.rawValue) }
        if let after = query.after {
            result = result.filter { ($0.createdAt, $0.id.rawValue) < (after.createdAt, after.id.rawValue) }
        }
        if let limit = query.limit { result = Array(result.prefix(limit)) }
        return result
    }

    public func update(
        _ id: ContactID,
        owner: OwnerID,
        to draft: ContactDraft,
        operator: String,
        at date: Date,
        expectedRevision: Int?
    ) throws -> ContactUpdate {
        guard var contact = self.contact(id, owner: owner) else { throw ContactsError.notFound }
        if let expectedRevision, expectedRevision != contact.revision { throw ContactsError.stale(current: contact) }
        let changed = changes(from: contact, to: draft)
        guard !changed.isEmpty else { return .unchanged(contact) }
        guard !self.phoneTaken(draft.normalizedPhone, owner: owner, except: id) else { throw ContactsError.duplicatePhone }
        contact.name = draft.name
        contact.phone = draft.phone
        contact.normalizedPhone = draft.normalizedPhone
        contact.updatedAt = date
        contact.revision += 1
        self.contacts[id] = contact
        return .updated(contact, self.addVersion(contact, operator: `operator`, at: date, changes: changed))
    }

    public func trash(_ id: ContactID, owner: OwnerID, at date: Date) -> Bool {
        guard self.contact(id, owner: owner) != nil else { return false }
        self.contacts[id]?.deletedAt = date
        return true
    }

    public func trashed(owner: OwnerID) -> [Contact] {
        self.contacts.values.filter { $0.owner == owner && $0.deletedAt != nil }
            .sorted { ($0.deletedAt!, $0.id.rawValue) > ($1.deletedAt!, $1.id.rawValue) }
    }

    public func untrash(_ id: ContactID, owner: OwnerID, at date: Date) throws -> Contact {
        guard var contact = self.contacts[id], contact.owner == owner, contact.deletedAt != nil else { throw ContactsError.notFound }
        guard !self.phoneTaken(contact.normalizedPhone, owner: owner) else { throw ContactsError.duplicatePhone }
        contact.deletedAt = nil
        self.contacts[id] = contact
        return contact
    }

    public func purge(trashedBefore date: Date) -> Int {
        let doomed = self.contacts.values.filter { ($0.deletedAt ?? .distantFuture) < date }.map(\.id)
        for id in doomed {
            self.contacts[id] = nil
            self.versionsByContact[id] = nil
        }
        return doomed.count
    }

    public func removeAll(owner: OwnerID) -> Int {
        let doomed = self.contacts.values.filter { $0.owner == owner }.map(\.id)
        for id in doomed {
            self.contacts[id] = nil
            self.versionsByContact[id] = nil
        }
        return doomed.count
    }

    public func versions(of id: ContactID, owner: OwnerID) -> [ContactVersion]? {
        guard self.contact(id, owner: owner) != nil else { return nil }
        return self.versionsByContact[id] ?? []
    }

    public nonisolated func batch<R: Sendable>(_ body: @escaping @Sendable (any ContactRepository) async throws -> R) async throws -> R {
        try await body(self)
    }
}
