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

/// Where the customer-service routes keep their data in a test: the memory repositories, SQLite or MariaDB.
enum SupportBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory, sqlite, mariaDB
    var description: String { self.rawValue }
    static var enabled: [SupportBackend] { TestDatabase.mariaDBEnabled ? allCases : [.memory, .sqlite] }

    func withApp(
        _ values: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, RapportServer.Services) async throws -> Void
    ) async throws {
        switch self {
        case .memory: try await TestServer.withApp(values, supportInMemory: true, test)
        case .sqlite: try await HTTPBackend.sqlite.withApp(values, test)
        case .mariaDB: try await HTTPBackend.mariaDB.withApp(values, test)
        }
    }
}
