import Crypto
import Foundation
import Testing

@testable import CRMAudit

@Suite("Audit sealer")
struct AuditSealerTests {
    static let key = Array("audit-sealer-test-key-0123456789abcdef".utf8)

    /// Every MAC is HMAC-SHA256 of its own input under the key: the prepared keyed state is copied, never carried
    /// over from one MAC to the next.
    @Test func macsAreIndependentHMACsOfTheKey() throws {
        let sealer = try AuditSealer(key: Self.key)
        let key = SymmetricKey(data: Self.key)
        for text in ["record\nfirst", "record\nsecond", "", "record\nfirst"] {
            let expected = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key).map { String(format: "%02x", $0) }.joined()
            #expect(sealer.mac(text) == expected)
        }
    }

    /// A sealed chain verifies link by link, and each hash depends on the one before it.
    @Test func sealedRecordsChain() throws {
        let sealer = try AuditSealer(key: Self.key)
        let events = (1...3).map { AuditEvent(action: "READ", actorID: "\($0)") }
        let sealed = sealer.seal(events, after: .empty)
        #expect(sealed.records.map(\.seq) == [1, 2, 3])
        var previous = AuditChainHead.empty.hash
        for record in sealed.records {
            #expect(record.previousHash == previous)
            #expect(record.chainHash == sealer.hash(previous: previous, event: record.event))
            previous = record.chainHash
        }
        #expect(sealed.head.hash == previous)
        #expect(sealer.isAuthentic(sealed.head))
        #expect(sealer.hash(previous: AuditChainHead.empty.hash, event: sealed.records[1].event) != sealed.records[1].chainHash)
    }
}
