public import Foundation

/// Where a customer-service conversation stands (beyond seed 004): open, waiting on the customer, resolved, or
/// snoozed until a time.
public enum SupportStatus: String, Codable, Sendable, CaseIterable {
    case open, pending, resolved, snoozed
}

/// A customer-service conversation (seed 004): a customer and a merchant (or agent), each side's unread count,
/// the preview of the newest message, and who it is assigned to.
public struct SupportConversation: Sendable, Equatable {
    public var id: ConversationID
    public var customerID: ParticipantID
    public var merchantID: ParticipantID
    public var customerUnread: Int
    public var merchantUnread: Int
    public var lastMessage: String?
    public var lastMessageAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var assigneeID: ParticipantID?
    public var status: SupportStatus
    public var snoozedUntil: Date?

    public init(
        id: ConversationID,
        customerID: ParticipantID,
        merchantID: ParticipantID,
        customerUnread: Int = 0,
        merchantUnread: Int = 0,
        lastMessage: String? = nil,
        lastMessageAt: Date? = nil,
        createdAt: Date,
        updatedAt: Date,
        assigneeID: ParticipantID? = nil,
        status: SupportStatus = .open,
        snoozedUntil: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.merchantID = merchantID
        self.customerUnread = customerUnread
        self.merchantUnread = merchantUnread
        self.lastMessage = lastMessage
        self.lastMessageAt = lastMessageAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.assigneeID = assigneeID
        self.status = status
        self.snoozedUntil = snoozedUntil
    }

    public func isParticipant(_ user: ParticipantID) -> Bool { user == self.customerID || user == self.merchantID }

    /// Whose side `user` speaks for: the customer, or the merchant — the merchant and the assigned agent share the
    /// merchant's side (its unread count and read position). `nil` for anyone else.
    public func side(of user: ParticipantID) -> ParticipantID? {
        if user == self.customerID { return self.customerID }
        if user == self.merchantID || user == self.assigneeID { return self.merchantID }
        return nil
    }

    /// The merchant whose agents answer this conversation.
    public var teamID: ParticipantID { self.merchantID }

    /// Whether the conversation counts towards its assignee's load: it is open or waiting on the customer.
    public var isActive: Bool { self.status == .open || self.status == .pending }

    /// The other side of `user`'s conversation (the customer for anyone who is not the customer).
    public func counterpart(of user: ParticipantID) -> ParticipantID { user == self.customerID ? self.merchantID : self.customerID }

    /// What a new message changes: the preview and its time, the other side's unread count, and — for a message
    /// from the customer — a resolved or snoozed conversation opens again.
    public mutating func record(_ message: NewMessage, at date: Date) {
        self.lastMessage = Self.preview(of: message)
        self.lastMessageAt = date
        self.updatedAt = date
        if message.senderID == self.customerID {
            self.merchantUnread += 1
            if self.status == .resolved || self.status == .snoozed {
                self.status = .open
                self.snoozedUntil = nil
            }
        } else {
            self.customerUnread += 1
        }
    }

    /// Seed 004's preview: `[图片]`, `[文件]`, or the first 100 characters.
    public static func preview(of message: NewMessage) -> String {
        switch message.type {
        case .image: "[图片]"
        case .file: "[文件]"
        case .text, .emoji: String(message.content.prefix(100))
        }
    }
}

/// A message of a support conversation with whether its recipient has read it.
public struct SupportMessage: Sendable, Equatable {
    public var message: Message
    public var isRead: Bool

    public init(message: Message, isRead: Bool) {
        self.message = message
        self.isRead = isRead
    }
}

/// Which support conversations to list; `nil` fields do not filter.
public struct SupportConversationFilter: Sendable, Equatable {
    public var customerID: ParticipantID?
    public var merchantID: ParticipantID?
    /// Only conversations this user takes part in or is assigned to (non-admin callers) …
    public var participant: ParticipantID?
    /// … or, for an agent, that belong to the agent's team (the merchant it answers for).
    public var team: ParticipantID?
    public var status: SupportStatus?
    public var assignee: SupportAssigneeFilter?

    public init(
        customerID: ParticipantID? = nil,
        merchantID: ParticipantID? = nil,
        participant: ParticipantID? = nil,
        team: ParticipantID? = nil,
        status: SupportStatus? = nil,
        assignee: SupportAssigneeFilter? = nil
    ) {
        self.customerID = customerID
        self.merchantID = merchantID
        self.participant = participant
        self.team = team
        self.status = status
        self.assignee = assignee
    }

