import Foundation
import Hummingbird
import HummingbirdTesting
import StorageKit
import Testing

@testable import Server

/// The OpenAPI document (`openapi.yaml`, embedded by Scripts/openapi-embed) describes exactly the routes the
/// server mounts — a route added without documenting it, or documented without existing, fails here — and it
/// is served with the docs pages and seed 004's root.
@Suite("The API document")
struct OpenAPIDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `/api/contacts/{id}` and `/api/file/uploads/**` alike as `/api/contacts/{}`, `/api/file/uploads/{}`.
    static func normalized(_ path: String) -> String {
        let segments = path.split(separator: "/").map { segment in
            segment.hasPrefix("{") || segment == "*" || segment == "**" || segment.hasPrefix(":") ? "{}" : String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    @Test func theEmbeddedDocumentIsTheFile() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        #expect(OpenAPIDocument.yaml == file, "run Scripts/openapi-embed after changing openapi.yaml")
        let document = try JSONValue(parsing: OpenAPIDocument.json)
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.1") == true)
        #expect(document["info"]?["version"]?.stringValue == RapportServer.version)
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let document = try JSONValue(parsing: OpenAPIDocument.json)
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var documented = Set<String>()
        for (path, item) in document["paths"]?.members ?? [] {
            for (method, _) in item.members ?? [] where methods.contains(method) {
                documented.insert("\(method.uppercased()) \(Self.normalized(path))")
            }
        }
        let paths = documented
        try await TestServer.withApp { _, services in
            let router = RapportServer.buildRouter(services: services, configuration: try TestServer.configuration([:]))
            let mounted = Set(router.routes.map { "\($0.method.rawValue) \(Self.normalized($0.path.description))" })
            #expect(mounted.count >= 120)
            let undocumented = mounted.subtracting(paths).sorted()
            let missing = paths.subtracting(mounted).sorted()
            #expect(undocumented.isEmpty, "mounted but not in openapi.yaml: \(undocumented)")
            #expect(missing.isEmpty, "in openapi.yaml but not mounted: \(missing)")
        }
    }

    @Test func theDocumentThePagesAndTheRootAreServed() async throws {
        try await TestServer.withApp { client, _ in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/json")
                let served = try JSONValue(parsing: String(buffer: response.body))
                #expect(served["paths"]?["/api/health"] != nil)
            }
            try await client.execute(uri: "/api/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/yaml")
                #expect(String(buffer: response.body) == OpenAPIDocument.yaml)
            }
            for (page, viewer) in [("/api/docs", "swagger-ui"), ("/api/redoc", "redoc")] {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains(viewer) && html.contains("openapi.json"), "\(page)")
                }
            }
            for root in ["/api/", "/api"] {
                try await client.execute(uri: root, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == #"{"message":"在线客服系统 API","version":"1.0.0","docs":"/api/docs"}"#, "\(root)")
                }
            }
        }
    }
}
