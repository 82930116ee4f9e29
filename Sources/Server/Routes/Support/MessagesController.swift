import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StorageKit

/// `/api/messages` (contracts/seed004 §6): customer-service messages — list, send, mark read, delete (admin).
struct MessagesController<Context: RapportRequestContext> {
    let api: SupportAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: self.listMessages)
        group.post(use: self.send)
        group.put("{id}/read", use: self.readMessage)
        group.delete("{id}", use: self.deleteMessage)
    }

    // MARK: Messages

    @Sendable func listMessages(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var validation = SupportValidation(request)
        let (offset, limit) = validation.paging(request, defaultSize: 50)
        let query = request.uri.queryParameters
        var filter = SupportMessageFilter(participant: caller.isAdmin ? nil : caller.id)
        if let text = query["conversation_id"].map(String.init), !text.isEmpty {
            if let id = Int64(text) {
                filter.conversationID = ConversationID(id)
            } else {
                validation.fail("conversation_id", "Input should be a valid integer, unable to parse string as an integer")
            }
        }
        if let text = query["message_type"].map(String.init), !text.isEmpty {
            if let type = MessageType(rawValue: text), type != .emoji {
                filter.type = type
            } else {
                validation.fail("message_type", "Input should be 'text', 'image' or 'file'")
            }
        }
        try validation.finish()
        if let name = query["sender_id"].map(String.init), !name.isEmpty {
            guard let sender = try await self.api.participant(named: name) else { return JSONResponse(.ok, ["count": 0, "results": []]) }
            filter.senderID = sender
        }
        let found = try await self.api.support.messages(filter, offset: offset, limit: limit)
        return try await self.api.page(found.items, total: found.total)
    }

    @Sendable func send(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(SendBody.self, request, context)
        let content = body.content
        let type = body.messageType?.type ?? .text
        if !validation.hasProblem("content"), content.unicodeScalars.count > self.api.maximumContentLength {
            validation.fail("content", "String should have at most \(self.api.maximumContentLength) characters")
        }
        try validation.finish()
        guard let sender = try await self.api.actingAs(body.senderID, caller) else { throw SupportAPI.noAccess }
        guard let conversation = try await self.api.support.conversation(id: ConversationID(body.conversationID)) else {
            throw SupportAPI.conversationNotFound
        }
        guard conversation.side(of: sender) != nil else { throw SupportAPI.noAccess }
        // An image or file message links the sender's own upload it names (its media URL stays public).
        let attachmentID =
            type == .text ? nil : try await self.api.files?.attachmentID(carriedBy: content, sender: sender.rawValue)
        let sent = try await self.api.support.send(
            NewMessage(senderID: sender, content: content, type: type, attachmentID: attachmentID),
            in: conversation.id,
            at: Date()
        )
        await self.api.desk.stored(before: conversation, after: sent.conversation)
        let users = try await self.api.users.byID([sender])
        // Live to every connection of both sides, the agent and the monitors.
        await self.api.realtime.publish(self.api.frames.delivery(sent.message, users, to: RealtimeController.Connection.audience(sent.conversation)))
        return JSONResponse(.ok, self.api.json(SupportMessage(message: sent.message, isRead: false), users))
    }

    @Sendable func readMessage(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        guard let found = try await self.api.support.message(id: try self.api.messageID(context, request)) else { throw SupportAPI.messageNotFound }
        if !caller.isAdmin {
            guard let conversation = try await self.api.support.conversation(id: found.message.conversationID),
                conversation.side(of: caller.id) != nil
            else { throw SupportAPI.noAccess }
        }
        _ = try await self.api.support.markMessageRead(id: found.message.id)
        return JSONResponse(.ok, SupportAPI.success)
    }

    @Sendable func deleteMessage(_ request: Request, context: Context) async throws -> JSONResponse {
        guard try self.api.caller(context).isAdmin else { throw SupportAPI.adminOnly }
        guard try await self.api.support.deleteMessage(id: try self.api.messageID(context, request)) else { throw SupportAPI.messageNotFound }
        return JSONResponse(.ok, ["status": "success", "message": "Message deleted successfully"])
    }
}

extension MessagesController {
    /// `POST /api/messages/`: `MessageCreate`.
    struct SendBody: Decodable {
        var conversationID: Int64
        var senderID: String
        var content: String
        var messageType: SupportMessageType?

        enum CodingKeys: String, CodingKey {
            case conversationID = "conversation_id"
            case senderID = "sender_id"
            case content
            case messageType = "message_type"
        }
    }
}
