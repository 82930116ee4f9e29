import Foundation
public import Hummingbird
import NIOCore
import StorageKit

/// The API's own description, as seeds 002 and 004 (FastAPI) serve theirs: the OpenAPI 3.1 document at
/// `/api/openapi.json` and `/api/openapi.yaml` (the repository's `openapi.yaml`, embedded at build time), Swagger
/// UI at `/api/docs` and ReDoc at `/api/redoc` (pages that load the viewers from a CDN, as FastAPI's do), and seed
/// 004's root, `GET /api/`. None of them takes input or needs a token.
struct DocumentationController<Context: RequestContext> {
    /// Seed 004's `GET /api/` body (contract seed004 §8).
    static var rootBody: JSONValue { .ordered([("message", "在线客服系统 API"), ("version", "1.0.0"), ("docs", "/api/docs")]) }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/") { _, _ in Response.json(.ok, Self.rootBody) }
        // The document's bytes are made once, not per request.
        let (json, yaml) = (ByteBuffer(string: OpenAPIDocument.json), ByteBuffer(string: OpenAPIDocument.yaml))
        router.get("/api/openapi.json") { _, _ in Self.bytes(json, type: "application/json") }
        router.get("/api/openapi.yaml") { _, _ in Self.bytes(yaml, type: "application/yaml") }
        router.get("/api/docs") { _, _ in Self.text(Self.swaggerUI, type: "text/html; charset=utf-8") }
        router.get("/api/redoc") { _, _ in Self.text(Self.redoc, type: "text/html; charset=utf-8") }
    }

    static func text(_ text: String, type: String) -> Response { Self.bytes(ByteBuffer(string: text), type: type) }

    static func bytes(_ bytes: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: bytes))
    }

    /// Relative to the page, so the viewers find the document behind a proxy that mounts the API elsewhere.
    static var swaggerUI: String {
        """
        <!doctype html>
        <html>
        <head>
        <meta charset="utf-8">
        <title>Rapport API - Swagger UI</title>
        <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
        </head>
        <body>
        <div id="swagger-ui"></div>
        <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
        <script>
        SwaggerUIBundle({
          url: "openapi.json",
          dom_id: "#swagger-ui",
          layout: "BaseLayout",
          deepLinking: true,
          persistAuthorization: true,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
        })
        </script>
        </body>
        </html>

        """
    }

    static var redoc: String {
        """
        <!doctype html>
        <html>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Rapport API - ReDoc</title>
        <style>body { margin: 0; padding: 0; }</style>
        </head>
        <body>
        <noscript>ReDoc needs JavaScript to show the API document; it is at openapi.json and openapi.yaml.</noscript>
        <redoc spec-url="openapi.json"></redoc>
        <script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script>
        </body>
        </html>

        """
    }
}
