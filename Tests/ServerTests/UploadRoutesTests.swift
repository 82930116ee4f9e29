import AuthTokens
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Uploads and media (seed 004)")
struct UploadRoutesTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300)

    static func multipart(name: String = "file", filename: String, type: String, _ bytes: [UInt8]) -> (ByteBuffer, String) {
        let boundary = "----rapport\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n"
        )
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func withMedia(
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, String, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-media-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await TestServer.withApp(values.merging(["MEDIA_DIR": directory]) { _, new in new }) { client, services in
            let token = try await services.token(role: .merchant, name: "m1")
            try await test(client, token, directory)
        }
    }

    static func upload(
        _ client: some TestClientProtocol,
        _ path: String,
        token: String?,
        _ body: (ByteBuffer, String)
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = [.contentType: body.1]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: path, method: .post, headers: headers, body: body.0) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
    }

    /// Every regular file under `directory`.
    static func files(_ directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: directory + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
    }

    @Test func anImageIsStoredUnderAnUnguessableNameAndServed() async throws {
        try await Self.withMedia { client, token, directory in
            let (status, body) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(filename: "a b.png", type: "image/png", Self.png)
            )
            #expect(status == .ok)
            #expect(body["filename"] as? String == "a b.png")
            #expect(body["file_type"] as? String == "image")
            let url = try #require(body["url"] as? String)
            #expect(url.hasPrefix("http://127.0.0.1:8080/api/media/uploads/"))
            let name = try #require(url.split(separator: "/").last)
            #expect(name.count == 36, "32 random hex digits and .png: \(name)")
            let path = String(url.dropFirst("http://127.0.0.1:8080".count))
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView) == Self.png)
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            #expect(Self.files(directory + "/uploads").count == 1)
        }
    }

    @Test func typesAreCheckedByNameDeclarationAndContent() async throws {
        try await Self.withMedia { client, token, directory in
            let exe: [UInt8] = Array("MZ".utf8) + Array(repeating: 0x90, count: 200)
            var (status, body) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(filename: "cat.png", type: "image/png", exe)
            )
            #expect(status == .badRequest)
            #expect(body as NSDictionary == ["detail": "Invalid file type"])
            let pdf = Array("%PDF-1.7\n".utf8) + Array(repeating: 0x41, count: 100)
            (status, _) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(filename: "a.pdf", type: "application/pdf", pdf)
            )
            #expect(status == .badRequest, "a PDF is no image")
            (status, _) = try await Self.upload(
                client,
                "/api/upload/file",
                token: token,
                Self.multipart(filename: "a.png", type: "application/pdf", pdf)
            )
            #expect(status == .badRequest, "the extension must fit the type")
            (status, body) = try await Self.upload(
                client,
                "/api/upload/file",
                token: token,
                Self.multipart(filename: "合同.pdf", type: "application/pdf", pdf)
            )
            #expect(status == .ok)
            #expect(body["file_type"] as? String == "file")
            (status, _) = try await Self.upload(
                client,
                "/api/upload/file",
                token: token,
                Self.multipart(filename: "notes.txt", type: "text/plain", Array("你好\n".utf8))
            )
            #expect(status == .ok)
            (status, _) = try await Self.upload(
                client,
                "/api/upload/file",
                token: token,
                Self.multipart(filename: "run.sh", type: "application/x-sh", Array("#!".utf8))
            )
            #expect(status == .badRequest)
            #expect(Self.files(directory + "/uploads").count == 2, "refused uploads leave nothing behind")
        }
    }

    @Test func anOversizedFileIsRefusedWhileStreaming() async throws {
        try await Self.withMedia(["MAX_FILE_SIZE": "4096"]) { client, token, directory in
            let big = [UInt8](Self.png + Array(repeating: 1, count: 8000))
            var (status, body) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(filename: "big.png", type: "image/png", big)
            )
            #expect(status == .badRequest)
            #expect(body as NSDictionary == ["detail": "File too large"])
            let huge = [UInt8](repeating: 1, count: 200_000)
            (status, _) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(filename: "huge.png", type: "image/png", huge)
            )
            #expect(status == .contentTooLarge, "a declared length far over the limit is refused before reading")
            #expect(Self.files(directory + "/uploads").isEmpty)
            (status, body) = try await Self.upload(
                client,
                "/api/upload/image",
                token: token,
                Self.multipart(name: "other", filename: "a.png", type: "image/png", Self.png)
            )
            #expect(status == .unprocessableContent)
            #expect(body["errors"] as? [String] == ["file: Field required"])
            (status, _) = try await Self.upload(
                client,
                "/api/upload/image",
                token: nil,
                Self.multipart(filename: "a.png", type: "image/png", Self.png)
            )
            #expect(status == .unauthorized)
        }
    }

    @Test func mediaPathsCannotLeaveTheMediaFolder() async throws {
        try await Self.withMedia { client, _, directory in
            try FileManager.default.createDirectory(atPath: directory + "/avatars", withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: URL(fileURLWithPath: directory + "/../rapport-secret.txt"))
            defer { try? FileManager.default.removeItem(atPath: directory + "/../rapport-secret.txt") }
            for path in ["/api/media/../rapport-secret.txt", "/api/media/avatars/../../rapport-secret.txt", "/api/media/%2e%2e/rapport-secret.txt"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status != .ok, "\(path)")
                    #expect(String(buffer: response.body).contains("secret") == false)
                }
            }
            try await client.execute(uri: "/api/media/avatars/none.png", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
