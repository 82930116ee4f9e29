public import Foundation

/// The Redis of the Redis suites: the throwaway server `Scripts/test` starts (`RAPPORT_TEST_REDIS_URL`), and
/// servers of a test's own (``RedisServer``) for tests that stop and restart one.
public enum TestRedis {
    public static var url: String? {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Redis suites run when a URL is set, or when `RAPPORT_REQUIRE_REDIS=1` (they then fail without one).
    public static var enabled: Bool {
        url != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_REDIS"] == "1"
    }

    public struct MissingRedis: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "RAPPORT_REQUIRE_REDIS=1 but RAPPORT_TEST_REDIS_URL is not set" }
    }

    public static func requireURL() throws -> String {
        guard let url else { throw MissingRedis() }
        return url
    }
}

/// A redis-server of a test's own on a loopback port, without persistence, in a temporary folder; it can be
/// killed and started again on the same port (as an empty server, as after a crash).
public final class RedisServer: @unchecked Sendable {
    public let port: Int
    let directory: URL
    private var process: Process?

    public var url: String { "redis://127.0.0.1:\(self.port)/0" }

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["RAPPORT_REDIS_SERVER"], !path.isEmpty { return path }
        for path in ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return "redis-server"
    }

    public init(port: Int) {
        self.port = port
        self.directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-redis-\(port)-\(UUID().uuidString.prefix(8))")
    }

    /// Starts the server and waits until it accepts connections.
    public func start() async throws {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--port", String(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", self.directory.path,
            "--daemonize", "no", "--logfile", self.directory.appendingPathComponent("redis.log").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if Self.accepts(port: self.port) { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StartFailure(port: self.port)
    }

    /// SIGKILL: the server is gone at once, with everything it held.
    public func kill() {
        guard let process = self.process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGSTOP: the server keeps its connections and data but answers nothing until ``resume()``.
    public func pause() {
        if let process = self.process { Foundation.kill(process.processIdentifier, SIGSTOP) }
    }

    public func resume() {
        if let process = self.process { Foundation.kill(process.processIdentifier, SIGCONT) }
    }

    /// Kills the server and removes its folder.
    public func stop() {
        self.kill()
        try? FileManager.default.removeItem(at: self.directory)
    }

    struct StartFailure: Error, CustomStringConvertible {
        let port: Int
        var description: String { "redis-server (\(RedisServer.binary)) did not start on port \(self.port)" }
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
