public import Foundation

/// Where accounts live. Usernames and emails are unique case-insensitively; external ids exactly.
public protocol UserRepository: Sendable {
    /// Creates the account; throws ``AuthError/usernameTaken``, `.emailTaken` or `.externalIDTaken`.
    func create(_ user: NewUser) async throws -> User
    func user(id: UserID) async throws -> User?
    func user(externalID: String) async throws -> User?
    /// The account whose username or email equals `identifier`, ignoring case; a username match wins.
    func user(identifier: String) async throws -> User?
    func usernameExists(_ username: String) async throws -> Bool
    func emailExists(_ email: String) async throws -> Bool
    func setPasswordHash(_ hash: String, for id: UserID) async throws
    func setLastSeen(_ date: Date, for id: UserID) async throws
    /// The accounts with these ids (missing ones left out), in no particular order.
    func users(ids: [UserID]) async throws -> [User]
    /// Accounts whose username contains `fragment` (ignoring case; `%` and `_` match literally), by id, at most `limit`.
    func users(usernameContaining fragment: String, limit: Int) async throws -> [User]
}

/// The case-insensitive uniqueness key of a username or email.
func lookupKey(_ text: String) -> String { text.lowercased() }

/// Accounts in memory, for tests and for embedding without a database.
public actor UserMemoryRepository: UserRepository {
    private var users: [UserID: User] = [:]
    private var nextID: Int64 = 1

    public init() {}

    public func create(_ new: NewUser) throws -> User {
        if self.users.values.contains(where: { lookupKey($0.username) == lookupKey(new.username) }) { throw AuthError.usernameTaken }
        if let email = new.email, self.users.values.contains(where: { $0.email.map(lookupKey) == lookupKey(email) }) {
            throw AuthError.emailTaken
        }
        if let external = new.externalID, self.users.values.contains(where: { $0.externalID == external }) {
            throw AuthError.externalIDTaken
        }
        let user = new.user(id: UserID(self.nextID))
        self.nextID += 1
        self.users[user.id] = user
        return user
    }

    public func user(id: UserID) -> User? { self.users[id] }

    public func user(externalID: String) -> User? { self.users.values.first { $0.externalID == externalID } }

    public func user(identifier: String) -> User? {
        let key = lookupKey(identifier)
        return self.users.values.first { lookupKey($0.username) == key }
            ?? self.users.values.first { $0.email.map(lookupKey) == key }
    }

    public func usernameExists(_ username: String) -> Bool {
        self.users.values.contains { lookupKey($0.username) == lookupKey(username) }
    }

    public func emailExists(_ email: String) -> Bool {
        self.users.values.contains { $0.email.map(lookupKey) == lookupKey(email) }
    }

    public func setPasswordHash(_ hash: String, for id: UserID) throws {
        guard self.users[id] != nil else { throw AuthError.userNotFound }
        self.users[id]?.passwordHash = hash
    }

    public func setLastSeen(_ date: Date, for id: UserID) throws {
        guard self.users[id] != nil else { throw AuthError.userNotFound }
        self.users[id]?.lastSeen = date
    }

    public func users(ids: [UserID]) -> [User] { ids.compactMap { self.users[$0] } }

    public func users(usernameContaining fragment: String, limit: Int) -> [User] {
        let key = lookupKey(fragment)
        return Array(self.users.values.filter { lookupKey($0.username).contains(key) }.sorted { $0.id < $1.id }.prefix(limit))
    }
}
