import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import StorageKit

/// The desk side of ``SupportAPI``: agents, their load, and refusals of assignment.
extension SupportAPI {
    static let notAnAgent = JSONResponse(.forbidden, ["detail": "Not an agent of this merchant"])
    static let notYours = JSONResponse(.forbidden, ["detail": "Only the assignee, the merchant or an admin may change this conversation"])
    static let agentNotFound = JSONResponse(.notFound, ["detail": "Agent not found"])
    static let userNotFound = JSONResponse(.notFound, ["detail": "User not found"])

    // MARK: Rendering

    func json(_ load: SupportAgentLoad, _ users: [Int64: User]) -> JSONValue {
        .ordered([
            ("user_id", self.name(load.agent.userID, users)), ("merchant_id", self.name(load.agent.teamID, users)),
            ("capacity", .int(Int64(load.agent.capacity))), ("load", .int(Int64(load.load))), ("online", .bool(load.online)),
            ("online_until", load.online ? WireDate.epoch(load.agent.onlineUntil) : .null),
            ("user", users[load.agent.userID.rawValue].map(self.render.support) ?? .null),
        ])
    }

    func agentLoad(_ user: ParticipantID) async throws -> SupportAgentLoad? {
        guard let agent = try await self.support.agent(user) else { return nil }
        return try await self.support.agents(team: agent.teamID, at: Date()).first { $0.agent.userID == user }
    }

    func agentResponse(_ user: ParticipantID) async throws -> JSONResponse {
        guard let load = try await self.agentLoad(user) else { throw Self.agentNotFound }
        return JSONResponse(.ok, self.json(load, try await self.users.byID([load.agent.userID, load.agent.teamID])))
    }

    // MARK: Conversation actions

    /// The conversation, if the caller may change its assignment or status: an admin, its merchant or its assignee.
    func changeableConversation(_ request: Request, _ context: some RapportRequestContext, _ caller: Caller) async throws -> SupportConversation {
        let conversation = try await self.visibleConversation(context, request, caller)
        guard caller.isAdmin || caller.id == conversation.merchantID || caller.id == conversation.assigneeID else { throw Self.notYours }
        return conversation
    }

    func conversationResponse(_ conversation: SupportConversation) async throws -> JSONResponse {
        JSONResponse(.ok, self.json(conversation, try await self.people(of: conversation)))
    }

    func deskFailure(_ error: SupportDeskError) -> JSONResponse {
        switch error {
        case .conversationNotFound: Self.conversationNotFound
        case .notAnAgent: Self.notAnAgent
        case .agentOffline: JSONResponse(.conflict, ["detail": "Agent is offline"])
        case .alreadyAssigned: JSONResponse(.conflict, ["detail": "Conversation is assigned to another agent"])
        case .snoozeInPast: JSONResponse(.unprocessableContent, ["detail": "snoozed_until must be in the future"])
        case .invalidCapacity: JSONResponse(.unprocessableContent, ["detail": "capacity must be 0 or more"])
        }
    }

    // MARK: Agents

    /// The user of `{user_id}`, or 404.
    func pathUser(_ context: some RapportRequestContext) async throws -> User {
        guard let user = try await self.render.resolve(context.parameters.get("user_id") ?? "", in: self.users) else { throw Self.userNotFound }
        return user
    }

    /// Whether the caller manages agents of `team`: an admin, or the merchant itself.
    func manages(_ team: ParticipantID, _ caller: Caller) -> Bool { caller.isAdmin || (caller.identity.role == .merchant && caller.id == team) }
}
