import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct ContactsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an address book to standard output.")

    @OptionGroup var options: ConfigurationOptions
    @Option(help: "The owner: username, email or user id.") var owner: String
    @Option(help: "csv or vcard.") var format = "csv"

    func run() async throws {
        let format = try fileFormat(self.format)
        try await withAddressBook(self.options, owner: self.owner) { contacts, user in
            try await contacts.export(owner: OwnerID(user.id.rawValue), format: format) { chunk in
                FileHandle.standardOutput.write(Data(chunk.utf8))
            }
        }
    }
}
