import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

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
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            FileHandle.standardError.write(Data("rapport: no password on standard input\n".utf8))
            throw ExitCode(2)
        }
        try await CommandDatabase.with(self.options) { command in
            try await command.withAuth { auth in
                do {
                    let user = try await auth.createAdmin(
                        username: self.username,
                        password: password,
                        externalID: self.externalID ?? self.username,
                        email: self.email
                    )
                    print("Created admin \(user.username) (id \(user.id), external id \(user.externalID ?? "-")) in \(command.database.location).")
                } catch let error as AuthError {
                    throw ConfigurationError(Self.describe(error))
                }
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
