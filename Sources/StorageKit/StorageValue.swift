public import Foundation

/// A driver-neutral value travelling to or from a database column.
///
/// Both drivers turn SQLKit's `Encodable` binds into these with ``StorageValueEncoder`` and hand rows back as
/// ``StorageRow``s of them, so encoding rules (dates, UUIDs, nested JSON) are written once.
public enum StorageValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case unsignedInteger(UInt64)
    case double(Double)
    case text(String)
    case blob([UInt8])
    /// A point in time; drivers store it with microsecond precision in UTC.
    case date(Date)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension StorageValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): "\(value)"
        case .unsignedInteger(let value): "\(value)"
        case .double(let value): "\(value)"
        case .text(let value): "'\(value)'"
        case .blob(let value): "<\(value.count) bytes>"
        case .date(let value): StorageDateFormat.string(from: value)
        }
    }
}
