import CMariaDB
import StorageKit

/// MariaDB's error numbers, sorted into ``StorageError`` kinds.
enum MariaDBErrorMap {
    /// Errors after which the connection must not be used again.
    static let connectionLost: Set<UInt32> = [2002, 2003, 2006, 2013, 2026, 2055, 1053, 1927, 4031]

    static func kind(of code: UInt32) -> StorageError.Kind {
        switch code {
        case 1022, 1062, 1586: .duplicate
        case 1216, 1217, 1451, 1452: .foreignKey
        case 1048, 1263, 1264, 1265, 1364, 1366, 1406, 3819, 4025: .constraint
        case 1205, 1213: .conflict
        case 1040, 1044, 1045, 1049, 1129, 1130, 2005: .unavailable
        case _ where connectionLost.contains(code): .unavailable
        default: .query
        }
    }

    static func error(_ code: UInt32, _ message: String) -> StorageError {
        StorageError(self.kind(of: code), message, code: Int(code))
    }
}
