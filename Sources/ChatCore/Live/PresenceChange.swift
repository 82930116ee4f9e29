import DequeModule
public import Foundation
import Synchronization

/// A user's presence as the hub sees it: online while at least one connection is open. Going offline waits a
/// grace period, so a reconnect does not flap.
public enum PresenceChange: Sendable, Equatable {
    case online(ParticipantID)
    case offline(ParticipantID)
}
