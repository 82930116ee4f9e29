import ArgumentParser
import Configuration
import Foundation
import Server

/// `rapport config …`: the settings as this program sees them, and the documentation made from their table.
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the effective configuration, or print the settings' documentation.",
        subcommands: [Check.self, Table.self, EnvironmentExample.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the configuration and print every setting's effective value, secrets masked.",
            discussion: "Exit status 2 and one line naming the first bad setting when the server would refuse to start."
        )

        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let reader = try await failing { try await ServerConfiguration.reader(overrides: self.options.overrides) }
            _ = try await failing { try ServerConfiguration(reader: reader) }
            let width = ServerConfiguration.keys.map(\.environment.count).max() ?? 0
            for (key, value) in ServerConfiguration.effectiveValues(reader) {
                let name = key.environment.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(name)  \(value ?? "\(key.defaultValue.isEmpty ? "" : key.defaultValue + " ")(default)")")
            }
        }
    }

    struct Table: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the settings as the README's Markdown table.")
        func run() { print(ServerConfiguration.markdownTable(), terminator: "") }
    }

    struct EnvironmentExample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "env-example",
            abstract: "Print .env.example: every setting at its default, commented out."
        )
        func run() { print(ServerConfiguration.environmentExample(), terminator: "") }
    }
}
