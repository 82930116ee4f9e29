public import Attachments
public import ChatCore
import Foundation

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
    /// The conversations whose members may download the files their messages carry (nil: only the owner, an
    /// admin, or a signed URL).
    public var messages: (any MessageRepository)?

    public init(
        attachments: any AttachmentRepository,
        uploads: (any UploadRepository)? = nil,
        signer: FileURLSigner,
        quota: Int64 = 0,
        messages: (any MessageRepository)? = nil
    ) {
        self.attachments = attachments
        self.uploads = uploads
        self.signer = signer
        self.quota = quota
        self.messages = messages
    }

    /// Whether `user` may download `attachment` without a signed URL: it owns it, or it is a member of a
    /// conversation where a message carries it.
    public func mayDownload(_ attachment: Attachment, user: Int64) async throws -> Bool {
        if attachment.owner == user { return true }
        guard user != 0, let messages = self.messages else { return false }
        return try await messages.sharesAttachment(attachment.id, with: ParticipantID(user))
    }

    /// The bytes `owner` keeps: its attachments and its unfinished uploads' declared lengths.
    public func used(by owner: Int64) async throws -> Int64 {
        try await self.attachments.usage(of: owner) + (self.uploads?.reserved(by: owner) ?? 0)
    }

    /// The attachment a file or image message's content names, when `sender` owns it: the message carries that
    /// file, and its conversation's members may download it. The content is the stored form of a file message — a
    /// socket transfer's `/api/media/uploads/chat/<file id>`, a resumable upload's `/api/files/<id>/<name>` — or a
    /// multipart upload's media URL (`[BASE_URL]/api/media/<path>`). Anything else, and anybody else's file,
    /// carries nothing.
    public func attachmentID(carriedBy content: String, sender: Int64) async throws -> Int64? {
        if content.hasPrefix("/api/files/") {
            let id = String(content.dropFirst("/api/files/".count).prefix { $0 != "/" })
            guard id.utf8.count == 32, let upload = try await self.uploads?.upload(id), upload.owner == sender else { return nil }
            return upload.attachmentID
        }
        guard let path = Self.mediaPath(content) else { return nil }
        guard let attachment = try await self.attachments.attachment(path: path), attachment.owner == sender else { return nil }
        return attachment.id
    }

    /// The path under the media directory that a `/api/media/` URL (relative, or absolute with any origin) names;
    /// nil for anything else, and for paths that try to leave the directory.
    static func mediaPath(_ url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            rest = rest[slash...]
        }
        guard rest.hasPrefix("/api/media/") else { return nil }
        let raw = rest.dropFirst("/api/media/".count).prefix { $0 != "?" && $0 != "#" }
        guard let path = String(raw).removingPercentEncoding, !path.isEmpty else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return path
    }
}
