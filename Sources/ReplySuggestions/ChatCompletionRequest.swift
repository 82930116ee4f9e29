/// What a provider is asked: the conversation and how to sample the answer. The model is the provider's own
/// configuration (one provider serves one model).
public struct ChatCompletionRequest: Sendable, Equatable {
    public var messages: [ChatMessage]
    /// `nil` leaves the provider's default.
    public var temperature: Double?
    /// The longest answer in tokens; `nil` leaves the provider's default.
    public var maxTokens: Int?

    public init(messages: [ChatMessage], temperature: Double? = nil, maxTokens: Int? = nil) {
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}
