public import CRMAudit
public import Foundation
import StorageKit

/// The conformance suite of ``AuditLogStore``: appending, reading back exactly what was sealed, queries, orders and
/// pages, concurrent appenders (through two handles) extending one chain, checkpoints, purges, and verification that
/// names each kind of tampering. A check opens as many fresh stores as it needs through an ``Opener``.
public enum AuditLogStoreConformance {
    public typealias Check = ConformanceCheck<Opener>

    /// How a check gets its stores: `open` must give `body` a fixture on an empty, migrated log of its own — a new
    /// database each call — whose stores seal with `sealer`.
    ///
    /// ```swift
    /// try await check.run(AuditLogStoreConformance.Opener { sealer, body in
    ///     try await withFreshDatabase { try await body(.sql($0, sealer: sealer)) }
    /// })
    /// ```
    public struct Opener: Sendable {
        let open: @Sendable (AuditSealer, (AuditLogStoreFixture) async throws -> Void) async throws -> Void

        public init(_ open: @escaping @Sendable (_ sealer: AuditSealer, _ body: (AuditLogStoreFixture) async throws -> Void) async throws -> Void) {
            self.open = open
        }

        /// A fresh fixture whose stores put a checkpoint as `checkpoints` says (the checks count on where they fall).
        func withFixture(
            checkpoints: AuditCheckpointPolicy = AuditCheckpointPolicy(),
            _ body: (AuditLogStoreFixture) async throws -> Void
        ) async throws {
            try await self.open(try AuditSealer(key: AuditLogStoreConformance.key, checkpoints: checkpoints), body)
        }
    }

    public static let checks: [Check] = [
        Check("appendsQueriesAndPages", appendsQueriesAndPages),
        Check("concurrentAppendersExtendOneChain", concurrentAppendersExtendOneChain),
        Check("verificationNamesEachKindOfTampering", verificationNamesEachKindOfTampering),
        Check("checkpointsCatchATailCutWithAnOldHead", checkpointsCatchATailCutWithAnOldHead),
        Check("purgeKeepsTheRestVerifiable", purgeKeepsTheRestVerifiable),
    ]

    static let key = Array("an audit chain key of at least 32 bytes.".utf8)

    /// A sample event: organization, actor, resource, status and time vary with `index`, so queries tell events apart.
    public static func event(
        _ index: Int,
        at time: Date = Date(timeIntervalSince1970: 1_780_000_000),
        actor: String? = nil,
        action: String = "VIEW"
    ) -> AuditEvent {
        AuditEvent(
            organizationID: index.isMultiple(of: 2) ? "org-even" : "org-odd",
            action: action,
            actorID: actor ?? "u\(index % 3)",
            actorName: "user \(index % 3)",
            resourceType: "contact",
            resourceID: String(index % 5),
            category: "contact_management",
            ipAddress: "10.0.0.\(index % 7)",
            userAgent: "test/1.0",
            method: "GET",
            path: "/api/contacts/\(index % 5)",
            params: .object(["page": .int(Int64(index)), "q": .string("名字 \(index)")]),
            status: index.isMultiple(of: 4) ? .failed : .success,
            errorMessage: index.isMultiple(of: 4) ? "HTTP 404" : nil,
            durationMilliseconds: index,
            createdAt: time + Double(index)
        )
    }

    static func appendsQueriesAndPages(_ opener: Opener) async throws {
        try await opener.withFixture { fixture in
            let store = fixture.store
            let stored = try await store.append((0..<30).map { Self.event($0) })
            try expectEqual(stored.map(\.seq), Array(1...30))
            let again = try await require(store.record(id: stored[7].event.id))
            try expectEqual(again, stored[7], "a record reads back exactly as sealed")
            try expectEqual(again.event.params, .object(["page": .int(7), "q": .string("名字 7")]))

            try await expectEqual(store.count(matching: AuditQuery()), 30)
            try await expectEqual(store.count(matching: AuditQuery(organizationID: "org-even")), 15)
            try await expectEqual(store.count(matching: AuditQuery(actorID: "u1", status: .success)), 7)
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await expectEqual(store.count(matching: AuditQuery(start: t0 + 10, end: t0 + 19)), 10, "both ends inclusive")

            let newest = try await store.records(matching: AuditQuery(), order: .newestFirst, offset: 0, limit: 5)
            try expectEqual(newest.map(\.seq), [30, 29, 28, 27, 26])
            let page3 = try await store.records(matching: AuditQuery(), order: AuditOrder(.created_at, descending: false), offset: 10, limit: 5)
            try expectEqual(page3.map(\.seq), [11, 12, 13, 14, 15])
            let byDuration = try await store.records(matching: AuditQuery(resourceID: "3"), order: AuditOrder(.duration_ms), offset: 0, limit: 10)
            try expectEqual(byDuration.map(\.event.durationMilliseconds), [28, 23, 18, 13, 8, 3])
            try await expect(store.records(matching: AuditQuery(), order: .newestFirst, offset: 40, limit: 5).isEmpty)

            let exportPage = try await store.records(matching: AuditQuery(status: .failed), beforeSeq: 20, limit: 3)
            try expectEqual(exportPage.map(\.seq), [17, 13, 9])

            try await expectThrows(AuditStoreError.self) { try await store.append([stored[0].event]) }
            try await expectEqual(store.count(matching: AuditQuery()), 30, "a refused append writes nothing")
            try await expect(AuditVerifier(store: store).verify().isIntact)
        }
    }

