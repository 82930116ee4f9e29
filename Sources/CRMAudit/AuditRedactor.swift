public import StorageKit

/// Replaces secrets with `"***"` before anything is stored: values under sensitive keys at any depth of a JSON
/// value, sensitive query parameters and headers, and strings that carry a payment-card number.
///
/// A key is sensitive when, lower-cased and without `-` and `_`, it contains one of the fragments:
/// `password` matches `new_password` and `X-Password`; `token` matches `access_token` and `refreshToken`.
public struct AuditRedactor: Sendable {
    public static let mask = "***"
    /// The default fragments. ``init(additionalKeys:)`` extends them.
    public static let defaultKeys = [
        "password", "passwd", "pwd", "secret", "token", "jwt", "authorization", "apikey", "cookie", "session",
        "creditcard", "cardnumber", "cvv", "cvc", "privatekey",
    ]

    public let fragments: [String]
    /// The fragments as UTF-8: keys are matched byte by byte, since this runs for every field of every request.
    private let fragmentBytes: [[UInt8]]

    public init(additionalKeys: [String] = []) {
        self.fragments = Array(Set((Self.defaultKeys + additionalKeys).map(Self.normalize).filter { !$0.isEmpty })).sorted()
        self.fragmentBytes = self.fragments.map { Array($0.utf8) }
    }

    static func normalize(_ key: String) -> String { key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " } }

    public func isSensitive(key: String) -> Bool {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(key.utf8.count)
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " "): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): normalized.append(byte + 32)
            case 0x80...: return self.fragments.contains { Self.normalize(key).contains($0) }  // not ASCII: full Unicode lower-casing
            default: normalized.append(byte)
            }
        }
        return self.fragmentBytes.contains { fragment in normalized.indices.contains { normalized[$0...].starts(with: fragment) } }
    }

    /// `value` with every secret masked.
    public func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (key, member) in members {
                out[key] = self.isSensitive(key: key) && member != .null ? .string(Self.mask) : self.redact(member)
            }
            return .object(out)
        case .array(let items): return .array(items.map(self.redact))
        case .string(let text): return Self.containsCardNumber(text) ? .string(Self.mask) : value
        case .int(let number): return Self.containsCardNumber(String(number)) ? .string(Self.mask) : value
        default: return value
        }
    }

    /// Query parameters or headers as an object, secrets masked.
    public func redact(fields: [(String, String)]) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for (name, value) in fields {
            let masked = self.isSensitive(key: name) || Self.containsCardNumber(value) ? Self.mask : value
            if case .string(let existing) = out[name] {
                out[name] = .string(existing + "," + masked)
            } else {
                out[name] = .string(masked)
            }
        }
        return .object(out)
    }

    /// Issuer prefixes (Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay): phone numbers and
    /// millisecond timestamps, which can pass the Luhn check too, do not start like this.
    static func hasCardPrefix(_ digits: [UInt8]) -> Bool {
        let first = digits[0]
        if (3...6).contains(first) { return true }
        let four = digits.prefix(4).reduce(0) { $0 * 10 + Int($1) }
        return first == 2 && (2221...2720).contains(four)
    }

    /// Whether `text` holds 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check.
    static func containsCardNumber(_ text: String) -> Bool {
        var digits: [UInt8] = []
        var lastWasSeparator = false
        func check() -> Bool {
            guard (13...19).contains(digits.count), Self.hasCardPrefix(digits) else { return false }
            var sum = 0
            for (index, digit) in digits.reversed().enumerated() {
                var d = Int(digit)
                if index % 2 == 1 {
                    d *= 2
                    if d > 9 { d -= 9 }
                }
                sum += d
            }
            return sum % 10 == 0
        }
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                lastWasSeparator = false
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-"), !digits.isEmpty, !lastWasSeparator {
                lastWasSeparator = true
            } else {
                if check() { return true }
                digits.removeAll(keepingCapacity: true)
                lastWasSeparator = false
            }
        }
        return check()
    }
}
