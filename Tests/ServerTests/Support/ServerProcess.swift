import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import Logging
import NIOWebSocket
import Server
import StorageKit
import Synchronization
import TestSupport
import Testing
import WSClient

/// A `rapport serve` process of the debug build, for tests that need two servers on one database.
final class ServerProcess: Sendable {
    let process: Process
    let port: Int
    let log: URL

    /// The audit chain key every test server signs with (`rapport audit verify` needs it too).
    static let auditChainKey = "two-process-test-audit-chain-key-0123456789"

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/rapport")
    }

    static func freePort() -> Int { FreePort.next() }

    init(databaseURL: String, environment: [String: String]) async throws {
        self.port = Self.freePort()
        self.log = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-server-\(self.port).log")
        _ = FileManager.default.createFile(atPath: self.log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", String(self.port)]
        process.environment = ProcessInfo.processInfo.environment.merging(
            [
                "DATABASE_URL": databaseURL, "APP_ENV": "development", "LOG_LEVEL": "warning", "BCRYPT_COST": "10",
                "JWT_SECRET_KEY": "two-process-test-signing-key-0123456789abcdef", "AUDIT_CHAIN_KEY": Self.auditChainKey,
                "MEDIA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("rapport-media").path,
            ].merging(environment) { _, new in new }
        ) { _, new in new }
        let handle = try FileHandle(forWritingTo: self.log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let (text, _) = try? await ConnectionLimitTests.exchange(
                port: self.port,
                "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                wait: .seconds(2)
            ),
                text.hasPrefix("HTTP/1.1 200")
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        process.terminate()
        throw StartFailure(log: (try? String(contentsOf: self.log, encoding: .utf8)) ?? "")
    }

    struct StartFailure: Error, CustomStringConvertible {
        let log: String
        var description: String { "the server did not start:\n\(self.log)" }
    }

    /// SIGTERM, and SIGKILL if the process has not exited after ten seconds (which fails the test).
    func stop() {
        self.process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while self.process.isRunning, Date() < deadline { usleep(50_000) }
        if self.process.isRunning {
            kill(self.process.processIdentifier, SIGKILL)
            Issue.record("the server did not stop on SIGTERM within 10 s")
        }
        try? FileManager.default.removeItem(at: self.log)
    }

    /// A JSON request over a fresh connection.
    func json(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> [String: Any] {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)" } else { request += "\r\n" }
        let (text, _) = try await ConnectionLimitTests.exchange(port: self.port, request, wait: .seconds(10))
        guard let range = text.range(of: "\r\n\r\n") else { return [:] }
        return LiveSocket.object(String(text[range.upperBound...])) ?? [:]
    }
}
