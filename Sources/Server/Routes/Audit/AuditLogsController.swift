import AuthTokens
public import CRMAudit
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StorageKit

/// Seed 002's audit-log routes under `/api/foundation/audit-logs`, in its `Result` envelope, for admins and
/// auditors (contracts/seed002, contracts/README §2.3), plus `GET …/verify` for the chain's state.
///
/// Mountable alone behind ``AuthMiddleware`` (and, to record requests, ``AuditMiddleware``):
///
/// ```swift
/// router.addRoutes(AuditLogsController(store: store).endpoints, atPath: "/api/foundation/audit-logs")
/// ```
public struct AuditLogsController<Context: RapportRequestContext>: RapportRoutes {
    let store: any AuditLogStore

    public init(store: any AuditLogStore) { self.store = store }

    static var exportLimit: Int { 10_000 }
    static var exportPage: Int { 500 }

    public func addRoutes(to group: some RouterMethods<Context>) {
        group.get(use: self.list)
        group.get("verify", use: self.verify)
        group.get("users/{user_id}", use: self.byUser)
        group.get("resources/{resource_type}/{resource_id}", use: self.byResource)
        group.post("export", use: self.export)
        // The seed's detail route answers `GET …/export` as the lookup of an id "export".
        group.get("export") { _, context -> JSONResponse in
            try self.authorize(context)
            throw Self.notFound
        }
        group.get("{audit_log_id}", use: self.detail)
    }

    // MARK: Envelope

    static func result(_ data: JSONValue) -> JSONResponse {
        JSONResponse(.ok, .ordered([("code", 200), ("message", "操作成功"), ("data", data), ("timestamp", .string(AuditInput.timestamp()))]))
    }

    static var notFound: JSONResponse {
        JSONResponse(
            .notFound,
            .ordered([
                ("code", 404), ("message", "审计日志不存在"), ("data", .null), ("timestamp", .string(AuditInput.timestamp())), ("detail", "审计日志不存在"),
            ])
        )
    }

    /// The caller, who must be an admin or an auditor. Checked before any parameter.
    func authorize(_ context: Context) throws {
        let identity: Identity
        switch context.authentication {
        case .success(let known): identity = known
        case .failure(.unavailable):
            // The session store could not be asked: the token may be good, so not a 401 but a 503 to retry.
            throw APIDialect.fastAPI.unavailable
        default:
            throw JSONResponse(.unauthorized, ["detail": "需要认证"], headers: [.wwwAuthenticate: "Bearer"])
        }
        guard identity.role == .admin || identity.role == .auditor else { throw JSONResponse(.forbidden, ["detail": "权限不足"]) }
    }

    /// Runs a handler, turning unexpected failures into seed 002's `{"detail": "<prefix>: …"}` 500 without internals.
    func run(_ prefix: String, _ context: Context, _ body: () async throws -> JSONResponse) async throws -> JSONResponse {
        do {
            return try await body()
        } catch let response as JSONResponse {
            throw response
        } catch {
            context.logger.error("audit route failed", metadata: ["error": "\(String(reflecting: error))"])
            let reason = (error as? StorageError)?.kind == .unavailable ? "数据库不可用" : "内部错误 (request id \(context.id))"
            throw JSONResponse(.internalServerError, ["detail": .string("\(prefix): \(reason)")])
        }
    }

    // MARK: Rendering

    /// A stored value with every object's keys sorted, as the seed's `json.dumps(sort_keys=True)` wrote them.
    static func json(_ value: JSONValue?) -> JSONValue {
        guard let value else { return .null }
        if let members = value.members { return .ordered(members.sorted { $0.0 < $1.0 }.map { ($0.0, Self.json($0.1)) }) }
        if let items = value.arrayValue { return .array(items.map { Self.json($0) }) }
        return value
    }

    static var fieldNames: [String] {
        [
            "id", "organization_id", "user_id", "user_name", "action", "resource_type", "resource_id", "resource_name", "category",
            "ip_address", "user_agent", "request_method", "request_path", "request_params", "old_values", "new_values", "status",
            "error_message", "duration_ms", "created_at",
        ]
    }

