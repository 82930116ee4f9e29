public import AuthTokens
public import ChatCore
public import Hummingbird
public import HummingbirdWebSocket
public import Logging

/// The WebSocket endpoint `/api/ws` and `/api/ws/{user_id}` (contracts/README §1.5): seed 004's flat frames and
/// seed 003's `{"type", "data"}` envelopes on one socket, for chat, groups, friend requests, calls, file transfer
/// and customer service. What ``ChatRoutes`` and ``SupportRoutes`` send over HTTP reaches these connections
/// through the same ``Realtime``.
///
/// Mountable by any Hummingbird program whose context is both a ``RapportRequestContext`` and a
/// `WebSocketRequestContext`, served with `.http1WebSocketUpgrade(webSocketRouter:)`:
///
/// ```swift
/// RealtimeRoutes<MyContext>(realtime: realtime, auth: auth, chat: chat, groups: groups,
///                           friendRequests: requests, desk: desk).addRoutes(to: router)
/// let app = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router))
/// ```
public struct RealtimeRoutes<Context: RapportRequestContext & WebSocketRequestContext>: RapportRoutes {
    /// The limits of a connection.
    public struct Limits: Sendable {
        /// The largest text frame accepted (larger: close 1009), `WS_MAX_MESSAGE_SIZE`.
        public var maxMessageSize: Int
        /// How many missed messages of one conversation a resume replays before answering `resync`, `WS_RESUME_LIMIT`.
        public var resumeLimit: Int
        /// How long a "typing" lasts without another, `TYPING_TIMEOUT_SECONDS`.
        public var typingTimeout: Duration
        /// The largest file sent in chunks over the socket, `MAX_FILE_SIZE`.
        public var maxFileSize: Int

        public init(maxMessageSize: Int = 2 << 20, resumeLimit: Int = 500, typingTimeout: Duration = .seconds(5), maxFileSize: Int = 10 << 20) {
            self.maxMessageSize = maxMessageSize
            self.resumeLimit = resumeLimit
            self.typingTimeout = typingTimeout
            self.maxFileSize = maxFileSize
        }
    }

    let controller: RealtimeController

    /// - Parameters:
    ///   - realtime: this process's connections and the bus to the others; shared with the HTTP routes.
    ///   - auth: reads the token of `?token=` when no header carried one.
    ///   - chat, groups, friendRequests: what the chat frames act on.
    ///   - desk: customer-service conversations and agent presence.
    ///   - mediaDirectory: where chunked file transfers are stored (`MEDIA_DIR`).
    ///   - baseURL: the absolute prefix of avatar URLs (`BASE_URL`); empty leaves them relative.
    ///   - files: the attachment store that finished transfers are recorded in, and the signer of their URLs.
    public init(
        realtime: Realtime,
        auth: AuthService,
        chat: ChatService,
        groups: any GroupRepository,
        friendRequests: any FriendRequestRepository,
        desk: SupportDesk,
        mediaDirectory: String = "data/media",
        baseURL: String = "",
        limits: Limits = Limits(),
        files: FileStore? = nil,
        logger: Logger = Logger(label: "rapport.realtime")
    ) {
        let render = UserRenderer(baseURL: baseURL, fileSigner: files?.signer)
        self.controller = RealtimeController(
            realtime: realtime,
            auth: auth,
            users: auth.users,
            desk: desk,
            chat: chat,
            groups: groups,
            friends: FriendRequests(repository: friendRequests, users: auth.users, realtime: realtime, render: render),
            frames: RealtimeFrames(render: render),
            render: render,
            maxMessageSize: limits.maxMessageSize,
            resumeLimit: limits.resumeLimit,
            typingTimeout: limits.typingTimeout,
            mediaDirectory: mediaDirectory,
            maxFileSize: limits.maxFileSize,
            files: files,
            logger: logger
        )
    }

    /// Adds `api/ws` and `api/ws/{user_id}` under `group`.
    public func addRoutes(to group: some RouterMethods<Context>) {
        self.controller.addRoutes(to: group)
    }
}
