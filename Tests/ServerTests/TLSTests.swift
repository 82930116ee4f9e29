import AsyncHTTPClient
import AuthTokens
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import NIOWebSocket
import Server
import StorageKit
import Synchronization
import Testing
import WSClient

/// HTTPS and WSS with `TLS_CERT_FILE` and `TLS_KEY_FILE`, on a self-signed certificate made at test time (the
/// `openssl` program), and the clear refusals of a bad pair.
@Suite("HTTPS and WSS")
struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, in `directory`.
    static func certificate(in directory: URL, name: String) throws -> (certificate: String, key: String) {
        let (certificate, key) = (directory.appendingPathComponent("\(name).crt").path, directory.appendingPathComponent("\(name).key").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl made the certificate")
        return (certificate, key)
    }

    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theAPIAndItsSocketSpeakTLS() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pair = try Self.certificate(in: directory, name: "server")
        let port = ServerProcess.freePort()
        let configuration = try TestServer.configuration(["TLS_CERT_FILE": pair.certificate, "TLS_KEY_FILE": pair.key, "PORT": "\(port)"])
        #expect(configuration.baseURL == "https://127.0.0.1:\(port)")
        let logger = Logger(label: "rapport.tls.tests")
        let database = try await ConnectedDatabase.connect(url: "sqlite::memory:", logger: logger)
        try await RapportServer.migrator.migrate(on: database.database, logger: logger)
        let services = try await RapportServer.Services.make(database: database, configuration: configuration, logger: logger)
        let app = RapportServer.application(services: services, configuration: configuration, logger: logger)

        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pair.certificate))
        let tls = trusting
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        var failure: (any Error)?
        do {
            try await Self.exercise(app, client: client, tls: tls, logger: logger)
        } catch {
            failure = error
        }
        try await client.shutdown()
        await services.auth.hasher.shutdown()
        await database.shutdown()
        if let failure { throw failure }
    }

    static func exercise(
        _ app: some ApplicationProtocol,
        client: HTTPClient,
        tls: TLSConfiguration,
        logger: Logger
    ) async throws {
        try await app.test(.live) { testClient in
            // The live harness may bind a port of its own choosing.
            let port = try #require(testClient.port)
            let base = "https://127.0.0.1:\(port)"
            let health = try await client.execute(HTTPClientRequest(url: base + "/api/health"), timeout: .seconds(60))
            #expect(health.status == .ok)
            var register = HTTPClientRequest(url: base + "/api/auth/register")
            register.method = .POST
            register.headers.add(name: "Content-Type", value: "application/json")
            register.body = .bytes(ByteBuffer(string: #"{"username":"tls_user","email":"tls@x.com","password":"password123"}"#))
            #expect(try await client.execute(register, timeout: .seconds(60)).status == .created)
            var login = HTTPClientRequest(url: base + "/api/auth/login")
            login.method = .POST
            login.headers.add(name: "Content-Type", value: "application/json")
            login.body = .bytes(ByteBuffer(string: #"{"username":"tls_user","password":"password123"}"#))
            let answer = try await client.execute(login, timeout: .seconds(60))
            let body = try await answer.body.collect(upTo: 1 << 20)
            let token = try #require(
                (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["access_token"] as? String
            )

            // A WebSocket over TLS: a ping is answered with a pong (by name: TLS has no server name for an address).
            let pong = Mutex<String?>(nil)
            _ = try await WebSocketClient.connect(
                url: "wss://localhost:\(port)/api/ws?token=\(token)",
                tlsConfiguration: tls,
                logger: logger
            ) { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"ping"}"#))
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message, text.contains("pong") {
                        pong.withLock { $0 = text }
                        break
                    }
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
            #expect(pong.withLock { $0 }?.contains(#""type":"pong""#) == true)

            // Plain HTTP on the TLS port gets no HTTP answer.
            let (text, _) = try await ConnectionLimitTests.exchange(port: port, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n", wait: .seconds(2))
            #expect(!text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func aBadPairEndsStartUpWithOneLine() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try Self.certificate(in: directory, name: "server")
        let other = try Self.certificate(in: directory, name: "other")
        func refusal(_ values: [String: String]) -> String? {
            do {
                _ = try TestServer.configuration(values)
                return nil
            } catch let error as ConfigurationError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(["TLS_CERT_FILE": server.certificate, "TLS_KEY_FILE": other.key])?.hasPrefix("TLS_KEY_FILE: the key in") == true)
        #expect(
            refusal(["TLS_CERT_FILE": directory.path + "/missing.crt", "TLS_KEY_FILE": server.key])?.hasPrefix("TLS_CERT_FILE: cannot read") == true
        )
        #expect(
            refusal(["TLS_CERT_FILE": server.certificate, "TLS_KEY_FILE": directory.path + "/missing.key"])?.hasPrefix("TLS_KEY_FILE: cannot read")
                == true
        )
        #expect(refusal(["TLS_CERT_FILE": server.certificate])?.contains("go together") == true)
        #expect(refusal(["TLS_CERT_FILE": server.key, "TLS_KEY_FILE": server.key])?.hasPrefix("TLS_CERT_FILE") == true, "a key is no certificate")
        #expect(refusal(["TLS_CERT_FILE": server.certificate, "TLS_KEY_FILE": server.key]) == nil)
    }
}
