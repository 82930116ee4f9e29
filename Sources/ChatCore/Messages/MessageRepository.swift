public import Foundation

/// Conversations and their messages, with per-member read state kept as "read up to sequence N".
public protocol MessageRepository: Sendable {
    /// The direct conversation between two users, created on first use.
    func directConversation(between a: ParticipantID, and b: ParticipantID, at date: Date) async throws -> ConversationID
    /// The direct conversation between two users, if any message or membership made one.
    func existingDirectConversation(between a: ParticipantID, and b: ParticipantID) async throws -> ConversationID?
    /// Stores a message with the next sequence number of its conversation, assigned at commit. A message with a
    /// `clientMessageID` the sender used before is not stored again: the stored one is returned.
    func append(_ message: NewMessage, to conversation: ConversationID, at date: Date) async throws -> SendResult
    /// Messages newest first: `limit` after skipping `offset`, or those before/after a sequence number.
    func messages(in conversation: ConversationID, limit: Int, offset: Int, beforeSeq: Int64?, afterSeq: Int64?) async throws -> [Message]
    func messageCount(in conversation: ConversationID) async throws -> Int
    /// The newest message of a conversation.
    func lastMessage(in conversation: ConversationID) async throws -> Message?
    /// The sequence number `member` has read up to (0: nothing).
    func readSeq(of member: ParticipantID, in conversation: ConversationID) async throws -> Int64
    /// In one read: the conversation's newest sequence number (its message count) and how far each member has
    /// read. A member missing from `readSeq` has no membership; an unknown conversation reads as `lastSeq` 0.
    func readPositions(in conversation: ConversationID) async throws -> ReadPositions
    /// Who takes part in the conversation (empty when there is no such conversation).
    func members(of conversation: ConversationID) async throws -> [ParticipantID]
    /// Whether `user` is a member of a conversation holding a message that carries the attachment: who may
    /// download a file sent in a conversation.
    func sharesAttachment(_ attachmentID: Int64, with user: ParticipantID) async throws -> Bool
    /// Everyone who shares a conversation of any kind with `user` (not `user`): who hears of its presence. The
    /// public channel does not count: its membership makes nobody a contact.
    func contacts(of user: ParticipantID) async throws -> [ParticipantID]
    /// Marks everything up to the conversation's newest message read for `member`; returns how many of the other
    /// members' messages that newly covered.
    @discardableResult
    func markAllRead(by member: ParticipantID, in conversation: ConversationID) async throws -> Int
    /// `member`'s direct conversations, newest message first, each with the partner and the unread count — in
    /// one query, whatever the number of partners.
    func chatList(of member: ParticipantID) async throws -> [ChatSummary]
    /// The newest `limit` messages others sent `member` in its direct conversations, newest first.
    func received(by member: ParticipantID, limit: Int) async throws -> [Message]
}

/// Seed 001's friendships: two accepted rows per pair.
public protocol FriendshipRepository: Sendable {
    /// Creates both directions; false when they were friends already.
    func befriend(_ a: ParticipantID, _ b: ParticipantID, at date: Date) async throws -> Bool
    func areFriends(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool
    /// Whether a row exists in either direction (seed 003's friend check).
    func anyRow(_ a: ParticipantID, _ b: ParticipantID) async throws -> Bool
    /// Removes both directions (idempotent).
    func unfriend(_ a: ParticipantID, _ b: ParticipantID) async throws
    func friendships(of user: ParticipantID) async throws -> [Friendship]
}
