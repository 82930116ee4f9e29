import AuthTokens
import RepositoryConformance
import Testing

/// The library's suites of the AuthTokens repositories, one per protocol, on memory, SQLite and MariaDB.
@Suite("Auth repositories")
struct RepositoryConformanceTests {
    static var backends: [AuthStores.Backend] {
        AuthStores.mariaDBEnabled ? AuthStores.Backend.allCases : [.memory, .sqlite]
    }

    @Test(arguments: backends, UserRepositoryConformance.checks)
    func users(_ backend: AuthStores.Backend, _ check: UserRepositoryConformance.Check) async throws {
        try await AuthStores.with(backend) { try await check.run($0.users) }
    }

    @Test(arguments: backends, SessionRepositoryConformance.checks)
    func sessions(_ backend: AuthStores.Backend, _ check: SessionRepositoryConformance.Check) async throws {
        try await AuthStores.with(backend) { try await check.run(.init(users: $0.users, sessions: $0.sessions)) }
    }

    @Test(arguments: backends, LoginLogStoreConformance.checks)
    func loginLog(_ backend: AuthStores.Backend, _ check: LoginLogStoreConformance.Check) async throws {
        try await AuthStores.with(backend) { try await check.run($0.loginLog) }
    }

    @Test(arguments: backends, ProfileRepositoryConformance.checks)
    func profiles(_ backend: AuthStores.Backend, _ check: ProfileRepositoryConformance.Check) async throws {
        try await AuthStores.with(backend) { try await check.run(.init(users: $0.users, profiles: $0.profiles)) }
    }
}
