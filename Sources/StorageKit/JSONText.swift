/// JSON text written byte by byte: the one escaping rule for the server's responses and the audit chain's
/// canonical content (which must never change, or stored hashes stop verifying).
public enum JSONText {
    public static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends literal JSON text (punctuation and keys written in the code) as it is.
    public static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `value` in decimal.
    public static func append(_ value: Int64, to out: inout [UInt8]) {
        if value >= 0, value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            out.append(contentsOf: buffer[index...])
        }
    }

    /// Appends `string` as a quoted JSON string: `"` `\` and control characters escaped, everything else as UTF-8.
    public static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: checked, then copied whole.
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain != true {
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "\n"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 0x0f)])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `bytes` as lowercase hexadecimal.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(Self.hexDigits[Int(byte >> 4)])
            out.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
