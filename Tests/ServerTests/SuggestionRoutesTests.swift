import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import ReplySuggestions
import Server
import TestSupport
import Testing

/// Seed 003's AI reply suggestions (contracts/seed003 §6) against an OpenAI-compatible provider double.
@Suite("AI reply suggestions")
struct SuggestionRoutesTests {
    /// Runs `test` with the double live and the server configured with `values` plus every provider pointed at
    /// the double: `doubao` as model `ep-test` with key `sk-doubao`, the others with their default models.
    static func withDouble(
        _ double: ProviderDouble = ProviderDouble(),
        _ values: [String: String] = [:],
        testing: TestingSetup = .router,
        _ test: @escaping @Sendable (any TestClientProtocol, ProviderDouble) async throws -> Void
    ) async throws {
        let app = Application(router: double.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { doubleClient in
            let base = "http://127.0.0.1:\(try #require(doubleClient.port))/v1"
            var settings = ["AI_DOUBAO_MODEL": "ep-test"]
            for name in SuggestionRoutes<AppRequestContext>.knownModels {
                settings["AI_\(name.uppercased())_BASE_URL"] = base
                settings["AI_\(name.uppercased())_API_KEY"] = "sk-\(name)"
            }
            try await TestServer.withApp(settings.merging(values) { _, new in new }, testing: testing) { client, _ in try await test(client, double) }
        }
    }

    /// The `data:` payloads of an event stream, in order.
    static func events(_ text: String) throws -> [[String: Any]] {
        var parser = ServerSentEventParser()
        return try parser.parse(Array(text.utf8)).map { try #require(JSONSerialization.jsonObject(with: Data($0.data.utf8)) as? [String: Any]) }
    }

    static func suggest(
        _ client: some TestClientProtocol,
        token: String?,
        body: String,
        contentType: String = "application/json"
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, text: String) {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/api/ai/suggest/stream", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, $0.headers, String(buffer: $0.body))
        }
    }

    @Test func requestsAreCheckedInTheContractsOrder() async throws {
        try await Self.withDouble { client, double in
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice", "bob"])
            let alice = tokens["alice"]!
            let me = ids["alice"]!
            let missing = try await client.json("/api/ai/suggest/stream", body: "{}")
            #expect(missing.status == .unauthorized && (missing.body["msg"] as? String)?.hasPrefix("Missing JWT") == true)
            let guest = try await PublicChannelTests.guestToken(client)
            #expect(try await Self.suggest(client, token: guest, body: #"{"current_user_id": 0, "messages": []}"#).status == .forbidden)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("", "application/json", .badRequest, "No JSON data provided"),
                ("{}", "application/json", .badRequest, "No JSON data provided"),
                ("[1]", "application/json", .badRequest, "No JSON data provided"),
                ("{not json", "application/json", .badRequest, "Invalid JSON body"),
                (#"{"model": "doubao"}"#, "text/plain", .unsupportedMediaType, "Content-Type must be application/json"),
                (#"{"model": "gpt-4", "messages": []}"#, "application/json", .badRequest, "Invalid model"),
                (#"{"model": 5}"#, "application/json", .badRequest, "Invalid model"),
                (
                    #"{"model": "GROK", "messages": [{"sender_id": 1, "content": "x"}]}"#, "application/json", .badRequest,
                    "current_user_id is required"
                ),
                (#"{"current_user_id": \#(ids["bob"]!), "messages": []}"#, "application/json", .forbidden, "只能为自己请求回复建议"),
                (#"{"current_user_id": "\#(me)"}"#, "application/json", .badRequest, "messages is required"),
                (#"{"current_user_id": \#(me), "messages": []}"#, "application/json", .badRequest, "messages is required"),
                (#"{"current_user_id": \#(me), "messages": "hi"}"#, "application/json", .badRequest, "messages must be a list"),
                (
                    #"{"current_user_id": \#(me), "messages": [{"sender_id": 0, "content": "x"}, {"sender_id": 2, "content": ""}, 7]}"#,
                    "application/json",
                    .badRequest, "messages has no message with a sender_id and content"
                ),
                (
                    #"{"current_user_id": \#(me), "conversation": {"user": 1}}"#, "application/json", .badRequest,
                    "conversation must name friend_id or group_id"
                ),
            ]
            for (body, type, status, error) in cases {
                let reply = try await Self.suggest(client, token: alice, body: body, contentType: type)
                #expect(reply.status == status, "\(body)")
                #expect(try TestServer.json(ByteBuffer(string: reply.text))["error"] as? String == error, "\(body)")
            }
            #expect(double.received.isEmpty)
        }
    }

    @Test func eachProviderStreamsTheSuggestionWithItsOwnModelAndKey() async throws {
        try await Self.withDouble { client, double in
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice"])
            let me = ids["alice"]!
            let expected: [(String, String)] = [
                ("DouBao", "ep-test"), ("gemini", "gemini-1.5-flash"), ("DeepSeek", "deepseek-chat"), ("grok", "grok-2-1212"),
            ]
            for (index, (asked, model)) in expected.enumerated() {
                let body =
                    #"{"model": "\#(asked)", "current_user_id": "\#(me)", "messages": [{"sender_id": 9, "content": "明天有空吗？"}, {"sender_id": null, "content": "skip me"}, {"sender_id": \#(me), "content": "有"}]}"#
                let reply = try await Self.suggest(client, token: tokens["alice"], body: body)
                #expect(reply.status == .ok)
                #expect(reply.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                #expect(reply.headers[HTTPField.Name("X-Accel-Buffering")!] == "no")
                #expect(reply.headers[HTTPField.Name("X-Suggestion-Id")!]?.count == 36)
                #expect(reply.text.contains("id: 1\ndata: "))
                let events = try Self.events(reply.text)
                #expect(events.compactMap { $0["content"] as? String }.joined() == "你好，明天见")
                #expect(events.allSatisfy { $0["error"] == nil })
                let sent = try #require(double.received.last)
                #expect(double.received.count == index + 1)
                #expect(sent.model == model)
                #expect(sent.authorization == "Bearer sk-\(asked.lowercased())")
                #expect(sent.prompt.contains("用户9: 明天有空吗？\n用户\(me): 有"))
                #expect(sent.prompt.contains("请以用户\(me)的身份") && !sent.prompt.contains("skip me"))
            }
            // The default model is doubao.
            _ = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "messages": [{"sender_id": 1, "content": "hi"}]}"#
            )
            #expect(double.received.last?.model == "ep-test")
        }
    }

    @Test func failuresAreErrorEvents() async throws {
        let double = ProviderDouble()
        double.script("gemini-1.5-flash", .fixed(status: 429, contentType: "application/json", body: #"{"error": "quota for sk-gemini"}"#))
        double.script("deepseek-chat", .stream(Array(ProviderDouble.fragments(["一半"]).prefix(2)) + [.end]))
        double.script("grok-2-1212", .fixed(status: 200, contentType: "text/html", body: "<html></html>"))
        try await Self.withDouble(double, ["AI_DOUBAO_BASE_URL": ""]) { client, _ in
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice"])
            func events(_ model: String) async throws -> [[String: Any]] {
                let body = #"{"model": "\#(model)", "current_user_id": \#(ids["alice"]!), "messages": [{"sender_id": 1, "content": "hi"}]}"#
                let reply = try await Self.suggest(client, token: tokens["alice"], body: body)
                #expect(reply.status == .ok)
                #expect(!reply.text.contains("sk-"))
                return try Self.events(reply.text)
            }
            for model in ["doubao", "gemini", "grok"] {
                let only = try await events(model)
                #expect(only.count == 1 && only.first?["error"] as? String == "Failed to get AI response", "\(model)")
            }
            let dropped = try await events("deepseek")
            #expect(dropped.count == 2 && dropped[0]["content"] as? String == "一半")
            #expect(dropped[1]["error"] as? String == "The AI response was interrupted")
        }
    }

    @Test func aConversationIsReadOnlyWhereTheCallerBelongs() async throws {
        try await Self.withDouble { client, double in
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice", "bob"])
            for (name, text) in [("bob", "周末去爬山吗"), ("alice", "好啊")] {
                let sent = try await client.json("/api/chat/send", token: tokens[name], body: #"{"group_id": 1, "content": "\#(text)"}"#)
                #expect(sent.status == .ok || sent.status == .created)
            }
            let me = ids["alice"]!
            let reply = try await Self.suggest(client, token: tokens["alice"], body: #"{"current_user_id": \#(me), "conversation": {"group_id": 1}}"#)
            #expect(reply.status == .ok)
            #expect(double.received.last?.prompt.contains("用户\(ids["bob"]!): 周末去爬山吗\n用户\(me): 好啊") == true)
            let secret = try await client.json("/api/group/create", token: tokens["bob"], body: #"{"name": "私密", "owner_id": \#(ids["bob"]!)}"#)
            let secretID = try #require((secret.body["group_id"] ?? secret.body["id"]) as? Int)
            let refused = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "conversation": {"group_id": \#(secretID)}}"#
            )
            #expect(refused.status == .forbidden)
            let none = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "conversation": {"friend_id": \#(ids["bob"]!)}}"#
            )
            #expect(none.status == .notFound)
            let both = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "conversation": {"group_id": 1}, "messages": [{"sender_id": 1, "content": "x"}]}"#
            )
            #expect(both.status == .badRequest)
            #expect(double.received.count == 1)
        }
    }

    @Test func aLongTranscriptKeepsItsNewestMessagesAndTheQuotaHolds() async throws {
        try await Self.withDouble(ProviderDouble(), ["AI_REQUESTS_PER_MINUTE": "2"]) { client, double in
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice"])
            let me = ids["alice"]!
            let messages = (1...300).map { #"{"sender_id": 2, "content": "第\#($0)条 \#(String(repeating: "啊", count: 300))"}"# }.joined(separator: ",")
            let long = try await Self.suggest(client, token: tokens["alice"], body: #"{"current_user_id": \#(me), "messages": [\#(messages)]}"#)
            #expect(long.status == .ok)
            let prompt = try #require(double.received.last?.prompt)
            #expect(prompt.contains("第300条") && !prompt.contains("第1条 ") && prompt.count < 9000)
            _ = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "messages": [{"sender_id": 2, "content": "x"}]}"#
            )
            let limited = try await Self.suggest(
                client,
                token: tokens["alice"],
                body: #"{"current_user_id": \#(me), "messages": [{"sender_id": 2, "content": "x"}]}"#
            )
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect(wait >= 1 && wait <= 60)
            #expect(double.received.count == 2)
        }
    }

    /// Reads a live stream's events until `stop` says enough (then drops the connection) or the stream ends.
    static func read(
        _ request: HTTPClientRequest,
        until stop: @Sendable ([ServerSentEvent]) -> Bool = { _ in false }
    ) async throws -> (status: Int, id: String?, events: [ServerSentEvent], raw: String) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var raw = ""
        for try await buffer in response.body {
            raw += String(buffer: buffer)
            events += try parser.parse(buffer.readableBytesView)
            if stop(events) { break }
        }
        return (Int(response.status.code), response.headers.first(name: "X-Suggestion-Id"), events, raw)
    }

    static func post(_ port: Int, token: String, body: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/ai/suggest/stream")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        return request
    }

    static func resume(_ port: Int, id: String, token: String, after last: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/ai/suggestions/\(id)/stream")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Last-Event-ID", value: last)
        return request
    }

    @Test func aDroppedClientResumesFromLastEventIDWithoutASecondRequest() async throws {
        let double = ProviderDouble()
        let words = (1...30).map { "词\($0) " }
        double.script("ep-test", .stream(ProviderDouble.fragments(words, pause: .milliseconds(30))))
        try await Self.withDouble(double, testing: .live) { client, double in
            let port = try #require(client.port)
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice", "bob"])
            let body = #"{"current_user_id": \#(ids["alice"]!), "messages": [{"sender_id": 2, "content": "在吗"}]}"#
            let first = try await Self.read(Self.post(port, token: tokens["alice"]!, body: body)) { $0.count >= 3 }
            #expect(first.status == 200)
            let id = try #require(first.id)
            let last = try #require(first.events.last?.id)
            #expect(last == "3")
            // Someone else may not listen in; an unknown id is not found.
            #expect(try await Self.read(Self.resume(port, id: id, token: tokens["bob"]!, after: "0")).status == 403)
            #expect(try await Self.read(Self.resume(port, id: "unknown", token: tokens["alice"]!, after: "0")).status == 404)
            let rest = try await Self.read(Self.resume(port, id: id, token: tokens["alice"]!, after: last))
            #expect(rest.status == 200)
            #expect((first.events + rest.events).map(\.id) == (1...30).map { String($0) })
            let text = (first.events + rest.events).compactMap { event in
                (try? JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])?["content"] as? String
            }
            #expect(text == words)
            #expect(double.received.count == 1)
            // After the end, the whole suggestion replays.
            #expect(try await Self.read(Self.resume(port, id: id, token: tokens["alice"]!, after: "28")).events.map(\.id) == ["29", "30"])
        }
    }

    @Test func aClientThatLeavesForGoodStopsTheProvider() async throws {
        let double = ProviderDouble()
        // 1,000 fragments 20 ms apart: 20 seconds, were the provider left to finish.
        double.script("ep-test", .stream(ProviderDouble.fragments(Array(repeating: "字", count: 1000), pause: .milliseconds(20))))
        try await Self.withDouble(double, ["AI_RESUME_SECONDS": "1"], testing: .live) { client, double in
            let port = try #require(client.port)
            let (tokens, ids) = try await PublicChannelTests.register(client, ["alice"])
            let body = #"{"current_user_id": \#(ids["alice"]!), "messages": [{"sender_id": 2, "content": "在吗"}]}"#
            _ = try await Self.read(Self.post(port, token: tokens["alice"]!, body: body)) { $0.count >= 2 }
            let left = ContinuousClock.now
            for _ in 0..<500 where double.streamsLeft == 0 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(double.streamsLeft == 1)
            // The resume window (1 s) and the time to notice the client left, with slack for a loaded machine.
            #expect(ContinuousClock.now - left < .seconds(8))
            #expect(double.stepsWritten < 600)
        }
    }

    @Test func aSilentStreamGetsKeepAliveComments() async throws {
        let double = ProviderDouble()
        double.script(
            "slow",
            .stream(Array(ProviderDouble.fragments(["慢"]).prefix(1)) + [.pause(.milliseconds(700))] + ProviderDouble.fragments(["慢"]).dropFirst())
        )
        let app = Application(router: double.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { doubleClient in
            let provider = OpenAICompatibleProvider(endpoint: .init(baseURL: "http://127.0.0.1:\(doubleClient.port!)/v1", apiKey: nil, model: "slow"))
            try await TestServer.withApp { full, services in
                let token = try await AuthRoutesTests.register(full, "alice")
                let me = try await MessageRoutesTests.userID(full, token)
                // Mounted alone on the shell, as an embedding program would, with a short keep-alive.
                let router = RapportServer.buildRouter(
                    database: services.database,
                    configuration: try TestServer.configuration(),
                    auth: services.auth
                )
                SuggestionRoutes(providers: ["doubao": provider], keepAlive: .milliseconds(200)).addRoutes(to: router)
                try await Application(router: router).test(.router) { client in
                    let reply = try await Self.suggest(
                        client,
                        token: token,
                        body: #"{"current_user_id": \#(me), "messages": [{"sender_id": 2, "content": "x"}]}"#
                    )
                    #expect(reply.text.contains(": keep-alive\n\n"))
                    #expect(try Self.events(reply.text).compactMap { $0["content"] as? String } == ["慢"])
                }
            }
        }
    }
}