    /// An `AuditLog` in the contract's field order; `separator` is `T` on the API and a space in exports.
    static func json(_ record: AuditRecord, separator: String = "T") -> JSONValue {
        let e = record.event
        let created = StorageDateText.seconds(e.createdAt).replacingOccurrences(of: " ", with: separator)
        let values: [JSONValue] = [
            .string(e.id), .string(e.organizationID), .string(e.actorID), .string(e.actorName), .string(e.action), .string(e.resourceType),
            .string(e.resourceID), .string(e.resourceName), .string(e.category), .string(e.ipAddress), .string(e.userAgent),
            .string(e.method), .string(e.path), Self.json(e.params), Self.json(e.oldValues), Self.json(e.newValues),
            .string(e.status.rawValue), .string(e.errorMessage), e.durationMilliseconds.map { .int(Int64($0)) } ?? .null,
            .string(created),
        ]
        return .ordered(Array(zip(Self.fieldNames, values)))
    }

    static func page(_ records: [AuditRecord], total: Int, page: Int, size: Int) -> JSONValue {
        .ordered([
            ("records", .array(records.map { Self.json($0) })), ("total", .int(Int64(total))), ("size", .int(Int64(size))),
            ("page", .int(Int64(page))), ("pages", .int(Int64((total + size - 1) / size))),
        ])
    }

    // MARK: Routes

    @Sendable func list(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.authorize(context)
        var input = AuditInput(request.uri.queryParameters)
        let paging = input.paging()
        var query = input.query()
        let columnName = input.optionalString("order_by") ?? "created_at"
        let order = AuditOrder(AuditOrderColumn(rawValue: columnName) ?? .created_at, descending: input.boolean("order_desc") ?? true)
        try input.finish()
        if query.organizationID == nil {
            query.organizationID = request.headers[.organizationID] ?? request.headers[.organizationIDShort]
        }
        return try await self.run("查询审计日志失败", context) {
            try await self.page(query, order: order, paging)
        }
    }

    func page(_ query: AuditQuery, order: AuditOrder, _ paging: (page: Int, size: Int)) async throws -> JSONResponse {
        let total = try await self.store.count(matching: query)
        let offset = (paging.page - 1) * paging.size
        let records =
            offset < total
            ? try await self.store.records(matching: query, order: order, offset: offset, limit: paging.size) : []
        return Self.result(Self.page(records, total: total, page: paging.page, size: paging.size))
    }

    @Sendable func byUser(_ request: Request, context: Context) async throws -> JSONResponse {
        try await self.scoped(request, context, failure: "查询用户审计日志失败") { query in
            query.actorID = context.parameters.get("user_id") ?? ""
        }
    }

    @Sendable func byResource(_ request: Request, context: Context) async throws -> JSONResponse {
        try await self.scoped(request, context, failure: "查询资源审计日志失败") { query in
            query.resourceType = context.parameters.get("resource_type") ?? ""
            query.resourceID = context.parameters.get("resource_id") ?? ""
        }
    }

    /// The by-user and by-resource listings: paging and a time range from the query, the scope from the path,
    /// newest first, no organisation filter.
    func scoped(
        _ request: Request,
        _ context: Context,
        failure: String,
        scope: (inout AuditQuery) -> Void
    ) async throws -> JSONResponse {
        try self.authorize(context)
        var input = AuditInput(request.uri.queryParameters)
        let paging = input.paging()
        var query = input.timeRange()
        try input.finish()
        scope(&query)
        return try await self.run(failure, context) { [query] in
            try await self.page(query, order: .newestFirst, paging)
        }
    }

    @Sendable func detail(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.authorize(context)
        let id = context.parameters.get("audit_log_id") ?? ""
        return try await self.run("查询审计日志详情失败", context) {
            guard let record = try await self.store.record(id: id) else { throw Self.notFound }
            return Self.result(Self.json(record))
        }
    }

    @Sendable func verify(_ request: Request, context: Context) async throws -> JSONResponse {
        try self.authorize(context)
        return try await self.run("校验审计日志失败", context) {
            let head = try await self.store.head()
            let result = try await AuditVerifier(store: self.store).verify()
            return Self.result(Self.json(result, head: head))
        }
    }

    static func json(_ result: AuditVerification, head: AuditChainHead) -> JSONValue {
        .ordered([
            ("intact", .bool(result.isIntact)), ("checked_records", .int(Int64(result.checkedRecords))),
            ("first_seq", result.firstSeq.map(JSONValue.int) ?? .null), ("last_seq", result.lastSeq.map(JSONValue.int) ?? .null),
            ("head_seq", .int(head.seq)), ("problem", .string(result.problem.map(Self.describe))),
            ("bad_seq", result.badSeq.map(JSONValue.int) ?? .null), ("bad_id", .string(result.badID)),
        ])
    }

