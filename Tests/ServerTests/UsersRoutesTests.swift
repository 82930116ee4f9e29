import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Users routes (seed 004)")
struct UsersRoutesTests {
    @Test(arguments: HTTPBackend.enabled)
    func adminsProvisionAndEveryoneReads(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            var reply = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"""
                    {"users": [{"id": "b1", "role": "buyer", "username": "保安堂药房", "description": ""},
                               {"id": "m1", "role": "merchant"}, {"id": "m2", "role": "merchant"}, {"id": "b1", "role": "merchant"}]}
                    """#
            )
            #expect(reply.status == .ok)
            let created = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await client.raw(
                            "/api/users/ensure",
                            token: admin,
                            body: #"{"users": [{"id": "b1", "role": "admin"}]}"#
                        ).utf8
                    )
                ) as? [[String: Any]]
            )
            #expect(created.first?["role"] as? String == "buyer", "an existing user comes back unchanged")
            #expect(created.first?["description"] as? String == "")

            let buyer = try await client.json("/api/auth/token", token: admin, body: #"{"user_id": "b1"}"#)
            let token = try #require(buyer.body["access_token"] as? String)
            reply = try await client.json("/api/users?role=merchant&page=1&page_size=1", .get, token: token)
            #expect(reply.status == .ok)
            #expect(reply.body["count"] as? Int == 2)
            let merchants = try #require(reply.body["results"] as? [[String: Any]])
            #expect(merchants.map { $0["id"] as? String } == ["m1"])
            let generated = try #require(merchants.first?["username"] as? String)
            #expect(generated.hasPrefix("商家"))
            #expect((merchants.first?["avatar"] as? String)?.hasPrefix("http://127.0.0.1:8080/api/media/avatars/merchant") == true)
            reply = try await client.json("/api/users/m2", .get, token: token)
            #expect(reply.body["username"] as? String != generated, "names generated in one batch are unique")
            reply = try await client.json("/api/users/?role=nobody", .get, token: token)
            #expect(reply.body["count"] as? Int == 0)

            reply = try await client.json("/api/users/m1", .put, token: token, body: #"{"username": "x"}"#)
            #expect(reply.status == .forbidden)
            #expect(reply.body as NSDictionary == ["detail": "需要管理员权限"])
            reply = try await client.json("/api/users/ensure", token: token, body: #"{"users": []}"#)
            #expect(reply.status == .forbidden)

            reply = try await client.json("/api/users/m1", .put, token: admin, body: #"{"username": "保和堂医药集团", "description": null}"#)
            #expect(reply.body["username"] as? String == "保和堂医药集团")
            #expect(reply.body["description"] is NSNull)
            reply = try await client.json("/api/users/m2", .put, token: admin, body: #"{"username": "保和堂医药集团"}"#)
            #expect(reply.status == .conflict)
            reply = try await client.json("/api/users/m1/status?status=inactive", .patch, token: admin)
            #expect(reply.body["status"] as? String == "inactive")
            reply = try await client.json("/api/users/m1/status?status=gone", .patch, token: admin)
            #expect(reply.status == .badRequest)
            reply = try await client.json("/api/users/zz/status?status=gone", .patch, token: admin)
            #expect(reply.status == .notFound, "the user is checked first")
            reply = try await client.json("/api/users/m1/status", .patch, token: admin)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.body["errors"] as? [String] == ["status: Field required"])
            reply = try await client.json("/api/users/m2", .delete, token: admin)
            #expect(reply.body as NSDictionary == ["status": "success", "message": "User deleted successfully"])
            reply = try await client.json("/api/users/m2", .get, token: admin)
            #expect(reply.body["status"] as? String == "deleted", "soft delete: still listed")

            reply = try await client.json("/api/users/", token: admin, body: #"{"id": "p1", "username": "官方客服", "role": "agent"}"#)
            #expect(reply.body["id"] as? String == "p1")
            #expect(reply.body["role"] as? String == "agent")
            reply = try await client.json("/api/users", token: admin, body: #"{"id": "p1", "username": "another", "role": "agent"}"#)
            #expect(reply.status == .conflict)
            #expect(reply.body["error_type"] as? String == "integrity_error")
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func badInputIsRefusedAndNothingIsStored(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            var reply = try await client.json(
                "/api/users/ensure",
                token: admin,
                body: #"{"users": [{"id": "ok", "role": "buyer"}, {"id": "b2", "role": "king"}, {"role": "buyer"}]}"#
            )
            #expect(reply.status == .unprocessableContent)
            #expect(reply.body["detail"] as? String == "请求参数验证失败")
            #expect(
                reply.body["errors"] as? [String] == [
                    "users.1.role: Input should be 'user', 'buyer', 'merchant', 'agent', 'admin' or 'auditor'", "users.2.id: Field required",
                ]
            )
            #expect(reply.body["path"] as? String == "/api/users/ensure")
            reply = try await client.json("/api/users/ok", .get, token: admin)
            #expect(reply.status == .notFound)
            reply = try await client.json("/api/users?page=0&page_size=-1", .get, token: admin)
            #expect(
                reply.body["errors"] as? [String] == [
                    "page: Input should be greater than or equal to 1", "page_size: Input should be greater than or equal to 1",
                ]
            )
            reply = try await client.json("/api/users", .get)
            #expect(reply.status == .unauthorized)
            #expect(reply.body["detail"] as? String == "缺少认证信息")
            reply = try await client.json("/api/users/ensure", token: admin)
            #expect(reply.body["errors"] as? [String] == ["Field required"])
            // Every bad field at once, in the model's field order, each once.
            reply = try await client.json(
                "/api/users",
                token: admin,
                body: #"{"id": "", "username": 7, "role": "king", "avatar": 1, "status": "gone"}"#
            )
            #expect(reply.status == .unprocessableContent)
            #expect(
                reply.body["errors"] as? [String] == [
                    "id: String should have at least 1 and at most 50 characters", "username: Input should be a valid string",
                    "role: Input should be 'user', 'buyer', 'merchant', 'agent', 'admin' or 'auditor'", "avatar: Input should be a valid string",
                    "status: Input should be 'active', 'inactive' or 'deleted'",
                ]
            )
            reply = try await client.json("/api/users", token: admin, body: #"{"username": "u"}"#)
            #expect(reply.body["errors"] as? [String] == ["id: Field required", "role: Field required"])
            reply = try await client.json("/api/users", token: admin, body: "not json")
            #expect(reply.body["errors"] as? [String] == ["Field required"])
        }
    }
}
