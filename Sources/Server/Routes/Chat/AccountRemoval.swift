public import AuthTokens
public import ChatCore
public import ContactsKit
import Foundation

/// Deleting an account (`DELETE /api/user/delete`): the password checked by ``AuthService``, then what each
/// domain keeps of the account removed, step by step, then the account anonymised and its sessions ended. A
/// program adds a step for every domain it mounts; each step must be idempotent, since a deletion that fails
/// half way is retried from the start. Messages the account sent stay, shown under its deleted name.
///
/// ```swift
/// let removal = AccountRemoval(auth: auth, steps: [
///     AccountRemoval.chat(chat: chat, groups: groups, friendRequests: requests, realtime: realtime),
///     AccountRemoval.contacts(contacts.repository),
/// ])
/// ```
public struct AccountRemoval: Sendable {
    /// Removes one domain's data of the account being deleted.
    public typealias Step = @Sendable (User) async throws -> Void

    let auth: AuthService
    let steps: [Step]

    public init(auth: AuthService, steps: [Step]) {
        self.auth = auth
        self.steps = steps
    }

    /// Deletes the identity's own account; throws ``AuthError/wrongPassword`` (nothing happens) or a step's error.
    public func delete(_ identity: Identity, password: String) async throws {
        try await self.auth.deleteAccount(of: identity, password: password) { user in
            for step in self.steps { try await step(user) }
        }
    }

    /// The chat domain: friendships, pending friend requests both ways, the blocks the account made, its group
    /// memberships (the public channel's too), and its open sockets on this process, so its presence goes.
    public static func chat(
        chat: ChatService,
        groups: any GroupRepository,
        friendRequests: any FriendRequestRepository,
        realtime: Realtime
    ) -> Step {
        { user in
            let me = ParticipantID(user.id.rawValue)
            let now = Date()
            for friendship in try await chat.friendships.friendships(of: me) { try await chat.friendships.unfriend(me, friendship.friendID) }
            for request in try await friendRequests.pending(of: me) {
                _ =
                    try await request.senderID == me
                    ? friendRequests.cancel(request.id, by: me, at: now)
                    : friendRequests.respond(to: request.id, by: me, accept: false, at: now)
            }
            for blocked in try await friendRequests.blocked(by: me) { try await friendRequests.unblock(blocked, by: me) }
            for group in try await groups.groups(of: me) {
                _ = try await groups.remove(me, from: group.id)
                await realtime.announceMembership(of: group.id)
            }
            await realtime.hub.close(user: me)
        }
    }

    /// The address book: every contact the account owns, trashed ones and versions included.
    public static func contacts(_ repository: any ContactRepository) -> Step {
        { user in try await repository.removeAll(owner: OwnerID(user.id.rawValue)) }
    }

    /// Quick replies (seed 004): every one of the account's, deactivated.
    public static func quickReplies(_ repository: any QuickReplyRepository) -> Step {
        { user in
            for reply in try await repository.replies(of: ParticipantID(user.id.rawValue)) { _ = try await repository.deactivate(id: reply.id) }
        }
    }

    /// The profile and the uploaded avatar files.
    public static func profile(_ profiles: any ProfileRepository, mediaDirectory: String) -> Step {
        { user in
            try await profiles.remove(of: user.id)
            AvatarStore(mediaDirectory: mediaDirectory).remove(of: user.id.rawValue)
        }
    }
}
