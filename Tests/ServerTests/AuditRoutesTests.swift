import AuthTokens
import CRMAudit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Server
import StorageKit
import TestSupport
import Testing

@Suite("Audit over HTTP")
struct AuditRoutesTests {
    @Test(arguments: HTTPBackend.enabled)
    func everyRequestIsRecordedWithItsRoute(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let token = try await AuthRoutesTests.register(client, "alice")
            _ = try await client.json("/api/auth/login", body: #"{"username":"alice","password":"wrong-password"}"#)
            let created = try await client.json(
                "/api/contacts/add",
                token: token,
                headers: [HTTPField.Name("X-Organization-Id")!: "org-7"],
                body: #"{"name":"Bob","phone":"13800138000"}"#
            )
            let id = try #require((created.body["data"] as? [String: Any])?["id"] as? Int)
            _ = try await client.json("/api/contacts/\(id)/update", .put, token: token, body: #"{"name":"Robert","token":"abc"}"#)
            _ = try await client.json("/api/contacts/list?q=rob&jwt=secret", .get, token: token)
            _ = try await client.json("/api/nothing/here/42", .get)
            _ = try await client.json("/api/contacts/add", token: token, body: #"{"name": broken"#)
            _ = try await client.json("/api/health", .get)
            _ = try await client.json(
                "/api/contacts/list",
                .options,
                headers: [.origin: "http://localhost:3000", .accessControlRequestMethod: "GET"]
            )

            let rows = try await services.auditRows()
            #expect(
                rows.map(\.path) == [
                    "/api/auth/register", "/api/auth/login", "/api/contacts/add", "/api/contacts/\(id)/update", "/api/contacts/list",
                    "/api/nothing/here/42", "/api/contacts/add",
                ],
                "health and the preflight are not audited"
            )
            let (register, login, add, update, list, unknown, malformed) = (rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6])
            #expect(register.action == "REGISTER")
            #expect(register.params == ["username": "alice", "email": "alice@x.com", "password": "***"])
            #expect(register.actorID == nil, "anonymous until the token exists")
            #expect(register.category == "authentication")
            #expect(register.resourceName == nil, "a name is taken from 200 answers only; register answers 201")
            #expect(login.action == "LOGIN")
            #expect(login.status == .failed)
            #expect(login.errorMessage == "邮箱或密码错误")
            #expect(add.organizationID == "org-7")
            #expect(add.actorName == "alice")
            #expect(add.actorID != nil && Int(add.actorID!) != nil)
            #expect(add.action == "CREATE")
            #expect(add.resourceType == "contact")
            #expect(add.status == .success)
            #expect(add.resourceName == "Bob")
            #expect(update.organizationID == AuditEvent.defaultOrganizationID)
            #expect(update.action == "UPDATE")
            #expect(update.resourceType == "contact")
            #expect(update.resourceID == String(id))
            #expect(update.params == ["name": "Robert", "token": "***"])
            #expect(update.category == "contact_management")
            #expect(list.action == "VIEW")
            #expect(list.params == ["q": "rob", "jwt": "***"])
            #expect(unknown.status == .failed)
            #expect(unknown.errorMessage == "接口不存在")
            #expect(unknown.resourceType == "here")
            #expect(unknown.resourceID == "42")
            #expect(malformed.status == .failed)
            #expect(malformed.params == ["raw_body": #"{"name": broken"#])
            #expect(rows.allSatisfy { $0.durationMilliseconds != nil && $0.createdAt.timeIntervalSinceNow < 60 })
        }
    }

