public import Foundation
public import SQLKit

/// A page request by number: `page` from 1, `perPage` rows each.
public struct PageRequest: Sendable, Hashable {
    public let page: Int
    public let perPage: Int

    /// Fails with `nil` when `page` or `perPage` is below 1 or `perPage` exceeds `maxPerPage`; callers turn that
    /// into their API's validation error.
    public init?(page: Int, perPage: Int, maxPerPage: Int = 100) {
        guard page >= 1, perPage >= 1, perPage <= maxPerPage else { return nil }
        self.page = page
        self.perPage = perPage
    }

    /// Clamps instead of failing: page < 1 → 1, perPage ≤ 0 → `defaultPerPage`, perPage > max → max.
    public init(clampingPage page: Int, perPage: Int, defaultPerPage: Int = 20, maxPerPage: Int = 100) {
        self.page = max(1, page)
        self.perPage = perPage <= 0 ? defaultPerPage : min(perPage, maxPerPage)
    }

    public var offset: Int { (self.page - 1) * self.perPage }
}

/// One page of items with the total count that numbers the pages.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let request: PageRequest
    public let total: Int

    public init(items: [Item], request: PageRequest, total: Int) {
        self.items = items
        self.request = request
        self.total = total
    }

    public var totalPages: Int { self.total == 0 ? 0 : (self.total + self.request.perPage - 1) / self.request.perPage }
    public var hasNext: Bool { self.request.page < self.totalPages }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try self.items.map(transform), request: self.request, total: self.total)
    }
}

/// An opaque position in a keyset-paginated listing: the sort key of the last row seen plus its id, so rows
/// with equal keys are neither skipped nor repeated.
public struct KeysetCursor: Sendable, Hashable, Codable {
    public let key: StorageValue
    public let id: Int64

    public init(key: StorageValue, id: Int64) {
        self.key = key
        self.id = id
    }

    /// A URL-safe token for the client to send back.
    public var token: String {
        let payload: String
        switch self.key {
        case .integer(let v): payload = "i:\(v):\(self.id)"
        case .double(let v): payload = "d:\(v):\(self.id)"
        case .date(let d): payload = "t:\(d.timeIntervalSince1970):\(self.id)"
        default: payload = "s:\(self.id):" + ((try? StorageValueDecoder().decode(String.self, from: self.key)) ?? "")
        }
        return Data(payload.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token made by ``token``; `nil` when it was not.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        switch parts[0] {
        case "i":
            guard let v = Int64(parts[1]), let id = Int64(parts[2]) else { return nil }
            self.init(key: .integer(v), id: id)
        case "d":
            guard let v = Double(parts[1]), let id = Int64(parts[2]) else { return nil }
            self.init(key: .double(v), id: id)
        case "t":
            guard let v = Double(parts[1]), let id = Int64(parts[2]) else { return nil }
            self.init(key: .date(Date(timeIntervalSince1970: v)), id: id)
        case "s":
            guard let id = Int64(parts[1]) else { return nil }
            self.init(key: .text(parts[2]), id: id)
        default:
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let token = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = KeysetCursor(token: token) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a cursor"))
        }
        self = cursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.token)
    }
}

/// One keyset page: the rows and the cursor for the next page (`nil` on the last page).
public struct KeysetPage<Item: Sendable>: Sendable {
    public let items: [Item]
    public let next: KeysetCursor?

    public init(items: [Item], next: KeysetCursor?) {
        self.items = items
        self.next = next
    }
}

extension SQLSelectBuilder {
    /// Applies `LIMIT`/`OFFSET` for `request`.
    @discardableResult
    public func page(_ request: PageRequest) -> Self {
        self.limit(request.perPage).offset(request.offset)
    }

    /// Orders by (`key`, `id`) and starts after `cursor`, fetching one row more than `limit` so the caller can
    /// tell whether another page follows (see ``KeysetPage/init(rows:limit:cursor:)``).
    @discardableResult
    public func keyset(
        key: String,
        id: String,
        after cursor: KeysetCursor?,
        descending: Bool = false,
        limit: Int
    ) -> Self {
        if let cursor {
            let op: SQLBinaryOperator = descending ? .lessThan : .greaterThan
            self.where {
                $0.where(SQLColumn(key), op, SQLBind(cursor.key))
                    .orWhere {
                        $0.where(SQLColumn(key), .equal, SQLBind(cursor.key)).where(SQLColumn(id), op, SQLBind(cursor.id))
                    }
            }
        }
        let direction: SQLDirection = descending ? .descending : .ascending
        return self.orderBy(SQLColumn(key), direction).orderBy(SQLColumn(id), direction).limit(limit + 1)
    }
}

extension KeysetPage {
    /// Builds the page from the `limit + 1` rows a ``SQLKit/SQLSelectBuilder/keyset(key:id:after:descending:limit:)``
    /// query returned; `cursor` gives the key and id of an item.
    public init(rows: [Item], limit: Int, cursor: (Item) -> KeysetCursor) {
        let more = rows.count > limit
        let items = more ? Array(rows.prefix(limit)) : rows
        self.init(items: items, next: more ? items.last.map(cursor) : nil)
    }
}
