public import Foundation
public import StorageKit

/// Where ``MariaDBDatabase`` connects and how its pool behaves.
public struct MariaDBConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String
    public var database: String
    /// Connections in the pool, and threads running their blocking client calls.
    public var poolSize: Int
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var writeTimeout: Duration
    /// A connection idle for longer is pinged before use, so one dropped by a server restart is replaced quietly.
    public var pingAfterIdle: Duration

    public init(
        host: String = "127.0.0.1",
        port: Int = 3306,
        username: String,
        password: String = "",
        database: String,
        poolSize: Int = 8,
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(30),
        writeTimeout: Duration = .seconds(30),
        pingAfterIdle: Duration = .seconds(1)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.pingAfterIdle = pingAfterIdle
    }

    /// Reads `mysql://user:password@host:port/database` (or `mariadb://`), with optional query options
    /// `pool=8`, `connect_timeout=10`, `read_timeout=30`, `write_timeout=30` (seconds). User and password may be
    /// percent-encoded.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "mysql" || scheme == "mariadb"
        else {
            throw StorageError(.configuration, "a MariaDB URL looks like mysql://user:password@host:3306/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StorageError(.configuration, "the MariaDB URL names no host")
        }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw StorageError(.configuration, "the MariaDB URL names no user")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StorageError(.configuration, "the MariaDB URL names no database (…@host:port/DATABASE)")
        }
        self.init(
            host: host,
            port: components.port ?? 3306,
            username: user,
            password: components.percentEncodedPassword?.removingPercentEncoding ?? "",
            database: database
        )
        guard (1...65535).contains(self.port) else { throw StorageError(.configuration, "invalid MariaDB port") }
        for item in components.queryItems ?? [] {
            guard let text = item.value, let number = Int(text), number > 0 else {
                throw StorageError(.configuration, "MariaDB URL option '\(item.name)' needs a positive whole number")
            }
            switch item.name {
            case "pool", "pool_size": self.poolSize = number
            case "connect_timeout": self.connectTimeout = .seconds(number)
            case "read_timeout": self.readTimeout = .seconds(number)
            case "write_timeout": self.writeTimeout = .seconds(number)
            default: throw StorageError(.configuration, "unknown MariaDB URL option '\(item.name)'")
            }
        }
    }

    /// `host:port/database` as user@…, without the password: safe for logs and error messages.
    public var redacted: String { "\(self.username)@\(self.host):\(self.port)/\(self.database)" }
}
