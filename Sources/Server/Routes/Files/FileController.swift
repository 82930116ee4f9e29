import Attachments
import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import NIOPosix
import StorageKit

/// `/api/file` (contracts/seed003 §5 and §8): the download of files sent in chunks over the socket,
/// `GET /api/file/uploads/chat/<file_id>` → the bytes as an attachment, and avatars, `GET /api/file/avatar/<name>` →
/// the image with its real type. No path can leave `MEDIA_DIR/uploads` or the avatar folder.
///
/// A chat file is served only with the signed `file_url` its message carried to the conversation's participants
/// (``FileURLSigner``), or to the token (`Authorization: Bearer` or `?jwt=`) of its sender, an admin, or a member of
/// a conversation where a message carries it (the message's `attachment_id`); otherwise 403. A recorded one (``Attachment``) is served with its sniffed type, `ETag`, and `Range`
/// (``AttachmentDownload``). Resumable uploads are never served here (`/api/files/<id>`, their owner only).
struct FileController<Context: RapportRequestContext> {
    let mediaDirectory: String
    let files: FileStore?

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("uploads/**") { request, context in try await self.download(request, context) }
        group.get("avatar/**") { request, context in try await self.avatar(request, context) }
    }

    /// An avatar by its file name, typed by its first bytes; 404 `{"error": "Avatar not found"}` for anything
    /// else, including names with separators or dots in front.
    func avatar(_ request: Request, _ context: Context) async throws -> Response {
        let notFound = JSONResponse(.notFound, ["error": "Avatar not found"])
        let parts = context.parameters.getCatchAll().map { String($0).removingPercentEncoding ?? String($0) }
        guard parts.count == 1 else { throw notFound }
        // Avatars are small (their upload is size-limited): found and read whole on the thread pool — no file
        // system call on the event loop — then typed by their first bytes.
        let avatars = AvatarStore(mediaDirectory: self.mediaDirectory)
        guard
            let data = try? await NIOThreadPool.singleton.runIfActive({ () throws -> Data? in
                try avatars.path(of: parts[0]).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            }) ?? nil,
            let type = AvatarStore.ImageType.sniff(data)
        else { throw notFound }
        let body = ByteBuffer(data: data)
        return Response(
            status: .ok,
            headers: [
                .contentType: type.mediaType, .cacheControl: "no-cache", .contentLength: String(body.readableBytes),
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: body)
        )
    }

    /// A finished resumable upload sent as a file message (`/api/file/uploads/files/<id>/<name>`): with the message's signed
    /// URL, or to its owner's (or an admin's) token.
    func uploaded(_ parts: [String], _ request: Request, _ context: Context) async throws -> Response {
        let notFound = JSONResponse(.notFound, ["error": "File not found"])
        guard parts.count == 3, let files = self.files, let uploads = files.uploads, let upload = try await uploads.upload(parts[1]),
            let id = upload.attachmentID, let attachment = try await files.attachments.attachment(id)
        else { throw notFound }
        let query = request.uri.queryParameters
        let signed = files.signer.verify(
            "/uploads/files/" + parts[1] + "/" + parts[2],
            expires: query["expires"].map(String.init),
            signature: query["signature"].map(String.init)
        )
        if !signed {
            // The attachment's owner is the upload's.
            let identity = try? context.identity(.flaskJWTQuery)
            var allowed = identity?.role == .admin
            if !allowed, let identity { allowed = try await files.mayDownload(attachment, user: identity.userID.rawValue) }
            guard allowed else {
                throw JSONResponse(
                    .forbidden,
                    [
                        "error":
                            "This file needs the signed file_url of its message, or the token of its owner or of a member of a conversation it was sent in"
                    ]
                )
            }
        }
        return try await AttachmentDownload(attachment: attachment, mediaDirectory: self.mediaDirectory).response(request, context)
    }

    func download(_ request: Request, _ context: Context) async throws -> Response {
        let notFound = JSONResponse(.notFound, ["error": "File not found"])
        let parts = context.parameters.getCatchAll().map { String($0).removingPercentEncoding ?? String($0) }
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." && !$0.contains("/") && !$0.hasPrefix(".") }) else {
            throw notFound
        }
        guard parts[0] != "tus", parts[0] != "partial" else { throw notFound }
        if parts[0] == "files" {
            return try await self.uploaded(parts, request, context)
        }
        if parts[0] == "chat" {
            guard parts.count == 2 else { throw notFound }
            let fileID = parts[1]
            let query = request.uri.queryParameters
            let signed =
                self.files?.signer.verify(
                    "/uploads/chat/" + fileID,
                    expires: query["expires"].map(String.init),
                    signature: query["signature"].map(String.init)
                )
                ?? false
            let attachment = try await self.files?.attachments.attachment(path: "uploads/chat/" + fileID)
            if !signed {
                // File ids start with their sender's id; the members of a conversation a message carried the file
                // to may download it with their own token too.
                let sender = fileID.split(separator: "_", maxSplits: 1).first.flatMap { Int64($0) }
                let identity = try? context.identity(.flaskJWTQuery)
                var allowed = identity.map { $0.userID.rawValue == sender || $0.role == .admin } ?? false
                if !allowed, let identity, let attachment, let files = self.files {
                    allowed = try await files.mayDownload(attachment, user: identity.userID.rawValue)
                }
                guard allowed else {
                    throw JSONResponse(
                        .forbidden,
                        [
                            "error":
                                "This file needs the signed file_url of its message, or the token of its sender or of a member of a conversation it was sent in"
                        ]
                    )
                }
            }
            if let attachment {
                return try await AttachmentDownload(attachment: attachment, mediaDirectory: self.mediaDirectory).response(request, context)
            }
        }
        let path = self.mediaDirectory + "/uploads/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { throw notFound }
        let body = try await FileIO().loadFile(path: path, context: context)
        let last = parts[parts.count - 1]
        let name = last.split(separator: "_", maxSplits: 3).last.map(String.init) ?? last
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream", .contentDisposition: "attachment; filename*=UTF-8''\(encoded)",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: body
        )
    }
}
