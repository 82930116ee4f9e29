import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StorageKit

/// `/api/quick-replies` (contracts/seed004 §7): a user's canned replies.
struct QuickRepliesController<Context: RapportRequestContext> {
    let api: SupportAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("user/{user_id}", use: self.listQuickReplies)
        group.get("merchant/{user_id}", use: self.listQuickReplies)
        group.post(use: self.createQuickReply)
        group.put("{id}", use: self.updateQuickReply)
        group.delete("{id}", use: self.deleteQuickReply)
    }

    // MARK: Quick replies

    @Sendable func listQuickReplies(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        guard let owner = try await self.api.actingAs(context.parameters.get("user_id") ?? "", caller) else { return JSONResponse(.ok, []) }
        let replies = try await self.api.quickReplies.replies(of: owner)
        let users = try await self.api.users.byID([owner])
        return JSONResponse(.ok, .array(replies.map { self.api.json($0, users) }))
    }

    @Sendable func createQuickReply(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        var validation = SupportValidation(request)
        let body = try await validation.decode(CreateBody.self, request, context)
        self.check(content: body.content, sortOrder: body.sortOrder, &validation)
        try validation.finish()
        guard let owner = try await self.api.actingAs(body.userID, caller) else {
            return JSONResponse(.notFound, ["detail": "User not found"])
        }
        do {
            let reply = try await self.api.quickReplies.create(user: owner, content: body.content, sortOrder: body.sortOrder ?? 0, at: Date())
            return JSONResponse(.ok, self.api.json(reply, try await self.api.users.byID([owner])))
        } catch QuickReplyError.limitReached {
            return JSONResponse(.badRequest, ["detail": "最多只能创建10条快捷消息"])
        }
    }

    @Sendable func updateQuickReply(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let reply = try await self.api.ownedReply(request, context, caller)
        var validation = SupportValidation(request)
        let body = try await validation.decode(UpdateBody.self, request, context)
        self.check(content: body.content, sortOrder: body.sortOrder, &validation)
        try validation.finish()
        guard let updated = try await self.api.quickReplies.update(id: reply.id, content: body.content, sortOrder: body.sortOrder) else {
            throw SupportAPI.replyNotFound
        }
        return JSONResponse(.ok, self.api.json(updated, try await self.api.users.byID([updated.userID])))
    }

    /// A reply is a message the user sends often: no longer than a message, and ordered by a 32-bit position (the
    /// column both drivers store it in; beyond it MariaDB refused the row and the client got a 500).
    func check(content: String?, sortOrder: Int?, _ validation: inout SupportValidation) {
        if let content, content.unicodeScalars.count > self.api.maximumContentLength {
            validation.fail("content", "String should have at most \(self.api.maximumContentLength) characters")
        }
        if let sortOrder, !(Int(Int32.min)...Int(Int32.max)).contains(sortOrder) {
            validation.fail("sort_order", "Input should be between \(Int32.min) and \(Int32.max)")
        }
    }

    @Sendable func deleteQuickReply(_ request: Request, context: Context) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let reply = try await self.api.ownedReply(request, context, caller)
        _ = try await self.api.quickReplies.deactivate(id: reply.id)
        return JSONResponse(.ok, ["status": "success", "message": "删除成功"])
    }
}

extension QuickRepliesController {
    /// `POST /api/quick-replies/`: `QuickReplyCreate`.
    struct CreateBody: Decodable {
        var userID: String
        var content: String
        var sortOrder: Int?

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case content
            case sortOrder = "sort_order"
        }
    }

    /// `PUT /api/quick-replies/{id}`: `QuickReplyUpdate`.
    struct UpdateBody: Decodable {
        var content: String?
        var sortOrder: Int?

        enum CodingKeys: String, CodingKey {
            case content
            case sortOrder = "sort_order"
        }
    }
}
