import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// The timestamp forms of the API families.
enum WireDate {
    /// Seed 001: naive UTC ISO 8601 with six fractional digits, `2025-07-21T06:53:19.685547`.
    static func iso(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        // The storage form with its one space made a `T` (without Foundation's string search: this runs for every
        // message frame).
        var bytes = Array(StorageDateFormat.string(from: date).utf8)
        if let space = bytes.firstIndex(of: UInt8(ascii: " ")) { bytes[space] = UInt8(ascii: "T") }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// ``iso(_:)`` appended to `out` as a quoted JSON string.
    static func appendISO(_ date: Date, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let start = out.count
        out.append(contentsOf: StorageDateFormat.string(from: date).utf8)
        if let space = out[start...].firstIndex(of: UInt8(ascii: " ")) { out[space] = UInt8(ascii: "T") }
        out.append(UInt8(ascii: "\""))
    }

    /// Seed 003's REST form: naive UTC to the second, `2025-07-21 06:53:19`.
    static func seconds(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .string(String(StorageDateFormat.string(from: date).prefix(19)))
    }

    /// Seed 004: whole epoch seconds.
    static func epoch(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .int(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
