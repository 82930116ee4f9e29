/// Case-insensitive matching of ASCII words in header values, byte by byte: it runs on every request, where
/// lowercasing a string or Foundation's search would cost more than the request's own work.
enum ASCIIText {
    /// Whether `text` holds `needle` (lowercase ASCII), in any case.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            return (0...(bytes.count - needle.count)).contains { start in
                needle.indices.allSatisfy { Self.lowered(bytes[start + $0]) == needle[$0] }
            }
        }
    }

    /// Whether `text` starts with `prefix` (lowercase ASCII), in any case.
    static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        let prefix = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        let bytes = text.utf8
        guard bytes.count >= prefix.count else { return false }
        return zip(bytes, prefix).allSatisfy { Self.lowered($0) == $1 }
    }

    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether `bytes` are `word` (lowercase ASCII) in any case.
    static func equals(_ bytes: Substring.UTF8View, _ word: StaticString) -> Bool {
        let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return bytes.count == word.count && zip(bytes, word).allSatisfy { Self.lowered($0) == $1 }
    }
}
