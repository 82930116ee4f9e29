import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StorageKit
import Testing

/// Seed 003's user and group lookups (`/api/user/*`, `/api/group/*`) on the shared stores.
@Suite("User and group lookup routes")
struct UserRoutesTests {
    /// A JSON array answer, with its status.
    static func array(_ client: some TestClientProtocol, _ uri: String, token: String?) async throws -> (HTTPResponse.Status, [[String: Any]]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]] ?? [])
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func friendsGroupsAndLookups(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, _ in
            let (tokens, ids) = try await RealtimeTests.people(client, ["alice", "bob", "carol"])
            let alice = tokens["alice"]!
            let bob = ids["bob"]!

            // Friends: each friend once, with the seed's entry shape; a token in `?jwt=` works too.
            #expect(try await client.json("/api/friend/add", token: alice, body: #"{"friend_username": "bob"}"#).status == .ok)
            let (status, friends) = try await Self.array(client, "/api/user/friends?jwt=\(alice)", token: nil)
            #expect(status == .ok)
            #expect(friends.count == 1)
            #expect(friends.first?["id"] as? Int == bob)
            #expect(friends.first?["name"] as? String == "bob")
            #expect(friends.first?["type"] as? String == "friend")
            #expect(friends.first?.keys.contains("avatar") == true)
            #expect(try await Self.array(client, "/api/user/friends", token: tokens["carol"]).1.isEmpty)

            // Groups: created by seed 003's route (no token), its owner a member; listed for the owner only, after the
            // public channel every registered account is in.
            let created = try await client.json("/api/group/create", body: #"{"name": "team", "owner_id": \#(ids["alice"]!)}"#)
            #expect(created.status == .created)
            #expect(created.body["message"] as? String == "群组创建成功")
            #expect(created.body["name"] as? String == "team")
            let group = try #require(created.body["group_id"] as? Int)
            let (_, groups) = try await Self.array(client, "/api/user/groups", token: alice)
            #expect(groups.map { $0["id"] as? Int } == [group, 1])
            #expect(groups.first?["type"] as? String == "group")
            #expect(groups.first?["name"] as? String == "team")
            #expect(try await Self.array(client, "/api/user/groups", token: tokens["carol"]).1.map { $0["name"] as? String } == ["公共频道"])
            // The owner manages it through Rapport's group routes.
            #expect(try await client.json("/api/groups/\(group)", .get, token: alice).body["owner_id"] as? Int == ids["alice"])

            #expect(try await client.json("/api/group/\(group)", .get).body["name"] as? String == "team")
            #expect(try await client.json("/api/user/\(bob)", .get).body["username"] as? String == "bob")
            // The fixed words of /api/user/* are not read as user ids.
            #expect(try await client.json("/api/user/status", .get, token: alice).body["status"] as? String == "offline")
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func badInputGetsTheSeedsErrorsAndCreatesNothing(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, _ in
            let (tokens, ids) = try await RealtimeTests.people(client, ["dora"])
            let dora = ids["dora"]!
            for body in [
                #"{"owner_id": \#(dora)}"#, #"{"name": "  ", "owner_id": \#(dora)}"#, #"{"name": "x"}"#, #"{"name": "x", "owner_id": "nobody"}"#,
            ] {
                let reply = try await client.json("/api/group/create", body: body)
                #expect(reply.status == .badRequest, "\(body)")
                #expect(reply.body["error"] as? String == "缺少必要参数", "\(body)")
            }
            #expect(try await client.json("/api/group/create", body: #"{"name": "x", "owner_id": 999999}"#).status == .notFound)
            #expect(try await client.json("/api/group/create", headers: [.contentType: "text/plain"], body: "name=x").status == .unsupportedMediaType)
            let long = String(repeating: "名", count: 101)
            #expect(try await client.json("/api/group/create", body: #"{"name": "\#(long)", "owner_id": \#(dora)}"#).status == .badRequest)
            #expect(
                try await Self.array(client, "/api/user/groups", token: tokens["dora"]).1.map { $0["id"] as? Int } == [1],
                "no refused create left a group"
            )

            #expect(try await client.json("/api/group/999999", .get).body["error"] as? String == "群组不存在")
            #expect(try await client.json("/api/group/abc", .get).status == .notFound)
            let unknown = try await client.json("/api/user/999999", .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.body["error"] as? String == "用户不存在")

            // Seed 003's token refusals: its texts name the `jwt` query parameter.
            let missing = try await client.json("/api/user/friends", .get)
            #expect(missing.status == .unauthorized)
            #expect((missing.body["msg"] as? String)?.hasPrefix("Missing JWT in headers or query_string") == true)
            let wrong = try await client.json("/api/user/groups", .get, headers: [.authorization: "Basic abc"])
            #expect(wrong.status == .unauthorized)
            #expect((wrong.body["msg"] as? String)?.contains("Missing 'jwt' query paramater") == true)
            #expect(try await client.json("/api/user/groups", .get, token: "nonsense").status == .unprocessableContent)

            // The seed's stubs are real routes now: they need a token.
            #expect(try await client.json("/api/user/update", .put).status == .unauthorized)
            #expect(try await client.json("/api/user/delete", .delete).status == .unauthorized)
            #expect(try await client.json("/api/group/join", body: "{}").status == .unauthorized, "joining needs a token")
        }
    }
}
