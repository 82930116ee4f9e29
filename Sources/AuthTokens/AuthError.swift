/// What the account operations refuse, each mapped once to every API family's message at the HTTP edge.
public enum AuthError: Error, Sendable, Equatable {
    case usernameTaken
    case emailTaken
    case externalIDTaken
    case userNotFound
    /// Unknown identifier or wrong password; deliberately not saying which.
    case invalidCredentials
    /// A seed-004 account that is not an admin (those get tokens from an admin).
    case adminOnly
    /// The account has no password (provisioned seed-004 users).
    case passwordNotSet
    case passwordTooShort(minimum: Int)
    /// bcrypt reads only 72 bytes; longer passwords are refused rather than silently truncated.
    case passwordTooLong(maximumBytes: Int)
    case wrongOldPassword
    /// The password given to confirm an operation (deleting the account) is not the account's.
    case wrongPassword
    /// Too many failed logins; retry after this many seconds.
    case throttled(retryAfter: Int)
    case sessionNotFound
    case accountDisabled
    case invalidField(String)
}

/// Why a token was refused, detailed enough for each API family to answer in its seed's words.
public enum TokenFailure: Error, Sendable, Equatable {
    case missing
    /// An `Authorization` header with a scheme other than Bearer (or none).
    case wrongScheme
    /// An `Authorization` header that is not two space-separated parts.
    case malformedHeader
    /// `Authorization: Bearer ` with nothing after it.
    case empty
    case notEnoughSegments
    case invalidHeaderPadding
    case invalidHeader
    case algorithmNotAllowed
    case badSignature
    case invalidPayload
    case missingSubject
    case subjectNotString
    case expired
    case notYetValid
    /// The session the token names was revoked, expired or never existed.
    case revoked
    /// The session store could not be reached (the database is down): nothing is known about the token's session,
    /// so the request is refused as unavailable (503), not as unauthorised.
    case unavailable
}
