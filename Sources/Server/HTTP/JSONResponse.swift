import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// A response with a JSON body and a status, for handlers and errors alike.
struct JSONResponse: ResponseGenerator, Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var body: JSONValue
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .json(self.status, self.body, headers: self.headers)
    }
}
