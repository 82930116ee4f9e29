/// Why a completion failed. The descriptions are safe to show a user: they never carry an API key, a provider's
/// own error text (which may quote the key), or the provider's address.
public enum ChatCompletionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The provider could not be reached (connection refused, DNS, TLS).
    case unreachable
    /// The provider answered with an error status (401 for a bad key, 429 when over its quota, 5xx …).
    case refused(status: Int)
    /// The provider answered something other than an event stream or a completion (an HTML page, say).
    case notAnEventStream
    /// The provider's stream broke a rule of the protocol: an event that is not a completion chunk, a line too long.
    case malformed
    /// The provider sent an error event in the middle of its answer.
    case providerError
    /// The provider did not finish within the time allowed.
    case timedOut
    /// The provider's answer grew past the longest one accepted.
    case tooLong
    /// The stream ended without the provider saying the answer was complete.
    case interrupted

    public var description: String {
        switch self {
        case .unreachable: "The AI provider could not be reached"
        case .refused(let status): "The AI provider refused the request (HTTP \(status))"
        case .notAnEventStream: "The AI provider did not answer with an event stream"
        case .malformed: "The AI provider sent a malformed stream"
        case .providerError: "The AI provider reported an error"
        case .timedOut: "The AI provider did not answer in time"
        case .tooLong: "The AI response was too long"
        case .interrupted: "The AI response was interrupted"
        }
    }
}
