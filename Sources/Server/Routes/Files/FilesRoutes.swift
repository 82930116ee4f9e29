public import Attachments
public import Foundation
public import Hummingbird
import Logging

/// The file routes: seed 004's multipart uploads (`/api/upload/image`, `/api/upload/file`, contracts/seed004 §8),
/// the download of files sent in chunks over the socket (`/api/file/uploads/…`, contracts/seed003 §8), and
/// resumable uploads (tus 1.0, `/api/files/`, ``TusController``). Files
/// live under `mediaDirectory/uploads`; serving `/api/media/…` from `mediaDirectory` is the program's
/// `FileMiddleware`, as in ``RapportServer/buildRouter(database:configuration:auth:audit:)``.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front; the routes are added under `group` at `api/upload` and `api/file`. The program's body limit must let
/// `maxFileSize` plus the multipart framing through on `api/upload`.
public struct FilesRoutes<Context: RapportRequestContext>: RapportRoutes {
    let mediaDirectory: String
    let maxFileSize: Int
    let baseURL: String
    let resumable: Resumable?
    let files: FileStore?

    /// What resumable uploads (tus, `/api/files/`) need: the stores, the largest upload, how long an unfinished
    /// one lives, and each user's storage quota (0: none).
    public struct Resumable: Sendable {
        public var uploads: any UploadRepository
        public var attachments: any AttachmentRepository
        public var maxUploadSize: Int64
        public var expiry: TimeInterval
        public var quota: Int64

        public init(
            uploads: any UploadRepository,
            attachments: any AttachmentRepository,
            maxUploadSize: Int64 = 1 << 30,
            expiry: TimeInterval = 86400,
            quota: Int64 = 0
        ) {
            self.uploads = uploads
            self.attachments = attachments
            self.maxUploadSize = maxUploadSize
            self.expiry = expiry
            self.quota = quota
        }
    }

    /// - Parameters:
    ///   - mediaDirectory: where files are stored (`MEDIA_DIR`).
    ///   - maxFileSize: the largest file in bytes (`MAX_FILE_SIZE`); a larger upload is refused as it arrives.
    ///   - baseURL: the absolute prefix of the URLs an upload answers with (`BASE_URL`); empty leaves them relative.
    ///   - resumable: the stores and limits of resumable uploads at `api/files` (nil: not mounted).
    ///   - files: where uploads are recorded, the quota, and the signer of chat files' URLs (nil: uploads are not
    ///     recorded and chat files are served to their sender's token only).
    public init(mediaDirectory: String, maxFileSize: Int = 10 << 20, baseURL: String = "", resumable: Resumable? = nil, files: FileStore? = nil) {
        self.mediaDirectory = mediaDirectory
        self.maxFileSize = maxFileSize
        self.baseURL = baseURL
        self.resumable = resumable
        self.files = files
    }

    /// Adds the routes under `group` at `api/upload` and `api/file`.
    public func addRoutes(to group: some RouterMethods<Context>) {
        UploadController<Context>(
            mediaDirectory: self.mediaDirectory,
            maxFileSize: self.maxFileSize,
            render: UserRenderer(baseURL: self.baseURL),
            files: self.files
        ).addRoutes(to: group.group("api/upload"))
        FileController<Context>(mediaDirectory: self.mediaDirectory, files: self.files).addRoutes(to: group.group("api/file"))
        if let resumable = self.resumable {
            TusController<Context>(
                uploads: resumable.uploads,
                attachments: resumable.attachments,
                mediaDirectory: self.mediaDirectory,
                maxUploadSize: resumable.maxUploadSize,
                expiry: resumable.expiry,
                quota: resumable.quota,
                baseURL: self.baseURL,
                logger: Logger(label: "rapport.files")
            ).addRoutes(to: group.group("api/files"))
        }
    }
}
