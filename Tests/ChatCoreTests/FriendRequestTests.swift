import ChatCore
import Foundation
import SQLKit
import TestSupport
import Testing

@Suite("Friend request repositories")
struct FriendRequestTests {
    static let policy = FriendRequestPolicy(cooldown: 600, hourlyLimit: 5)

    static func with(_ backend: ChatStores.Backend, _ body: (any FriendRequestRepository, any FriendshipRepository) async throws -> Void) async throws {
        switch backend {
        case .memory:
            let friendships = FriendshipMemoryRepository()
            try await body(FriendRequestMemoryRepository(friendships: friendships, policy: Self.policy), friendships)
        case .sqlite:
            try await TestDatabase.withSQLite(migrations: ChatMigrations.all) {
                try await body(FriendRequestSQLRepository(database: $0, policy: Self.policy), FriendshipSQLRepository(database: $0))
            }
        case .mariaDB:
            try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) {
                try await body(FriendRequestSQLRepository(database: $0, policy: Self.policy), FriendshipSQLRepository(database: $0))
            }
        }
    }

    static let alice = ParticipantID(1), bob = ParticipantID(2), carol = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func request(_ outcome: FriendRequestOutcome) -> FriendRequest {
        switch outcome {
        case .requested(let request, _), .accepted(let request): request
        }
    }

    @Test(arguments: ChatStores.backends)
    func sendAcceptRejectCancel(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { requests, friendships in
            await #expect(throws: FriendRequestError.cannotAddSelf) { try await requests.send(from: Self.alice, to: Self.alice, at: Self.t0) }
            guard case .requested(let first, created: true) = try await requests.send(from: Self.alice, to: Self.bob, at: Self.t0) else {
                Issue.record("a new request")
                return
            }
            #expect(first.status == .pending && first.senderID == Self.alice && first.receiverID == Self.bob)
            // Asking again returns the same pending request: the receiver is not told twice.
            #expect(try await requests.send(from: Self.alice, to: Self.bob, at: Self.t0 + 1) == .requested(first, created: false))
            #expect(try await requests.pending(of: Self.bob) == [first])
            #expect(try await requests.pending(of: Self.alice) == [first])
            await #expect(throws: FriendRequestError.notAllowed, "only the receiver answers") {
                try await requests.respond(to: first.id, by: Self.alice, accept: true, at: Self.t0)
            }
            await #expect(throws: FriendRequestError.notAllowed, "only the sender cancels") { try await requests.cancel(first.id, by: Self.bob, at: Self.t0) }
            await #expect(throws: FriendRequestError.notFound) { try await requests.respond(to: 9999, by: Self.bob, accept: true, at: Self.t0) }

            let accepted = try await requests.respond(to: first.id, by: Self.bob, accept: true, at: Self.t0 + 2)
            #expect(accepted.status == .accepted && accepted.respondedAt == Self.t0 + 2)
            #expect(try await friendships.areFriends(Self.alice, Self.bob))
            #expect(try await friendships.areFriends(Self.bob, Self.alice))
            #expect(try await requests.pending(of: Self.bob).isEmpty)
            await #expect(throws: FriendRequestError.notPending) { try await requests.respond(to: first.id, by: Self.bob, accept: false, at: Self.t0) }
            await #expect(throws: FriendRequestError.alreadyFriends) { try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 3) }

            // Carol asks Alice, Alice rejects: Carol waits out the cool-down before asking again.
            let second = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0))
            #expect(try await requests.respond(to: second.id, by: Self.alice, accept: false, at: Self.t0 + 10).status == .rejected)
            #expect(try await !friendships.anyRow(Self.carol, Self.alice))
            await #expect(throws: FriendRequestError.rateLimited(retryAfter: 500)) { try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0 + 110) }
            let third = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0 + 700))
            #expect(third.id != second.id && third.status == .pending)
            // Carol withdraws it; a cancelled request is not a rejection.
            #expect(try await requests.cancel(third.id, by: Self.carol, at: Self.t0 + 701).status == .cancelled)
            #expect(try await requests.request(id: third.id)?.status == .cancelled)
            // Asking someone who already asked you accepts their request.
            let fromBob = Self.request(try await requests.send(from: Self.bob, to: Self.carol, at: Self.t0 + 702))
            guard case .accepted(let mutual) = try await requests.send(from: Self.carol, to: Self.bob, at: Self.t0 + 703) else {
                Issue.record("the other's request accepted")
                return
            }
            #expect(mutual.id == fromBob.id && mutual.status == .accepted)
            #expect(try await friendships.areFriends(Self.carol, Self.bob))
        }
    }

    @Test(arguments: ChatStores.backends)
    func blocksAndTheHourlyAllowance(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { requests, friendships in
            _ = try await friendships.befriend(Self.alice, Self.bob, at: Self.t0)
            let pending = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0))
            // Alice blocks Bob (a friend) and Carol (who asked): the friendship ends, the request is rejected.
            #expect(try await requests.block(Self.bob, by: Self.alice, at: Self.t0 + 1).isEmpty)
            let closed = try await requests.block(Self.carol, by: Self.alice, at: Self.t0 + 1)
            #expect(closed.map(\.id) == [pending.id] && closed.first?.status == .rejected)
            #expect(try await requests.request(id: pending.id)?.status == .rejected)
            #expect(try await !friendships.anyRow(Self.alice, Self.bob))
            #expect(try await requests.isBlocked(Self.bob, Self.alice))
            #expect(try await requests.isBlocked(Self.alice, Self.bob))
            #expect(try await requests.blocked(by: Self.alice) == [Self.bob, Self.carol])
            #expect(try await requests.blocked(by: Self.bob).isEmpty)
            // Neither side may ask while the block holds; blocking twice changes nothing.
            await #expect(throws: FriendRequestError.blocked) { try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 2) }
            await #expect(throws: FriendRequestError.blocked) { try await requests.send(from: Self.alice, to: Self.bob, at: Self.t0 + 2) }
            try await requests.block(Self.bob, by: Self.alice, at: Self.t0 + 3)
            try await requests.unblock(Self.bob, by: Self.alice)
            #expect(try await requests.blocked(by: Self.alice) == [Self.carol])
            _ = try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 4)

            // At most five requests an hour from one sender, whoever the receivers.
            let sender = ParticipantID(50)
            for receiver in 51...54 { _ = try await requests.send(from: sender, to: ParticipantID(Int64(receiver)), at: Self.t0 + Double(receiver)) }
            _ = try await requests.send(from: sender, to: ParticipantID(55), at: Self.t0 + 100)
            await #expect(throws: FriendRequestError.rateLimited(retryAfter: 3600 - 49)) {
                try await requests.send(from: sender, to: ParticipantID(56), at: Self.t0 + 100)
            }
            _ = try await requests.send(from: sender, to: ParticipantID(56), at: Self.t0 + 3652)
        }
    }

    /// Two users asking each other at the same moment end as friends with no request left pending.
    @Test(arguments: ChatStores.backends.filter { $0 != .memory })
    func crossingRequests(_ backend: ChatStores.Backend) async throws {
        try await Self.with(backend) { requests, friendships in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pair in 0..<10 {
                    let a = ParticipantID(Int64(100 + 2 * pair)), b = ParticipantID(Int64(101 + 2 * pair))
                    group.addTask { _ = try await requests.send(from: a, to: b, at: Self.t0) }
                    group.addTask { _ = try await requests.send(from: b, to: a, at: Self.t0) }
                }
                try await group.waitForAll()
            }
            for pair in 0..<10 {
                let a = ParticipantID(Int64(100 + 2 * pair)), b = ParticipantID(Int64(101 + 2 * pair))
                #expect(try await friendships.areFriends(a, b), "pair \(pair)")
                #expect(try await requests.pending(of: a).isEmpty, "pair \(pair)")
            }
        }
    }
}
