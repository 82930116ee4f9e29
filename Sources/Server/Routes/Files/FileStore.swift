public import Attachments

/// Where stored files are recorded and how their download URLs are signed: shared by the routes that store
/// files (chunked socket transfers, multipart uploads) and those that serve them.
public struct FileStore: Sendable {
    public var attachments: any AttachmentRepository
    public var signer: FileURLSigner
    /// Bytes each user may keep in attachments and unfinished uploads; 0: no limit (`USER_STORAGE_QUOTA`).
    public var quota: Int64

    public init(attachments: any AttachmentRepository, signer: FileURLSigner, quota: Int64 = 0) {
        self.attachments = attachments
        self.signer = signer
        self.quota = quota
    }
}
