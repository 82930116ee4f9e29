import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// `/api/quick-replies` (contracts/seed004 §7): a user's canned replies.
struct QuickRepliesController {
    let api: SupportAPI

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("user/{user_id}", use: self.listQuickReplies)
        group.get("merchant/{user_id}", use: self.listQuickReplies)
        group.post(use: self.createQuickReply)
        group.put("{id}", use: self.updateQuickReply)
        group.delete("{id}", use: self.deleteQuickReply)
    }

    // MARK: Quick replies

    @Sendable func listQuickReplies(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        guard let owner = try await self.api.actingAs(context.parameters.get("user_id") ?? "", caller) else { return JSONResponse(.ok, []) }
        let replies = try await self.api.quickReplies.replies(of: owner)
        let users = try await self.api.users.byID([owner])
        return JSONResponse(.ok, .array(replies.map { self.api.json($0, users) }))
    }

    @Sendable func createQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        for key in ["user_id", "content"] {
            if body[key] == nil { validation.fail(key, "Field required") } else if !(body[key] is String) { validation.fail(key, "Input should be a valid string") }
        }
        var sortOrder = 0
        if let value = body["sort_order"], !(value is NSNull) {
            if let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) { sortOrder = int } else {
                validation.fail("sort_order", "Input should be a valid integer")
            }
        }
        try validation.finish()
        guard let owner = try await self.api.actingAs(body.string("user_id")!, caller) else {
            return JSONResponse(.notFound, ["detail": "User not found"])
        }
        do {
            let reply = try await self.api.quickReplies.create(user: owner, content: body.string("content")!, sortOrder: sortOrder, at: Date())
            return JSONResponse(.ok, self.api.json(reply, try await self.api.users.byID([owner])))
        } catch QuickReplyError.limitReached {
            return JSONResponse(.badRequest, ["detail": "最多只能创建10条快捷消息"])
        }
    }

    @Sendable func updateQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let reply = try await self.api.ownedReply(request, context, caller)
        let body = try await UsersController.body(request, context)
        var validation = SupportValidation(request)
        var content: String?, sortOrder: Int?
        if let value = body["content"], !(value is NSNull) {
            if let text = value as? String { content = text } else { validation.fail("content", "Input should be a valid string") }
        }
        if let value = body["sort_order"], !(value is NSNull) {
            if let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) { sortOrder = int } else {
                validation.fail("sort_order", "Input should be a valid integer")
            }
        }
        try validation.finish()
        guard let updated = try await self.api.quickReplies.update(id: reply.id, content: content, sortOrder: sortOrder) else { throw SupportAPI.replyNotFound }
        return JSONResponse(.ok, self.api.json(updated, try await self.api.users.byID([updated.userID])))
    }

    @Sendable func deleteQuickReply(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let caller = try self.api.caller(context)
        let reply = try await self.api.ownedReply(request, context, caller)
        _ = try await self.api.quickReplies.deactivate(id: reply.id)
        return JSONResponse(.ok, ["status": "success", "message": "删除成功"])
    }
}
