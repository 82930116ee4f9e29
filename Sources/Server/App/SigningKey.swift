import Foundation
import StorageKit

/// The server's secret keys: the configured value when set; in development otherwise a random key created once
/// in `data/` (mode 0600) so it survives restarts. Production never falls back to a file.
enum SigningKey {
    /// The token signing key (`JWT_SECRET_KEY`, else `data/jwt-secret.key`).
    static func resolve(_ configuration: ServerConfiguration, directory: String = "data") throws -> [UInt8] {
        try self.resolve(configuration.jwtSecret, name: "JWT_SECRET_KEY", file: "jwt-secret.key", configuration, directory: directory)
    }

    /// The audit chain key (`AUDIT_CHAIN_KEY`, else `data/audit-chain.key`).
    static func auditChain(_ configuration: ServerConfiguration, directory: String = "data") throws -> [UInt8] {
        try self.resolve(configuration.auditChainKey, name: "AUDIT_CHAIN_KEY", file: "audit-chain.key", configuration, directory: directory)
    }

    static func resolve(
        _ explicit: String?,
        name: String,
        file: String,
        _ configuration: ServerConfiguration,
        directory: String
    ) throws -> [UInt8] {
        if let explicit { return Array(explicit.utf8) }
        guard configuration.environment == .development else {
            throw ConfigurationError("APP_ENV=production needs \(name) (at least 32 bytes)")
        }
        let path = directory + "/" + file
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let key = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
            guard key.count >= 32 else { throw ConfigurationError("\(path) holds fewer than 32 bytes; delete it to make a new key") }
            return key
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create \(directory) for \(file)")
        }
        var random = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &random)) }.joined()
        // O_EXCL: two processes starting together must not overwrite each other's key.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return try self.resolve(explicit, name: name, file: file, configuration, directory: directory) }
            throw ConfigurationError("cannot write \(path)")
        }
        defer { close(fd) }
        let bytes = Array((key + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw ConfigurationError("cannot write \(path)") }
        return Array(key.utf8)
    }
}
