import AuthTokens
import ChatCore
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

extension UserRepository {
    /// The users with these ids, by integer id, in one query (ids of no user — 0, the guest — are skipped).
    func byID(_ ids: some Sequence<ParticipantID>) async throws -> [Int64: User] {
        let wanted = Set(ids.filter { $0.rawValue > 0 }).map { UserID($0.rawValue) }
        guard !wanted.isEmpty else { return [:] }
        let users = try await self.users(ids: wanted)
        return Dictionary(users.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension User {
    /// The user as a chat participant.
    var participant: ParticipantID { ParticipantID(self.id.rawValue) }
}
