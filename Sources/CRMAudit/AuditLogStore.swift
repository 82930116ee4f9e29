public import Foundation

/// Where audit records live. Appends are sealed into one hash chain per store, in order, even with several
/// processes appending to the same database; records are never updated.
public protocol AuditLogStore: Sendable {
    /// The sealer that chains what this store appends.
    var sealer: AuditSealer { get }
    /// Appends `events` at the end of the chain, atomically, and returns them as stored.
    @discardableResult
    func append(_ events: [AuditEvent]) async throws -> [AuditRecord]
    /// One record by event id.
    func record(id: String) async throws -> AuditRecord?
    /// One record by its chain hash (verification uses it to tell a reordering from a deletion).
    func record(chainHash: String) async throws -> AuditRecord?
    /// A page of the records matching `query`, in `order`.
    func records(matching query: AuditQuery, order: AuditOrder, offset: Int, limit: Int) async throws -> [AuditRecord]
    /// How many records match `query`.
    func count(matching query: AuditQuery) async throws -> Int
    /// Records matching `query` with `seq` below `beforeSeq` (nil: from the end), newest first: export pages.
    func records(matching query: AuditQuery, beforeSeq: Int64?, limit: Int) async throws -> [AuditRecord]
    /// Records with `seq` above `afterSeq` in chain order: what verification walks.
    func chain(afterSeq: Int64, limit: Int) async throws -> [AuditRecord]
    /// The chain's head; ``AuditChainHead/empty`` before the first append.
    func head() async throws -> AuditChainHead
    /// Every checkpoint, oldest first.
    func checkpoints() async throws -> [AuditCheckpoint]
    /// Deletes the records created before `date` (up to the last such record in chain order) and leaves a purge
    /// checkpoint at the boundary, so what remains still verifies. Returns how many records were deleted.
    func purge(createdBefore date: Date) async throws -> Int
}

/// The audit log in memory, for tests and programs without a database.
public actor AuditLogMemoryStore: AuditLogStore {
    public nonisolated let sealer: AuditSealer
    private var rows: [AuditRecord] = []
    private var chainHead = AuditChainHead.empty
    private var marks: [AuditCheckpoint] = []

    public init(sealer: AuditSealer) { self.sealer = sealer }

    public func append(_ events: [AuditEvent]) throws -> [AuditRecord] {
        guard !events.isEmpty else { return [] }
        let sealed = self.sealer.seal(events, after: self.chainHead)
        let ids = Set(self.rows.map(\.event.id))
        var seen = Set<String>()
        for record in sealed.records where ids.contains(record.event.id) || !seen.insert(record.event.id).inserted {
            throw AuditStoreError.duplicateID(record.event.id)
        }
        self.rows += sealed.records
        self.chainHead = sealed.head
        if let checkpoint = sealed.checkpoint { self.marks.append(checkpoint) }
        return sealed.records
    }

    public func record(id: String) -> AuditRecord? { self.rows.first { $0.event.id == id } }

    public func record(chainHash: String) -> AuditRecord? { self.rows.first { $0.chainHash == chainHash } }

    public func records(matching query: AuditQuery, order: AuditOrder, offset: Int, limit: Int) -> [AuditRecord] {
        let matching = self.rows.filter { query.matches($0.event) }.sorted { a, b in
            let (x, y) = (order.column.value(of: a.event), order.column.value(of: b.event))
            if x != y { return order.descending ? x > y : x < y }
            return order.descending ? a.seq > b.seq : a.seq < b.seq
        }
        return Array(matching.dropFirst(max(offset, 0)).prefix(max(limit, 0)))
    }

    public func count(matching query: AuditQuery) -> Int { self.rows.count { query.matches($0.event) } }

    public func records(matching query: AuditQuery, beforeSeq: Int64?, limit: Int) -> [AuditRecord] {
        Array(self.rows.reversed().lazy.filter { (beforeSeq == nil || $0.seq < beforeSeq!) && query.matches($0.event) }.prefix(limit))
    }

    public func chain(afterSeq: Int64, limit: Int) -> [AuditRecord] {
        Array(self.rows.lazy.filter { $0.seq > afterSeq }.sorted { $0.seq < $1.seq }.prefix(limit))
    }

    public func head() -> AuditChainHead { self.chainHead }

    public func checkpoints() -> [AuditCheckpoint] { self.marks }

    public func purge(createdBefore date: Date) -> Int {
        guard let boundary = self.rows.filter({ $0.event.createdAt < date }).max(by: { $0.seq < $1.seq }) else { return 0 }
        let before = self.rows.count
        self.rows.removeAll { $0.seq <= boundary.seq }
        self.marks.append(self.sealer.checkpoint(.purge, seq: boundary.seq, hash: boundary.chainHash))
        return before - self.rows.count
    }

    /// Direct access for tests that tamper with the log the way someone with database access could.
    public func tamper(_ change: (inout [AuditRecord], inout AuditChainHead, inout [AuditCheckpoint]) -> Void) {
        change(&self.rows, &self.chainHead, &self.marks)
        self.rows.sort { $0.seq < $1.seq }
    }
}

/// Errors of the stores themselves.
public enum AuditStoreError: Error, Sendable, Equatable {
    /// An event id that is already stored.
    case duplicateID(String)
}
