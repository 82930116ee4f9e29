import Attachments
import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
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
    /// Where uploads are recorded as attachments, with the storage quota (nil: not recorded).
    var files: FileStore? = nil

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
            FileType(mediaType: "image/jpeg", extensions: ["jpg", "jpeg"]) { AvatarStore.ImageType.sniff($0) == .jpeg },
            FileType(mediaType: "image/png", extensions: ["png"]) { AvatarStore.ImageType.sniff($0) == .png },
            FileType(mediaType: "image/gif", extensions: ["gif"]) { AvatarStore.ImageType.sniff($0) == .gif },
            FileType(mediaType: "image/webp", extensions: ["webp"]) { AvatarStore.ImageType.sniff($0) == .webp },
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

    func upload(_ request: Request, _ context: Context, kind: Kind) async throws -> JSONResponse {
        let identity = try context.identity(.fastAPI)
        let day = Self.dayPath(Date())
        let directory = self.mediaDirectory + "/uploads/" + day
        let receiver = MultipartFileReceiver(field: "file", directory: directory, maxSize: self.maxFileSize)
        let file: MultipartFileReceiver.ReceivedFile
        switch try await receiver.receive(request) {
        case .received(let received): file = received
        case .tooLarge: throw Self.tooLarge
        case .notMultipart, .missing, .malformed: try Self.refuseMissingFile(request)
        }
        guard let filename = file.filename, !filename.isEmpty else {
            file.discard()
            try Self.refuseMissingFile(request)
        }
        let ext = (filename as NSString).pathExtension.lowercased()
        guard let declared = file.contentType?.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }),
            let fileType = Self.allowed(kind).first(where: { $0.mediaType == declared }),
            fileType.extensions.contains(ext), fileType.matches(file.head)
        else {
            file.discard()
            throw Self.invalidType
        }
        if let files = self.files, files.quota > 0 {
            let used = try await files.used(by: identity.userID.rawValue)
            guard used + Int64(file.size) <= files.quota else {
                file.discard()
                throw JSONResponse(.contentTooLarge, ["detail": .string("Storage quota exceeded: \(used) of \(files.quota) bytes in use")])
            }
        }
        let stored = Self.randomName() + "." + ext
        try file.move(to: directory + "/" + stored)
        if let files = self.files {
            _ = try await StoredFile.record(
                "uploads/" + day + "/" + stored,
                mediaDirectory: self.mediaDirectory,
                owner: identity.userID.rawValue,
                name: filename,
                in: files.attachments
            )
        }
        let url = self.render.mediaURL("/api/media/uploads/" + day + "/" + stored)
        return JSONResponse(.ok, ["url": url, "filename": .string(filename), "file_type": .string(kind.rawValue)])
    }

    /// Throws FastAPI's 422 for a missing `file` field.
    static func refuseMissingFile(_ request: Request) throws -> Never {
        var validation = SupportValidation(request)
        validation.fail("file", "Field required")
        try validation.finish()
        preconditionFailure("finish() throws with a problem noted")
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
