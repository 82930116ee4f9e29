public import Foundation
public import SQLKit
import StorageKit

/// Resumable uploads on any SQLKit database (table `uploads`, ``AttachmentMigrations``). A claim is a conditional
/// `UPDATE` followed by a read of who holds the row, so it works the same on every driver.
public struct UploadSQLRepository: UploadRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    static let columns = [
        "id", "owner_id", "length", "upload_offset", "filename", "filetype", "metadata", "path", "created_at", "expires_at",
        "attachment_id", "claim", "claimed_until", "last_claim",
    ]
    static let columnList = SQLColumnList(columns)

    static func upload(_ row: any SQLRow) throws -> Upload {
        Upload(
            id: try row.decode(column: "id", as: String.self),
            owner: try row.decode(column: "owner_id", as: Int64.self),
            length: try row.decode(column: "length", as: Int64.self),
            offset: try row.decode(column: "upload_offset", as: Int64.self),
            filename: try row.decode(column: "filename", as: String?.self),
            filetype: try row.decode(column: "filetype", as: String?.self),
            metadata: try row.decode(column: "metadata", as: String?.self),
            path: try row.decode(column: "path", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            attachmentID: try row.decode(column: "attachment_id", as: Int64?.self)
        )
    }

    public func create(_ upload: Upload) async throws {
        try await self.database.insert(into: "uploads")
            .columns("id", "owner_id", "length", "upload_offset", "filename", "filetype", "metadata", "path", "created_at", "expires_at")
            .values(
                SQLBind(upload.id),
                SQLBind(upload.owner),
                SQLBind(upload.length),
                SQLBind(upload.offset),
                SQLBind(upload.filename),
                SQLBind(upload.filetype),
                SQLBind(upload.metadata),
                SQLBind(upload.path),
                SQLBind(DateParts(upload.createdAt).date),
                SQLBind(DateParts(upload.expiresAt).date)
            )
            .run()
    }

    func row(_ id: String) async throws -> (any SQLRow)? {
        try await self.database.select().columns(Self.columnList).from("uploads").where("id", .equal, SQLBind(id)).first()
    }

    public func upload(_ id: String) async throws -> Upload? {
        try await self.row(id).map(Self.upload)
    }

    public func claim(_ id: String, at offset: Int64, token: String, until: Date, now: Date) async throws -> UploadClaim {
        try await self.database.update("uploads")
            .set("claim", to: SQLBind(token)).set("claimed_until", to: SQLBind(DateParts(until).date))
            .where("id", .equal, SQLBind(id)).where("upload_offset", .equal, SQLBind(offset)).where("attachment_id", .is, SQLLiteral.null)
            .where { group in
                group.where("claim", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, SQLBind(DateParts(now).date))
            }
            .run()
        guard let row = try await self.row(id) else { return .missing }
        let upload = try Self.upload(row)
        if try row.decode(column: "claim", as: String?.self) == token { return .claimed(upload) }
        if upload.isFinished { return .finished }
        if upload.offset != offset { return .offsetMismatch(current: upload.offset) }
        return .busy
    }

    public func renew(_ id: String, token: String, until: Date) async throws -> Bool {
        try await self.database.update("uploads").set("claimed_until", to: SQLBind(DateParts(until).date))
            .where("id", .equal, SQLBind(id)).where("claim", .equal, SQLBind(token)).run()
        return try await self.row(id)?.decode(column: "claim", as: String?.self) == token
    }

    public func advance(_ id: String, token: String, to offset: Int64, expiresAt: Date) async throws -> Bool {
        try await self.database.update("uploads")
            .set("upload_offset", to: SQLBind(offset)).set("expires_at", to: SQLBind(DateParts(expiresAt).date))
            .set("claim", to: SQLLiteral.null).set("claimed_until", to: SQLLiteral.null).set("last_claim", to: SQLBind(token))
            .where("id", .equal, SQLBind(id)).where("claim", .equal, SQLBind(token)).run()
        guard let row = try await self.row(id) else { return false }
        return try row.decode(column: "last_claim", as: String?.self) == token && row.decode(column: "upload_offset", as: Int64.self) == offset
    }

    public func release(_ id: String, token: String) async throws {
        try await self.database.update("uploads").set("claim", to: SQLLiteral.null).set("claimed_until", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("claim", .equal, SQLBind(token)).run()
    }

    public func finish(_ id: String, attachment: Int64) async throws {
        try await self.database.update("uploads").set("attachment_id", to: SQLBind(attachment)).where("id", .equal, SQLBind(id)).run()
    }

    public func delete(_ id: String) async throws -> Upload? {
        guard let existing = try await self.upload(id) else { return nil }
        try await self.database.delete(from: "uploads").where("id", .equal, SQLBind(id)).run()
        return existing
    }

    public func deleteIfExpired(_ id: String, now: Date) async throws -> Upload? {
        guard let existing = try await self.upload(id) else { return nil }
        let date = DateParts(now).date
        try await self.database.delete(from: "uploads").where("id", .equal, SQLBind(id)).where("attachment_id", .is, SQLLiteral.null)
            .where("expires_at", .lessThan, SQLBind(date))
            .where { group in group.where("claim", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, SQLBind(date)) }
            .run()
        return try await self.row(id) == nil ? existing : nil
    }

    public func expired(now: Date, limit: Int) async throws -> [Upload] {
        try await self.database.select().columns(Self.columnList).from("uploads").where("attachment_id", .is, SQLLiteral.null)
            .where("expires_at", .lessThan, SQLBind(DateParts(now).date)).orderBy("expires_at").limit(limit).all().map(Self.upload)
    }

    public func reserved(by owner: Int64) async throws -> Int64 {
        try await self.database.select()
            .column(SQLFunction("COALESCE", args: SQLFunction("SUM", args: SQLColumn("length")), SQLLiteral.numeric("0")), as: "n")
            .from("uploads").where("owner_id", .equal, SQLBind(owner)).where("attachment_id", .is, SQLLiteral.null)
            .first()?.decode(column: "n", as: Int64.self) ?? 0
    }
}
