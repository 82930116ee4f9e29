import AuthTokens
import ChatCore
import Foundation
import Logging
import StorageKit

/// Seed 003's events over the plain WebSocket (contracts/seed003 §7, README §1.5): `chat`, friend requests, call
/// signalling, `get_online_status`, the whiteboard and chunked file transfer. Ids in events are always the
/// authenticated user's, never the payload's.
extension RealtimeConnection {
    /// Handles a seed 003 event; false when `type` is none of them.
    func handlePlatformEvent(_ type: String, _ data: JSONValue) async throws -> Bool {
        switch type {
        case "chat": try await self.chat(data)
        case "friend_request", "friend_request_response", "friend_request_cancel", "friend_block", "friend_unblock", "friend_requests":
            try await self.friendEvent(type, data)
        case "get_online_status": try await self.onlineStatus(data)
        case "user_online", "user_offline":
            // Seed 003 clients announce themselves; the server already knows, and tells the contacts itself.
            break
        case "join_whiteboard", "leave_whiteboard", "draw", "clear_whiteboard", "request_whiteboard_state":
            try await self.whiteboard(type, data)
        case "file_transfer_start": try await self.startTransfer(data)
        case "file_chunk": try await self.receiveChunk(data)
        default:
            guard let call = CallSignal.all[type] else { return false }
            await self.signal(call, data)
        }
        return true
    }

    func event(_ type: String, _ data: JSONValue) -> String {
        Realtime.text(.ordered([("type", .string(type)), ("data", data)]))
    }

    // MARK: chat

    /// `chat` `{"message": {…}, "room": "group_<gid>" | ["user_<to>", "user_<me>"]}`: stored like any other send,
    /// then `message` to the room — the sending connection included, as seed 003 clients expect.
    func chat(_ data: JSONValue) async throws {
        let message = data["message"].flatMap { $0.isObject ? $0 : nil } ?? [:]
        guard let typeName = message["type"]?.stringValue, !typeName.isEmpty else { throw Refusal.socket("消息类型不能为空") }
        guard typeName == "text" || typeName == "emoji", let type = MessageType(rawValue: typeName) else {
            throw Refusal.socket("不支持的消息类型: \(typeName)")
        }
        guard let room = data["room"] ?? message["room"], !room.isNull else { throw Refusal.socket("房间ID不能为空") }
        guard self.me.rawValue > 0 else { throw Refusal.socket("访客不能发送消息，请先登录") }
        let content = message["content"]?.stringValue ?? ""
        let clientID = message["client_msg_id"]?.stringValue.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
        switch try Self.target(room: room, message: message, me: self.me) {
        case .group(let id):
            guard let group = try await self.group(id) else { throw Refusal.socket("群组不存在") }
            try await self.sendGroup(group, content: content, clientID: clientID, type: type, echo: true)
        case .direct(_, let receiver):
            try await self.sendDirect(to: receiver, content: content, type: type, clientID: clientID, echo: true)
        }
    }

    /// Where a `chat` goes: `group_<gid>` (or `group_id`), else the other user of `["user_<a>", "user_<b>"]`
    /// (or `receiver_id`).
    static func target(room: JSONValue, message: JSONValue, me: ParticipantID) throws -> MessageAddress {
        if let name = room.stringValue, name.hasPrefix("group_"), let id = Int64(name.dropFirst(6)), id > 0 {
            return .group(ConversationID(id))
        }
        if let group = Self.integer(message["group_id"]), group > 0 { return .group(ConversationID(group)) }
        let users = (room.arrayValue ?? [room]).compactMap { $0.stringValue.flatMap { $0.hasPrefix("user_") ? Int64($0.dropFirst(5)) : nil } }
        if let other = users.first(where: { $0 != me.rawValue }) ?? Self.integer(message["receiver_id"]), other > 0, other != me.rawValue {
            return .direct(me, ParticipantID(other))
        }
        throw Refusal.socket("无效的房间: \(room.displayText)")
    }

    // MARK: Friend requests

    func friendEvent(_ type: String, _ data: JSONValue) async throws {
        let friends = self.controller.friends
        guard self.me.rawValue > 0 else { throw Refusal.socket("用户不存在") }
        do {
            switch type {
            case "friend_request":
                guard let receiver = Self.integer(data["receiver_id"]), receiver > 0 else { throw Refusal.socket("用户不存在") }
                await self.reply(self.event("friend_request_sent", try await friends.send(from: self.me, to: ParticipantID(receiver)).json))
            case "friend_request_response":
                guard let id = Self.integer(data["request_id"]) else { throw Refusal.socket("好友请求不存在") }
                let status = data["status"]?.stringValue ?? "accepted"
                guard status == "accepted" || status == "rejected" else { throw Refusal.socket("无效的状态: \(status)") }
                _ = try await friends.close(id, by: self.me, accept: status == "accepted")
            case "friend_request_cancel":
                guard let id = Self.integer(data["request_id"]) else { throw Refusal.socket("好友请求不存在") }
                _ = try await friends.close(id, by: self.me, accept: nil)
            case "friend_block":
                guard let user = Self.integer(data["user_id"]), user > 0 else { throw Refusal.socket("用户不存在") }
                try await friends.block(ParticipantID(user), by: self.me)
                await self.reply(self.event("friend_blocked", .ordered([("user_id", .int(user))])))
            case "friend_unblock":
                guard let user = Self.integer(data["user_id"]), user > 0 else { throw Refusal.socket("用户不存在") }
                try await friends.repository.unblock(ParticipantID(user), by: self.me)
                await self.reply(self.event("friend_unblocked", .ordered([("user_id", .int(user))])))
            default:
                await self.reply(self.event("friend_requests", try await friends.pending(of: self.me)))
            }
        } catch let refusal as Refusal {
            throw Refusal.socket(refusal.message)
        }
    }

