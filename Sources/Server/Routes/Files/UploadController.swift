import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import StorageKit

/// Seed 004's uploads (contracts/seed004 §8): `POST /api/upload/image` and `/api/upload/file`, multipart with a
/// `file` part. The part is streamed to disk as it arrives — never held in memory — and refused as soon as it
/// passes `MAX_FILE_SIZE`. Its type must be allowed by its declared content type, by its file name's extension
/// and by its first bytes; it is stored under `MEDIA_DIR/uploads/YYYY/MM/DD/` with a random name.
struct UploadController<Context: RapportRequestContext> {
    let mediaDirectory: String
    let maxFileSize: Int
    let render: UserRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("image") { request, context in try await self.upload(request, context, kind: .image) }
        group.post("file") { request, context in try await self.upload(request, context, kind: .file) }
    }

    enum Kind: String { case image, file }

    /// What may be uploaded: the declared content type, its extensions, and a check of the first bytes.
    struct FileType: Sendable {
        let mediaType: String
        let extensions: [String]
        let matches: @Sendable ([UInt8]) -> Bool
    }

    static func starts(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int = 0) -> Bool {
        bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
    }

    static var ole: [UInt8] { [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] }
    static var zip: [UInt8] { [0x50, 0x4B, 0x03, 0x04] }
    static var images: [FileType] {
        [
            FileType(mediaType: "image/jpeg", extensions: ["jpg", "jpeg"]) { starts($0, [0xFF, 0xD8, 0xFF]) },
            FileType(mediaType: "image/png", extensions: ["png"]) { starts($0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) },
            FileType(mediaType: "image/gif", extensions: ["gif"]) { starts($0, Array("GIF87a".utf8)) || starts($0, Array("GIF89a".utf8)) },
            FileType(mediaType: "image/webp", extensions: ["webp"]) { starts($0, Array("RIFF".utf8)) && starts($0, Array("WEBP".utf8), at: 8) },
        ]
    }
    static var documents: [FileType] {
        [
            FileType(mediaType: "application/pdf", extensions: ["pdf"]) { starts($0, Array("%PDF-".utf8)) },
            FileType(mediaType: "application/msword", extensions: ["doc"]) { starts($0, ole) },
            FileType(mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"]) { starts($0, zip) },
            FileType(mediaType: "application/vnd.ms-excel", extensions: ["xls"]) { starts($0, ole) },
            FileType(mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"]) { starts($0, zip) },
            // Text: valid UTF-8 without NUL bytes in what was sniffed (a multi-byte character may be cut at the end).
            FileType(mediaType: "text/plain", extensions: ["txt", "text", "log", "csv", "md"]) { bytes in
                !bytes.contains(0) && String(validating: bytes.prefix(bytes.count > 4 ? bytes.count - 4 : bytes.count), as: UTF8.self) != nil
            },
        ]
    }

    static func allowed(_ kind: Kind) -> [FileType] { kind == .image ? images : images + documents }

    static var invalidType: JSONResponse { JSONResponse(.badRequest, ["detail": "Invalid file type"]) }
    static var tooLarge: JSONResponse { JSONResponse(.badRequest, ["detail": "File too large"]) }

    /// The `file` part as it streams in.
    final class Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var handle: FileHandle?
        var path: String?
        var size = 0
        var head: [UInt8] = []
        var complete = false
        var tooLarge = false
        var failure: (any Error)?
    }

    func upload(_ request: Request, _ context: Context, kind: Kind) async throws -> JSONResponse {
        _ = try context.identity(.fastAPI)
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.boundary(type)
        else {
            var validation = SupportValidation(request)
            validation.fail("file", "Field required")
            try validation.finish()
            return JSONResponse(.ok, [:])
        }
        let now = Date()
        let day = Self.dayPath(now)
        let directory = self.mediaDirectory + "/uploads/" + day
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let part = Part()
        var current = Part()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" {
                current.name = Self.parameter("name", in: value)
                current.filename = Self.parameter("filename", in: value)
            } else if field.lowercased() == "content-type" {
                current.contentType = value.lowercased()
            }
        }
        parser.onBody = { buffer in
            guard current.name == "file", part.handle == nil || current === part else { return }
            if current !== part {
                // The first `file` part: open its temporary file.
                part.name = current.name
                part.filename = current.filename
                part.contentType = current.contentType
                current = part
                let path = directory + "/.upload-" + UUID().uuidString
                guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                    part.failure = HTTPError(.internalServerError)
                    return
                }
                part.path = path
                part.handle = handle
            }
            guard !part.tooLarge, part.failure == nil else { return }
            part.size += buffer.readableBytes
            if part.size > self.maxFileSize {
                part.tooLarge = true
                return
            }
            if part.head.count < 8192 { part.head += buffer.readableBytesView.prefix(8192 - part.head.count) }
            do {
                try part.handle?.write(contentsOf: buffer.readableBytesView)
            } catch {
                part.failure = error
            }
        }
        parser.onPartComplete = {
            if current === part { part.complete = true }
            current = Part()
        }
        func discard() {
            try? part.handle?.close()
            if let path = part.path { try? FileManager.default.removeItem(atPath: path) }
        }
        do {
            for try await buffer in request.body {
                try parser.execute(buffer)
                // Stop reading as soon as the file is too big: the rest of the body is never taken in.
                if part.tooLarge || part.failure != nil { break }
            }
        } catch {
            discard()
            var validation = SupportValidation(request)
            validation.fail("file", "Field required")
            try validation.finish()
        }
        if part.tooLarge {
            discard()
            throw Self.tooLarge
        }
        if let failure = part.failure {
            discard()
            throw failure
        }
        guard part.complete, let filename = part.filename, !filename.isEmpty, let received = part.path else {
            discard()
            var validation = SupportValidation(request)
            validation.fail("file", "Field required")
            try validation.finish()
            return JSONResponse(.ok, [:])
        }
        let ext = (filename as NSString).pathExtension.lowercased()
        guard let declared = part.contentType?.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }),
            let fileType = Self.allowed(kind).first(where: { $0.mediaType == declared }),
            fileType.extensions.contains(ext), fileType.matches(part.head)
        else {
            discard()
            throw Self.invalidType
        }
        try part.handle?.close()
        let stored = Self.randomName() + "." + ext
        try FileManager.default.moveItem(atPath: received, toPath: directory + "/" + stored)
        let url = self.render.mediaURL("/api/media/uploads/" + day + "/" + stored)
        return JSONResponse(.ok, ["url": url, "filename": .string(filename), "file_type": .string(kind.rawValue)])
    }

    static func boundary(_ contentType: String) -> String? {
        guard let value = self.parameter("boundary", in: contentType), !value.isEmpty else { return nil }
        return value
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    static func dayPath(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%04d/%02d/%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// 128 random bits in hex: names nobody can guess.
    static func randomName() -> String {
        var random = SystemRandomNumberGenerator()
        return JSONText.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
}
