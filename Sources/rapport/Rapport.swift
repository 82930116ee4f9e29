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
        discussion: ConfigurationOptions.discussion,
        version: RapportServer.version,
        subcommands: [Serve.self, Migrate.self, Config.self, CreateAdmin.self, DemoDataCommand.self, Contacts.self, Audit.self, BcryptSpeed.self],
        defaultSubcommand: Serve.self
    )
}
