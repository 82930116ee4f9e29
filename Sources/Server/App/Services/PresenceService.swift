import AuthTokens
import ChatCore
import Foundation
import Logging
import ServiceLifecycle
import StorageKit

/// This process's side of presence. It tells a user's audience (``ChatService/presenceAudience(of:)``) and the
/// monitors when the user comes online or goes offline here, keeps the stored presence (shared by every
/// process on the database) in step — renewing this process's lease every third of it, which also mends any
/// write the observer missed — and ends an agent's support presence when its last connection closes.
///
/// At shutdown it clears this process's presence, then closes the WebSockets still open.
struct PresenceService: Service {
    let realtime: Realtime
    let chat: ChatService
    let users: any UserRepository
    let desk: SupportDesk
    let logger: Logger

    func run() async throws {
        await self.realtime.hub.observePresence { change in await self.announce(change) }
        // Runs until shutdown whether or not there is a store to renew: a service that returns early would end
        // the whole service group.
        if self.realtime.presence != nil {
            await cancelWhenGracefulShutdown { await self.renewLeases() }
        } else {
            try? await gracefulShutdown()
        }
        // This process's users are no longer connected here.
        try? await self.realtime.presence?.sync(node: self.realtime.hub.process, users: [], until: Date(), now: Date())
        // Each WebSocket closes itself when shutdown begins; any left now are closed here.
        await self.realtime.hub.closeAll()
    }

    func renewLeases() async {
        guard let presence = self.realtime.presence else { return }
        while !Task.isCancelled {
            let users = await self.realtime.hub.onlineUsers().filter { $0.rawValue > 0 }
            do {
                try await presence.sync(
                    node: self.realtime.hub.process,
                    users: users,
                    until: Date().addingTimeInterval(Realtime.presenceLease),
                    now: Date()
                )
            } catch {
                self.logger.error("presence renewal failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(Realtime.presenceLease / 3))
        }
    }

    func announce(_ change: PresenceChange) async {
        let user: ParticipantID
        switch change {
        case .online(let id): user = id
        case .offline(let id): user = id
        }
        guard user.rawValue > 0 else { return }
        if let presence = self.realtime.presence {
            let node = self.realtime.hub.process
            do {
                switch change {
                case .online: try await presence.setOnline(user, node: node, until: Date().addingTimeInterval(Realtime.presenceLease))
                case .offline: try await presence.setOffline(user, node: node)
                }
            } catch {
                // The next renewal writes the truth.
                self.logger.error("presence store write failed", metadata: ["error": "\(error)"])
            }
        }
        let name = (try? await self.users.user(id: UserID(user.rawValue))).flatMap { $0?.externalID } ?? String(user.rawValue)
        let audience = await self.chat.presenceAudience(of: user)
        await self.realtime.publish(
            HubEvent(
                recipients: audience + [Realtime.monitors],
                frames: RealtimeFrames.presence(change, name: .string(name)),
                exceptUser: user
            )
        )
        if case .offline = change { await self.desk.disconnected(user) }
    }
}
