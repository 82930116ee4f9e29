/// A provider's API key. It prints as `<redacted>` so that logging a configuration, an endpoint or an error never
/// shows it; only the request's `Authorization` header reads ``secret``.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let secret: String

    public init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    /// `dump` and other mirrors see no fields.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
