import Attachments
import AuthTokens
import ChatCore
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StorageKit
import Testing

@testable import Server

/// Resumable uploads (tus 1.0) at `/api/files/`, on SQLite and MariaDB, through the router; Scripts/tus-check.py
/// holds them to an independent client (tuspy) with a 100 MiB upload interrupted and resumed.
@Suite("Resumable uploads (tus)")
struct TusRoutesTests {
    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(self.body.readableBytesView))) as? [String: Any] ?? [:] }
        subscript(_ name: String) -> String? { HTTPField.Name(name).flatMap { self.headers[$0] } }
    }

    static func call(
        _ client: some TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ path: String,
        token: String?,
        headers: [String: String] = [:],
        body: [UInt8]? = nil,
        tus: Bool = true
    ) async throws -> Reply {
        var fields: HTTPFields = [:]
        if let token { fields[.authorization] = "Bearer \(token)" }
        if tus { fields[HTTPField.Name("Tus-Resumable")!] = "1.0.0" }
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return try await client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(bytes: $0) }) { response in
            Reply(status: response.status, headers: response.headers, body: response.body)
        }
    }

    /// The uploads' files under `directory` (not the default avatars beside them).
    static func uploads(_ directory: String) -> [String] { UploadRoutesTests.files(directory).filter { $0.hasPrefix("uploads/") } }

    static func metadata(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0) \(Data($0.1.utf8).base64EncodedString())" }.joined(separator: ",")
    }

    static func patch(
        _ client: some TestClientProtocol,
        _ location: String,
        token: String,
        offset: Int,
        _ bytes: [UInt8],
        checksum: String? = nil,
        type: String = "application/offset+octet-stream"
    ) async throws -> Reply {
        var headers = ["Content-Type": type, "Upload-Offset": String(offset)]
        if let checksum { headers["Upload-Checksum"] = checksum }
        return try await Self.call(client, .patch, location, token: token, headers: headers, body: bytes)
    }

    static func withFiles(
        _ backend: HTTPBackend,
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, RapportServer.Services, String, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tus-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await backend.withApp(values.merging(["MEDIA_DIR": directory]) { _, new in new }) { client, services in
            let token = try await services.token(role: .buyer, name: "uploader")
            try await test(client, services, token, directory)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func anUploadInPiecesBecomesADownloadableAttachment(_ backend: HTTPBackend) async throws {
        try await Self.withFiles(backend) { client, _, token, directory in
            var reply = try await Self.call(client, .options, "/api/files/", token: nil, tus: false)
            #expect(reply.status == .noContent)
            #expect(reply["Tus-Version"] == "1.0.0" && reply["Tus-Max-Size"] == "1073741824")
            #expect(reply["Tus-Extension"]?.contains("checksum") == true && reply["Tus-Checksum-Algorithm"]?.contains("sha1") == true)

            let content = Array("%PDF-1.7\n".utf8) + (0..<3000).map { UInt8($0 % 251) }
            reply = try await Self.call(
                client,
                .post,
                "/api/files/",
                token: token,
                headers: [
                    "Upload-Length": String(content.count),
                    "Upload-Metadata": Self.metadata([("filename", "季度 报告.pdf"), ("filetype", "application/pdf")]),
                ]
            )
            #expect(reply.status == .created)
            #expect(reply["Tus-Resumable"] == "1.0.0" && reply["Upload-Expires"] != nil)
            let location = try #require(reply["Location"].flatMap { URLComponents(string: $0)?.path })
            #expect(location.hasPrefix("/api/files/") && location.count == "/api/files/".count + 32)

            reply = try await Self.call(client, .head, location, token: token)
            #expect(reply.status == .ok && reply["Upload-Offset"] == "0" && reply["Upload-Length"] == String(content.count))
            #expect(reply["Cache-Control"] == "no-store" && reply["Upload-Metadata"]?.hasPrefix("filename ") == true)

            // First piece, with a correct SHA-1.
            let first = Array(content[0..<1000])
            let sha1 = Data(Insecure.SHA1.hash(data: first)).base64EncodedString()
            reply = try await Self.patch(client, location, token: token, offset: 0, first, checksum: "sha1 \(sha1)")
            #expect(reply.status == .noContent && reply["Upload-Offset"] == "1000" && reply["Tus-Resumable"] == "1.0.0")
            // A bad checksum: 460, the piece discarded.
            reply = try await Self.patch(client, location, token: token, offset: 1000, Array(content[1000..<2000]), checksum: "sha1 \(sha1)")
            #expect(reply.status.code == 460)
            #expect(try await Self.call(client, .head, location, token: token)["Upload-Offset"] == "1000")
            // The wrong offset (a repeat, and a jump ahead): 409, nothing written.
            for offset in [0, 1500] {
                reply = try await Self.patch(client, location, token: token, offset: offset, Array(content[1000..<2000]))
                #expect(reply.status == .conflict && reply["Upload-Offset"] == "1000")
            }
            // The wrong content type: 415. No version: 412 naming the version served.
            reply = try await Self.patch(client, location, token: token, offset: 1000, Array(content[1000..<2000]), type: "application/octet-stream")
            #expect(reply.status == .unsupportedMediaType)
            reply = try await Self.call(
                client,
                .patch,
                location,
                token: token,
                headers: ["Content-Type": "application/offset+octet-stream", "Upload-Offset": "1000"],
                body: [1],
                tus: false
            )
            #expect(reply.status == .preconditionFailed && reply["Tus-Version"] == "1.0.0")
            // A piece longer than what is left: 413, nothing kept.
            reply = try await Self.patch(client, location, token: token, offset: 1000, Array(content[1000...]) + [0])
            #expect(reply.status == .contentTooLarge)
            #expect(try await Self.call(client, .head, location, token: token)["Upload-Offset"] == "1000")
            // The rest, with SHA-256.
            let rest = Array(content[1000...])
            let sha256 = Data(SHA256.hash(data: rest)).base64EncodedString()
            reply = try await Self.patch(client, location, token: token, offset: 1000, rest, checksum: "sha256 \(sha256)")
            #expect(reply.status == .noContent && reply["Upload-Offset"] == String(content.count))
            reply = try await Self.patch(client, location, token: token, offset: content.count, [1])
            #expect(reply.status == .conflict, "a complete upload takes nothing more")

            // The download: the same bytes, typed by their first bytes, with the original name and a strong ETag.
            reply = try await Self.call(client, .get, location, token: token, tus: false)
            #expect(reply.status == .ok && Array(reply.body.readableBytesView) == content)
            #expect(reply["Content-Type"] == "application/pdf" && reply["X-Content-Type-Options"] == "nosniff")
            let hex = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
            #expect(reply["ETag"] == "\"\(hex)\"" && reply["Accept-Ranges"] == "bytes")
            #expect(
                reply["Content-Disposition"] == "attachment; filename=\"__ __.pdf\"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%20%E6%8A%A5%E5%91%8A.pdf"
            )
            reply = try await Self.call(client, .get, location, token: token, headers: ["If-None-Match": "\"\(hex)\""], tus: false)
            #expect(reply.status == .notModified)
            // Ranges: a slice, an open end, a suffix; nonsense and past-the-end ranges → 416.
            for (range, slice) in [
                ("bytes=5-9", 5...9), ("bytes=3000-", 3000...(content.count - 1)), ("bytes=-4", (content.count - 4)...(content.count - 1)),
            ] {
                reply = try await Self.call(client, .get, location, token: token, headers: ["Range": range], tus: false)
                #expect(reply.status == .partialContent && Array(reply.body.readableBytesView) == Array(content[slice]), "\(range)")
                #expect(reply["Content-Range"] == "bytes \(slice.lowerBound)-\(slice.upperBound)/\(content.count)")
            }
            for range in ["bytes=9-5", "bytes=\(content.count)-", "bytes=-0", "bytes=x-y", "bytes=99999999999999999999-"] {
                reply = try await Self.call(client, .get, location, token: token, headers: ["Range": range], tus: false)
                #expect(reply.status == .rangeNotSatisfiable && reply["Content-Range"] == "bytes */\(content.count)", "\(range)")
            }
            let stored = Self.uploads(directory)
            #expect(stored.count == 1 && stored.first?.hasPrefix("uploads/tus/") == true)

            // Termination: 204, then gone, bytes and all.
            reply = try await Self.call(client, .delete, location, token: token)
            #expect(reply.status == .noContent)
            #expect(try await Self.call(client, .head, location, token: token).status == .notFound)
            #expect(Self.uploads(directory).isEmpty)
        }
    }

    @Test(arguments: HTTPBackend.enabled)
    func badRequestsAreRefusedClearly(_ backend: HTTPBackend) async throws {
        try await Self.withFiles(backend, ["MAX_UPLOAD_SIZE": "5000", "USER_STORAGE_QUOTA": "8000"]) { client, services, token, _ in
            var reply = try await Self.call(client, .post, "/api/files/", token: nil, headers: ["Upload-Length": "10"])
            #expect(reply.status == .unauthorized && reply["Tus-Resumable"] == "1.0.0")
            for length in ["", "-1", "1e3", "+5", "0x10", "99999999999999999999"] {
                reply = try await Self.call(client, .post, "/api/files/", token: token, headers: length.isEmpty ? [:] : ["Upload-Length": length])
                #expect(reply.status == .badRequest && (reply.json["error"] as? String)?.contains("Upload-Length") == true, "\(length)")
            }
            reply = try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": "5001"])
            #expect(reply.status == .contentTooLarge && reply["Tus-Max-Size"] == "5000")
            reply = try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": "10"], tus: false)
            #expect(reply.status == .preconditionFailed && reply["Tus-Version"] == "1.0.0")
            for metadata in [
                Self.metadata([("filename", "../etc/passwd")]), Self.metadata([("filename", "a\\b")]), Self.metadata([("filename", "bell\u{7}.txt")]),
                Self.metadata([("filename", "a"), ("filename", "b")]), "filename !!notbase64!!", "filename",
                Self.metadata([("filetype", "text/plain\n")]),
            ] {
                reply = try await Self.call(
                    client,
                    .post,
                    "/api/files/",
                    token: token,
                    headers: ["Upload-Length": "10", "Upload-Metadata": metadata]
                )
                #expect(reply.status == .badRequest && (reply.json["error"] as? String)?.contains("Upload-Metadata") == true, "\(metadata)")
            }
            // The quota counts unfinished uploads by their length.
            reply = try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": "5000"])
            #expect(reply.status == .created)
            reply = try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": "3001"])
            #expect(reply.status == .contentTooLarge && (reply.json["error"] as? String)?.hasPrefix("Storage quota exceeded") == true)
            let location = try #require(
                try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": "3000"])["Location"].flatMap {
                    URLComponents(string: $0)?.path
                }
            )

            // Someone else's upload does not exist for them.
            let other = try await services.token(role: .buyer, name: "other")
            #expect(try await Self.call(client, .head, location, token: other).status == .notFound)
            #expect(try await Self.patch(client, location, token: other, offset: 0, [1, 2, 3]).status == .notFound)
            #expect(try await Self.call(client, .delete, location, token: other).status == .notFound)
            #expect(try await Self.call(client, .head, "/api/files/..%2F..%2Fetc%2Fpasswd", token: token).status == .notFound)
            #expect(try await Self.call(client, .head, "/api/files/0123", token: token).status == .notFound)
            // Missing or bad Upload-Offset and checksum headers.
            reply = try await Self.call(
                client,
                .patch,
                location,
                token: token,
                headers: ["Content-Type": "application/offset+octet-stream"],
                body: [1]
            )
            #expect(reply.status == .badRequest)
            reply = try await Self.patch(client, location, token: token, offset: 0, [1], checksum: "crc32 AAAA")
            #expect(reply.status == .badRequest)
            reply = try await Self.patch(client, location, token: token, offset: 0, [1], checksum: "sha1 notbase64")
            #expect(reply.status == .badRequest)
            #expect(try await Self.call(client, .head, location, token: token)["Upload-Offset"] == "0")
        }
    }

    /// Unfinished uploads past their expiry are swept, rows and files; finished ones stay.
    @Test func expiredUploadsAreSwept() async throws {
        try await Self.withFiles(.sqlite) { client, services, token, directory in
            func create(_ length: Int) async throws -> String {
                try #require(
                    try await Self.call(client, .post, "/api/files/", token: token, headers: ["Upload-Length": String(length)])["Location"].flatMap {
                        URLComponents(string: $0)?.path
                    }
                )
            }
            let location = try await create(10)
            let done = try await create(3)
            #expect(try await Self.patch(client, done, token: token, offset: 0, [1, 2, 3]).status == .noContent)
            #expect(try await Self.patch(client, location, token: token, offset: 0, [1, 2]).status == .noContent)
            let sweeper = UploadSweepService(uploads: services.uploads, mediaDirectory: directory, interval: .seconds(600), logger: TestServer.logger)
            #expect(await sweeper.sweep(now: Date()) == 0)
            #expect(await sweeper.sweep(now: Date() + 25 * 3600) == 1)
            #expect(try await Self.call(client, .head, location, token: token).status == .notFound)
            #expect(try await Self.call(client, .head, done, token: token)["Upload-Offset"] == "3")
            #expect(Self.uploads(directory).count == 1)
        }
    }

    /// A signed URL is checked byte by byte: wrong, truncated, non-ASCII or expired signatures are refused, never a
    /// crash.
    @Test func signedURLsAreCheckedStrictly() {
        let signer = FileURLSigner(secret: Array("a key of the deployment".utf8))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let url = signer.signed("/uploads/chat/1_2_ab_x.txt", now: now)
        let query = URLComponents(string: url)!.queryItems!
        let (expires, signature) = (query[0].value!, query[1].value!)
        #expect(signer.verify("/uploads/chat/1_2_ab_x.txt", expires: expires, signature: signature, now: now))
        #expect(signer.verify("/uploads/chat/1_2_ab_x.txt", expires: expires, signature: signature.uppercased(), now: now))
        #expect(!signer.verify("/uploads/chat/1_2_ab_y.txt", expires: expires, signature: signature, now: now), "another file")
        #expect(!signer.verify("/uploads/chat/1_2_ab_x.txt", expires: String(Int(expires)! + 1), signature: signature, now: now))
        #expect(!signer.verify("/uploads/chat/1_2_ab_x.txt", expires: expires, signature: signature, now: now + 9 * 86400), "expired")
        for bad in [String(signature.dropLast(2)) + "é", String(signature.dropLast()), signature + "0", String(repeating: "g", count: 64), ""] {
            #expect(!signer.verify("/uploads/chat/1_2_ab_x.txt", expires: expires, signature: bad, now: now), "\(bad)")
        }
        #expect(
            !FileURLSigner(secret: Array("another key".utf8)).verify("/uploads/chat/1_2_ab_x.txt", expires: expires, signature: signature, now: now)
        )
    }

    /// Private media folders are never served under /api/media, however the path is spelled.
    @Test func privateMediaIsNotServedHoweverSpelled() async throws {
        try await Self.withFiles(.sqlite) { client, _, token, directory in
            try FileManager.default.createDirectory(atPath: directory + "/uploads/chat", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: directory + "/uploads/public", withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: URL(fileURLWithPath: directory + "/uploads/chat/1_2_ab_x.txt"))
            try Data("open".utf8).write(to: URL(fileURLWithPath: directory + "/uploads/public/x.txt"))
            for path in [
                "/api/media/uploads/chat/1_2_ab_x.txt", "/api/medi%61/uploads/chat/1_2_ab_x.txt", "/api/media/uploads/%63hat/1_2_ab_x.txt",
                "/api/media/uploads/public/../chat/1_2_ab_x.txt", "/api/media/./uploads/chat/1_2_ab_x.txt",
                "/api/media%2Fuploads%2Fchat/1_2_ab_x.txt",
            ] {
                let reply = try await Self.call(client, .get, path, token: nil, tus: false)
                #expect(reply.status == .notFound && String(buffer: reply.body) != "secret", "\(path)")
            }
            #expect(try await Self.call(client, .get, "/api/media/uploads/public/x.txt", token: nil, tus: false).status == .ok)
            // Guests (who all share one id) cannot upload.
            let guest = try #require(
                try await client.json("/api/auth/login", body: #"{"email": "", "password": ""}"#).body["access_token"] as? String
            )
            let reply = try await Self.call(client, .post, "/api/files/", token: guest, headers: ["Upload-Length": "10"])
            #expect(reply.status == .forbidden)
            _ = token
        }
    }

    /// A finished upload sent as a file message: its recipients download it with the message's signed URL.
    @Test(arguments: HTTPBackend.enabled)
    func aFinishedUploadIsSentAsAMessage(_ backend: HTTPBackend) async throws {
        try await Self.withFiles(backend) { client, services, token, _ in
            let friend = try await services.auth.users.create(NewUser(username: "friend", role: .user, createdAt: Date()))
            let friendToken = try await services.auth.issueToken(for: friend, client: .init(ipAddress: "127.0.0.1")).token
            _ = try await client.json("/api/friend/add", token: token, body: #"{"friend_username": "friend"}"#)
            let created = try await Self.call(
                client,
                .post,
                "/api/files/",
                token: token,
                headers: ["Upload-Length": "5", "Upload-Metadata": Self.metadata([("filename", "note?.txt")])]
            )
            let location = try #require(created["Location"].flatMap { URLComponents(string: $0)?.path })
            let id = String(location.dropFirst("/api/files/".count))
            // Not finished yet: it cannot be sent.
            var sent = try await client.json(
                "/api/chat/send",
                token: token,
                body: #"{"receiver_id": \#(friend.id.rawValue), "type": "file", "content": "x", "file_url": "/files/\#(id)"}"#
            )
            #expect(sent.status == .badRequest)
            #expect(try await Self.patch(client, location, token: token, offset: 0, Array("hello".utf8)).status == .noContent)
            sent = try await client.json(
                "/api/chat/send",
                token: token,
                body: #"{"receiver_id": \#(friend.id.rawValue), "type": "file", "content": "x", "file_url": "/files/\#(id)"}"#
            )
            #expect(sent.status == .ok)
            let fileURL = try #require(sent.body["file_url"] as? String)
            #expect(fileURL.hasPrefix("/uploads/files/\(id)/note.txt?expires="))
            let download = try await Self.call(client, .get, "/api/file" + fileURL, token: nil, tus: false)
            #expect(download.status == .ok && String(buffer: download.body) == "hello")
            // The message carries the upload's attachment.
            let uploader = try #require(try await services.auth.users.user(identifier: "uploader"))
            let conversation = try #require(
                try await services.chat.messages.existingDirectConversation(
                    between: ParticipantID(uploader.id.rawValue),
                    and: ParticipantID(friend.id.rawValue)
                )
            )
            let stored = try await services.chat.messages.messages(in: conversation, limit: 1, offset: 0, beforeSeq: nil, afterSeq: nil)
            let attachmentID = try #require(try await services.uploads.upload(id)?.attachmentID)
            #expect(stored.first?.attachmentID == attachmentID)
            // Seed 001's send links it the same way when its content names the sender's own file.
            let viaMessages = try await client.json(
                "/api/message/send",
                token: token,
                body: #"{"receiver_id": \#(friend.id.rawValue), "content": "/api/files/\#(id)/note.txt", "message_type": "file"}"#
            )
            #expect(viaMessages.status == .ok)
            let latest = try await services.chat.messages.lastMessage(in: conversation)
            #expect(latest?.content == "/api/files/\(id)/note.txt" && latest?.attachmentID == attachmentID)
            // Without the signature: the owner, and the members of the conversation it was sent in; nobody else.
            let plain = "/api/file/uploads/files/\(id)/note.txt"
            #expect(try await Self.call(client, .get, plain, token: friendToken, tus: false).status == .ok)
            #expect(try await Self.call(client, .get, plain, token: token, tus: false).status == .ok)
            let strangerToken = try await services.token(role: .user, name: "stranger")
            #expect(try await Self.call(client, .get, plain, token: strangerToken, tus: false).status == .forbidden)
            #expect(try await Self.call(client, .get, plain, token: nil, tus: false).status == .forbidden)
            // A message whose text only looks like somebody's file carries nothing: no file_url is signed for it.
            let stranger = try #require(try await services.auth.users.user(identifier: "stranger"))
            _ = try await services.chat.friendships.befriend(
                ParticipantID(stranger.id.rawValue),
                ParticipantID(friend.id.rawValue),
                at: Date()
            )
            let forged = try await services.chat.send(
                from: ParticipantID(stranger.id.rawValue),
                to: ParticipantID(friend.id.rawValue),
                content: "/api/files/\(id)/note.txt",
                type: .file
            )
            #expect(forged.message.attachmentID == nil)
            let (_, history) = try await RealtimeTests.list(
                client,
                "/api/chat/history",
                token: strangerToken,
                body: #"{"friendId": "\#(friend.id.rawValue)"}"#
            )
            #expect(history.count == 1 && (history.first?["file_url"] as? String) == "")
            #expect(try await Self.call(client, .get, plain, token: strangerToken, tus: false).status == .forbidden)
            let stolen = try await client.json(
                "/api/chat/send",
                token: friendToken,
                body: #"{"receiver_id": 1, "type": "file", "content": "x", "file_url": "/files/\#(id)"}"#
            )
            #expect(stolen.status == .forbidden)
        }
    }
}
