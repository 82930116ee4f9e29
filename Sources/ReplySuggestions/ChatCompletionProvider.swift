/// The text of a streamed completion, fragment by fragment, in order. It finishes when the provider says the answer
/// is complete and throws a ``ChatCompletionError`` when the answer breaks off. Ending the iteration (or cancelling
/// the task iterating) cancels the provider's request.
public typealias ChatCompletionStream = AsyncThrowingStream<String, any Error>

/// A chat-completion service that streams its answers.
public protocol ChatCompletionProvider: Sendable {
    /// Starts a streamed completion. Returns once the provider has accepted the request (its answer began as an
    /// event stream); throws a ``ChatCompletionError`` when it refused, could not be reached, or did not begin in
    /// time. Cancelling the calling task cancels the request.
    func streamCompletion(_ request: ChatCompletionRequest) async throws -> ChatCompletionStream
}
