/// One event of a suggestion's stream, numbered from 1 so a client that lost its connection can say which it saw
/// last.
public struct SuggestionEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The next fragment of the suggested reply.
        case content(String)
        /// The suggestion failed; no event follows.
        case error(String)
    }

    public var id: Int
    public var kind: Kind

    public init(id: Int, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}
