import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

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
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, DemoDataCommand.self, Contacts.self, Audit.self, BcryptSpeed.self],
        defaultSubcommand: Serve.self
    )
}
