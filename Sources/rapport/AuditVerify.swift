import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the audit chain and report whether any record was modified, deleted, inserted or reordered.",
        discussion: "Exits with status 0 when the chain is intact and 1 when it is not."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (result, head) = try await withAuditStore(self.options) { store in
            (try await AuditVerifier(store: store).verify(), try await store.head())
        }
        let range = result.firstSeq.map { "records \($0)…\(result.lastSeq ?? $0)" } ?? "no records"
        if let problem = result.problem {
            print("audit chain BROKEN after \(result.checkedRecords) good record(s) (\(range); head \(head.seq))")
            print("  problem: \(RapportServer.describe(problem))")
            if let seq = result.badSeq { print("  first bad record: seq \(seq)\(result.badID.map { ", id \($0)" } ?? "")") }
            throw ExitCode(1)
        }
        print("audit chain intact: \(result.checkedRecords) record(s), \(range), head \(head.seq)")
    }
}
