import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct AuditPurge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete audit records older than a number of days, leaving a checkpoint so the rest still verifies."
    )

    @OptionGroup var options: ConfigurationOptions
    @Option(help: "Delete records created more than this many days ago.") var olderThanDays: Int

    func validate() throws {
        guard self.olderThanDays >= 1 else { throw ValidationError("--older-than-days must be at least 1") }
    }

    func run() async throws {
        let days = self.olderThanDays
        let purged = try await withAuditStore(self.options) { store in
            try await store.purge(createdBefore: Date().addingTimeInterval(-Double(days) * 86400))
        }
        print("purged \(purged) audit record(s) older than \(days) day(s)")
    }
}