    /// A problem in words, for the API and `rapport audit verify`.
    static func describe(_ problem: AuditVerification.Problem) -> String {
        switch problem {
        case .modified: "modified: the record's content does not match its hash"
        case .inserted: "inserted: a record the chain key never sealed"
        case .missing(let from): "missing: records from \(from) are gone"
        case .reordered: "reordered: the record is not where it was sealed"
        case .truncated(let expected): "truncated: the chain ended before \(expected), where its head or a checkpoint says it reaches"
        case .forgedSeal(let what): "forged seal: \(what)"
        }
    }

    /// `POST …/export`: up to 10 000 matching rows, newest first, as JSON or CSV text inside the `Result` envelope.
    /// The rows are read and written a page at a time, so a large export never sits in memory whole.
    @Sendable func export(_ request: Request, context: Context) async throws -> Response {
        try self.authorize(context)
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 {
            throw AuditInput.failure([AuditInput.item("missing", ["body"], "Field required", .null)])
        }
        guard let json = try? JSONValue(parsing: buffer.readableBytesView) else {
            throw AuditInput.failure([AuditInput.item("json_invalid", ["body", 0], "JSON decode error", [:], ctx: ["error": "Expecting value"])])
        }
        guard json.isObject else {
            throw AuditInput.failure([
                AuditInput.item(
                    "model_attributes_type",
                    ["body"],
                    "Input should be a valid dictionary or object to extract fields from",
                    .string(String(decoding: buffer.readableBytesView, as: UTF8.self))
                )
            ])
        }
        let decoded = JSONValueDecoder().decodeAll(AuditInput.ExportBody.self, from: json)
        var input = AuditInput(body: decoded.value, issues: decoded.issues)
        var query = input.query()
        let format = input.format()
        try input.finish()
        if query.organizationID == nil {
            query.organizationID = request.headers[.organizationID] ?? request.headers[.organizationIDShort]
        }
        let store = self.store
        let filter = query
        let csv = format == "csv"
        let logger = context.logger
        let prefix = Array(#"{"code":200,"message":"操作成功","data":{"content":""#.utf8)
        let suffix = Array(
            (#"","mime_type":"\#(csv ? "text/csv" : "application/json")","format":"\#(format)"},"timestamp":"\#(AuditInput.timestamp())"}"#).utf8
        )
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: prefix))
            var before: Int64?
            var written = 0
            do {
                while written < Self.exportLimit {
                    let page = try await store.records(matching: filter, beforeSeq: before, limit: min(Self.exportPage, Self.exportLimit - written))
                    guard let last = page.last else { break }
                    var text: [UInt8] = []
                    for record in page {
                        if csv {
                            if written == 0 { text += CSVWriter.row(Self.fieldNames) }
                            text += CSVWriter.row(Self.csvCells(record))
                        } else {
                            text += (written == 0 ? "[\n  " : ",\n  ").utf8
                            Self.json(record, separator: " ").pretty(indent: 1, to: &text)
                        }
                        written += 1
                    }
                    try await writer.write(ByteBuffer(bytes: JSONValue.escaped(text)))
                    before = last.seq
                    if page.count < Self.exportPage { break }
                }
            } catch {
                // The status is already sent: cut the body short so the client sees an incomplete response.
                logger.error("audit export failed while streaming", metadata: ["error": "\(error)"])
                throw error
            }
            if !csv { try await writer.write(ByteBuffer(bytes: JSONValue.escaped(Array((written == 0 ? "[]" : "\n]").utf8)))) }
            try await writer.write(ByteBuffer(bytes: suffix))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: body)
    }

    /// One CSV row of an export: JSON text for objects, an empty cell for null, `YYYY-MM-DD HH:MM:SS` times.
    static func csvCells(_ record: AuditRecord) -> [String] {
        guard case .ordered(let fields) = Self.json(record, separator: " ") else { return [] }
        return fields.map { _, value in
            switch value {
            case .null: ""
            case .string(let text): text
            case .int(let number): String(number)
            default: String(decoding: value.serialized(), as: UTF8.self)
            }
        }
    }
}
