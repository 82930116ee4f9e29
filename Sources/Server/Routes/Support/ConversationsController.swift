import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StorageKit

/// `/api/conversations` (contracts/seed004 §5): list, open, read and read-state of customer-service conversations,
/// and the desk's assignment operations on one conversation: `claim`, `transfer`, `resolve`, `snooze`, `reopen`,
/// `PUT …/status`. Non-admins see only their own conversations.
struct ConversationsController<Context: RapportRequestContext> {
    let api: SupportAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: self.listConversations)
        group.post(use: self.openConversation)
        group.get("{id}", use: self.getConversation)
        group.get("{id}/detail", use: self.conversationDetail)
        group.get("{id}/messages", use: self.conversationMessages)
        group.put("{id}/messages/read-all", use: self.readAll)
        group.put("{id}/read", use: self.readCounter)
        group.post("{id}/claim", use: self.claim)
        group.post("{id}/transfer", use: self.transfer)
        group.post("{id}/resolve") { request, context in try await self.changeStatus(request, context, to: .resolved) }
        group.post("{id}/snooze") { request, context in try await self.changeStatus(request, context, to: .snoozed) }
        group.post("{id}/reopen") { request, context in try await self.changeStatus(request, context, to: .open) }
        group.put("{id}/status") { request, context in try await self.changeStatus(request, context, to: nil) }
    }

    // MARK: Conversations

    @Sendable func listConversations(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 20)
        var filter = SupportConversationFilter(participant: caller.isAdmin ? nil : caller.id)
        let query = request.uri.queryParameters
        if let text = query["status"].map(String.init), !text.isEmpty {
            if let status = SupportStatus(rawValue: text) {
                filter.status = status
            } else {
                validation.fail("status", "Input should be 'open', 'pending', 'resolved' or 'snoozed'")
            }
        }
        try validation.finish()
        if !caller.isAdmin { filter.team = try await self.api.support.agent(caller.id)?.teamID }
        if let name = query["assignee_id"].map(String.init), !name.isEmpty {
            if name == "none" {
                filter.assignee = .unassigned
            } else {
                guard let id = try await self.api.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
                filter.assignee = .agent(id)
            }
        }
        for (key, assign) in [("customer_id", \SupportConversationFilter.customerID), ("merchant_id", \SupportConversationFilter.merchantID)] {
            guard let name = query[Substring(key)].map(String.init), !name.isEmpty else { continue }
            // An unknown user has no conversations.
            guard let id = try await self.api.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            filter[keyPath: assign] = id
        }
        let found = try await self.api.support.conversations(filter, offset: offset, limit: limit)
        return try await self.api.page(found.items, total: found.total)
    }

    @Sendable func openConversation(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(OpenBody.self, request, context)
        try validation.finish()
        let customerName = body.customerID
        let merchantName = body.merchantID
        let customer = try await self.api.participant(named: customerName)
        let merchant = try await self.api.participant(named: merchantName)
        if !caller.isAdmin, customer != caller.id, merchant != caller.id { throw SupportAPI.impersonation }
        guard let customer else { return JSONResponse(.notFound, ["detail": .string("Customer with id '\(customerName)' not found")]) }
        guard let merchant else { return JSONResponse(.notFound, ["detail": .string("Merchant with id '\(merchantName)' not found")]) }
        var conversation = try await self.api.support.conversation(customer: customer, merchant: merchant, at: Date())
        if conversation.assigneeID == nil, conversation.isActive {
            // A new (or waiting) customer conversation goes to an online agent of the merchant with room, if any.
            await self.api.desk.opened(conversation)
            conversation = try await self.api.support.conversation(id: conversation.id) ?? conversation
        }
        return JSONResponse(.ok, self.api.json(conversation, try await self.api.people(of: conversation)))
    }

    @Sendable func getConversation(_ request: Request, context: Context) async throws -> JSONResponse {
        let conversation = try await self.api.visibleConversation(context, request, try self.api.caller(context))
        return JSONResponse(.ok, self.api.json(conversation, try await self.api.people(of: conversation)))
    }

    @Sendable func conversationDetail(_ request: Request, context: Context) async throws -> JSONResponse {
        let conversation = try await self.api.visibleConversation(context, request, try self.api.caller(context))
        let users = try await self.api.people(of: conversation)
        let count = try await self.api.support.messages(in: conversation.id, ascending: true, offset: 0, limit: 0).total
        return JSONResponse(.ok, self.api.json(conversation, users).merging(["message_count": .int(Int64(count)), "messages": .null]))
    }

    @Sendable func conversationMessages(_ request: Request, context: Context) async throws -> JSONResponse {
        let conversation = try await self.api.visibleConversation(context, request, try self.api.caller(context))
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 50)
        try validation.finish()
        let ascending = request.uri.queryParameters["order"] == "asc"
        let found = try await self.api.support.messages(in: conversation.id, ascending: ascending, offset: offset, limit: limit)
        return try await self.api.page(found.items, total: found.total)
    }

    /// `PUT …/messages/read-all?reader_id=` and `PUT …/read?user_id=`: both move the reader's read position to the
    /// newest message and clear its unread count (one read state serves both of the seed's).
    func markRead(_ request: Request, _ context: Context, parameter: String, required: Bool) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let name = request.uri.queryParameters[Substring(parameter)].map(String.init)
        if required, name == nil {
            var validation = SupportValidation(request)
            validation.fail(parameter, "Field required")
            try validation.finish()
        }
        let conversation = try await self.api.visibleConversation(context, request, caller)
        var reader: ParticipantID? = caller.id
        if let name { reader = try await self.api.actingAs(name, caller) }
        if let reader, conversation.side(of: reader) != nil {
            try await self.api.support.markRead(by: reader, in: conversation.id)
            // Seed 004's `read` frame to the other side.
            let users = try await self.api.users.byID([reader])
            let others = RealtimeController.Connection.audience(conversation).filter { $0 != reader && $0 != Realtime.monitors }
            await self.api.realtime.publish(
                HubEvent(
                    recipients: others,
                    frames: self.api.frames.read(conversation: conversation.id, reader: reader, seq: nil, users)
                )
            )
        }
        return JSONResponse(.ok, SupportAPI.success)
    }

    @Sendable func readAll(_ request: Request, context: Context) async throws -> JSONResponse {
        try await self.markRead(request, context, parameter: "reader_id", required: false)
    }

    @Sendable func readCounter(_ request: Request, context: Context) async throws -> JSONResponse {
        try await self.markRead(request, context, parameter: "user_id", required: true)
    }

    /// `POST …/claim`: an agent of the conversation's merchant takes an unassigned conversation (409 when someone
    /// else has it). A claim is a deliberate choice, so it is not limited by capacity.
    @Sendable func claim(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let conversation = try await self.api.visibleConversation(context, request, caller)
        do {
            let claimed = try await self.api.desk.claim(conversation, by: caller.id)
            return try await self.api.conversationResponse(claimed)
        } catch let error as SupportDeskError {
            throw self.api.deskFailure(error)
        }
    }

    /// `POST …/transfer` `{"assignee_id": "a2"}` hands the conversation to an online agent of the same merchant;
    /// `null` puts it back in the queue, where the next free agent gets it.
    @Sendable func transfer(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let conversation = try await self.api.changeableConversation(request, context, caller)
        var validation = SupportValidation(request)
        let body = try await validation.decode(
            TransferBody.self,
            request,
            context,
            messages: ["assignee_id": "Input should be a valid string or null"]
        )
        try validation.finish()
        var target: ParticipantID?
        if let name = body.assigneeID.value {
            target = try await self.api.participant(named: name)
            if target == nil { validation.fail("assignee_id", "No user with id '\(name)'") }
        }
        try validation.finish()
        do {
            let moved = try await self.api.desk.transfer(conversation, to: target)
            return try await self.api.conversationResponse(try await self.api.support.conversation(id: moved.id) ?? moved)
        } catch SupportDeskError.notAnAgent {
            var validation = SupportValidation(request)
            validation.fail("assignee_id", "Not an agent of this merchant")
            try validation.finish()
            throw SupportAPI.notAnAgent
        } catch let error as SupportDeskError {
            throw self.api.deskFailure(error)
        }
    }

    /// `POST …/resolve`, `…/snooze` `{"snoozed_until": epoch}`, `…/reopen`, and `PUT …/status`
    /// `{"status": …, "snoozed_until": …}`. A conversation that stops counting towards its agent's load lets the
    /// next waiting one in.
    func changeStatus(_ request: Request, _ context: Context, to fixed: SupportStatus?) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let conversation = try await self.api.changeableConversation(request, context, caller)
        let needsBody = fixed == nil || fixed == .snoozed
        var validation = SupportValidation(request)
        let body =
            needsBody
            ? try await validation.decode(
                StatusBody.self,
                request,
                context,
                messages: ["snoozed_until": "Input should be a valid number of epoch seconds"]
            )
            : StatusBody()
        if fixed == nil, body.status == nil { validation.fail("status", "Field required") }
        let status = fixed ?? body.status ?? .open
        var until: Date?
        if status == .snoozed {
            // Up to the end of year 9999, as every date column holds.
            if let seconds = body.snoozedUntil, seconds.isFinite, seconds >= 0, seconds <= 253_402_300_799 {
                until = Date(timeIntervalSince1970: seconds)
            } else if body.snoozedUntil != nil {
                validation.fail("snoozed_until", "Input should be a valid number of epoch seconds up to 253402300799")
            } else {
                validation.fail("snoozed_until", "Field required")
            }
        }
        try validation.finish()
        do {
            let changed = try await self.api.desk.setStatus(conversation, status, snoozedUntil: until)
            return try await self.api.conversationResponse(try await self.api.support.conversation(id: changed.id) ?? changed)
        } catch let error as SupportDeskError {
            throw self.api.deskFailure(error)
        }
    }
}

extension ConversationsController {
    /// `POST /api/conversations/`: `ConversationCreate`.
    struct OpenBody: Decodable {
        var customerID: String
        var merchantID: String

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id"
            case merchantID = "merchant_id"
        }
    }

    /// `POST …/transfer`: an agent, or `null` for the queue (the key is required).
    struct TransferBody: Decodable {
        var assigneeID: Nullable<String>

        enum CodingKeys: String, CodingKey {
            case assigneeID = "assignee_id"
        }
    }

    /// `PUT …/status` and `POST …/snooze`.
    struct StatusBody: Decodable {
        var status: SupportStatus?
        var snoozedUntil: Double?

        enum CodingKeys: String, CodingKey {
            case status
            case snoozedUntil = "snoozed_until"
        }
    }
}
