import ChatCore
import StorageKit
import TestSupport
import Testing

@testable import Server

/// WebSocket text frames read into typed events before anything is looked up: each event's fields, the refusals
/// of malformed ones, and the fuzzer's corpus (Fuzz/Corpus/FuzzClientFrame) replayed with the fuzz target's checks.
@Suite("Client frames")
struct ClientFrameTests {
    static func decode(_ text: String) -> Result<ClientFrame, ClientFrame.Rejection> {
        Result { () throws(ClientFrame.Rejection) in try ClientFrame.decode(text) }
    }

    static func refusal(_ text: String) -> String? {
        if case .failure(let rejection) = Self.decode(text) { return rejection.message }
        return nil
    }

    @Test func bothDialectsReadTheSameSend() throws {
        let envelope = try Self.decode(#"{"type":"message","data":{"conversation_id":12,"content":"你好","client_msg_id":"c-1"}}"#).get()
        #expect(
            envelope
                == .send(.init(content: "你好", type: .text, clientMessageID: "c-1", target: .conversation(ConversationID(12)), envelope: true))
        )
        let flat = try Self.decode(#"{"type":"send","receiver_id":"7","content":"hi","message_type":"image","client_msg_id":""}"#).get()
        #expect(flat == .send(.init(content: "hi", type: .image, clientMessageID: nil, target: .user(ParticipantID(7)), envelope: false)))
        let long = String(repeating: "x", count: 100)
        guard case .send(let send) = try Self.decode(#"{"type":"send","receiver_id":1,"client_msg_id":"\#(long)"}"#).get() else {
            Issue.record("not a send")
            return
        }
        #expect(send.clientMessageID?.count == 64, "client ids are cut to 64 characters")
    }

    @Test func malformedFramesAreRefusedWithTheirReason() {
        #expect(Self.refusal("[1]") == "Frames must be JSON objects")
        #expect(Self.refusal("{\"type\":") == "Frames must be JSON objects")
        #expect(Self.refusal(#"{"data":{}}"#) == #"A frame needs a "type""#)
        #expect(Self.refusal(#"{"type":"teleport"}"#) == #"Unknown type "teleport""#)
        #expect(Self.refusal(#"{"type":"send","data":{"content":"x"}}"#) == "A message needs a conversation_id or a receiver_id")
        #expect(Self.refusal(#"{"type":"send","data":{"receiver_id":-4}}"#) == "A message needs a conversation_id or a receiver_id")
        #expect(Self.refusal(#"{"type":"send","data":{"receiver_id":2,"type":"hologram"}}"#) == #"Unknown message type "hologram""#)
        #expect(Self.refusal(#"{"type":"typing","data":{"conversation_id":"twelve"}}"#) == "typing needs a conversation_id")
        #expect(Self.refusal(#"{"type":"read"}"#) == "read needs a conversation_id")
        #expect(Self.refusal(#"{"type":"resume","data":{"conversations":{"12":-1}}}"#) == "Bad resume position for 12")
        #expect(Self.refusal(#"{"type":"resume","data":{"conversations":{"x":1}}}"#) == "Bad resume position for x")
        // Several bad positions: the first by key is named, whatever order the object's members come in.
        for _ in 0..<20 {
            #expect(Self.refusal(#"{"type":"resume","data":{"conversations":{"13h":40,"3":".0","9":-1}}}"#) == "Bad resume position for 13h")
        }
        #expect(Self.refusal(#"{"type":"chat","data":{"message":{"type":"file"},"room":"group_1"}}"#) == "不支持的消息类型: file")
        #expect(Self.refusal(#"{"type":"chat","data":{"message":{"type":"text"}}}"#) == "房间ID不能为空")
        #expect(Self.refusal(#"{"type":"friend_request_response","data":{"request_id":1,"status":"maybe"}}"#) == "无效的状态: maybe")
        #expect(Self.refusal(#"{"type":"draw","data":{"room":"group_1","x":"1"}}"#) == "draw 需要 x 和 y")
        #expect(Self.refusal(#"{"type":"clear_whiteboard","data":{"room":""}}"#) == "房间ID不能为空")
        #expect(Self.refusal(#"{"type":"file_chunk","data":{"fileId":"f","chunkIndex":-1,"data":[]}}"#) == "分片序号无效")
        #expect(Self.refusal(#"{"type":"file_chunk","data":{"fileId":"f","chunkIndex":0,"data":[256]}}"#) == "分片数据无效")
        #expect(Self.refusal(#"{"type":"file_chunk","data":{"fileId":"f","chunkIndex":0,"data":[1.5]}}"#) == "分片数据无效")
        #expect(Self.refusal(#"{"type":"file_chunk","data":{"fileId":"f","chunkIndex":0,"data":"AAE="}}"#) == "分片数据无效")
    }

    @Test func aRefusedTransferStartStillGetsItsInitAnswer() {
        guard case .failure(let rejection) = Self.decode(#"{"type":"file_transfer_start","data":{"fileSize":10,"totalChunks":11,"room":"group_1"}}"#)
        else {
            Issue.record("a transfer of more chunks than bytes was accepted")
            return
        }
        #expect(rejection == ClientFrame.Rejection(message: "分片数量无效", type: "file_transfer_start"))
        #expect(Self.refusal(#"{"type":"file_transfer_start","data":{"fileSize":0,"totalChunks":1,"room":"group_1"}}"#) == "文件大小无效")
        #expect(Self.refusal(#"{"type":"file_transfer_start","data":{"fileSize":"900000","totalChunks":200000,"room":"group_1"}}"#) == "分片数量无效")
    }

    @Test func resumeIsOrderedAndBounded() throws {
        let frame = try Self.decode(#"{"type":"resume","data":{"conversations":{"12":40,"3":"0","100":7}}}"#).get()
        #expect(
            frame
                == .resume([
                    .init(conversation: ConversationID(3), after: 0), .init(conversation: ConversationID(12), after: 40),
                    .init(conversation: ConversationID(100), after: 7),
                ])
        )
        let many = (1...1001).map { "\"\($0)\":0" }.joined(separator: ",")
        #expect(Self.refusal(#"{"type":"resume","data":{"conversations":{\#(many)}}}"#) == "A resume names at most 1000 conversations")
        let ids = (1...1001).map(String.init).joined(separator: ",")
        #expect(Self.refusal(#"{"type":"get_online_status","data":{"user_ids":[\#(ids)]}}"#) == "最多查询1000个用户")
        #expect(try Self.decode(#"{"type":"get_online_status","data":{"user_ids":[1,"2",-3,4.5,"x"]}}"#).get() == .onlineStatus([1, 2]))
    }

    @Test func seed003EventsCarryTheirFields() throws {
        #expect(
            try Self.decode(#"{"type":"chat","data":{"message":{"type":"text","content":"嗨","client_msg_id":"x"},"room":["user_2","user_1"]}}"#).get()
                == .chat(.init(type: .text, content: "嗨", clientMessageID: "x", room: .users([2, 1], receiver: nil, text: #"["user_2","user_1"]"#)))
        )
        let room = ClientFrame.room(.array(["user_2", "user_1"]), message: [:])
        guard case .direct(_, let other) = try room.address(for: ParticipantID(1)) else { throw Refused() }
        #expect(other == ParticipantID(2))
        #expect(throws: Refusal.self) { try ClientFrame.room(.array(["user_1"]), message: [:]).address(for: ParticipantID(1)) }
        // A room that is an object is quoted the same way every time (its members come in no fixed order).
        let object = #"{"type":"file_transfer_start","data":{"fileSize":10,"totalChunks":2,"room":{"b":"../a","a":1,"c":[2]}}}"#
        for _ in 0..<20 { #expect(Self.decode(object) == Self.decode(object)) }
        #expect(throws: Refusal.self) { try ClientFrame.room(.object(["b": "x", "a": 1]), message: [:]).address(for: ParticipantID(1)) }
        #expect(ClientFrame.room(.object(["b": "x", "a": 1]), message: [:]) == .users([], receiver: nil, text: #"{"a":1,"b":"x"}"#))
        #expect(ClientFrame.room(.string("group_4"), message: [:]) == .group(ConversationID(4)))
        #expect(ClientFrame.room(.string("lobby"), message: ["group_id": "9"]) == .group(ConversationID(9)))
        #expect(try Self.decode(#"{"type":"friend_unblock","data":{"user_id":"9"}}"#).get() == .friend(.unblock(ParticipantID(9))))
        #expect(try Self.decode(#"{"type":"friend_request_response","data":{"request_id":5}}"#).get() == .friend(.respond(request: 5, accept: true)))
        #expect(
            try Self.decode(##"{"type":"draw","data":{"room":"r","x":1.5,"y":-2,"drawing":1,"color":"#ff0000","lineWidth":5000}}"##).get()
                == .whiteboard(room: "r", .draw(.init(x: 1.5, y: -2, drawing: true, color: "#ff0000", lineWidth: 1000)))
        )
        #expect(
            try Self.decode(#"{"type":"file_chunk","data":{"fileId":"f","chunkIndex":"1","data":[0,255,104]}}"#).get()
                == .chunk(.init(fileID: "f", index: 1, bytes: [0, 255, 104]))
        )
        guard case .call(let signal, let call) = try Self.decode(#"{"type":"ice_candidate","data":{"target_id":"-2","candidate":{"c":1}}}"#).get()
        else {
            throw Refused()
        }
        #expect(signal == RealtimeConnection.CallSignal.all["ice_candidate"])
        #expect(call.target == nil && call.candidate == ["c": 1], "a negative target is no target; the candidate is relayed as sent")
    }

    struct Refused: Error {}

    @Test func fuzzCorpus() throws {
        let inputs = try FuzzCorpus.files("FuzzClientFrame")
        #expect(inputs.count >= 18)
        var decoded = 0
        for (name, bytes) in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            let first = Self.decode(text)
            #expect(first == Self.decode(text), "\(name)")
            guard case .success(let frame) = first else { continue }
            decoded += 1
            switch frame {
            case .resume(let positions): #expect(positions.count <= ClientFrame.resumeLimit && positions.allSatisfy { $0.after >= 0 }, "\(name)")
            case .onlineStatus(let ids): #expect(ids.count <= ClientFrame.onlineStatusLimit && ids.allSatisfy { $0 > 0 }, "\(name)")
            case .transferStart(let start): #expect(start.chunks > 0 && start.chunks <= min(start.size, ClientFrame.chunkLimit), "\(name)")
            case .chunk(let chunk): #expect(chunk.index >= 0 && chunk.bytes.count <= bytes.count, "\(name)")
            default: break
            }
        }
        #expect(decoded >= 18, "every seed frame decodes")
    }
}
