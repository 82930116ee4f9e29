public import Foundation

/// The optional "about me" of an account (seed 003's profile page): a short biography, where the user is and a
/// phone number. An account without a row has the empty profile.
public struct Profile: Sendable, Equatable {
    /// The longest values a profile keeps, in characters.
    public enum Limit {
        public static let bio = 2000
        public static let location = 100
        public static let phone = 20
    }

    public var userID: UserID
    public var bio: String?
    public var location: String?
    public var phone: String?
    /// When a field was last written; `nil` for an account that never wrote one.
    public var updatedAt: Date?

    public init(userID: UserID, bio: String? = nil, location: String? = nil, phone: String? = nil, updatedAt: Date? = nil) {
        self.userID = userID
        self.bio = bio
        self.location = location
        self.phone = phone
        self.updatedAt = updatedAt
    }
}
