import Attachments
import AuthTokens
import ChatCore
import Foundation
import Logging
import SQLKit
import Server
import StorageKit
import TestSupport
import Testing

/// A database whose file messages were stored before messages carried their attachment: the migrations link each
/// one to its sender's own file, and nothing else.
@Suite("Message attachments on an older database")
struct MessageAttachmentMigrationTests {
    @Test(arguments: HTTPBackend.enabled)
    func olderFileMessagesLinkTheirSendersFiles(_ backend: HTTPBackend) async throws {
        switch backend {
        case .sqlite: try await Self.check("sqlite::memory:")
        case .mariaDB: try await TestDatabase.withMariaDBURL { url in try await Self.check(url) }
        }
    }

    static func check(_ url: String) async throws {
        let logger = TestServer.logger
        let connected = try await ConnectedDatabase.connect(url: url, logger: logger)
        do {
            try await Self.check(connected.database, logger: logger)
        } catch {
            await connected.shutdown()
            throw error
        }
        await connected.shutdown()
    }

    static func check(_ database: any SQLDatabase, logger: Logger) async throws {
        let before = ChatMigrations.all.filter { !$0.name.hasPrefix("chat.018") }
        try await Migrator(AuthMigrations.all + before + AttachmentMigrations.all).migrate(on: database, logger: logger)
        let users = UserSQLRepository(database: database)
        let a = try await users.create(NewUser(username: "a", role: .user, createdAt: Date()))
        let b = try await users.create(NewUser(username: "b", role: .user, createdAt: Date()))
        let messages = MessageSQLRepository(database: database)
        let conversation = try await messages.directConversation(
            between: ParticipantID(a.id.rawValue),
            and: ParticipantID(b.id.rawValue),
            at: Date()
        )
        let attachments = AttachmentSQLRepository(database: database)
        let fileID = "\(a.id.rawValue)_1796650000_0a1b2c3d_report.pdf"
        let socketFile = try await attachments.create(
            Attachment(
                id: 0,
                owner: a.id.rawValue,
                name: "report.pdf",
                type: "application/pdf",
                size: 3,
                sha256: String(repeating: "0", count: 64),
                path: "uploads/chat/" + fileID,
                createdAt: Date()
            )
        )
        let resumable = try await attachments.create(
            Attachment(
                id: 0,
                owner: a.id.rawValue,
                name: "big.bin",
                type: "application/octet-stream",
                size: 9,
                sha256: String(repeating: "1", count: 64),
                path: "uploads/tus/u",
                createdAt: Date()
            )
        )
        let uploadID = String(repeating: "ab", count: 16)
        let uploads = UploadSQLRepository(database: database)
        try await uploads.create(
            Upload(
                id: uploadID,
                owner: a.id.rawValue,
                length: 9,
                path: "uploads/tus/u",
                createdAt: Date(),
                expiresAt: Date() + 3600
            )
        )
        try await uploads.finish(uploadID, attachment: resumable.id)
        // Rows as the server stored them before chat.018: a's socket file, a's resumable upload, b naming a's
        // socket file and a's upload, and a text.
        let rows: [(Int64, String, String)] = [
            (a.id.rawValue, "/api/media/uploads/chat/" + fileID, "file"),
            (a.id.rawValue, "/api/files/\(uploadID)/big.bin", "file"),
            (b.id.rawValue, "/api/media/uploads/chat/" + fileID, "file"),
            (b.id.rawValue, "/api/files/\(uploadID)/big.bin", "file"),
            (a.id.rawValue, "/api/media/uploads/chat/" + fileID, "text"),
        ]
        for (index, row) in rows.enumerated() {
            try await database.raw(
                """
                INSERT INTO messages (conversation_id, seq, sender_id, content, message_type, created_at)
                VALUES (\(bind: conversation.rawValue), \(bind: index + 1), \(bind: row.0), \(bind: row.1), \(bind: row.2), \(bind: Date()))
                """
            ).run()
        }
        try await database.raw("UPDATE conversations SET last_seq = \(bind: rows.count) WHERE id = \(bind: conversation.rawValue)").run()

        try await RapportServer.migrator.migrate(on: database, logger: logger)
        let stored = try await messages.messages(in: conversation, limit: 10, offset: 0, beforeSeq: nil, afterSeq: nil).reversed()
        #expect(stored.map(\.attachmentID) == [socketFile.id, resumable.id, nil, nil, nil])
        #expect(try await messages.sharesAttachment(socketFile.id, with: ParticipantID(b.id.rawValue)))
    }
}
