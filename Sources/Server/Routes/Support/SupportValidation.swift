import AuthTokens
import ChatCore
import Foundation
import Hummingbird
import HTTPTypes

/// Seed 004's validation failure: 422 `{"detail": "请求参数验证失败", "errors": ["field: message", …], "path": …}`.
struct SupportValidation {
    let path: String
    var errors: [String] = []

    init(_ request: Request) { self.path = request.uri.path }

    mutating func fail(_ field: String, _ message: String) {
        self.errors.append(field.isEmpty ? message : "\(field): \(message)")
    }

    func finish() throws {
        guard !self.errors.isEmpty else { return }
        throw JSONResponse(.unprocessableContent, [
            "detail": "请求参数验证失败", "errors": .array(self.errors.map(JSONValue.string)), "path": .string(self.path),
        ])
    }

    /// `page` and `page_size` (contracts/README §3: at least 1 each).
    mutating func paging(_ request: Request, defaultSize: Int) -> (offset: Int, limit: Int) {
        let query = request.uri.queryParameters
        func number(_ name: String, _ fallback: Int) -> Int {
            guard let text = query[Substring(name)].map(String.init), !text.isEmpty else { return fallback }
            guard let value = Int(text) else {
                self.fail(name, "Input should be a valid integer, unable to parse string as an integer")
                return fallback
            }
            guard value >= 1 else {
                self.fail(name, "Input should be greater than or equal to 1")
                return fallback
            }
            return value
        }
        let page = number("page", 1), size = min(number("page_size", defaultSize), 1000)
        return ((page - 1) * size, size)
    }

    static let roles = "'user', 'buyer', 'merchant', 'agent', 'admin' or 'auditor'"
    static let statuses = "'active', 'inactive' or 'deleted'"
}
