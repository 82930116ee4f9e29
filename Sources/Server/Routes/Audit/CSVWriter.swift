import AuthTokens
import CRMAudit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import StorageKit

/// RFC 4180 rows with CRLF line ends, each cell through ``CSVCell`` (no cell runs as a formula in a spreadsheet).
enum CSVWriter {
    static func row(_ cells: [String]) -> [UInt8] {
        Array((cells.map { CSVCell.field(CSVCell.neutralized($0)) }.joined(separator: ",") + "\r\n").utf8)
    }
}
