import ArgumentParser
import AuthTokens
import ContactsKit
import CRMAudit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

/// The configuration flags shared by every command; each overrides its environment variable.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "Address to listen on (HOST).") var host: String?
    @Option(help: "TCP port (PORT).") var port: String?
    @Option(help: "Database URL (DATABASE_URL).") var databaseURL: String?
    @Option(help: "Comma-separated CORS origins (CORS_ORIGINS).") var corsOrigins: String?
    @Option(help: "development or production (APP_ENV).") var appEnv: String?
    @Option(help: "Log level (LOG_LEVEL).") var logLevel: String?
    @Option(help: "Largest request body in bytes (MAX_BODY_SIZE).") var maxBodySize: String?
    @Option(help: "Idle connection timeout in seconds (IDLE_TIMEOUT).") var idleTimeout: String?
    @Option(help: "Seconds to send a request's headers, and its body (REQUEST_TIMEOUT).") var requestTimeout: String?

    var overrides: [String: String] {
        let pairs: [(String, String?)] = [
            ("HOST", self.host), ("PORT", self.port), ("DATABASE_URL", self.databaseURL),
            ("CORS_ORIGINS", self.corsOrigins), ("APP_ENV", self.appEnv), ("LOG_LEVEL", self.logLevel),
            ("MAX_BODY_SIZE", self.maxBodySize), ("IDLE_TIMEOUT", self.idleTimeout),
            ("REQUEST_TIMEOUT", self.requestTimeout),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Loads the configuration and starts logging at its level. A bad value ends the program with status 2.
    func load() async throws -> (ServerConfiguration, Logger) {
        let configuration = try await failing { try await ServerConfiguration.load(overrides: self.overrides) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
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

@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport: contacts, chat, audit and accounts for relationship software.",
        discussion: """
            Configuration comes from flags, then environment variables, then a .env file in the working directory:

            \(ServerConfiguration.keys.map { "  \($0.environment.padding(toLength: 16, withPad: " ", startingAt: 0))--\($0.flag)\n      \($0.help)\n      default: \($0.defaultValue)" }.joined(separator: "\n"))

            Relative SQLite paths resolve against the working directory.
            """,
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, DemoDataCommand.self, Contacts.self, Audit.self, BcryptSpeed.self],
        defaultSubcommand: Serve.self
    )
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and serve the HTTP API.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        let app = try await failing {
            try await RapportServer.buildApplication(configuration: configuration, logger: logger)
        }
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        try await failing {
            let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
            do {
                let applied = try await RapportServer.migrator.migrate(on: database.database, logger: logger)
                print(applied.isEmpty ? "No pending migrations (\(database.location))."
                    : "Applied \(applied.count) migration(s) to \(database.location): \(applied.joined(separator: ", "))")
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }
}

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an administrator account; the password is read from standard input.",
        discussion: "Example: printf '%s\\n' \"$ADMIN_PASSWORD\" | rapport create-admin --username admin --password-stdin"
    )

    @OptionGroup var options: ConfigurationOptions
    @Option(help: "The admin's username.") var username: String
    @Option(help: "Seed-004 style external id (default: the username).") var externalID: String?
    @Option(help: "An email address to log in with.") var email: String?
    @Flag(help: "Read the password from the first line of standard input (required: never on the command line).")
    var passwordStdin = false

    func validate() throws {
        guard self.passwordStdin else { throw ValidationError("pass --password-stdin and the password on standard input") }
    }

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            FileHandle.standardError.write(Data("rapport: no password on standard input\n".utf8))
            throw ExitCode(2)
        }
        try await failing {
            let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
            do {
                try await RapportServer.migrator.migrate(on: database.database, logger: logger)
                let services = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
                let user = try await services.auth.createAdmin(
                    username: self.username, password: password, externalID: self.externalID ?? self.username, email: self.email
                )
                print("Created admin \(user.username) (id \(user.id), external id \(user.externalID ?? "-")) in \(database.location).")
                await services.auth.hasher.shutdown()
                await database.shutdown()
            } catch let error as AuthError {
                await database.shutdown()
                throw ConfigurationError(Self.describe(error))
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    static func describe(_ error: AuthError) -> String {
        switch error {
        case .usernameTaken: "that username is taken"
        case .emailTaken: "that email is taken"
        case .externalIDTaken: "that external id is taken"
        case .passwordTooShort(let minimum): "the password needs at least \(minimum) characters"
        case .passwordTooLong(let bytes): "the password is longer than \(bytes) bytes"
        case .invalidField(let field): "invalid \(field)"
        default: "\(error)"
        }
    }
}

/// How many bcrypt hashes one core makes per second at a cost; `Scripts/bench` sets the login rate beside it.
struct BcryptSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcrypt-speed", abstract: "Measure bcrypt hashes per second on one core.", shouldDisplay: false
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

struct Contacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import or export a user's address book (vCard or CSV).",
        subcommands: [ContactsImport.self, ContactsExport.self]
    )
}

