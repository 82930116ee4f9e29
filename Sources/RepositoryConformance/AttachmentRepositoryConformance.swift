public import Attachments
import Foundation

/// The conformance suite of ``AttachmentRepository``: records with ids, lookups, per-owner usage and removal.
/// Each check needs an empty store.
public enum AttachmentRepositoryConformance {
    public typealias Check = ConformanceCheck<any AttachmentRepository>

    public static let checks: [Check] = [
        Check("recordsAndCounts", recordsAndCounts)
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func attachment(owner: Int64, size: Int64, name: String = "报告 final.pdf") -> Attachment {
        Attachment(
            id: 0,
            owner: owner,
            name: name,
            type: "application/pdf",
            size: size,
            sha256: String(repeating: "ab", count: 32),
            path: "uploads/files/\(UUID().uuidString)",
            createdAt: Self.t0
        )
    }

    static func recordsAndCounts(_ store: any AttachmentRepository) async throws {
        try await expectEqual(store.usage(of: 7), 0)
        let first = try await store.create(Self.attachment(owner: 7, size: 1_000))
        let second = try await store.create(Self.attachment(owner: 7, size: 5_000_000_000, name: "video.mp4"))
        let other = try await store.create(Self.attachment(owner: 8, size: 3))
        try expect(first.id != second.id && second.id != other.id, "each record gets an id of its own")
        try await expectEqual(store.attachment(first.id), first)
        try await expectEqual(store.attachment(path: first.path), first)
        try await expectEqual(store.attachment(path: first.path.uppercased()), nil, "paths are case-sensitive")
        try await expectEqual(store.attachment(path: "uploads/none"), nil)
        try await expectEqual(store.attachment(second.id)?.size, 5_000_000_000, "sizes beyond 32 bits")
        try await expectEqual(store.attachment(first.id)?.name, "报告 final.pdf")
        try await expectEqual(store.usage(of: 7), 5_000_001_000)
        try await expectEqual(store.usage(of: 8), 3)
        try await expectEqual(store.delete(first.id), first)
        try await expectEqual(store.delete(first.id), nil)
        try await expectEqual(store.attachment(first.id), nil)
        try await expectEqual(store.usage(of: 7), 5_000_000_000)
    }
}
