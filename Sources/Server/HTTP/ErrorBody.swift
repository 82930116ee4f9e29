import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import StorageKit

/// The body of an error no API family claims (unknown route, malformed JSON, body too large, internal error):
/// the same text under each seed client's key — `error` (001), `message` (003, 000), `detail` (004) — with
/// the status as `code` and the request id.
func errorBody(_ status: HTTPResponse.Status, message: String, requestID: String) -> JSONValue {
    [
        "error": .string(message), "message": .string(message), "detail": .string(message),
        "code": .int(Int64(status.code)), "request_id": .string(requestID),
    ]
}

extension Response {
    /// A JSON response, written by ``JSONValue/serialized()`` like every other JSON answer of the server.
    static func json(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body.serialized())))
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
