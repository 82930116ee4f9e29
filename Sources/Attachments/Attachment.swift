public import Foundation

/// A stored file: who owns it, its name as given, its type as sniffed from its first bytes, its size, its SHA-256
/// and where it lies under the media directory. Every way a file arrives — a resumable upload, a multipart upload,
/// a chunked transfer over the socket — ends as one of these.
public struct Attachment: Sendable, Equatable, Codable {
    public var id: Int64
    public var owner: Int64
    /// The name the sender gave, for `Content-Disposition` (never a path).
    public var name: String
    /// The media type sniffed from the first bytes (`application/octet-stream` when nothing matched).
    public var type: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the content: also its strong `ETag`.
    public var sha256: String
    /// The path relative to the media directory.
    public var path: String
    public var createdAt: Date

    public init(id: Int64, owner: Int64, name: String, type: String, size: Int64, sha256: String, path: String, createdAt: Date) {
        self.id = id
        self.owner = owner
        self.name = name
        self.type = type
        self.size = size
        self.sha256 = sha256
        self.path = path
        self.createdAt = createdAt
    }
}
