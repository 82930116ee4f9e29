import DequeModule
public import Foundation
import Synchronization

/// How a live connection wants its frames: seed 004's flat objects (`{"type": "message", "conversation_id": …}`)
/// or envelopes (`{"type": …, "data": {…}}`).
public enum FrameDialect: String, Sendable, Hashable, Codable {
    case flat, envelope
}
