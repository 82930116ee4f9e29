public import Foundation
public import SQLKit

/// A result row read by column position, with the same conversions as ``StorageValueDecoder``: what a repository
/// that knows its `SELECT`'s column order reads a listing with. ``StorageRow`` is one; a driver that streams rows
/// (``StorageRowStreaming``) hands out another that reads the database's buffers in place and is valid only inside
/// the callback that received it.
public protocol StorageRowReader {
    /// The number of columns.
    var columnCount: Int { get }
    /// The name of column `index`, for error messages.
    func columnName(at index: Int) -> String
    /// Column `index` as a value, in the general form.
    func value(at index: Int) throws -> StorageValue
    func isNull(at index: Int) throws -> Bool
    func int64(at index: Int) throws -> Int64
    func int(at index: Int) throws -> Int
    func string(at index: Int) throws -> String
    func date(at index: Int) throws -> Date
    /// Column `index` decoded as the named decoders do.
    func decode<D: Decodable>(_ type: D.Type, at index: Int) throws -> D
}

extension StorageRowReader {
    public func isNull(at index: Int) throws -> Bool { try self.value(at: index).isNull }

    public func int64(at index: Int) throws -> Int64 { try self.decode(Int64.self, at: index) }
    public func int(at index: Int) throws -> Int { try self.decode(Int.self, at: index) }
    public func string(at index: Int) throws -> String { try self.decode(String.self, at: index) }
    public func date(at index: Int) throws -> Date { try self.decode(Date.self, at: index) }

    public func optionalString(at index: Int) throws -> String? { try self.isNull(at: index) ? nil : try self.string(at: index) }
    public func optionalInt64(at index: Int) throws -> Int64? { try self.isNull(at: index) ? nil : try self.int64(at: index) }
    public func optionalDate(at index: Int) throws -> Date? { try self.isNull(at: index) ? nil : try self.date(at: index) }

    /// Column `index` decoded as the named decoders do.
    public func decode<D: Decodable>(_ type: D.Type, at index: Int) throws -> D {
        try StorageValueDecoder().decode(type, from: try self.value(at: index), column: self.columnName(at: index))
    }
}

extension StorageRow: StorageRowReader {
    public var columnCount: Int { self.values.count }

    public func columnName(at index: Int) -> String {
        self.columns.names.indices.contains(index) ? self.columns.names[index] : "#\(index)"
    }

    public func value(at index: Int) throws -> StorageValue {
        guard self.values.indices.contains(index) else { throw StorageError(.decoding, "the result has no column \(index)") }
        return self.values[index]
    }
}

/// Any other driver's row, read by position through column names: position `i` is the column named `names[i]`.
/// The typed readers come from the protocol's defaults, which go through ``decode(_:at:)``.
struct SQLRowColumnReader: StorageRowReader {
    let row: any SQLRow
    let names: [String]

    init(_ row: any SQLRow, names: [String]) {
        self.row = row
        self.names = names
    }

    var columnCount: Int { self.names.count }

    func columnName(at index: Int) -> String { self.names.indices.contains(index) ? self.names[index] : "#\(index)" }

    func value(at index: Int) throws -> StorageValue {
        throw StorageError(.decoding, "column \(index) of a \(type(of: self.row)) has no storage value")
    }

    func name(_ index: Int) throws -> String {
        guard self.names.indices.contains(index) else { throw StorageError(.decoding, "the result has no column \(index)") }
        return self.names[index]
    }

    func isNull(at index: Int) throws -> Bool { try self.row.decodeNil(column: try self.name(index)) }

    func decode<D: Decodable>(_ type: D.Type, at index: Int) throws -> D {
        try self.row.decode(column: try self.name(index), as: type)
    }

}
