public import ChatCore
import Foundation

/// The conformance suite of ``PresenceStore``: a lease per user and server process, expiry, and syncs that make a
/// process's rows exactly the users given. Each check needs an empty store.
public enum PresenceStoreConformance {
    public typealias Check = ConformanceCheck<any PresenceStore>

    public static let checks: [Check] = [
        Check("leasesPerNode", leasesPerNode),
        Check("oneLeasePerNode", oneLeasePerNode),
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static let (a, b, c) = (ParticipantID(1), ParticipantID(2), ParticipantID(3))
    static let (node1, node2): (UInt64, UInt64) = (7, UInt64.max - 3)

    static func leasesPerNode(_ store: any PresenceStore) async throws {
        try await expect(store.online([Self.a, Self.b], at: Self.t0).isEmpty)
        // A is connected to two processes: it stays online until both let go.
        try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 90)
        try await store.setOnline(Self.a, node: Self.node2, until: Self.t0 + 90)
        try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 95)
        try await store.setOnline(Self.b, node: Self.node2, until: Self.t0 + 90)
        try await expectEqual(store.online([Self.a, Self.b, Self.c], at: Self.t0), [Self.a, Self.b])
        try await store.setOffline(Self.a, node: Self.node1)
        try await expectEqual(store.online([Self.a], at: Self.t0), [Self.a])
        try await store.setOffline(Self.a, node: Self.node2)
        try await expect(store.online([Self.a], at: Self.t0).isEmpty)

        // A lease that runs out (its process died) counts as offline.
        try await expect(store.online([Self.b], at: Self.t0 + 91).isEmpty)

        // A sync makes a node's rows exactly the users given, and forgets expired leases of every node.
        try await store.sync(node: Self.node1, users: [Self.a, Self.c], until: Self.t0 + 200, now: Self.t0 + 100)
        try await expectEqual(store.online([Self.a, Self.b, Self.c], at: Self.t0 + 100), [Self.a, Self.c])
        try await store.sync(node: Self.node1, users: [Self.c], until: Self.t0 + 300, now: Self.t0 + 150)
        try await expectEqual(store.online([Self.a, Self.b, Self.c], at: Self.t0 + 150), [Self.c])
        // Many users at once.
        let many = (1000...2200).map { ParticipantID(Int64($0)) }
        try await store.sync(node: Self.node2, users: many, until: Self.t0 + 300, now: Self.t0 + 150)
        try await expectEqual(store.online(many + [Self.a], at: Self.t0 + 160).count, many.count)
        try await store.sync(node: Self.node2, users: [], until: Self.t0 + 300, now: Self.t0 + 150)
        try await expect(store.online(many, at: Self.t0 + 160).isEmpty)
    }

    static func oneLeasePerNode(_ store: any PresenceStore) async throws {
        try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 90)
        // A later connection with an earlier end does not shorten the node's lease.
        try await store.setOnline(Self.b, node: Self.node1, until: Self.t0 + 50)
        try await expectEqual(store.online([Self.a, Self.b], at: Self.t0 + 60), [Self.a, Self.b])
        // Renewing the node keeps every user of it online, past the first lease.
        try await store.sync(node: Self.node1, users: [Self.a, Self.b], until: Self.t0 + 180, now: Self.t0 + 60)
        try await expectEqual(store.online([Self.a, Self.b], at: Self.t0 + 150), [Self.a, Self.b])
        // A node that stops renewing takes all its users offline at once; another node's sync forgets them.
        try await store.setOnline(Self.c, node: Self.node2, until: Self.t0 + 400)
        try await expectEqual(store.online([Self.a, Self.b, Self.c], at: Self.t0 + 181), [Self.c])
        try await store.sync(node: Self.node2, users: [Self.c], until: Self.t0 + 500, now: Self.t0 + 200)
        try await store.sync(node: Self.node1, users: [], until: Self.t0 + 500, now: Self.t0 + 200)
        try await expectEqual(store.online([Self.a, Self.b, Self.c], at: Self.t0 + 201), [Self.c])
        // A node that ends its lease (shutdown: no users, until now) leaves no one online.
        try await store.sync(node: Self.node2, users: [], until: Self.t0 + 210, now: Self.t0 + 210)
        try await expect(store.online([Self.c], at: Self.t0 + 210).isEmpty)
    }
}
