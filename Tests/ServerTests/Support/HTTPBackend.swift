import AuthTokens
import CRMAudit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Server
import StorageKit
import TestSupport
import Testing

enum HTTPBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, mariaDB
    var description: String { self.rawValue }
    static var enabled: [HTTPBackend] { TestDatabase.mariaDBEnabled ? allCases : [.sqlite] }

    /// Runs the app on this backend: SQLite in memory, or a fresh MariaDB database.
    func withApp(
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, RapportServer.Services) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite: try await TestServer.withApp(values, test)
        case .mariaDB: try await TestDatabase.withMariaDBURL { url in try await TestServer.withApp(values, databaseURL: url, test) }
        }
    }
}
