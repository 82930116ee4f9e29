/// One message of the conversation a reply is suggested for: who sent it (as the chat names users) and what.
public struct TranscriptLine: Sendable, Equatable {
    public var sender: String
    public var content: String

    /// `nil` for a message without a sender or without content: such messages are skipped.
    public init?(sender: String?, content: String?) {
        guard let sender, !sender.isEmpty, let content, !content.isEmpty else { return nil }
        self.sender = sender
        self.content = content
    }
}
