public import Foundation

/// Where profiles live, one per account, created on the first write.
public protocol ProfileRepository: Sendable {
    /// The account's profile; the empty profile when it never wrote one.
    func profile(of user: UserID) async throws -> Profile
    /// Writes the fields `changes` sets, creating the row when there is none, and returns the result.
    /// Throws ``ProfileChanges/Violation`` (and writes nothing) when a value is too long.
    func update(_ user: UserID, _ changes: ProfileChanges, at date: Date) async throws -> Profile
    /// Removes the account's profile (account deletion); `false` when it had none.
    @discardableResult func remove(of user: UserID) async throws -> Bool
}

/// Changes to a profile; `nil` leaves a field alone, `.some(nil)` clears it.
public struct ProfileChanges: Sendable, Equatable {
    public var bio: String??
    public var location: String??
    public var phone: String??

    public init(bio: String?? = nil, location: String?? = nil, phone: String?? = nil) {
        self.bio = bio
        self.location = location
        self.phone = phone
    }

    /// A field longer than its ``Profile/Limit``.
    public struct Violation: Error, Equatable, Sendable {
        public enum Field: String, Sendable { case bio, location, phone }
        public var field: Field
        public var limit: Int

        public init(field: Field, limit: Int) {
            self.field = field
            self.limit = limit
        }
    }

    /// Throws the first field that is too long.
    public func validate() throws(Violation) {
        for (field, value, limit) in [
            (Violation.Field.bio, self.bio, Profile.Limit.bio), (.location, self.location, Profile.Limit.location),
            (.phone, self.phone, Profile.Limit.phone),
        ] {
            if let text = value ?? nil, text.unicodeScalars.count > limit { throw Violation(field: field, limit: limit) }
        }
    }

    func apply(to profile: inout Profile, at date: Date) {
        if let bio { profile.bio = bio }
        if let location { profile.location = location }
        if let phone { profile.phone = phone }
        profile.updatedAt = date
    }

    var isEmpty: Bool { self.bio == nil && self.location == nil && self.phone == nil }
}

/// Profiles in memory, for tests and for embedding without a database.
public actor ProfileMemoryRepository: ProfileRepository {
    private var profiles: [UserID: Profile] = [:]

    public init() {}

    public func profile(of user: UserID) -> Profile { self.profiles[user] ?? Profile(userID: user) }

    public func update(_ user: UserID, _ changes: ProfileChanges, at date: Date) throws -> Profile {
        try changes.validate()
        guard !changes.isEmpty else { return self.profile(of: user) }
        var profile = self.profile(of: user)
        changes.apply(to: &profile, at: date)
        self.profiles[user] = profile
        return profile
    }

    public func remove(of user: UserID) -> Bool { self.profiles.removeValue(forKey: user) != nil }
}
