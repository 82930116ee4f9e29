public import Foundation
public import SQLKit
import StorageKit

/// Where a friend request stands. Only a pending request can be answered or cancelled.
public enum FriendRequestStatus: String, Codable, Sendable {
    case pending, accepted, rejected, cancelled
}

/// One user asking another to be friends (seed 003's friend requests).
public struct FriendRequest: Sendable, Equatable {
    public var id: Int64
    public var senderID: ParticipantID
    public var receiverID: ParticipantID
    public var status: FriendRequestStatus
    public var createdAt: Date
    /// When it was accepted, rejected or cancelled.
    public var respondedAt: Date?

    public init(id: Int64, senderID: ParticipantID, receiverID: ParticipantID, status: FriendRequestStatus, createdAt: Date, respondedAt: Date?) {
        self.id = id
        self.senderID = senderID
        self.receiverID = receiverID
        self.status = status
        self.createdAt = createdAt
        self.respondedAt = respondedAt
    }
}

public enum FriendRequestError: Error, Sendable, Equatable {
    case notFound
    case cannotAddSelf
    case alreadyFriends
    /// One of the two blocked the other.
    case blocked
    /// Only the receiver answers a request, only its sender cancels it.
    case notAllowed
    /// It was accepted, rejected or cancelled already.
    case notPending
    /// Too many requests: after a rejection the same receiver waits out the cool-down, and each sender has an
    /// hourly allowance. `retryAfter` is in whole seconds.
    case rateLimited(retryAfter: Int)
}

/// How often a user may ask: what keeps a rejected requester from spamming.
public struct FriendRequestPolicy: Sendable, Equatable {
    /// After a rejection, how long before the same sender may ask the same receiver again.
    public var cooldown: TimeInterval
    /// How many requests one sender may make in any hour.
    public var hourlyLimit: Int

    public init(cooldown: TimeInterval = 86_400, hourlyLimit: Int = 30) {
        self.cooldown = cooldown
        self.hourlyLimit = hourlyLimit
    }
}

/// What sending a request did.
public enum FriendRequestOutcome: Sendable, Equatable {
    /// A new pending request (`created`), or the sender's own pending one returned again (nobody is told twice).
    case requested(FriendRequest, created: Bool)
    /// The receiver had already asked the sender: that request is accepted, and they are friends.
    case accepted(FriendRequest)
}

/// Friend requests and blocks, on the friendships of ``FriendshipRepository`` (an accepted request makes the two
/// `accepted` rows). At most one request between two users is pending at a time.
public protocol FriendRequestRepository: Sendable {
    var policy: FriendRequestPolicy { get }
    func send(from sender: ParticipantID, to receiver: ParticipantID, at date: Date) async throws -> FriendRequestOutcome
    func request(id: Int64) async throws -> FriendRequest?
    /// The receiver accepts (the two become friends) or rejects a pending request.
    func respond(to id: Int64, by receiver: ParticipantID, accept: Bool, at date: Date) async throws -> FriendRequest
    /// The sender withdraws a pending request.
    func cancel(_ id: Int64, by sender: ParticipantID, at date: Date) async throws -> FriendRequest
    /// The pending requests `user` sent or received, oldest first.
    func pending(of user: ParticipantID) async throws -> [FriendRequest]
    /// `blocker` blocks `blocked`: their friendship ends, the requests between them close, and neither can ask the
    /// other until `blocker` unblocks. Returns the requests it closed.
    @discardableResult
    func block(_ blocked: ParticipantID, by blocker: ParticipantID, at date: Date) async throws -> [FriendRequest]
    func unblock(_ blocked: ParticipantID, by blocker: ParticipantID) async throws
    /// Whom `user` blocked.
    func blocked(by user: ParticipantID) async throws -> [ParticipantID]
    /// Whether either of the two blocked the other.
    func isBlocked(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool
}

/// What a send decides from the state between the two users; the same rules for every repository.
struct FriendRequestState {
    var friends: Bool
    var blocked: Bool
    var open: FriendRequest?
    /// When the sender's latest request to this receiver was rejected.
    var lastRejection: Date?
    /// When the sender's requests of the last hour were made, oldest first.
    var recent: [Date]

    enum Decision {
        case existing(FriendRequest)
        case acceptOther(FriendRequest)
        case insert
    }

    func decide(sender: ParticipantID, at date: Date, policy: FriendRequestPolicy) throws -> Decision {
        if self.blocked { throw FriendRequestError.blocked }
        if self.friends { throw FriendRequestError.alreadyFriends }
        if let open = self.open { return open.senderID == sender ? .existing(open) : .acceptOther(open) }
        if let rejected = self.lastRejection, date.timeIntervalSince(rejected) < policy.cooldown {
            throw FriendRequestError.rateLimited(retryAfter: Int((policy.cooldown - date.timeIntervalSince(rejected)).rounded(.up)))
        }
        if self.recent.count >= policy.hourlyLimit, let oldest = self.recent.first {
            throw FriendRequestError.rateLimited(retryAfter: max(1, Int((3600 - date.timeIntervalSince(oldest)).rounded(.up))))
        }
        return .insert
    }

