import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import StorageKit
import TestSupport
import Testing

@testable import Server

/// Every input in the fuzzers' corpora for the JSON, request-head and multipart parsers (Fuzz/Corpus, grown by
/// Scripts/fuzz, with the reproducer of every crash found), replayed on each test run with the checks the fuzz
/// targets make.
@Suite("Fuzz corpus: HTTP parsers")
struct FuzzCorpusTests {
    @Test func jsonCorpus() throws {
        let inputs = try FuzzCorpus.files("FuzzJSON")
        #expect(inputs.count >= 3)
        for (name, bytes) in inputs {
            guard let value = try? JSONValue(parsing: bytes) else { continue }
            #expect(try JSONValue(parsing: value.serialized()) == value, "\(name)")
        }
    }

    @Test func requestHeadCorpus() throws {
        let inputs = try FuzzCorpus.files("FuzzRequestHead")
        #expect(inputs.count >= 3)
        for (name, bytes) in inputs {
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            if let first = lines.first, let line = RequestHead.requestLine(first),
                let rewritten = RequestHead.rewritten(head: bytes, line: line, fields: lines.dropFirst())
            {
                let newLine = rewritten.split(separator: UInt8(ascii: "\n")).first ?? []
                #expect(RequestHead.requestLine(newLine).map { !$0.targetNeedsEncoding } ?? true, "\(name)")
            }
            let path = String(decoding: bytes, as: UTF8.self)
            _ = URI(FormEncodedQueryMiddleware<BasicRequestContext>.rewritten(path) ?? path).queryParameters.count
            _ = AuditInput.parseDateTime(path)
        }
    }

    @Test func multipartCorpus() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-corpus-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let receiver = MultipartFileReceiver(field: "file", directory: directory, maxSize: 1 << 20)
        let inputs = try FuzzCorpus.files("FuzzMultipart")
        #expect(inputs.count >= 2)
        var received = 0
        for (_, bytes) in inputs {
            let request = Request(
                head: HTTPRequest(
                    method: .post,
                    scheme: "http",
                    authority: "x",
                    path: "/api/upload/file",
                    headerFields: [.contentType: "multipart/form-data; boundary=XyZ"]
                ),
                body: .init(buffer: ByteBuffer(bytes: bytes))
            )
            if case .received(let file) = try? await receiver.receive(request) {
                received += 1
                file.discard()
            }
        }
        #expect(received >= 2, "the seed uploads are read")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing is left behind")
    }
}
