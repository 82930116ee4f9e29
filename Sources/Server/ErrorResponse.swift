import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The body of an error no API family claims (unknown route, malformed JSON, body too large, internal error):
/// the same text under each seed client's key — `error` (001), `message` (003, 000), `detail` (004) — with
/// the status as `code` and the request id.
struct ErrorBody: Encodable {
    let error: String
    let message: String
    let detail: String
    let code: Int
    let requestID: String

    enum CodingKeys: String, CodingKey {
        case error, message, detail, code
        case requestID = "request_id"
    }

    init(status: HTTPResponse.Status, message: String, requestID: String) {
        self.error = message
        self.message = message
        self.detail = message
        self.code = status.code
        self.requestID = requestID
    }
}

extension Response {
    /// A JSON response with `body`, for error paths that build their own response.
    static func json(_ status: HTTPResponse.Status, _ body: some Encodable, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