    static func openKey(_ a: ParticipantID, _ b: ParticipantID) -> String {
        "\(min(a, b).rawValue):\(max(a, b).rawValue)"
    }
}

/// Friend requests in memory, befriending through a ``FriendshipMemoryRepository``.
public actor FriendRequestMemoryRepository: FriendRequestRepository {
    public nonisolated let policy: FriendRequestPolicy
    let friendships: FriendshipMemoryRepository
    private var requests: [FriendRequest] = []
    private var blocks: Set<[Int64]> = []

    public init(friendships: FriendshipMemoryRepository, policy: FriendRequestPolicy = FriendRequestPolicy()) {
        self.friendships = friendships
        self.policy = policy
    }

    private func isOpen(_ request: FriendRequest, _ a: ParticipantID, _ b: ParticipantID) -> Bool {
        request.status == .pending && Set([request.senderID, request.receiverID]) == Set([a, b])
    }

    public func send(from sender: ParticipantID, to receiver: ParticipantID, at date: Date) async throws -> FriendRequestOutcome {
        guard sender != receiver else { throw FriendRequestError.cannotAddSelf }
        let state = FriendRequestState(
            friends: await self.friendships.anyRow(sender, receiver),
            blocked: self.isBlocked(sender, receiver),
            open: self.requests.first { self.isOpen($0, sender, receiver) },
            lastRejection: self.requests.filter { $0.senderID == sender && $0.receiverID == receiver && $0.status == .rejected }.compactMap(
                \.respondedAt
            ).max(),
            recent: self.requests.filter { $0.senderID == sender && date.timeIntervalSince($0.createdAt) < 3600 }.map(\.createdAt).sorted()
        )
        switch try state.decide(sender: sender, at: date, policy: self.policy) {
        case .existing(let request): return .requested(request, created: false)
        case .acceptOther(let request): return .accepted(try await self.respond(to: request.id, by: sender, accept: true, at: date))
        case .insert:
            let request = FriendRequest(
                id: Int64(self.requests.count + 1),
                senderID: sender,
                receiverID: receiver,
                status: .pending,
                createdAt: date,
                respondedAt: nil
            )
            self.requests.append(request)
            return .requested(request, created: true)
        }
    }

    public func request(id: Int64) -> FriendRequest? {
        self.requests.indices.contains(Int(id - 1)) ? self.requests[Int(id - 1)] : nil
    }

    private func close(_ id: Int64, as status: FriendRequestStatus, at date: Date) -> FriendRequest {
        let index = Int(id - 1)
        self.requests[index].status = status
        self.requests[index].respondedAt = date
        return self.requests[index]
    }

    public func respond(to id: Int64, by receiver: ParticipantID, accept: Bool, at date: Date) async throws -> FriendRequest {
        guard let request = self.request(id: id) else { throw FriendRequestError.notFound }
        guard request.receiverID == receiver else { throw FriendRequestError.notAllowed }
        guard request.status == .pending else { throw FriendRequestError.notPending }
        let closed = self.close(id, as: accept ? .accepted : .rejected, at: date)
        if accept { _ = await self.friendships.befriend(request.senderID, request.receiverID, at: date) }
        return closed
    }

    public func cancel(_ id: Int64, by sender: ParticipantID, at date: Date) throws -> FriendRequest {
        guard let request = self.request(id: id) else { throw FriendRequestError.notFound }
        guard request.senderID == sender else { throw FriendRequestError.notAllowed }
        guard request.status == .pending else { throw FriendRequestError.notPending }
        return self.close(id, as: .cancelled, at: date)
    }

    public func pending(of user: ParticipantID) -> [FriendRequest] {
        self.requests.filter { $0.status == .pending && ($0.senderID == user || $0.receiverID == user) }
    }

    public func block(_ blocked: ParticipantID, by blocker: ParticipantID, at date: Date) async throws -> [FriendRequest] {
        guard blocked != blocker else { throw FriendRequestError.cannotAddSelf }
        self.blocks.insert([blocker.rawValue, blocked.rawValue])
        await self.friendships.unfriend(blocker, blocked)
        return self.requests.filter { self.isOpen($0, blocker, blocked) }
            .map { self.close($0.id, as: $0.senderID == blocked ? .rejected : .cancelled, at: date) }
    }

    public func unblock(_ blocked: ParticipantID, by blocker: ParticipantID) {
        self.blocks.remove([blocker.rawValue, blocked.rawValue])
    }

    public func blocked(by user: ParticipantID) -> [ParticipantID] {
        self.blocks.filter { $0[0] == user.rawValue }.map { ParticipantID($0[1]) }.sorted()
    }

    public func isBlocked(_ a: ParticipantID, _ b: ParticipantID) -> Bool {
        self.blocks.contains([a.rawValue, b.rawValue]) || self.blocks.contains([b.rawValue, a.rawValue])
    }
}

/// Friend requests in `friend_requests` and blocks in `friend_blocks`. A pending request holds the pair's
/// `open_key` (unique), so two concurrent requests between the same users leave one pending request.
public struct FriendRequestSQLRepository: FriendRequestRepository {
    let database: any SQLDatabase
    public let policy: FriendRequestPolicy

