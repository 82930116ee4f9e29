import Foundation
import StorageKit

/// Where and how ``SQLiteDatabase`` opens its file.
public struct SQLiteConfiguration: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        /// A database file; relative paths resolve against the working directory.
        case file(path: String)
        /// A private in-memory database, gone when the last reference closes: for tests.
        case memory
    }

    /// `PRAGMA synchronous`: `normal` is durable across application crashes and, in WAL mode, fast; `full` is
    /// also durable across power loss.
    public enum Synchronous: String, Sendable, Hashable {
        case normal = "NORMAL"
        case full = "FULL"
    }

    public var storage: Storage
    public var synchronous: Synchronous
    /// How long a writer waits for another process's write lock before failing with `.conflict`.
    public var busyTimeout: Duration
    /// Concurrent read connections (one writer besides).
    public var maximumReaderCount: Int

    public init(
        storage: Storage,
        synchronous: Synchronous = .normal,
        busyTimeout: Duration = .seconds(5),
        maximumReaderCount: Int = 4
    ) {
        self.storage = storage
        self.synchronous = synchronous
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
    }

    /// Reads `sqlite:PATH`, `sqlite://PATH`, `sqlite:///ABSOLUTE/PATH`, `sqlite::memory:` or `:memory:`, with an
    /// optional `?synchronous=full|normal`.
    public init(url: String) throws {
        var rest = Substring(url)
        guard rest.hasPrefix("sqlite:") || rest == ":memory:" else {
            throw StorageError(.configuration, "a SQLite URL starts with 'sqlite:' (got '\(url.prefix(20))')")
        }
        var synchronous = Synchronous.normal
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, kv[0] == "synchronous", let value = Synchronous(rawValue: kv[1].uppercased()) else {
                    throw StorageError(.configuration, "unknown SQLite URL option '\(pair)' (only synchronous=normal|full)")
                }
                synchronous = value
            }
            rest = rest[..<question]
        }
        if rest.hasPrefix("sqlite:") { rest = rest.dropFirst("sqlite:".count) }
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        guard !rest.isEmpty else { throw StorageError(.configuration, "the SQLite URL names no file") }
        let path = String(rest).removingPercentEncoding ?? String(rest)
        self.init(storage: path == ":memory:" ? .memory : .file(path: path), synchronous: synchronous)
    }

    /// The absolute file path, resolved against the working directory; `nil` in memory.
    public var resolvedPath: String? {
        guard case .file(let path) = self.storage else { return nil }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(path).standardizedFileURL.path
    }
}