    func matches(_ conversation: SupportConversation) -> Bool {
        if let customerID, conversation.customerID != customerID { return false }
        if let merchantID, conversation.merchantID != merchantID { return false }
        if let participant, !conversation.isParticipant(participant), conversation.assigneeID != participant,
            self.team == nil || conversation.merchantID != self.team
        {
            return false
        }
        if let status, conversation.status != status { return false }
        switch self.assignee {
        case nil: break
        case .unassigned: if conversation.assigneeID != nil { return false }
        case .agent(let agent): if conversation.assigneeID != agent { return false }
        }
        return true
    }
}

/// Which assignee a conversation list asks for.
public enum SupportAssigneeFilter: Sendable, Equatable {
    case unassigned
    case agent(ParticipantID)
}

/// Which support messages to list (the admin monitor); `nil` fields do not filter.
public struct SupportMessageFilter: Sendable, Equatable {
    public var conversationID: ConversationID?
    public var senderID: ParticipantID?
    public var type: MessageType?
    /// Only messages of conversations this user takes part in or is assigned to (non-admin callers).
    public var participant: ParticipantID?

    public init(conversationID: ConversationID? = nil, senderID: ParticipantID? = nil, type: MessageType? = nil, participant: ParticipantID? = nil) {
        self.conversationID = conversationID
        self.senderID = senderID
        self.type = type
        self.participant = participant
    }
}

/// Customer-service conversations on the one message store. Messages get their conversation's sequence number
/// like every other message; "read" means the recipient's read position has reached it.
public protocol SupportRepository: Sendable {
    /// The conversation of this customer and merchant — in either order — created on first use.
    func conversation(customer: ParticipantID, merchant: ParticipantID, at date: Date) async throws -> SupportConversation
    func conversation(id: ConversationID) async throws -> SupportConversation?
    /// Most recently active first (then newest id), with the total count.
    func conversations(_ filter: SupportConversationFilter, offset: Int, limit: Int) async throws -> (items: [SupportConversation], total: Int)
    /// Stores a message and, in the same transaction, updates the preview, the time and the other side's unread
    /// count; a customer's message reopens a resolved or snoozed conversation. Throws ``ChatError/conversationNotFound``.
    func send(_ message: NewMessage, in id: ConversationID, at date: Date) async throws -> (conversation: SupportConversation, message: Message)
    /// A page of the conversation's messages, oldest or newest first, with the total.
    func messages(in id: ConversationID, ascending: Bool, offset: Int, limit: Int) async throws -> (items: [SupportMessage], total: Int)
    /// Messages across support conversations, newest first (the admin monitor), with the total.
    func messages(_ filter: SupportMessageFilter, offset: Int, limit: Int) async throws -> (items: [SupportMessage], total: Int)
    func message(id: Int64) async throws -> SupportMessage?
    /// Everything up to the newest message becomes read for `reader`'s side (see ``SupportConversation/side(of:)``),
    /// whose unread count drops to zero; nothing happens for anyone else.
    func markRead(by reader: ParticipantID, in id: ConversationID) async throws
    /// The message and everything before it becomes read for its recipient; false when there is no such message.
    func markMessageRead(id: Int64) async throws -> Bool
    /// Deletes one message; false when there is no such message.
    func deleteMessage(id: Int64) async throws -> Bool
}

