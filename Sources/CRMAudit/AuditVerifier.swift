/// What verification found: the chain intact up to its head, or the first problem and the row it concerns.
public struct AuditVerification: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// A record's content no longer matches its hash.
        case modified
        /// A record that was never sealed by the key sits in the chain (the chain continues around it).
        case inserted
        /// Records are missing before this one (`missingFrom` … `seq - 1`).
        case missing(from: Int64)
        /// A record sits at another place than the one it was sealed at.
        case reordered
        /// Records after this position are gone: the sealed head or a checkpoint names a later position.
        case truncated(expectedSeq: Int64)
        /// The head row or a checkpoint does not carry a valid seal.
        case forgedSeal(String)
    }

    /// How many records were checked.
    public var checkedRecords: Int
    /// The first record of the chain that was checked (after the last purge) and the last one.
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    /// The first problem found; `nil` when the chain verified.
    public var problem: Problem?
    /// The position and event id of the first bad record, when the problem concerns one.
    public var badSeq: Int64?
    public var badID: String?

    public var isIntact: Bool { self.problem == nil }
}

/// Walks an ``AuditLogStore``'s chain from its start (or the last purge boundary) to its head and checks every
/// link, the sealed head and every checkpoint.
public struct AuditVerifier: Sendable {
    let store: any AuditLogStore
    let pageSize: Int

    public init(store: any AuditLogStore, pageSize: Int = 2000) {
        self.store = store
        self.pageSize = pageSize
    }

    public func verify() async throws -> AuditVerification {
        let sealer = self.store.sealer
        var result = AuditVerification(checkedRecords: 0)
        let head = try await self.store.head()
        guard sealer.isAuthentic(head) else {
            result.problem = .forgedSeal("the chain head")
            return result
        }
        let checkpoints = try await self.store.checkpoints()
        if let forged = checkpoints.first(where: { !sealer.isAuthentic($0) }) {
            result.problem = .forgedSeal("the \(forged.kind.rawValue) checkpoint at \(forged.seq)")
            return result
        }
        // The chain starts after the last purge, or at the genesis.
        let anchor = checkpoints.filter { $0.kind == .purge }.max { $0.seq < $1.seq }
        var previousHash = anchor?.hash ?? AuditSealer.genesisHash
        var expectedSeq = (anchor?.seq ?? 0) + 1
        var marks: [Int64: String] = [:]
        for checkpoint in checkpoints where checkpoint.seq >= expectedSeq - 1 { marks[checkpoint.seq] = checkpoint.hash }

        var after: Int64 = Int64.min
        var pending: [AuditRecord] = []
        func fail(_ problem: AuditVerification.Problem, _ record: AuditRecord) -> AuditVerification {
            result.problem = problem
            result.badSeq = record.seq
            result.badID = record.event.id
            return result
        }
        while true {
            if pending.isEmpty {
                pending = try await self.store.chain(afterSeq: after, limit: self.pageSize)
                if pending.isEmpty { break }
                after = pending.last!.seq
            }
            let record = pending.removeFirst()
            if record.seq < expectedSeq {
                // Below the purge boundary nothing should remain.
                return fail(.inserted, record)
            }
            if sealer.hash(previous: record.previousHash, event: record.event) != record.chainHash {
                // A forged row cannot carry a valid hash; if the next row links to the row before this one, this row
                // was slipped in, otherwise it was edited.
                if pending.isEmpty {
                    pending = try await self.store.chain(afterSeq: after, limit: self.pageSize)
                    after = pending.last?.seq ?? after
                }
                let next = pending.first
                return fail(next?.previousHash == previousHash || record.seq > head.seq ? .inserted : .modified, record)
            }
            if record.previousHash != previousHash {
                if record.seq > expectedSeq { return fail(.missing(from: expectedSeq), record) }
                // The link names another stored row: rows were moved. Names no stored row: rows were deleted and
                // the rest renumbered.
                if try await self.store.record(chainHash: record.previousHash) != nil { return fail(.reordered, record) }
                return fail(.missing(from: expectedSeq), record)
            }
            if record.seq != expectedSeq { return fail(.reordered, record) }
            if let mark = marks[record.seq], mark != record.chainHash { return fail(.modified, record) }
            result.firstSeq = result.firstSeq ?? record.seq
            result.lastSeq = record.seq
            result.checkedRecords += 1
            previousHash = record.chainHash
            expectedSeq += 1
        }
        let last = expectedSeq - 1
        let promised = max(head.seq, marks.keys.max() ?? 0)
        if promised > last {
            result.problem = .truncated(expectedSeq: promised)
            result.badSeq = last + 1
            return result
        }
        if head.seq < last {
            // Sealed rows beyond the sealed head: the head was rolled back to an older state.
            result.problem = .forgedSeal("the chain head (behind the last record)")
            result.badSeq = head.seq + 1
            return result
        }
        if head.seq == last, head.seq > 0, head.hash != previousHash {
            result.problem = .modified
            result.badSeq = last
        }
        return result
    }
}
