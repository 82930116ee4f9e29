public import Foundation
import StorageKit

/// The attachment store in memory, for tests and single-process tools.
public actor AttachmentMemoryRepository: AttachmentRepository {
    private var rows: [Int64: Attachment] = [:]
    private var nextID: Int64 = 1

    public init() {}

    public func create(_ attachment: Attachment) -> Attachment {
        var stored = attachment
        stored.id = self.nextID
        stored.createdAt = DateParts(attachment.createdAt).date
        self.nextID += 1
        self.rows[stored.id] = stored
        return stored
    }

    public func attachment(_ id: Int64) -> Attachment? { self.rows[id] }

    public func attachment(path: String) -> Attachment? { self.rows.values.first { $0.path == path } }

    public func usage(of owner: Int64) -> Int64 { self.rows.values.filter { $0.owner == owner }.reduce(0) { $0 + $1.size } }

    public func delete(_ id: Int64) -> Attachment? { self.rows.removeValue(forKey: id) }
}
