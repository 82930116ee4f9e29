import Foundation
import StorageKit

/// How the seed handlers read loosely typed values out of request bodies and socket frames.
extension JSONValue {
    /// Python's truth: `null`, `false`, `0`, `""`, `[]` and `{}` are false, everything else true.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .int(let value): value != 0
        case .double(let value): value != 0
        case .string(let text): !text.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let members): !members.isEmpty
        case .ordered(let members): !members.isEmpty
        }
    }

    /// A boolean or a number read as one; `fallback` for anything else.
    func flag(default fallback: Bool) -> Bool {
        self.boolValue ?? self.numberValue.map { $0 != 0 } ?? fallback
    }

    /// A positive id: a whole number, or a string of digits (surrounding spaces allowed); `nil` for anything else.
    var positiveID: Int64? {
        let number = self.integerValue ?? self.stringValue.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard let number, number > 0 else { return nil }
        return number
    }

    /// The value as a message quotes it: a string as itself, anything else as JSON with its object keys in order
    /// (the same value quoted the same way every time: an object's members come in no fixed order).
    var displayText: String {
        if case .string(let text) = self { return text }
        return self.canonicalText
    }
}
