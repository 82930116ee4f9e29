public import Foundation
import Metrics

/// Conversations and messages in memory.
public actor MessageMemoryRepository: MessageRepository {
    struct Conversation {
        var kind: ConversationKind
        var members: [ParticipantID: Int64]
        var messages: [Message] = []
    }

    private var conversations: [ConversationID: Conversation] = [:]
    private var directIndex: [String: ConversationID] = [:]
    /// Conversation 1 is the public channel (``ChatGroup/publicChannelID``), as the SQL migrations make it.
    private var nextConversation: Int64 = 2
    private var nextMessage: Int64 = 1

    public init() {
        self.conversations[ChatGroup.publicChannelID] = Conversation(kind: .group, members: [:])
    }

    static func directKey(_ a: ParticipantID, _ b: ParticipantID) -> String { "\(min(a, b).rawValue):\(max(a, b).rawValue)" }

    public func directConversation(between a: ParticipantID, and b: ParticipantID, at date: Date) -> ConversationID {
        if let id = self.directIndex[Self.directKey(a, b)] { return id }
        let id = ConversationID(self.nextConversation)
        self.nextConversation += 1
        self.conversations[id] = Conversation(kind: .direct, members: [a: 0, b: 0])
        self.directIndex[Self.directKey(a, b)] = id
        return id
    }

    public func existingDirectConversation(between a: ParticipantID, and b: ParticipantID) -> ConversationID? {
        self.directIndex[Self.directKey(a, b)]
    }

    public func append(_ new: NewMessage, to conversation: ConversationID, at date: Date) throws -> SendResult {
        guard var stored = self.conversations[conversation] else { throw ChatError.conversationNotFound }
        if let clientID = new.clientMessageID {
            for other in self.conversations.values {
                if let found = other.messages.first(where: { $0.senderID == new.senderID && $0.clientMessageID == clientID }) {
                    return SendResult(message: found, created: false)
                }
            }
        }
        let message = Message(
            id: self.nextMessage,
            conversationID: conversation,
            seq: Int64(stored.messages.count + 1),
            senderID: new.senderID,
            content: new.content,
            type: new.type,
            clientMessageID: new.clientMessageID,
            createdAt: date,
            attachmentID: new.attachmentID
        )
        self.nextMessage += 1
        stored.messages.append(message)
        self.conversations[conversation] = stored
        Counter(label: "rapport_messages_stored_total").increment()
        return SendResult(message: message, created: true)
    }

    public func messages(in conversation: ConversationID, limit: Int, offset: Int, beforeSeq: Int64?, afterSeq: Int64?) -> [Message] {
        var messages = self.conversations[conversation]?.messages ?? []
        if let beforeSeq { messages = messages.filter { $0.seq < beforeSeq } }
        if let afterSeq {
            // Forward from a position: the oldest `limit` after it, still returned newest first.
            return Array(messages.filter { $0.seq > afterSeq }.prefix(limit).reversed())
        }
        return Array(messages.reversed().dropFirst(offset).prefix(limit))
    }

    public func messageCount(in conversation: ConversationID) -> Int { self.conversations[conversation]?.messages.count ?? 0 }

    public func lastMessage(in conversation: ConversationID) -> Message? { self.conversations[conversation]?.messages.last }

    public func readSeq(of member: ParticipantID, in conversation: ConversationID) -> Int64 {
        self.conversations[conversation]?.members[member] ?? 0
    }

    public func readPositions(in conversation: ConversationID) -> ReadPositions {
        ReadPositions(lastSeq: Int64(self.messageCount(in: conversation)), readSeq: self.conversations[conversation]?.members ?? [:])
    }

    public func contacts(of user: ParticipantID) -> [ParticipantID] {
        Set(self.conversations.filter { $0.key != ChatGroup.publicChannelID && $0.value.members[user] != nil }.flatMap(\.value.members.keys))
            .subtracting([user]).sorted()
    }

    /// A new group conversation with these members (for ``GroupMemoryRepository``).
    func groupConversation(members: [ParticipantID]) -> ConversationID {
        let id = ConversationID(self.nextConversation)
        self.nextConversation += 1
        self.conversations[id] = Conversation(kind: .group, members: Dictionary(uniqueKeysWithValues: members.map { ($0, 0) }))
        return id
    }

    /// Sets who is in a conversation; members who stay keep their read position.
    func setMembers(_ members: [ParticipantID], of conversation: ConversationID) {
        guard var stored = self.conversations[conversation] else { return }
        stored.members = Dictionary(uniqueKeysWithValues: members.map { ($0, stored.members[$0] ?? 0) })
        self.conversations[conversation] = stored
    }

    public func sharesAttachment(_ attachmentID: Int64, with user: ParticipantID) -> Bool {
        self.conversations.values.contains { $0.members[user] != nil && $0.messages.contains { $0.attachmentID == attachmentID } }
    }

    public func members(of conversation: ConversationID) -> [ParticipantID] {
        (self.conversations[conversation]?.members.keys).map { Array($0).sorted() } ?? []
    }

    public func markAllRead(by member: ParticipantID, in conversation: ConversationID) -> Int {
        guard var stored = self.conversations[conversation] else { return 0 }
        let from = stored.members[member] ?? 0
        let covered = stored.messages.filter { $0.seq > from && $0.senderID != member }.count
        stored.members[member] = Int64(stored.messages.count)
        self.conversations[conversation] = stored
        return covered
    }

    public func chatList(of member: ParticipantID) -> [ChatSummary] {
        var result: [ChatSummary] = []
        for (id, conversation) in self.conversations where conversation.kind == .direct && conversation.members[member] != nil {
            guard let last = conversation.messages.last,
                let partner = conversation.members.keys.first(where: { $0 != member }) ?? conversation.members.keys.first
            else { continue }
            let read = conversation.members[member] ?? 0
            let unread = conversation.messages.filter { $0.seq > read && $0.senderID != member }.count
            result.append(ChatSummary(conversationID: id, partnerID: partner, lastMessage: last, unreadCount: unread))
        }
        return result.sorted { ($0.lastMessage.createdAt, $0.lastMessage.id) > ($1.lastMessage.createdAt, $1.lastMessage.id) }
    }

    public func received(by member: ParticipantID, limit: Int) -> [Message] {
        let received = self.conversations.values.filter { $0.kind == .direct && $0.members[member] != nil }
            .flatMap { $0.messages.filter { $0.senderID != member } }
        return Array(received.sorted { $0.id > $1.id }.prefix(max(limit, 0)))
    }
}

