import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct ContactsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import contacts from a vCard or CSV file; importing the same file again adds nothing.",
        usage: "rapport contacts import FILE --owner <owner> [--format <format>] [settings]"
    )

    // The file is read from what the settings leave (ArgumentParser would give a declared positional the value of
    // any setting written before it): see FileAndConfigurationOptions.
    @OptionGroup var arguments: FileAndConfigurationOptions
    @Option(help: "The owner: username, email or user id.") var owner: String
    @Option(help: "csv or vcard (default: from the file name).") var format: String?

    var file: String { self.arguments.file }
    var options: ConfigurationOptions { self.arguments.options }

    func run() async throws {
        let format = try fileFormat(self.format, file: self.file)
        guard let data = FileManager.default.contents(atPath: self.file) else {
            FileHandle.standardError.write(Data("rapport: cannot read \(self.file)\n".utf8))
            throw ExitCode(2)
        }
        let report = try await withAddressBook(self.options, owner: self.owner) { contacts, user in
            let records: [ImportRecord]
            do {
                records = try ContactFileReader.records(data, format: format)
            } catch let error as ContactsError {
                throw ConfigurationError(ContactsService.describe(error))
            }
            let bar = ProgressBar(total: records.count)
            let report = try await contacts.importRecords(
                records,
                owner: OwnerID(user.id.rawValue),
                operator: user.username,
                progress: { bar.show($0) }
            )
            bar.finish()
            return report
        }
        for row in report.rows where row.outcome == .rejected {
            FileHandle.standardError.write(Data("row \(row.position): rejected: \(row.reason ?? "")\n".utf8))
        }
        print(
            "created \(report.count(.created)), updated \(report.count(.updated)), skipped \(report.count(.skipped)), rejected \(report.count(.rejected))"
        )
    }
}
