import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending migrations and serve the HTTP API.",
        discussion: ConfigurationOptions.discussion
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        MallocTuning.apply(environment: ProcessInfo.processInfo.environment)
        let (configuration, logger) = try await self.options.load()
        let services = try await failing { try await RapportServer.connectServices(configuration: configuration, logger: logger) }
        try await RapportServer.run(services: services, configuration: configuration, logger: logger)
    }
}
