import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Demo data")
struct DemoDataTests {
    @Test func loadsOnceAndNeverInProduction() async throws {
        try await TestServer.withApp { _, services in
            let admin = try await services.auth.createAdmin(username: "admin", password: "admin password", externalID: "a2", email: nil)
            let configuration = try TestServer.configuration()
            var added = try await DemoData.load(users: services.auth.users, quickReplies: services.quickReplies, configuration: configuration)
            #expect(added.users == 6)
            #expect(added.replies == 21, "three for each demo user and for the admin")
            added = try await DemoData.load(users: services.auth.users, quickReplies: services.quickReplies, configuration: configuration)
            #expect(added.users == 0)
            #expect(added.replies == 0)
            let m1 = try #require(try await services.auth.users.user(externalID: "m1"))
            #expect(m1.passwordHash == nil, "no account with a known password")
            #expect(try await services.quickReplies.replies(of: ParticipantID(admin.id.rawValue)).first?.content == "您好，我是平台管理员。")
            let production = try TestServer.configuration([
                "APP_ENV": "production", "DATABASE_URL": "sqlite::memory:", "AUDIT_CHAIN_KEY": String(repeating: "k", count: 40),
            ])
            await #expect(throws: ConfigurationError.self) {
                try await DemoData.load(users: services.auth.users, quickReplies: services.quickReplies, configuration: production)
            }
        }
    }
}
