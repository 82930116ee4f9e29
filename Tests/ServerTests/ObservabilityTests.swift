import CRMAudit
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StorageKit
import Synchronization
import Testing

@testable import Server

/// Prometheus metrics (by route template, never raw path, plus Rapport's own), the metrics listener's client
/// check, and JSON log lines.
@Suite("Metrics and logs")
struct ObservabilityTests {
    static func exposition() -> String { String(decoding: RapportMetrics.exposition(), as: UTF8.self) }

    /// The value of the sample line starting with `prefix` (name and labels), or nil.
    static func sample(_ prefix: String) -> Double? {
        Self.exposition().split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } }
    }

    @Test func requestsAreCountedByRouteTemplateAndStatus() async throws {
        RapportMetrics.bootstrap()
        try await TestServer.withApp(["METRICS_PORT": "9464"]) { client, _ in
            let before =
                Self.sample(#"http_server_requests_total{http_route="/api/contacts/{id}",http_request_method="GET",http_response_status_code="401"}"#)
                ?? 0
            for id in [1, 2, 3] {
                try await client.execute(uri: "/api/contacts/\(id)", method: .get) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(uri: "/api/health", method: .get) { #expect($0.status == .ok) }
            let text = Self.exposition()
            #expect(
                Self.sample(#"http_server_requests_total{http_route="/api/contacts/{id}",http_request_method="GET",http_response_status_code="401"}"#)
                    == before + 3
            )
            #expect(text.contains(#"http_server_request_duration_seconds_bucket{http_route="/api/health""#))
            #expect(!text.contains("/api/contacts/1\""), "never the raw path")
        }
    }

    @Test func rapportsOwnMetricsAreRecorded() async throws {
        RapportMetrics.bootstrap()
        let before = Self.sample("rapport_messages_stored_total ") ?? 0
        let messages = MessageMemoryRepository()
        let conversation = try await messages.directConversation(between: ParticipantID(1), and: ParticipantID(2), at: Date())
        _ = try await messages.append(NewMessage(senderID: ParticipantID(1), content: "hi", type: .text), to: conversation, at: Date())
        #expect((Self.sample("rapport_messages_stored_total ") ?? 0) >= before + 1)
        let text = Self.exposition()
        #expect(text.contains("# TYPE rapport_messages_stored_total counter"))
    }

    @Test func theListenerAnswersOnlyAllowedClients() async throws {
        for (allowed, status) in [(["127.0.0.0/8", "::1/128"], HTTPResponse.Status.ok), (["10.0.0.0/8"], .forbidden)] {
            let controller = MetricsController(allowed: allowed.compactMap(AddressRange.init))
            let app = Application(router: controller.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == status)
                    if status == .ok {
                        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                    }
                }
            }
        }
        #expect(throws: ConfigurationError.self) { try TestServer.configuration(["METRICS_PORT": "8080", "PORT": "8080"]) }
        #expect(throws: ConfigurationError.self) { try TestServer.configuration(["METRICS_ALLOWED_CLIENTS": "everyone"]) }
        #expect(throws: ConfigurationError.self) { try TestServer.configuration(["LOG_FORMAT": "xml"]) }
    }

    @Test func jsonLogLinesCarryTheirMetadata() throws {
        let lines = Mutex<[[UInt8]]>([])
        var logger = Logger(label: "rapport.test") { label in
            JSONLogHandler(label: label, level: .debug) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.info("request \"done\"\nsecond line", metadata: ["status": "200", "message": "clash", "list": ["a", "b"]])
        logger.trace("below the level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.last == 10 && line.dropLast().allSatisfy { $0 != 10 }, "one line")
        let object = try JSONValue(parsing: Array(line.dropLast()))
        #expect(object["level"] == "info" && object["label"] == "rapport.test" && object["message"] == "request \"done\"\nsecond line")
        #expect(object["hb.request.id"] == "abc123" && object["status"] == "200" && object["list"] == ["a", "b"])
        #expect(object["metadata.message"] == "clash", "metadata never overwrites the line's own fields")
        #expect(object["time"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func textLogLinesReadAsSwiftLogsOwn() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "rapport.test") { label in
            TextLogHandler(label: label, level: .info) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.warning("audit store failing", metadata: ["path": "/api/x"])
        logger.debug("below the level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        // `2026-12-07T14:03:27+0000 warning rapport.test: hb.request.id=abc123 path=/api/x [ServerTests] audit store failing`
        let pattern =
            #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} warning rapport\.test: hb\.request\.id=abc123 path=/api/x \[ServerTests\] audit store failing\n$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    /// The media guard's fast path agrees with decoding: a private file is refused however it is spelled.
    @Test func privateMediaIsRecognisedHoweverSpelled() {
        let privatePaths = [
            "/api/media/uploads/chat/1_2_a_b.txt", "/api//media/uploads/chat/x", "/api/./media/uploads/tus/x", "/api/%6Dedia/uploads/chat/x",
            "/x/../api/media/uploads/partial/y", "//api/media/uploads/chat/x", "/api/media/uploads/%63hat/x", "/api/media/uploads/chat",
        ]
        for path in privatePaths { #expect(MediaHeadersMiddleware.isPrivate(path), "\(path)") }
        let publicPaths = [
            "/api/health", "/api/media/uploads/2026/12/07/a.png", "/api/media/avatars/x.png", "/api/media/uploads/Chat/x", "/api/file/uploads/chat/x",
        ]
        for path in publicPaths { #expect(!MediaHeadersMiddleware.isPrivate(path), "\(path)") }
    }

    /// Header words matched in any ASCII case, and nothing else folded.
    @Test func asciiWordsInAnyCase() {
        #expect(ASCIIText.contains("Application/JSON; charset=utf-8", "json") && !ASCIIText.contains("application/xml", "json"))
        #expect(ASCIIText.contains("JSON", "json") && !ASCIIText.contains("jso", "json") && !ASCIIText.contains("", "json"))
        #expect(ASCIIText.hasPrefix("Text/plain", "text/") && !ASCIIText.hasPrefix("x-text/", "text/"))
        #expect(ASCIIText.equals("BeArEr"[...].utf8, "bearer") && !ASCIIText.equals("bearers"[...].utf8, "bearer"))
        #expect(!ASCIIText.equals("b\u{C5}arer"[...].utf8, "bearer") && !ASCIIText.equals("BEARE["[...].utf8, "bearer"))
    }

    /// Excluded audit paths: `/` alone, `/x/` the directory itself and all under it, `/x` itself and all under `/x/`;
    /// OPTIONS never; route shapes and categories as the contract words them.
    @Test func auditExclusionsAndRouteShapes() throws {
        let recorder = AuditRecorder(
            store: AuditLogMemoryStore(sealer: try AuditSealer(key: Array(repeating: 7, count: 32))),
            logger: Logger(label: "t")
        )
        let audit = AuditMiddleware(recorder: recorder, excludedPaths: ["/", "/api/docs/", "/api/health"])
        func excluded(_ path: String, _ method: HTTPRequest.Method = .get) -> Bool {
            audit.isExcluded(Request(head: .init(method: method, scheme: "http", authority: "x", path: path), body: .init(buffer: ByteBuffer())))
        }
        #expect(excluded("/") && excluded("/api/docs") && excluded("/api/docs/") && excluded("/api/docs/x/y"))
        #expect(excluded("/api/health") && excluded("/api/health/deep") && excluded("/api/contacts", .options))
        #expect(!excluded("/api/healthz") && !excluded("/api/docsx") && !excluded("/api/contacts") && !excluded("/x"))
        let update = AuditRoute(method: .put, path: "/api/contacts/7/update", template: "/api/contacts/{id}/update", parameters: ["id": "7"])
        #expect(update.action == "UPDATE" && update.resourceType == "contact" && update.resourceID == "7")
        let login = AuditRoute(method: .post, path: "/api/auth/login", template: "/api/auth/login", parameters: [:])
        #expect(login.action == "LOGIN" && login.resourceType == "auth" && login.resourceID == nil)
        let again = AuditRoute(method: .delete, path: "/api/contacts/9/update", template: "/api/contacts/{id}/update", parameters: ["id": "9"])
        #expect(again.action == "DELETE" && again.resourceID == "9", "a cached shape takes the action from the method and reads the new id")
        #expect(
            AuditRoute.category(of: "/api/contacts") == "contact_management" && AuditRoute.category(of: "/api/contacts/1") == "contact_management"
        )
        #expect(AuditRoute.category(of: "/api/contactsx") == nil && AuditRoute.category(of: "/api/messages") == "messaging")
    }

    /// The audit's look into a response: the first string of each named member, escaped or not, wherever it is.
    @Test func auditFindsNamesAndErrorsInResponses() {
        func first(_ json: String, _ keys: [[UInt8]]) -> [String?] { AuditMiddleware.firstStrings(named: keys, in: Array(json.utf8)) }
        #expect(first(#"{"data":{"id":1,"name":"Bob"},"message":"成功"}"#, AuditMiddleware.nameKeys) == ["Bob", nil, nil, nil, nil])
        #expect(first(#"{"sender_username":"a","username":"b \"q\"","email":"e"}"#, AuditMiddleware.nameKeys) == [nil, nil, nil, "b \"q\"", "e"])
        #expect(first(#"{"detail":"bad","msg":"m","message":"first"}"#, AuditMiddleware.errorKeys) == ["first", "bad", "m"])
        #expect(first(#"{"name":"unterminated"#, AuditMiddleware.nameKeys) == [nil, nil, nil, nil, nil])
        #expect(first("\"", AuditMiddleware.nameKeys) == [nil, nil, nil, nil, nil])
        #expect(first("", AuditMiddleware.errorKeys) == [nil, nil, nil])
    }
}
