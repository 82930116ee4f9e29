public import Foundation
import StorageKit

/// Resumable uploads in memory (one process).
public actor UploadMemoryRepository: UploadRepository {
    private var rows: [String: (upload: Upload, claim: String?, until: Date?)] = [:]

    public init() {}

    public func create(_ upload: Upload) {
        var stored = upload
        stored.createdAt = DateParts(upload.createdAt).date
        stored.expiresAt = DateParts(upload.expiresAt).date
        self.rows[upload.id] = (stored, nil, nil)
    }

    public func upload(_ id: String) -> Upload? { self.rows[id]?.upload }

    public func claim(_ id: String, at offset: Int64, token: String, until: Date, now: Date) -> UploadClaim {
        guard let row = self.rows[id] else { return .missing }
        if row.upload.isFinished { return .finished }
        if row.upload.offset != offset { return .offsetMismatch(current: row.upload.offset) }
        if row.claim != nil, let held = row.until, held >= now { return .busy }
        self.rows[id] = (row.upload, token, until)
        return .claimed(row.upload)
    }

    public func renew(_ id: String, token: String, until: Date) -> Bool {
        guard let row = self.rows[id], row.claim == token else { return false }
        self.rows[id] = (row.upload, token, until)
        return true
    }

    public func advance(_ id: String, token: String, to offset: Int64, expiresAt: Date) -> Bool {
        guard var row = self.rows[id], row.claim == token else { return false }
        row.upload.offset = offset
        row.upload.expiresAt = DateParts(expiresAt).date
        self.rows[id] = (row.upload, nil, nil)
        return true
    }

    public func release(_ id: String, token: String) {
        guard let row = self.rows[id], row.claim == token else { return }
        self.rows[id] = (row.upload, nil, nil)
    }

    public func finish(_ id: String, attachment: Int64) {
        self.rows[id]?.upload.attachmentID = attachment
    }

    public func delete(_ id: String) -> Upload? { self.rows.removeValue(forKey: id)?.upload }

    public func deleteIfExpired(_ id: String, now: Date) -> Upload? {
        guard let row = self.rows[id], !row.upload.isFinished, row.upload.expiresAt < now else { return nil }
        if row.claim != nil, let until = row.until, until >= now { return nil }
        return self.rows.removeValue(forKey: id)?.upload
    }

    public func expired(now: Date, limit: Int) -> [Upload] {
        Array(
            self.rows.values.map(\.upload).filter { !$0.isFinished && $0.expiresAt < now }.sorted { $0.expiresAt < $1.expiresAt }
                .prefix(limit)
        )
    }

    public func reserved(by owner: Int64) -> Int64 {
        self.rows.values.map(\.upload).filter { $0.owner == owner && !$0.isFinished }.reduce(0) { $0 + $1.length }
    }
}
