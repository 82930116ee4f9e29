import AuthTokens
import Foundation
import Hummingbird
import StorageKit

/// `/api/profile` (contracts/seed003 §5): the caller's profile, anyone's public profile, editing it and uploading
/// an avatar. Errors are seed 003's `{"message": …}`; token refusals its `{"msg": …}`.
struct ProfileController<Context: RapportRequestContext> {
    let users: any UserRepository
    let profiles: any ProfileRepository
    let avatars: AvatarStore
    let maxAvatarSize: Int
    let render: UserRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("profile", use: self.ownRoute)
        group.put("profile", use: self.updateRoute)
        group.get("profile/{user_id}", use: self.publicRoute)
        group.post("avatar", use: self.avatarRoute)
    }

    /// The caller's account; guests have none, and a deleted account is gone.
    func caller(_ context: Context) async throws -> User {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest else { throw Refusal.platform(.forbidden, "访客没有个人资料，请先登录") }
        guard let user = try await self.users.user(id: identity.userID), user.status != .deleted else {
            throw Refusal.platform(.notFound, "用户不存在")
        }
        return user
    }

    /// `{"username", "avatar", "bio", "location", "phone"}`, with `email` too for the owner.
    func body(_ user: User, _ profile: Profile, withEmail: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .int(user.id.rawValue)), ("username", .string(user.username))]
        if withEmail { fields.append(("email", .string(user.email))) }
        fields += [
            ("avatar", self.render.mediaURL(user.avatar)), ("bio", .string(profile.bio)), ("location", .string(profile.location)),
            ("phone", .string(profile.phone)),
        ]
        return .ordered(fields)
    }

    /// `GET /api/profile/profile`: the caller's profile, e-mail included.
    @Sendable func ownRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let user = try await self.caller(context)
        return JSONResponse(.ok, self.body(user, try await self.profiles.profile(of: user.id), withEmail: true))
    }

    /// `GET /api/profile/profile/{user_id}`: anyone's public profile, without the e-mail; 404 JSON for an unknown
    /// or deleted account (the seed answered an HTML page).
    @Sendable func publicRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let id = context.parameters.get("user_id").flatMap({ Int64($0) }), id > 0,
            let user = try await self.users.user(id: UserID(id)), user.status != .deleted
        else { throw Refusal.platform(.notFound, "用户不存在") }
        return JSONResponse(.ok, self.body(user, try await self.profiles.profile(of: user.id), withEmail: false))
    }

    /// `PUT /api/profile/profile {"bio"?, "location"?, "phone"?}`: absent keys keep their values, `null` clears one.
    /// A value that is not a string or too long → 400 and nothing changed.
    @Sendable func updateRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let user = try await self.caller(context)
        guard let body = try await RequestBody.object(request, context: context) else {
            throw Refusal.platform(.badRequest, "请求必须是JSON对象")
        }
        func field(_ key: String) throws -> String?? {
            guard let value = body[key] else { return nil }
            if value.isNull { return .some(nil) }
            guard let text = value.stringValue else { throw Refusal.platform(.badRequest, "\(Self.label(key))必须是字符串") }
            return .some(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let changes = ProfileChanges(bio: try field("bio"), location: try field("location"), phone: try field("phone"))
        let profile: Profile
        do {
            profile = try await self.profiles.update(user.id, changes, at: Date())
        } catch let violation as ProfileChanges.Violation {
            throw Refusal.platform(.badRequest, "\(Self.label(violation.field.rawValue))不能超过\(violation.limit)个字符")
        }
        return JSONResponse(.ok, .ordered([("message", "个人资料更新成功"), ("profile", self.body(user, profile, withEmail: true))]))
    }

    static func label(_ key: String) -> String {
        switch key {
        case "bio": "个人简介"
        case "location": "所在地"
        default: "电话"
        }
    }

    /// `POST /api/profile/avatar`, multipart field `avatar`: a PNG, JPEG, GIF or WebP image (by its first bytes) of
    /// at most `MAX_AVATAR_SIZE`, streamed to the avatar folder as `avatar_<id>.<ext>`; the account's avatar becomes
    /// its URL, which every API family then shows. No `avatar` part → 200 and nothing changed (contracts/seed003 §5).
    @Sendable func avatarRoute(_ request: Request, context: Context) async throws -> JSONResponse {
        let user = try await self.caller(context)
        let receiver = MultipartFileReceiver(field: "avatar", directory: self.avatars.directory, maxSize: self.maxAvatarSize)
        let file: MultipartFileReceiver.ReceivedFile
        switch try await receiver.receive(request) {
        case .received(let received): file = received
        case .missing: return JSONResponse(.ok, ["message": "没有选择头像文件，头像未更改"])
        case .notMultipart: throw Refusal.platform(.badRequest, "头像必须以 multipart/form-data 的 avatar 字段上传")
        case .malformed: throw Refusal.platform(.badRequest, "头像上传失败: 请求体不完整")
        case .tooLarge: throw Refusal.platform(.contentTooLarge, "头像文件不能超过\(self.maxAvatarSize)字节")
        }
        guard let type = AvatarStore.ImageType.sniff(file.head) else {
            file.discard()
            throw Refusal.platform(.badRequest, "头像必须是 PNG、JPEG、GIF 或 WebP 图片")
        }
        let name = try self.avatars.store(file, of: user.id.rawValue, as: type)
        let url = self.render.mediaURL("/api/file/avatar/" + name)
        _ = try await self.users.update(user.id, UserChanges(avatar: .some(url.stringValue)))
        return JSONResponse(.ok, ["message": "头像上传成功", "avatar": url])
    }
}
