import Attachments
import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Metrics
import NIOWebSocket
import ServiceLifecycle
import StorageKit
import Synchronization

/// `/api/ws` and `/api/ws/{user_id}` (contracts/README §1.5): one plain WebSocket for seed 004's flat frames
/// and `{"type", "data"}` envelopes.
///
/// The token comes from `Authorization: Bearer` or `?token=`; a missing, invalid or mismatched one closes the
/// socket with 1008 after the handshake. Each connection is registered in the process's ``ChatHub`` with a
/// bounded outbound queue, written by a task that runs only while frames wait; a connection whose queue
/// overflows is closed with 1008 and its client resumes from the last sequence it saw. Sends over the socket are the same operation as
/// over HTTP: stored once, acknowledged to the sending connection, published to every other connection of
/// every participant.
///
/// A class: every connection refers to the one controller instead of carrying a copy of it, and a connection's
/// long-lived task holds one reference where a copy would be hundreds of bytes on each idle connection.
final class RealtimeController: Sendable {
    let realtime: Realtime
    let auth: AuthService
    let users: any UserRepository
    let support: any SupportDeskRepository
    let desk: SupportDesk
    let chat: ChatService
    let groups: any GroupRepository
    let friends: FriendRequests
    let frames: RealtimeFrames
    let render: UserRenderer
    /// The largest text message accepted (larger: close 1009).
    let maxMessageSize: Int
    /// How many missed messages of one conversation a resume replays before answering `resync` instead.
    let resumeLimit: Int
    /// How long a "typing" lasts without a new one before the others are told it stopped.
    let typingTimeout: Duration
    /// Where chunked file transfers are stored (`MEDIA_DIR`), and their largest size.
    let mediaDirectory: String
    let maxFileSize: Int
    /// Where finished chunked transfers are recorded, with each user's storage quota (nil: not recorded).
    let files: FileStore?
    let logger: Logger
    let whiteboards = Whiteboards()
    /// How many connections of this process are opened at once (see ``Permits``); the others wait their turn.
    let opening = Permits(8)

    init(
        realtime: Realtime,
        auth: AuthService,
        users: any UserRepository,
        desk: SupportDesk,
        chat: ChatService,
        groups: any GroupRepository,
        friends: FriendRequests,
        frames: RealtimeFrames,
        render: UserRenderer,
        maxMessageSize: Int,
        resumeLimit: Int,
        typingTimeout: Duration,
        mediaDirectory: String,
        maxFileSize: Int,
        files: FileStore? = nil,
        logger: Logger
    ) {
        self.files = files
        self.realtime = realtime
        self.auth = auth
        self.users = users
        self.support = desk.repository
        self.desk = desk
        self.chat = chat
        self.groups = groups
        self.friends = friends
        self.frames = frames
        self.render = render
        self.maxMessageSize = maxMessageSize
        self.resumeLimit = resumeLimit
        self.typingTimeout = typingTimeout
        self.mediaDirectory = mediaDirectory
        self.maxFileSize = maxFileSize
        self.logger = logger
    }

    func addRoutes<Context: RapportRequestContext & WebSocketRequestContext>(to router: some RouterMethods<Context>) {
        router.ws("api/ws") { inbound, outbound, context in
            try await self.session(inbound, outbound, context, pathUser: nil)
        }
        router.ws("api/ws/{user_id}") { inbound, outbound, context in
            try await self.session(inbound, outbound, context, pathUser: context.requestContext.parameters.get("user_id"))
        }
    }

    /// Who connects: the identity of the header or `?token=`, checked against `{user_id}`; or why not.
    func identify<Context: RapportRequestContext>(
        _ context: WebSocketRouterContext<Context>,
        pathUser: String?
    ) async throws -> Result<(Identity, User?), CloseReason> {
        var identity: Identity
        if case .success(let found) = context.requestContext.authentication {
            identity = found
        } else if let token = context.request.uri.queryParameters["token"].map(String.init), !token.isEmpty {
            do { identity = try await self.auth.authenticate(token: token) } catch { return .failure(.invalidToken) }
        } else if case .failure(let reason) = context.requestContext.authentication, reason != .missing {
            return .failure(.invalidToken)
        } else {
            return .failure(.missingToken)
        }
        let user = identity.userID.rawValue == 0 ? nil : try await self.users.user(id: identity.userID)
        if identity.userID.rawValue != 0, user == nil { return .failure(.userNotFound) }
        if let user { identity.externalID = user.externalID }
        if let pathUser {
            if pathUser == "0" {
                guard identity.userID.rawValue == 0 else { return .failure(.mismatch) }
            } else {
                guard let named = try await self.render.resolve(pathUser, in: self.users) else { return .failure(.userNotFound) }
                guard named.id == identity.userID else { return .failure(.mismatch) }
            }
        }
        return .success((identity, user))
    }

