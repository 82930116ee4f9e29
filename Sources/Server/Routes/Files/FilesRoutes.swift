public import Hummingbird

/// The file routes: seed 004's multipart uploads (`/api/upload/image`, `/api/upload/file`, contracts/seed004 §8)
/// and the download of files sent in chunks over the socket (`/api/file/uploads/…`, contracts/seed003 §8). Files
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

    /// - Parameters:
    ///   - mediaDirectory: where files are stored (`MEDIA_DIR`).
    ///   - maxFileSize: the largest file in bytes (`MAX_FILE_SIZE`); a larger upload is refused as it arrives.
    ///   - baseURL: the absolute prefix of the URLs an upload answers with (`BASE_URL`); empty leaves them relative.
    public init(mediaDirectory: String, maxFileSize: Int = 10 << 20, baseURL: String = "") {
        self.mediaDirectory = mediaDirectory
        self.maxFileSize = maxFileSize
        self.baseURL = baseURL
    }

    /// Adds the routes under `group` at `api/upload` and `api/file`.
    public func addRoutes(to group: some RouterMethods<Context>) {
        UploadController<Context>(mediaDirectory: self.mediaDirectory, maxFileSize: self.maxFileSize, render: UserRenderer(baseURL: self.baseURL))
            .addRoutes(to: group.group("api/upload"))
        FileController<Context>(mediaDirectory: self.mediaDirectory).addRoutes(to: group.group("api/file"))
    }
}