    public init(database: any SQLDatabase, policy: FriendRequestPolicy = FriendRequestPolicy()) {
        self.database = database
        self.policy = policy
    }

    static let columns = ["id", "sender_id", "receiver_id", "status", "created_at", "responded_at"]
    static let columnList = SQLColumnList(columns)

    static func decode(_ row: any SQLRow) throws -> FriendRequest {
        FriendRequest(
            id: try row.decode(column: "id", as: Int64.self),
            senderID: ParticipantID(try row.decode(column: "sender_id", as: Int64.self)),
            receiverID: ParticipantID(try row.decode(column: "receiver_id", as: Int64.self)),
            status: FriendRequestStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            respondedAt: try row.decode(column: "responded_at", as: Date?.self)
        )
    }

    public func send(from sender: ParticipantID, to receiver: ParticipantID, at date: Date) async throws -> FriendRequestOutcome {
        guard sender != receiver else { throw FriendRequestError.cannotAddSelf }
        do {
            return try await self.attemptSend(from: sender, to: receiver, at: date)
        } catch let error as StorageError where error.kind == .duplicate {
            // Another request between the two became pending meanwhile: decide again, seeing it.
            return try await self.attemptSend(from: sender, to: receiver, at: date)
        }
    }

    private func attemptSend(from sender: ParticipantID, to receiver: ParticipantID, at date: Date) async throws -> FriendRequestOutcome {
        let date = DateParts(date).date
        let policy = self.policy
        return try await self.database.transaction { tx in
            let open = try await tx.select().columns(Self.columnList).from("friend_requests")
                .where("open_key", .equal, SQLBind(FriendRequestState.openKey(sender, receiver))).first().map(Self.decode)
            let rejection = try await tx.select().column(SQLFunction("MAX", args: SQLColumn("responded_at")), as: "at").from("friend_requests")
                .where("sender_id", .equal, SQLBind(sender.rawValue)).where("receiver_id", .equal, SQLBind(receiver.rawValue))
                .where("status", .equal, SQLBind(FriendRequestStatus.rejected.rawValue)).first()?.decode(column: "at", as: Date?.self)
            let recent = try await tx.select().column("created_at").from("friend_requests")
                .where("sender_id", .equal, SQLBind(sender.rawValue)).where("created_at", .greaterThan, SQLBind(date.addingTimeInterval(-3600)))
                .orderBy("created_at").all().map { try $0.decode(column: "created_at", as: Date.self) }
            let state = FriendRequestState(
                friends: try await FriendshipSQLRepository(database: tx).anyRow(sender, receiver),
                blocked: try await Self(database: tx).isBlocked(sender, receiver),
                open: open,
                lastRejection: rejection,
                recent: recent
            )
            switch try state.decide(sender: sender, at: date, policy: policy) {
            case .existing(let request): return .requested(request, created: false)
            case .acceptOther(let request): return .accepted(try await Self(database: tx).respond(to: request.id, by: sender, accept: true, at: date))
            case .insert:
                let row = try await tx.insert(into: "friend_requests").columns("sender_id", "receiver_id", "status", "open_key", "created_at")
                    .values(
                        SQLBind(sender.rawValue),
                        SQLBind(receiver.rawValue),
                        SQLBind(FriendRequestStatus.pending.rawValue),
                        SQLBind(FriendRequestState.openKey(sender, receiver)),
                        SQLBind(date)
                    )
                    .returning("id").first()
                let id = try row!.decode(column: "id", as: Int64.self)
                return .requested(
                    FriendRequest(id: id, senderID: sender, receiverID: receiver, status: .pending, createdAt: date, respondedAt: nil),
                    created: true
                )
            }
        }
    }

    public func request(id: Int64) async throws -> FriendRequest? {
        try await self.database.select().columns(Self.columnList).from("friend_requests").where("id", .equal, SQLBind(id)).first().map(Self.decode)
    }

