import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// Renders users in each family's form (contracts/README §1.3): seed-004 users (with an external id) with a
/// string id, epoch `created_at` and absolute avatar URL; everyone else with the integer id and ISO timestamps.
struct UserRenderer: Sendable {
    /// `BASE_URL`, prefixed to relative media paths.
    let baseURL: String
    /// Signs chat files' download URLs (nil: left unsigned, for the sender's token only).
    var fileSigner: FileURLSigner? = nil

    /// A chat file's `file_url` (seed 003, downloaded as `/api/file` + it): signed for whoever receives it.
    func fileURL(_ path: String) -> String { self.fileSigner?.signed(path) ?? path }

    func id(_ user: User) -> JSONValue {
        user.externalID.map(JSONValue.string) ?? .int(user.id.rawValue)
    }

    func union(_ user: User) -> JSONValue {
        user.externalID == nil ? self.chat(user) : self.support(user)
    }

    /// Seed 001's `UserJSON`, plus role, description and account status.
    func chat(_ user: User) -> JSONValue {
        [
            "id": .int(user.id.rawValue), "username": .string(user.username), "email": .string(user.email),
            "avatar": .string(self.mediaURL(user.avatar).stringValue ?? ""), "created_at": WireDate.iso(user.createdAt),
            "last_seen": WireDate.iso(user.lastSeen),
            "role": .string(user.role.rawValue), "description": .string(user.description), "status": .string(user.status.rawValue),
        ]
    }

    /// Seed 004's `UserResponse`; users without an external id show their integer id in decimal.
    func support(_ user: User) -> JSONValue {
        .ordered([
            ("id", .string(user.externalID ?? String(user.id.rawValue))), ("username", .string(user.username)),
            ("email", .string(user.email)), ("avatar", self.mediaURL(user.avatar)), ("role", .string(user.role.rawValue)),
            ("description", .string(user.description)), ("status", .string(user.status.rawValue)),
            ("created_at", WireDate.epoch(user.createdAt)), ("last_seen", WireDate.epoch(user.lastSeen)),
        ])
    }

    func mediaURL(_ path: String?) -> JSONValue {
        guard let path, !path.isEmpty else { return .null }
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return .string(path) }
        return .string(self.baseURL + (path.hasPrefix("/") ? path : "/" + path))
    }

    /// A seed-004 user name: the external id, else an all-digit integer id (contracts/README §2.2).
    func resolve(_ name: String, in users: any UserRepository) async throws -> User? {
        if let user = try await users.user(externalID: name) { return user }
        if let id = Int64(name), name.allSatisfy(\.isNumber) { return try await users.user(id: UserID(id)) }
        return nil
    }
}
