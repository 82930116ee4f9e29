public import AuthTokens
public import ChatCore
public import Hummingbird
import StorageKit

/// The chat domain's HTTP routes (contracts/seed001 and seed003): `/api/friend`, `/api/message`, `/api/user`,
/// `/api/group`, `/api/chat` and Rapport's own `/api/groups`. Every send is stored once and published through
/// ``Realtime`` to the live connections of every participant, so mount ``RealtimeRoutes`` on the same
/// ``Realtime`` for sockets to hear of it.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front. The prefixes are the contracts' own, so the routes are added under `group` at `api/friend` … :
///
/// ```swift
/// router.add(middleware: AuthMiddleware(auth: auth))
/// ChatRoutes<MyContext>(chat: chat, groups: groups, friendRequests: requests, users: auth.users).addRoutes(to: router)
/// ```
public struct ChatRoutes<Context: RapportRequestContext>: RapportRoutes {
    let friends: FriendController<Context>
    let messages: MessageController<Context>
    let user: UserController<Context>
    let group: GroupController<Context>
    let platform: ChatController<Context>
    let groups: GroupsController<Context>

    /// - Parameters:
    ///   - chat: messages, conversations and friendships, with their rules.
    ///   - groups: group conversations and their members.
    ///   - friendRequests: friend requests and blocks.
    ///   - users: the accounts messages are sent between (`AuthService.users`).
    ///   - realtime: where sends are published; the same value the program's ``RealtimeRoutes`` use.
    ///   - baseURL: the absolute prefix of avatar URLs (`BASE_URL`); empty leaves them relative.
    ///   - files: signs the `file_url` of chat files for those who receive them, and holds the finished uploads a
    ///     file message may name (nil: unsigned URLs, socket files only).
    ///   - accounts: account self-service (`PUT /api/user/update`, `DELETE /api/user/delete`) with the removal
    ///     steps of every domain the program mounts; without it those two routes are not mounted.
    public init(
        chat: ChatService,
        groups: any GroupRepository,
        friendRequests: any FriendRequestRepository,
        users: any UserRepository,
        realtime: Realtime = Realtime(),
        baseURL: String = "",
        files: FileStore? = nil,
        accounts: AccountRemoval? = nil
    ) {
        let render = UserRenderer(baseURL: baseURL, fileSigner: files?.signer)
        let frames = RealtimeFrames(render: render)
        self.friends = FriendController(
            friendRequests: FriendRequests(repository: friendRequests, users: users, realtime: realtime, render: render),
            chat: chat,
            users: users,
            realtime: realtime,
            render: render
        )
        self.messages = MessageController(chat: chat, users: users, render: render, realtime: realtime, frames: frames, files: files)
        self.user = UserController(users: users, groups: groups, chat: chat, realtime: realtime, render: render, accounts: accounts)
        self.group = GroupController(users: users, groups: groups, realtime: realtime)
        self.platform = ChatController(chat: chat, groups: groups, users: users, realtime: realtime, frames: frames, files: files)
        self.groups = GroupsController(groups: groups, chat: chat, users: users, realtime: realtime, frames: frames)
    }

    /// Adds the routes under `group` at the contracts' prefixes (`api/friend`, `api/message`, …).
    public func addRoutes(to group: some RouterMethods<Context>) {
        self.friends.addRoutes(to: group.group("api/friend"))
        self.messages.addRoutes(to: group.group("api/message"))
        self.user.addRoutes(to: group.group("api/user"))
        self.group.addRoutes(to: group.group("api/group"))
        self.platform.addRoutes(to: group.group("api/chat"))
        self.groups.addRoutes(to: group.group("api/groups"))
    }
}
