import ChatCore
import FuzzDriver

@testable import Server

/// libFuzzer entry: a WebSocket text frame read into a typed ``ClientFrame`` (what every socket client sends). A
/// frame decodes the same way twice, and what decodes keeps the limits decoding promises.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzClientFrame(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let first = Result { () throws(ClientFrame.Rejection) in try ClientFrame.decode(text) }
    let second = Result { () throws(ClientFrame.Rejection) in try ClientFrame.decode(text) }
    precondition(first == second, "decoding is not deterministic")
    guard case .success(let frame) = first else { return 0 }
    switch frame {
    case .resume(let positions):
        precondition(positions.count <= ClientFrame.resumeLimit && positions.allSatisfy { $0.after >= 0 }, "resume position out of range")
        precondition(zip(positions, positions.dropFirst()).allSatisfy { $0.conversation.rawValue <= $1.conversation.rawValue }, "unordered")
    case .onlineStatus(let ids):
        precondition(ids.count <= ClientFrame.onlineStatusLimit && ids.allSatisfy { $0 > 0 }, "online status ids out of range")
    case .send(let send):
        switch send.target {
        case .conversation(let id): precondition(id.rawValue > 0, "conversation id not positive")
        case .user(let id): precondition(id.rawValue > 0, "receiver id not positive")
        }
        precondition((1...64).contains(send.clientMessageID?.count ?? 1), "client message id length")
    case .whiteboard(let room, let event):
        precondition(!room.isEmpty, "empty room")
        if case .draw(let stroke) = event {
            precondition(stroke.color.count <= 32 && (stroke.lineWidth.map { (0...1000).contains($0) } ?? true), "stroke out of range")
        }
    case .transferStart(let start):
        precondition(start.size > 0 && start.chunks > 0 && start.chunks <= min(start.size, ClientFrame.chunkLimit), "transfer out of range")
        for me in [ParticipantID(0), ParticipantID(1), ParticipantID(7)] {
            if case .direct(let sender, let other) = try? start.room.address(for: me) {
                precondition(sender == me && other != me && other.rawValue > 0, "a direct room to oneself")
            }
        }
    case .chunk(let chunk):
        precondition(chunk.index >= 0 && chunk.index < Int(ClientFrame.chunkLimit) && chunk.bytes.count <= count, "chunk out of range")
    default: break
    }
    return 0
}

/// The program's entry (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzClientFrame_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzClientFrame)
}
