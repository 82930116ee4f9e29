import Foundation
import Logging
import NIOWebSocket
import SQLKit
import Server
import Synchronization
import Testing
import WSClient

/// Servers killed, stopped and starved of disk in the middle of work, as separate `rapport serve` processes: what
/// a client was told succeeded is never lost, and the server recovers without help. The load they make would
/// starve the timing-sensitive suites beside them on two cores, so `Scripts/test` runs them in a step of their own.
@Suite("Fault injection", .serialized, .enabled(if: TestServer.faultStep, "runs in Scripts/test's own step (RAPPORT_TEST_FAULTS=1)"))
struct FaultInjectionTests {
    /// A request over a fresh connection: the status (nil when the connection failed or closed without an
    /// answer) and the body.
    static func send(_ port: Int, _ method: String, _ path: String, token: String? = nil, body: String? = nil) async -> (status: Int?, body: String) {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)" } else { request += "\r\n" }
        let sent = request
        let exchanged = try? await Self.onThread { try ConnectionLimitTests.blockingExchange(port: port, sent, wait: .seconds(15)) }
        guard let (text, _) = exchanged,
            text.hasPrefix("HTTP/1.1 "), let range = text.range(of: "\r\n\r\n")
        else { return (nil, "") }
        return (Int(text.dropFirst(9).prefix(3)), String(text[range.upperBound...]))
    }

    /// Runs blocking calls on a thread of their own: the dispatch pool has as many threads as cores here, and
    /// writers blocked on sockets there would starve everything else the test waits for.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func register(_ server: ServerProcess, _ name: String) async throws -> String {
        let reply = try await server.json(
            "POST",
            "/api/auth/register",
            body: #"{"username":"\#(name)","email":"\#(name)@x.com","password":"password123"}"#
        )
        return try #require(reply["access_token"] as? String)
    }

    /// The `request_params` of every audit row in the database at `url`.
    static func auditParams(_ url: String) async throws -> [String] {
        let database = try await ConnectedDatabase.connect(url: url, logger: Logger(label: "faults"))
        defer { Task { await database.shutdown() } }
        return try await database.database.raw("SELECT request_params FROM audit_logs").all().compactMap {
            try $0.decodeNil(column: "request_params") ? nil : $0.decode(column: "request_params", as: String.self)
        }
    }

    /// `rapport audit verify` against `url` with the test servers' chain key: its exit status and output.
    static func verifyAudit(_ url: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["audit", "verify"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DATABASE_URL": url, "AUDIT_CHAIN_KEY": ServerProcess.auditChainKey, "LOG_LEVEL": "warning"]
        ) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Writers adding contacts named `prefix-<writer>-<n>` until their server goes away; the names it acknowledged.
    static func write(
        _ port: Int,
        token: String,
        prefix: String,
        base: Int,
        writers: Int,
        until stop: @escaping @Sendable () -> Bool
    ) async -> [String] {
        await withTaskGroup(of: [String].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var acknowledged: [String] = []
                    var n = 0
                    while !stop() {
                        n += 1
                        let name = "\(prefix)-\(writer)-\(n)"
                        let phone = "139\(String(format: "%08d", base + writer * 10_000 + n))"
                        let (status, _) = await Self.send(
                            port,
                            "POST",
                            "/api/contacts/add",
                            token: token,
                            body: #"{"name":"\#(name)","phone":"\#(phone)"}"#
                        )
                        if status == 200 { acknowledged.append(name) } else if status == nil { break }
                    }
                    return acknowledged
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test func killedDuringAuditedWritesLosesNoAcknowledgedRow() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = "sqlite:\(directory.path)/kill.sqlite"
        var acknowledged: [String] = []
        var token = ""
        for round in 0..<20 {
            let server = try await ServerProcess(databaseURL: url, environment: [:])
            defer { server.stop() }
            if round == 0 { token = try await Self.register(server, "writer") }
            let killed = Atomic<Bool>(false)
            let pid = server.process.processIdentifier
            async let names = Self.write(server.port, token: token, prefix: "k\(round)", base: round * 100_000, writers: 6) {
                killed.load(ordering: .relaxed)
            }
            try await Task.sleep(for: .milliseconds(300 + 37 * round))
            kill(pid, SIGKILL)
            killed.store(true, ordering: .relaxed)
            acknowledged += await names
        }
        #expect(acknowledged.count > 100, "enough writes were acknowledged to mean something: \(acknowledged.count)")
        // Restarted once more (recovering the database), every acknowledged write has its audit row.
        let last = try await ServerProcess(databaseURL: url, environment: [:])
        last.stop()
        let params = try await Self.auditParams(url)
        let recorded = Set(params.compactMap { text in text.range(of: #""name":""#).map { String(text[$0.upperBound...].prefix { $0 != "\"" }) } })
        let missing = acknowledged.filter { !recorded.contains($0) }
        #expect(missing.count == 0, "\(missing.count) of \(acknowledged.count) acknowledged writes have no audit row: \(missing.prefix(5))")
        let verified = try Self.verifyAudit(url)
        #expect(verified.status == 0, "rapport audit verify after 20 crashes: \(verified.output)")
    }

    @Test func sigtermDrainsRequestsSocketsAndTheAuditQueue() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = "sqlite:\(directory.path)/term.sqlite"
        let server = try await ServerProcess(databaseURL: url, environment: [:])
        defer { server.stop() }
        let token = try await Self.register(server, "writer")
        let socket = LiveSocket(port: server.port, path: "/api/ws?token=\(token)")
        _ = try await socket.next("online_users")
        let stopping = Atomic<Bool>(false)
        async let names = Self.write(server.port, token: token, prefix: "t", base: 0, writers: 6) { stopping.load(ordering: .relaxed) }
        try await Task.sleep(for: .milliseconds(800))
        let signalled = ContinuousClock.now
        server.process.terminate()
        // The socket is closed as going away; the process exits cleanly once everything drained.
        let close = try await socket.closed(within: .seconds(10))
        #expect(close?.closeCode == .goingAway, "WebSocket close: \(String(describing: close))")
        while server.process.isRunning, ContinuousClock.now - signalled < .seconds(30) { try await Task.sleep(for: .milliseconds(50)) }
        stopping.store(true, ordering: .relaxed)
        let acknowledged = await names
        #expect(!server.process.isRunning && server.process.terminationStatus == 0, "exit status \(server.process.terminationStatus)")
        #expect(ContinuousClock.now - signalled < .seconds(15))
        #expect(acknowledged.count > 10)
        let params = try await Self.auditParams(url)
        let recorded = Set(params.compactMap { text in text.range(of: #""name":""#).map { String(text[$0.upperBound...].prefix { $0 != "\"" }) } })
        #expect(acknowledged.filter { !recorded.contains($0) }.count == 0, "every acknowledged write of the drain has its audit row")
        #expect(try Self.verifyAudit(url).status == 0)
    }

    @Test func aFullDiskRefusesWritesWith503AndRecovers() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A small filesystem of its own (the suite runs as root in Scripts/test).
        #expect(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", directory.path]) == 0, "mount a 16 MiB tmpfs")
        defer { _ = Self.run("/bin/umount", ["-l", directory.path]) }
        let url = "sqlite:\(directory.path)/full.sqlite"
        let server = try await ServerProcess(databaseURL: url, environment: [:])
        defer { server.stop() }
        let token = try await Self.register(server, "writer")
        #expect(
            await Self.send(server.port, "POST", "/api/contacts/add", token: token, body: #"{"name":"before","phone":"13900000001"}"#).status == 200
        )
        // Fill the rest of the disk.
        let filler = directory.appendingPathComponent("filler")
        _ = Self.run("/bin/dd", ["if=/dev/zero", "of=\(filler.path)", "bs=64k"])
        var refused: (status: Int?, body: String) = (nil, "")
        for n in 0..<50 {
            refused = await Self.addContact(server.port, token: token, name: "full-\(n)", phone: "1390001\(String(format: "%04d", n))")
            if refused.status != 200 { break }
        }
        #expect(refused.status == 503, "a write on a full disk: \(String(describing: refused.status)) \(refused.body)")
        #expect(refused.body.contains("数据库暂时不可用"))
        // Reads keep working and the server stays up.
        #expect(await Self.send(server.port, "GET", "/api/contacts", token: token).status == 200)
        #expect(await Self.send(server.port, "GET", "/api/health").status == 200)
        // Space returns: writes succeed again without a restart.
        try FileManager.default.removeItem(at: filler)
        var recovered: Int?
        for n in 0..<50 where recovered != 200 {
            try await Task.sleep(for: .milliseconds(200))
            recovered = await Self.addContact(server.port, token: token, name: "after-\(n)", phone: "1390002\(String(format: "%04d", n))").status
        }
        #expect(recovered == 200)
        #expect(server.process.isRunning)
    }

    /// `POST /api/contacts/add` of one contact.
    static func addContact(_ port: Int, token: String, name: String, phone: String) async -> (status: Int?, body: String) {
        await Self.send(port, "POST", "/api/contacts/add", token: token, body: #"{"name":"\#(name)","phone":"\#(phone)"}"#)
    }

    /// Runs `path` with `arguments` and returns its exit status.
    static func run(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
