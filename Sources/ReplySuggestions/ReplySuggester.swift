/// Builds the completion request that asks for a user's next reply in a conversation.
///
/// The transcript is one line `用户<sender>: <content>` per message, oldest first, after a system prompt that
/// sets the task and before a user prompt that names `用户<user>`, whose reply is wanted, and asks for one plausible
/// reply in that user's own tone. A transcript too long for the prompt loses its oldest messages, and a single
/// message longer than ``maximumMessageLength`` is cut, so the newest context always fits.
public struct ReplySuggester: Sendable {
    /// The longest transcript sent, in characters.
    public var maximumTranscriptLength: Int
    /// The longest single message sent, in characters; a longer one is cut and ends with `…`.
    public var maximumMessageLength: Int
    public var temperature: Double?
    /// The longest suggestion, in tokens.
    public var maxTokens: Int?

    public init(maximumTranscriptLength: Int = 8000, maximumMessageLength: Int = 1000, temperature: Double? = 0.7, maxTokens: Int? = 300) {
        self.maximumTranscriptLength = maximumTranscriptLength
        self.maximumMessageLength = max(1, min(maximumMessageLength, maximumTranscriptLength))
        self.temperature = temperature
        self.maxTokens = maxTokens
    }

    public static let systemPrompt =
        "你是一个聊天助手，负责根据聊天记录为用户建议下一条回复。只输出回复内容本身，不要解释，不要加引号或“用户X:”之类的前缀。"

    /// The transcript as sent: the newest messages that fit, oldest first, and how many older ones were left out.
    public func transcript(_ lines: [TranscriptLine]) -> (text: String, omitted: Int) {
        var kept: [String] = []
        var length = 0
        for line in lines.reversed() {
            var content = line.content
            if content.count > self.maximumMessageLength {
                content = String(content.prefix(self.maximumMessageLength - 1)) + "…"
            }
            let text = "用户\(line.sender): \(content)"
            let added = text.count + (kept.isEmpty ? 0 : 1)
            guard length + added <= self.maximumTranscriptLength else { break }
            kept.append(text)
            length += added
        }
        return (kept.reversed().joined(separator: "\n"), lines.count - kept.count)
    }

    /// The request asking for `user`'s next reply after `lines`.
    public func request(for lines: [TranscriptLine], replyingAs user: String) -> ChatCompletionRequest {
        let transcript = self.transcript(lines).text
        let prompt = "以下是最近的聊天记录：\n\(transcript)\n\n请以用户\(user)的身份，模仿用户\(user)平时说话的语气和风格，给出一条合理的回复。"
        return ChatCompletionRequest(messages: [.system(Self.systemPrompt), .user(prompt)], temperature: self.temperature, maxTokens: self.maxTokens)
    }
}