    /// `12:40,15:3` → conversation 12 after 40, 15 after 3 (malformed pairs are ignored).
    static func resumePositions(_ text: String) -> [Int64: Int64] {
        var positions: [Int64: Int64] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[0]), let seq = Int64(parts[1]), id > 0, seq >= 0 else { continue }
            positions[id] = max(positions[id] ?? seq, seq)
        }
        return positions.count > ClientFrame.resumeLimit ? [:] : positions
    }

    enum CloseReason: String, Error {
        case missingToken = "Missing token"
        case invalidToken = "Invalid token"
        case mismatch = "Token does not match user"
        case userNotFound = "User not found"
    }

    /// One connection, from authentication to close.
    func session<Context: RapportRequestContext>(
        _ inbound: WebSocketInboundStream,
        _ outbound: WebSocketOutboundWriter,
        _ context: WebSocketRouterContext<Context>,
        pathUser: String?
    ) async throws {
        // Opening (authentication, registration, the greeting, a resume) runs in a task of its own, and so does
        // each frame's handling: a task keeps the memory its deepest call needed for as long as it lives, and
        // this one lives as long as the connection — idle, it holds little more than its read.
        guard let connection = try await self.opening.with({ try await Self.apart({ try await self.open(outbound, context, pathUser: pathUser) }) })
        else {
            return
        }
        let outbox = connection.outbox
        let hub = self.realtime.hub
        // `rapport_websocket_connections`: the open, authenticated sockets of this process.
        let open = Meter(label: "rapport_websocket_connections")
        open.increment()
        defer { open.decrement() }
        // While an agent is connected, its presence lease is renewed.
        let lease = connection.isAgent ? Task { await connection.renewAgentLease() } : nil
        // When the server stops, the connection closes (1001) instead of holding the drain open.
        await withGracefulShutdownHandler {
            await self.read(inbound, connection)
        } onGracefulShutdown: {
            outbox.close()
        }
        lease?.cancel()
        await hub.disconnect(outbox.id)
        connection.transfers.forgetAll()
        await self.whiteboards.leaveAll(outbox.id)
    }

    /// The connection's client frames, each handled in a task of its own, until the socket closes or the hub
    /// ends the connection.
    func read(_ inbound: WebSocketInboundStream, _ connection: Connection) async {
        do {
            for try await message in inbound.messages(maxSize: self.maxMessageSize) {
                switch message {
                case .text(let text): try? await Self.apart { await connection.handle(text) }
                case .binary: await connection.error("Binary frames are not accepted; send JSON text frames")
                }
                if connection.outbox.hasOverflowed || connection.outbox.isClosing { break }
            }
        } catch {
            self.logger.debug("websocket ended", metadata: ["error": "\(error)"])
        }
    }

    /// Writes what the hub queued for a connection; runs in a task only while there is something to write. When
    /// the queue has ended, closes the socket: 1008 for a reader too slow to keep up, 1001 when the server stops.
    static func write(_ outbox: HubOutbox, to outbound: WebSocketOutboundWriter) async {
        while true {
            let frames = outbox.take()
            if frames.isEmpty { break }
            do {
                for frame in frames { try await outbound.write(.text(frame)) }
            } catch {
                // The socket is gone: what is queued is dropped (the client resumes from what it saw).
                while !outbox.take().isEmpty {}
                return
            }
        }
        guard outbox.isEnded else { return }
        if outbox.hasOverflowed {
            try? await outbound.close(.policyViolation, reason: "Too slow: reconnect and resume")
        } else if outbox.isClosing {
            try? await outbound.close(.goingAway, reason: "Server shutting down")
        }
    }

    /// Runs `body` in a task of its own and returns what it returned. The task (and the memory of its deepest
    /// call) is gone when this returns, unlike the connection's own, which lives as long as the socket.
    static func apart<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await Task(operation: body).value
    }

    /// Authenticates, registers the connection in the hub, greets it and replays a resume asked for in the URL;
    /// nil when the socket was closed instead (1008).
    func open<Context: RapportRequestContext>(
        _ outbound: WebSocketOutboundWriter,
        _ context: WebSocketRouterContext<Context>,
        pathUser: String?
    ) async throws -> Connection? {
        let identity: Identity
        let user: User?
        switch try await self.identify(context, pathUser: pathUser) {
        case .failure(let reason):
            try await outbound.close(.policyViolation, reason: reason.rawValue)
            return nil
        case .success(let (found, row)):
            identity = found
            user = row
        }
        let me = ParticipantID(identity.userID.rawValue)
        let dialect: FrameDialect = identity.externalID == nil ? .envelope : .flat
        // `?resume=12:40,15:3` resumes while connecting: those conversations hold their live messages until the
        // replay is queued, so nothing is missed, doubled or reordered.
        let resuming = Self.resumePositions(context.request.uri.queryParameters["resume"].map(String.init) ?? "")
        let outbox = await self.realtime.hub.connect(
            user: me,
            dialect: dialect,
            aliases: identity.role == .admin ? [Realtime.everyone, Realtime.monitors] : [Realtime.everyone],
            resuming: Dictionary(resuming.map { (ConversationID($0.key), $0.value) }, uniquingKeysWith: max)
        )
        let isAgent = (try? await self.support.agent(me)) != nil
        // Frames are written by a task that runs only while there are some: an idle connection keeps none.
        outbox.onFrames { outbox in await Self.write(outbox, to: outbound) }
        let connection = Connection(controller: self, identity: identity, me: me, outbox: outbox, isAgent: isAgent, user: user)
        await connection.greet()
        if !resuming.isEmpty {
            do {
                let positions = resuming.map { ClientFrame.Position(conversation: ConversationID($0.key), after: $0.value) }
                try await connection.resume(positions.sorted { $0.conversation.rawValue < $1.conversation.rawValue }, connecting: true)
            } catch let failure as Refusal {
                for id in resuming.keys { outbox.endResume(ConversationID(id)) }
                await connection.error(failure.message)
            } catch {
                for id in resuming.keys { outbox.endResume(ConversationID(id)) }
                self.logger.error("resume on connect failed", metadata: ["error": "\(error)"])
            }
        }
        return connection
    }

    typealias Connection = RealtimeConnection
}
