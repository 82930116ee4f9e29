import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import StorageKit

/// Friend requests and blocks (seed 003 §7.4, with cancel and block added): the same operation over HTTP
/// (`/api/friend/requests…`, ``FriendController``) and over the WebSocket (`friend_request`,
/// `friend_request_response`, …). Whichever path, both users' connections hear of it live:
/// `friend_request_received`, `friend_request_accepted`, `friend_request_rejected`, `friend_request_cancelled`.
struct FriendRequests: Sendable {
    let repository: any FriendRequestRepository
    let users: any UserRepository
    let realtime: Realtime
    let render: UserRenderer

    static func refusal(_ error: FriendRequestError) -> Refusal {
        switch error {
        case .notFound: Refusal(.notFound, "好友请求不存在", .friends)
        case .cannotAddSelf: Refusal(.badRequest, "不能添加自己为好友", .friends)
        case .alreadyFriends: Refusal(.badRequest, "已经是好友了", .friends)
        case .blocked: Refusal(.forbidden, "无法添加该用户为好友", .friends)
        case .notAllowed: Refusal(.forbidden, "无权处理该好友请求", .friends)
        case .notPending: Refusal(.conflict, "该好友请求已处理", .friends)
        case .rateLimited(let seconds): Refusal(.tooManyRequests, "请求过于频繁，请在\(seconds)秒后重试", .friends, retryAfter: seconds)
        }
    }

    /// The users a response or event names, with their presence: one user query and one presence lookup.
    struct People {
        let users: [Int64: User]
        let online: Set<ParticipantID>
        let render: UserRenderer

        /// `{"id", "username", "avatar", "status"}`: a user as seed 003's friend events show it (`status` = presence).
        func summary(_ id: ParticipantID) -> JSONValue {
            let user = self.users[id.rawValue]
            return .ordered([
                ("id", .int(id.rawValue)), ("username", .string(user?.username)), ("avatar", self.render.mediaURL(user?.avatar)),
                ("status", .string(self.online.contains(id) ? "online" : "offline")),
            ])
        }

        func json(_ request: FriendRequest) -> JSONValue {
            .ordered([
                ("request_id", .int(request.id)), ("id", .int(request.id)), ("status", .string(request.status.rawValue)),
                ("sender", self.summary(request.senderID)), ("receiver", self.summary(request.receiverID)),
                ("created_at", WireDate.iso(request.createdAt)), ("responded_at", WireDate.iso(request.respondedAt)),
            ])
        }
    }

    func people(_ ids: [ParticipantID]) async throws -> People {
        People(users: try await self.users.byID(ids), online: await self.realtime.online(ids), render: self.render)
    }

    /// Tells `recipients`' connections (003 dialect) what became of a request.
    func publish(_ type: String, _ request: FriendRequest, to recipients: [ParticipantID], _ people: People) async {
        // `friend_request_received` carries seed 003's payload: the request and who sent it.
        let data =
            type == "friend_request_received"
            ? .ordered([("request_id", .int(request.id)), ("sender", people.summary(request.senderID))]) : people.json(request)
        let frame = Realtime.text(.ordered([("type", .string(type)), ("data", data)]))
        await self.realtime.publish(HubEvent(recipients: recipients, frames: [.envelope: frame]))
    }

    /// What an operation did to a request, and the request as the answer shows it.
    struct Outcome {
        let request: FriendRequest
        let json: JSONValue
        var created = false
    }

    func send(from me: ParticipantID, to receiver: ParticipantID) async throws -> Outcome {
        let people = try await self.people([me, receiver])
        guard people.users[me.rawValue] != nil, people.users[receiver.rawValue] != nil else { throw Refusal(.notFound, "用户不存在", .friends) }
        do {
            switch try await self.repository.send(from: me, to: receiver, at: Date()) {
            case .requested(let request, let created):
                if created { await self.publish("friend_request_received", request, to: [receiver], people) }
                return Outcome(request: request, json: people.json(request), created: created)
            case .accepted(let request):
                await self.publish("friend_request_accepted", request, to: [request.senderID, request.receiverID], people)
                return Outcome(request: request, json: people.json(request))
            }
        } catch let error as FriendRequestError {
            throw Self.refusal(error)
        }
    }

    /// Answers (or, with `accept` nil, cancels) a request and tells both users.
    func close(_ id: Int64, by me: ParticipantID, accept: Bool?) async throws -> Outcome {
        do {
            let request =
                if let accept {
                    try await self.repository.respond(to: id, by: me, accept: accept, at: Date())
                } else {
                    try await self.repository.cancel(id, by: me, at: Date())
                }
            let people = try await self.people([request.senderID, request.receiverID])
            let type =
                switch accept {
                case true?: "friend_request_accepted"
                case false?: "friend_request_rejected"
                case nil: "friend_request_cancelled"
                }
            await self.publish(type, request, to: [request.senderID, request.receiverID], people)
            return Outcome(request: request, json: people.json(request))
        } catch let error as FriendRequestError {
            throw Self.refusal(error)
        }
    }

    /// Blocks `user`: the blocker's connections hear of the requests it closed; the blocked user is not told.
    func block(_ user: ParticipantID, by me: ParticipantID) async throws {
        let people = try await self.people([me, user])
        guard people.users[user.rawValue] != nil else { throw Refusal(.notFound, "用户不存在", .friends) }
        do {
            for request in try await self.repository.block(user, by: me, at: Date()) {
                await self.publish(request.status == .rejected ? "friend_request_rejected" : "friend_request_cancelled", request, to: [me], people)
            }
        } catch let error as FriendRequestError {
            throw Self.refusal(error)
        }
    }

    func pending(of me: ParticipantID) async throws -> JSONValue {
        let pending = try await self.repository.pending(of: me)
        let people = try await self.people(pending.flatMap { [$0.senderID, $0.receiverID] })
        return .ordered([
            ("incoming", .array(pending.filter { $0.receiverID == me }.map(people.json))),
            ("outgoing", .array(pending.filter { $0.receiverID != me }.map(people.json))),
        ])
    }
}
