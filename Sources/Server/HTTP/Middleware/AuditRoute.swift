import AuthTokens
public import CRMAudit
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StorageKit
import Synchronization

/// What an audit row says about a request's target, from the matched route when there is one
/// (`PUT /api/contacts/{id}/update` → `UPDATE`, `contact`, the id), else from the path (contracts/seed002 §5).
struct AuditRoute {
    var action: String
    var resourceType: String?
    var resourceID: String?

    static let verbs: [String: String] = [
        "login": "LOGIN", "logout": "LOGOUT", "register": "REGISTER", "export": "EXPORT", "import": "IMPORT", "verify": "VERIFY",
    ]

    init(method: HTTPRequest.Method, path: String, template: String?, parameters: Parameters) {
        let byMethod: String =
            switch method {
            case .post: "CREATE"
            case .put, .patch: "UPDATE"
            case .delete: "DELETE"
            default: "VIEW"
            }
        guard let template, template != "NotFound" else {
            // No route matched: the seed's rule on the raw path.
            self.action = byMethod
            let parts = path.split(separator: "/").map(String.init)
            let last = parts.last ?? ""
            let numeric = !last.isEmpty && last.allSatisfy(\.isNumber)
            self.resourceType = parts.count >= 3 ? (numeric ? parts[parts.count - 2] : last) : nil
            self.resourceID = parts.count >= 2 && (numeric || last.count == 36) ? last : nil
            return
        }
        let segments = template.split(separator: "/").map(String.init)
        self.action = segments.last.flatMap { Self.verbs[$0] } ?? byMethod
        let parameterIndices = segments.indices.filter { segments[$0].hasPrefix("{") || segments[$0].hasPrefix(":") }
        if let index = parameterIndices.last, index > 0 {
            let name = segments[index].trimmingCharacters(in: CharacterSet(charactersIn: "{}:"))
            var owner = index - 1
            while owner > 0, parameterIndices.contains(owner) { owner -= 1 }
            self.resourceType = Self.singular(segments[owner])
            self.resourceID = parameters.get(name)
        } else {
            let domain = segments.first == "api" ? segments.dropFirst().first : segments.first
            self.resourceType = domain.map(Self.singular)
            self.resourceID = nil
        }
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    static let categories: [(String, String)] = [
        ("/api/foundation/audit-logs", "audit_management"), ("/api/foundation/auth", "authentication"), ("/api/auth", "authentication"),
        ("/api/contacts", "contact_management"), ("/api/friend", "social"), ("/api/message", "messaging"), ("/api/messages", "messaging"),
        ("/api/conversations", "customer_service"), ("/api/quick-replies", "customer_service"), ("/api/users", "user_management"),
        ("/api/user", "user_management"), ("/api/upload", "file_management"), ("/api/file", "file_management"),
        ("/api/group", "group_management"), ("/api/groups", "group_management"), ("/api/ws", "realtime"),
    ]

    static func category(of path: String) -> String? {
        self.categories.first { path == $0.0 || path.hasPrefix($0.0 + "/") }?.1
    }
}
