import Attachments
import RepositoryConformance
import SQLKit
import TestSupport
import Testing

/// The attachment store's and the resumable uploads' suites on memory, SQLite and MariaDB.
@Suite("Attachment store")
struct AttachmentStoreTests {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }

    static func with<S>(_ backend: Backend, memory: () -> S, sql: (any SQLDatabase) -> S, _ body: (S) async throws -> Void) async throws {
        switch backend {
        case .memory: try await body(memory())
        case .sqlite: try await TestDatabase.withSQLite(migrations: AttachmentMigrations.all) { try await body(sql($0)) }
        case .mariaDB: try await TestDatabase.withMariaDB(migrations: AttachmentMigrations.all) { try await body(sql($0)) }
        }
    }

    @Test(arguments: Self.backends, AttachmentRepositoryConformance.checks)
    func attachments(_ backend: Backend, _ check: AttachmentRepositoryConformance.Check) async throws {
        try await Self.with(
            backend,
            memory: { AttachmentMemoryRepository() as any AttachmentRepository },
            sql: { AttachmentSQLRepository(database: $0) }
        ) {
            try await check.run($0)
        }
    }

    @Test(arguments: Self.backends, UploadRepositoryConformance.checks)
    func uploads(_ backend: Backend, _ check: UploadRepositoryConformance.Check) async throws {
        try await Self.with(backend, memory: { UploadMemoryRepository() as any UploadRepository }, sql: { UploadSQLRepository(database: $0) }) {
            try await check.run($0)
        }
    }

    @Test func sniffsTypesFromTheFirstBytes() {
        #expect(FileSniffer.mediaType(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "image/png")
        #expect(FileSniffer.mediaType(of: Array("%PDF-1.7".utf8)) == "application/pdf")
        #expect(FileSniffer.mediaType(of: Array("你好, plain text".utf8)) == "text/plain; charset=utf-8")
        #expect(FileSniffer.mediaType(of: [0, 1, 2, 3]) == "application/octet-stream")
        #expect(FileSniffer.mediaType(of: []) == "application/octet-stream")
    }
}
