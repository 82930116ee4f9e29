import Foundation
public import Logging
public import SQLKit
import StorageKit
import StorageMySQL
import StorageSQLite

/// The database named by `DATABASE_URL`, opened and checked, with the way to close it.
public struct ConnectedDatabase: Sendable {
    public let database: any SQLDatabase
    /// Where it is, without any password: for logs and error messages.
    public let location: String
    let close: @Sendable () async -> Void

    /// Opens the database `url` names — `sqlite:` or `:memory:` for SQLite, `mysql://` or `mariadb://` for
    /// MariaDB — and checks it with `SELECT 1`. Every failure is a ``StorageError`` with a one-line message that
    /// names the file or host and port, never the password.
    public static func connect(url: String, logger: Logger) async throws -> ConnectedDatabase {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        let connected: ConnectedDatabase
        switch scheme {
        case "sqlite", "":
            let configuration = try SQLiteConfiguration(url: url)
            let database = try SQLiteDatabase(configuration: configuration, logger: logger)
            connected = ConnectedDatabase(
                database: database,
                location: "SQLite " + (configuration.resolvedPath ?? ":memory:"),
                close: { try? database.close() }
            )
        case "mysql", "mariadb":
            let configuration = try MariaDBConfiguration(url: url)
            let database = MariaDBDatabase(configuration: configuration, logger: logger)
            connected = ConnectedDatabase(
                database: database,
                location: "MariaDB \(configuration.redacted)",
                close: { await database.shutdown() }
            )
        default:
            throw StorageError(.configuration, "DATABASE_URL has the unknown scheme '\(scheme)' (use sqlite: or mysql://)")
        }
        do {
            try await connected.check()
        } catch let error as StorageError {
            await connected.close()
            // The MariaDB driver's connect errors already name host and port.
            let message = error.message.hasPrefix("cannot connect") ? error.message : "\(connected.location): \(error.message)"
            throw StorageError(error.kind, message, code: error.code)
        }
        return connected
    }

    /// `SELECT 1`, for the start-up check and `/api/health`.
    public func check() async throws {
        _ = try await self.database.raw("SELECT 1 AS ok").first()
    }

    public func shutdown() async { await self.close() }
}
