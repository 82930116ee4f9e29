import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// A response with a JSON body and a status, for handlers and errors alike.
struct JSONResponse: ResponseGenerator, Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var body: JSONValue
    var headers: HTTPFields = [:]
    /// The body already written as JSON text (long listings write their items straight to bytes); ``body`` is
    /// then `null` and not sent.
    private(set) var text: [UInt8]?

    init(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// A response whose body is `text`, which must be one JSON value.
    init(_ status: HTTPResponse.Status, text: [UInt8], headers: HTTPFields = [:]) {
        self.status = status
        self.body = .null
        self.headers = headers
        self.text = text
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        guard let text = self.text else { return .json(self.status, self.body, headers: self.headers) }
        var fields = self.headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: self.status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }
}
