import ArgumentParser
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

    var overrides: [String: String] {
        let pairs: [(String, String?)] = [
            ("HOST", self.host), ("PORT", self.port), ("DATABASE_URL", self.databaseURL),
            ("CORS_ORIGINS", self.corsOrigins), ("APP_ENV", self.appEnv), ("LOG_LEVEL", self.logLevel),
            ("MAX_BODY_SIZE", self.maxBodySize), ("IDLE_TIMEOUT", self.idleTimeout),
            ("REQUEST_TIMEOUT", self.requestTimeout),
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

@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport: contacts, chat, audit and accounts for relationship software.",
        discussion: """
            Configuration comes from flags, then environment variables, then a .env file in the working directory:

            \(ServerConfiguration.keys.map { "  \($0.environment.padding(toLength: 16, withPad: " ", startingAt: 0))--\($0.flag)\n      \($0.help)\n      default: \($0.defaultValue)" }.joined(separator: "\n"))

            Relative SQLite paths resolve against the working directory.
            """,
        subcommands: [Serve.self, Migrate.self],
        defaultSubcommand: Serve.self
    )
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and serve the HTTP API.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        let app = try await failing {
            try await RapportServer.buildApplication(configuration: configuration, logger: logger)
        }
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        try await failing {
            let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
            do {
                let applied = try await RapportServer.migrator.migrate(on: database.database, logger: logger)
                print(applied.isEmpty ? "No pending migrations (\(database.location))."
                    : "Applied \(applied.count) migration(s) to \(database.location): \(applied.joined(separator: ", "))")
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }
}
