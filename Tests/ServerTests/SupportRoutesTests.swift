import Attachments
import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import StorageKit
import Testing

@Suite("Customer-service routes (seed 004)")
struct SupportRoutesTests {
    /// b1 (buyer), m1 and m2 (merchants), with tokens; and the admin's.
    static func people(_ client: some TestClientProtocol, _ services: RapportServer.Services) async throws -> [String: String] {
        let admin = try await services.token(role: .admin, name: "root")
        let reply = try await client.json(
            "/api/users/ensure",
            token: admin,
            body: #"""
                {"users": [{"id": "b1", "role": "buyer", "username": "保安堂药房"}, {"id": "m1", "role": "merchant", "username": "保和堂"},
                           {"id": "m2", "role": "merchant", "username": "阿纳斯蒂"}]}
                """#
        )
        #expect(reply.status == .ok)
        var tokens = ["admin": admin]
        for id in ["b1", "m1", "m2"] {
            tokens[id] = try #require(
                try await client.json("/api/auth/token", token: admin, body: #"{"user_id": "\#(id)"}"#).body["access_token"] as? String
            )
        }
        return tokens
    }

    /// Lengths count code points, as pydantic and MariaDB's VARCHAR do: a name of 60 letters each with two combining
    /// marks is 60 characters to Swift but 180 to the column, and is refused, not a server error.
    @Test(arguments: SupportBackend.enabled)
    func lengthsAreCountedAsTheColumnsCountThem(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            let zalgo = String(repeating: "a\u{0301}\u{0316}", count: 60)
            #expect(zalgo.count == 60 && zalgo.unicodeScalars.count == 180)
            var reply = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "z1", "role": "buyer", "username": "\#(zalgo)"}]}"#
            )
            #expect(reply.status == .unprocessableContent)
            #expect((reply.body["errors"] as? [String])?.first == "users.0.username: String should have at most 100 characters")
            reply = try await client.json("/api/users/", token: admin, body: #"{"id": "z1", "role": "buyer", "username": "\#(zalgo)"}"#)
            #expect(reply.status == .unprocessableContent)
            let longAvatar = "/api/media/" + String(repeating: "x", count: 300)
            reply = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "z1", "role": "buyer", "avatar": "\#(longAvatar)"}]}"#
            )
            #expect(reply.status == .unprocessableContent)
            // Nothing was half-written; a name within the limit is taken.
            #expect(try await services.auth.users.user(externalID: "z1") == nil)
            let fits = String(repeating: "a\u{0301}", count: 50)
            reply = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "z1", "role": "buyer", "username": "\#(fits)"}]}"#
            )
            #expect(reply.status == .ok)
        }
    }

    @Test(arguments: SupportBackend.enabled)
    func anImageMessageCarriesTheSendersUpload(_ backend: SupportBackend) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-support-media-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await backend.withApp(["MEDIA_DIR": directory]) { client, services in
            let t = try await Self.people(client, services)
            let (status, uploaded) = try await UploadRoutesTests.upload(
                client,
                "/api/upload/image",
                token: t["m1"],
                UploadRoutesTests.multipart(filename: "shop.png", type: "image/png", UploadRoutesTests.png)
            )
            #expect(status == .ok)
            let url = try #require(uploaded["url"] as? String)
            let path = try #require(url.range(of: "/api/media/").map { String(url[$0.upperBound...]) })
            let attachment = try #require(try await services.attachments.attachment(path: path))
            var reply = try await client.json("/api/conversations/", token: t["b1"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            let id = try #require(reply.body["id"] as? Int)
            // The uploader's image message links its upload; the same URL sent by somebody else links nothing.
            reply = try await client.json(
                "/api/messages",
                token: t["m1"],
                body: #"{"conversation_id": \#(id), "sender_id": "m1", "content": "\#(url)", "message_type": "image"}"#
            )
            #expect(reply.status == .ok && reply.body["content"] as? String == url)
            let linked = try #require(reply.body["id"] as? Int)
            #expect(try await services.support.message(id: Int64(linked))?.message.attachmentID == attachment.id)
            reply = try await client.json(
                "/api/messages",
                token: t["b1"],
                body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "\#(url)", "message_type": "image"}"#
            )
            let unlinked = try #require(reply.body["id"] as? Int)
            #expect(try await services.support.message(id: Int64(unlinked))?.message.attachmentID == nil)
        }
    }

    @Test(arguments: SupportBackend.enabled)
    func aConversationFromOpeningToReading(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.people(client, services)
            var reply = try await client.json("/api/conversations/", token: t["b1"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            #expect(reply.status == .ok)
            let id = try #require(reply.body["id"] as? Int)
            #expect(reply.body["customer_id"] as? String == "b1")
            #expect((reply.body["merchant"] as? [String: Any])?["username"] as? String == "保和堂")
            reply = try await client.json("/api/conversations", token: t["m1"], body: #"{"customer_id": "m1", "merchant_id": "b1"}"#)
            #expect(reply.body["id"] as? Int == id, "create-or-return, in either order")

            reply = try await client.json(
                "/api/messages/",
                token: t["b1"],
                body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "在吗？"}"#
            )
            #expect(reply.status == .ok)
            #expect(reply.body["sender_id"] as? String == "b1")
            #expect(reply.body["is_read"] as? Bool == false)
            reply = try await client.json(
                "/api/messages",
                token: t["m1"],
                body: #"{"conversation_id": \#(id), "sender_id": "m1", "content": "/api/media/uploads/x.png", "message_type": "image"}"#
            )
            #expect(reply.body["content"] as? String == "http://127.0.0.1:8080/api/media/uploads/x.png")

            reply = try await client.json("/api/conversations/\(id)", .get, token: t["b1"])
            #expect(reply.body["last_message"] as? String == "[图片]")
            #expect(reply.body["customer_unread_count"] as? Int == 1)
            #expect(reply.body["merchant_unread_count"] as? Int == 1)
            reply = try await client.json("/api/conversations/\(id)/messages?order=asc&page_size=1&page=2", .get, token: t["b1"])
            #expect(reply.body["count"] as? Int == 2)
            #expect(((reply.body["results"] as? [[String: Any]])?.first)?["message_type"] as? String == "image")

            reply = try await client.json("/api/conversations/\(id)/messages/read-all?reader_id=b1", .put, token: t["b1"])
            #expect(reply.body as NSDictionary == ["status": "success"])
            reply = try await client.json("/api/conversations/\(id)/read?user_id=b1", .put, token: t["b1"])
            reply = try await client.json("/api/conversations/\(id)/detail", .get, token: t["m1"])
            #expect(reply.body["customer_unread_count"] as? Int == 0)
            #expect(reply.body["message_count"] as? Int == 2)
            #expect(reply.body.keys.contains("messages"))
            reply = try await client.json("/api/conversations/\(id)/messages", .get, token: t["m1"])
            let newest = try #require((reply.body["results"] as? [[String: Any]])?.first)
            #expect(newest["is_read"] as? Bool == true, "the buyer read the merchant's image")

            reply = try await client.json("/api/conversations/?merchant_id=m1", .get, token: t["m1"])
            #expect(reply.body["count"] as? Int == 1)
            reply = try await client.json("/api/messages/?message_type=image", .get, token: t["admin"])
            #expect(reply.body["count"] as? Int == 1)
        }
    }

    @Test(arguments: SupportBackend.enabled)
    func tokensStopWhenAnAdminDeletesDeactivatesOrDemotesTheAccount(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.people(client, services)
            for id in ["b1", "m1", "m2"] { #expect(try await client.json("/api/conversations/", .get, token: t[id]).status == .ok, "\(id)") }
            #expect(try await client.json("/api/users/b1/status?status=inactive", .patch, token: t["admin"]).status == .ok)
            #expect(try await client.json("/api/conversations/", .get, token: t["b1"]).status == .unauthorized, "deactivated")
            #expect(try await client.json("/api/users/m1", .delete, token: t["admin"]).status == .ok)
            #expect(try await client.json("/api/conversations/", .get, token: t["m1"]).status == .unauthorized, "deleted")
            #expect(try await client.json("/api/users/m2", .put, token: t["admin"], body: #"{"role": "buyer"}"#).status == .ok)
            #expect(
                try await client.json("/api/conversations/", .get, token: t["m2"]).status == .unauthorized,
                "demoted: its token named the old role"
            )
            // A rename keeps the account's access.
            let fresh = try #require(
                try await client.json("/api/auth/token", token: t["admin"], body: #"{"user_id": "m2"}"#).body["access_token"] as? String
            )
            #expect(try await client.json("/api/users/m2", .put, token: t["admin"], body: #"{"username": "阿纳斯蒂二"}"#).status == .ok)
            #expect(try await client.json("/api/conversations/", .get, token: fresh).status == .ok)
        }
    }

    @Test(arguments: SupportBackend.enabled)
    func everyRuleOfTheUnifiedDifferences(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.people(client, services)
            let opened = try await client.json("/api/conversations/", token: t["admin"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            let id = try #require(opened.body["id"] as? Int)
            var reply = try await client.json("/api/conversations/", token: t["m2"], body: #"{"customer_id": "b1", "merchant_id": "m1"}"#)
            #expect(reply.status == .forbidden)
            #expect(reply.body as NSDictionary == ["detail": "不能以其他用户身份操作"])
            reply = try await client.json("/api/conversations/\(id)", .get, token: t["m2"])
            #expect(reply.body as NSDictionary == ["detail": "无权访问该会话"])
            reply = try await client.json("/api/conversations/\(id)/messages", .get, token: t["m2"])
            #expect(reply.status == .forbidden)
            reply = try await client.json("/api/conversations/", .get, token: t["m2"])
            #expect(reply.body["count"] as? Int == 0, "lists are filtered to one's own")
            reply = try await client.json("/api/messages/", token: t["m2"], body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "x"}"#)
            #expect(reply.body as NSDictionary == ["detail": "不能以其他用户身份操作"])
            reply = try await client.json("/api/messages/", token: t["m2"], body: #"{"conversation_id": \#(id), "sender_id": "m2", "content": "x"}"#)
            #expect(reply.body as NSDictionary == ["detail": "无权访问该会话"])
            reply = try await client.json("/api/messages/", token: t["b1"], body: #"{"conversation_id": 999, "sender_id": "b1", "content": "x"}"#)
            #expect(reply.status == .notFound)
            #expect(reply.body as NSDictionary == ["detail": "Conversation not found"])
            reply = try await client.json(
                "/api/messages/",
                token: t["b1"],
                body: #"{"conversation_id": "abc", "sender_id": "b1", "message_type": "video"}"#
            )
            #expect(reply.status == .unprocessableContent)
            #expect(
                reply.body["errors"] as? [String] == [
                    "conversation_id: Input should be a valid integer, unable to parse string as an integer", "content: Field required",
                    "message_type: Input should be 'text', 'image' or 'file'",
                ]
            )
            reply = try await client.json("/api/conversations/\(id)/read?user_id=m1", .put, token: t["b1"])
            #expect(reply.status == .forbidden)
            reply = try await client.json("/api/conversations/\(id)/read", .put, token: t["b1"])
            #expect(reply.body["errors"] as? [String] == ["user_id: Field required"])
            reply = try await client.json("/api/conversations/abc", .get, token: t["b1"])
            #expect(reply.status == .unprocessableContent)

            let sent = try await client.json(
                "/api/messages/",
                token: t["b1"],
                body: #"{"conversation_id": \#(id), "sender_id": "b1", "content": "hi"}"#
            )
            let messageID = try #require(sent.body["id"] as? Int)
            reply = try await client.json("/api/messages/\(messageID)", .delete, token: t["b1"])
            #expect(reply.body as NSDictionary == ["detail": "需要管理员权限"])
            reply = try await client.json("/api/messages/\(messageID)/read", .put, token: t["m2"])
            #expect(reply.status == .forbidden)
            reply = try await client.json("/api/messages/\(messageID)", .delete, token: t["admin"])
            #expect(reply.body["message"] as? String == "Message deleted successfully")
            reply = try await client.json("/api/messages/\(messageID)/read", .put, token: t["admin"])
            #expect(reply.body as NSDictionary == ["detail": "Message not found"])
            reply = try await client.json("/api/conversations/", token: t["b1"], body: #"{"customer_id": "b1", "merchant_id": "nobody"}"#)
            #expect(reply.body as NSDictionary == ["detail": "Merchant with id 'nobody' not found"])
        }
    }

    @Test(arguments: SupportBackend.enabled)
    func quickReplies(_ backend: SupportBackend) async throws {
        try await backend.withApp { client, services in
            let t = try await Self.people(client, services)
            var ids: [Int] = []
            for index in 0..<10 {
                let reply = try await client.json(
                    "/api/quick-replies/",
                    token: t["m1"],
                    body: #"{"user_id": "m1", "content": "回复\#(index)", "sort_order": \#(9 - index)}"#
                )
                ids.append(try #require(reply.body["id"] as? Int))
            }
            var reply = try await client.json("/api/quick-replies/", token: t["m1"], body: #"{"user_id": "m1", "content": "第十一条"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.body as NSDictionary == ["detail": "最多只能创建10条快捷消息"])
            reply = try await client.json("/api/quick-replies/", token: t["m2"], body: #"{"user_id": "m1", "content": "x"}"#)
            #expect(reply.status == .forbidden)
            let list = try await client.raw("/api/quick-replies/user/m1", .get, token: t["m1"], body: "")
            let replies = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
            #expect(replies.count == 10)
            #expect(replies.first?["content"] as? String == "回复9", "by sort order")
            reply = try await client.json("/api/quick-replies/\(ids[0])", .put, token: t["m2"], body: #"{"content": "stolen"}"#)
            #expect(reply.status == .forbidden)
            reply = try await client.json("/api/quick-replies/\(ids[0])", .put, token: t["m1"], body: #"{"content": "改过"}"#)
            #expect(reply.body["content"] as? String == "改过")
            // What the columns cannot hold is refused (MariaDB refused the row: a 500).
            let long = String(repeating: "长", count: 10_001)
            for body in [#"{"sort_order": 2147483648}"#, #"{"sort_order": -9223372036854775808}"#, #"{"content": "\#(long)"}"#] {
                reply = try await client.json("/api/quick-replies/\(ids[0])", .put, token: t["m1"], body: body)
                #expect(reply.status == .unprocessableContent, "\(body.prefix(40))")
            }
            reply = try await client.json(
                "/api/quick-replies/",
                token: t["m1"],
                body: #"{"user_id": "m1", "content": "x", "sort_order": 2147483648}"#
            )
            #expect(reply.status == .unprocessableContent)
            reply = try await client.json("/api/quick-replies/\(ids[0])", .delete, token: t["m1"])
            #expect(reply.body as NSDictionary == ["status": "success", "message": "删除成功"])
            reply = try await client.json("/api/quick-replies/9999", .delete, token: t["m1"])
            #expect(reply.body as NSDictionary == ["detail": "快捷消息不存在"])
            reply = try await client.json("/api/quick-replies/", token: t["m1"], body: #"{"user_id": "m1", "content": "又有空位"}"#)
            #expect(reply.status == .ok)
            reply = try await client.json("/api/quick-replies/merchant/m1", .get, token: t["m2"])
            #expect(reply.status == .forbidden)
        }
    }
}
