import RepositoryConformance
import Testing

/// The library's friend request suite on memory, SQLite and MariaDB.
@Suite("Friend request repositories")
struct FriendRequestTests {
    @Test(arguments: ChatStores.backends, FriendRequestRepositoryConformance.checks)
    func conformance(_ backend: ChatStores.Backend, _ check: FriendRequestRepositoryConformance.Check) async throws {
        try await ChatStores.withFriendRequests(backend) { try await check.run($0) }
    }
}
