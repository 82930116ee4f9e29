import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

/// The configuration flags shared by every command; each overrides its environment variable.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "Address to listen on (HOST).") var host: String?
    @Option(help: "TCP port (PORT).") var port: String?
    @Option(help: "Database URL (DATABASE_URL).") var databaseURL: String?
    @Option(help: "Comma-separated CORS origins (CORS_ORIGINS).") var corsOrigins: String?
    @Option(help: "development or production (APP_ENV).") var appEnv: String?
    @Option(help: "Log level (LOG_LEVEL).") var logLevel: String?
    @Option(help: "Largest request body in bytes (MAX_BODY_SIZE).") var maxBodySize: String?
    @Option(help: "Idle connection timeout in seconds (IDLE_TIMEOUT).") var idleTimeout: String?
    @Option(help: "Seconds to send a request's headers, and its body (REQUEST_TIMEOUT).") var requestTimeout: String?
    @Option(help: "Open connections allowed in total (MAX_CONNECTIONS).") var maxConnections: String?
    @Option(help: "Open connections allowed per client address (MAX_CONNECTIONS_PER_CLIENT).") var maxConnectionsPerClient: String?

    var overrides: [String: String] {
        let pairs: [(String, String?)] = [
            ("HOST", self.host), ("PORT", self.port), ("DATABASE_URL", self.databaseURL),
            ("CORS_ORIGINS", self.corsOrigins), ("APP_ENV", self.appEnv), ("LOG_LEVEL", self.logLevel),
            ("MAX_BODY_SIZE", self.maxBodySize), ("IDLE_TIMEOUT", self.idleTimeout),
            ("REQUEST_TIMEOUT", self.requestTimeout), ("MAX_CONNECTIONS", self.maxConnections),
            ("MAX_CONNECTIONS_PER_CLIENT", self.maxConnectionsPerClient),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Loads the configuration and starts logging at its level. A bad value ends the program with status 2.
    func load() async throws -> (ServerConfiguration, Logger) {
        let configuration = try await failing { try await ServerConfiguration.load(overrides: self.overrides) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        return (configuration, Logger(label: "rapport"))
    }
}

/// Runs `body`; a configuration or storage error is printed as one line and exits with status 2.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("rapport: \(error.description)\n".utf8))
        throw ExitCode(2)
    } catch let error as StorageError {
        FileHandle.standardError.write(Data("rapport: \(error.message)\n".utf8))
        throw ExitCode(2)
    }
}
