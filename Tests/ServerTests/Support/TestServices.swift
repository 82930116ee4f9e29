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

extension RapportServer.Services {
    /// A token for a new user with `role`.
    func token(role: Role, name: String) async throws -> String {
        let user = try await self.auth.users.create(NewUser(username: name, role: role, createdAt: Date()))
        return try await self.auth.issueToken(for: user, client: .init(ipAddress: "127.0.0.1")).token
    }

    /// Every audit row so far, oldest first, once the recorder has written what it holds.
    func auditRows() async throws -> [AuditEvent] {
        let recorder = try #require(self.audit)
        await recorder.flush()
        return try await recorder.store.records(matching: AuditQuery(), order: AuditOrder(.created_at, descending: false), offset: 0, limit: 10_000)
            .map(\.event)
    }
}