    @Test func onlyAdminsAndAuditorsRead() async throws {
        try await TestServer.withApp { client, services in
            let user = try await services.token(role: .user, name: "plain")
            let auditor = try await services.token(role: .auditor, name: "auditor")
            let admin = try await services.token(role: .admin, name: "root")
            var reply = try await client.json("/api/foundation/audit-logs", .get)
            #expect(reply.status == .unauthorized)
            #expect(reply.body as NSDictionary == ["detail": "需要认证"])
            reply = try await client.json("/api/foundation/audit-logs?page=0", .get, token: "not.a.token")
            #expect(reply.status == .unauthorized, "authentication comes before validation")
            reply = try await client.json("/api/foundation/audit-logs", .get, token: user)
            #expect(reply.status == .forbidden)
            #expect(reply.body as NSDictionary == ["detail": "权限不足"])
            for token in [auditor, admin] {
                reply = try await client.json("/api/foundation/audit-logs", .get, token: token)
                #expect(reply.status == .ok)
                #expect(reply.body["code"] as? Int == 200)
                #expect(reply.body["message"] as? String == "操作成功")
            }
            let rows = try await services.auditRows()
            #expect(rows.filter { $0.category == "audit_management" }.count == 5, "reads of the log are recorded too")
            #expect(rows.last?.actorName == "root")
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func listFiltersOrdersAndPages(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            let store = try #require(services.audit).store
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await store.append(
                (0..<25).map { index in
                    AuditEvent(
                        organizationID: index < 20 ? AuditEvent.defaultOrganizationID : "org-2",
                        action: index.isMultiple(of: 2) ? "VIEW" : "DELETE",
                        actorID: "u\(index % 2)",
                        resourceType: "contact",
                        resourceID: String(index % 3),
                        status: index == 3 ? .failed : .success,
                        durationMilliseconds: 100 - index,
                        createdAt: t0 + Double(index * 60)
                    )
                }
            )
            func list(_ query: String) async throws -> (status: HTTPResponse.Status, body: [String: Any]) {
                let reply = try await client.json("/api/foundation/audit-logs\(query)", .get, token: admin)
                return (reply.status, reply.body)
            }
            var reply = try await list("?size=7&page=2&start_time=2026-05-28T00:00:00&end_time=2030-01-01T00:00:00")
            var data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["total"] as? Int == 25, "no organisation given or known: only the time range filters")
            #expect(data["pages"] as? Int == 4)
            #expect(data["page"] as? Int == 2)
            #expect(data["size"] as? Int == 7)
            var records = try #require(data["records"] as? [[String: Any]])
            #expect(records.count == 7)
            #expect(records.first?["duration_ms"] as? Int == 100 - 17, "newest first")
            #expect(Array(records[0].keys).count == 20)
            #expect(records[0]["created_at"] as? String == "2026-05-28T20:43:40")

            reply = try await list("?organization_id=org-2&order_by=duration_ms&order_desc=false")
            records = try #require((reply.body["data"] as? [String: Any])?["records"] as? [[String: Any]])
            #expect(records.map { $0["duration_ms"] as? Int } == [76, 77, 78, 79, 80])
            let mine = try await client.json(
                "/api/foundation/audit-logs/",
                .get,
                token: admin,
                headers: [HTTPField.Name("X-Organization-Id")!: "org-2"]
            )
            #expect((mine.body["data"] as? [String: Any])?["total"] as? Int == 5, "the caller's organisation, and the trailing slash")
            reply = try await list("?action=DELETE&user_id=u1&status=success&resource_id=0&order_by=no_such_column")
            data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["total"] as? Int == 3)
            reply = try await list("?page=9")
            #expect(((reply.body["data"] as? [String: Any])?["records"] as? [Any])?.isEmpty == true)

            reply = try await list("?page=0&size=101&start_time=2024-01-01&status=maybe&order_desc=perhaps")
            #expect(reply.status == .badRequest)
            #expect(reply.body["message"] as? String == "请求参数错误")
            let items = try #require(reply.body["data"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["greater_than_equal", "less_than_equal", "datetime_parsing", "enum", "bool_parsing"])
            #expect(items[0]["loc"] as? [String] == ["query", "page"])
            #expect(items[0]["input"] as? String == "0")
            #expect(items[2]["msg"] as? String == "Input should be a valid datetime, input is too short")
            reply = try await list("?start_time=2025-01-02T00:00:00&end_time=2025-01-01 00:00:00")
            #expect(reply.status == .badRequest)
            #expect((reply.body["data"] as? [[String: Any]])?.first?["type"] as? String == "value_error")

            let byUser = try await client.json("/api/foundation/audit-logs/users/u0?size=100", .get, token: admin)
            #expect((byUser.body["data"] as? [String: Any])?["total"] as? Int == 13)
            let byResource = try await client.json("/api/foundation/audit-logs/resources/contact/2?size=3", .get, token: admin)
            data = try #require(byResource.body["data"] as? [String: Any])
            #expect(data["total"] as? Int == 8)
            #expect((data["records"] as? [[String: Any]])?.first?["resource_id"] as? String == "2")

            let one = try #require(records.first?["id"] as? String)
            reply = try await list("/\(one)")
            #expect((reply.body["data"] as? [String: Any])?["id"] as? String == one)
            // `0..0`: a missing id holding `..` is a 404 like any other, not the file server's 400.
            for missing in ["/no-such-id", "/export", "/0..0"] {
                reply = try await list(missing)
                #expect(reply.status == .notFound)
                #expect(reply.body["message"] as? String == "审计日志不存在")
                #expect(reply.body["detail"] as? String == "审计日志不存在")
                #expect(reply.body.keys.contains("data"))
            }
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func exportsJSONAndCSV(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            let store = try #require(services.audit).store
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await store.append([
                AuditEvent(
                    action: "CREATE",
                    actorID: "u1",
                    actorName: "=HYPERLINK(\"http://x\")",
                    resourceType: "contact",
                    params: ["name": "李雷", "n": 1],
                    errorMessage: "a,b",
                    createdAt: t0
                ),
                AuditEvent(action: "VIEW", actorID: "u2", resourceType: "contact", status: .failed, createdAt: t0 + 1),
            ])
            var reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"user_id":"u1"}"#)
            #expect(reply.status == .ok)
            var data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["format"] as? String == "json")
            #expect(data["mime_type"] as? String == "application/json")
            let content = try #require(data["content"] as? String)
            #expect(content.hasPrefix("[\n  {\n    \"id\": \""))
            #expect(content.contains("\"request_params\": {\n      \"n\": 1,\n      \"name\": \"李雷\"\n    },"))
            #expect(content.contains("\"created_at\": \"2026-05-28 20:26:40\"\n  }\n]"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [[String: Any]])
            #expect(parsed.count == 1)

            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"format":"csv","resource_type":"contact"}"#)
            data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["mime_type"] as? String == "text/csv")
            let csv = try #require(data["content"] as? String)
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines.count == 4, "header, two rows, and the final line end")
            #expect(
                lines[0]
                    == "id,organization_id,user_id,user_name,action,resource_type,resource_id,resource_name,category,ip_address,user_agent,request_method,request_path,request_params,old_values,new_values,status,error_message,duration_ms,created_at"
            )
            #expect(lines[1].contains(",failed,,,2026-05-28 20:26:41"), "newest first, empty cells for null")
            #expect(lines[2].contains(#",u1,"'=HYPERLINK(""http://x"")",CREATE,"#), "a formula is neutralised and quoted")
            #expect(lines[2].contains(#""{""n"":1,""name"":""李雷""}""#))
            #expect(lines[2].contains(#","a,b","#))

            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"format":"csv","user_id":"nobody"}"#)
            #expect((reply.body["data"] as? [String: Any])?["content"] as? String == "")
            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"user_id":"nobody"}"#)
            #expect((reply.body["data"] as? [String: Any])?["content"] as? String == "[]")
            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"format":"xml"}"#)
            #expect(reply.status == .badRequest)
            #expect((reply.body["data"] as? [[String: Any]])?.first?["type"] as? String == "string_pattern_mismatch")
            reply = try await client.json("/api/foundation/audit-logs/export", token: admin)
            #expect(reply.status == .badRequest)
            #expect((reply.body["data"] as? [[String: Any]])?.first?["type"] as? String == "missing")
            // Every bad field is reported at once, each at its place in the body.
            reply = try await client.json(
                "/api/foundation/audit-logs/export",
                token: admin,
                body: #"{"user_id": 5, "status": "maybe", "format": ["csv"], "action": null}"#
            )
            #expect(reply.status == .badRequest)
            let items = try #require(reply.body["data"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["string_type", "string_type", "enum"])
            #expect(items.map { ($0["loc"] as? [String])?.joined(separator: ".") } == ["body.user_id", "body.format", "body.status"])
            #expect(items.first?["input"] as? Int == 5)
            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"user_id": "#)
            #expect((reply.body["data"] as? [[String: Any]])?.first?["type"] as? String == "json_invalid")
            reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"[1]"#)
            #expect((reply.body["data"] as? [[String: Any]])?.first?["type"] as? String == "model_attributes_type")
        }
    }

    @Test func aLargeExportStreamsTenThousandRows() async throws {
        try await TestServer.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            let store = try #require(services.audit).store
            for batch in 0..<11 {
                try await store.append((0..<1000).map { AuditEvent(action: "VIEW", actorID: "bulk", durationMilliseconds: batch * 1000 + $0) })
            }
            let reply = try await client.json("/api/foundation/audit-logs/export", token: admin, body: #"{"user_id":"bulk","format":"csv"}"#)
            let csv = try #require((reply.body["data"] as? [String: Any])?["content"] as? String)
            #expect(csv.components(separatedBy: "\r\n").count == 10_002, "header, 10 000 rows, final line end")
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func verifyReportsTampering(_ backend: HTTPBackend) async throws {
        try await backend.withApp { client, services in
            let admin = try await services.token(role: .admin, name: "root")
            for _ in 0..<5 { _ = try await client.json("/api/auth/profile", .get, token: admin) }
            _ = try await services.auditRows()
            var reply = try await client.json("/api/foundation/audit-logs/verify", .get, token: admin)
            var data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["intact"] as? Bool == true)
            #expect(data["checked_records"] as? Int == 5)
            try await services.database.database.raw("UPDATE audit_logs SET user_name = 'someone else' WHERE seq = 3").run()
            reply = try await client.json("/api/foundation/audit-logs/verify", .get, token: admin)
            data = try #require(reply.body["data"] as? [String: Any])
            #expect(data["intact"] as? Bool == false)
            #expect(data["bad_seq"] as? Int == 3)
            #expect((data["problem"] as? String)?.hasPrefix("modified") == true)
        }
    }

    @Test func auditingCanBeTurnedOff() async throws {
        try await TestServer.withApp(["AUDIT_ENABLED": "false"]) { client, services in
            #expect(services.audit == nil)
            let reply = try await client.json("/api/foundation/audit-logs", .get)
            #expect(reply.status == .notFound)
        }
    }
}

