import Attachments
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// The download of an attachment: its sniffed type with `nosniff`, its SHA-256 as a strong `ETag` (`If-None-Match`
/// → 304), `Content-Disposition: attachment` with the original name (RFC 6266 `filename*`, and an ASCII fallback),
/// and one byte range (`Range: bytes=…` → 206 with `Content-Range`; a range that makes no sense or lies past the end
/// → 416 with `Content-Range: bytes */size`). The body streams from the file.
struct AttachmentDownload {
    let attachment: Attachment
    let mediaDirectory: String
    /// The pieces read from disk and written to the socket (what one download holds in memory is a few of them).
    static var chunkLength: Int { 64 * 1024 }

    enum RangeRequest: Equatable {
        /// No usable range: the whole file (no header, another unit, several ranges, or an `If-Range` that no longer
        /// matches).
        case whole
        case bytes(ClosedRange<Int64>)
        case unsatisfiable
    }

    /// Reads a `Range` header against a file of `size` bytes (RFC 9110 §14.1.2).
    static func range(_ header: String?, size: Int64) -> RangeRequest {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let specs = trimmed.dropFirst(6).split(separator: ",", omittingEmptySubsequences: false)
        guard specs.count == 1 else { return .whole }
        let spec = specs[0].trimmingCharacters(in: .whitespaces)
        guard let dash = spec.firstIndex(of: "-") else { return .unsatisfiable }
        let first = String(spec[..<dash])
        let last = String(spec[spec.index(after: dash)...])
        func number(_ text: String) -> Int64? {
            guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int64(text)
        }
        if first.isEmpty {
            // The last n bytes.
            guard let n = number(last), n > 0, size > 0 else { return .unsatisfiable }
            return .bytes(max(0, size - n)...(size - 1))
        }
        guard let start = number(first), start < size else { return .unsatisfiable }
        if last.isEmpty { return .bytes(start...(size - 1)) }
        guard let end = number(last), end >= start else { return .unsatisfiable }
        return .bytes(start...min(end, size - 1))
    }

    /// `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>`.
    static func disposition(_ name: String) -> String {
        let ascii = String(
            String.UnicodeScalarView(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? $0 : "_" })
        )
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "file"
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    func response(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let path = self.mediaDirectory + "/" + self.attachment.path
        let etag = "\"\(self.attachment.sha256)\""
        let size = self.attachment.size
        var headers: HTTPFields = [
            .contentType: self.attachment.type, .eTag: etag, .acceptRanges: "bytes", .cacheControl: "private, no-cache",
            .contentDisposition: Self.disposition(self.attachment.name), HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        if let match = request.headers[.ifNoneMatch],
            match.trimmingCharacters(in: .whitespaces) == "*"
                || match.split(separator: ",").contains(where: {
                    $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") == etag
                })
        {
            return Response(status: .notModified, headers: headers)
        }
        var range = Self.range(request.headers[.range], size: size)
        if let condition = request.headers[.ifRange], condition.trimmingCharacters(in: .whitespaces) != etag { range = .whole }
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            let text = "Range not satisfiable: the file has \(size) bytes (Range: bytes=first-last, first-, or -suffix)"
            return Response.json(.rangeNotSatisfiable, ["error": .string(text), "detail": .string(text)], headers: headers)
        case .bytes(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            headers[.contentLength] = String(bytes.count)
            let body = try await FileIO().loadFile(
                path: path,
                range: Int(bytes.lowerBound)...Int(bytes.upperBound),
                context: context,
                chunkLength: Self.chunkLength
            )
            return Response(status: .partialContent, headers: headers, body: body)
        case .whole:
            headers[.contentLength] = String(size)
            if size == 0 { return Response(status: .ok, headers: headers) }
            let body = try await FileIO().loadFile(path: path, context: context, chunkLength: Self.chunkLength)
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
