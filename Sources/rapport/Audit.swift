import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or trim the audit log.",
        subcommands: [AuditVerify.self, AuditPurge.self]
    )
}

/// The audit store on the configured database (migrated), for the `audit` commands.
func withAuditStore<R>(_ options: ConfigurationOptions, _ body: (any AuditLogStore) async throws -> R) async throws -> R {
    try await CommandDatabase.with(options) { command in
        try await body(try RapportServer.auditStore(database: command.database, configuration: command.configuration))
    }
}
