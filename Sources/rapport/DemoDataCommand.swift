import ArgumentParser
import AuthTokens
import CRMAudit
import ChatCore
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load seed 004's demo users (p1, b1, b2, m1, m2, m3; no passwords) and their quick replies.",
        discussion: "Refuses to run with APP_ENV=production. Running it again adds nothing."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await CommandDatabase.with(self.options) { command in
            guard command.configuration.environment != .production else {
                throw ConfigurationError("demo data is never loaded with APP_ENV=production")
            }
            let db = command.database.database
            let added = try await DemoData.load(
                users: UserSQLRepository(database: db),
                quickReplies: QuickReplySQLRepository(database: db),
                configuration: command.configuration
            )
            print("demo data: \(added.users) user(s) and \(added.replies) quick reply(ies) added")
        }
    }
}
