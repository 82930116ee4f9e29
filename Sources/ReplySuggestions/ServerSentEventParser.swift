/// Reads a `text/event-stream` incrementally, as its bytes arrive in reads of any size: a line, or a multi-byte
/// UTF-8 character, may be split across reads. Lines end in LF, CRLF or CR; a UTF-8 byte-order mark at the start is
/// skipped; comments (`:` lines) and `retry:` are ignored; an event is dispatched at the blank line after it, and
/// an event without data is not dispatched (the WHATWG HTML standard, "Interpreting an event stream").
public struct ServerSentEventParser: Sendable {
    /// A line longer than the parser accepts: the stream is not a sane event stream.
    public struct LineTooLong: Error, Sendable {}

    /// The longest line accepted, in bytes.
    public let maximumLineLength: Int
    private var line: [UInt8] = []
    private var afterCarriageReturn = false
    private var atStart = true
    private var data: String?
    private var event: String?
    private var lastEventID: String?

    public init(maximumLineLength: Int = 1 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Reads `bytes` and returns the events they complete.
    public mutating func parse(_ bytes: some Sequence<UInt8>) throws(LineTooLong) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if self.afterCarriageReturn {
                self.afterCarriageReturn = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                self.afterCarriageReturn = byte == UInt8(ascii: "\r")
                if let event = self.endLine() { events.append(event) }
            default:
                guard self.line.count < self.maximumLineLength else { throw LineTooLong() }
                self.line.append(byte)
            }
        }
        return events
    }

    /// The stream ended: an event without its closing blank line is not dispatched.
    public mutating func finish() {
        self.line.removeAll()
        self.data = nil
        self.event = nil
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { self.line.removeAll(keepingCapacity: true) }
        var bytes = self.line[...]
        if self.atStart {
            self.atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty {
            defer { (self.data, self.event) = (nil, nil) }
            guard let data = self.data else { return nil }
            return ServerSentEvent(event: self.event, data: data, id: self.lastEventID)
        }
        if bytes.first == UInt8(ascii: ":") { return nil }
        let field: String
        var value = ""
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            var rest = bytes[(colon + 1)...]
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            value = String(decoding: rest, as: UTF8.self)
            field = String(decoding: bytes[..<colon], as: UTF8.self)
        } else {
            field = String(decoding: bytes, as: UTF8.self)
        }
        switch field {
        case "data": self.data = self.data.map { $0 + "\n" + value } ?? value
        case "event": self.event = value
        case "id" where !value.utf8.contains(0): self.lastEventID = value
        default: break
        }
        return nil
    }
}