    // MARK: Presence

    /// `get_online_status {"user_ids": [7, 9]}` → `online_status_update {"7": true, "9": false}` for the ids of
    /// existing users (others are left out).
    func onlineStatus(_ data: JSONValue) async throws {
        let ids = (data["user_ids"]?.arrayValue ?? []).compactMap { Self.integer($0) }.filter { $0 > 0 }
        guard ids.count <= 1000 else { throw Refusal.socket("最多查询1000个用户") }
        let existing = try await self.controller.users.byID(ids.map(ParticipantID.init))
        let known = Set(ids).sorted().filter { existing[$0] != nil }
        let online = await self.controller.realtime.online(known.map(ParticipantID.init))
        let answer = known.map { (String($0), JSONValue.bool(online.contains(ParticipantID($0)))) }
        await self.reply(self.event("online_status_update", .ordered(answer)))
    }

    // MARK: Calls

    /// One call-signalling event of seed 003 §7.5: relayed to `user_<target_id>` with the sender's id.
    struct CallSignal: Sendable {
        enum Kind: Sendable { case request, answer, candidate, rejected, ended }
        let kind: Kind
        let video: Bool
        let failure: String

        var prefix: String { self.video ? "video_" : "" }

        static let all: [String: CallSignal] = [
            "call_request": .init(kind: .request, video: false, failure: "处理通话请求失败"),
            "call_answer": .init(kind: .answer, video: false, failure: "处理通话应答失败"),
            "ice_candidate": .init(kind: .candidate, video: false, failure: "处理ICE候选失败"),
            "call_rejected": .init(kind: .rejected, video: false, failure: "处理通话拒绝失败"),
            "call_ended": .init(kind: .ended, video: false, failure: "处理通话结束请求失败"),
            "video_call_request": .init(kind: .request, video: true, failure: "处理视频通话请求失败"),
            "video_call_answer": .init(kind: .answer, video: true, failure: "处理视频通话应答失败"),
            "video_ice_candidate": .init(kind: .candidate, video: true, failure: "处理视频ICE候选失败"),
            "video_call_rejected": .init(kind: .rejected, video: true, failure: "处理视频通话拒绝失败"),
            "video_call_ended": .init(kind: .ended, video: true, failure: "处理视频通话结束请求失败"),
        ]
    }

    func callError(_ text: String) async {
        await self.reply(self.event("call_error", .ordered([("message", .string(text))])))
    }

    func signal(_ call: CallSignal, _ data: JSONValue) async {
        // Seed 003 handles a request only when its media type matches the event.
        if call.kind == .request, data["type"]?.stringValue != (call.video ? "video" : "voice") { return }
        guard let target = Self.integer(data["target_id"]).flatMap({ $0 >= 0 ? ParticipantID($0) : nil }) else {
            let missing =
                switch call.kind {
                case .request: "请求参数不完整"
                case .answer: "回答参数不完整"
                default: "目标用户ID不存在"
                }
            return await self.callError(missing)
        }
        let me = JSONValue.int(self.me.rawValue)
        let relay: (String, JSONValue)
        switch call.kind {
        case .request:
            guard data["caller_name"]?.isTruthy == true, data["sdp"]?.isTruthy == true else { return await self.callError("请求参数不完整") }
            do {
                guard target.rawValue > 0, try await self.controller.users.user(id: UserID(target.rawValue)) != nil else {
                    return await self.callError("用户不存在")
                }
            } catch {
                self.controller.logger.error("call signal failed", metadata: ["error": "\(error)"])
                return await self.callError(call.failure)
            }
            relay = (
                "\(call.prefix)call_received",
                .ordered([
                    ("caller_id", me), ("caller_name", data["caller_name"] ?? .null), ("type", .string(call.video ? "video" : "voice")),
                    ("sdp", data["sdp"] ?? .null),
                ])
            )
            await self.reply(self.event("call_request_sent", .ordered([("message", .string(call.video ? "视频通话请求已发送" : "通话请求已发送"))])))
        case .answer:
            guard data["sdp"]?.isTruthy == true else { return await self.callError("回答参数不完整") }
            relay = ("\(call.prefix)call_answered", .ordered([("sdp", data["sdp"] ?? .null), ("answerer_id", me)]))
        case .candidate:
            relay = ("\(call.prefix)ice_candidate", .ordered([("candidate", data["candidate"] ?? .null), ("sender_id", me)]))
        case .rejected:
            relay = ("\(call.prefix)call_rejected", .ordered([("sender_id", me)]))
        case .ended:
            relay = ("\(call.prefix)call_ended", .ordered([("sender_id", me)]))
        }
        // The end of a call goes to both sides.
        let recipients = call.kind == .ended ? [target, self.me] : [target]
        await self.controller.realtime.publish(HubEvent(recipients: recipients, frames: [.envelope: self.event(relay.0, relay.1)]))
    }
}
