import HTTPTypes
public import Hummingbird
import Logging
import StorageKit

/// Media files are served as what their extension says and nothing else: browsers must not sniff an uploaded
/// file into HTML or script.
struct MediaHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasPrefix("/api/media/") {
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
