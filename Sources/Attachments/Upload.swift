public import Foundation

/// A resumable upload (tus 1.0): a file of a declared length that arrives in pieces, possibly through several
/// server processes. Its offset lives in the database and only moves forward, one `PATCH` at a time.
public struct Upload: Sendable, Equatable, Codable {
    /// 32 random hex digits: the upload's URL, not guessable.
    public var id: String
    public var owner: Int64
    public var length: Int64
    /// How many bytes are stored, from the start.
    public var offset: Int64
    /// `filename` and `filetype` of the `Upload-Metadata` header (checked: no path, no control characters).
    public var filename: String?
    public var filetype: String?
    /// The raw `Upload-Metadata` header, echoed by `HEAD`.
    public var metadata: String?
    /// The bytes' file, relative to the media directory.
    public var path: String
    public var createdAt: Date
    /// An unfinished upload is removed after this.
    public var expiresAt: Date
    /// The finished upload's attachment.
    public var attachmentID: Int64?

    public init(
        id: String,
        owner: Int64,
        length: Int64,
        offset: Int64 = 0,
        filename: String? = nil,
        filetype: String? = nil,
        metadata: String? = nil,
        path: String,
        createdAt: Date,
        expiresAt: Date,
        attachmentID: Int64? = nil
    ) {
        self.id = id
        self.owner = owner
        self.length = length
        self.offset = offset
        self.filename = filename
        self.filetype = filetype
        self.metadata = metadata
        self.path = path
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.attachmentID = attachmentID
    }

    public var isFinished: Bool { self.attachmentID != nil }
}
