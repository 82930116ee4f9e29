import AuthTokens
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

/// Seed 003's profile page: the profile read and edited, the public view, avatars uploaded and served.
@Suite("Profiles and avatars (seed 003)")
struct ProfileRoutesTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300)
    static let gif: [UInt8] = Array("GIF89a".utf8) + Array(repeating: 1, count: 100)

    /// Runs `test` with a fresh media folder on `backend`.
    static func withMedia(
        _ backend: HTTPBackend = .sqlite,
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-media-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let settings = values.merging(["MEDIA_DIR": directory, "BASE_URL": "https://chat.example"]) { _, new in new }
        try await backend.withApp(settings) { client, _ in try await test(client, directory) }
    }

    static func uploadAvatar(
        _ client: some TestClientProtocol,
        token: String?,
        _ bytes: [UInt8],
        field: String = "avatar"
    )
        async throws -> (HTTPResponse.Status, [String: Any])
    {
        try await UploadRoutesTests.upload(
            client,
            "/api/profile/avatar",
            token: token,
            UploadRoutesTests.multipart(name: field, filename: "me.bin", type: "application/octet-stream", bytes)
        )
    }

    @Test(arguments: HTTPBackend.enabled)
    func theProfileIsReadEditedAndShownPublicly(_ backend: HTTPBackend) async throws {
        try await Self.withMedia(backend) { client, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let aliceID = try await MessageRoutesTests.userID(client, alice)
            let empty = try await client.json("/api/profile/profile", .get, token: alice)
            #expect(empty.status == .ok)
            #expect(empty.body["username"] as? String == "alice" && empty.body["email"] as? String == "alice@x.com")
            #expect(
                empty.body["bio"] is NSNull && empty.body["location"] is NSNull && empty.body["phone"] is NSNull && empty.body["avatar"] is NSNull
            )

            var reply = try await client.json("/api/profile/profile", .put, token: alice, body: #"{"bio": "写 Swift 的", "location": "杭州"}"#)
            #expect(reply.status == .ok && reply.body["message"] as? String == "个人资料更新成功")
            reply = try await client.json("/api/profile/profile", .put, token: alice, body: #"{"phone": "13800000000"}"#)
            #expect(reply.status == .ok)
            let mine = try await client.json("/api/profile/profile", .get, token: alice)
            #expect(mine.body["bio"] as? String == "写 Swift 的", "absent keys keep their values")
            #expect(mine.body["location"] as? String == "杭州" && mine.body["phone"] as? String == "13800000000")

            let shown = try await client.json("/api/profile/profile/\(aliceID)", .get)
            #expect(shown.status == .ok && shown.body["username"] as? String == "alice" && shown.body["location"] as? String == "杭州")
            #expect(shown.body["email"] == nil, "the public view has no e-mail")

            // Bad input: too long, wrong types, not an object. Nothing changes.
            let refused: [(String, String)] = [
                (#"{"location": "\#(String(repeating: "城", count: 101))", "bio": "x"}"#, "所在地不能超过100个字符"),
                (#"{"phone": "\#(String(repeating: "1", count: 21))"}"#, "电话不能超过20个字符"),
                (#"{"bio": 42}"#, "个人简介必须是字符串"), (#"{"phone": ["1"]}"#, "电话必须是字符串"), (#"[1]"#, "请求必须是JSON对象"),
                ("not json", "请求必须是JSON对象"),
            ]
            for (body, message) in refused {
                let answer = try await client.json("/api/profile/profile", .put, token: alice, body: body)
                #expect(answer.status == .badRequest && answer.body["message"] as? String == message, "\(body)")
            }
            let after = try await client.json("/api/profile/profile", .get, token: alice)
            #expect(after.body["bio"] as? String == "写 Swift 的" && after.body["location"] as? String == "杭州")
            // `null` clears a field.
            _ = try await client.json("/api/profile/profile", .put, token: alice, body: #"{"location": null}"#)
            #expect(try await client.json("/api/profile/profile", .get, token: alice).body["location"] is NSNull)

            for path in ["/api/profile/profile/999999", "/api/profile/profile/0", "/api/profile/profile/abc"] {
                let missing = try await client.json(path, .get)
                #expect(missing.status == .notFound && missing.body["message"] as? String == "用户不存在", "\(path)")
            }
            #expect(try await client.json("/api/profile/profile", .get).status == .unauthorized)
            let guest = try await client.json("/api/auth/login", body: #"{"email": "", "password": ""}"#)
            let guestToken = try #require(guest.body["access_token"] as? String)
            #expect(try await client.json("/api/profile/profile", .put, token: guestToken, body: #"{"bio": "x"}"#).status == .forbidden)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func anAvatarIsCheckedStoredAndShownByEveryFamily(_ backend: HTTPBackend) async throws {
        try await Self.withMedia(backend) { client, directory in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let aliceID = try await MessageRoutesTests.userID(client, alice)
            var (status, body) = try await Self.uploadAvatar(client, token: alice, Self.png)
            #expect(status == .ok && body["message"] as? String == "头像上传成功")
            let url = "https://chat.example/api/file/avatar/avatar_\(aliceID).png"
            #expect(body["avatar"] as? String == url)
            #expect(FileManager.default.fileExists(atPath: directory + "/avatars/avatar_\(aliceID).png"))

            // The same URL in the profile, seed 001's user, seed 004's user list and seed 003's friend list.
            #expect(try await client.json("/api/profile/profile", .get, token: alice).body["avatar"] as? String == url)
            #expect(try await client.json("/api/profile/profile/\(aliceID)", .get).body["avatar"] as? String == url)
            let me = try await client.json("/api/auth/profile", .get, token: alice)
            #expect((me.body["user"] as? [String: Any])?["avatar"] as? String == url)

            try await client.execute(uri: "/api/file/avatar/avatar_\(aliceID).png", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "image/png")
                #expect(Array(response.body.readableBytesView) == Self.png)
            }
            // Seed 003's client asks for `.jpg` whatever the type; it gets the image with its real type.
            try await client.execute(uri: "/api/file/avatar/avatar_\(aliceID).jpg", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "image/png")
            }

            // A new avatar of another type replaces the old one.
            (status, body) = try await Self.uploadAvatar(client, token: alice, Self.gif)
            #expect(status == .ok && (body["avatar"] as? String)?.hasSuffix("avatar_\(aliceID).gif") == true)
            #expect(!FileManager.default.fileExists(atPath: directory + "/avatars/avatar_\(aliceID).png"))
            try await client.execute(uri: "/api/file/avatar/avatar_\(aliceID).jpg", method: .get) { response in
                #expect(response.headers[.contentType] == "image/gif")
            }
        }
    }

    @Test func badAvatarsAreRefusedAndChangeNothing() async throws {
        try await Self.withMedia(.sqlite, ["MAX_AVATAR_SIZE": "4096"]) { client, directory in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let aliceID = try await MessageRoutesTests.userID(client, alice)
            // Not an image by its first bytes, whatever it is called.
            var (status, body) = try await Self.uploadAvatar(client, token: alice, Array("<svg onload=alert(1)>".utf8))
            #expect(status == .badRequest && body["message"] as? String == "头像必须是 PNG、JPEG、GIF 或 WebP 图片")
            (status, body) = try await Self.uploadAvatar(client, token: alice, Self.png + Array(repeating: 0, count: 5000))
            #expect(status == .contentTooLarge && body["message"] is String)
            let huge = [UInt8](repeating: 1, count: 200_000)
            (status, _) = try await Self.uploadAvatar(client, token: alice, huge)
            #expect(status == .contentTooLarge, "a declared length far over the limit is refused before reading")
            (status, body) = try await Self.uploadAvatar(client, token: alice, Self.png, field: "picture")
            #expect(status == .ok && body["avatar"] == nil, "no avatar part: nothing changes (contracts/seed003 §5)")
            try await client.execute(
                uri: "/api/profile/avatar",
                method: .post,
                headers: [.authorization: "Bearer \(alice)", .contentType: "application/json"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .badRequest)
            }
            (status, _) = try await Self.uploadAvatar(client, token: nil, Self.png)
            #expect(status == .unauthorized)
            #expect(UploadRoutesTests.files(directory + "/avatars").allSatisfy { !$0.hasPrefix("avatar_") && !$0.hasPrefix(".") })
            #expect(try await client.json("/api/profile/profile", .get, token: alice).body["avatar"] is NSNull)

            // Names that are not plain file names never leave the avatar folder.
            try Data("secret".utf8).write(to: URL(fileURLWithPath: directory + "/secret.png"))
            for name in ["../secret.png", "..%2Fsecret.png", "%2e%2e%2fsecret.png"] {
                // Refused by the request guard (400) or not found (404); never the file.
                try await client.execute(uri: "/api/file/avatar/\(name)", method: .get) { response in
                    #expect(response.status == .notFound || response.status == .badRequest, "\(name)")
                    #expect(!String(buffer: response.body).contains("secret"), "\(name)")
                }
            }
            for name in [".hidden", "avatar_\(aliceID).png", "nothing.png", "a%00.png"] {
                try await client.execute(uri: "/api/file/avatar/\(name)", method: .get) { response in
                    #expect(response.status == .notFound, "\(name)")
                    #expect(String(buffer: response.body) == #"{"error":"Avatar not found"}"#, "\(name)")
                }
            }
        }
    }

    @Test func seed004DefaultAvatarsAreServed() async throws {
        try await Self.withMedia { client, _ in
            for name in ["admin", "service", "buyer1", "buyer2", "merchant1", "merchant2", "user1"] {
                for path in ["/api/media/avatars/\(name).png", "/api/file/avatar/\(name).png"] {
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(response.status == .ok, "\(path)")
                        #expect(Array(response.body.readableBytesView.prefix(8)) == Array(Self.png.prefix(8)), "\(path) is a PNG")
                    }
                }
            }
        }
    }
}
