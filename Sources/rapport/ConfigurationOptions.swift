import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

/// The configuration flags shared by every command, one per key of ``ServerConfiguration/keys`` (the table the
/// help is printed from); each overrides its environment variable. ArgumentParser collects them unparsed and
/// the table reads them, so a key added to the table is a flag at once.
struct ConfigurationOptions: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: .hidden) var settings: [String] = []

    func validate() throws {
        do {
            _ = try ServerConfiguration.overrides(fromArguments: self.settings)
        } catch {
            throw ValidationError(error.description)
        }
    }

    var overrides: [String: String] { (try? ServerConfiguration.overrides(fromArguments: self.settings)) ?? [:] }

    init() {}

    init(settings: [String]) { self.settings = settings }

    /// The settings, for a command's help.
    static let discussion = """
        Settings come from these flags, then environment variables, then a .env file in the working directory:

        \(ServerConfiguration.helpText())

        Relative SQLite paths resolve against the working directory. Flags are visible to other users of the machine
        (ps): give secrets through the environment or .env.
        """

    /// Loads the configuration and starts logging at its level. A bad value ends the program with status 2.
    func load() async throws -> (ServerConfiguration, Logger) {
        let configuration = try await failing { try await ServerConfiguration.load(overrides: self.overrides) }
        LoggingSystem.bootstrap { label in
            switch configuration.logFormat {
            case .json:
                return JSONLogHandler(label: label, level: configuration.logLevel)
            case .text:
                return TextLogHandler(label: label, level: configuration.logLevel)
            }
        }
        return (configuration, Logger(label: "rapport"))
    }
}

/// Runs `body`; a configuration or storage error is printed as one line and exits with status 2.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("rapport: \(error.description)\n".utf8))
        throw ExitCode(2)
    } catch let error as StorageError {
        FileHandle.standardError.write(Data("rapport: \(error.message)\n".utf8))
        throw ExitCode(2)
    }
}

/// The settings and one file (`rapport contacts import FILE`), in any order: the file is the one argument that is
/// neither a setting nor a setting's value.
struct FileAndConfigurationOptions: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: .hidden) var arguments: [String] = []

    func validate() throws {
        let read: (overrides: [String: String], positionals: [String])
        do {
            read = try ServerConfiguration.settings(fromArguments: self.arguments)
        } catch {
            throw ValidationError(error.description)
        }
        guard read.positionals.count == 1 else {
            throw ValidationError(read.positionals.isEmpty ? "missing the file to import" : "one file at a time: \(read.positionals)")
        }
    }

    var file: String { (try? ServerConfiguration.settings(fromArguments: self.arguments).positionals.first) ?? "" }

    /// The settings alone.
    var options: ConfigurationOptions {
        let overrides = (try? ServerConfiguration.settings(fromArguments: self.arguments).overrides) ?? [:]
        let flags = Dictionary(uniqueKeysWithValues: ServerConfiguration.keys.map { ($0.environment, $0.flag) })
        return ConfigurationOptions(settings: overrides.compactMap { key, value in flags[key].map { "--\($0)=\(value)" } })
    }
}