/// The server's services on the configured database, for commands that work on one user's data.
func withServices<R>(
    _ options: ConfigurationOptions, _ body: (RapportServer.Services, User) async throws -> R, owner: String
) async throws -> R {
    let (configuration, logger) = try await options.load()
    return try await failing {
        let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
        do {
            try await RapportServer.migrator.migrate(on: database.database, logger: logger)
            let services = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
            var user = try await services.auth.users.user(identifier: owner)
            if user == nil, let id = Int64(owner) { user = try await services.auth.users.user(id: UserID(id)) }
            guard let user else { throw ConfigurationError("no user '\(owner)' (give a username, email or id)") }
            let result = try await body(services, user)
            await services.auth.hasher.shutdown()
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// `--format csv|vcard`.
func fileFormat(_ text: String?, file: String? = nil) throws -> ContactFileFormat {
    if let text {
        guard let format = ContactFileFormat(rawValue: text.lowercased()) else { throw ValidationError("--format is csv or vcard") }
        return format
    }
    return file?.lowercased().hasSuffix(".csv") == true ? .csv : .vcard
}

struct ContactsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import contacts from a vCard or CSV file; importing the same file again adds nothing."
    )

    @OptionGroup var options: ConfigurationOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "The owner: username, email or user id.") var owner: String
    @Option(help: "csv or vcard (default: from the file name).") var format: String?

    func run() async throws {
        let format = try fileFormat(self.format, file: self.file)
        guard let data = FileManager.default.contents(atPath: self.file) else {
            FileHandle.standardError.write(Data("rapport: cannot read \(self.file)\n".utf8))
            throw ExitCode(2)
        }
        let report = try await withServices(self.options, { services, user in
            let records: [ImportRecord]
            do {
                records = try ContactFileReader.records(data, format: format)
            } catch let error as ContactsError {
                throw ConfigurationError(ContactsService.describe(error))
            }
            let bar = ProgressBar(total: records.count)
            let report = try await services.contacts.importRecords(
                records, owner: OwnerID(user.id.rawValue), operator: user.username, progress: { bar.show($0) }
            )
            bar.finish()
            return report
        }, owner: self.owner)
        for row in report.rows where row.outcome == .rejected {
            FileHandle.standardError.write(Data("row \(row.position): rejected: \(row.reason ?? "")\n".utf8))
        }
        print("created \(report.count(.created)), updated \(report.count(.updated)), skipped \(report.count(.skipped)), rejected \(report.count(.rejected))")
    }
}

struct ContactsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an address book to standard output.")

    @OptionGroup var options: ConfigurationOptions
    @Option(help: "The owner: username, email or user id.") var owner: String
    @Option(help: "csv or vcard.") var format = "csv"

    func run() async throws {
        let format = try fileFormat(self.format)
        try await withServices(self.options, { services, user in
            try await services.contacts.export(owner: OwnerID(user.id.rawValue), format: format) { chunk in
                FileHandle.standardOutput.write(Data(chunk.utf8))
            }
        }, owner: self.owner)
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
    let total: Int
    let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func show(_ done: Int) {
        guard self.enabled, self.total > 0 else { return }
        let width = 30
        let filled = width * done / self.total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(self.total)".utf8))
    }

    func finish() {
        if self.enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or trim the audit log.",
        subcommands: [AuditVerify.self, AuditPurge.self]
    )
}

/// The audit store on the configured database (migrated), for the `audit` commands.
func withAuditStore<R>(_ options: ConfigurationOptions, _ body: (any AuditLogStore) async throws -> R) async throws -> R {
    let (configuration, logger) = try await options.load()
    return try await failing {
        let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
        do {
            try await RapportServer.migrator.migrate(on: database.database, logger: logger)
            let result = try await body(try RapportServer.auditStore(database: database, configuration: configuration))
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

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

struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load seed 004's demo users (p1, b1, b2, m1, m2, m3; no passwords) and their quick replies.",
        discussion: "Refuses to run with APP_ENV=production. Running it again adds nothing."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, logger) = try await self.options.load()
        try await failing {
            guard configuration.environment != .production else {
                throw ConfigurationError("demo data is never loaded with APP_ENV=production")
            }
            let database = try await ConnectedDatabase.connect(url: configuration.databaseURL, logger: logger)
            do {
                try await RapportServer.migrator.migrate(on: database.database, logger: logger)
                let services = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
                let added = try await DemoData.load(into: services, configuration: configuration)
                print("demo data: \(added.users) user(s) and \(added.replies) quick reply(ies) added")
                await services.auth.hasher.shutdown()
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }
}
