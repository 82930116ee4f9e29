import AuthTokens
import ChatCore
import Foundation
import Hummingbird

/// Beyond seed 004: agents, their presence and load, and who answers which conversation.
///
/// - `PUT|DELETE /api/support/agents/{user_id}`, `GET /api/support/agents`: an admin (or a merchant, for its own
///   team) registers agents — users of role agent or merchant — with a capacity.
/// - `PUT /api/support/agents/{user_id}/presence` `{"online": true}`: an agent (or an admin) starts or renews a
///   presence lease of `SUPPORT_PRESENCE_SECONDS`; `false` ends it.
/// - `GET /api/support/queue`: waiting conversations and each agent's load, per merchant.
/// - `POST /api/conversations/{id}/claim|transfer|resolve|snooze|reopen` and `PUT …/status`.
extension SupportController {
    static let notAnAgent = JSONResponse(.forbidden, ["detail": "Not an agent of this merchant"])
    static let notYours = JSONResponse(.forbidden, ["detail": "Only the assignee, the merchant or an admin may change this conversation"])
    static let agentNotFound = JSONResponse(.notFound, ["detail": "Agent not found"])
    static let userNotFound = JSONResponse(.notFound, ["detail": "User not found"])

    func addAssignmentRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("{id}/claim", use: self.claim)
        group.post("{id}/transfer", use: self.transfer)
        group.post("{id}/resolve") { request, context in try await self.changeStatus(request, context, to: .resolved) }
        group.post("{id}/snooze") { request, context in try await self.changeStatus(request, context, to: .snoozed) }
        group.post("{id}/reopen") { request, context in try await self.changeStatus(request, context, to: .open) }
        group.put("{id}/status") { request, context in try await self.changeStatus(request, context, to: nil) }
    }

    func addDeskRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("agents", use: self.listAgents)
        group.put("agents/{user_id}", use: self.saveAgent)
        group.delete("agents/{user_id}", use: self.removeAgent)
        group.put("agents/{user_id}/presence", use: self.presence)
        group.get("queue", use: self.queue)
    }

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
    func changeableConversation(_ request: Request, _ context: AppRequestContext, _ caller: Caller) async throws -> SupportConversation {
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

    /// `POST …/claim`: an agent of the conversation's merchant takes an unassigned conversation (409 when someone
    /// else has it). A claim is a deliberate choice, so it is not limited by capacity.
    @Sendable func claim(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let conversation = try await self.visibleConversation(context, request, caller)
        do {
            let claimed = try await self.support.assign(conversation.id, to: caller.id, onlyIfUnassigned: true, requireOnline: false, at: Date())
            return try await self.conversationResponse(claimed)
        } catch let error as SupportDeskError {
            throw self.deskFailure(error)
        }
    }

    /// `POST …/transfer` `{"assignee_id": "a2"}` hands the conversation to an online agent of the same merchant;
    /// `null` puts it back in the queue, where the next free agent gets it.
    @Sendable func transfer(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let conversation = try await self.changeableConversation(request, context, caller)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        var target: ParticipantID?
        switch body["assignee_id"] {
        case nil: validation.fail("assignee_id", "Field required")
        case is NSNull: target = nil
        case let name as String:
            guard let found = try await self.participant(named: name) else {
                validation.fail("assignee_id", "No user with id '\(name)'")
                break
            }
            target = found
        default: validation.fail("assignee_id", "Input should be a valid string or null")
        }
        try validation.finish()
        do {
            let moved = try await self.support.assign(conversation.id, to: target, onlyIfUnassigned: false, requireOnline: true, at: Date())
            if target == nil || conversation.assigneeID != nil { await self.assignWaiting(team: conversation.teamID) }
            return try await self.conversationResponse(try await self.support.conversation(id: moved.id) ?? moved)
        } catch SupportDeskError.notAnAgent {
            var validation = SupportValidation(request)
            validation.fail("assignee_id", "Not an agent of this merchant")
            try validation.finish()
            throw Self.notAnAgent
        } catch let error as SupportDeskError {
            throw self.deskFailure(error)
        }
    }

    /// `POST …/resolve`, `…/snooze` `{"snoozed_until": epoch}`, `…/reopen`, and `PUT …/status`
    /// `{"status": …, "snoozed_until": …}`. A conversation that stops counting towards its agent's load lets the
    /// next waiting one in.
    func changeStatus(_ request: Request, _ context: AppRequestContext, to fixed: SupportStatus?) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let conversation = try await self.changeableConversation(request, context, caller)
        let needsBody = fixed == nil || fixed == .snoozed
        let body = needsBody ? try await UsersController.body(request, context) : [:]
        var validation = SupportValidation(request)
        var status = fixed ?? .open
        if fixed == nil {
            switch body["status"] {
            case nil: validation.fail("status", "Field required")
            case let text as String where SupportStatus(rawValue: text) != nil: status = SupportStatus(rawValue: text)!
            default: validation.fail("status", "Input should be 'open', 'pending', 'resolved' or 'snoozed'")
            }
        }
        var until: Date?
        if status == .snoozed {
            switch body["snoozed_until"] {
            case nil: validation.fail("snoozed_until", "Field required")
            case let number as NSNumber where !JSONBody.isBoolean(number) && number.doubleValue.isFinite:
                until = Date(timeIntervalSince1970: number.doubleValue)
            default: validation.fail("snoozed_until", "Input should be a valid number of epoch seconds")
            }
        }
        try validation.finish()
        do {
            let changed = try await self.support.setStatus(conversation.id, status, snoozedUntil: until, at: Date())
            if conversation.isActive, !changed.isActive, changed.assigneeID != nil { await self.assignWaiting(team: changed.teamID) }
            if !conversation.isActive, changed.isActive, changed.assigneeID == nil { await self.assignWaiting(team: changed.teamID) }
            return try await self.conversationResponse(try await self.support.conversation(id: changed.id) ?? changed)
        } catch let error as SupportDeskError {
            throw self.deskFailure(error)
        }
    }

    // MARK: Agents

    /// The user of `{user_id}`, or 404.
    func pathUser(_ context: AppRequestContext) async throws -> User {
        guard let user = try await self.render.resolve(context.parameters.get("user_id") ?? "", in: self.users) else { throw Self.userNotFound }
        return user
    }

    /// Whether the caller manages agents of `team`: an admin, or the merchant itself.
    func manages(_ team: ParticipantID, _ caller: Caller) -> Bool { caller.isAdmin || (caller.identity.role == .merchant && caller.id == team) }

    /// `PUT /api/support/agents/{user_id}` `{"merchant_id": "m1", "capacity": 5}`.
    @Sendable func saveAgent(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let user = try await self.pathUser(context)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        if user.role != .agent, user.role != .merchant { validation.fail("user_id", "Only users of role 'agent' or 'merchant' can be agents") }
        var teamName: String?
        switch body["merchant_id"] {
        case nil where !caller.isAdmin: teamName = nil
        case nil: validation.fail("merchant_id", "Field required")
        case let name as String: teamName = name
        default: validation.fail("merchant_id", "Input should be a valid string")
        }
        var capacity: Int?
        if let value = body["capacity"], !(value is NSNull) {
            if let number = value as? NSNumber, !JSONBody.isBoolean(number), let int = Int(exactly: number.doubleValue), (0...1000).contains(int) {
                capacity = int
            } else {
                validation.fail("capacity", "Input should be an integer from 0 to 1000")
            }
        }
        try validation.finish()
        var team = caller.id
        if let teamName {
            guard let merchant = try await self.render.resolve(teamName, in: self.users) else {
                return JSONResponse(.notFound, ["detail": .string("Merchant with id '\(teamName)' not found")])
            }
            guard merchant.role == .merchant else {
                validation.fail("merchant_id", "Input should name a user of role 'merchant'")
                try validation.finish()
                return Self.notAnAgent
            }
            team = ParticipantID(merchant.id.rawValue)
        }
        let userID = ParticipantID(user.id.rawValue)
        let existing = try await self.support.agent(userID)
        guard self.manages(team, caller), existing.map({ self.manages($0.teamID, caller) }) ?? true else {
            throw JSONResponse(.forbidden, ["detail": "Only an admin or the merchant itself manages its agents"])
        }
        do {
            let saved = try await self.support.saveAgent(userID, team: team, capacity: capacity ?? existing?.capacity ?? self.defaultCapacity, at: Date())
            if let existing, existing.teamID != saved.teamID { await self.assignWaiting(team: existing.teamID) }
            await self.assignWaiting(team: saved.teamID)
            return try await self.agentResponse(userID)
        } catch let error as SupportDeskError {
            throw self.deskFailure(error)
        }
    }

    @Sendable func removeAgent(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let user = ParticipantID(try await self.pathUser(context).id.rawValue)
        guard let agent = try await self.support.agent(user) else { throw Self.agentNotFound }
        guard self.manages(agent.teamID, caller) else {
            throw JSONResponse(.forbidden, ["detail": "Only an admin or the merchant itself manages its agents"])
        }
        _ = try await self.support.removeAgent(user)
        await self.assignWaiting(team: agent.teamID)
        return JSONResponse(.ok, Self.success)
    }

    /// `GET /api/support/agents?merchant_id=`: an admin sees any team; a merchant or an agent sees its own.
    @Sendable func listAgents(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        var team: ParticipantID?
        if let name = request.uri.queryParameters["merchant_id"].map(String.init), !name.isEmpty {
            guard let id = try await self.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            team = id
        }
        if !caller.isAdmin {
            let own = caller.identity.role == .merchant ? caller.id : try await self.support.agent(caller.id)?.teamID
            guard let own, team == nil || team == own else { throw Self.notAnAgent }
            team = own
        }
        let loads = try await self.support.agents(team: team, at: Date())
        let users = try await self.users.byID(loads.flatMap { [$0.agent.userID, $0.agent.teamID] })
        return JSONResponse(.ok, ["count": .int(Int64(loads.count)), "results": .array(loads.map { self.json($0, users) })])
    }

    /// `PUT /api/support/agents/{user_id}/presence` `{"online": true}`: online for `SUPPORT_PRESENCE_SECONDS` from
    /// now. Coming online takes waiting conversations at once.
    @Sendable func presence(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        let user = ParticipantID(try await self.pathUser(context).id.rawValue)
        guard caller.isAdmin || caller.id == user else { throw Self.impersonation }
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        var online = false
        switch body["online"] {
        case nil: validation.fail("online", "Field required")
        case let flag as NSNumber where JSONBody.isBoolean(flag): online = flag.boolValue
        default: validation.fail("online", "Input should be a valid boolean")
        }
        try validation.finish()
        guard let agent = try await self.support.setPresence(user, onlineUntil: online ? Date().addingTimeInterval(self.presenceLease) : nil) else {
            throw Self.agentNotFound
        }
        if online { await self.assignWaiting(team: agent.teamID) }
        return try await self.agentResponse(user)
    }

    /// `GET /api/support/queue`: per merchant, how many conversations wait (and since when) and each agent's load.
    @Sendable func queue(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.caller(context)
        var queues = try await self.support.queues()
        if !caller.isAdmin {
            let own = caller.identity.role == .merchant ? caller.id : try await self.support.agent(caller.id)?.teamID
            guard let own else { throw UsersController.adminOnly }
            queues = queues.filter { $0.teamID == own }
        }
        let loads = try await self.support.agents(team: nil, at: Date())
        let users = try await self.users.byID(loads.flatMap { [$0.agent.userID, $0.agent.teamID] } + queues.map(\.teamID))
        let teams: [JSONValue] = queues.map { queue in
            let agents = loads.filter { $0.agent.teamID == queue.teamID }
            return .ordered([
                ("merchant_id", self.name(queue.teamID, users)), ("waiting", .int(Int64(queue.waiting))),
                ("oldest_waiting_since", WireDate.epoch(queue.oldestWaitingSince)),
                ("agents_online", .int(Int64(agents.filter(\.online).count))),
                ("agents", .array(agents.map { self.json($0, users) })),
            ])
        }
        return JSONResponse(.ok, .ordered([("waiting", .int(Int64(queues.reduce(0) { $0 + $1.waiting }))), ("teams", .array(teams))]))
    }
}

/// Reading `JSONSerialization` output.
enum JSONBody {
    /// Whether a parsed number was a JSON `true` or `false`. Foundation bridges every 0 and 1 to `Bool`, so `is Bool`
    /// cannot tell; a boolean's storage type is `c`.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
