public import Hummingbird

/// Reads a query string the way browsers and HTTP libraries write it (`application/x-www-form-urlencoded`): a `+`
/// is a space. Done once, in front of everything: the request goes on with each `+` of its query rewritten as
/// `%20`, so every reader of `request.uri.queryParameters` (and the audit log's copy of the query) sees the same
/// text, while a literal plus, sent as `%2B`, stays a plus.
public struct FormEncodedQueryMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = request.head.path, let rewritten = Self.rewritten(path) else { return try await next(request, context) }
        var head = request.head
        head.path = rewritten
        return try await next(Request(head: head, body: request.body), context)
    }

    /// `path` with each `+` after its `?` turned into `%20`; nil when there is none.
    static func rewritten(_ path: String) -> String? {
        let bytes = path.utf8
        guard let question = bytes.firstIndex(of: UInt8(ascii: "?")),
            bytes[question...].contains(UInt8(ascii: "+"))
        else { return nil }
        var out = [UInt8](bytes[..<question])
        out.reserveCapacity(bytes.count + 8)
        for byte in bytes[question...] {
            if byte == UInt8(ascii: "+") { out += [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "0")] } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
