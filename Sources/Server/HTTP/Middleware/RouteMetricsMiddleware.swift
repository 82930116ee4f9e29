import Dispatch
public import Hummingbird
import Metrics
import Synchronization

/// Counts every answer and times it, labelled by route template (`/api/contacts/{id}`, never the raw path),
/// method and status: `http_server_requests_total`, `http_server_request_errors_total` (answers of 500 and up,
/// and errors thrown below it) and the `http_server_request_duration_seconds` histogram, from the handler's start to its response. The metric
/// objects of each (route, method, status) are made once and kept, so a request costs a lookup and two atomic
/// updates; Hummingbird's `MetricsMiddleware` wraps every response body in a closure to time the write as well,
/// which cost a fifth of `/api/health`'s throughput.
public struct RouteMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache = RouteMetrics()

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            let status = response.status.code
            self.cache.record(context.endpointPath ?? "NotFound", request.method, status, since: start, error: status >= 500)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            self.cache.record(context.endpointPath ?? "NotFound", request.method, status, since: start, error: true)
            throw error
        }
    }
}

/// The metric objects of each (route, method, status) seen.
final class RouteMetrics: Sendable {
    struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: Int
    }

    final class Entry: Sendable {
        let requests: Counter
        let errors: Counter
        let duration: Metrics.Timer

        init(_ key: Key) {
            let dimensions = [
                ("http_route", key.route), ("http_request_method", key.method.rawValue), ("http_response_status_code", String(key.status)),
            ]
            self.requests = Counter(label: "http_server_requests_total", dimensions: dimensions)
            self.errors = Counter(label: "http_server_request_errors_total", dimensions: dimensions)
            self.duration = Metrics.Timer(label: "http_server_request_duration_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds)
        }
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func record(_ route: String, _ method: HTTPRequest.Method, _ status: Int, since start: UInt64, error: Bool) {
        let key = Key(route: route, method: method, status: status)
        let entry = self.entries.withLock { entries in
            if let entry = entries[key] { return entry }
            let entry = Entry(key)
            entries[key] = entry
            return entry
        }
        entry.requests.increment()
        if error { entry.errors.increment() }
        entry.duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds &- start))
    }
}
