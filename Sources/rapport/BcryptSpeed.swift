import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

/// How many bcrypt hashes one core makes per second at a cost; `Scripts/bench` sets the login rate beside it.
struct BcryptSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcrypt-speed",
        abstract: "Measure bcrypt hashes per second on one core.",
        shouldDisplay: false
    )

    @Option(help: "bcrypt cost.") var cost = 12
    @Option(help: "Seconds to measure for.") var seconds = 3.0

    func validate() throws {
        guard (PasswordHasher.minimumCost...31).contains(self.cost) else { throw ValidationError("cost must be from 10 to 31") }
    }

    func run() {
        print(String(format: "%.2f", PasswordHasher.measure(cost: self.cost, seconds: self.seconds)))
    }
}