/// Friendships in memory.
public actor FriendshipMemoryRepository: FriendshipRepository {
    private var rows: [String: Friendship] = [:]

    public init() {}

    static func key(_ a: ParticipantID, _ b: ParticipantID) -> String { "\(a.rawValue)>\(b.rawValue)" }

    public func befriend(_ a: ParticipantID, _ b: ParticipantID, at date: Date) -> Bool {
        guard self.rows[Self.key(a, b)] == nil, self.rows[Self.key(b, a)] == nil else { return false }
        self.rows[Self.key(a, b)] = Friendship(userID: a, friendID: b, createdAt: date)
        self.rows[Self.key(b, a)] = Friendship(userID: b, friendID: a, createdAt: date)
        return true
    }

    public func areFriends(_ a: ParticipantID, _ b: ParticipantID) -> Bool { self.rows[Self.key(a, b)] != nil }

    public func anyRow(_ a: ParticipantID, _ b: ParticipantID) -> Bool {
        self.rows[Self.key(a, b)] != nil || self.rows[Self.key(b, a)] != nil
    }

    public func unfriend(_ a: ParticipantID, _ b: ParticipantID) {
        self.rows[Self.key(a, b)] = nil
        self.rows[Self.key(b, a)] = nil
    }

    public func friendships(of user: ParticipantID) -> [Friendship] {
        self.rows.values.filter { $0.userID == user }.sorted { $0.friendID < $1.friendID }
    }
}
