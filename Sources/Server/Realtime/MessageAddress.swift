import AuthTokens
public import ChatCore
import Foundation
import Logging
import StorageKit
import Synchronization

/// Where a direct or group message goes, as seed 003's events say it.
enum MessageAddress: Sendable {
    /// The two users of a direct conversation; the receiver is whichever did not send.
    case direct(ParticipantID, ParticipantID)
    case group(ConversationID)
}
