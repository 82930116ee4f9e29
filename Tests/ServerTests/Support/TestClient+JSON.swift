import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

/// Small helpers for JSON requests against the test router.
extension TestClientProtocol {
    func json(
        _ uri: String,
        _ method: HTTPRequest.Method = .post,
        token: String? = nil,
        headers: HTTPFields = [:],
        body: String? = nil
    ) async throws -> (status: HTTPResponse.Status, body: [String: Any], headers: HTTPFields) {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await self.execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
            return (response.status, object, response.headers)
        }
    }
}

extension TestClientProtocol {
    /// The raw body text of a JSON request.
    func raw(_ uri: String, _ method: HTTPRequest.Method = .post, token: String? = nil, body: String) async throws -> String {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return try await self.execute(uri: uri, method: method, headers: fields, body: ByteBuffer(string: body)) { response in
            String(buffer: response.body)
        }
    }
}
