public import Foundation
public import SQLKit

/// One result row as both drivers return it: the column names (shared by every row of a result) and the values.
public struct StorageRow: SQLRow, Sendable {
    /// Column names and their positions, built once per result and shared by its rows.
    public final class Columns: Sendable {
        public let names: [String]
        let positions: [String: Int]

        public init(_ names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            positions.reserveCapacity(names.count)
            // The first column of a name wins, as in a `SELECT a.id, b.id` read by name.
            for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
            self.positions = positions
        }

        /// The position of the first column named `name`. A row of a dozen columns is searched in order (comparing
        /// short names costs less than hashing one); wider ones through the table.
        func index(of name: String) -> Int? {
            guard self.names.count <= 16 else { return self.positions[name] }
            for (index, candidate) in self.names.enumerated() where candidate == name { return index }
            return nil
        }
    }

    public let columns: Columns
    public let values: [StorageValue]

    public init(columns: Columns, values: [StorageValue]) {
        self.columns = columns
        self.values = values
    }

    public var allColumns: [String] { self.columns.names }

    public func contains(column: String) -> Bool { self.columns.index(of: column) != nil }

    public func value(column: String) throws -> StorageValue {
        guard let index = self.columns.index(of: column) else {
            throw StorageError(.decoding, "the result has no column '\(column)'")
        }
        return self.values[index]
    }

    public func decodeNil(column: String) throws -> Bool { try self.value(column: column).isNull }

    public func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try StorageValueDecoder().decode(type, from: try self.value(column: column), column: column)
    }
}