/// Support conversations in memory, for tests and embedding without a database.
public actor SupportMemoryRepository: SupportRepository {
    var conversations: [ConversationID: SupportConversation] = [:]
    var agents: [ParticipantID: SupportAgent] = [:]
    private var messages: [ConversationID: [Message]] = [:]
    private var readSeq: [ConversationID: [ParticipantID: Int64]] = [:]
    private var lastSeq: [ConversationID: Int64] = [:]
    private var nextConversation: Int64 = 1
    private var nextMessage: Int64 = 1

    public init() {}

    public func conversation(customer: ParticipantID, merchant: ParticipantID, at date: Date) -> SupportConversation {
        if let found = self.conversations.values.first(where: {
            ($0.customerID == customer && $0.merchantID == merchant) || ($0.customerID == merchant && $0.merchantID == customer)
        }) {
            return found
        }
        let id = ConversationID(self.nextConversation)
        self.nextConversation += 1
        let conversation = SupportConversation(id: id, customerID: customer, merchantID: merchant, createdAt: date, updatedAt: date)
        self.conversations[id] = conversation
        self.messages[id] = []
        self.readSeq[id] = [customer: 0, merchant: 0]
        return conversation
    }

    public func conversation(id: ConversationID) -> SupportConversation? { self.conversations[id] }

    public func conversations(_ filter: SupportConversationFilter, offset: Int, limit: Int) -> (items: [SupportConversation], total: Int) {
        let matching = self.conversations.values.filter(filter.matches).sorted {
            $0.updatedAt != $1.updatedAt ? $0.updatedAt > $1.updatedAt : $0.id.rawValue > $1.id.rawValue
        }
        return (Array(matching.dropFirst(max(offset, 0)).prefix(max(limit, 0))), matching.count)
    }

    public func send(_ new: NewMessage, in id: ConversationID, at date: Date) throws -> (conversation: SupportConversation, message: Message) {
        guard var conversation = self.conversations[id] else { throw ChatError.conversationNotFound }
        let message = Message(
            id: self.nextMessage,
            conversationID: id,
            seq: (self.lastSeq[id] ?? 0) + 1,
            senderID: new.senderID,
            content: new.content,
            type: new.type,
            clientMessageID: new.clientMessageID,
            createdAt: date,
            attachmentID: new.attachmentID
        )
        self.nextMessage += 1
        self.lastSeq[id] = message.seq
        self.messages[id, default: []].append(message)
        conversation.record(new, at: date)
        self.conversations[id] = conversation
        return (conversation, message)
    }

    func isRead(_ message: Message) -> Bool {
        guard let conversation = self.conversations[message.conversationID] else { return false }
        let recipient = conversation.counterpart(of: message.senderID)
        return (self.readSeq[message.conversationID]?[recipient] ?? 0) >= message.seq
    }

    public func messages(in id: ConversationID, ascending: Bool, offset: Int, limit: Int) -> (items: [SupportMessage], total: Int) {
        let all = self.messages[id] ?? []
        let ordered = ascending ? all : all.reversed()
        let page = ordered.dropFirst(max(offset, 0)).prefix(max(limit, 0))
        return (page.map { SupportMessage(message: $0, isRead: self.isRead($0)) }, all.count)
    }

    public func messages(_ filter: SupportMessageFilter, offset: Int, limit: Int) -> (items: [SupportMessage], total: Int) {
        let matching = self.messages.values.joined().filter { message in
            if let id = filter.conversationID, message.conversationID != id { return false }
            if let sender = filter.senderID, message.senderID != sender { return false }
            if let type = filter.type, message.type != type { return false }
            if let participant = filter.participant, self.conversations[message.conversationID]?.side(of: participant) == nil { return false }
            return true
        }.sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
        let page = matching.dropFirst(max(offset, 0)).prefix(max(limit, 0))
        return (page.map { SupportMessage(message: $0, isRead: self.isRead($0)) }, matching.count)
    }

    public func message(id: Int64) -> SupportMessage? {
        guard let message = self.messages.values.joined().first(where: { $0.id == id }) else { return nil }
        return SupportMessage(message: message, isRead: self.isRead(message))
    }

    public func markRead(by reader: ParticipantID, in id: ConversationID) {
        guard var conversation = self.conversations[id], let side = conversation.side(of: reader) else { return }
        let last = self.lastSeq[id] ?? 0
        self.readSeq[id]?[side] = last
        if side == conversation.customerID { conversation.customerUnread = 0 } else { conversation.merchantUnread = 0 }
        self.conversations[id] = conversation
    }

    public func markMessageRead(id: Int64) -> Bool {
        guard let message = self.messages.values.joined().first(where: { $0.id == id }),
            let conversation = self.conversations[message.conversationID]
        else { return false }
        let recipient = conversation.counterpart(of: message.senderID)
        let read = max(self.readSeq[message.conversationID]?[recipient] ?? 0, message.seq)
        self.readSeq[message.conversationID]?[recipient] = read
        return true
    }

    public func deleteMessage(id: Int64) -> Bool {
        for (conversation, list) in self.messages {
            if let index = list.firstIndex(where: { $0.id == id }) {
                self.messages[conversation]?.remove(at: index)
                return true
            }
        }
        return false
    }
}
