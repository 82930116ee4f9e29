public import Foundation

/// The attachment store's records (the bytes are files under the media directory).
public protocol AttachmentRepository: Sendable {
    /// Records a stored file and gives it an id.
    func create(_ attachment: Attachment) async throws -> Attachment
    func attachment(_ id: Int64) async throws -> Attachment?
    /// The attachment stored at `path` (relative to the media directory).
    func attachment(path: String) async throws -> Attachment?
    /// The bytes `owner`'s attachments take.
    func usage(of owner: Int64) async throws -> Int64
    /// Removes the record; the removed one, or nil when there was none.
    func delete(_ id: Int64) async throws -> Attachment?
}
