// A Hummingbird program that embeds Rapport's storage layer and server shell, the way a service would
// embed one domain: one SQLDatabase from a URL, the domain's migrations, its routes behind the common
// middleware. Run it with `swift run EmbeddedNotes` and try `curl -d '{"text":"hi"}' localhost:8090/notes`.
import Hummingbird
import Logging
import SQLKit
import Server
import StorageKit

struct Note: ResponseCodable {
    var id: Int?
    var text: String
}

let logger = Logger(label: "notes")
let database = try await ConnectedDatabase.connect(url: "sqlite:data/notes.sqlite", logger: logger)
let migrator = Migrator(
    table: "notes_migrations",
    [
        Migration("notes.001.create") { db in
            try await db.create(table: "notes").ifNotExists()
                .column("id", type: .bigint, .primaryKey)
                .column("text", type: .text, .notNull)
                .run()
        }
    ]
)
try await migrator.migrate(on: database.database, logger: logger)

var configuration = ServerConfiguration()
configuration.port = 8090
let router = RapportServer.buildRouter(database: database, configuration: configuration)
router.post("/notes") { request, context -> Note in
    let note = try await request.decode(as: Note.self, context: context)
    let row = try await database.database.insert(into: "notes").columns("text").values(SQLBind(note.text))
        .returning("id").first()
    return Note(id: try row?.decode(column: "id", as: Int.self), text: note.text)
}
router.get("/notes") { _, _ -> [Note] in
    try await database.database.select().columns("id", "text").from("notes").orderBy("id").all(decoding: Note.self)
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: configuration.port)), logger: logger)
try await app.runService()
await database.shutdown()
