import DequeModule
public import Foundation
import Synchronization

/// Something to push: who gets it, and its frame in each dialect (a dialect without a frame gets nothing). The
/// publisher renders each frame once, whatever the number of connections.
public struct HubEvent: Sendable, Codable, Equatable {
    public var recipients: [ParticipantID]
    public var frames: [FrameDialect: String]
    /// A connection that already has what this event says (the sender's, which got an acknowledgement).
    public var except: HubConnectionID?
    /// A user whose connections skip this event (the subject of a presence change).
    public var exceptUser: ParticipantID?
    /// For a message: its conversation and sequence number, by which each connection gets it once and in order.
    public var conversationID: ConversationID?
    public var seq: Int64?
    /// A group whose name or members changed: every process forgets what it cached of it.
    public var changedGroup: ConversationID?

    public init(
        recipients: [ParticipantID],
        frames: [FrameDialect: String],
        except: HubConnectionID? = nil,
        exceptUser: ParticipantID? = nil,
        conversationID: ConversationID? = nil,
        seq: Int64? = nil,
        changedGroup: ConversationID? = nil
    ) {
        self.changedGroup = changedGroup
        self.recipients = recipients
        self.frames = frames
        self.except = except
        self.exceptUser = exceptUser
        self.conversationID = conversationID
        self.seq = seq
    }
}
