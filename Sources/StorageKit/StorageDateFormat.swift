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
        String(unsafeUninitializedCapacity: fraction ? 26 : 19) { Self.write(parts, fraction: fraction, into: $0) }
    }

    /// Writes the text of `parts` at the start of `bytes` (19 or 26 bytes long at least); returns its length.
    static func write(_ parts: DateParts, fraction: Bool, into bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
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

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, with optional fraction, `T` separator and trailing `Z`/offset.
    public static func date(from text: String) -> Date? {
        // Scanned in place: every date column of every row read comes through here.
        var text = text
        return text.withUTF8 { Self.date(utf8: $0) }
    }

    /// ``date(from:)`` on UTF-8 bytes in place: a driver reads a column's text without making a `String` of it.
    public static func date(utf8: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = DigitScanner(utf8)
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
        let seconds = DateParts.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - offsetSeconds
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
        // The calendar by arithmetic (proleptic Gregorian, as gmtime_r): glibc's gmtime_r and timegm take a lock and
        // consult the time zone, which a listing of dates pays for on every one.
        let seconds = Int(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        let time = seconds - days * 86_400
        self.init(year: year, month: month, day: day, hour: time / 3600, minute: time % 3600 / 60, second: time % 60, microsecond: micro)
    }

    public var date: Date {
        let seconds = Self.epochSeconds(year: self.year, month: self.month, day: self.day, hour: self.hour, minute: self.minute, second: self.second)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(self.microsecond) / 1_000_000)
    }

    /// Seconds since 1970 of a UTC date and time; fields past their range carry over as timegm's do.
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private struct DigitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

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

    /// ``seconds(_:)`` appended to `out` as UTF-8, without a string in between.
    public static func appendSeconds(_ date: Date, to out: inout [UInt8]) {
        let parts = DateParts(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 19))
        out.withUnsafeMutableBufferPointer { buffer in
            _ = StorageDateFormat.write(parts, fraction: false, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
    }
}
