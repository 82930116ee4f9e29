import AuthTokens
import ChatCore
import Foundation
import Logging
import StorageKit

/// Seed 003's events over the plain WebSocket (contracts/seed003 §7, README §1.5): `chat`, friend requests, call
/// signalling, `get_online_status`, the whiteboard and chunked file transfer. Ids in events are always the
/// authenticated user's, never the payload's.
extension RealtimeConnection {
    /// Handles a seed 003 event (the frames ``handle(_:)`` does not handle itself).
    func handlePlatformEvent(_ frame: ClientFrame) async throws {
        switch frame {
        case .chat(let chat): try await self.chat(chat)
        case .friend(let event): try await self.friendEvent(event)
        case .onlineStatus(let ids): try await self.onlineStatus(ids)
        case .announcement:
            // Seed 003 clients announce themselves; the server already knows, and tells the contacts itself.
            break
        case .whiteboard(let room, let event): try await self.whiteboard(room, event)
        case .transferStart(let start): try await self.startTransfer(start)
        case .chunk(let chunk): try await self.receiveChunk(chunk)
        case .call(let signal, let call): await self.signal(signal, call)
        case .send, .typing, .read, .resume, .ping: break
        }
    }

    func event(_ type: String, _ data: JSONValue) -> String {
        Realtime.text(.ordered([("type", .string(type)), ("data", data)]))
    }

    // MARK: chat

    /// `chat` `{"message": {…}, "room": "group_<gid>" | ["user_<to>", "user_<me>"]}`: stored like any other send,
    /// then `message` to the room — the sending connection included, as seed 003 clients expect.
    func chat(_ chat: ClientFrame.Chat) async throws {
        guard self.me.rawValue > 0 else { throw Refusal.socket("访客不能发送消息，请先登录") }
        switch try chat.room.address(for: self.me) {
        case .group(let id):
            guard let group = try await self.group(id) else { throw Refusal.socket("群组不存在") }
            try await self.sendGroup(group, content: chat.content, clientID: chat.clientMessageID, type: chat.type, echo: true)
        case .direct(_, let receiver):
            try await self.sendDirect(to: receiver, content: chat.content, type: chat.type, clientID: chat.clientMessageID, echo: true)
        }
    }

    // MARK: Friend requests

    func friendEvent(_ event: ClientFrame.Friend) async throws {
        let friends = self.controller.friends
        guard self.me.rawValue > 0 else { throw Refusal.socket("用户不存在") }
        do {
            switch event {
            case .request(let receiver):
                await self.reply(self.event("friend_request_sent", try await friends.send(from: self.me, to: receiver).json))
            case .respond(let id, let accept):
                _ = try await friends.close(id, by: self.me, accept: accept)
            case .cancel(let id):
                _ = try await friends.close(id, by: self.me, accept: nil)
            case .block(let user):
                try await friends.block(user, by: self.me)
                await self.reply(self.event("friend_blocked", .ordered([("user_id", .int(user.rawValue))])))
            case .unblock(let user):
                try await friends.repository.unblock(user, by: self.me)
                await self.reply(self.event("friend_unblocked", .ordered([("user_id", .int(user.rawValue))])))
            case .list:
                await self.reply(self.event("friend_requests", try await friends.pending(of: self.me)))
            }
        } catch let refusal as Refusal {
            throw Refusal.socket(refusal.message)
        }
    }

    // MARK: Presence

    /// `get_online_status {"user_ids": [7, 9]}` → `online_status_update {"7": true, "9": false}` for the ids of
    /// existing users (others are left out).
    func onlineStatus(_ ids: [Int64]) async throws {
        let existing = try await self.controller.users.byID(ids.map(ParticipantID.init))
        let known = Set(ids).sorted().filter { existing[$0] != nil }
        let online = await self.controller.realtime.online(known.map(ParticipantID.init))
        let answer = known.map { (String($0), JSONValue.bool(online.contains(ParticipantID($0)))) }
        await self.reply(self.event("online_status_update", .ordered(answer)))
    }

    // MARK: Calls

    /// One call-signalling event of seed 003 §7.5: relayed to `user_<target_id>` with the sender's id.
    struct CallSignal: Sendable, Equatable {
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

    func signal(_ call: CallSignal, _ data: ClientFrame.Call) async {
        // Seed 003 handles a request only when its media type matches the event.
        if call.kind == .request, data.media != (call.video ? "video" : "voice") { return }
        guard let target = data.target else {
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
            guard data.callerName?.isTruthy == true, data.sdp?.isTruthy == true else { return await self.callError("请求参数不完整") }
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
                    ("caller_id", me), ("caller_name", data.callerName ?? .null), ("type", .string(call.video ? "video" : "voice")),
                    ("sdp", data.sdp ?? .null),
                ])
            )
            await self.reply(self.event("call_request_sent", .ordered([("message", .string(call.video ? "视频通话请求已发送" : "通话请求已发送"))])))
        case .answer:
            guard data.sdp?.isTruthy == true else { return await self.callError("回答参数不完整") }
            relay = ("\(call.prefix)call_answered", .ordered([("sdp", data.sdp ?? .null), ("answerer_id", me)]))
        case .candidate:
            relay = ("\(call.prefix)ice_candidate", .ordered([("candidate", data.candidate ?? .null), ("sender_id", me)]))
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
