import HTTPTypes
import Hummingbird
import StorageKit

/// `Tus-Resumable: 1.0.0` on every answer of the tus routes, refusals included (tus 1.0 requires it everywhere
/// but on `OPTIONS`, where it does no harm).
struct TusHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.tusResumable] = "1.0.0"
        return response
    }
}
