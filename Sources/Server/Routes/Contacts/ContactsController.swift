public import AuthTokens
public import ContactsKit
import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore
import StorageKit

/// Seed 000's contacts API (contracts/seed000) with one address book per user, plus versions that say what
/// changed, restoring versions, `If-Match`, a trash, search and cursors, and vCard/CSV import and export.
/// Every answer is the `{"code", "message", "data"}` envelope.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front (see `Examples/ContactsServer`):
///
/// ```swift
/// router.add(middleware: AuthMiddleware(auth: auth))
/// router.addRoutes(ContactsController(contacts: contacts).endpoints, atPath: "/api/contacts")
/// ```
public struct ContactsController<Context: RapportRequestContext>: RapportRoutes {
    let contacts: ContactsService
    /// Import bodies may be larger than JSON bodies: a whole address book.
    let maxImportSize: Int

    /// - Parameters:
    ///   - contacts: the address books' rules and store.
    ///   - maxImportSize: the largest `POST …/import` body in bytes.
    public init(contacts: ContactsService, maxImportSize: Int = 64 << 20) {
        self.contacts = contacts
        self.maxImportSize = maxImportSize
    }

    /// Adds the routes to `group` (the program's `/api/contacts`).
    public func addRoutes(to group: some RouterMethods<Context>) {
        group.get("", use: self.list)
        group.get("trash", use: self.trash)
        group.get("export", use: self.export)
        group.post("import", use: self.importFile)
        group.post("add", use: self.add)
        group.get(":id", use: self.get)
        group.put(":id/update", use: self.update)
        group.delete(":id/delete", use: self.delete)
        group.get(":id/versions", use: self.versions)
        group.post(":id/versions/:version/restore", use: self.restoreVersion)
        group.post(":id/restore", use: self.restore)
    }

    static func envelope(_ status: HTTPResponse.Status, _ message: String, _ data: JSONValue = .null, headers: HTTPFields = [:]) -> JSONResponse {
        JSONResponse(status, ["code": .int(Int64(status.code)), "message": .string(message), "data": data], headers: headers)
    }

    static var notFound: JSONResponse { envelope(.notFound, "联系人不存在") }

    /// The caller's address book, or the contacts family's refusal.
    func owner(_ context: Context) throws -> (owner: OwnerID, username: String) {
        switch context.authentication {
        case .failure(.missing), .failure(.wrongScheme), .failure(.malformedHeader), .failure(.empty):
            throw Self.envelope(.unauthorized, "缺少认证信息")
        case .failure(.unavailable):
            throw Self.envelope(.serviceUnavailable, APIDialect.unavailableText, headers: [.retryAfter: "5"])
        case .failure:
            throw Self.envelope(.unauthorized, "Token 无效或已过期")
        case .success(let identity):
            guard !identity.isGuest else { throw Self.envelope(.forbidden, "访客不能使用通讯录") }
            return (OwnerID(identity.userID.rawValue), identity.username)
        }
    }

    func id(_ context: Context, _ name: String = "id") throws -> ContactID {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else { throw Self.notFound }
        return ContactID(value)
    }

    static func json(_ contact: Contact) -> JSONValue {
        // A list, not a dictionary: an address book renders a thousand of these.
        .ordered([
            ("id", .int(contact.id.rawValue)), ("name", .string(contact.name)), ("phone", .string(contact.phone)),
            ("created_time", .string(StorageDateText.seconds(contact.createdAt))),
            ("updated_time", .string(StorageDateText.seconds(contact.updatedAt))),
        ])
    }

