import Attachments
import AuthTokens
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import StorageKit

/// `/api/files/`: resumable uploads, tus 1.0.0 with the creation, termination, checksum and expiration
/// extensions (https://tus.io/protocols/resumable-upload), and the download of a finished one by its owner.
///
/// The offset lives in the database and moves only under a claim (``UploadRepository/claim(_:at:token:until:now:)``),
/// so any server process sharing the database and `MEDIA_DIR` continues an upload another one started, and two
/// clients patching one upload at once get one success and one 409. A `PATCH` streams its body to the file at
/// the offset (memory stays flat whatever the size), syncs it, and only then moves the offset: a piece the server
/// acknowledged is on disk, and a piece it refused (wrong offset, bad checksum, too long) leaves the offset — and so
/// the visible file — where it was. A finished upload becomes an ``Attachment`` (type sniffed from its first
/// bytes, size, SHA-256).
struct TusController<Context: RapportRequestContext> {
    let uploads: any UploadRepository
    let attachments: any AttachmentRepository
    let mediaDirectory: String
    let maxUploadSize: Int64
    let expiry: TimeInterval
    /// Bytes a user may keep in attachments and unfinished uploads; 0: no limit.
    let quota: Int64
    let baseURL: String
    let logger: Logger

    static var version: String { "1.0.0" }
    static var extensions: String { "creation,termination,checksum,expiration" }
    static var checksumAlgorithms: String { "sha1,sha256,md5" }
    /// How long a `PATCH` holds its upload without renewing: a server process that died mid-piece lets go after
    /// this. A `PATCH` renews before any write once a third of it has passed, so it never writes outside its claim.
    static var claimLease: TimeInterval { 10 }
    static var offsetType: String { "application/offset+octet-stream" }

    func addRoutes(to group: RouterGroup<Context>) {
        let files = group.add(middleware: TusHeadersMiddleware<Context>())
        files.on("", method: .options) { _, _ in self.options() }
        files.on("{id}", method: .options) { _, _ in self.options() }
        files.post("") { request, context in try await self.create(request, context) }
        files.head("{id}") { request, context in try await self.head(request, context) }
        files.patch("{id}") { request, context in try await self.patch(request, context) }
        files.delete("{id}") { request, context in try await self.terminate(request, context) }
        files.get("{id}") { request, context in try await self.download(request, context) }
    }

    // MARK: - Answers

