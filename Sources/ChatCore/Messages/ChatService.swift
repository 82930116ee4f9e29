public import Foundation
public import Logging

/// The chat rules over the repositories: who may message whom, what a message may hold, history with its
/// read-marking side effect, and the chat list.
public struct ChatService: Sendable {
    public let messages: any MessageRepository
    public let friendships: any FriendshipRepository
    /// The longest content accepted, in characters.
    public let maximumContentLength: Int
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        messages: any MessageRepository,
        friendships: any FriendshipRepository,
        maximumContentLength: Int = 10_000,
        logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.messages = messages
        self.friendships = friendships
        self.maximumContentLength = maximumContentLength
        self.logger = logger
        self.now = now
    }

    /// Sends a direct message to a friend. Content is trimmed and must not be empty or too long; a repeated
    /// `clientMessageID` returns the stored message.
    public func send(
        from sender: ParticipantID,
        to receiver: ParticipantID,
        content: String,
        type: MessageType = .text,
        clientMessageID: String? = nil,
        attachmentID: Int64? = nil
    ) async throws -> SendResult {
        let content = MessageText.trimmed(content)
        guard !content.isEmpty else { throw ChatError.emptyContent }
        guard content.unicodeScalars.count <= self.maximumContentLength else { throw ChatError.contentTooLong(maximum: self.maximumContentLength) }
        guard sender != receiver else { throw ChatError.cannotMessageSelf }
        guard try await self.friendships.areFriends(sender, receiver) else { throw ChatError.notFriends }
        let conversation = try await self.messages.directConversation(between: sender, and: receiver, at: self.now())
        let clientID = clientMessageID.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        return try await self.messages.append(
            NewMessage(senderID: sender, content: content, type: type, clientMessageID: clientID, attachmentID: attachmentID),
            to: conversation,
            at: self.now()
        )
    }

    /// One page of a direct conversation.
    public struct HistoryPage: Sendable {
        /// Oldest first.
        public var messages: [Message]
        public var total: Int
        /// How far each side has read, for every message's `is_read`.
        public var readSeq: [ParticipantID: Int64]
    }

    /// The history between `me` and `partner`: page `page` of `perPage` counted from the newest, returned oldest
    /// first — or the messages before or after a sequence number. Marks the partner's messages read for `me`.
    public func history(
        of me: ParticipantID,
        with partner: ParticipantID,
        page: Int,
        perPage: Int,
        beforeSeq: Int64? = nil,
        afterSeq: Int64? = nil
    ) async throws -> HistoryPage {
        guard try await self.friendships.areFriends(me, partner) else { throw ChatError.notFriends }
        guard let conversation = try await self.messages.existingDirectConversation(between: me, and: partner) else {
            return HistoryPage(messages: [], total: 0, readSeq: [:])
        }
        // Reading marks everything read; usually nothing is new, and one read of the positions shows it.
        var positions = try await self.messages.readPositions(in: conversation)
        if positions.readSeq[me] ?? 0 < positions.lastSeq {
            try await self.messages.markAllRead(by: me, in: conversation)
            positions = try await self.messages.readPositions(in: conversation)
        }
        let offset = beforeSeq == nil && afterSeq == nil ? (page - 1) * perPage : 0
        let newestFirst = try await self.messages.messages(in: conversation, limit: perPage, offset: offset, beforeSeq: beforeSeq, afterSeq: afterSeq)
        return HistoryPage(
            messages: newestFirst.reversed(),
            total: Int(positions.lastSeq),
            readSeq: [me: positions.readSeq[me] ?? 0, partner: positions.readSeq[partner] ?? 0]
        )
    }

    /// The newest message with a friend, and whether its receiver has read it.
    public func lastMessage(of me: ParticipantID, with partner: ParticipantID) async throws -> (message: Message, isRead: Bool)? {
        guard try await self.friendships.areFriends(me, partner) else { throw ChatError.notFriends }
        guard let conversation = try await self.messages.existingDirectConversation(between: me, and: partner),
            let message = try await self.messages.lastMessage(in: conversation)
        else { return nil }
        let receiver = message.senderID == me ? partner : me
        return (message, message.seq <= (try await self.messages.readSeq(of: receiver, in: conversation)))
    }

    /// Marks what `sender` sent `me` read; returns how many messages that covered.
    public func markRead(by me: ParticipantID, from sender: ParticipantID) async throws -> Int {
        guard let conversation = try await self.messages.existingDirectConversation(between: me, and: sender) else { return 0 }
        return try await self.messages.markAllRead(by: me, in: conversation)
    }

    public func chats(of me: ParticipantID) async throws -> [ChatSummary] {
        try await self.messages.chatList(of: me)
    }

    /// Stores a message in a group conversation after the content rules every path shares (HTTP, the socket,
    /// seed 003's chat routes): trimmed, not empty, not longer than ``maximumContentLength``. Membership is the
    /// caller's to check (it holds the group). A repeated `clientMessageID` returns the stored message.
    public func sendToGroup(
        _ group: ChatGroup,
        from sender: ParticipantID,
        content: String,
        type: MessageType = .text,
        clientMessageID: String? = nil,
        attachmentID: Int64? = nil
    ) async throws -> SendResult {
        let content = MessageText.trimmed(content)
        guard !content.isEmpty else { throw ChatError.emptyContent }
        guard content.unicodeScalars.count <= self.maximumContentLength else { throw ChatError.contentTooLong(maximum: self.maximumContentLength) }
        let clientID = clientMessageID.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        return try await self.messages.append(
            NewMessage(senderID: sender, content: content, type: type, clientMessageID: clientID, attachmentID: attachmentID),
            to: group.id,
            at: self.now()
        )
    }

    /// Who hears of `user`'s presence: everyone sharing a conversation with it, and its friends — not every
    /// connection, which would grow with the square of the users online. A store that cannot answer narrows the
    /// audience rather than failing the presence change.
    public func presenceAudience(of user: ParticipantID) async -> [ParticipantID] {
        let sharing = (try? await self.messages.contacts(of: user)) ?? []
        let friends = ((try? await self.friendships.friendships(of: user)) ?? []).map(\.friendID)
        return Array(Set(sharing + friends).subtracting([user]))
    }
}
