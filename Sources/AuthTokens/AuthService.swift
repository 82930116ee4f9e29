public import Foundation
public import Logging
import Metrics

/// Accounts, logins, tokens and sessions, over the three repositories.
///
/// ```swift
/// let auth = AuthService(users: UserSQLRepository(database: db), sessions: SessionSQLRepository(database: db),
///                        loginLog: LoginLogSQLStore(database: db), hasher: PasswordHasher(cost: 12),
///                        tokens: try await TokenService(secret: key), logger: logger)
/// let login = try await auth.login(identifier: "alice", password: "correct horse", client: .init(ip: ip))
/// let identity = try await auth.authenticate(token: login.token)
/// ```
public struct AuthService: Sendable {
    /// Limits of the login throttle.
    public struct Throttle: Sendable {
        /// Failed attempts on one account from one address within `window` before it answers 429.
        public var failuresPerAccount = 5
        /// Failed attempts from one address, on any accounts, within `window`.
        public var failuresPerAddress = 20
        public var window: Duration = .seconds(60)
        public init() {}
    }

    /// Where a request came from, for sessions and the login log.
    public struct Client: Sendable {
        public var ipAddress: String
        public var userAgent: String
        public init(ipAddress: String, userAgent: String = "") {
            self.ipAddress = ipAddress
            self.userAgent = userAgent
        }
    }

    /// A successful login or registration: the user (nil for a guest), its new session and the token.
    public struct Authenticated: Sendable {
        public var user: User?
        public var session: Session
        public var token: String
    }

    public let users: any UserRepository
    public let sessions: any SessionRepository
    public let loginLog: any LoginLogStore
    public let hasher: PasswordHasher
    public let tokens: TokenService
    public let throttle: Throttle
    public let logger: Logger
    let now: @Sendable () -> Date

    public init(
        users: any UserRepository,
        sessions: any SessionRepository,
        loginLog: any LoginLogStore,
        hasher: PasswordHasher,
        tokens: TokenService,
        throttle: Throttle = .init(),
        logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.users = users
        self.sessions = sessions
        self.loginLog = loginLog
        self.hasher = hasher
        self.tokens = tokens
        self.throttle = throttle
        self.logger = logger
        self.now = now
    }

    // MARK: Accounts

    /// Registers a `user`-role account and logs it in. Username and email are trimmed; the password is not.
    public func register(username: String, email: String, password: String, client: Client) async throws -> Authenticated {
        let username = username.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isChoosable(username) else { throw AuthError.invalidField("username") }
        guard !email.isEmpty, email.unicodeScalars.count <= 120 else { throw AuthError.invalidField("email") }
        if try await self.users.usernameExists(username) { throw AuthError.usernameTaken }
        if try await self.users.emailExists(email) { throw AuthError.emailTaken }
        let hash = try await self.hasher.hash(password)
        let now = self.now()
        let user = try await self.users.create(
            NewUser(
                username: username,
                email: email,
                passwordHash: hash,
                role: .user,
                avatar: "",
                createdAt: now,
                lastSeen: now
            )
        )
        return try await self.open(for: user, client: client)
    }

    /// Creates an administrator (for `rapport create-admin`). `externalID` makes it a seed-004 style account.
    public func createAdmin(username: String, password: String, externalID: String?, email: String?) async throws -> User {
        let username = username.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !username.isEmpty, username.unicodeScalars.count <= 100 else { throw AuthError.invalidField("username") }
        if let externalID, externalID.isEmpty || externalID.unicodeScalars.count > 50 { throw AuthError.invalidField("external id") }
        let hash = try await self.hasher.hash(password)
        return try await self.users.create(
            NewUser(
                externalID: externalID,
                username: username,
                email: email,
                passwordHash: hash,
                role: .admin,
                description: "管理员",
                createdAt: self.now()
            )
        )
    }

    // MARK: Logging in

    /// Logs in by username or email. Refuses with `.throttled` when recent failures reach the limits (checked
    /// before the password), `.invalidCredentials` for an unknown identifier or a wrong password (both counted as
    /// failures), `.adminOnly` for a seed-004 account that is not an admin, `.passwordNotSet`, `.accountDisabled`.
    public func login(identifier rawIdentifier: String, password: String, client: Client) async throws -> Authenticated {
        let identifier = rawIdentifier.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = lookupKey(identifier)
        let now = self.now()
        try await self.checkThrottle(identifier: key, ipAddress: client.ipAddress, now: now)
        // A deleted account is as unknown as one that never existed.
        guard let user = try await self.users.user(identifier: identifier), user.status != .deleted else {
            try await self.recordAttempt(.guest, key, client, now, succeeded: false)
            throw AuthError.invalidCredentials
        }
        if user.externalID != nil, user.role != .admin { throw AuthError.adminOnly }
        guard let hash = user.passwordHash else { throw AuthError.passwordNotSet }
        guard try await self.hasher.verify(password, hash: hash) else {
            try await self.recordAttempt(user.id, key, client, now, succeeded: false)
            throw AuthError.invalidCredentials
        }
        guard user.status == .active else { throw AuthError.accountDisabled }
        try await self.users.setLastSeen(now, for: user.id)
        try await self.recordAttempt(user.id, key, client, now, succeeded: true)
        var current = user
        current.lastSeen = now
        return try await self.open(for: current, client: client)
    }

