import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct Contacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import or export a user's address book (vCard or CSV).",
        subcommands: [ContactsImport.self, ContactsExport.self]
    )
}

/// The contacts service and `owner`'s account on the configured database, for the commands that work on one
/// user's address book.
func withAddressBook<R>(
    _ options: ConfigurationOptions,
    owner: String,
    _ body: (ContactsService, User) async throws -> R
) async throws -> R {
    try await CommandDatabase.with(options) { command in
        let users = UserSQLRepository(database: command.database.database)
        var user = try await users.user(identifier: owner)
        if user == nil, let id = Int64(owner) { user = try await users.user(id: UserID(id)) }
        guard let user else { throw ConfigurationError("no user '\(owner)' (give a username, email or id)") }
        let contacts = try RapportServer.contactsService(database: command.database, configuration: command.configuration, logger: command.logger)
        return try await body(contacts, user)
    }
}

/// `--format csv|vcard`.
func fileFormat(_ text: String?, file: String? = nil) throws -> ContactFileFormat {
    if let text {
        guard let format = ContactFileFormat(rawValue: text.lowercased()) else { throw ValidationError("--format is csv or vcard") }
        return format
    }
    return file?.lowercased().hasSuffix(".csv") == true ? .csv : .vcard
}
