import Foundation
import HTTPTypes
public import Hummingbird
import StorageKit
import Synchronization

/// Tells a wrong method on a known path from an unknown path: `405 Method Not Allowed` with an `Allow` header,
/// in the path's API envelope, where the router answers `404`; `OPTIONS` on a known path (not a CORS preflight,
/// which the CORS middleware answers first) gets `204` with `Allow`. The routes are read from `router` when the
/// first request needs them, so routes added after this middleware count too.
public struct AllowedMethodsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let table: RouteTable<Context>

    public init(router: Router<Context>) {
        self.table = RouteTable(router: router)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            guard let allowed = self.table.methods(for: path), !allowed.contains(request.method) else { throw error }
            let names = allowed.map(\.rawValue).sorted()
            let allow = (names.contains("GET") && !names.contains("HEAD") ? names + ["HEAD"] : names).joined(separator: ", ")
            if request.method == .options { return Response(status: .noContent, headers: [.allow: allow]) }
            return .json(.methodNotAllowed, Self.body(path: path, requestID: context.id), headers: [.allow: allow])
        }
    }

    /// The 405 body in the envelope of the API family `path` belongs to.
    static func body(path: String, requestID: String) -> JSONValue {
        let message = "请求方法不被允许"
        if path.hasPrefix("/api/contacts") {
            return .ordered([("code", 405), ("message", .string(message)), ("data", .null)])
        }
        if path.hasPrefix("/api/foundation/audit-logs") {
            return .ordered([
                ("code", 405), ("message", .string(message)), ("data", .null), ("timestamp", .string(AuditInput.timestamp())),
                ("detail", "Method Not Allowed"),
            ])
        }
        let support = [
            "/api/users", "/api/conversations", "/api/messages", "/api/quick-replies", "/api/support", "/api/upload", "/api/auth/token",
            "/api/auth/me",
        ]
        if support.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            return ["detail": "Method Not Allowed"]
        }
        return errorBody(.methodNotAllowed, message: message, requestID: requestID)
    }
}

/// The router's routes by path pattern, matched the way the router's trie prefers them: literal segments over
/// partial captures over captures and wildcards over `**`.
final class RouteTable<Context: RequestContext>: Sendable {
    private struct State: @unchecked Sendable {
        weak var router: Router<Context>?
        var routes: [(path: RouterPath, methods: Set<HTTPRequest.Method>)]?
    }

    private let state: Mutex<State>

    init(router: Router<Context>) {
        self.state = Mutex(State(router: router))
    }

    /// The methods of the route pattern that best matches `path`, or nil when none does.
    func methods(for path: String) -> Set<HTTPRequest.Method>? {
        let routes = self.state.withLock { state in
            if state.routes == nil, let router = state.router {
                var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
                for route in router.routes { byPath[route.path.description, default: (route.path, [])].methods.insert(route.method) }
                state.routes = Array(byPath.values)
            }
            return state.routes ?? []
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (rank: [Int], methods: Set<HTTPRequest.Method>)?
        for route in routes {
            guard let rank = Self.rank(route.path, segments) else { continue }
            if let current = best, current.rank.lexicographicallyPrecedes(rank) == false {
                if current.rank == rank { best?.methods.formUnion(route.methods) }
                continue
            }
            best = (rank, route.methods)
        }
        return best?.methods
    }

    /// How specifically `pattern` matches `segments` (one score per segment, higher is more specific), or nil.
    static func rank(_ pattern: RouterPath, _ segments: [Substring]) -> [Int]? {
        var rank: [Int] = []
        var index = 0
        for element in pattern.components {
            if element == .recursiveWildcard {
                return rank + [0]
            }
            guard index < segments.count, element ~= segments[index] else { return nil }
            let text = element.description
            let whole = text == "*" || (text.first == "{" && text.last == "}" && text.dropFirst().firstIndex(of: "{") == nil)
            rank.append(whole ? 1 : text.contains("{") || text.contains("*") ? 2 : 3)
            index += 1
        }
        return index == segments.count ? rank : nil
    }
}
