public import Foundation

/// A user's internal integer id. `0` is the guest principal, which has no user row.
public struct UserID: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static let guest = UserID(0)
    public var isGuest: Bool { self.rawValue == 0 }
    public var description: String { String(self.rawValue) }
    public static func < (a: UserID, b: UserID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws { self.rawValue = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

/// What a user may do. Seed 001/003 users register as `user`; seed 004 brings `buyer`, `merchant`, `admin`;
/// `agent` serves customers, `auditor` reads the audit log, `guest` is the token-only guest principal.
public enum Role: String, Codable, Sendable, CaseIterable {
    case user, buyer, merchant, agent, admin, auditor, guest
}

/// Account state (seed 004), separate from presence.
public enum AccountStatus: String, Codable, Sendable, CaseIterable {
    case active, inactive, deleted
}

/// One account. Every user has an integer id; users provisioned by seed 004 clients also have an external id.
public struct User: Sendable, Equatable {
    public var id: UserID
    public var externalID: String?
    public var username: String
    public var email: String?
    public var passwordHash: String?
    public var role: Role
    public var avatar: String?
    public var description: String?
    public var status: AccountStatus
    public var createdAt: Date
    public var lastSeen: Date?

    public init(
        id: UserID,
        externalID: String? = nil,
        username: String,
        email: String? = nil,
        passwordHash: String? = nil,
        role: Role = .user,
        avatar: String? = nil,
        description: String? = nil,
        status: AccountStatus = .active,
        createdAt: Date,
        lastSeen: Date? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.role = role
        self.avatar = avatar
        self.description = description
        self.status = status
        self.createdAt = createdAt
        self.lastSeen = lastSeen
    }
}

/// The fields of an account to create; the repository assigns the id.
public struct NewUser: Sendable, Equatable {
    public var externalID: String?
    public var username: String
    public var email: String?
    public var passwordHash: String?
    public var role: Role
    public var avatar: String?
    public var description: String?
    public var status: AccountStatus
    public var createdAt: Date
    public var lastSeen: Date?

    public init(
        externalID: String? = nil,
        username: String,
        email: String? = nil,
        passwordHash: String? = nil,
        role: Role = .user,
        avatar: String? = nil,
        description: String? = nil,
        status: AccountStatus = .active,
        createdAt: Date,
        lastSeen: Date? = nil
    ) {
        self.externalID = externalID
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.role = role
        self.avatar = avatar
        self.description = description
        self.status = status
        self.createdAt = createdAt
        self.lastSeen = lastSeen
    }

    func user(id: UserID) -> User {
        User(
            id: id,
            externalID: self.externalID,
            username: self.username,
            email: self.email,
            passwordHash: self.passwordHash,
            role: self.role,
            avatar: self.avatar,
            description: self.description,
            status: self.status,
            createdAt: self.createdAt,
            lastSeen: self.lastSeen
        )
    }
}

/// A server-side login session; every token names one (`sid`), and a revoked or expired session ends its tokens.
public struct Session: Sendable, Equatable, Identifiable {
    public var id: String
    /// `nil` for a guest session.
    public var userID: UserID?
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    public var ipAddress: String
    public var userAgent: String

    public init(
        id: String = UUID().uuidString.lowercased(),
        userID: UserID?,
        createdAt: Date,
        expiresAt: Date,
        revokedAt: Date? = nil,
        ipAddress: String,
        userAgent: String
    ) {
        self.id = id
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }

    public func isActive(at date: Date) -> Bool { self.revokedAt == nil && self.expiresAt > date }
}

/// One login attempt (seed 003's login log), also the memory of the login throttle.
public struct LoginAttempt: Sendable, Equatable {
    public var userID: UserID
    /// The lower-cased username or email tried (empty for a guest).
    public var identifier: String
    public var ipAddress: String
    public var userAgent: String
    public var time: Date
    public var succeeded: Bool

    public init(userID: UserID, identifier: String, ipAddress: String, userAgent: String, time: Date, succeeded: Bool) {
        self.userID = userID
        self.identifier = identifier
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.time = time
        self.succeeded = succeeded
    }
}

/// Who a verified token speaks for.
public struct Identity: Sendable, Equatable {
    public var userID: UserID
    public var externalID: String?
    public var username: String
    public var role: Role
    public var sessionID: String

    public init(userID: UserID, externalID: String?, username: String, role: Role, sessionID: String) {
        self.userID = userID
        self.externalID = externalID
        self.username = username
        self.role = role
        self.sessionID = sessionID
    }

    public var isGuest: Bool { self.userID.isGuest }
}
