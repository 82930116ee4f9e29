import AuthTokens
import Foundation
import JWTKit
import Testing

@Suite("Auth service")
struct AuthServiceTests {
    static var backends: [AuthStores.Backend] { RepositoryConformanceTests.backends }

    static func service(_ stores: AuthStores, clock: TestClock, lifetime: Duration = .seconds(7 * 86400)) async throws -> AuthService {
        AuthService(
            users: stores.users,
            sessions: stores.sessions,
            loginLog: stores.loginLog,
            hasher: sharedHasher,
            tokens: try await TokenService(secret: testSecret, lifetime: lifetime),
            logger: AuthStores.logger,
            now: { clock.now }
        )
    }

    static let here = AuthService.Client(ipAddress: "127.0.0.1", userAgent: "tests")

    static func expectFailure(_ expected: TokenFailure, _ body: () async throws(TokenFailure) -> Identity) async {
        do {
            _ = try await body()
            Issue.record("expected \(expected), the token was accepted")
        } catch {
            #expect(error == expected)
        }
    }

    @Test(arguments: backends)
    func registerLoginAuthenticate(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let clock = TestClock()
            let auth = try await Self.service(stores, clock: clock)
            let registered = try await auth.register(username: "  alice ", email: " a@x.com ", password: "correct horse", client: Self.here)
            #expect(registered.user?.username == "alice" && registered.user?.email == "a@x.com" && registered.user?.role == .user)
            #expect(registered.user?.passwordHash?.hasPrefix("$2") == true)
            let identity = try await auth.authenticate(token: registered.token)
            #expect(identity.userID == registered.user?.id && identity.sessionID == registered.session.id && identity.role == .user)
            clock.advance(5)
            let byEmail = try await auth.login(identifier: "A@X.COM", password: "correct horse", client: Self.here)
            #expect(byEmail.user?.lastSeen == clock.now)
            #expect(try await stores.users.user(id: registered.user!.id)?.lastSeen == clock.now)
            #expect(byEmail.session.id != registered.session.id)
            await #expect(throws: AuthError.invalidCredentials) {
                try await auth.login(identifier: "alice", password: "wrong horse", client: Self.here)
            }
            await #expect(throws: AuthError.invalidCredentials) {
                try await auth.login(identifier: "mallory", password: "whatever1", client: Self.here)
            }
            await #expect(throws: AuthError.usernameTaken) {
                try await auth.register(username: "ALICE", email: "other@x.com", password: "long enough", client: Self.here)
            }
            await #expect(throws: AuthError.emailTaken) {
                try await auth.register(username: "alice2", email: "A@x.com", password: "long enough", client: Self.here)
            }
            await #expect(throws: AuthError.passwordTooShort(minimum: 8)) {
                try await auth.register(username: "bob", email: "b@x.com", password: "short", client: Self.here)
            }
            await #expect(throws: AuthError.passwordTooLong(maximumBytes: 72)) {
                try await auth.register(username: "bob", email: "b@x.com", password: String(repeating: "密", count: 25), client: Self.here)
            }
            // Every attempt is in the login log, newest first.
            let log = try await stores.loginLog.recent(limit: 10)
            #expect(log.map(\.succeeded) == [false, false, true])
            #expect(log.first?.userID == .guest && log[1].userID == registered.user?.id && log[2].ipAddress == "127.0.0.1")
        }
    }

    @Test(arguments: backends)
    func tokensAreRefusedForEveryReason(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let clock = TestClock()
            let auth = try await Self.service(stores, clock: clock, lifetime: .seconds(3600))
            let login = try await auth.register(username: "carol", email: "c@x.com", password: "password123", client: Self.here)
            // Signed with another key.
            let other = try await TokenService(secret: Array("another key that is long enough 1234".utf8))
            let forged = try await other.issue(for: login.user, session: login.session, now: clock.now)
            await Self.expectFailure(.badSignature) { () async throws(TokenFailure) in try await auth.authenticate(token: forged) }
            // alg none, and alg HS512 with a real HS512 signature.
            let parts = login.token.split(separator: ".")
            let noneHeader = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            await Self.expectFailure(.algorithmNotAllowed) { () async throws(TokenFailure) in
                try await auth.authenticate(token: "\(noneHeader).\(parts[1]).")
            }
            let keys = JWTKeyCollection()
            await keys.add(hmac: HMACKey(from: testSecret + testSecret), digestAlgorithm: .sha512)
            struct Claims: JWTPayload {
                let sub: String, sid: String, exp: Int64, type: String
                func verify(using algorithm: some JWTAlgorithm) async throws {}
            }
            let hs512 = try await keys.sign(
                Claims(sub: "\(login.user!.id)", sid: login.session.id, exp: Int64(clock.now.timeIntervalSince1970) + 60, type: "access")
            )
            await Self.expectFailure(.algorithmNotAllowed) { () async throws(TokenFailure) in try await auth.authenticate(token: hs512) }
            await Self.expectFailure(.notEnoughSegments) { () async throws(TokenFailure) in try await auth.authenticate(token: "abc") }
            await Self.expectFailure(.invalidHeaderPadding) { () async throws(TokenFailure) in try await auth.authenticate(token: "a.b.c") }
            // Tampered payload.
            await Self.expectFailure(.badSignature) { () async throws(TokenFailure) in
                try await auth.authenticate(token: "\(parts[0]).\(parts[1])x.\(parts[2])")
            }
            // Not yet valid, then valid, then expired.
            clock.advance(-120)
            await Self.expectFailure(.notYetValid) { () async throws(TokenFailure) in try await auth.authenticate(token: login.token) }
            clock.advance(120)
            _ = try await auth.authenticate(token: login.token)
            clock.advance(3601)
            await Self.expectFailure(.expired) { () async throws(TokenFailure) in try await auth.authenticate(token: login.token) }
        }
    }

    @Test(arguments: backends)
    func sessionsEndWithLogoutAndPasswordChange(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let clock = TestClock()
            let auth = try await Self.service(stores, clock: clock)
            let phone = try await auth.register(username: "dave", email: "d@x.com", password: "first password", client: Self.here)
            let laptop = try await auth.login(identifier: "dave", password: "first password", client: Self.here)
            let tablet = try await auth.login(identifier: "dave", password: "first password", client: Self.here)
            let identity = try await auth.authenticate(token: laptop.token)
            #expect(try await auth.activeSessions(of: identity).count == 3)
            await #expect(throws: AuthError.wrongOldPassword) {
                try await auth.changePassword(of: identity, old: "nope nope", new: "second password")
            }
            try await auth.changePassword(of: identity, old: "first password", new: "second password")
            // The other sessions are over; the one that changed the password goes on.
            await Self.expectFailure(.revoked) { () async throws(TokenFailure) in try await auth.authenticate(token: phone.token) }
            await Self.expectFailure(.revoked) { () async throws(TokenFailure) in try await auth.authenticate(token: tablet.token) }
            _ = try await auth.authenticate(token: laptop.token)
            await #expect(throws: AuthError.invalidCredentials) {
                try await auth.login(identifier: "dave", password: "first password", client: Self.here)
            }
            let again = try await auth.login(identifier: "dave", password: "second password", client: Self.here)
            // Revoking one's own other session, and not someone else's.
            let stranger = try await auth.register(username: "erin", email: "e@x.com", password: "erin password", client: Self.here)
            let strangerIdentity = try await auth.authenticate(token: stranger.token)
            await #expect(throws: AuthError.sessionNotFound) { try await auth.revokeSession(id: again.session.id, of: strangerIdentity) }
            try await auth.revokeSession(id: again.session.id, of: identity)
            await Self.expectFailure(.revoked) { () async throws(TokenFailure) in try await auth.authenticate(token: again.token) }
            try await auth.logout(identity)
            await Self.expectFailure(.revoked) { () async throws(TokenFailure) in try await auth.authenticate(token: laptop.token) }
        }
    }

    @Test(arguments: backends)
    func throttleEngagesAndReleases(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let clock = TestClock()
            let auth = try await Self.service(stores, clock: clock)
            _ = try await auth.register(username: "frank", email: "f@x.com", password: "frank password", client: Self.here)
            for _ in 0..<5 {
                await #expect(throws: AuthError.invalidCredentials) {
                    try await auth.login(identifier: "frank", password: "bad guess", client: Self.here)
                }
                clock.advance(2)
            }
            // The sixth attempt is refused before the password is looked at, even the right one.
            await #expect(throws: AuthError.throttled(retryAfter: 50)) {
                try await auth.login(identifier: "Frank", password: "frank password", client: Self.here)
            }
            // Another address is not held back by this one's failures.
            _ = try await auth.login(identifier: "frank", password: "frank password", client: .init(ipAddress: "10.9.9.9"))
            clock.advance(51)
            // The window has passed for the oldest failure, and the success elsewhere reset the account's count.
            let ok = try await auth.login(identifier: "frank", password: "frank password", client: Self.here)
            #expect(ok.user?.username == "frank")
            for _ in 0..<4 {
                await #expect(throws: AuthError.invalidCredentials) {
                    try await auth.login(identifier: "frank", password: "bad guess", client: Self.here)
                }
            }
            _ = try await auth.login(identifier: "frank", password: "frank password", client: Self.here)
            // Guessing across many accounts from one address is limited too.
            var throttled = false
            for index in 0..<25 where !throttled {
                do {
                    _ = try await auth.login(identifier: "user\(index)", password: "whatever1", client: .init(ipAddress: "6.6.6.6"))
                } catch AuthError.throttled {
                    throttled = true
                    #expect(index == 20)
                } catch {}
            }
            #expect(throttled)
        }
    }

    @Test(arguments: backends)
    func guestsAdminsAndProvisionedUsers(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let clock = TestClock()
            let auth = try await Self.service(stores, clock: clock)
            let guest = try await auth.guestLogin(client: Self.here)
            let guestIdentity = try await auth.authenticate(token: guest.token)
            #expect(guestIdentity.isGuest && guestIdentity.role == .guest && guest.user == nil)
            let admin = try await auth.createAdmin(username: "admin", password: "admin password", externalID: "a2", email: nil)
            let adminLogin = try await auth.login(identifier: "admin", password: "admin password", client: Self.here)
            let adminIdentity = try await auth.authenticate(token: adminLogin.token)
            #expect(adminIdentity.role == .admin && adminIdentity.externalID == "a2" && adminIdentity.userID == admin.id)
            let buyer = try await stores.users.create(NewUser(externalID: "b1", username: "买家1", role: .buyer, createdAt: clock.now))
            let merchant = try await stores.users.create(
                NewUser(
                    externalID: "m1",
                    username: "商家1",
                    passwordHash: try await sharedHasher.hash("merchant pw"),
                    role: .merchant,
                    createdAt: clock.now
                )
            )
            await #expect(throws: AuthError.adminOnly) { try await auth.login(identifier: "商家1", password: "merchant pw", client: Self.here) }
            let minted = try await auth.issueToken(for: buyer, client: Self.here)
            let buyerIdentity = try await auth.authenticate(token: minted.token)
            #expect(buyerIdentity.externalID == "b1" && buyerIdentity.role == .buyer)
            _ = merchant
            let noPassword = try await stores.users.create(NewUser(username: "legacy", createdAt: clock.now))
            await #expect(throws: AuthError.passwordNotSet) {
                try await auth.login(identifier: noPassword.username, password: "anything1", client: Self.here)
            }
        }
    }
}
