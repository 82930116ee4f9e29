import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

/// Media files are served as what their extension says and nothing else: browsers must not sniff an uploaded
/// file into HTML or script. Files that are not public — chat files sent over the socket (`uploads/chat`, served
/// by `/api/file/uploads/chat/…` with a signed URL), resumable uploads (`uploads/tus`) and unfinished transfers
/// (`uploads/partial`) — are not served here at all (404).
struct MediaHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let privateFolders = ["chat", "tus", "partial"]

    /// Whether `path` (as requested, percent-encoded) names a private media file, however it is spelled (the
    /// file server decodes the path before it looks, so the check does too; a path that does not decode is refused).
    static func isPrivate(_ path: String) -> Bool {
        // Nearly every path has nothing to decode and no empty or dot segments: spelled as it is meant, it is
        // private only under /api/media/. One pass over the bytes decides that without Foundation's decoding.
        if Self.isPlain(path), !path.utf8.starts(with: "/api/media/".utf8) { return false }
        guard let decoded = path.removingPercentEncoding else { return true }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/") where segment != "." {
            if segment == ".." { _ = segments.popLast() } else { segments.append(segment) }
        }
        guard segments.count >= 2, segments[0] == "api", segments[1] == "media" else { return false }
        return segments.count >= 4 && segments[2] == "uploads" && Self.privateFolders.contains(String(segments[3]))
    }

    /// No `%`, no `//` and no segment starting with `.`: the path decodes and resolves to itself.
    static func isPlain(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") { return false }
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return true
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isPrivate(request.uri.path) {
            return Response.json(.notFound, ["error": "File not found", "detail": "File not found"])
        }
        var response = try await next(request, context)
        if request.uri.path.hasPrefix("/api/media/") {
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
