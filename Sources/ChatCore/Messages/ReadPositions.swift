/// Where a conversation stands: its newest sequence number (which is also its message count, sequence numbers
/// having no gaps) and how far each member has read.
public struct ReadPositions: Sendable, Equatable {
    public var lastSeq: Int64
    public var readSeq: [ParticipantID: Int64]

    public init(lastSeq: Int64, readSeq: [ParticipantID: Int64]) {
        self.lastSeq = lastSeq
        self.readSeq = readSeq
    }
}
