import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import StorageKit
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Raw-socket checks against a live server: what a misbehaving client gets at the connection level.
@Suite("Connection limits")
struct ConnectionLimitTests {
    /// Connects to 127.0.0.1:`port`, sends `request`, and returns what the server sent back until it closed the
    /// connection or `wait` passed without a byte. The blocking socket calls run on a dispatch thread: on the
    /// cooperative pool they would starve the server being tested.
    static func exchange(port: Int, _ request: String, wait: Duration) async throws -> (text: String, closed: Bool) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.blockingExchange(port: port, request, wait: wait) })
            }
        }
    }

    struct ConnectFailed: Error {
        let port: Int
        let errno: Int32
    }

    static func blockingExchange(port: Int, _ request: String, wait: Duration) throws -> (text: String, closed: Bool) {
        let (bytes, closed) = try Self.blockingExchangeBytes(port: port, request, wait: wait)
        return (String(decoding: bytes, as: UTF8.self), closed)
    }

    /// ``exchange(port:_:wait:)`` with the raw bytes of the answer.
    /// `until`, when given, ends the exchange as soon as what was received satisfies it.
    static func exchangeBytes(
        port: Int,
        _ request: String,
        wait: Duration,
        until: (@Sendable ([UInt8]) -> Bool)? = nil
    ) async throws -> (bytes: [UInt8], closed: Bool) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.blockingExchangeBytes(port: port, request, wait: wait, until: until) })
            }
        }
    }

    /// A blocking TCP socket connected to 127.0.0.1:`port`.
    static func connectedSocket(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let failure = ConnectFailed(port: port, errno: errno)
            close(fd)
            throw failure
        }
        return fd
    }

    static func blockingExchangeBytes(
        port: Int,
        _ request: String,
        wait: Duration,
        until: (([UInt8]) -> Bool)? = nil
    ) throws -> (bytes: [UInt8], closed: Bool) {
        let fd = try Self.connectedSocket(port: port)
        defer { close(fd) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var timeout = timeval(tv_sec: Int(wait.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (received, true) }
            // A timeout leaves the connection open; a reset (unread request bytes at close) means it was closed.
            if count < 0 { return (received, errno != EAGAIN && errno != EWOULDBLOCK) }
            received += buffer[0..<count]
            if let until, until(received) { return (received, false) }
        }
    }

    static func withLiveServer(
        _ values: [String: String],
        databaseURL: String = "sqlite::memory:",
        _ test: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        var live = try TestServer.configuration(values)
        // Port 0: the system picks a free one, which the test client reports.
        live.port = 0
        let database = try await ConnectedDatabase.connect(url: databaseURL, logger: TestServer.logger)
        try await RapportServer.migrator.migrate(on: database.database, logger: TestServer.logger)
        let services = try await RapportServer.Services.make(database: database, configuration: live, logger: TestServer.logger)
        let app = RapportServer.application(services: services, configuration: live, logger: TestServer.logger)
        try await app.test(.live) { client in
            try await test(client.port!)
        }
    }

    @Test func tooManyHeadersGet431() async throws {
        try await Self.withLiveServer([:]) { port in
            let headers = (0..<150).map { "X-Filler-\($0): v\r\n" }.joined()
            let (text, closed) = try await Self.exchange(port: port, "GET /api/health HTTP/1.1\r\nHost: x\r\n\(headers)\r\n", wait: .seconds(5))
            #expect(text.hasPrefix("HTTP/1.1 431"))
            #expect(closed)
        }
    }

    @Test func oversizedHeaderGets431() async throws {
        try await Self.withLiveServer([:]) { port in
            let long = String(repeating: "a", count: 70_000)
            let (text, _) = try await Self.exchange(port: port, "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Long: \(long)\r\n\r\n", wait: .seconds(5))
            #expect(text.hasPrefix("HTTP/1.1 431"))
        }
    }

    @Test func garbageGets400() async throws {
        try await Self.withLiveServer([:]) { port in
            let (text, closed) = try await Self.exchange(port: port, "HELLO THERE\r\n\r\n", wait: .seconds(5))
            #expect(text.hasPrefix("HTTP/1.1 400"))
            #expect(closed)
        }
    }

    @Test func slowHeadersAreCutOff() async throws {
        try await Self.withLiveServer(["REQUEST_TIMEOUT": "1"]) { port in
            let started = ContinuousClock.now
            let (text, closed) = try await Self.exchange(port: port, "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ", wait: .seconds(12))
            #expect(closed && text.isEmpty)
            // Cut off after the 1 s timeout, far before the 30 s default (slack for a busy machine).
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func aCompleteRequestIsServedAndKeptAlive() async throws {
        try await Self.withLiveServer(["REQUEST_TIMEOUT": "1"]) { port in
            // Read until the body is in (a busy machine may take seconds); the connection is not closed after it.
            let (bytes, closed) = try await Self.exchangeBytes(port: port, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n", wait: .seconds(15)) {
                String(decoding: $0, as: UTF8.self).contains("服务正常运行")
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(text.contains("服务正常运行") && !closed)
        }
    }
}
