/// The one error type both storage drivers throw, so domain code can react to a duplicate key or a lost database
/// without knowing which driver is underneath.
///
/// ```swift
/// do { try await repository.insert(contact) }
/// catch let error as StorageError where error.kind == .duplicate { throw ContactsError.duplicatePhone(phone) }
/// ```
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in terms a caller can act on. New kinds may be added; switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// A unique or primary key already holds the value.
        public static let duplicate = Kind(name: "duplicate")
        /// A foreign key points at a row that does not exist, or a referenced row is still in use.
        public static let foreignKey = Kind(name: "foreignKey")
        /// Another constraint failed: NOT NULL, CHECK, a value out of range for its column.
        public static let constraint = Kind(name: "constraint")
        /// Two writers collided (deadlock, lock timeout, busy database); the operation may succeed when retried.
        public static let conflict = Kind(name: "conflict")
        /// The database cannot be reached, refused the credentials, or the connection was lost.
        public static let unavailable = Kind(name: "unavailable")
        /// The statement itself is wrong: syntax, unknown table or column, a value of the wrong type.
        public static let query = Kind(name: "query")
        /// A stored value cannot be decoded as the requested Swift type.
        public static let decoding = Kind(name: "decoding")
        /// The configuration (a database URL, a file path) is unusable.
        public static let configuration = Kind(name: "configuration")

        public var description: String { self.name }
    }

    public let kind: Kind
    /// A one-line explanation. It never contains a password.
    public let message: String
    /// The driver's native error code, when there is one (a MariaDB errno, an SQLite extended result code).
    public let code: Int?

    public init(_ kind: Kind, _ message: String, code: Int? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    public var description: String {
        if let code { return "\(self.message) (\(self.kind), code \(code))" }
        return "\(self.message) (\(self.kind))"
    }
}
