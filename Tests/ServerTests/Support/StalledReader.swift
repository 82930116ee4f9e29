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

/// A raw WebSocket client that completes the handshake and then reads nothing until asked to, with a small
/// receive buffer, so that the server's writes back up.
final class StalledReader: Sendable {
    let fd: Int32

    init(port: Int, path: String) async throws {
        self.fd = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.open(port: port, path: path) })
            }
        }
    }

    deinit { close(self.fd) }

    struct Failed: Error { let what: String }

    static func open(port: Int, path: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(what: "socket") }
        var small: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failed(what: "connect") }
        let request =
            "GET \(path) HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        // The response head only, byte by byte, so that no frame is read yet.
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
            guard recv(fd, &byte, 1, 0) == 1 else { throw Failed(what: "handshake") }
            head.append(byte)
        }
        guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else { throw Failed(what: "upgrade") }
        return fd
    }

    /// Reads the frames until a close frame (its code, reason and the number of text frames before it), or nil
    /// when the stream ends or stays silent for ten seconds without one.
    func drainUntilClose() async throws -> (code: UInt16, reason: String, messages: Int)? {
        let fd = self.fd
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var bytes: [UInt8] = []
                var at = 0
                var messages = 0
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    // Every complete frame in what was read so far.
                    while bytes.count - at >= 2 {
                        var length = Int(bytes[at + 1] & 0x7F)
                        var header = 2
                        if length == 126 {
                            guard bytes.count - at >= 4 else { break }
                            length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
                            header = 4
                        } else if length == 127 {
                            guard bytes.count - at >= 10 else { break }
                            length = (2..<10).reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
                            header = 10
                        }
                        guard bytes.count - at >= header + length else { break }
                        let opcode = bytes[at] & 0x0F
                        let payload = Array(bytes[(at + header)..<(at + header + length)])
                        at += header + length
                        if opcode == 0x1 && payload.starts(with: Array(#"{"type":"message""#.utf8)) { messages += 1 }
                        if opcode == 0x8 {
                            let code = payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : 0
                            continuation.resume(returning: (code, String(decoding: payload.dropFirst(2), as: UTF8.self), messages))
                            return
                        }
                    }
                    let count = recv(fd, &buffer, buffer.count, 0)
                    guard count > 0 else {
                        continuation.resume(returning: nil)
                        return
                    }
                    bytes += buffer[0..<count]
                }
            }
        }
    }
}
