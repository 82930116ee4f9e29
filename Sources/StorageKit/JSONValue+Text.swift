extension JSONValue {
    /// The JSON text, compact, objects in their own order: what responses are written as. Written directly, since
    /// Foundation's `JSONEncoder` spent most of a large listing's time on boxing and dynamic casts.
    @inlinable
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        self.write(to: &out, sortingKeys: false)
        return out
    }

    /// Compact JSON with object keys in code-point order: one text per value, whoever writes it. The audit log
    /// stores this and its chain hash covers it, so a value reads back byte for byte.
    public var canonicalText: String { String(decoding: self.canonicalBytes, as: UTF8.self) }

    /// ``canonicalText`` as UTF-8.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        self.write(to: &out, sortingKeys: true)
        return out
    }

    @usableFromInline
    func write(to out: inout [UInt8], sortingKeys: Bool) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let v): out.append(contentsOf: (v ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .double(let v): out.append(contentsOf: (v.isFinite ? String(v) : "null").utf8)
        case .string(let v): JSONText.appendQuoted(v, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out, sortingKeys: sortingKeys)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members) where !sortingKeys:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in members {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                Self.writeMember(key, value, to: &out, sortingKeys: false)
            }
            out.append(UInt8(ascii: "}"))
        case .ordered(let members) where !sortingKeys:
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeMember(key, value, to: &out, sortingKeys: false)
            }
            out.append(UInt8(ascii: "}"))
        case .object, .ordered:
            // UTF-8 byte order is code-point order.
            let members = Dictionary(self.members!, uniquingKeysWith: { _, last in last })
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeMember(key, members[key].unsafelyUnwrapped, to: &out, sortingKeys: true)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    @usableFromInline
    static func writeMember(_ key: String, _ value: JSONValue, to out: inout [UInt8], sortingKeys: Bool) {
        JSONText.appendQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
        value.write(to: &out, sortingKeys: sortingKeys)
    }

    /// The JSON text as Python's `json.dumps(value, indent=2, ensure_ascii=False)` writes it: a dictionary's keys
    /// sorted, an ordered object's in its order.
    public func pretty(indent: Int = 0, to out: inout [UInt8]) {
        func newline(_ level: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
        }
        let members: [(String, JSONValue)]
        switch self {
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.pretty(indent: indent + 1, to: &out)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
            return
        case .object(let dictionary): members = dictionary.sorted { $0.key < $1.key }
        case .ordered(let list): members = list
        default: return self.write(to: &out, sortingKeys: false)
        }
        guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
        out.append(UInt8(ascii: "{"))
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            JSONText.appendQuoted(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            value.pretty(indent: indent + 1, to: &out)
        }
        newline(indent)
        out.append(UInt8(ascii: "}"))
    }

    /// `text` as the inside of a JSON string literal (no quotes), for bodies streamed piece by piece.
    public static func escaped(_ text: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendQuoted(String(decoding: Array(text), as: UTF8.self), to: &out)
        return Array(out.dropFirst().dropLast())
    }
}
