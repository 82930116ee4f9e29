import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// What a client that sends malformed or unusual HTTP gets, over raw sockets against a live server: an answer and
/// a close at once, never a connection left hanging.
@Suite("Hostile requests")
struct HostileRequestTests {
    /// Each malformed first request, with the status it must get before the connection closes.
    static let malformed: [(name: String, request: String, status: Int)] = [
        ("unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("BREW", "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 501),
        ("4,096-letter method", String(repeating: "A", count: 4096) + " / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("header without colon", "GET /api/health HTTP/1.1\r\nHost: x\r\nBadHeader\r\n\r\n", 400),
        ("space before colon", "GET /api/health HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("empty header name", "GET /api/health HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", 400),
        ("NUL in target", "GET /api/he\u{0}alth HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("two Content-Lengths", "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
        (
            "Content-Length and chunked", "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400
        ),
        ("negative Content-Length", "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        ("non-numeric Content-Length", "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
        ("overflowing Content-Length", "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
    ]

    @Test func malformedFirstRequestsAreAnsweredAndClosedAtOnce() async throws {
        try await ConnectionLimitTests.withLiveServer([:]) { port in
            for (name, request, status) in Self.malformed {
                // Left hanging, the exchange would end at its 8 s wait with the connection open.
                let (text, closed) = try await ConnectionLimitTests.exchange(port: port, request, wait: .seconds(8))
                #expect(text.hasPrefix("HTTP/1.1 \(status) "), "\(name): \(text.prefix(40))")
                #expect(text.contains("Connection: close"), "\(name)")
                #expect(closed, "\(name)")
            }
        }
    }

    @Test func malformedRequestsAfterAGoodOneGetTheGoodAnswerFirst() async throws {
        try await ConnectionLimitTests.withLiveServer([:]) { port in
            let good = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
            for (name, request, status) in Self.malformed + Self.malformed.prefix(1) where !name.hasPrefix("4,096") {
                let (text, closed) = try await ConnectionLimitTests.exchange(port: port, good + request, wait: .seconds(8))
                let statuses = text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
                // The parser may report an error found in the same read before the good request it parsed: then the
                // refusal is all there is, still answered and closed.
                #expect(statuses == ["200", "\(status)"] || statuses == ["\(status)"], "\(name): \(statuses)")
                #expect(closed, "\(name)")
            }
        }
    }

    @Test func utf8TypedIntoTheTargetIsAccepted() async throws {
        try await ConnectionLimitTests.withLiveServer([:]) { port in
            // curl 'http://host/api/health?q=张' sends the UTF-8 bytes unencoded; the connection stays usable.
            let (text, _) = try await ConnectionLimitTests.exchange(
                port: port,
                "GET /api/health?q=张 HTTP/1.1\r\nHost: x\r\n\r\nGET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                wait: .seconds(8)
            )
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3, "\(text)")
        }
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheResponse() async throws {
        try await ConnectionLimitTests.withLiveServer([:]) { port in
            var (text, closed) = try await ConnectionLimitTests.exchange(port: port, "GET /api/health HTTP/1.0\r\n\r\n", wait: .seconds(8))
            #expect(text.hasPrefix("HTTP/1.") && text.contains(" 200 OK"))
            #expect(closed)
            (text, closed) = try await ConnectionLimitTests.exchange(
                port: port,
                "GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
                wait: .seconds(1)
            )
            #expect(text.contains(" 200 OK"))
            (text, closed) = try await ConnectionLimitTests.exchange(
                port: port,
                "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/health HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n",
                wait: .seconds(8)
            )
            #expect(text.components(separatedBy: "200 OK").count == 3 && closed, "Connection: Close in any case closes")
        }
    }

    @Test func connectionsOverTheLimitsAreClosed() async throws {
        for limits in [
            ["MAX_CONNECTIONS_PER_CLIENT": "4", "TRUSTED_PROXIES": "10.0.0.1"], ["MAX_CONNECTIONS": "4", "MAX_CONNECTIONS_PER_CLIENT": "0"],
        ] {
            try await ConnectionLimitTests.withLiveServer(limits) { port in
                var open: [Int32] = []
                defer { open.forEach { close($0) } }
                // Kept-alive connections until one is refused (the test harness's own client may hold one slot).
                var refused = false
                while !refused && open.count < 6 {
                    if let fd = try await FaultInjectionTests.onThread({ try Self.connect(port, sending: Self.health) }) {
                        open.append(fd)
                    } else {
                        refused = true
                    }
                }
                #expect(refused && (3...4).contains(open.count), "\(limits): \(open.count) open, refused \(refused)")
                // One of them asks to close; its slot is free again.
                let closing = open.removeLast()
                let answer = try await FaultInjectionTests.onThread {
                    try Self.send(closing, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                }
                #expect(answer.hasPrefix("HTTP/1.1 200 "))
                close(closing)
                var again: Int32?
                for _ in 0..<150 where again == nil {
                    try await Task.sleep(for: .milliseconds(100))
                    again = try await FaultInjectionTests.onThread { try Self.connect(port, sending: Self.health) }
                }
                #expect(again != nil, "a freed slot is usable again")
                if let again { open.append(again) }
            }
        }
    }

    static let health = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"

    struct NoAnswer: Error {
        let text: String
    }

    /// A connection to 127.0.0.1:`port` that has sent `request` and read its answer, left open; nil when the server
    /// closed it without an answer.
    static func connect(_ port: Int, sending request: String) throws -> Int32? {
        let fd = try ConnectionLimitTests.connectedSocket(port: port)
        let answer = try Self.send(fd, request)
        if answer.isEmpty {
            close(fd)
            return nil
        }
        guard answer.hasPrefix("HTTP/1.1 200 ") else { throw NoAnswer(text: answer) }
        return fd
    }

    /// Sends `request` on `fd` and returns the first read of the answer (waiting up to 5 s).
    static func send(_ fd: Int32, _ request: String) throws -> String {
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }
}
