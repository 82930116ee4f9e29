public import Attachments
import Foundation

/// The conformance suite of ``UploadRepository``: conditional claims by offset, one holder at a time, leases that
/// expire, advancing only under one's own claim, finishing, expiry and reserved bytes. Each check needs an empty
/// store.
public enum UploadRepositoryConformance {
    public typealias Check = ConformanceCheck<any UploadRepository>

    public static let checks: [Check] = [
        Check("claimsOneAtATime", claimsOneAtATime),
        Check("finishesExpiresAndCounts", finishesExpiresAndCounts),
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func upload(_ id: String, owner: Int64 = 1, length: Int64 = 100, expiresAt: Date? = nil) -> Upload {
        Upload(
            id: id,
            owner: owner,
            length: length,
            filename: "a.bin",
            filetype: "application/octet-stream",
            metadata: "filename YS5iaW4=",
            path: "uploads/tus/\(id)",
            createdAt: Self.t0,
            expiresAt: expiresAt ?? Self.t0 + 3600
        )
    }

    static func claimsOneAtATime(_ store: any UploadRepository) async throws {
        let id = "0123456789abcdef0123456789abcdef"
        try await store.create(Self.upload(id))
        try await expectEqual(store.upload(id), Self.upload(id))
        try await expectEqual(store.claim("ffffffffffffffffffffffffffffffff", at: 0, token: "t", until: Self.t0 + 60, now: Self.t0), .missing)
        try await expectEqual(store.claim(id, at: 10, token: "a", until: Self.t0 + 60, now: Self.t0), .offsetMismatch(current: 0))
        guard case .claimed = try await store.claim(id, at: 0, token: "a", until: Self.t0 + 60, now: Self.t0) else {
            throw ConformanceFailure("the first claim at the right offset holds the upload")
        }
        // A second writer at the same offset is refused while the first holds it.
        try await expectEqual(store.claim(id, at: 0, token: "b", until: Self.t0 + 60, now: Self.t0 + 1), .busy)
        try await expectEqual(store.renew(id, token: "b", until: Self.t0 + 120), false)
        try await expectEqual(store.renew(id, token: "a", until: Self.t0 + 120), true)
        try await expectEqual(store.claim(id, at: 0, token: "b", until: Self.t0 + 60, now: Self.t0 + 100), .busy, "renewed")
        // Only the holder advances.
        try await expectEqual(store.advance(id, token: "b", to: 40, expiresAt: Self.t0 + 7200), false)
        try await expectEqual(store.upload(id)?.offset, 0)
        try await expectEqual(store.advance(id, token: "a", to: 40, expiresAt: Self.t0 + 7200), true)
        try await expectEqual(store.upload(id)?.offset, 40)
        try await expectEqual(store.upload(id)?.expiresAt, Self.t0 + 7200)
        try await expectEqual(store.advance(id, token: "a", to: 80, expiresAt: Self.t0 + 7200), false, "the claim ended")
        // A claim whose lease ran out (its process died) can be taken over.
        guard case .claimed = try await store.claim(id, at: 40, token: "c", until: Self.t0 + 160, now: Self.t0 + 150) else {
            throw ConformanceFailure("claim at the new offset")
        }
        guard case .claimed = try await store.claim(id, at: 40, token: "d", until: Self.t0 + 300, now: Self.t0 + 200) else {
            throw ConformanceFailure("an expired claim is taken over")
        }
        try await expectEqual(store.advance(id, token: "c", to: 100, expiresAt: Self.t0 + 7200), false, "the old holder lost it")
        // A rejected piece releases without moving.
        try await store.release(id, token: "d")
        try await expectEqual(store.upload(id)?.offset, 40)
        guard case .claimed = try await store.claim(id, at: 40, token: "e", until: Self.t0 + 400, now: Self.t0 + 201) else {
            throw ConformanceFailure("released uploads can be claimed at once")
        }
    }

    static func finishesExpiresAndCounts(_ store: any UploadRepository) async throws {
        let (a, b, c) = ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccccccccc")
        try await store.create(Self.upload(a, owner: 5, length: 3_000_000_000, expiresAt: Self.t0 + 10))
        try await store.create(Self.upload(b, owner: 5, length: 50, expiresAt: Self.t0 + 20))
        try await store.create(Self.upload(c, owner: 6, length: 70, expiresAt: Self.t0 + 5))
        try await expectEqual(store.reserved(by: 5), 3_000_000_050)
        try await expectEqual(store.expired(now: Self.t0 + 15, limit: 10).map(\.id), [c, a])
        try await expectEqual(store.expired(now: Self.t0 + 15, limit: 1).map(\.id), [c])
        // A finished upload is no longer reserved, never expires, and takes no more pieces.
        guard case .claimed = try await store.claim(b, at: 0, token: "t", until: Self.t0 + 60, now: Self.t0) else {
            throw ConformanceFailure("claim")
        }
        try await expectEqual(store.advance(b, token: "t", to: 50, expiresAt: Self.t0 + 20), true)
        try await store.finish(b, attachment: 42)
        try await expectEqual(store.upload(b)?.attachmentID, 42)
        try await expectEqual(store.claim(b, at: 50, token: "u", until: Self.t0 + 60, now: Self.t0), .finished)
        try await expectEqual(store.reserved(by: 5), 3_000_000_000)
        try await expectEqual(store.expired(now: Self.t0 + 100, limit: 10).map(\.id), [c, a])
        // The sweeper's delete: only what is expired, unfinished and not being written.
        try await expectEqual(store.deleteIfExpired(a, now: Self.t0 + 5), nil, "not expired yet")
        try await expectEqual(store.deleteIfExpired(b, now: Self.t0 + 100), nil, "finished")
        guard case .claimed = try await store.claim(a, at: 0, token: "w", until: Self.t0 + 200, now: Self.t0 + 100) else {
            throw ConformanceFailure("claim")
        }
        try await expectEqual(store.deleteIfExpired(a, now: Self.t0 + 150), nil, "a PATCH holds it")
        try await expectEqual(store.deleteIfExpired(a, now: Self.t0 + 250)?.id, a, "the claim ran out")
        try await expectEqual(store.delete(a), nil)
        try await expectEqual(store.expired(now: Self.t0 + 100, limit: 10).map(\.id), [c])
    }
}
