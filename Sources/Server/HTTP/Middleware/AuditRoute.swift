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
        let shape = Self.shape(of: template)
        self.action = shape.action ?? byMethod
        self.resourceType = shape.resourceType
        self.resourceID = shape.parameter.flatMap { parameters.get($0) }
    }

    /// What a route template says, whatever the request: its verb's action, the resource type, and the
    /// parameter naming the resource.
    struct Shape: Sendable {
        var action: String?
        var resourceType: String?
        var parameter: String?
    }

    /// Shapes by template, worked out once each: there are as many as routes, and every audited request needs one.
    static let shapes = Mutex<[String: Shape]>([:])

    static func shape(of template: String) -> Shape {
        if let known = Self.shapes.withLock({ $0[template] }) { return known }
        let segments = template.split(separator: "/").map(String.init)
        var shape = Shape(action: segments.last.flatMap { Self.verbs[$0] })
        let parameterIndices = segments.indices.filter { segments[$0].hasPrefix("{") || segments[$0].hasPrefix(":") }
        if let index = parameterIndices.last, index > 0 {
            var owner = index - 1
            while owner > 0, parameterIndices.contains(owner) { owner -= 1 }
            shape.resourceType = Self.singular(segments[owner])
            shape.parameter = segments[index].trimmingCharacters(in: CharacterSet(charactersIn: "{}:"))
        } else {
            let domain = segments.first == "api" ? segments.dropFirst().first : segments.first
            shape.resourceType = domain.map(Self.singular)
        }
        Self.shapes.withLock { $0[template] = shape }
        return shape
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

    /// ``categories`` with each prefix also as `prefix/`, built once.
    static let categoryPrefixes: [(path: String, under: String, category: String)] = categories.map { ($0.0, $0.0 + "/", $0.1) }

    static func category(of path: String) -> String? {
        self.categoryPrefixes.first { path == $0.path || path.hasPrefix($0.under) }?.category
    }
}