    static func concurrentAppendersExtendOneChain(_ opener: Opener) async throws {
        try await opener.withFixture { fixture in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    let store = writer.isMultiple(of: 2) ? fixture.store : fixture.other
                    group.addTask {
                        for batch in 0..<5 {
                            try await store.append((0..<7).map { Self.event(writer * 100 + batch * 10 + $0) })
                        }
                    }
                }
                try await group.waitForAll()
            }
            let verification = try await AuditVerifier(store: fixture.store, pageSize: 50).verify()
            try expect(verification.isIntact, "\(verification)")
            try expectEqual(verification.checkedRecords, 280)
            try await expectEqual(fixture.store.head().seq, 280)
        }
    }

    static func verificationNamesEachKindOfTampering(_ opener: Opener) async throws {
        typealias Problem = AuditVerification.Problem
        let cases: [(AuditLogStoreFixture.Tamper, Problem, Int64?)] = [
            (.edit(seq: 12), .modified, 12),
            (.delete(seq: 12), .missing(from: 12), 13),
            (.swap(12, 13), .reordered, 12),
            (.insertAfterHead, .inserted, 21),
            (.cutTail(count: 3), .truncated(expectedSeq: 20), 18),
        ]
        for (change, problem, seq) in cases {
            try await opener.withFixture { fixture in
                let stored = try await fixture.store.append((0..<20).map { Self.event($0) })
                try await expect(AuditVerifier(store: fixture.store).verify().isIntact)
                try await fixture.tamper(change)
                let result = try await AuditVerifier(store: fixture.store, pageSize: 7).verify()
                try expectEqual(result.problem, problem, "\(change)")
                try expectEqual(result.badSeq, seq, "\(change)")
                if case .edit = change { try expectEqual(result.badID, stored[11].event.id) }
            }
        }
    }

    static func checkpointsCatchATailCutWithAnOldHead(_ opener: Opener) async throws {
        try await opener.withFixture(checkpoints: AuditCheckpointPolicy(rows: 5, interval: .seconds(3600))) { fixture in
            try await fixture.store.append((0..<3).map { Self.event($0) })
            let oldHead = try await fixture.store.head()
            for index in 3..<12 { try await fixture.store.append([Self.event(index)]) }
            let checkpoints = try await fixture.store.checkpoints()
            try expectEqual(checkpoints.map(\.seq), [3, 8], "the first append, then every 5 rows")
            // Cut the tail back to the old head and restore the head row as it was then: its seal is genuine.
            try await fixture.tamper(.cutTail(count: 9))
            try await fixture.tamper(.rollBackHead(to: oldHead))
            let result = try await AuditVerifier(store: fixture.store).verify()
            try expectEqual(result.problem, .truncated(expectedSeq: 8))
        }
    }

    static func purgeKeepsTheRestVerifiable(_ opener: Opener) async throws {
        try await opener.withFixture { fixture in
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await fixture.store.append((0..<20).map { Self.event($0, at: t0) })
            try await expectEqual(fixture.store.purge(createdBefore: t0 + 8), 8)
            try await expectEqual(fixture.store.count(matching: AuditQuery()), 12)
            try await expectEqual(fixture.store.purge(createdBefore: t0 + 8), 0, "purging again deletes nothing")
            try await fixture.store.append([Self.event(50, at: t0)])
            let result = try await AuditVerifier(store: fixture.store).verify()
            try expect(result.isIntact, "\(result)")
            try expectEqual(result.firstSeq, 9)
            try expectEqual(result.checkedRecords, 13)
            try await fixture.tamper(.deletePurgeCheckpoints)
            try await expectEqual(AuditVerifier(store: fixture.store).verify().problem, .missing(from: 1))
        }
    }
}
