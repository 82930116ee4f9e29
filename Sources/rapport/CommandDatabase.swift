import AuthTokens
import Foundation
import Logging
import Server
import StorageKit

/// What a command that works on the database gets: the configuration, a logger, the database with every
/// migration applied, and the names of the migrations this run applied.
struct CommandDatabase {
    let configuration: ServerConfiguration
    let logger: Logger
    let database: ConnectedDatabase
    let applied: [String]

    /// Loads the configuration, connects to its database, applies pending migrations, runs `body`, and shuts the
    /// database down whatever happened: the one shape of every command but `serve`. A configuration or storage
    /// error ends the program with one line and status 2 (see ``failing(_:)``).
    static func with<R>(_ options: ConfigurationOptions, _ body: (CommandDatabase) async throws -> R) async throws -> R {
        let (configuration, logger) = try await options.load()
        return try await failing {
            let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
            do {
                let applied = try await RapportServer.migrator.migrate(on: database.database, logger: logger)
                let result = try await body(CommandDatabase(configuration: configuration, logger: logger, database: database, applied: applied))
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    /// The account service only (what `create-admin` and the contacts commands need), stopped after `body`.
    func withAuth<R>(_ body: (AuthService) async throws -> R) async throws -> R {
        let auth = try await RapportServer.authService(database: self.database, configuration: self.configuration, logger: self.logger)
        do {
            let result = try await body(auth)
            await auth.hasher.shutdown()
            return result
        } catch {
            await auth.hasher.shutdown()
            throw error
        }
    }
}
