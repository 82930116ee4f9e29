public import Crypto
public import Foundation

/// Signs the download URLs of chat files (seed 003's `file_url`) for the people a message reaches, so a client can
/// show a file with a plain `<img>` or link — no header — while anyone without the URL, or with an expired one, is
/// refused. A URL is `<path>?expires=<epoch>&signature=<hex HMAC-SHA256>`, valid for seven to eight days: the expiry
/// is rounded up to the next day, so one file has one URL per day (caches keep working). The key is derived from the
/// token signing key, so every server process of a deployment signs and checks alike.
public struct FileURLSigner: Sendable {
    let key: SymmetricKey

    /// - Parameter secret: the token signing key (`JWT_SECRET_KEY`); any other shared secret works.
    public init(secret: [UInt8]) {
        let derived = HMAC<SHA256>.authenticationCode(for: Array("rapport file urls v1".utf8), using: SymmetricKey(data: secret))
        self.key = SymmetricKey(data: Data(derived))
    }

    static let day: TimeInterval = 86400

    func code(_ path: String, _ expires: Int64) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Array("\(path)\n\(expires)".utf8), using: self.key)
    }

    /// `path` with its signature, valid at least seven days from `now`.
    public func signed(_ path: String, now: Date = Date()) -> String {
        let expires = Int64((now.timeIntervalSince1970 / Self.day).rounded(.up) * Self.day + 7 * Self.day)
        let signature = self.code(path, expires).map { String(format: "%02x", $0) }.joined()
        return "\(path)?expires=\(expires)&signature=\(signature)"
    }

    static func hex(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `signature` signs `path` until `expires`, and `expires` has not passed.
    public func verify(_ path: String, expires: String?, signature: String?, now: Date = Date()) -> Bool {
        guard let expires = expires.flatMap({ Int64($0) }), Double(expires) >= now.timeIntervalSince1970, let signature else { return false }
        // 64 ASCII hex digits, read as bytes (anything else, multi-byte characters included, is simply wrong).
        let digits = Array(signature.utf8)
        guard digits.count == 64 else { return false }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.hex(digits[pair]), let low = Self.hex(digits[pair + 1]) else { return false }
            bytes.append(high << 4 | low)
        }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array("\(path)\n\(expires)".utf8), using: self.key)
    }
}
