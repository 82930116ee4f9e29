import ReplySuggestions
import Testing

@Suite("Server-sent event parsing")
struct ServerSentEventParserTests {
    static let stream =
        "\u{FEFF}: a comment\ndata: {\"content\": \"好的，明天见\"}\n\nevent: note\r\ndata: one\r\ndata: two\r\nid: 7\r\n\r\ndata:no space\rretry: 100\r\r"
    static let expected = [
        ServerSentEvent(data: #"{"content": "好的，明天见"}"#),
        ServerSentEvent(event: "note", data: "one\ntwo", id: "7"),
        ServerSentEvent(data: "no space", id: "7"),
    ]

    @Test func aWholeStreamGivesItsEvents() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.parse(Array(Self.stream.utf8)) == Self.expected)
    }

    /// Every split point, including inside `data:` and inside a three-byte character, gives the same events.
    @Test func readsSplitAnywhereGiveTheSameEvents() throws {
        let bytes = Array(Self.stream.utf8)
        for cut in 1..<bytes.count {
            var parser = ServerSentEventParser()
            let events = try parser.parse(bytes[..<cut]) + parser.parse(bytes[cut...])
            #expect(events == Self.expected, "split at \(cut)")
        }
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in bytes { events += try parser.parse([byte]) }
        #expect(events == Self.expected)
    }

    @Test func anEventWithoutItsBlankLineIsNotDispatched() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.parse(Array("data: complete\n\ndata: cut off".utf8)) == [ServerSentEvent(data: "complete")])
        parser.finish()
        #expect(try parser.parse(Array("\n\n".utf8)).isEmpty)
    }

    @Test func aLineLongerThanTheLimitIsRefused() {
        var parser = ServerSentEventParser(maximumLineLength: 64)
        #expect(throws: ServerSentEventParser.LineTooLong.self) { try parser.parse(Array(repeating: UInt8(ascii: "a"), count: 65)) }
    }
}
