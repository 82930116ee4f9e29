import Crypto
public import Foundation
import StorageKit

/// The head of the chain: the last record's position and hash, sealed with the key so that cutting the tail
/// (and rewriting the head to match) cannot go unnoticed.
public struct AuditChainHead: Sendable, Hashable {
    public var seq: Int64
    public var hash: String
    /// Position of the last periodic checkpoint and when it was taken.
    public var checkpointSeq: Int64
    public var checkpointAt: Date
    /// HMAC over the fields above; empty only for the unsealed head of an empty chain.
    public var mac: String

    public init(seq: Int64, hash: String, checkpointSeq: Int64, checkpointAt: Date, mac: String) {
        self.seq = seq
        self.hash = hash
        self.checkpointSeq = checkpointSeq
        self.checkpointAt = checkpointAt
        self.mac = mac
    }

    /// The head of a chain nobody has written to yet.
    public static let empty = AuditChainHead(
        seq: 0,
        hash: AuditSealer.genesisHash,
        checkpointSeq: 0,
        checkpointAt: Date(timeIntervalSince1970: 0),
        mac: ""
    )
}

/// A sealed copy of the chain's head at a position: periodic ones catch a tail cut even when the head row is
/// rolled back to an older sealed state; a purge leaves one where the remaining chain starts.
public struct AuditCheckpoint: Sendable, Hashable {
    public enum Kind: String, Sendable { case periodic, purge }
    public var kind: Kind
    public var seq: Int64
    public var hash: String
    public var createdAt: Date
    public var mac: String

    public init(kind: Kind, seq: Int64, hash: String, createdAt: Date, mac: String) {
        self.kind = kind
        self.seq = seq
        self.hash = hash
        self.createdAt = createdAt
        self.mac = mac
    }
}

/// When to take a periodic checkpoint: after `rows` records or `interval`, whichever comes first.
public struct AuditCheckpointPolicy: Sendable, Hashable {
    public var rows: Int64
    public var interval: Duration

    public init(rows: Int64 = 1000, interval: Duration = .seconds(600)) {
        self.rows = rows
        self.interval = interval
    }
}

/// Computes and checks the chain's hashes with the HMAC-SHA256 key. Stores use it to seal what they append,
/// ``AuditVerifier`` to check what they hold.
public struct AuditSealer: Sendable {
    /// The `previousHash` of the first record.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// HMAC-SHA256 with the key already absorbed: each MAC starts from a copy instead of hashing the key again.
    let keyed: HMAC<SHA256>
    public let checkpoints: AuditCheckpointPolicy

    /// - Parameter key: the chain key; at least 32 bytes. Keep it outside the database: whoever holds it can
    ///   rewrite history undetectably.
    public init(key: some Collection<UInt8>, checkpoints: AuditCheckpointPolicy = AuditCheckpointPolicy()) throws(AuditError) {
        guard key.count >= 32 else { throw AuditError(.configuration, "the audit chain key must be at least 32 bytes") }
        self.keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(key)))
        self.checkpoints = checkpoints
    }

    /// The canonical content of an event: every field, in a fixed order, as JSON text.
    static func canonicalContent(_ event: AuditEvent) -> [UInt8] {
        let fields: [JSONValue] = [
            .string(event.id), .string(event.organizationID), .string(event.actorID), .string(event.actorName),
            .string(event.action), .string(event.resourceType), .string(event.resourceID), .string(event.resourceName),
            .string(event.category), .string(event.ipAddress), .string(event.userAgent), .string(event.method),
            .string(event.path), .string(event.params?.canonicalText), .string(event.oldValues?.canonicalText),
            .string(event.newValues?.canonicalText), .string(event.status.rawValue), .string(event.errorMessage),
            event.durationMilliseconds.map { .int(Int64($0)) } ?? .null,
            .string(StorageDateFormat.string(from: event.createdAt)),
        ]
        return JSONValue.array(fields).canonicalBytes
    }

    func mac(_ text: String) -> String { self.mac(bytes: Array(text.utf8)) }

    func mac(bytes: [UInt8]) -> String {
        var hmac = self.keyed
        hmac.update(data: bytes)
        return JSONText.hex(hmac.finalize())
    }

    /// The hash of `event` following `previousHash`.
    public func hash(previous previousHash: String, event: AuditEvent) -> String {
        var input = Array("record\n".utf8)
        input += previousHash.utf8
        input.append(UInt8(ascii: "\n"))
        input += Self.canonicalContent(event)
        return self.mac(bytes: input)
    }

    func headMAC(_ head: AuditChainHead) -> String {
        self.mac("head\n\(head.seq)\n\(head.hash)\n\(head.checkpointSeq)\n\(StorageDateFormat.string(from: head.checkpointAt))")
    }

    func checkpointMAC(_ checkpoint: AuditCheckpoint) -> String {
        self.mac(
            "checkpoint\n\(checkpoint.kind.rawValue)\n\(checkpoint.seq)\n\(checkpoint.hash)\n\(StorageDateFormat.string(from: checkpoint.createdAt))"
        )
    }

    public func isAuthentic(_ head: AuditChainHead) -> Bool {
        head.mac.isEmpty ? head == .empty : head.mac == self.headMAC(head)
    }

    public func isAuthentic(_ checkpoint: AuditCheckpoint) -> Bool { checkpoint.mac == self.checkpointMAC(checkpoint) }

    /// What appending `events` after `head` writes: the sealed records, the new head and, when the policy
    /// calls for one, a periodic checkpoint.
    public func seal(
        _ events: [AuditEvent],
        after head: AuditChainHead,
        now: Date = Date()
    ) -> (records: [AuditRecord], head: AuditChainHead, checkpoint: AuditCheckpoint?) {
        var records: [AuditRecord] = []
        records.reserveCapacity(events.count)
        var previous = head.hash
        var seq = head.seq
        for event in events {
            let event = event.normalized()
            seq += 1
            let hash = self.hash(previous: previous, event: event)
            records.append(AuditRecord(seq: seq, event: event, previousHash: previous, chainHash: hash))
            previous = hash
        }
        var newHead = AuditChainHead(seq: seq, hash: previous, checkpointSeq: head.checkpointSeq, checkpointAt: head.checkpointAt, mac: "")
        var checkpoint: AuditCheckpoint?
        let due =
            seq - head.checkpointSeq >= self.checkpoints.rows
            || now.timeIntervalSince(head.checkpointAt) >= Double(self.checkpoints.interval.components.seconds)
        if seq > head.checkpointSeq, due {
            let at = DateParts(now).date
            checkpoint = self.checkpoint(.periodic, seq: seq, hash: previous, at: at)
            newHead.checkpointSeq = seq
            newHead.checkpointAt = at
        }
        newHead.mac = self.headMAC(newHead)
        return (records, newHead, checkpoint)
    }

    /// A sealed checkpoint.
    public func checkpoint(_ kind: AuditCheckpoint.Kind, seq: Int64, hash: String, at date: Date = Date()) -> AuditCheckpoint {
        var checkpoint = AuditCheckpoint(kind: kind, seq: seq, hash: hash, createdAt: DateParts(date).date, mac: "")
        checkpoint.mac = self.checkpointMAC(checkpoint)
        return checkpoint
    }
}
