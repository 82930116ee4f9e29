import Foundation

/// The token signing key: `JWT_SECRET_KEY` when set; in development otherwise a random key created once in
/// `data/jwt-secret.key` (mode 0600) so tokens survive restarts. Production never falls back to a file.
enum SigningKey {
    static func resolve(_ configuration: ServerConfiguration, directory: String = "data") throws -> [UInt8] {
        if let secret = configuration.jwtSecret { return Array(secret.utf8) }
        guard configuration.environment == .development else {
            throw ConfigurationError("APP_ENV=production needs JWT_SECRET_KEY (at least 32 bytes)")
        }
        let path = directory + "/jwt-secret.key"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let key = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
            guard key.count >= 32 else { throw ConfigurationError("\(path) holds fewer than 32 bytes; delete it to make a new key") }
            return key
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create \(directory) for the signing key")
        }
        var random = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &random)) }.joined()
        // O_EXCL: two processes starting together must not overwrite each other's key.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return try self.resolve(configuration, directory: directory) }
            throw ConfigurationError("cannot write the signing key to \(path)")
        }
        defer { close(fd) }
        let bytes = Array((key + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw ConfigurationError("cannot write the signing key to \(path)") }
        return Array(key.utf8)
    }
}
