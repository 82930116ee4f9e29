import Foundation
import Logging
import SQLKit
import StorageKit
import StorageMySQL
import StorageSQLite
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The databases the storage suites run on. MariaDB comes from `RAPPORT_TEST_MYSQL_URL`, which `Scripts/test`
/// sets after starting a throwaway server; with `RAPPORT_REQUIRE_MYSQL=1` a missing URL fails instead of skipping.
enum TestDatabases {
    static var logger: Logger { TestDatabase.logger }
    static var mariaDBEnabled: Bool { TestDatabase.mariaDBEnabled }

    static func mariaDBConfiguration() throws -> MariaDBConfiguration {
        guard let url = TestDatabase.mariaDBURL else { throw TestDatabase.MissingMariaDB() }
        return try MariaDBConfiguration(url: url)
    }

    /// A fresh temporary directory, removed by the caller's cleanup.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    enum Backend: String, CustomStringConvertible, Sendable {
        case sqliteMemory = "SQLite in memory"
        case sqliteFile = "SQLite file"
        case mariaDB = "MariaDB"
        var description: String { self.rawValue }
    }

    /// An open database of `backend`; `body` runs with it and it is closed afterwards. `second` opens another
    /// handle on the same database, as a second server process would (for the file and MariaDB backends).
    static func with<R>(
        _ backend: Backend,
        _ body: (_ database: any SQLDatabase, _ second: () throws -> any SQLDatabase) async throws -> R
    ) async throws -> R {
        switch backend {
        case .sqliteMemory:
            let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: logger)
            defer { try? database.close() }
            return try await body(database, { database })
        case .sqliteFile:
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let configuration = SQLiteConfiguration(storage: .file(path: directory.appendingPathComponent("test.sqlite").path))
            let database = try SQLiteDatabase(configuration: configuration, logger: logger)
            var others: [SQLiteDatabase] = []
            defer {
                for other in others { try? other.close() }
                try? database.close()
            }
            return try await body(
                database,
                {
                    let other = try SQLiteDatabase(configuration: configuration, logger: logger)
                    others.append(other)
                    return other
                }
            )
        case .mariaDB:
            let configuration = try mariaDBConfiguration()
            let database = MariaDBDatabase(configuration: configuration, logger: logger)
            var others: [MariaDBDatabase] = []
            do {
                let result = try await body(
                    database,
                    {
                        let other = MariaDBDatabase(configuration: configuration, logger: logger)
                        others.append(other)
                        return other
                    }
                )
                for other in others { await other.shutdown() }
                await database.shutdown()
                return result
            } catch {
                for other in others { await other.shutdown() }
                await database.shutdown()
                throw error
            }
        }
    }

    /// Runs `path` and waits for it without blocking a thread (Foundation's `Process` did not always notice
    /// the exit of a script that leaves a daemon behind).
    static func run(_ path: String) async throws -> Int32 {
        var pid: pid_t = 0
        let spawned = path.withCString { cPath in
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup(cPath), nil]
            defer { free(argv[0]) }
            return posix_spawn(&pid, cPath, nil, nil, &argv, environ)
        }
        guard spawned == 0 else { return -1 }
        var status: Int32 = 0
        let deadline = ContinuousClock.now + .seconds(90)
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else { return -1 }
            try await Task.sleep(for: .milliseconds(50))
        }
        return (status >> 8) & 0xff
    }

    /// A table name no other test uses, so suites can share one MariaDB database.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
