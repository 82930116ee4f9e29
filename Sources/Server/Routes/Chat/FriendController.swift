import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// `/api/friend`: seed 001's friendships and seed 003's friend requests and blocks (§7.4, with cancel and block
/// added) in seed 001's `{"error": …}` envelope. The request operations are ``FriendRequests``, which the
/// WebSocket shares.
struct FriendController<Context: RapportRequestContext> {
    let friendRequests: FriendRequests
    let chat: ChatService
    let users: any UserRepository
    let realtime: Realtime
    let render: UserRenderer

    var requests: any FriendRequestRepository { self.friendRequests.repository }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("add", use: self.addFriend)
        group.get("list", use: self.listFriends)
        group.post("remove", use: self.removeFriend)
        group.get("search", use: self.searchUsers)
        group.get("requests", use: self.listRoute)
        group.post("requests", use: self.sendRoute)
        group.post("requests/{id}/accept") { try await self.closeRoute($0, $1, accept: true) }
        group.post("requests/{id}/reject") { try await self.closeRoute($0, $1, accept: false) }
        group.post("requests/{id}/decline") { try await self.closeRoute($0, $1, accept: false) }
        group.post("requests/{id}/cancel") { try await self.closeRoute($0, $1, accept: nil) }
        group.get("blocked", use: self.blockedRoute)
        group.post("block", use: self.blockRoute)
        group.delete("block/{user_id}", use: self.unblockRoute)
        group.get("check/{user_id}", use: self.checkRoute)
    }

    // MARK: HTTP

    func me(_ context: Context) throws -> ParticipantID {
        let identity = try context.identity(.flaskJWT)
        guard !identity.isGuest else { throw Refusal(.notFound, "用户不存在", .friends).response }
        return ParticipantID(identity.userID.rawValue)
    }

    func answer(_ body: () async throws -> JSONResponse) async throws -> JSONResponse {
        do {
            return try await body()
        } catch let refusal as Refusal {
            return refusal.response
        }
    }

    func requestID(_ context: Context) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw Refusal(.notFound, "好友请求不存在", .friends) }
        return id
    }

    @Sendable func listRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        return JSONResponse(.ok, try await self.friendRequests.pending(of: me))
    }

    @Sendable func sendRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let body = try await RequestBody.lenient(FriendRequestBody.self, request, context: context)
        return try await self.answer {
            guard let receiver = (body?.receiverID ?? body?.userID)?.value else {
                throw Refusal(.badRequest, "接收者ID是必需的", .friends)
            }
            let sent = try await self.friendRequests.send(from: me, to: ParticipantID(receiver))
            return JSONResponse(sent.created ? .created : .ok, sent.json)
        }
    }

    func closeRoute(_ request: Request, _ context: Context, accept: Bool?) async throws -> JSONResponse {
        let me = try self.me(context)
        return try await self.answer {
            JSONResponse(.ok, try await self.friendRequests.close(try self.requestID(context), by: me, accept: accept).json)
        }
    }

    @Sendable func blockedRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let blocked = try await self.requests.blocked(by: me)
        let people = try await self.friendRequests.people(blocked)
        return JSONResponse(.ok, ["blocked": .array(blocked.map(people.summary)), "count": .int(Int64(blocked.count))])
    }

    @Sendable func blockRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        let body = try await RequestBody.lenient(FriendRequestBody.self, request, context: context)
        return try await self.answer {
            guard let user = body?.userID?.value else { throw Refusal(.badRequest, "用户ID是必需的", .friends) }
            try await self.friendRequests.block(ParticipantID(user), by: me)
            return JSONResponse(.ok, ["message": "已屏蔽该用户", "user_id": .int(user)])
        }
    }

    @Sendable func unblockRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try self.me(context)
        guard let user = context.parameters.get("user_id").flatMap({ Int64($0) }) else { return Refusal(.notFound, "用户不存在", .friends).response }
        try await self.requests.unblock(ParticipantID(user), by: me)
        return JSONResponse(.ok, ["message": "已取消屏蔽", "user_id": .int(user)])
    }

    /// Seed 003's `GET /api/friend/check/<user_id>`: true when any friendship row exists either way.
    @Sendable func checkRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard let user = context.parameters.get("user_id").flatMap({ Int64($0) }) else { return Refusal(.notFound, "用户不存在", .friends).response }
        let any = try await self.chat.friendships.anyRow(ParticipantID(identity.userID.rawValue), ParticipantID(user))
        return JSONResponse(.ok, ["is_friend": .bool(any)])
    }
}
