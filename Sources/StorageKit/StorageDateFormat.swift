public import Foundation

/// The text form of dates where a database has no date type (SQLite): `2025-07-21 06:53:19.685547`, UTC.
///
/// It sorts as text in time order, matches MariaDB's `DATETIME(6)` literal and SQLite's `CURRENT_TIMESTAMP`
/// (which it extends with microseconds), so SQL comparing dates is written once for both drivers.
public enum StorageDateFormat {
    /// Formats `date` in UTC with six fractional digits.
    public static func string(from date: Date) -> String {
        Self.text(DateParts(date), fraction: true)
    }

    /// `YYYY-MM-DD HH:MM:SS`, and `.ffffff` with `fraction`, written digit by digit into the string's own storage:
    /// `String(format:)` costs microseconds a call on Linux, and lists format many dates.
    static func text(_ parts: DateParts, fraction: Bool) -> String {
        String(unsafeUninitializedCapacity: fraction ? 26 : 19) { bytes in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(parts.year, 4, at: 0)
            bytes[4] = 45
            put(parts.month, 2, at: 5)
            bytes[7] = 45
            put(parts.day, 2, at: 8)
            bytes[10] = 32
            put(parts.hour, 2, at: 11)
            bytes[13] = 58
            put(parts.minute, 2, at: 14)
            bytes[16] = 58
            put(parts.second, 2, at: 17)
            guard fraction else { return 19 }
            bytes[19] = 46
            put(parts.microsecond, 6, at: 20)
            return 26
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, with optional fraction, `T` separator and trailing `Z`/offset.
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var micro = 0
        if scanner.skip(" ") || scanner.skip("T") {
            guard let h = scanner.number(2), scanner.skip(":"), let m = scanner.number(2) else { return nil }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(2) else { return nil }
                second = s
                if scanner.skip(".") {
                    var digits = 0
                    while let d = scanner.digit() {
                        if digits < 6 { micro = micro * 10 + d }
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                    if digits < 6 { for _ in digits..<6 { micro *= 10 } }
                }
            }
        }
        var offsetSeconds = 0
        if scanner.skip("Z") {
        } else if let sign = scanner.sign() {
            guard let oh = scanner.number(2) else { return nil }
            _ = scanner.skip(":")
            let om = scanner.number(2) ?? 0
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts) - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(micro) / 1_000_000)
    }
}

/// A date split into UTC calendar fields, microseconds rounded; shared by the SQLite text form and MariaDB's MYSQL_TIME.
public struct DateParts: Sendable, Equatable {
    public var year, month, day, hour, minute, second, microsecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.microsecond) = (hour, minute, second, microsecond)
    }

    /// `date`'s parts in UTC; a date outside years 1…9999 (what every date column holds) is taken as the nearest
    /// end of that range rather than trapping.
    public init(_ date: Date) {
        let interval = min(max(date.timeIntervalSince1970.isNaN ? 0 : date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799)
        var whole = interval.rounded(.down)
        var micro = Int(((interval - whole) * 1_000_000).rounded())
        if micro >= 1_000_000 {
            micro -= 1_000_000
            whole += 1
        }
        var seconds = time_t(whole)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        self.init(
            year: Int(parts.tm_year) + 1900,
            month: Int(parts.tm_mon) + 1,
            day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour),
            minute: Int(parts.tm_min),
            second: Int(parts.tm_sec),
            microsecond: micro
        )
    }

    public var date: Date {
        var parts = tm()
        parts.tm_year = Int32(self.year - 1900)
        parts.tm_mon = Int32(self.month - 1)
        parts.tm_mday = Int32(self.day)
        parts.tm_hour = Int32(self.hour)
        parts.tm_min = Int32(self.minute)
        parts.tm_sec = Int32(self.second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(self.microsecond) / 1_000_000)
    }
}

private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { self.index == self.bytes.count }

    mutating func digit() -> Int? {
        guard self.index < self.bytes.count, (48...57).contains(self.bytes[self.index]) else { return nil }
        defer { self.index += 1 }
        return Int(self.bytes[self.index] - 48)
    }

    mutating func number(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let d = self.digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(character.value) else { return false }
        self.index += 1
        return true
    }

    mutating func sign() -> Int? {
        if self.skip("+") { return 1 }
        if self.skip("-") { return -1 }
        return nil
    }
}

/// Second-precision UTC text, `2024-01-01 10:00:00`, the form seed 000 and seed 002 show.
public enum StorageDateText {
    public static func seconds(_ date: Date) -> String {
        StorageDateFormat.text(DateParts(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))), fraction: false)
    }
}
