public import Foundation

/// A contact's id.
public struct ContactID: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(self.rawValue) }
}

/// The owner of an address book: the acting user's integer id.
public struct OwnerID: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(self.rawValue) }
}

/// One contact of one owner's address book.
public struct Contact: Sendable, Equatable {
    public var id: ContactID
    public var owner: OwnerID
    public var name: String
    /// The number as the user typed it.
    public var phone: String
    /// Its E.164 form, which uniqueness and search use.
    public var normalizedPhone: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Grows by one with every saved change; the ETag is made from it.
    public var revision: Int
    /// Set while the contact is in the trash.
    public var deletedAt: Date?

    public init(
        id: ContactID,
        owner: OwnerID,
        name: String,
        phone: String,
        normalizedPhone: String,
        createdAt: Date,
        updatedAt: Date,
        revision: Int = 1,
        deletedAt: Date? = nil
    ) {
        self.id = id
        self.owner = owner
        self.name = name
        self.phone = phone
        self.normalizedPhone = normalizedPhone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.deletedAt = deletedAt
    }

    /// A strong HTTP entity tag for the contact's current revision.
    public var etag: String { "\"c\(self.id.rawValue)-r\(self.revision)\"" }
}

/// The validated fields of a contact to save.
public struct ContactDraft: Sendable, Equatable {
    public var name: String
    public var phone: String
    public var normalizedPhone: String

    public init(name: String, phone: String, normalizedPhone: String) {
        self.name = name
        self.phone = phone
        self.normalizedPhone = normalizedPhone
    }
}

/// One field a version changed.
public struct FieldChange: Codable, Sendable, Equatable {
    public var field: String
    /// `nil` for the version that created the contact.
    public var old: String?
    public var new: String

    public init(field: String, old: String?, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A snapshot of a contact after a change, with what changed and who changed it.
public struct ContactVersion: Sendable, Equatable {
    public var id: Int64
    public var contactID: ContactID
    public var name: String
    public var phone: String
    public var updatedAt: Date
    public var `operator`: String
    public var changes: [FieldChange]

    public init(id: Int64, contactID: ContactID, name: String, phone: String, updatedAt: Date, operator: String, changes: [FieldChange]) {
        self.id = id
        self.contactID = contactID
        self.name = name
        self.phone = phone
        self.updatedAt = updatedAt
        self.operator = `operator`
        self.changes = changes
    }
}

/// What an update did.
public enum ContactUpdate: Sendable, Equatable {
    /// Nothing differed: nothing was written.
    case unchanged(Contact)
    case updated(Contact, ContactVersion)

    public var contact: Contact {
        switch self {
        case .unchanged(let contact), .updated(let contact, _): contact
        }
    }
}

/// Which contacts a listing returns: all (newest first), or those matching `search`, a page at a time.
public struct ContactQuery: Sendable, Equatable {
    /// Matched against the name (substring, case-insensitive) and the number's digits.
    public var search: String?
    /// The phone form of `search`, matched against normalized numbers.
    public var searchDigits: String?
    public var limit: Int?
    /// Continue after this contact (by creation time, then id, both descending).
    public var after: (createdAt: Date, id: ContactID)?

    public init(search: String? = nil, searchDigits: String? = nil, limit: Int? = nil, after: (createdAt: Date, id: ContactID)? = nil) {
        self.search = search
        self.searchDigits = searchDigits
        self.limit = limit
        self.after = after
    }

    public static func == (a: ContactQuery, b: ContactQuery) -> Bool {
        a.search == b.search && a.searchDigits == b.searchDigits && a.limit == b.limit
            && a.after?.createdAt == b.after?.createdAt && a.after?.id == b.after?.id
    }
}

/// What contacts operations refuse; the server maps each to the contacts envelope once.
public enum ContactsError: Error, Sendable, Equatable {
    case notFound
    case emptyField
    case tooLong
    case invalidPhone
    case duplicatePhone
    /// `If-Match` named an older revision.
    case stale(current: Contact)
    case versionNotFound
    /// A listing cursor this server did not make.
    case invalidCursor
    /// An import file that cannot be read at all (unknown charset, not text).
    case unreadableFile(String)
}