    /// Closes a pending request, checked under its row lock.
    private func close(
        _ id: Int64,
        as status: FriendRequestStatus,
        at date: Date,
        check: @escaping @Sendable (FriendRequest) throws -> Void,
        then: @escaping @Sendable (FriendRequest, any SQLDatabase) async throws -> Void = { _, _ in }
    ) async throws -> FriendRequest {
        let date = DateParts(date).date
        return try await self.database.transaction { tx in
            guard
                let request = try await tx.select().columns(Self.columnList).from("friend_requests").where("id", .equal, SQLBind(id))
                    .for(.update).first().map(Self.decode)
            else { throw FriendRequestError.notFound }
            try check(request)
            guard request.status == .pending else { throw FriendRequestError.notPending }
            try await tx.update("friend_requests").set("status", to: SQLBind(status.rawValue)).set("open_key", to: SQLLiteral.null)
                .set("responded_at", to: SQLBind(date)).where("id", .equal, SQLBind(id)).run()
            var closed = request
            closed.status = status
            closed.respondedAt = date
            try await then(closed, tx)
            return closed
        }
    }

    public func respond(to id: Int64, by receiver: ParticipantID, accept: Bool, at date: Date) async throws -> FriendRequest {
        try await self.close(id, as: accept ? .accepted : .rejected, at: date) { request in
            guard request.receiverID == receiver else { throw FriendRequestError.notAllowed }
        } then: { request, tx in
            if accept { _ = try await FriendshipSQLRepository(database: tx).befriend(request.senderID, request.receiverID, at: date) }
        }
    }

    public func cancel(_ id: Int64, by sender: ParticipantID, at date: Date) async throws -> FriendRequest {
        try await self.close(id, as: .cancelled, at: date) { request in
            guard request.senderID == sender else { throw FriendRequestError.notAllowed }
        }
    }

    public func pending(of user: ParticipantID) async throws -> [FriendRequest] {
        try await self.database.select().columns(Self.columnList).from("friend_requests")
            .where("status", .equal, SQLBind(FriendRequestStatus.pending.rawValue))
            .where { $0.where("sender_id", .equal, SQLBind(user.rawValue)).orWhere("receiver_id", .equal, SQLBind(user.rawValue)) }
            .orderBy("id").all().map(Self.decode)
    }

    public func block(_ blocked: ParticipantID, by blocker: ParticipantID, at date: Date) async throws -> [FriendRequest] {
        guard blocked != blocker else { throw FriendRequestError.cannotAddSelf }
        let date = DateParts(date).date
        return try await self.database.transaction { tx in
            if try await tx.select().column("blocker_id").from("friend_blocks").where("blocker_id", .equal, SQLBind(blocker.rawValue))
                .where("blocked_id", .equal, SQLBind(blocked.rawValue)).first() == nil
            {
                try await tx.insert(into: "friend_blocks").columns("blocker_id", "blocked_id", "created_at")
                    .values(SQLBind(blocker.rawValue), SQLBind(blocked.rawValue), SQLBind(date)).run()
            }
            try await FriendshipSQLRepository(database: tx).unfriend(blocker, blocked)
            guard
                let open = try await tx.select().columns(Self.columnList).from("friend_requests")
                    .where("open_key", .equal, SQLBind(FriendRequestState.openKey(blocker, blocked))).for(.update).first().map(Self.decode)
            else { return [] }
            var closed = open
            closed.status = open.senderID == blocked ? .rejected : .cancelled
            closed.respondedAt = date
            try await tx.update("friend_requests").set("status", to: SQLBind(closed.status.rawValue)).set("open_key", to: SQLLiteral.null)
                .set("responded_at", to: SQLBind(date)).where("id", .equal, SQLBind(open.id)).run()
            return [closed]
        }
    }

    public func unblock(_ blocked: ParticipantID, by blocker: ParticipantID) async throws {
        try await self.database.delete(from: "friend_blocks").where("blocker_id", .equal, SQLBind(blocker.rawValue))
            .where("blocked_id", .equal, SQLBind(blocked.rawValue)).run()
    }

    public func blocked(by user: ParticipantID) async throws -> [ParticipantID] {
        try await self.database.select().column("blocked_id").from("friend_blocks").where("blocker_id", .equal, SQLBind(user.rawValue))
            .orderBy("blocked_id").all().map { ParticipantID(try $0.decode(column: "blocked_id", as: Int64.self)) }
    }

    public func isBlocked(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool {
        try await self.database.select().column("blocker_id").from("friend_blocks")
            .where { $0.where("blocker_id", .equal, SQLBind(a.rawValue)).where("blocked_id", .equal, SQLBind(b.rawValue)) }
            .orWhere { $0.where("blocker_id", .equal, SQLBind(b.rawValue)).where("blocked_id", .equal, SQLBind(a.rawValue)) }
            .first() != nil
    }
}
