import Foundation

/// Message text as the seeds check it: `str.strip()`-like trimming of whitespace and newlines.
public enum MessageText {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's bridging when there is
    /// nothing to trim (nearly every message).
    public static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        guard Self.isTrimmed(first) || Self.isTrimmed(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `text` is empty or only whitespace and newlines.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(Self.isTrimmed)
    }

    /// Membership in `CharacterSet.whitespacesAndNewlines`: Unicode's White_Space property, plus U+200B (zero
    /// width space), which Foundation's set holds too.
    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }
}
