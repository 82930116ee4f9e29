public import Foundation

/// Where a Redis server is and how to log in, read from `redis://[user:password@]host[:port][/db]`.
public struct RedisConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var database: Int
    /// Seconds to wait for a connection, and for a reply to an ordinary command.
    public var timeout: Double

    public init(host: String, port: Int = 6379, username: String? = nil, password: String? = nil, database: Int = 0, timeout: Double = 5) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.timeout = timeout
    }

    /// Reads a `redis://` URL; user and password are percent-decoded. `rediss://` (TLS) is refused: the hiredis
    /// this library links (Debian bookworm's 0.14) has no TLS, so a TLS connection needs a local TLS tunnel
    /// (stunnel, or Redis behind a sidecar) that this URL then names.
    public init(url string: String) throws(RedisError) {
        guard let url = URLComponents(string: string), let scheme = url.scheme?.lowercased() else {
            throw .configuration("REDIS_URL is not a URL: expected redis://[user:password@]host[:port][/db]")
        }
        if scheme == "rediss" {
            throw .configuration(
                "REDIS_URL: rediss:// (TLS) is not supported by this build's hiredis (0.14, no TLS); run a TLS tunnel such as stunnel beside the server and point redis:// at it"
            )
        }
        guard scheme == "redis" else { throw .configuration("REDIS_URL must start with redis://, not \(scheme)://") }
        guard let host = url.host, !host.isEmpty else { throw .configuration("REDIS_URL names no host") }
        let port = url.port ?? 6379
        guard (1...65535).contains(port) else { throw .configuration("REDIS_URL port \(port) is out of range") }
        var database = 0
        let path = url.path.drop { $0 == "/" }
        if !path.isEmpty {
            guard let number = Int(path), number >= 0 else {
                throw .configuration("REDIS_URL: the path must be a database number (redis://host:6379/0), not /\(path)")
            }
            database = number
        }
        // Strip the IPv6 brackets hiredis does not want.
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let user = url.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        let password = url.percentEncodedPassword.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        self.init(host: bare, port: port, username: user, password: password, database: database)
    }
}
