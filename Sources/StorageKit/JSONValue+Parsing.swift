extension JSONValue {
    /// How deep arrays and objects may nest before a text is refused (a hostile body must not exhaust the stack).
    public static let maximumDepth = 512

    /// Parses JSON text (RFC 8259): whitespace around one value, strings that are valid UTF-8, numbers without a
    /// fractional part or exponent as ``int(_:)`` when they fit, others as ``double(_:)``. Duplicate keys keep
    /// the last value, as Python's `json` does.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        let array = Array(bytes)
        var parser = JSONParser(array)
        self = try parser.document()
    }

    /// Parses JSON text held in a string.
    public init(parsing text: String) throws(JSONParseError) {
        try self.init(parsing: Array(text.utf8))
    }
}

/// Why a text is not JSON, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        case empty = "no value"
        case unexpectedCharacter = "unexpected character"
        case unexpectedEnd = "unexpected end of text"
        case invalidNumber = "invalid number"
        case invalidEscape = "invalid escape"
        case invalidUTF8 = "invalid UTF-8"
        case controlCharacter = "unescaped control character in a string"
        case tooDeep = "nested too deeply"
        case trailingText = "text after the value"
    }

    public let reason: Reason
    /// The byte offset where reading stopped.
    public let offset: Int

    public var description: String { "\(self.reason.rawValue) at byte \(self.offset)" }
}

/// A recursive-descent reader over a byte array.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ reason: JSONParseError.Reason) -> JSONParseError { JSONParseError(reason: reason, offset: self.index) }

    mutating func document() throws(JSONParseError) -> JSONValue {
        self.skipWhitespace()
        guard self.index < self.bytes.count else { throw self.fail(.empty) }
        let value = try self.value()
        self.skipWhitespace()
        guard self.index == self.bytes.count else { throw self.fail(.trailingText) }
        return value
    }

    mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case 0x20, 0x0A, 0x0D, 0x09: self.index += 1
            default: return
            }
        }
    }

    mutating func value() throws(JSONParseError) -> JSONValue {
        guard self.index < self.bytes.count else { throw self.fail(.unexpectedEnd) }
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"): return try self.object()
        case UInt8(ascii: "["): return try self.array()
        case UInt8(ascii: "\""): return .string(try self.string())
        case UInt8(ascii: "t"):
            try self.literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try self.literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try self.literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try self.number()
        default: throw self.fail(.unexpectedCharacter)
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.fail(.unexpectedEnd) }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] {
            self.index += offset
            throw self.fail(.unexpectedCharacter)
        }
        self.index += count
    }

    mutating func nest() throws(JSONParseError) {
        self.depth += 1
        guard self.depth <= JSONValue.maximumDepth else { throw self.fail(.tooDeep) }
        self.index += 1
        self.skipWhitespace()
    }

    mutating func object() throws(JSONParseError) -> JSONValue {
        var members: [String: JSONValue] = [:]
        try self.container(closedBy: UInt8(ascii: "}")) { parser throws(JSONParseError) in
            guard parser.index < parser.bytes.count else { throw parser.fail(.unexpectedEnd) }
            guard parser.bytes[parser.index] == UInt8(ascii: "\"") else { throw parser.fail(.unexpectedCharacter) }
            let key = try parser.string()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.fail(.unexpectedEnd) }
            guard parser.bytes[parser.index] == UInt8(ascii: ":") else { throw parser.fail(.unexpectedCharacter) }
            parser.index += 1
            parser.skipWhitespace()
            members[key] = try parser.value()
        }
        return .object(members)
    }

    mutating func array() throws(JSONParseError) -> JSONValue {
        var items: [JSONValue] = []
        try self.container(closedBy: UInt8(ascii: "]")) { parser throws(JSONParseError) in items.append(try parser.value()) }
        return .array(items)
    }

    /// Reads an object or array from its opening bracket: nothing before `close`, or `element`s separated by commas.
    mutating func container(closedBy close: UInt8, element: (inout JSONParser) throws(JSONParseError) -> Void) throws(JSONParseError) {
        try self.nest()
        if self.index < self.bytes.count, self.bytes[self.index] == close {
            self.index += 1
            self.depth -= 1
            return
        }
        while true {
            try element(&self)
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.fail(.unexpectedEnd) }
            switch self.bytes[self.index] {
            case UInt8(ascii: ","):
                self.index += 1
                self.skipWhitespace()
            case close:
                self.index += 1
                self.depth -= 1
                return
            default: throw self.fail(.unexpectedCharacter)
            }
        }
    }

    mutating func string() throws(JSONParseError) -> String {
        self.index += 1  // the opening quote
        let start = self.index
        // The common case: no escapes, so the bytes between the quotes are the string.
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let text = try self.text(self.bytes[start..<self.index])
                self.index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw self.fail(.controlCharacter) }
            self.index += 1
        }
        var out = Array(self.bytes[start..<self.index])
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            switch byte {
            case UInt8(ascii: "\""):
                self.index += 1
                return try self.text(out[...])
            case UInt8(ascii: "\\"):
                self.index += 1
                guard self.index < self.bytes.count else { throw self.fail(.unexpectedEnd) }
                let escape = self.bytes[self.index]
                self.index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try self.hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
                            self.bytes[self.index + 1] == UInt8(ascii: "u")
                        else { throw self.fail(.invalidEscape) }
                        self.index += 2
                        let low = try self.hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw self.fail(.invalidEscape) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw self.fail(.invalidEscape) }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw self.fail(.invalidEscape)
                }
            default:
                guard byte >= 0x20 else { throw self.fail(.controlCharacter) }
                out.append(byte)
                self.index += 1
            }
        }
        throw self.fail(.unexpectedEnd)
    }

    func text(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw self.fail(.invalidUTF8) }
        return text
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard self.index + 4 <= self.bytes.count else { throw self.fail(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.fail(.invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            self.index += 1
        }
        return value
    }

    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = self.index
        func digits() -> Int {
            let from = self.index
            while self.index < self.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self.bytes[self.index]) { self.index += 1 }
            return self.index - from
        }
        if self.bytes[self.index] == UInt8(ascii: "-") { self.index += 1 }
        let leading = self.index
        let count = digits()
        guard count > 0 else { throw self.fail(.invalidNumber) }
        guard count == 1 || self.bytes[leading] != UInt8(ascii: "0") else { throw self.fail(.invalidNumber) }
        var integral = true
        if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ".") {
            integral = false
            self.index += 1
            guard digits() > 0 else { throw self.fail(.invalidNumber) }
        }
        if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "e") || self.bytes[self.index] == UInt8(ascii: "E") {
            integral = false
            self.index += 1
            if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "+") || self.bytes[self.index] == UInt8(ascii: "-") {
                self.index += 1
            }
            guard digits() > 0 else { throw self.fail(.invalidNumber) }
        }
        let text = String(decoding: self.bytes[start..<self.index], as: UTF8.self)
        if integral, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw self.fail(.invalidNumber) }
        return .double(value)
    }
}
