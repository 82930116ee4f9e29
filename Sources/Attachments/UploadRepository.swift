public import Foundation

/// Resumable uploads' state. Every change of the offset is conditional, so several server processes sharing the
/// database (and the media directory) can take the pieces of one upload in turn, never two at once.
public protocol UploadRepository: Sendable {
    func create(_ upload: Upload) async throws
    func upload(_ id: String) async throws -> Upload?
    /// Takes the upload for one `PATCH` that starts at `offset`, until `until`: only when its offset is `offset`,
    /// it is not finished, and no other unexpired claim holds it.
    func claim(_ id: String, at offset: Int64, token: String, until: Date, now: Date) async throws -> UploadClaim
    /// Extends the claim `token` holds; false when it holds none any more.
    func renew(_ id: String, token: String, until: Date) async throws -> Bool
    /// Moves the offset of the upload `token` holds to `offset`, sets its expiry, and ends the claim; false when
    /// the claim was lost (nothing changed).
    func advance(_ id: String, token: String, to offset: Int64, expiresAt: Date) async throws -> Bool
    /// Ends the claim without moving the offset (a rejected piece).
    func release(_ id: String, token: String) async throws
    /// Marks the upload finished as `attachment`.
    func finish(_ id: String, attachment: Int64) async throws
    /// Removes the upload; the removed one, or nil when there was none.
    func delete(_ id: String) async throws -> Upload?
    /// Removes the upload only if it is unfinished, expired at `now` and held by no live claim (a `PATCH` in
    /// progress); the removed one, or nil.
    func deleteIfExpired(_ id: String, now: Date) async throws -> Upload?
    /// Unfinished uploads whose expiry passed, oldest first.
    func expired(now: Date, limit: Int) async throws -> [Upload]
    /// The bytes `owner`'s unfinished uploads will take (their declared lengths).
    func reserved(by owner: Int64) async throws -> Int64
}