    static func refusal(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:]) -> JSONResponse {
        JSONResponse(status, ["error": .string(text), "detail": .string(text)], headers: headers)
    }

    static var notFound: JSONResponse { Self.refusal(.notFound, "Upload not found") }

    func options() -> Response {
        Response(
            status: .noContent,
            headers: [
                .tusVersion: Self.version, .tusExtension: Self.extensions, .tusMaxSize: String(self.maxUploadSize),
                .tusChecksumAlgorithm: Self.checksumAlgorithms,
            ]
        )
    }

    /// 412 with the versions served, unless the request speaks tus 1.0.0.
    func requireVersion(_ request: Request) throws {
        guard request.headers[.tusResumable] == Self.version else {
            throw Self.refusal(.preconditionFailed, "Tus-Resumable must be \(Self.version)", headers: [.tusVersion: Self.version])
        }
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// A non-negative decimal header value (digits only, no sign, no spaces, at most 18 digits).
    static func count(_ text: String?) -> Int64? {
        guard let text, !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }

    /// The signed-in caller; guests (who all share id 0) may not store files.
    static func user(_ context: Context) throws -> Identity {
        let identity = try context.identity(.union)
        guard !identity.isGuest else { throw Self.refusal(.forbidden, "Guests cannot upload files: sign in") }
        return identity
    }

    /// The caller's upload, or 404 (another user's upload is not found either, nor an unfinished one past its
    /// expiry, which the sweeper is about to remove).
    func owned(_ id: String, _ context: Context) async throws -> (Upload, Identity) {
        let identity = try Self.user(context)
        guard id.utf8.count == 32, id.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
            let upload = try await self.uploads.upload(id), upload.owner == identity.userID.rawValue,
            upload.isFinished || upload.expiresAt > Date()
        else { throw Self.notFound }
        return (upload, identity)
    }

    /// An upload whose bytes are all there but that was never recorded (the process stopped between the two):
    /// recorded now, under a claim so only one request does it.
    func completed(_ upload: Upload) async throws -> Upload {
        guard !upload.isFinished, upload.offset == upload.length else { return upload }
        let token = UploadController<Context>.randomName()
        guard case .claimed = try await self.uploads.claim(upload.id, at: upload.offset, token: token, until: Date() + Self.claimLease, now: Date())
        else { return upload }
        do {
            let attachment = try await self.finish(upload)
            try await self.uploads.release(upload.id, token: token)
            var finished = upload
            finished.attachmentID = attachment.id
            return finished
        } catch {
            try? await self.uploads.release(upload.id, token: token)
            throw error
        }
    }

    func id(_ context: Context) -> String { context.parameters.get("id") ?? "" }

    // MARK: - Creation

    func create(_ request: Request, _ context: Context) async throws -> Response {
        try self.requireVersion(request)
        let identity = try Self.user(context)
        if request.headers[.uploadDeferLength] != nil {
            throw Self.refusal(.badRequest, "Upload-Defer-Length is not supported: give Upload-Length")
        }
        guard let length = Self.count(request.headers[.uploadLength]) else {
            throw Self.refusal(.badRequest, "Upload-Length must be a non-negative whole number of bytes")
        }
        guard length <= self.maxUploadSize else {
            throw Self.refusal(
                .contentTooLarge,
                "Upload-Length exceeds Tus-Max-Size (\(self.maxUploadSize) bytes)",
                headers: [.tusMaxSize: String(self.maxUploadSize)]
            )
        }
        if let body = request.headers[.contentLength], body != "0" {
            throw Self.refusal(.badRequest, "Creation with upload is not supported: POST without a body, then PATCH")
        }
        let metadata = try TusMetadata(request.headers[.uploadMetadata])
        let owner = identity.userID.rawValue
        if self.quota > 0 {
            let used = try await self.attachments.usage(of: owner) + self.uploads.reserved(by: owner)
            guard used + length <= self.quota else {
                throw Self.refusal(.contentTooLarge, "Storage quota exceeded: \(used) of \(self.quota) bytes in use")
            }
        }
        let id = UploadController<Context>.randomName()
        let path = "uploads/tus/" + id
        let full = self.mediaDirectory + "/" + path
        try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(atPath: self.mediaDirectory + "/uploads/tus", withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: full, contents: nil) else { throw StorageError(.unavailable, "cannot create \(path)") }
        }
        let now = Date()
        let upload = Upload(
            id: id,
            owner: owner,
            length: length,
            filename: metadata.filename,
            filetype: metadata.filetype,
            metadata: metadata.raw,
            path: path,
            createdAt: now,
            expiresAt: now + self.expiry
        )
        do {
            try await self.uploads.create(upload)
        } catch {
            try? FileManager.default.removeItem(atPath: full)
            throw error
        }
        if length == 0 { _ = try await self.finish(upload) }
        return Response(
            status: .created,
            headers: [.location: self.baseURL + "/api/files/" + id, .uploadExpires: Self.httpDate(upload.expiresAt), .uploadOffset: "0"]
        )
    }

    func head(_ request: Request, _ context: Context) async throws -> Response {
        try self.requireVersion(request)
        let (found, _) = try await self.owned(self.id(context), context)
        let upload = try await self.completed(found)
        var headers: HTTPFields = [.uploadOffset: String(upload.offset), .uploadLength: String(upload.length), .cacheControl: "no-store"]
        if let metadata = upload.metadata { headers[.uploadMetadata] = metadata }
        if !upload.isFinished { headers[.uploadExpires] = Self.httpDate(upload.expiresAt) }
        return Response(status: .ok, headers: headers)
    }

    func terminate(_ request: Request, _ context: Context) async throws -> Response {
        try self.requireVersion(request)
        let (upload, _) = try await self.owned(self.id(context), context)
        guard try await self.uploads.delete(upload.id) != nil else { throw Self.notFound }
        if let attachment = upload.attachmentID { _ = try await self.attachments.delete(attachment) }
        let full = self.mediaDirectory + "/" + upload.path
        try? await NIOThreadPool.singleton.runIfActive { try FileManager.default.removeItem(atPath: full) }
        return Response(status: .noContent)
    }

    // MARK: - Pieces

    func patch(_ request: Request, _ context: Context) async throws -> Response {
        try self.requireVersion(request)
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == Self.offsetType else {
            throw Self.refusal(.unsupportedMediaType, "Content-Type must be \(Self.offsetType)")
        }
        let (upload, _) = try await self.owned(self.id(context), context)
        guard let offset = Self.count(request.headers[.uploadOffset]) else {
            throw Self.refusal(.badRequest, "Upload-Offset must be a non-negative whole number of bytes")
        }
        let checksum = try request.headers[.uploadChecksum].map { try TusChecksum($0) }
        if upload.isFinished {
            throw Self.refusal(.conflict, "The upload is complete", headers: [.uploadOffset: String(upload.offset)])
        }
        guard offset == upload.offset else {
            throw Self.refusal(
                .conflict,
                "Upload-Offset is \(offset) but the upload is at \(upload.offset)",
                headers: [.uploadOffset: String(upload.offset)]
            )
        }
        let room = upload.length - offset
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }), declared > room {
            throw Self.refusal(.contentTooLarge, "The piece (\(declared) bytes) goes past Upload-Length (\(room) bytes left)")
        }
        let token = UploadController<Context>.randomName()
        switch try await self.uploads.claim(upload.id, at: offset, token: token, until: Date() + Self.claimLease, now: Date()) {
        case .claimed: break
        case .offsetMismatch(let current):
            throw Self.refusal(.conflict, "Upload-Offset is \(offset) but the upload is at \(current)", headers: [.uploadOffset: String(current)])
        case .busy: throw Self.refusal(.conflict, "Another PATCH of this upload is in progress")
        case .finished: throw Self.refusal(.conflict, "The upload is complete")
        case .missing: throw Self.notFound
        }
        let written: Int64
        do {
            written = try await self.write(request, upload: upload, offset: offset, room: room, token: token, checksum: checksum)
        } catch {
            try? await self.uploads.release(upload.id, token: token)
            throw error
        }
        let expires = Date() + self.expiry
        guard try await self.uploads.advance(upload.id, token: token, to: offset + written, expiresAt: expires) else {
            throw Self.refusal(.conflict, "The upload changed during this PATCH (deleted, or taken over after a long stall)")
        }
        var current = upload
        current.offset = offset + written
        var headers: HTTPFields = [.uploadOffset: String(current.offset)]
        if current.offset == current.length {
            _ = try await self.finish(current)
        } else {
            headers[.uploadExpires] = Self.httpDate(expires)
        }
        return Response(status: .noContent, headers: headers)
    }

    /// Streams the body to the file at `offset`, renewing the claim as it goes; the bytes written, synced to disk.
    /// A body longer than `room` is refused (413) and one whose checksum differs too (460): the caller releases the
    /// claim without moving the offset. A client that goes away mid-piece keeps what arrived, unless it sent a
    /// checksum (a partial piece cannot match it).
    func write(_ request: Request, upload: Upload, offset: Int64, room: Int64, token: String, checksum: TusChecksum?) async throws -> Int64 {
        let fileIO = NonBlockingFileIO(threadPool: .singleton)
        let path = self.mediaDirectory + "/" + upload.path
        var hasher = checksum.map { TusChecksum.Hasher($0.algorithm) }
        return try await fileIO.withFileHandle(_deprecatedPath: path, mode: .write, flags: .default) { handle in
            var written: Int64 = 0
            var renewed = ContinuousClock.now
            var interrupted = false
            var body = request.body.makeAsyncIterator()
            while true {
                let next: ByteBuffer?
                do {
                    next = try await body.next()
                } catch {
                    // The client went away: what arrived and was written stands (without a checksum to hold it to).
                    guard checksum == nil else { throw error }
                    interrupted = true
                    self.logger.debug("upload piece cut short", metadata: ["upload": "\(upload.id)", "bytes": "\(written)"])
                    break
                }
                guard let buffer = next else { break }
                guard Int64(buffer.readableBytes) <= room - written else {
                    throw Self.refusal(.contentTooLarge, "The piece goes past Upload-Length (\(room) bytes left)")
                }
                // Renewed before the write, never after: a piece stalled past its lease (another PATCH may hold the
                // upload now) stops here instead of writing over what that one stored.
                if ContinuousClock.now - renewed > .seconds(Self.claimLease / 3) {
                    guard try await self.uploads.renew(upload.id, token: token, until: Date() + Self.claimLease) else {
                        throw Self.refusal(.conflict, "The upload changed during this PATCH (another PATCH took it over after a stall)")
                    }
                    renewed = ContinuousClock.now
                }
                try await fileIO.write(fileHandle: handle, toOffset: offset + written, buffer: buffer)
                hasher?.update(buffer)
                written += Int64(buffer.readableBytes)
            }
            if let checksum, !interrupted, let digest = hasher?.finalize(), digest != checksum.digest {
                throw Self.refusal(HTTPResponse.Status(code: 460, reasonPhrase: "Checksum Mismatch"), "Checksum Mismatch: the piece was discarded")
            }
            // On disk before the offset says so.
            try await NIOThreadPool.singleton.runIfActive {
                try handle.withUnsafeFileDescriptor { descriptor in
                    guard fsync(descriptor) == 0 else { throw StorageError(.unavailable, "cannot sync \(upload.path): errno \(errno)") }
                }
            }
            return written
        }
    }

    /// Makes a complete upload an attachment: hashed, typed by its first bytes, recorded.
    func finish(_ upload: Upload) async throws -> Attachment {
        let attachment = try await StoredFile.record(
            upload.path,
            mediaDirectory: self.mediaDirectory,
            owner: upload.owner,
            name: upload.filename ?? upload.id,
            in: self.attachments
        )
        try await self.uploads.finish(upload.id, attachment: attachment.id)
        return attachment
    }

    // MARK: - Download

    func download(_ request: Request, _ context: Context) async throws -> Response {
        let (found, _) = try await self.owned(self.id(context), context)
        let upload = try await self.completed(found)
        guard let id = upload.attachmentID, let attachment = try await self.attachments.attachment(id) else {
            throw Self.refusal(.conflict, "The upload is not complete", headers: [.uploadOffset: String(upload.offset)])
        }
        return try await AttachmentDownload(attachment: attachment, mediaDirectory: self.mediaDirectory).response(request, context)
    }
}
