import CRMAudit
import Foundation
import Hummingbird
import StorageKit

/// Reads the audit routes' query parameters or export body and collects pydantic-2.5-style error items, so a
/// request with several bad values hears about all of them in one 400 `Result` (contracts/seed002 §1).
struct AuditInput {
    /// The values read, by name.
    let values: [String: String]
    /// Where they came from, as pydantic's `loc` names it: `query` or `body`.
    let location: String
    private(set) var errors: [JSONValue] = []

    init(_ parameters: Parameters) {
        var values: [String: String] = [:]
        for (key, value) in parameters { values[String(key)] = String(value) }
        self.values = values
        self.location = "query"
    }

    /// The export body's fields, and the items for those that were not strings.
    init(body: ExportBody?, issues: [FieldIssue]) {
        self.values = body?.values ?? [:]
        self.location = "body"
        for issue in issues {
            self.fail("string_type", issue.field, "Input should be a valid string", issue.input ?? .null)
        }
    }

    /// Server local time, naive ISO 8601, microseconds unless zero (Python's `datetime.now().isoformat()`).
    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        let micro = Int((date.timeIntervalSince1970 - Double(seconds)) * 1_000_000)
        var text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d",
            Int(parts.tm_year) + 1900,
            Int(parts.tm_mon) + 1,
            Int(parts.tm_mday),
            Int(parts.tm_hour),
            Int(parts.tm_min),
            Int(parts.tm_sec)
        )
        if micro > 0 { text += String(format: ".%06d", micro) }
        return text
    }

    static func item(_ type: String, _ loc: [JSONValue], _ message: String, _ input: JSONValue, ctx: JSONValue? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", .string(type)), ("loc", .array(loc)), ("msg", .string(message)), ("input", input)]
        if let ctx { fields.append(("ctx", ctx)) }
        fields.append(("url", .string("https://errors.pydantic.dev/2.5/v/\(type)")))
        return .ordered(fields)
    }

    static func failure(_ items: [JSONValue]) -> JSONResponse {
        JSONResponse(
            .badRequest,
            .ordered([
                ("code", 400), ("message", "请求参数错误"), ("data", .array(items)), ("timestamp", .string(Self.timestamp())),
            ])
        )
    }

    mutating func fail(_ type: String, _ name: String, _ message: String, _ input: JSONValue, ctx: JSONValue? = nil) {
        self.errors.append(Self.item(type, [.string(self.location), .string(name)], message, input, ctx: ctx))
    }

    /// Throws the 400 answer when any value was bad.
    func finish() throws {
        if !self.errors.isEmpty { throw Self.failure(self.errors) }
    }

    /// A string value; empty strings count as absent (the seed ignores empty filters).
    func optionalString(_ name: String) -> String? {
        self.values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = self.optionalString(name) else { return fallback }
        guard let value = Int(text) else {
            self.fail("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer", .string(text))
            return fallback
        }
        if value < range.lowerBound {
            self.fail(
                "greater_than_equal",
                name,
                "Input should be greater than or equal to \(range.lowerBound)",
                .string(text),
                ctx: ["ge": .int(Int64(range.lowerBound))]
            )
            return fallback
        }
        if value > range.upperBound {
            self.fail(
                "less_than_equal",
                name,
                "Input should be less than or equal to \(range.upperBound)",
                .string(text),
                ctx: ["le": .int(Int64(range.upperBound))]
            )
            return fallback
        }
        return value
    }

    mutating func paging() -> (page: Int, size: Int) {
        (self.integer("page", default: 1, range: 1...Int(Int32.max)), self.integer("size", default: 10, range: 1...100))
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard let text = self.optionalString(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "on", "t", "y": return true
        case "false", "0", "no", "off", "f", "n": return false
        default:
            self.fail("bool_parsing", name, "Input should be a valid boolean, unable to interpret input", .string(text))
            return nil
        }
    }

    mutating func date(_ name: String) -> Date? {
        guard let text = self.optionalString(name) else { return nil }
        switch Self.parseDateTime(text) {
        case .success(let date): return date
        case .failure(let reason):
            self.fail(
                "datetime_parsing",
                name,
                "Input should be a valid datetime, \(reason.text)",
                .string(text),
                ctx: ["error": .string(reason.text)]
            )
            return nil
        }
    }

    struct DateError: Error { let text: String }

    /// ISO 8601 date-time: `T` or space, optional seconds and fraction, optional `Z` or `±HH:MM` (converted to
    /// UTC, the time the log is kept in). A date alone is refused, as pydantic refuses it for a datetime.
    static func parseDateTime(_ text: String) -> Result<Date, DateError> {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16 else { return .failure(DateError(text: "input is too short")) }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), bytes[7] == UInt8(ascii: "-"),
            let day = number(8..<10)
        else { return .failure(DateError(text: "invalid date separator, expected `-`")) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " ") else {
            return .failure(DateError(text: "invalid character in date/time separator"))
        }
        guard let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = number(14..<16) else {
            return .failure(DateError(text: "invalid character in hour"))
        }
        var index = 16
        var second = 0
        var micro = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = number(17..<19) else { return .failure(DateError(text: "invalid character in second")) }
            second = value
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if digits < 6 { micro = micro * 10 + Int(bytes[index] - 48) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return .failure(DateError(text: "second fraction value is missing")) }
                // More than six digits: the rest were read past (a range `7..<6` would trap).
                for _ in 0..<max(6 - digits, 0) { micro *= 10 }
            }
        }
        var offset = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z"), index + 1 == bytes.count {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let h = number((index + 1)..<(index + 3)) {
                var m = 0
                var end = index + 3
                if end < bytes.count, bytes[end] == UInt8(ascii: ":") { end += 1 }
                if end < bytes.count {
                    guard let value = number(end..<(end + 2)) else { return .failure(DateError(text: "invalid timezone sign")) }
                    m = value
                    end += 2
                }
                guard end == bytes.count else { return .failure(DateError(text: "unexpected extra characters at the end of the input")) }
                offset = (h * 3600 + m * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
                index = end
            } else {
                return .failure(DateError(text: "unexpected extra characters at the end of the input"))
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            return .failure(DateError(text: "month value is outside expected range of 1-12"))
        }
        let parts = DateParts(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micro)
        return .success(parts.date.addingTimeInterval(Double(-offset)))
    }

    /// The exact-match filters and the time range of the list and export.
    mutating func query() -> AuditQuery {
        var query = self.timeRange()
        query.organizationID = self.optionalString("organization_id")
        query.actorID = self.optionalString("user_id")
        if let action = self.optionalString("action") {
            if action.count <= 50, action.allSatisfy({ $0.isUppercase || $0 == "_" }) {
                query.action = action
            } else {
                self.fail(
                    "string_pattern_mismatch",
                    "action",
                    "String should match pattern '^[A-Z_]{1,50}$'",
                    .string(action),
                    ctx: ["pattern": "^[A-Z_]{1,50}$"]
                )
            }
        }
        query.resourceType = self.optionalString("resource_type")
        query.resourceID = self.optionalString("resource_id")
        query.category = self.optionalString("category")
        if let status = self.optionalString("status") {
            if let value = AuditStatus(rawValue: status) {
                query.status = value
            } else {
                self.fail("enum", "status", "Input should be 'success' or 'failed'", .string(status), ctx: ["expected": "'success' or 'failed'"])
            }
        }
        return query
    }

    mutating func timeRange() -> AuditQuery {
        let start = self.date("start_time")
        let end = self.date("end_time")
        if let start, let end, end < start {
            self.fail(
                "value_error",
                "end_time",
                "Value error, end_time must not be before start_time",
                .string(StorageDateText.seconds(end)),
                ctx: ["error": "end_time must not be before start_time"]
            )
        }
        return AuditQuery(start: start, end: end)
    }

    mutating func format() -> String {
        guard let format = self.optionalString("format") else { return "json" }
        guard format == "json" || format == "csv" else {
            self.fail(
                "string_pattern_mismatch",
                "format",
                "String should match pattern '^(json|csv)$'",
                .string(format),
                ctx: ["pattern": "^(json|csv)$"]
            )
            return "json"
        }
        return format
    }
}

extension AuditInput {
    /// `POST /api/foundation/audit-logs/export`: `AuditLogExportRequest`, every field an optional string.
    struct ExportBody: Decodable {
        var organizationID: String?
        var userID: String?
        var action: String?
        var resourceType: String?
        var resourceID: String?
        var category: String?
        var status: String?
        var startTime: String?
        var endTime: String?
        var format: String?

        enum CodingKeys: String, CodingKey {
            case organizationID = "organization_id"
            case userID = "user_id"
            case action
            case resourceType = "resource_type"
            case resourceID = "resource_id"
            case category, status
            case startTime = "start_time"
            case endTime = "end_time"
            case format
        }

        /// The fields given, by their names in the request.
        var values: [String: String] {
            let fields: [(CodingKeys, String?)] = [
                (.organizationID, self.organizationID), (.userID, self.userID), (.action, self.action), (.resourceType, self.resourceType),
                (.resourceID, self.resourceID), (.category, self.category), (.status, self.status), (.startTime, self.startTime),
                (.endTime, self.endTime), (.format, self.format),
            ]
            return Dictionary(uniqueKeysWithValues: fields.compactMap { key, value in value.map { (key.rawValue, $0) } })
        }
    }
}
