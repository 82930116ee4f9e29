public import AuthTokens
public import ChatCore
import Foundation
import StorageKit

/// Seed 004's demo users and their quick replies (contracts/seed004 §2), for `rapport demo-data`. None has a
/// password. Loading twice changes nothing; production refuses.
public enum DemoData {
    static let users: [(id: String, name: String, role: Role, avatar: String, description: String)] = [
        ("p1", "官方客服", .merchant, "service.png", "官方客服"),
        ("b1", "保安堂药房", .buyer, "buyer1.png", "连锁药房，主营中西成药与保健品。"),
        ("b2", "异世界药局", .buyer, "buyer2.png", "社区药局，提供处方药配送服务。"),
        ("m1", "保和堂医药集团", .merchant, "merchant1.png", "医药集团，经营药品批发与零售。"),
        ("m2", "阿纳斯蒂制药", .merchant, "merchant2.png", "制药企业，专注原料药与制剂研发。"),
        ("m3", "梅迪西斯制药", .merchant, "user1.png", "制药企业，提供定制化生产服务。"),
    ]

    static func replies(for role: Role) -> [String] {
        switch role {
        case .merchant, .agent:
            ["您好，欢迎咨询！请问有什么可以帮到您的？", "您好，我们提供7天无理由退换货服务，请提供您的订单号，我会马上为您处理。", "您好，请提供您的订单号，我会帮您查询订单详情。"]
        case .admin:
            ["您好，我是平台管理员。", "您好，这里是平台客服，请问有什么可以帮到您？", "您好，我们正在调查相关问题，请提供更多详细信息。"]
        default:
            ["您好，在吗？", "您好，我想咨询一下我的订单情况。", "您好，请帮我查一下物流信息，谢谢。"]
        }
    }

    /// Ensures the demo users (and the quick replies of them and of the admin `a2`, when it exists); returns how
    /// many users and replies were added.
    public static func load(
        users: any UserRepository,
        quickReplies: any QuickReplyRepository,
        configuration: ServerConfiguration
    ) async throws -> (users: Int, replies: Int) {
        guard configuration.environment != .production else {
            throw ConfigurationError("demo data is never loaded with APP_ENV=production")
        }
        let now = Date()
        var added = 0
        var entries: [EnsuredUser] = []
        for user in Self.users {
            if try await users.user(externalID: user.id) == nil { added += 1 }
            entries.append(
                EnsuredUser(
                    NewUser(
                        externalID: user.id,
                        username: user.name,
                        role: user.role,
                        avatar: "/api/media/avatars/" + user.avatar,
                        description: user.description,
                        createdAt: now
                    )
                )
            )
        }
        var people = try await users.ensure(entries)
        if let admin = try await users.user(externalID: "a2") { people.append(admin) }
        var replies = 0
        for person in people {
            let owner = ParticipantID(person.id.rawValue)
            guard try await quickReplies.replies(of: owner).isEmpty else { continue }
            for (order, text) in Self.replies(for: person.role).enumerated() {
                _ = try await quickReplies.create(user: owner, content: text, sortOrder: order, at: now)
                replies += 1
            }
        }
        return (added, replies)
    }
}
