/// A provider's API key. It prints as `<redacted>` so that logging a configuration, an endpoint or an error never
/// shows it; only the request's `Authorization` header reads ``secret``.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let secret: String

    public init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
