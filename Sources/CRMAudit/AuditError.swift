/// What the audit library refuses, with a nested kind so cases can be added without breaking callers.
public struct AuditError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A key, policy or limit that cannot work.
        case configuration
        /// The recorder was shut down and takes no more events.
        case closed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { self.message }
}
