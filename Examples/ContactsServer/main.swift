// A Hummingbird program that serves only Rapport's contacts API (contracts/seed000): ContactsKit on
// StorageSQLite, with the contacts routes mounted under its own request context. It verifies the bearer tokens
// that `rapport` issues when it shares rapport's database and JWT_SECRET_KEY:
//   JWT_SECRET_KEY=… swift run ContactsServer data/rapport.sqlite
//   curl -H "Authorization: Bearer $TOKEN" localhost:8091/api/contacts
import AuthTokens
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit
import StorageSQLite

struct ContactsContext: RapportRequestContext {
    var coreContext: CoreRequestContextStorage
    var authentication: Result<Identity, TokenFailure> = .failure(.missing)
    var clientAddress: String

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

let logger = Logger(label: "contacts")
let path = CommandLine.arguments.dropFirst().first ?? "data/contacts.sqlite"
let secret = ProcessInfo.processInfo.environment["JWT_SECRET_KEY"] ?? String(repeating: "x", count: 32)
let database = try SQLiteDatabase(configuration: .init(storage: .file(path: path)), logger: logger)
try await Migrator(AuthMigrations.all + ContactsMigrations.all).migrate(on: database, logger: logger)
let auth = AuthService(
    users: UserSQLRepository(database: database),
    sessions: SessionSQLRepository(database: database),
    loginLog: LoginLogSQLStore(database: database),
    hasher: PasswordHasher(),
    tokens: try await TokenService(secret: Array(secret.utf8)),
    logger: logger
)
let contacts = ContactsService(repository: ContactSQLRepository(database: database), logger: logger)

let router = Router(context: ContactsContext.self)
router.add(middleware: AuthMiddleware(auth: auth))
router.addRoutes(ContactsController(contacts: contacts).endpoints, atPath: "/api/contacts")
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8091)), logger: logger)
try await app.runService()
await auth.hasher.shutdown()
try database.close()
