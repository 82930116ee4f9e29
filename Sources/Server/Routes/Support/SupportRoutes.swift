public import AuthTokens
public import ChatCore
public import Hummingbird
import StorageKit

/// The customer-service domain's HTTP routes (contracts/seed004 §5–§7 and §10): `/api/users`,
/// `/api/conversations`, `/api/messages`, `/api/quick-replies` and Rapport's `/api/support` (agents, presence,
/// the queue). Messages are published through ``Realtime`` to the socket connections of the conversation's
/// customer, agent and the admins watching, so mount ``RealtimeRoutes`` on the same ``Realtime`` and
/// ``SupportDesk``.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front; the routes are added under `group` at the contract's prefixes.
public struct SupportRoutes<Context: RapportRequestContext>: RapportRoutes {
    let api: SupportAPI
    let provisioned: @Sendable ([User]) async throws -> Void
    let accessChanged: @Sendable (UserID) async throws -> Void

    /// - Parameters:
    ///   - desk: conversations, agents and the assignment decisions (over a ``SupportDeskRepository``).
    ///   - quickReplies: the canned replies of `/api/quick-replies`.
    ///   - users: the accounts customers and agents log in with (`AuthService.users`).
    ///   - realtime: where messages are published; the same value the program's ``RealtimeRoutes`` use.
    ///   - baseURL: the absolute prefix of avatar URLs (`BASE_URL`); empty leaves them relative.
    ///   - maximumContentLength: the longest message, in characters (`MAX_MESSAGE_LENGTH`).
    ///   - files: where uploads are recorded: an image or file message links the sender's own upload it names.
    ///   - provisioned: told of the accounts an admin created or ensured (`POST /api/users`, `/api/users/ensure`),
    ///     new or existing; the bundled server makes them members of the public channel.
    ///   - accessChanged: told when an admin deleted or deactivated an account or changed its role; the bundled
    ///     server ends its sessions, so tokens already issued stop working at once.
    public init(
        desk: SupportDesk,
        quickReplies: any QuickReplyRepository,
        users: any UserRepository,
        realtime: Realtime = Realtime(),
        baseURL: String = "",
        maximumContentLength: Int = 10000,
        files: FileStore? = nil,
        provisioned: @escaping @Sendable ([User]) async throws -> Void = { _ in },
        accessChanged: @escaping @Sendable (UserID) async throws -> Void = { _ in }
    ) {
        self.provisioned = provisioned
        self.accessChanged = accessChanged
        let render = UserRenderer(baseURL: baseURL)
        self.api = SupportAPI(
            support: desk.repository,
            quickReplies: quickReplies,
            users: users,
            render: render,
            desk: desk,
            maximumContentLength: maximumContentLength,
            realtime: realtime,
            frames: RealtimeFrames(render: render),
            files: files
        )
    }

    /// Adds the routes under `group` at the contract's prefixes (`api/users`, `api/conversations`, …).
    public func addRoutes(to group: some RouterMethods<Context>) {
        UsersController<Context>(users: self.api.users, render: self.api.render, provisioned: self.provisioned, accessChanged: self.accessChanged)
            .addRoutes(
                to: group.group("api/users")
            )
        ConversationsController<Context>(api: self.api).addRoutes(to: group.group("api/conversations"))
        MessagesController<Context>(api: self.api).addRoutes(to: group.group("api/messages"))
        QuickRepliesController<Context>(api: self.api).addRoutes(to: group.group("api/quick-replies"))
        SupportDeskController<Context>(api: self.api).addRoutes(to: group.group("api/support"))
    }
}
