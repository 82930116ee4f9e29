public import Foundation
import StorageKit

/// The file formats contacts move in and out with.
public enum ContactFileFormat: String, Sendable, CaseIterable {
    case csv
    /// vCard: reads 3.0 and 4.0 (and 2.1 without encodings), writes 4.0.
    case vcard
}

/// One record read from an import file: its 1-based position and the values, or why it could not be read.
public struct ImportRecord: Sendable, Equatable {
    public var position: Int
    public var name: String?
    public var phone: String?
    /// Set when the record itself is broken; it is then rejected with this reason.
    public var problem: String?

    public init(position: Int, name: String?, phone: String?, problem: String? = nil) {
        self.position = position
        self.name = name
        self.phone = phone
        self.problem = problem
    }
}

/// What an import did with each record.
public struct ImportReport: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case created, updated, skipped, rejected
    }

    public struct Row: Sendable, Equatable {
        public var position: Int
        public var outcome: Outcome
        public var contactID: ContactID?
        public var reason: String?
    }

    public var rows: [Row] = []

    public func count(_ outcome: Outcome) -> Int { self.rows.filter { $0.outcome == outcome }.count }
}

/// Reads import files. CSV is RFC 4180 (quoted fields, doubled quotes, CRLF or LF), UTF-8 with or without a
/// byte-order mark; a header row naming the name and phone columns (`name`/`姓名`, `phone`/`tel`/`手机号`/`电话`)
/// is recognised, otherwise the first two columns are name and phone.
public enum ContactFileReader {
    public static func records(_ data: Data, format: ContactFileFormat) throws -> [ImportRecord] {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw ContactsError.unreadableFile("the file is not UTF-8 text")
        }
        switch format {
        case .csv: return self.csv(text)
        case .vcard: return try self.vcard(text)
        }
    }

    static let nameHeaders: Set<String> = ["name", "姓名", "full name", "fn", "名字"]
    static let phoneHeaders: Set<String> = ["phone", "tel", "telephone", "mobile", "手机号", "电话", "手机", "phone number"]

    static func csv(_ text: String) -> [ImportRecord] {
        let rows = self.csvRows(text)
        guard let first = rows.first else { return [] }
        var nameColumn = 0
        var phoneColumn = 1
        var start = 0
        let headers = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let n = headers.firstIndex(where: self.nameHeaders.contains), let p = headers.firstIndex(where: self.phoneHeaders.contains) {
            nameColumn = n
            phoneColumn = p
            start = 1
        }
        var records: [ImportRecord] = []
        records.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated().dropFirst(start) {
            if row.count == 1, row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let position = index + 1
            guard row.count > max(nameColumn, phoneColumn) else {
                records.append(
                    ImportRecord(
                        position: position,
                        name: nil,
                        phone: nil,
                        problem: "row \(position) has \(row.count) column(s), expected name and phone"
                    )
                )
                continue
            }
            records.append(
                ImportRecord(
                    position: position,
                    name: CSVCell.unneutralized(row[nameColumn]),
                    phone: CSVCell.unneutralized(row[phoneColumn])
                )
            )
        }
        return records
    }

    /// Splits CSV text into rows of fields.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r" where pending == "\n": continue
            case "\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Reads vCards: folded lines are unfolded; a card's name is `FN` (else `N`), its phone the first `TEL`.
    /// A line without a `:` breaks its card (rejected with the line number); a `CHARSET` other than UTF-8 makes
    /// the whole file unreadable, since its text would come out wrong.
    static func vcard(_ text: String) throws -> [ImportRecord] {
        var lines: [(number: Int, text: String)] = []
        // Split on Characters: "\r\n" is one Character in Swift, and a newline either way.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw)
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].text += line.dropFirst()
            } else {
                lines.append((index + 1, line))
            }
        }
        var records: [ImportRecord] = []
        var card: ImportRecord?
        var cardStart = 0
        for (number, line) in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                if card != nil, card?.problem == nil {
                    card?.problem = "line \(number) is not a vCard property (no ':')"
                } else if card == nil {
                    records.append(ImportRecord(position: records.count + 1, name: nil, phone: nil, problem: "line \(number) is outside any vCard"))
                }
                continue
            }
            let head = line[..<colon]
            let value = String(line[line.index(after: colon)...])
            let parts = head.split(separator: ";")
            let property = parts.first.map { String($0).uppercased() } ?? ""
            let groupless = property.split(separator: ".").last.map(String.init) ?? property
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].uppercased() == "CHARSET", !["UTF-8", "UTF8"].contains(pair[1].uppercased()) {
                    throw ContactsError.unreadableFile("line \(number): unsupported charset \(pair[1]) (only UTF-8)")
                }
                if pair.count == 2, pair[0].uppercased() == "ENCODING", card != nil, card?.problem == nil {
                    card?.problem = "line \(number): \(pair[1]) encoding is not supported"
                }
            }
            switch groupless {
            case "BEGIN" where value.uppercased() == "VCARD":
                if card != nil { records.append(self.closed(card!, problem: "the vCard that starts at line \(cardStart) has no END")) }
                card = ImportRecord(position: records.count + 1, name: nil, phone: nil)
                cardStart = number
            case "END" where value.uppercased() == "VCARD":
                guard let finished = card else {
                    records.append(ImportRecord(position: records.count + 1, name: nil, phone: nil, problem: "line \(number): END without BEGIN"))
                    continue
                }
                records.append(finished)
                card = nil
            case "FN":
                card?.name = self.unescape(value)
            case "N" where card?.name == nil || card?.name?.isEmpty == true:
                let components = value.split(separator: ";", omittingEmptySubsequences: false).map { self.unescape(String($0)) }
                let family = components.first ?? ""
                let given = components.count > 1 ? components[1] : ""
                card?.name = [given, family].filter { !$0.isEmpty }.joined(separator: " ")
            case "TEL" where card?.phone == nil:
                var number = value
                if number.lowercased().hasPrefix("tel:") { number = String(number.dropFirst(4)) }
                if let semicolon = number.firstIndex(of: ";") { number = String(number[..<semicolon]) }
                card?.phone = number
            default:
                break
            }
        }
        if let card { records.append(self.closed(card, problem: "the vCard that starts at line \(cardStart) has no END")) }
        return records
    }

    private static func closed(_ card: ImportRecord, problem: String) -> ImportRecord {
        var card = card
        card.problem = card.problem ?? problem
        return card
    }

    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Writes contacts as CSV or vCard 4.0, one contact at a time, so any size streams.
