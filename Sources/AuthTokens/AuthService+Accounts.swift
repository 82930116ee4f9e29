public import Foundation
import Logging

/// An account's self-service: changing its own name, address and avatar, and deleting itself.
extension AuthService {
    /// The name a deleted account is shown under. Names with this prefix cannot be registered or taken.
    public static func deletedUsername(_ id: UserID) -> String { Self.deletedPrefix + String(id.rawValue) }
    static let deletedPrefix = "已注销用户#"

    /// Whether a username is one a user may choose: 1–50 characters after trimming, and not a deleted account's.
    static func isChoosable(_ username: String) -> Bool {
        !username.isEmpty && username.unicodeScalars.count <= 50 && !username.hasPrefix(Self.deletedPrefix)
    }

    /// Changes the caller's own username, e-mail and avatar, checked as at registration: trimmed, 1–50 and 1–120
    /// characters, unique ignoring case (``AuthError/usernameTaken``, ``AuthError/emailTaken``). `nil` keeps a
    /// field; an avatar of `.some(nil)` clears it. Nothing is written when one field is refused.
    public func updateAccount(of identity: Identity, username: String?, email: String?, avatar: String??) async throws -> User {
        guard !identity.isGuest, let user = try await self.users.user(id: identity.userID), user.status != .deleted else {
            throw AuthError.userNotFound
        }
        var changes = UserChanges()
        if let username {
            let name = username.trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.isChoosable(name) else { throw AuthError.invalidField("username") }
            if lookupKey(name) != lookupKey(user.username), try await self.users.usernameExists(name) { throw AuthError.usernameTaken }
            changes.username = name
        }
        if let email {
            let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !address.isEmpty, address.unicodeScalars.count <= 120 else { throw AuthError.invalidField("email") }
            if lookupKey(address) != user.email.map(lookupKey), try await self.users.emailExists(address) { throw AuthError.emailTaken }
            changes.email = .some(address)
        }
        if let avatar {
            if let url = avatar, url.unicodeScalars.count > 255 { throw AuthError.invalidField("avatar") }
            changes.avatar = avatar
        }
        guard let updated = try await self.users.update(user.id, changes) else { throw AuthError.userNotFound }
        return updated
    }

    /// Deletes the caller's own account after checking its password (``AuthError/wrongPassword``, and nothing
    /// happens). First `removeData` removes what other domains keep of the account (it may run again if this
    /// fails half way, so it must be idempotent); then the account is anonymised — shown as
    /// ``deletedUsername(_:)``, its e-mail, avatar, description and password gone, status `deleted`, its name
    /// and address free to register again — and every session ends. Messages it sent stay, under the new name.
    public func deleteAccount(
        of identity: Identity,
        password: String,
        removeData: @Sendable (User) async throws -> Void
    ) async throws {
        guard !identity.isGuest, let user = try await self.users.user(id: identity.userID), user.status != .deleted else {
            throw AuthError.userNotFound
        }
        guard let hash = user.passwordHash, try await self.hasher.verify(password, hash: hash) else { throw AuthError.wrongPassword }
        try await removeData(user)
        let changes = UserChanges(
            username: Self.deletedUsername(user.id),
            email: .some(nil),
            avatar: .some(nil),
            description: .some(nil),
            status: .deleted,
            passwordHash: .some(nil)
        )
        _ = try await self.users.update(user.id, changes)
        let ended = try await self.sessions.revokeAll(of: user.id, keeping: nil, at: self.now())
        self.logger.info("account deleted", metadata: ["user": "\(user.id)", "sessions_ended": "\(ended)"])
    }
}
