/// Refuses, before the multipart parser sees them, part headers whose field name holds a byte outside ASCII:
/// multipart-kit's parser indexes a 128-entry table with such a byte and traps, which would take the whole server
/// down on one crafted upload (found by `Scripts/fuzz`). Values may hold UTF-8 (`filename="张.png"`); only the
/// name before the colon is checked. Streaming: the body arrives in buffers split anywhere, so the state carries
/// over between calls.
struct MultipartHeaderCheck {
    /// `--boundary` until the first one is seen (the parser takes it after any preamble), then `\r\n--boundary`:
    /// a part's headers follow the line a delimiter starts.
    private var delimiter: [UInt8]
    /// The longest proper prefix of `delimiter[..<i+1]` that is also its suffix (Knuth–Morris–Pratt).
    private var fallback: [Int]
    private let boundary: String
    private var matched = 0
    private enum State { case body, boundaryLine, headerName, headerValue }
    private var state = State.body
    private var lineIsEmpty = true
    /// Lines end at CRLF only, as the parser reads them: a bare LF belongs to the line.
    private var afterCR = false

    init(boundary: String) {
        self.boundary = boundary
        self.delimiter = Array("--\(boundary)".utf8)
        self.fallback = Self.fallback(self.delimiter)
    }

    static func fallback(_ pattern: [UInt8]) -> [Int] {
        var fallback = [0]
        var length = 0
        for index in pattern.indices.dropFirst() {
            while length > 0, pattern[index] != pattern[length] { length = fallback[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            fallback.append(length)
        }
        return fallback
    }

    /// False as soon as a header name holds a non-ASCII byte.
    mutating func accepts(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            defer { self.afterCR = byte == UInt8(ascii: "\r") }
            switch self.state {
            case .body:
                while self.matched > 0, byte != self.delimiter[self.matched] { self.matched = self.fallback[self.matched - 1] }
                if byte == self.delimiter[self.matched] { self.matched += 1 }
                if self.matched == self.delimiter.count {
                    self.matched = 0
                    self.state = .boundaryLine
                    if self.delimiter.first != UInt8(ascii: "\r") {
                        self.delimiter = Array("\r\n--\(self.boundary)".utf8)
                        self.fallback = Self.fallback(self.delimiter)
                    }
                }
            case .boundaryLine:
                if self.afterCR, byte == UInt8(ascii: "\n") {
                    self.state = .headerName
                    self.lineIsEmpty = true
                }
            case .headerName:
                if self.afterCR, byte == UInt8(ascii: "\n") {
                    if self.lineIsEmpty { self.state = .body }
                    self.lineIsEmpty = true
                } else if byte == UInt8(ascii: ":") {
                    self.state = .headerValue
                } else if byte >= 0x80 {
                    return false
                } else if byte != UInt8(ascii: "\r") {
                    self.lineIsEmpty = false
                }
            case .headerValue:
                if self.afterCR, byte == UInt8(ascii: "\n") {
                    self.state = .headerName
                    self.lineIsEmpty = true
                }
            }
        }
        return true
    }
}
