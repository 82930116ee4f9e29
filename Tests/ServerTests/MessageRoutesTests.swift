import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import StorageKit
import Testing

@Suite("Friend and message routes")
struct MessageRoutesTests {
    static func userID(_ client: some TestClientProtocol, _ token: String) async throws -> Int {
        let profile = try await client.json("/api/auth/profile", .get, token: token)
        return try #require((profile.body["user"] as? [String: Any])?["id"] as? Int)
    }

    @Test func friendsFollowTheSeed() async throws {
        try await TestServer.withApp { client, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            _ = try await AuthRoutesTests.register(client, "bob")
            _ = try await AuthRoutesTests.register(client, "abby")
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{}"#, .badRequest, "好友用户名是必需的"), (#"{"friend_username":"alice"}"#, .badRequest, "不能添加自己为好友"),
                (#"{"friend_username":"nobody"}"#, .notFound, "用户不存在"), (#"{"friend_username":5}"#, .badRequest, "好友用户名是必需的"),
            ]
            for (body, status, error) in cases {
                let reply = try await client.json("/api/friend/add", token: alice, body: body)
                #expect(reply.status == status && reply.body["error"] as? String == error, "\(body)")
            }
            let added = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username":" bob "}"#)
            #expect(added.status == .ok && added.body["message"] as? String == "好友添加成功")
            #expect((added.body["friend"] as? [String: Any])?["username"] as? String == "bob")
            #expect(try await client.json("/api/friend/add", token: alice, body: #"{"friend_username":"bob"}"#).body["error"] as? String == "已经是好友了")
            _ = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username":"abby"}"#)
            let list = try await client.json("/api/friend/list", .get, token: alice)
            let friends = try #require(list.body["friends"] as? [[String: Any]])
            #expect(friends.map { $0["username"] as? String } == ["abby", "bob"] && list.body["count"] as? Int == 2)
            #expect(friends[0]["friendship_created"] is String)
            let search = try await client.json("/api/friend/search?keyword=B", .get, token: alice)
            #expect(Set((search.body["users"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }) == ["bob", "abby"])
            #expect(try await client.json("/api/friend/search?keyword=%20", .get, token: alice).body["error"] as? String == "搜索关键词不能为空")
            #expect(try await client.json("/api/friend/remove", token: alice, body: #"{"friend_id":0}"#).body["error"] as? String == "好友ID是必需的")
            let bobID = try #require((added.body["friend"] as? [String: Any])?["id"] as? Int)
            #expect(
                try await client.json("/api/friend/remove", token: alice, body: #"{"friend_id":\#(bobID)}"#).body["message"] as? String == "好友删除成功"
            )
            #expect(try await client.json("/api/friend/remove", token: alice, body: #"{"friend_id":99999}"#).status == .ok)
            #expect((try await client.json("/api/friend/list", .get, token: alice).body["count"] as? Int) == 1)
            #expect(try await client.json("/api/friend/list", .get).body["msg"] as? String == "Missing Authorization Header")
        }
    }

