import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// Seed 001's friendships on `/api/friend` (contracts/seed001 §4): add, list, remove and search.
extension FriendController {
    /// The caller, who must still have a user row.
    func chatCaller(_ context: Context) async throws -> User {
        let identity = try context.identity(.flaskJWT)
        guard !identity.isGuest, let user = try await self.users.user(id: identity.userID) else { throw Refusal.flask(.notFound, "用户不存在") }
        return user
    }

    @Sendable func addFriend(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.chatCaller(context)
        let body = try await RequestBody.lenient(AddFriendBody.self, request, context: context)
        guard let name = body?.friendUsername?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            throw Refusal.flask(.badRequest, "好友用户名是必需的")
        }
        guard name != me.username else { throw Refusal.flask(.badRequest, "不能添加自己为好友") }
        guard let friend = try await self.users.user(identifier: name), friend.username == name || friend.username.lowercased() == name.lowercased()
        else {
            throw Refusal.flask(.notFound, "用户不存在")
        }
        guard friend.id != me.id else { throw Refusal.flask(.badRequest, "不能添加自己为好友") }
        guard try await !self.requests.isBlocked(me.participant, friend.participant) else {
            throw Refusal.flask(.forbidden, "无法添加该用户为好友")
        }
        guard try await self.chat.friendships.befriend(me.participant, friend.participant, at: Date()) else {
            throw Refusal.flask(.badRequest, "已经是好友了")
        }
        return JSONResponse(.ok, ["message": "好友添加成功", "friend": self.render.chat(friend)])
    }

    @Sendable func listFriends(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.chatCaller(context)
        let friendships = try await self.chat.friendships.friendships(of: me.participant)
        let users = Dictionary(
            uniqueKeysWithValues: try await self.users.users(ids: friendships.map { UserID($0.friendID.rawValue) }).map { ($0.id, $0) }
        )
        let friends = friendships.compactMap { friendship -> (User, Date)? in
            users[UserID(friendship.friendID.rawValue)].map { ($0, friendship.createdAt) }
        }.sorted { $0.0.username < $1.0.username }
        return JSONResponse(
            .ok,
            [
                "friends": .array(friends.map { self.render.chat($0.0).merging(["friendship_created": WireDate.iso($0.1)]) }),
                "count": .int(Int64(friends.count)),
            ]
        )
    }

    @Sendable func removeFriend(_ request: Request, context: Context) async throws -> JSONResponse {
        let me = try await self.chatCaller(context)
        let body = try await RequestBody.lenient(RemoveFriendBody.self, request, context: context)
        guard let friend = body?.friendID?.value else { throw Refusal.flask(.badRequest, "好友ID是必需的") }
        try await self.chat.friendships.unfriend(me.participant, ParticipantID(friend))
        return JSONResponse(.ok, ["message": "好友删除成功"])
    }

    @Sendable func searchUsers(_ request: Request, context: Context) async throws -> JSONResponse {
        _ = try await self.chatCaller(context)
        let keyword = request.uri.queryParameters["keyword"].map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard !keyword.isEmpty else { throw Refusal.flask(.badRequest, "搜索关键词不能为空") }
        let found = try await self.users.users(usernameContaining: keyword, limit: 20)
        return JSONResponse(.ok, ["users": .array(found.map(self.render.chat)), "count": .int(Int64(found.count))])
    }
}

extension FriendController {
    /// `POST /api/friend/add`.
    struct AddFriendBody: Decodable {
        var friendUsername: String?

        enum CodingKeys: String, CodingKey {
            case friendUsername = "friend_username"
        }
    }

    /// `POST /api/friend/remove`.
    struct RemoveFriendBody: Decodable {
        var friendID: LooseID?

        enum CodingKeys: String, CodingKey {
            case friendID = "friend_id"
        }
    }

    /// `POST /api/friend/requests`: the receiver under either key.
    struct FriendRequestBody: Decodable {
        var receiverID: LooseID?
        var userID: LooseID?

        enum CodingKeys: String, CodingKey {
            case receiverID = "receiver_id"
            case userID = "user_id"
        }
    }
}
