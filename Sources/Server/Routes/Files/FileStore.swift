public import Attachments

/// Where stored files are recorded and how their download URLs are signed: shared by the routes that store
/// files (chunked socket transfers, multipart uploads) and those that serve them.
public struct FileStore: Sendable {
    public var attachments: any AttachmentRepository
    /// Unfinished resumable uploads, whose declared lengths count against the quota.
    public var uploads: (any UploadRepository)?
    public var signer: FileURLSigner
    /// Bytes each user may keep in attachments and unfinished uploads; 0: no limit (`USER_STORAGE_QUOTA`). A soft
    /// limit: two uploads that start at the same moment may both pass it.
    public var quota: Int64

    public init(attachments: any AttachmentRepository, uploads: (any UploadRepository)? = nil, signer: FileURLSigner, quota: Int64 = 0) {
        self.attachments = attachments
        self.uploads = uploads
        self.signer = signer
        self.quota = quota
    }

    /// The bytes `owner` keeps: its attachments and its unfinished uploads' declared lengths.
    public func used(by owner: Int64) async throws -> Int64 {
        try await self.attachments.usage(of: owner) + (self.uploads?.reserved(by: owner) ?? 0)
    }
}
