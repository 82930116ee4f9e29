import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Contacts routes")
struct ContactsRoutesTests {
    static func envelope(
        _ reply: (status: HTTPResponse.Status, body: [String: Any], headers: HTTPFields)
    ) -> (code: Int?, message: String?, data: Any?) {
        (reply.body["code"] as? Int, reply.body["message"] as? String, reply.body["data"])
    }

    @Test func theSeedContractWithOwnership() async throws {
        try await TestServer.withApp { client, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let bob = try await AuthRoutesTests.register(client, "bob")
            let added = try await client.json("/api/contacts/add", token: alice, body: #"{"name":" 张三 ","phone":"138-0013-8000"}"#)
            #expect(added.status == .ok && Self.envelope(added).code == 200 && Self.envelope(added).message == "添加联系人成功")
            let contact = try #require(added.body["data"] as? [String: Any])
            let id = try #require(contact["id"] as? Int)
            #expect(contact["name"] as? String == "张三" && contact["phone"] as? String == "138-0013-8000")
            #expect((contact["created_time"] as? String)?.count == 19 && contact["created_time"] as? String == contact["updated_time"] as? String)
            let etag = try #require(added.headers[.eTag])

            let errors: [(String, String)] = [
                ("not json", "请求数据格式错误"),
                (#"{"name":"","phone":"13800138000"}"#, "姓名和手机号不能为空"),
                (#"{"name":"x","phone":123}"#, "姓名和手机号不能为空"),
                (#"{"name":"\#(String(repeating: "名", count: 101))","phone":"13800138000"}"#, "姓名或手机号长度超出限制"),
                (#"{"name":"x","phone":"call me maybe"}"#, "手机号格式不正确"),
                (#"{"name":"x","phone":"+86 138 0013 8000"}"#, "手机号已存在"),
            ]
            for (body, message) in errors {
                let reply = try await client.json("/api/contacts/add", token: alice, body: body)
                #expect(reply.status == .badRequest && Self.envelope(reply).code == 400 && Self.envelope(reply).message == message, "\(body)")
                #expect(reply.body["data"] is NSNull)
            }
            // Bob has his own book: the same number is fine there, and Alice's contact does not exist for him.
            #expect(try await client.json("/api/contacts/add", token: bob, body: #"{"name":"张三","phone":"13800138000"}"#).status == .ok)
            let foreign = try await client.json("/api/contacts/\(id)", .get, token: bob)
            #expect(foreign.status == .notFound && Self.envelope(foreign).message == "联系人不存在")
            for path in ["/api/contacts/abc", "/api/contacts/999999"] {
                #expect(try await client.json(path, .get, token: alice).status == .notFound)
            }

            let list = try await client.json("/api/contacts", .get, token: alice)
            #expect(
                Self.envelope(list).message == "success" && (list.body["data"] as? [[String: Any]])?.count == 1 && list.body["next_cursor"] == nil
            )
            // The listing (written straight to bytes) shows a contact exactly as reading it does, escapes included.
            let quoted = try await client.json(
                "/api/contacts/add",
                token: alice,
                body: #"{"name":"Q \"quote\" \\ back\ttab 😀","phone":"13900139000"}"#
            )
            let quotedID = try #require((quoted.body["data"] as? [String: Any])?["id"] as? Int)
            let listed = try await client.json("/api/contacts", .get, token: alice)
            for item in try #require(listed.body["data"] as? [[String: Any]]) {
                let single = try await client.json("/api/contacts/\(try #require(item["id"] as? Int))", .get, token: alice)
                #expect(NSDictionary(dictionary: item) == NSDictionary(dictionary: try #require(single.body["data"] as? [String: Any])))
            }
            #expect(
                (listed.body["data"] as? [[String: Any]])?.first { $0["id"] as? Int == quotedID }?["name"] as? String == "Q \"quote\" \\ back\ttab 😀"
            )
            #expect(try await client.json("/api/contacts/\(quotedID)/delete", .delete, token: alice).status == .ok)

            // Updating with nothing changed writes no version.
            let same = try await client.json("/api/contacts/\(id)/update", .put, token: alice, body: #"{"name":"张三","phone":"138-0013-8000"}"#)
            #expect(same.status == .ok && Self.envelope(same).message == "更新联系人成功" && same.headers[.eTag] == etag)
            let stale = try await client.json(
                "/api/contacts/\(id)/update",
                .put,
                token: alice,
                headers: [.ifMatch: "\"c\(id)-r7\""],
                body: #"{"name":"张三丰","phone":"138-0013-8000"}"#
            )
            #expect(stale.status == .preconditionFailed && Self.envelope(stale).code == 412)
            // An error's data is always null; the current revision is in the ETag header.
            #expect(stale.body["data"] is NSNull && stale.headers[.eTag] == etag)
            let updated = try await client.json(
                "/api/contacts/\(id)/update",
                .put,
                token: alice,
                headers: [.ifMatch: etag],
                body: #"{"name":"张三丰","phone":"138-0013-8000"}"#
            )
            #expect(updated.status == .ok && updated.headers[.eTag] != etag)
            let missingBody = try await client.json("/api/contacts/\(id)/update", .put, token: alice, body: #"{"name":"x"}"#)
            #expect(missingBody.status == .badRequest)
            #expect(try await client.json("/api/contacts/999999/update", .put, token: alice, body: #"{}"#).status == .notFound)

            let versions = try await client.json("/api/contacts/\(id)/versions", .get, token: alice)
            let items = try #require(versions.body["data"] as? [[String: Any]])
            #expect(Self.envelope(versions).message == "查询成功" && items.count == 2)
            #expect(items[0]["operator"] as? String == "alice" && items[1]["name"] as? String == "张三丰")
            let changes = try #require(items[1]["changes"] as? [[String: Any]])
            #expect(changes.count == 1 && changes[0]["field"] as? String == "name" && changes[0]["old"] as? String == "张三")
            let firstVersion = try #require(items[0]["id"] as? Int)
            let restored = try await client.json("/api/contacts/\(id)/versions/\(firstVersion)/restore", token: alice)
            #expect(restored.status == .ok && (restored.body["data"] as? [String: Any])?["name"] as? String == "张三")
            #expect(try await client.json("/api/contacts/\(id)/versions/0/restore", token: alice).status == .notFound)

            let deleted = try await client.json("/api/contacts/\(id)/delete", .delete, token: alice)
            #expect(deleted.status == .ok && Self.envelope(deleted).message == "删除联系人成功")
            #expect(try await client.json("/api/contacts/\(id)/delete", .delete, token: alice).status == .notFound)
            #expect(try await client.json("/api/contacts/\(id)/versions", .get, token: alice).status == .notFound)
            let trash = try await client.json("/api/contacts/trash", .get, token: alice)
            #expect((trash.body["data"] as? [[String: Any]])?.first?["deleted_time"] is String)
            #expect(try await client.json("/api/contacts/\(id)/restore", token: alice).status == .ok)
            #expect(try await client.json("/api/contacts/\(id)", .get, token: alice).status == .ok)
        }
    }

    @Test func authErrorsUseTheContactsEnvelope() async throws {
        try await TestServer.withApp { client, _ in
            let missing = try await client.json("/api/contacts", .get)
            #expect(missing.status == .unauthorized && missing.body["code"] as? Int == 401 && missing.body["message"] as? String == "缺少认证信息")
            let bad = try await client.json("/api/contacts", .get, token: "a.b.c")
            #expect(bad.status == .unauthorized && bad.body["message"] as? String == "Token 无效或已过期" && bad.body["data"] is NSNull)
            let guest = try #require(try await client.json("/api/auth/login", body: #"{"email":"","password":""}"#).body["token"] as? String)
            #expect(try await client.json("/api/contacts", .get, token: guest).status == .forbidden)
        }
    }

    @Test func searchCursorImportAndExport() async throws {
        try await TestServer.withApp { client, _ in
            let token = try await AuthRoutesTests.register(client, "carol")
            var csv = "name,phone\n"
            for index in 0..<30 { csv += "Person \(index),1380013\(String(format: "%04d", index))\n" }
            csv += "Broken,not-a-number\n"
            let imported = try await client.execute(
                uri: "/api/contacts/import",
                method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"],
                body: ByteBuffer(string: csv)
            ) { response in
                (response.status, try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:])
            }
            let report = try #require(imported.1["data"] as? [String: Any])
            #expect(imported.0 == .ok && report["created"] as? Int == 30 && report["rejected"] as? Int == 1)
            let again = try await client.execute(
                uri: "/api/contacts/import?format=csv",
                method: .post,
                headers: [.authorization: "Bearer \(token)"],
                body: ByteBuffer(string: csv)
            ) { response in
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            }
            #expect((again["data"] as? [String: Any])?["skipped"] as? Int == 30)
            let unknownType = try await client.json("/api/contacts/import", token: token, body: "{}")
            #expect(unknownType.status == .unsupportedMediaType)

            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.json("/api/contacts?limit=8" + (cursor.map { "&cursor=\($0)" } ?? ""), .get, token: token)
                names += (page.body["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                cursor = page.body["next_cursor"] as? String
            } while cursor != nil
            #expect(names.count == 30 && Set(names).count == 30)
            let found = try await client.json("/api/contacts?q=%2B86%20138%200013%200012", .get, token: token)
            #expect((found.body["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Person 12"])
            #expect(try await client.json("/api/contacts?limit=0", .get, token: token).status == .badRequest)
            #expect(try await client.json("/api/contacts?limit=5&cursor=zzz", .get, token: token).status == .badRequest)

            for (format, marker) in [("csv", "Person 29,13800130029"), ("vcard", "FN:Person 29")] {
                let text = try await client.execute(
                    uri: "/api/contacts/export?format=\(format)",
                    method: .get,
                    headers: [.authorization: "Bearer \(token)"]
                ) { String(buffer: $0.body) }
                #expect(text.contains(marker), "\(format)")
            }
            #expect(try await client.json("/api/contacts/export?format=pdf", .get, token: token).status == .badRequest)

            // A vCard in an unknown charset is refused whole; broken cards are rejected row by row.
            let gb = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GB2312:x\r\nTEL:13600136000\r\nEND:VCARD\r\n"
            let refused = try await client.json("/api/contacts/import", token: token, headers: [.contentType: "text/vcard"], body: gb)
            #expect(refused.status == .badRequest && (refused.body["message"] as? String)?.contains("GB2312") == true)
            let broken = "BEGIN:VCARD\r\nFN:Ok Person\r\nTEL:13600136001\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bad\r\nno colon here\r\nEND:VCARD\r\n"
            let mixed = try await client.json("/api/contacts/import", token: token, headers: [.contentType: "text/vcard"], body: broken)
            let mixedReport = try #require(mixed.body["data"] as? [String: Any])
            #expect(mixedReport["created"] as? Int == 1 && mixedReport["rejected"] as? Int == 1)
            let book = try await client.json("/api/contacts", .get, token: token)
            #expect((book.body["data"] as? [[String: Any]])?.count == 31)
            #expect(try await client.json("/api/contacts/1/restore", token: token).status == .notFound)
        }
    }
}
