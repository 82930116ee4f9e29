/// What goes wrong talking to Redis.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting that cannot work (`REDIS_URL`).
    case configuration(String)
    /// No connection, or the connection broke (refused, timed out, closed): the connection is unusable.
    case connection(String)
    /// The server answered with an error (`-ERR …`, `-WRONGTYPE …`); the connection is still good.
    case server(String)
    /// The server answered something this client did not expect.
    case unexpectedReply(String)

    public var description: String {
        switch self {
        case .configuration(let text): text
        case .connection(let text): "Redis connection: \(text)"
        case .server(let text): "Redis: \(text)"
        case .unexpectedReply(let text): "unexpected Redis reply: \(text)"
        }
    }
}