public enum ContactFileWriter {
    public static func header(_ format: ContactFileFormat) -> String {
        format == .csv ? "name,phone,created_time,updated_time\r\n" : ""
    }

    public static func entry(_ contact: Contact, format: ContactFileFormat) -> String {
        switch format {
        case .csv:
            return [
                self.csvField(self.neutralized(contact.name)), self.csvField(self.neutralized(contact.phone, isPhone: true)),
                self.csvField(self.time(contact.createdAt)), self.csvField(self.time(contact.updatedAt)),
            ].joined(separator: ",") + "\r\n"
        case .vcard:
            let name = self.escape(contact.name)
            return "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\(name)\r\nN:\(name);;;;\r\nTEL;VALUE=text:\(self.escape(contact.phone))\r\n"
                + "REV:\(self.revision(contact.updatedAt))\r\nEND:VCARD\r\n"
        }
    }

    /// What a written phone number may be made of (`+86 138-0013-8000`, `(010) 1234.5678`).
    static let phoneCharacters: Set<Character> = Set("0123456789 +-().")

    /// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` as a name) gets a leading `'` (``CSVCell``); a
    /// phone number written as one (`+86 …`) is left as it is. The importer takes the `'` off again
    /// (`CSVCell.unneutralized`), so an export imports back unchanged.
    static func neutralized(_ value: String, isPhone: Bool = false) -> String {
        if isPhone, value.allSatisfy(Self.phoneCharacters.contains) { return value }
        return CSVCell.neutralized(value)
    }

    static func csvField(_ value: String) -> String { CSVCell.field(value) }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func time(_ date: Date) -> String { String(StorageDateText.seconds(date)) }

    static func revision(_ date: Date) -> String {
        StorageDateText.seconds(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: " ", with: "T") + "Z"
    }
}
