import Foundation
import HTTPTypes

/// Byte-level reading of a raw HTTP/1 request head, for the handlers that see it before the parser does.
enum RequestHead {
    /// `METHOD SP target SP HTTP/1.x`, split.
    struct RequestLine {
        var method: ArraySlice<UInt8>
        var target: ArraySlice<UInt8>
        var isHTTP10: Bool

        /// No control bytes (NUL, CR, DEL, …) in the target: those are refused, never passed on.
        var targetIsClean: Bool { !self.target.contains { $0 < 0x20 || $0 == 0x7F } }
        /// Bytes a person typed (UTF-8) rather than percent-encoded, which the parser refuses.
        var targetNeedsEncoding: Bool { self.target.contains { $0 >= 0x80 } }
    }

    /// The request line, or nil when it is not `token SP target SP HTTP/1.0|HTTP/1.1` (a trailing CR is allowed).
    static func requestLine(_ line: some Collection<UInt8>) -> RequestLine? {
        var bytes = Array(line)[...]
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let parts = bytes.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte), !parts[1].isEmpty,
            !parts[1].contains(UInt8(ascii: " "))
        else { return nil }
        let version = parts[2]
        guard version.elementsEqual("HTTP/1.1".utf8) || version.elementsEqual("HTTP/1.0".utf8) else { return nil }
        return RequestLine(method: parts[0], target: parts[1], isHTTP10: version.last == UInt8(ascii: "0"))
    }

    /// The head with its target percent-encoded where it holds raw UTF-8, and `Connection: close` added to an
    /// HTTP/1.0 request that did not ask for keep-alive; nil when nothing needs to change.
    static func rewritten(head: some Collection<UInt8>, line: RequestLine, fields: some Sequence<some Collection<UInt8>>) -> [UInt8]? {
        let closes = line.isHTTP10 && !fields.contains { Self.asksKeepAlive($0) }
        guard line.targetNeedsEncoding || closes else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(head.count + 64)
        out += line.method
        out.append(UInt8(ascii: " "))
        for byte in line.target {
            if byte >= 0x80 {
                out += [UInt8(ascii: "%"), Self.hex(byte >> 4), Self.hex(byte & 0xF)]
            } else {
                out.append(byte)
            }
        }
        out += Array(line.isHTTP10 ? " HTTP/1.0\r\n".utf8 : " HTTP/1.1\r\n".utf8)
        if closes { out += Array("Connection: close\r\n".utf8) }
        // The rest of the head as it came, from the byte after the request line's newline.
        if let newline = head.firstIndex(of: UInt8(ascii: "\n")) { out += head[head.index(after: newline)...] }
        return out
    }

    /// A complete `Connection: close` response with the server's JSON error body for `status`.
    static func refusal(_ status: HTTPResponse.Status) -> [UInt8] {
        let body = Self.refusalBody(status)
        let text =
            "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        return Array(text.utf8)
    }

    /// The JSON error body of a refused request: the message under `error`, `message` and `detail`, every API
    /// family's key.
    static func refusalBody(_ status: HTTPResponse.Status) -> String {
        let message =
            switch status {
            case .requestHeaderFieldsTooLarge: "请求头过大"
            case .notImplemented: "不支持的请求方法"
            default: "请求格式错误"
            }
        return #"{"error":"\#(message)","message":"\#(message)","detail":"\#(message)","code":\#(status.code)}"#
    }

    /// A `Connection` field whose value names `keep-alive` (any case).
    static func asksKeepAlive(_ field: some Collection<UInt8>) -> Bool {
        let text = String(decoding: field, as: UTF8.self).lowercased()
        guard text.hasPrefix("connection:") else { return false }
        return text.dropFirst("connection:".count).split(separator: ",").contains {
            $0.trimmingCharacters(in: .whitespaces) == "keep-alive"
        }
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
