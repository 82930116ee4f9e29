import StorageKit

/// An id field as the Flask seeds read one: a whole number or a string of digits; anything else (including `0`
/// and negative numbers) is present but names nobody, and the handler answers in its own words.
struct LooseID: Decodable, Sendable {
    /// The positive id, or `nil` when the value is none.
    let value: Int64?

    init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode(JSONValue.self).positiveID
    }
}