    /// ``json(_:)-(Contact)`` written as JSON text.
    static func write(_ contact: Contact, to text: inout [UInt8]) {
        JSONText.append(#"{"id":"#, to: &text)
        JSONText.append(contact.id.rawValue, to: &text)
        JSONText.append(#","name":"#, to: &text)
        JSONText.appendQuoted(contact.name, to: &text)
        JSONText.append(#","phone":"#, to: &text)
        JSONText.appendQuoted(contact.phone, to: &text)
        JSONText.append(#","created_time":""#, to: &text)
        StorageDateText.appendSeconds(contact.createdAt, to: &text)
        JSONText.append(#"","updated_time":""#, to: &text)
        StorageDateText.appendSeconds(contact.updatedAt, to: &text)
        JSONText.append(#""}"#, to: &text)
    }

    static func json(_ version: ContactVersion) -> JSONValue {
        [
            "id": .int(version.id), "contact_id": .int(version.contactID.rawValue), "name": .string(version.name),
            "phone": .string(version.phone), "update_time": .string(StorageDateText.seconds(version.updatedAt)),
            "operator": .string(version.operator),
            "changes": .array(version.changes.map { ["field": .string($0.field), "old": .string($0.old), "new": .string($0.new)] }),
        ]
    }

    /// The envelope for a refused operation.
    static func failure(_ error: ContactsError) -> JSONResponse {
        switch error {
        case .notFound: notFound
        case .emptyField: envelope(.badRequest, "姓名和手机号不能为空")
        case .tooLong: envelope(.badRequest, "姓名或手机号长度超出限制")
        case .invalidPhone: envelope(.badRequest, "手机号格式不正确")
        case .duplicatePhone: envelope(.badRequest, "手机号已存在")
        case .stale(let current): envelope(.preconditionFailed, "联系人已被修改，请刷新后重试", .null, headers: [.eTag: current.etag])
        case .versionNotFound: envelope(.notFound, "版本不存在")
        case .invalidCursor: envelope(.badRequest, "cursor 参数无效")
        case .unreadableFile(let reason): envelope(.badRequest, "文件无法读取: \(reason)")
        }
    }

    func run(_ body: () async throws -> JSONResponse) async throws -> JSONResponse {
        do {
            return try await body()
        } catch let error as ContactsError {
            return Self.failure(error)
        }
    }

    /// `{"name", "phone"}`, or the envelope's 400 when the body is not a JSON object.
    func fields(_ request: Request, _ context: Context) async throws -> (name: String?, phone: String?) {
        guard let body = try await RequestBody.lenient(ContactFields.self, request, context: context) else {
            throw Self.envelope(.badRequest, "请求数据格式错误")
        }
        return (body.name, body.phone)
    }

    /// A contact's fields in a create or update body; a value that is not a string counts as absent.
    struct ContactFields: Decodable {
        var name: String?
        var phone: String?
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let query = request.uri.queryParameters
        var limit: Int?
        if let text = query["limit"] {
            guard let value = Int(text), (1...1000).contains(value) else { return Self.envelope(.badRequest, "limit 必须是 1 到 1000 的整数") }
            limit = value
        }
        return try await self.run {
            let page = try await self.contacts.list(
                owner: owner,
                search: query["q"].map(String.init),
                limit: limit,
                cursor: query["cursor"].map(String.init)
            )
            // Written straight to bytes: an address book of a thousand contacts would otherwise build and tear
            // down a thousand JSON objects per request. The same members as `envelope` and `json(_:)`.
            var text: [UInt8] = []
            text.reserveCapacity(64 + page.contacts.count * 128)
            JSONText.append(#"{"code":200,"message":"success","data":["#, to: &text)
            for (index, contact) in page.contacts.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                Self.write(contact, to: &text)
            }
            text.append(UInt8(ascii: "]"))
            var headers: HTTPFields = [:]
            if limit != nil || query["cursor"] != nil {
                JSONText.append(#","next_cursor":"#, to: &text)
                if let next = page.next {
                    JSONText.appendQuoted(next, to: &text)
                    headers[HTTPField.Name("X-Next-Cursor")!] = next
                } else {
                    JSONText.append("null", to: &text)
                }
            }
            text.append(UInt8(ascii: "}"))
            return JSONResponse(.ok, text: text, headers: headers)
        }
    }

    @Sendable func get(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let id = try self.id(context)
        return try await self.run {
            let contact = try await self.contacts.contact(id, owner: owner)
            return Self.envelope(.ok, "success", Self.json(contact), headers: [.eTag: contact.etag])
        }
    }

    @Sendable func add(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, username) = try self.owner(context)
        let fields = try await self.fields(request, context)
        return try await self.run {
            let (contact, _) = try await self.contacts.add(owner: owner, name: fields.name, phone: fields.phone, operator: username)
            return Self.envelope(.ok, "添加联系人成功", Self.json(contact), headers: [.eTag: contact.etag])
        }
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, username) = try self.owner(context)
        let id = try self.id(context)
        return try await self.run {
            // A missing contact is 404 before the body is judged, as the contract orders the checks.
            _ = try await self.contacts.contact(id, owner: owner)
            let fields = try await self.fields(request, context)
            let result = try await self.contacts.update(
                id,
                owner: owner,
                name: fields.name,
                phone: fields.phone,
                operator: username,
                ifMatch: request.headers[.ifMatch]
            )
            return Self.envelope(.ok, "更新联系人成功", Self.json(result.contact), headers: [.eTag: result.contact.etag])
        }
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let id = try self.id(context)
        return try await self.run {
            try await self.contacts.delete(id, owner: owner)
            return Self.envelope(.ok, "删除联系人成功")
        }
    }

    @Sendable func versions(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let id = try self.id(context)
        return try await self.run {
            Self.envelope(.ok, "查询成功", .array(try await self.contacts.versions(of: id, owner: owner).map(Self.json)))
        }
    }

    @Sendable func restoreVersion(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, username) = try self.owner(context)
        let id = try self.id(context)
        guard let version = context.parameters.get("version").flatMap(Int64.init) else { return Self.failure(.versionNotFound) }
        return try await self.run {
            let result = try await self.contacts.restore(
                version: version,
                of: id,
                owner: owner,
                operator: username,
                ifMatch: request.headers[.ifMatch]
            )
            return Self.envelope(.ok, "恢复版本成功", Self.json(result.contact), headers: [.eTag: result.contact.etag])
        }
    }

    @Sendable func trash(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let trashed = try await self.contacts.trash(owner: owner)
        return Self.envelope(
            .ok,
            "success",
            .array(
                trashed.map { contact in
                    Self.json(contact).merging(["deleted_time": .string(contact.deletedAt.map(StorageDateText.seconds))])
                }
            )
        )
    }

    @Sendable func restore(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, _) = try self.owner(context)
        let id = try self.id(context)
        return try await self.run {
            let contact = try await self.contacts.restore(id, owner: owner)
            return Self.envelope(.ok, "恢复联系人成功", Self.json(contact), headers: [.eTag: contact.etag])
        }
    }

    /// `POST /api/contacts/import` with a `text/csv` or `text/vcard` body (or `?format=csv|vcard`).
    @Sendable func importFile(_ request: Request, context: Context) async throws -> JSONResponse {
        let (owner, username) = try self.owner(context)
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let format: ContactFileFormat
        if let named = request.uri.queryParameters["format"] {
            guard let parsed = ContactFileFormat(rawValue: String(named)) else { return Self.envelope(.badRequest, "format 必须是 csv 或 vcard") }
            format = parsed
        } else if type.contains("csv") {
            format = .csv
        } else if type.contains("vcard") || type.contains("x-vcard") {
            format = .vcard
        } else {
            return Self.envelope(.unsupportedMediaType, "请以 text/csv 或 text/vcard 上传")
        }
        let body = try await request.body.collect(upTo: self.maxImportSize)
        return try await self.run {
            let records = try ContactFileReader.records(Data(body.readableBytesView), format: format)
            let report = try await self.contacts.importRecords(records, owner: owner, operator: username)
            return Self.envelope(
                .ok,
                "导入完成",
                [
                    "created": .int(Int64(report.count(.created))), "updated": .int(Int64(report.count(.updated))),
                    "skipped": .int(Int64(report.count(.skipped))), "rejected": .int(Int64(report.count(.rejected))),
                    "rows": .array(
                        report.rows.map { row in
                            [
                                "row": .int(Int64(row.position)), "status": .string(row.outcome.rawValue),
                                "id": row.contactID.map { .int($0.rawValue) } ?? .null, "reason": .string(row.reason),
                            ]
                        }
                    ),
                ]
            )
        }
    }

    /// `GET /api/contacts/export?format=csv|vcard`: streamed a page at a time.
    @Sendable func export(_ request: Request, context: Context) async throws -> Response {
        let (owner, _) = try self.owner(context)
        let named = request.uri.queryParameters["format"].map(String.init) ?? "csv"
        guard let format = ContactFileFormat(rawValue: named) else { throw Self.envelope(.badRequest, "format 必须是 csv 或 vcard") }
        let contacts = self.contacts
        let headers: HTTPFields = [
            .contentType: format == .csv ? "text/csv; charset=utf-8" : "text/vcard; charset=utf-8",
            .contentDisposition: "attachment; filename=\"contacts.\(format == .csv ? "csv" : "vcf")\"",
        ]
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody { writer in
                try await contacts.export(owner: owner, format: format) { chunk in
                    try await writer.write(ByteBuffer(string: chunk))
                }
                try await writer.finish(nil)
            }
        )
    }
}
