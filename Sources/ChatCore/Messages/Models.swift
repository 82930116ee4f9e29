public import Foundation

/// A user as chat sees it: the internal integer id (0 is the guest / nobody).
public struct ParticipantID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(self.rawValue) }
    public static func < (a: ParticipantID, b: ParticipantID) -> Bool { a.rawValue < b.rawValue }
}

public struct ConversationID: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(self.rawValue) }
}

/// What a conversation is: two users (seeds 001/003 private chat), a group (seed 003) or a customer-service
/// conversation (seed 004). One message store serves them all.
public enum ConversationKind: String, Codable, Sendable {
    case direct, group, support
}

public enum MessageType: String, Codable, Sendable, CaseIterable {
    case text, emoji, image, file
}

/// One stored message. `seq` numbers it within its conversation, from 1, without gaps or duplicates.
public struct Message: Sendable, Equatable {
    public var id: Int64
    public var conversationID: ConversationID
    public var seq: Int64
    public var senderID: ParticipantID
    public var content: String
    public var type: MessageType
    public var clientMessageID: String?
    public var createdAt: Date
    /// The stored file a `file` or `image` message carries (an `Attachments` record's id), if it names one.
    public var attachmentID: Int64?

    public init(
        id: Int64,
        conversationID: ConversationID,
        seq: Int64,
        senderID: ParticipantID,
        content: String,
        type: MessageType,
        clientMessageID: String?,
        createdAt: Date,
        attachmentID: Int64? = nil
    ) {
        self.id = id
        self.conversationID = conversationID
        self.seq = seq
        self.senderID = senderID
        self.content = content
        self.type = type
        self.clientMessageID = clientMessageID
        self.createdAt = createdAt
        self.attachmentID = attachmentID
    }
}

/// A message to store.
public struct NewMessage: Sendable, Equatable {
    public var senderID: ParticipantID
    public var content: String
    public var type: MessageType
    public var clientMessageID: String?
    /// The stored file the message carries (an `Attachments` record's id).
    public var attachmentID: Int64?

    public init(
        senderID: ParticipantID,
        content: String,
        type: MessageType = .text,
        clientMessageID: String? = nil,
        attachmentID: Int64? = nil
    ) {
        self.senderID = senderID
        self.content = content
        self.type = type
        self.clientMessageID = clientMessageID
        self.attachmentID = attachmentID
    }
}

/// The outcome of a send: the stored message, and whether this call stored it or found it stored already
/// (a retry with the same client message id).
public struct SendResult: Sendable, Equatable {
    public var message: Message
    public var created: Bool
}

/// One entry of a user's chat list: the other participant, the newest message and how many of the partner's
/// messages are unread.
public struct ChatSummary: Sendable, Equatable {
    public var conversationID: ConversationID
    public var partnerID: ParticipantID
    public var lastMessage: Message
    public var unreadCount: Int
}

/// An accepted friendship as the owner sees it.
public struct Friendship: Sendable, Equatable {
    public var userID: ParticipantID
    public var friendID: ParticipantID
    public var createdAt: Date
}

public enum ChatError: Error, Sendable, Equatable {
    case emptyContent
    case contentTooLong(maximum: Int)
    case notFriends
    case cannotMessageSelf
    case conversationNotFound
}
