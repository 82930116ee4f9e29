import ChatCore

extension ChatError {
    /// A refused group message in the words every group path (HTTP and socket) answers with.
    var refusalText: String {
        switch self {
        case .emptyContent: "Content is empty"
        case .contentTooLong: "Content is too long"
        default: "Message refused"
        }
    }
}
