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
    /// A page of accounts in id order, of one role or all, and how many match in all.
    func users(role: Role?, offset: Int, limit: Int) async throws -> (users: [User], total: Int)
    /// Writes `changes` (only the fields set); `nil` when there is no such account. Throws ``AuthError/usernameTaken``
    /// or ``AuthError/emailTaken`` (and writes nothing) when another account has the name or address.
    func update(_ id: UserID, _ changes: UserChanges) async throws -> User?
    /// For each entry, in order: the account with its external id when there is one, unchanged; otherwise a new
    /// account. All in one transaction: when one cannot be created, none is. A generated username that is taken
    /// gets a numeric suffix.
    func ensure(_ entries: [EnsuredUser]) async throws -> [User]
}

/// Changes to an account; `nil` leaves a field alone. For email, avatar, description and the password hash,
/// `.some(nil)` clears it.
public struct UserChanges: Sendable, Equatable {
    public var username: String?
    public var email: String??
    public var avatar: String??
    public var role: Role?
    public var description: String??
    public var status: AccountStatus?
    public var passwordHash: String??

    public init(
        username: String? = nil,
        email: String?? = nil,
        avatar: String?? = nil,
        role: Role? = nil,
        description: String?? = nil,
        status: AccountStatus? = nil,
        passwordHash: String?? = nil
    ) {
        self.username = username
        self.email = email
        self.avatar = avatar
        self.role = role
        self.description = description
        self.status = status
        self.passwordHash = passwordHash
    }

    func apply(to user: inout User) {
        if let username { user.username = username }
        if let email { user.email = email }
        if let passwordHash { user.passwordHash = passwordHash }
        if let avatar { user.avatar = avatar }
        if let role { user.role = role }
        if let description { user.description = description }
        if let status { user.status = status }
    }
}

/// One entry of ``UserRepository/ensure(_:)``: the account to create when its external id is unknown.
public struct EnsuredUser: Sendable, Equatable {
    public var user: NewUser
    /// The username was made up by the caller, so a clash is resolved with a suffix rather than refused.
    public var generatedName: Bool

    public init(_ user: NewUser, generatedName: Bool = false) {
        self.user = user
        self.generatedName = generatedName
    }
}

/// A free variant of a generated username: `name`, then `name-2`, `name-3` …
func freeUsername(_ name: String, taken: (String) async throws -> Bool) async throws -> String {
    if try await !taken(name) { return name }
    var suffix = 2
    while try await taken("\(name)-\(suffix)") { suffix += 1 }
    return "\(name)-\(suffix)"
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

    public func users(role: Role?, offset: Int, limit: Int) -> (users: [User], total: Int) {
        let matching = self.users.values.filter { role == nil || $0.role == role }.sorted { $0.id < $1.id }
        return (Array(matching.dropFirst(max(offset, 0)).prefix(max(limit, 0))), matching.count)
    }

    public func update(_ id: UserID, _ changes: UserChanges) throws -> User? {
        guard var user = self.users[id] else { return nil }
        if let name = changes.username, lookupKey(name) != lookupKey(user.username), self.usernameExists(name) {
            throw AuthError.usernameTaken
        }
        if let email = changes.email ?? nil, lookupKey(email) != user.email.map(lookupKey), self.emailExists(email) {
            throw AuthError.emailTaken
        }
        changes.apply(to: &user)
        self.users[id] = user
        return user
    }

    public func ensure(_ entries: [EnsuredUser]) throws -> [User] {
        // An actor method with no suspension between reads and writes: atomic, and rolled back by hand.
        let saved = (self.users, self.nextID)
        do {
            var result: [User] = []
            for entry in entries {
                if let external = entry.user.externalID, let existing = self.user(externalID: external) {
                    result.append(existing)
                    continue
                }
                var new = entry.user
                if entry.generatedName {
                    var suffix = 1
                    let base = new.username
                    while self.usernameExists(new.username) {
                        suffix += 1
                        new.username = "\(base)-\(suffix)"
                    }
                }
                result.append(try self.create(new))
            }
            return result
        } catch {
            (self.users, self.nextID) = saved
            throw error
        }
    }
}