    /// A guest token (seed 003): principal 0, role `guest`, no user row; logged as a successful login of user 0.
    public func guestLogin(client: Client) async throws -> Authenticated {
        let now = self.now()
        try await self.recordAttempt(.guest, "", client, now, succeeded: true)
        return try await self.open(for: nil, client: client)
    }

    /// A token for an existing account, minted by an administrator for a provisioned (seed-004) user.
    public func issueToken(for user: User, client: Client) async throws -> Authenticated {
        guard user.status == .active else { throw AuthError.accountDisabled }
        return try await self.open(for: user, client: client)
    }

    private func open(for user: User?, client: Client) async throws -> Authenticated {
        let now = self.now()
        let session = Session(
            userID: user?.id,
            createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(self.tokens.lifetime.components.seconds)),
            ipAddress: client.ipAddress,
            userAgent: client.userAgent
        )
        try await self.sessions.create(session)
        return Authenticated(user: user, session: session, token: try await self.tokens.issue(for: user, session: session, now: now))
    }

    private func recordAttempt(_ user: UserID, _ identifier: String, _ client: Client, _ time: Date, succeeded: Bool) async throws {
        if !succeeded { Counter(label: "rapport_login_failures_total").increment() }
        try await self.loginLog.record(
            LoginAttempt(
                userID: user,
                identifier: identifier,
                ipAddress: client.ipAddress,
                userAgent: client.userAgent,
                time: time,
                succeeded: succeeded
            )
        )
    }

    private func checkThrottle(identifier: String, ipAddress: String, now: Date) async throws {
        let window = TimeInterval(self.throttle.window.components.seconds)
        let since = now.addingTimeInterval(-window)
        var retryAfter = 0
        let perAccount = try await self.loginLog.failures(identifier: identifier, ipAddress: ipAddress, since: since)
        if perAccount.count >= self.throttle.failuresPerAccount, let oldest = perAccount.first {
            retryAfter = max(retryAfter, Int((oldest.timeIntervalSince(now) + window).rounded(.up)))
        }
        let perAddress = try await self.loginLog.failures(ipAddress: ipAddress, since: since)
        if perAddress.count >= self.throttle.failuresPerAddress {
            // The address is free once enough of its failures have aged out of the window.
            let freeing = perAddress[perAddress.count - self.throttle.failuresPerAddress]
            retryAfter = max(retryAfter, Int((freeing.timeIntervalSince(now) + window).rounded(.up)))
        }
        if retryAfter > 0 {
            self.logger.notice("login throttled", metadata: ["ip": "\(ipAddress)", "retry_after": "\(retryAfter)"])
            Counter(label: "rapport_login_throttled_total").increment()
            throw AuthError.throttled(retryAfter: max(1, retryAfter))
        }
    }

    // MARK: Tokens and sessions

    /// Checks a token's signature, times and session; the identity it speaks for.
    public func authenticate(token: String) async throws(TokenFailure) -> Identity {
        let now = self.now()
        let claims = try await self.tokens.verify(token, now: now)
        let session: Session?
        do {
            session = try await self.sessions.session(id: claims.sessionID)
        } catch {
            self.logger.error("session lookup failed", metadata: ["error": "\(error)"])
            throw .unavailable
        }
        guard let session, session.isActive(at: now), (session.userID ?? .guest) == claims.userID else { throw .revoked }
        return Identity(
            userID: claims.userID,
            externalID: claims.externalID,
            username: claims.username,
            role: claims.role,
            sessionID: session.id
        )
    }

    /// Changes the password after checking the old one, and ends every other session of the user.
    public func changePassword(of identity: Identity, old: String, new: String) async throws {
        guard let user = try await self.users.user(id: identity.userID) else { throw AuthError.userNotFound }
        guard let hash = user.passwordHash, try await self.hasher.verify(old, hash: hash) else { throw AuthError.wrongOldPassword }
        let newHash = try await self.hasher.hash(new)
        try await self.users.setPasswordHash(newHash, for: user.id)
        let ended = try await self.sessions.revokeAll(of: user.id, keeping: identity.sessionID, at: self.now())
        self.logger.info("password changed", metadata: ["user": "\(user.id)", "sessions_ended": "\(ended)"])
    }

    /// Ends the session the identity's token belongs to.
    public func logout(_ identity: Identity) async throws {
        try await self.sessions.revoke(id: identity.sessionID, at: self.now())
    }

    public func activeSessions(of identity: Identity) async throws -> [Session] {
        guard !identity.isGuest else {
            return try await self.sessions.session(id: identity.sessionID).map { [$0] } ?? []
        }
        return try await self.sessions.activeSessions(of: identity.userID, at: self.now())
    }

    /// Ends one of the identity's own sessions; `.sessionNotFound` for anyone else's or an unknown id.
    public func revokeSession(id: String, of identity: Identity) async throws {
        guard let session = try await self.sessions.session(id: id), (session.userID ?? .guest) == identity.userID,
            identity.isGuest ? id == identity.sessionID : true,
            session.isActive(at: self.now())
        else { throw AuthError.sessionNotFound }
        try await self.sessions.revoke(id: id, at: self.now())
    }
}
