import ReplySuggestions
import Testing

@Suite("Reply suggestion prompts")
struct ReplySuggesterTests {
    @Test func theTranscriptIsOneLinePerMessageAndNamesTheUser() {
        let lines = [
            TranscriptLine(sender: "2", content: "明天一起吃饭吗？"), TranscriptLine(sender: nil, content: "x"), TranscriptLine(sender: "5", content: ""),
        ]
        .compactMap { $0 }
        #expect(lines.count == 1)
        let request = ReplySuggester().request(for: lines + [TranscriptLine(sender: "5", content: "几点？")!], replyingAs: "5")
        #expect(request.messages.count == 2)
        #expect(request.messages[0].role == .system && request.messages[0].content == ReplySuggester.systemPrompt)
        #expect(request.messages[1].role == .user)
        #expect(request.messages[1].content.contains("用户2: 明天一起吃饭吗？\n用户5: 几点？"))
        #expect(request.messages[1].content.contains("请以用户5的身份"))
    }

    @Test func aLongTranscriptLosesItsOldestMessagesAndLongMessagesAreCut() {
        let suggester = ReplySuggester(maximumTranscriptLength: 100, maximumMessageLength: 20)
        let lines = (1...30).map { TranscriptLine(sender: "1", content: "message \($0)")! }
        let (text, omitted) = suggester.transcript(lines)
        #expect(text.count <= 100)
        #expect(text.hasSuffix("用户1: message 30"))
        #expect(!text.contains("message 1\n"))
        #expect(omitted == 30 - text.split(separator: "\n").count)
        let long = suggester.transcript([TranscriptLine(sender: "1", content: String(repeating: "长", count: 50))!]).text
        #expect(long == "用户1: " + String(repeating: "长", count: 19) + "…")
    }
}
