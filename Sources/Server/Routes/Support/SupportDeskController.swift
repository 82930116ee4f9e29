import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StorageKit

/// `/api/support`, beyond seed 004: agents, their presence and load.
///
/// - `PUT|DELETE /api/support/agents/{user_id}`, `GET /api/support/agents`: an admin (or a merchant, for its own
///   team) registers agents — users of role agent or merchant — with a capacity.
/// - `PUT /api/support/agents/{user_id}/presence` `{"online": true}`: an agent (or an admin) starts or renews a
///   presence lease of `SUPPORT_PRESENCE_SECONDS`; `false` ends it.
/// - `GET /api/support/queue`: waiting conversations and each agent's load, per merchant.
struct SupportDeskController<Context: RapportRequestContext> {
    let api: SupportAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("agents", use: self.listAgents)
        group.put("agents/{user_id}", use: self.saveAgent)
        group.delete("agents/{user_id}", use: self.removeAgent)
        group.put("agents/{user_id}/presence", use: self.presence)
        group.get("queue", use: self.queue)
    }

    /// `PUT /api/support/agents/{user_id}` `{"merchant_id": "m1", "capacity": 5}`.
    @Sendable func saveAgent(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let user = try await self.api.pathUser(context)
        var validation = SupportValidation(request)
        if user.role != .agent, user.role != .merchant { validation.fail("user_id", "Only users of role 'agent' or 'merchant' can be agents") }
        let body = try await validation.decode(AgentBody.self, request, context, messages: ["capacity": "Input should be an integer from 0 to 1000"])
        let teamName = body.merchantID
        if teamName == nil, caller.isAdmin { validation.fail("merchant_id", "Field required") }
        let capacity = body.capacity
        if let capacity, !(0...1000).contains(capacity) { validation.fail("capacity", "Input should be an integer from 0 to 1000") }
        try validation.finish()
        var team = caller.id
        if let teamName {
            guard let merchant = try await self.api.render.resolve(teamName, in: self.api.users) else {
                return JSONResponse(.notFound, ["detail": .string("Merchant with id '\(teamName)' not found")])
            }
            guard merchant.role == .merchant else {
                validation.fail("merchant_id", "Input should name a user of role 'merchant'")
                try validation.finish()
                return SupportAPI.notAnAgent
            }
            team = ParticipantID(merchant.id.rawValue)
        }
        let userID = ParticipantID(user.id.rawValue)
        let existing = try await self.api.support.agent(userID)
        guard self.api.manages(team, caller), existing.map({ self.api.manages($0.teamID, caller) }) ?? true else {
            throw JSONResponse(.forbidden, ["detail": "Only an admin or the merchant itself manages its agents"])
        }
        do {
            _ = try await self.api.desk.saveAgent(userID, team: team, capacity: capacity)
            return try await self.api.agentResponse(userID)
        } catch let error as SupportDeskError {
            throw self.api.deskFailure(error)
        }
    }

    @Sendable func removeAgent(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let user = ParticipantID(try await self.api.pathUser(context).id.rawValue)
        guard let agent = try await self.api.support.agent(user) else { throw SupportAPI.agentNotFound }
        guard self.api.manages(agent.teamID, caller) else {
            throw JSONResponse(.forbidden, ["detail": "Only an admin or the merchant itself manages its agents"])
        }
        try await self.api.desk.removeAgent(agent)
        return JSONResponse(.ok, SupportAPI.success)
    }

    /// `GET /api/support/agents?merchant_id=`: an admin sees any team; a merchant or an agent sees its own.
    @Sendable func listAgents(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var team: ParticipantID?
        if let name = request.uri.queryParameters["merchant_id"].map(String.init), !name.isEmpty {
            guard let id = try await self.api.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            team = id
        }
        if !caller.isAdmin {
            let own = caller.identity.role == .merchant ? caller.id : try await self.api.support.agent(caller.id)?.teamID
            guard let own, team == nil || team == own else { throw SupportAPI.notAnAgent }
            team = own
        }
        let loads = try await self.api.support.agents(team: team, at: Date())
        let users = try await self.api.users.byID(loads.flatMap { [$0.agent.userID, $0.agent.teamID] })
        return JSONResponse(.ok, ["count": .int(Int64(loads.count)), "results": .array(loads.map { self.api.json($0, users) })])
    }

    /// `PUT /api/support/agents/{user_id}/presence` `{"online": true}`: online for `SUPPORT_PRESENCE_SECONDS` from
    /// now. Coming online takes waiting conversations at once.
    @Sendable func presence(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let user = ParticipantID(try await self.api.pathUser(context).id.rawValue)
        guard caller.isAdmin || caller.id == user else { throw SupportAPI.impersonation }
        var validation = SupportValidation(request)
        let online = try await validation.decode(PresenceBody.self, request, context).online
        try validation.finish()
        guard try await self.api.desk.setPresence(user, online: online) != nil else { throw SupportAPI.agentNotFound }
        return try await self.api.agentResponse(user)
    }

    /// `GET /api/support/queue`: per merchant, how many conversations wait (and since when) and each agent's load.
    @Sendable func queue(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var queues = try await self.api.support.queues()
        if !caller.isAdmin {
            let own = caller.identity.role == .merchant ? caller.id : try await self.api.support.agent(caller.id)?.teamID
            guard let own else { throw SupportAPI.adminOnly }
            queues = queues.filter { $0.teamID == own }
        }
        let loads = try await self.api.support.agents(team: nil, at: Date())
        let users = try await self.api.users.byID(loads.flatMap { [$0.agent.userID, $0.agent.teamID] } + queues.map(\.teamID))
        let teams: [JSONValue] = queues.map { queue in
            let agents = loads.filter { $0.agent.teamID == queue.teamID }
            return .ordered([
                ("merchant_id", self.api.name(queue.teamID, users)), ("waiting", .int(Int64(queue.waiting))),
                ("oldest_waiting_since", WireDate.epoch(queue.oldestWaitingSince)),
                ("agents_online", .int(Int64(agents.filter(\.online).count))),
                ("agents", .array(agents.map { self.api.json($0, users) })),
            ])
        }
        return JSONResponse(.ok, .ordered([("waiting", .int(Int64(queues.reduce(0) { $0 + $1.waiting }))), ("teams", .array(teams))]))
    }
}

extension SupportDeskController {
    /// `PUT /api/support/agents/{user_id}`.
    struct AgentBody: Decodable {
        var merchantID: String?
        var capacity: Int?

        enum CodingKeys: String, CodingKey {
            case merchantID = "merchant_id"
            case capacity
        }
    }

    /// `PUT /api/support/agents/{user_id}/presence`.
    struct PresenceBody: Decodable {
        var online: Bool
    }
}
