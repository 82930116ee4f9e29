/// One event of a `text/event-stream` (the WHATWG HTML standard's server-sent events).
public struct ServerSentEvent: Sendable, Equatable {
    /// The `event:` field; `nil` means the default type, `message`.
    public var event: String?
    /// The `data:` lines joined with line feeds.
    public var data: String
    /// The `id:` field of this event, if it had one.
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}
