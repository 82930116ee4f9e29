import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await CommandDatabase.with(self.options) { command in
            print(
                command.applied.isEmpty
                    ? "No pending migrations (\(command.database.location))."
                    : "Applied \(command.applied.count) migration(s) to \(command.database.location): \(command.applied.joined(separator: ", "))"
            )
        }
    }
}
