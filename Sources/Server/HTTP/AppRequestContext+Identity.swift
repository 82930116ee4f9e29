import AuthTokens
import ChatCore
import HTTPTypes
import Hummingbird
import StorageKit

extension RapportRequestContext {
    /// The verified identity, or the family's refusal.
    func identity(_ family: APIDialect) throws -> Identity {
        switch self.authentication {
        case .success(let identity): return identity
        case .failure(let reason): throw family.failure(reason)
        }
    }

    /// The caller of a seed 003 route, nil for a guest (who has no messages, friends or groups of its own).
    func platformUser() throws -> ParticipantID? {
        let identity = try self.identity(.flaskJWTQuery)
        return identity.isGuest ? nil : ParticipantID(identity.userID.rawValue)
    }
}
