// An address book in a SQLite file with ContactsKit and StorageSQLite only — no server.
//   swift run AddressBook add "张三" "138-0013-8000"
//   swift run AddressBook rename 1 "张三丰"
//   swift run AddressBook list
//   swift run AddressBook history 1
import ContactsKit
import Foundation
import Logging
import StorageKit
import StorageSQLite

let logger = Logger(label: "address-book")
let database = try SQLiteDatabase(configuration: .init(url: "sqlite:data/address-book.sqlite"), logger: logger)
try await Migrator(ContactsMigrations.all).migrate(on: database, logger: logger)
let book = ContactsService(repository: ContactSQLRepository(database: database), logger: logger)
let me = OwnerID(1)

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("add", 3):
        let (contact, _) = try await book.add(owner: me, name: arguments[1], phone: arguments[2], operator: "me")
        print("added #\(contact.id) \(contact.name) \(contact.phone) (\(contact.normalizedPhone))")
    case ("rename", 3):
        guard let id = Int64(arguments[1]) else { throw ContactsError.notFound }
        let current = try await book.contact(ContactID(id), owner: me)
        let result = try await book.update(current.id, owner: me, name: arguments[2], phone: current.phone, operator: "me")
        print("now: \(result.contact.name)")
    case ("list", 1):
        for contact in try await book.list(owner: me).contacts { print("#\(contact.id)\t\(contact.name)\t\(contact.phone)") }
    case ("history", 2):
        guard let id = Int64(arguments[1]) else { throw ContactsError.notFound }
        for version in try await book.versions(of: ContactID(id), owner: me) {
            print(version.updatedAt, version.changes.map { "\($0.field): \($0.old ?? "—") → \($0.new)" }.joined(separator: ", "))
        }
    default:
        print("usage: AddressBook add NAME PHONE | rename ID NAME | list | history ID")
    }
} catch let error as ContactsError {
    print("error: \(ContactsService.describe(error))")
}
try database.close()
