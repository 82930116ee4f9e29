public import Foundation
public import SQLKit
import StorageKit

/// The attachment store on any SQLKit database (table `attachments`, ``AttachmentMigrations``).
public struct AttachmentSQLRepository: AttachmentRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = ["id", "owner_id", "name", "media_type", "size", "sha256", "path", "created_at"]
    static let columnList = SQLColumnList(columns)

    static func attachment(_ row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.decode(column: "id", as: Int64.self),
            owner: try row.decode(column: "owner_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            type: try row.decode(column: "media_type", as: String.self),
            size: try row.decode(column: "size", as: Int64.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            path: try row.decode(column: "path", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }

    public func create(_ attachment: Attachment) async throws -> Attachment {
        let date = DateParts(attachment.createdAt).date
        let row = try await self.database.insert(into: "attachments")
            .columns("owner_id", "name", "media_type", "size", "sha256", "path", "created_at")
            .values(
                SQLBind(attachment.owner),
                SQLBind(attachment.name),
                SQLBind(attachment.type),
                SQLBind(attachment.size),
                SQLBind(attachment.sha256),
                SQLBind(attachment.path),
                SQLBind(date)
            )
            .returning("id").first()
        var stored = attachment
        stored.id = try row!.decode(column: "id", as: Int64.self)
        stored.createdAt = date
        return stored
    }

    public func attachment(_ id: Int64) async throws -> Attachment? {
        try await self.database.select().columns(Self.columnList).from("attachments").where("id", .equal, SQLBind(id)).first()
            .map(Self.attachment)
    }

    public func attachment(path: String) async throws -> Attachment? {
        try await self.database.select().columns(Self.columnList).from("attachments").where("path", .equal, SQLBind(path))
            .orderBy("id", .descending).first().map(Self.attachment)
    }

    public func usage(of owner: Int64) async throws -> Int64 {
        try await self.database.select().column(
            SQLFunction("COALESCE", args: SQLFunction("SUM", args: SQLColumn("size")), SQLLiteral.numeric("0")),
            as: "n"
        )
        .from("attachments").where("owner_id", .equal, SQLBind(owner)).first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    public func delete(_ id: Int64) async throws -> Attachment? {
        guard let existing = try await self.attachment(id) else { return nil }
        try await self.database.delete(from: "attachments").where("id", .equal, SQLBind(id)).run()
        return existing
    }
}