@Suite("Audit on a live server")
struct AuditLiveTests {
    /// Sends `count` requests over real sockets, stops the server, then reads the audit log from the file it left.
    static func recordedAfterShutdown(_ values: [String: String], count: Int) async throws -> [AuditEvent] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = "sqlite:" + directory.appendingPathComponent("audit.sqlite").path
        try await ConnectionLimitTests.withLiveServer(values, databaseURL: url) { port in
            // Blocking sockets on Dispatch threads, not on the concurrency pool the server's handlers need.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    DispatchQueue.concurrentPerform(iterations: count) { index in
                        let request =
                            "GET /api/contacts/list?n=\(index) HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.1\r\n"
                            + "User-Agent: live/\(index)\r\nConnection: close\r\n\r\n"
                        _ = try? ConnectionLimitTests.blockingExchange(port: port, request, wait: .seconds(5))
                    }
                    done.resume()
                }
            }
        }
        // The server has stopped: whatever it recorded was committed before its database closed.
        let database = try await ConnectedDatabase.connect(url: url, logger: TestServer.logger)
        let configuration = try TestServer.configuration(values)
        let store = try RapportServer.auditStore(database: database, configuration: configuration)
        let rows = try await store.records(matching: AuditQuery(), order: .newestFirst, offset: 0, limit: 10_000).map(\.event)
        #expect(try await AuditVerifier(store: store).verify().isIntact)
        await database.shutdown()
        return rows
    }

    @Test func everyRequestIsCommittedByShutdownAndProxiesAreBelievedOnlyWhenTrusted() async throws {
        let trusted = try await Self.recordedAfterShutdown(["AUDIT_QUEUE_SIZE": "4"], count: 200)
        #expect(trusted.count == 200, "no request lost through a queue of 4")
        #expect(Set(trusted.compactMap(\.userAgent)).count == 200)
        #expect(trusted.allSatisfy { $0.ipAddress == "203.0.113.9" }, "the loopback peer is a trusted proxy by default")
        #expect(trusted.allSatisfy { $0.status == .failed && $0.errorMessage != nil }, "no token: refused, and still recorded")

        let untrusted = try await Self.recordedAfterShutdown(["TRUSTED_PROXIES": "10.0.0.0/8"], count: 5)
        #expect(untrusted.count == 5)
        #expect(untrusted.allSatisfy { $0.ipAddress == "127.0.0.1" }, "a client that is no proxy cannot choose its address")
    }
}
