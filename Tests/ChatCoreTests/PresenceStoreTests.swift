import ChatCore
import Foundation
import SQLKit
import TestSupport
import Testing

@Suite("Presence stores")
struct PresenceStoreTests {
    static func with(_ backend: ChatStores.Backend, _ body: (any PresenceStore) async throws -> Void) async throws {
        switch backend {
        case .memory: try await body(PresenceMemoryStore())
        case .sqlite: try await TestDatabase.withSQLite(migrations: ChatMigrations.all) { try await body(PresenceSQLStore(database: $0)) }
        case .mariaDB: try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) { try await body(PresenceSQLStore(database: $0)) }
        }
    }

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static let (a, b, c) = (ParticipantID(1), ParticipantID(2), ParticipantID(3))
    static let (node1, node2): (UInt64, UInt64) = (7, UInt64.max - 3)

    @Test(arguments: ChatStores.backends)
    func leasesPerNode(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { store in
            #expect(try await store.online([Self.a, Self.b], at: Self.t0).isEmpty)
            // A is connected to two processes: it stays online until both let go.
            try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 90)
            try await store.setOnline(Self.a, node: Self.node2, until: Self.t0 + 90)
            try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 95)
            try await store.setOnline(Self.b, node: Self.node2, until: Self.t0 + 90)
            #expect(try await store.online([Self.a, Self.b, Self.c], at: Self.t0) == [Self.a, Self.b])
            try await store.setOffline(Self.a, node: Self.node1)
            #expect(try await store.online([Self.a], at: Self.t0) == [Self.a])
            try await store.setOffline(Self.a, node: Self.node2)
            #expect(try await store.online([Self.a], at: Self.t0).isEmpty)

            // A lease that runs out (its process died) counts as offline.
            #expect(try await store.online([Self.b], at: Self.t0 + 91).isEmpty)

            // A sync makes a node's rows exactly the users given, and forgets expired leases of every node.
            try await store.sync(node: Self.node1, users: [Self.a, Self.c], until: Self.t0 + 200, now: Self.t0 + 100)
            #expect(try await store.online([Self.a, Self.b, Self.c], at: Self.t0 + 100) == [Self.a, Self.c])
            try await store.sync(node: Self.node1, users: [Self.c], until: Self.t0 + 300, now: Self.t0 + 150)
            #expect(try await store.online([Self.a, Self.b, Self.c], at: Self.t0 + 150) == [Self.c])
            // Many users at once.
            let many = (1000...2200).map { ParticipantID(Int64($0)) }
            try await store.sync(node: Self.node2, users: many, until: Self.t0 + 300, now: Self.t0 + 150)
            #expect(try await store.online(many + [Self.a], at: Self.t0 + 160).count == many.count)
            try await store.sync(node: Self.node2, users: [], until: Self.t0 + 300, now: Self.t0 + 150)
            #expect(try await store.online(many, at: Self.t0 + 160).isEmpty)
        }
    }

    @Test(arguments: ChatStores.backends)
    func oneLeasePerNode(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { store in
            try await store.setOnline(Self.a, node: Self.node1, until: Self.t0 + 90)
            // A later connection with an earlier end does not shorten the node's lease.
            try await store.setOnline(Self.b, node: Self.node1, until: Self.t0 + 50)
            #expect(try await store.online([Self.a, Self.b], at: Self.t0 + 60) == [Self.a, Self.b])
            // Renewing the node keeps every user of it online, past the first lease.
            try await store.sync(node: Self.node1, users: [Self.a, Self.b], until: Self.t0 + 180, now: Self.t0 + 60)
            #expect(try await store.online([Self.a, Self.b], at: Self.t0 + 150) == [Self.a, Self.b])
            // A node that stops renewing takes all its users offline at once; another node's sync forgets them.
            try await store.setOnline(Self.c, node: Self.node2, until: Self.t0 + 400)
            #expect(try await store.online([Self.a, Self.b, Self.c], at: Self.t0 + 181) == [Self.c])
            try await store.sync(node: Self.node2, users: [Self.c], until: Self.t0 + 500, now: Self.t0 + 200)
            try await store.sync(node: Self.node1, users: [], until: Self.t0 + 500, now: Self.t0 + 200)
            #expect(try await store.online([Self.a, Self.b, Self.c], at: Self.t0 + 201) == [Self.c])
            // A node that ends its lease (shutdown: no users, until now) leaves no one online.
            try await store.sync(node: Self.node2, users: [], until: Self.t0 + 210, now: Self.t0 + 210)
            #expect(try await store.online([Self.c], at: Self.t0 + 210).isEmpty)
        }
    }
}
