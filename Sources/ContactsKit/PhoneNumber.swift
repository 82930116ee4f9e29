import Foundation

/// Turns the ways people write a phone number into one E.164 form (`+8613800138000`), so "+86 138 0013 8000",
/// "138-0013-8000" and "13800138000" are the same number.
///
/// Numbers with a `+` or an international `00` prefix keep their country code; others are read as national
/// numbers of the default region (its trunk `0` dropped). Only the shape is checked — 7 to 15 digits in all,
/// per E.164 — not whether the operator ever assigned the number.
public struct PhoneNumberNormalizer: Sendable {
    /// ISO 3166 region whose national numbers need no country code.
    public let defaultRegion: String
    let callingCode: String

    /// Calling codes of the regions a default may name.
    static let callingCodes: [String: String] = [
        "CN": "86", "HK": "852", "MO": "853", "TW": "886", "JP": "81", "KR": "82", "SG": "65", "MY": "60", "TH": "66",
        "VN": "84", "PH": "63", "ID": "62", "IN": "91", "AU": "61", "NZ": "64", "US": "1", "CA": "1", "GB": "44",
        "DE": "49", "FR": "33", "IT": "39", "ES": "34", "NL": "31", "SE": "46", "CH": "41", "RU": "7", "BR": "55",
        "MX": "52",
    ]

    /// - Parameter defaultRegion: a region from the table above (CN unless set); `nil` when unknown.
    public init?(defaultRegion: String = "CN") {
        guard let code = Self.callingCodes[defaultRegion.uppercased()] else { return nil }
        self.defaultRegion = defaultRegion.uppercased()
        self.callingCode = code
    }

    /// The E.164 form of `text`, or `nil` when it does not read as a phone number: only digits, an optional
    /// leading `+`, spaces, dashes, dots and parentheses are allowed.
    public func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = ""
        var international = false
        for (offset, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case "+" where offset == 0: international = true
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            default: return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if !international {
            // A national number: drop the trunk prefix, then add the region's calling code.
            if self.callingCode == "1", digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
            if self.callingCode != "1", digits.hasPrefix("0") { digits.removeFirst() }
            digits = self.callingCode + digits
        }
        guard (7...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        return "+" + digits
    }

    /// The digits a search text contains when it looks like (part of) a number, for matching normalized numbers.
    public func searchDigits(_ text: String) -> String? {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || " -.()+".contains($0)) }
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard allowed, digits.count >= 3 else { return nil }
        if let full = self.normalize(text) { return String(full.dropFirst()) }
        return digits
    }
}
