public import ChatCore
import Foundation

/// The conformance suite of ``QuickReplyRepository``: at most ten active replies per user, even when creations race,
/// kept in sort order, updated and deactivated. Each check needs an empty repository.
public enum QuickReplyRepositoryConformance {
    public typealias Check = ConformanceCheck<any QuickReplyRepository>

    public static let checks: [Check] = [
        Check("quickRepliesStopAtTenEvenWhenRacing", quickRepliesStopAtTenEvenWhenRacing)
    ]

    static let buyer = ParticipantID(1), merchant = ParticipantID(2)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func quickRepliesStopAtTenEvenWhenRacing(_ replies: any QuickReplyRepository) async throws {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<14 {
                group.addTask { (try? await replies.create(user: Self.merchant, content: "r\(index)", sortOrder: 13 - index, at: Self.t0)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try expectEqual(results.filter { $0 }.count, 10)
        var mine = try await replies.replies(of: Self.merchant)
        try expectEqual(mine.count, 10)
        try expectEqual(mine.map(\.sortOrder), mine.map(\.sortOrder).sorted())
        try await expectThrows(QuickReplyError.limitReached) {
            try await replies.create(user: Self.merchant, content: "11", sortOrder: 0, at: Self.t0)
        }
        try await expectEqual(replies.create(user: Self.buyer, content: "mine", sortOrder: 0, at: Self.t0).userID, Self.buyer)

        let first = mine[0]
        try await expectEqual(replies.update(id: first.id, content: "新内容", sortOrder: nil)?.content, "新内容")
        try await expectEqual(replies.deactivate(id: first.id)?.isActive, false)
        mine = try await replies.replies(of: Self.merchant)
        try expectEqual(mine.count, 9)
        try await expect(replies.create(user: Self.merchant, content: "room again", sortOrder: 0, at: Self.t0).isActive)
        try await expectEqual(replies.update(id: 9999, content: "x", sortOrder: 1), nil)
    }
}
