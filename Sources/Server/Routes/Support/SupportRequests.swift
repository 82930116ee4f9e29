import AuthTokens
import ChatCore
public import StorageKit

/// The closed sets seed 004's request models name, as its validation messages list them.
enum SupportRole: String, JSONEnumeration {
    case user, buyer, merchant, agent, admin, auditor

    var role: Role { Role(rawValue: self.rawValue) ?? .user }
}

/// The message types a seed 004 message may have (no emoji).
enum SupportMessageType: String, JSONEnumeration {
    case text, image, file

    var type: MessageType { MessageType(rawValue: self.rawValue) ?? .text }
}

extension AccountStatus: JSONEnumeration {}
extension SupportStatus: JSONEnumeration {}
