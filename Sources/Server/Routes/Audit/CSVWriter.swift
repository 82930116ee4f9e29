import AuthTokens
import CRMAudit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import StorageKit

/// RFC 4180 rows with CRLF line ends. A cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is prefixed with `'`.
enum CSVWriter {
    static func row(_ cells: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var cell = cell
            if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out += "\"".utf8
                out += cell.replacingOccurrences(of: "\"", with: "\"\"").utf8
                out += "\"".utf8
            } else {
                out += cell.utf8
            }
        }
        out += "\r\n".utf8
        return out
    }
}
