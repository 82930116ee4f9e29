public import Foundation
import JWTKit

/// Issues and checks the one access-token format all API families share: an HS256 JWT with `sub` (internal
/// id as a string, `"0"` for guests), `user_id` (external id, else the integer id), `username`, `role`, `sid`
/// (the server-side session), `iat`, `nbf`, `exp`, `jti`, `type: "access"` and `fresh: false`.
///
/// Only HS256 is accepted: a token whose header names any other algorithm, `none` included, is refused before
/// its signature is looked at.
public struct TokenService: Sendable {
    public let lifetime: Duration
    private let keys: JWTKeyCollection
    private let verified: VerifiedTokenCache

    /// - Parameter secret: at least 32 bytes.
    public init(secret: [UInt8], lifetime: Duration = .seconds(7 * 24 * 3600)) async throws {
        guard secret.count >= 32 else { throw AuthError.invalidField("the signing key must be at least 32 bytes") }
        self.lifetime = lifetime
        self.keys = JWTKeyCollection()
        self.verified = VerifiedTokenCache()
        await self.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// The claims of a verified token.
    public struct Claims: Sendable, Equatable {
        public var subject: String
        public var userID: UserID
        public var externalID: String?
        public var username: String
        public var role: Role
        public var sessionID: String
        public var issuedAt: Date
        public var expiresAt: Date
        public var tokenID: String
    }

    /// Signs a token for `user` (nil: the guest) in `session`.
    public func issue(for user: User?, session: Session, now: Date) async throws -> String {
        let userID = user?.id ?? .guest
        let payload = Payload(
            sub: .init(String(userID.rawValue)),
            user_id: user?.externalID.map(FlexibleID.text) ?? .number(userID.rawValue),
            username: user?.username ?? "guest",
            role: (user?.role ?? .guest).rawValue,
            sid: session.id,
            iat: Int64(now.timeIntervalSince1970),
            nbf: Int64(now.timeIntervalSince1970),
            exp: Int64(session.expiresAt.timeIntervalSince1970),
            jti: UUID().uuidString.lowercased(),
            type: "access",
            fresh: false
        )
        return try await self.keys.sign(payload)
    }

    /// Verifies signature and time claims; the caller still checks the session. A token verified before is not
    /// decoded or hashed again (``VerifiedTokenCache``); its time claims are checked against `now` every time.
    public func verify(_ token: String, now: Date) async throws(TokenFailure) -> Claims {
        let seconds = Int64(now.timeIntervalSince1970)
        let entry: VerifiedTokenCache.Entry
        if let cached = self.verified.entry(for: token) {
            entry = cached
        } else {
            entry = try await self.verifySignature(of: token)
            self.verified.insert(entry, for: token, now: seconds)
        }
        guard entry.expires > seconds else { throw .expired }
        if let nbf = entry.notBefore, nbf > seconds + 5 { throw .notYetValid }
        return entry.claims
    }

    /// Header, signature and claim shapes; not the times.
    private func verifySignature(of token: String) async throws(TokenFailure) -> VerifiedTokenCache.Entry {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .notEnoughSegments }
        guard let headerData = Self.base64URLDecode(parts[0]) else { throw .invalidHeaderPadding }
        guard let header = try? JSONDecoder().decode(Header.self, from: headerData) else { throw .invalidHeader }
        guard header.alg == "HS256" else { throw .algorithmNotAllowed }
        let payload: Payload
        do {
            payload = try await self.keys.verify(token, as: Payload.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch {
            // The signature checked out only if decoding got that far; anything else is a malformed payload.
            throw Self.isSignatureError(error) ? .badSignature : .invalidPayload
        }
        guard let subject = payload.sub else { throw .missingSubject }
        guard case .text(let subjectText) = subject, let id = Int64(subjectText) else { throw .subjectNotString }
        guard let exp = payload.exp, let sid = payload.sid, payload.type == "access" else { throw .invalidPayload }
        let role = payload.role.flatMap(Role.init(rawValue:)) ?? (id == 0 ? .guest : .user)
        var external: String?
        if case .text(let text) = payload.user_id { external = text }
        let claims = Claims(
            subject: subjectText,
            userID: UserID(id),
            externalID: external,
            username: payload.username ?? "",
            role: role,
            sessionID: sid,
            issuedAt: Date(timeIntervalSince1970: TimeInterval(payload.iat ?? 0)),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(exp)),
            tokenID: payload.jti ?? ""
        )
        return VerifiedTokenCache.Entry(claims: claims, expires: exp, notBefore: payload.nbf)
    }

    private static func isSignatureError(_ error: any Error) -> Bool {
        "\(error)".localizedCaseInsensitiveContains("signature")
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard base64.count % 4 != 1 else { return nil }
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// A claim that is a JSON string or number (`sub` must be a string; `user_id` is either).
    enum FlexibleID: Codable, Sendable, Equatable {
        case text(String)
        case number(Int64)

        init(_ text: String) { self = .text(text) }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .number(try container.decode(Int64.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }

    /// Every claim optional, so a token with a missing claim is reported as such rather than as undecodable.
    struct Payload: JWTPayload {
        var sub: FlexibleID?
        var user_id: FlexibleID?
        var username: String?
        var role: String?
        var sid: String?
        var iat: Int64?
        var nbf: Int64?
        var exp: Int64?
        var jti: String?
        var type: String?
        var fresh: Bool?

        // Time claims are checked by `verify(_:now:)`, which tells expired from not-yet-valid.
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A token's header: any JSON object. An `alg` that is missing or not a string reads as nil, which is refused
    /// as a disallowed algorithm rather than as a malformed header.
    struct Header: Decodable {
        let alg: String?

        enum CodingKeys: String, CodingKey { case alg }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.alg = try? container.decode(String.self, forKey: .alg)
        }
    }
}