    @Test func messagesHistoryChatsAndReadState() async throws {
        try await TestServer.withApp { client, _ in
            let alice = try await AuthRoutesTests.register(client, "alice")
            let bob = try await AuthRoutesTests.register(client, "bob")
            let aliceID = try await Self.userID(client, alice)
            let bobID = try await Self.userID(client, bob)
            let notFriends = try await client.json("/api/message/send", token: alice, body: #"{"receiver_id":\#(bobID),"content":"hi"}"#)
            #expect(notFriends.status == .forbidden && notFriends.body["error"] as? String == "只能给好友发送消息")
            _ = try await client.json("/api/friend/add", token: alice, body: #"{"friend_username":"bob"}"#)
            let sendErrors: [(String, HTTPResponse.Status, String)] = [
                (#"{"content":"hi"}"#, .badRequest, "接收者ID和消息内容都是必需的"),
                (#"{"receiver_id":\#(bobID),"content":"   "}"#, .badRequest, "接收者ID和消息内容都是必需的"),
                (#"{"receiver_id":\#(aliceID),"content":"me"}"#, .badRequest, "不能给自己发消息"),
                (#"{"receiver_id":99999,"content":"x"}"#, .notFound, "接收者不存在"),
                (#"{"receiver_id":"\#(bobID)","content":"x","message_type":"video"}"#, .badRequest, "消息类型只能是 text、emoji、image 或 file"),
            ]
            for (body, status, error) in sendErrors {
                let reply = try await client.json("/api/message/send", token: alice, body: body)
                #expect(reply.status == status && reply.body["error"] as? String == error, "\(body)")
            }
            for index in 1...3 {
                let reply = try await client.json("/api/message/send", token: bob, body: #"{"receiver_id":\#(aliceID),"content":" b\#(index) "}"#)
                #expect(reply.status == .ok && reply.body["message"] as? String == "消息发送成功")
            }
            let sent = try await client.json(
                "/api/message/send",
                token: alice,
                body: #"{"receiver_id":"\#(bobID)","content":"a1","client_msg_id":"k1"}"#
            )
            let data = try #require(sent.body["data"] as? [String: Any])
            #expect(
                data["content"] as? String == "a1" && data["is_read"] as? Bool == false && data["receiver_id"] as? Int == bobID
                    && data["seq"] as? Int == 4
            )
            let retry = try await client.json(
                "/api/message/send",
                token: alice,
                body: #"{"receiver_id":\#(bobID),"content":"a1","client_msg_id":"k1"}"#
            )
            #expect((retry.body["data"] as? [String: Any])?["id"] as? Int == data["id"] as? Int)

            let chats = try await client.json("/api/message/chats", .get, token: alice)
            let entry = try #require((chats.body["chats"] as? [[String: Any]])?.first)
            #expect(entry["unread_count"] as? Int == 3 && (entry["partner"] as? [String: Any])?["username"] as? String == "bob")
            #expect((entry["last_message"] as? [String: Any])?["content"] as? String == "a1")

            let last = try await client.json("/api/message/last?friend_id=\(bobID)", .get, token: alice)
            #expect((last.body["last_message"] as? [String: Any])?["sender_username"] as? String == "alice")

            let page = try await client.json("/api/message/history?friend_id=\(bobID)&page=1&per_page=2", .get, token: alice)
            let messages = try #require(page.body["messages"] as? [[String: Any]])
            #expect(messages.map { $0["content"] as? String } == ["b3", "a1"])
            #expect(messages[0]["is_read"] as? Bool == true && messages[0]["sender_username"] as? String == "bob")
            // The page (written straight to bytes) shows a message as the send answered it, plus its sender's name.
            for key in ["id", "sender_id", "receiver_id", "content", "message_type", "created_at", "seq", "client_msg_id"] {
                #expect(
                    NSDictionary(dictionary: messages[1]).value(forKey: key) as? NSObject == NSDictionary(dictionary: data).value(forKey: key)
                        as? NSObject,
                    "\(key)"
                )
            }
            #expect(messages[1]["sender_username"] as? String == "alice" && Set(messages[1].keys) == Set(data.keys).union(["sender_username"]))
            let pagination = try #require(page.body["pagination"] as? [String: Any])
            #expect(pagination["pages"] as? Int == 2 && pagination["total"] as? Int == 4 && pagination["has_next"] as? Bool == true)
            let beyond = try await client.json("/api/message/history?friend_id=\(bobID)&page=9&per_page=x", .get, token: alice)
            #expect((beyond.body["messages"] as? [Any])?.isEmpty == true && (beyond.body["pagination"] as? [String: Any])?["per_page"] as? Int == 20)
            let huge = try await client.json("/api/message/history?friend_id=\(bobID)&page=99999999999999999&per_page=-5", .get, token: alice)
            #expect(huge.status == .ok)
            let older = try await client.json("/api/message/history?friend_id=\(bobID)&before_seq=3", .get, token: alice)
            #expect((older.body["messages"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [1, 2])
            #expect(
                (try await client.json("/api/message/chats", .get, token: alice).body["chats"] as? [[String: Any]])?.first?["unread_count"] as? Int
                    == 0
            )
            #expect(try await client.json("/api/message/history", .get, token: alice).body["error"] as? String == "好友ID是必需的")
            #expect(
                try await client.json("/api/message/mark_read", token: bob, body: #"{"sender_id":\#(aliceID)}"#).body["message"] as? String
                    == "已标记 1 条消息为已读"
            )
            #expect(
                try await client.json("/api/message/mark_read", token: bob, body: #"{"sender_id":\#(aliceID)}"#).body["message"] as? String
                    == "已标记 0 条消息为已读"
            )
            #expect(try await client.json("/api/message/mark_read", token: bob, body: #"{}"#).body["error"] as? String == "发送者ID是必需的")
            _ = try await client.json("/api/friend/remove", token: alice, body: #"{"friend_id":\#(bobID)}"#)
            #expect(try await client.json("/api/message/history?friend_id=\(bobID)", .get, token: alice).body["error"] as? String == "只能查看好友的聊天记录")
            #expect(try await client.json("/api/message/last?friend_id=\(bobID)", .get, token: alice).body["error"] as? String == "只能查看好友的消息")
            // The chat list keeps partners who are no longer friends.
            #expect((try await client.json("/api/message/chats", .get, token: alice).body["count"] as? Int) == 1)
        }
    }
}
