public import Foundation

/// A member's standing in a group: the owner, admins (who manage members with the owner) and members.
public enum GroupRole: String, Codable, Sendable {
    case owner, admin, member

    public var manages: Bool { self != .member }
}

/// Who may join a group: anyone (`public`), or only whom its managers add (`private`, the default).
public enum GroupVisibility: String, Codable, Sendable, CaseIterable {
    case `public`, `private`
}

/// What a group says about itself beyond its name.
public struct GroupDetails: Sendable, Equatable {
    /// Free text, at most ``GroupDetails/maximumDescriptionLength`` characters.
    public var description: String?
    /// An avatar URL, at most ``GroupDetails/maximumAvatarLength`` characters.
    public var avatar: String?
    public var visibility: GroupVisibility

    public static let maximumDescriptionLength = 1000
    public static let maximumAvatarLength = 255

    public init(description: String? = nil, avatar: String? = nil, visibility: GroupVisibility = .private) {
        self.description = description
        self.avatar = avatar
        self.visibility = visibility
    }

    /// Empty text as absent, and each field cut to its column's length.
    public var trimmed: GroupDetails {
        func clean(_ text: String?, _ limit: Int) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return String(text.prefix(limit))
        }
        return GroupDetails(
            description: clean(self.description, Self.maximumDescriptionLength),
            avatar: clean(self.avatar, Self.maximumAvatarLength),
            visibility: self.visibility
        )
    }
}

/// A group conversation: its name, owner, details and members. Its messages are ordinary messages of the
/// conversation.
public struct ChatGroup: Sendable, Equatable {
    /// The public channel every registered user belongs to (seed 003's group 1, `公共频道`), created by
    /// ``ChatMigrations``. Its posts go to every open connection, and its membership makes nobody a contact.
    public static let publicChannelID = ConversationID(1)
    public static let publicChannelName = "公共频道"
    public static let publicChannelDescription = "所有用户的公共聊天频道"

    public var id: ConversationID
    public var name: String
    public var ownerID: ParticipantID
    public var members: [ParticipantID: GroupRole]
    public var createdAt: Date
    public var details: GroupDetails

    public init(
        id: ConversationID,
        name: String,
        ownerID: ParticipantID,
        members: [ParticipantID: GroupRole],
        createdAt: Date,
        details: GroupDetails = GroupDetails()
    ) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.members = members
        self.createdAt = createdAt
        self.details = details
    }

    public var visibility: GroupVisibility { self.details.visibility }
    public var isPublicChannel: Bool { self.id == Self.publicChannelID }
}
