import Attachments
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle
import StorageKit

/// Removes unfinished resumable uploads whose expiry passed (`UPLOAD_EXPIRY_HOURS` after their last piece): the
/// row, then the file; and unfinished chunked socket transfers untouched as long (`uploads/partial`). Every ten
/// minutes; several processes may sweep at once (a row is deleted once, a folder removed once).
struct UploadSweepService: Service {
    let uploads: any UploadRepository
    let mediaDirectory: String
    let interval: Duration
    /// How long an unfinished chunked transfer may stay untouched.
    var partialExpiry: TimeInterval = 86400
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.sweep(now: Date())
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// One sweep; how many uploads it removed.
    @discardableResult
    func sweep(now: Date) async -> Int {
        var removed = 0
        do {
            while true {
                let expired = try await self.uploads.expired(now: now, limit: 100)
                let before = removed
                // One whose bytes are all there is recorded by its next HEAD or GET, not swept.
                for upload in expired where upload.offset < upload.length {
                    guard try await self.uploads.deleteIfExpired(upload.id, now: now) != nil else { continue }
                    let path = self.mediaDirectory + "/" + upload.path
                    try? await NIOThreadPool.singleton.runIfActive { try FileManager.default.removeItem(atPath: path) }
                    removed += 1
                }
                // A full page of which nothing could go (complete, or being written) ends the sweep too.
                if expired.count < 100 || removed == before { break }
            }
        } catch {
            self.logger.error("upload sweep failed", metadata: ["error": "\(error)"])
        }
        removed += await self.sweepPartials(now: now)
        if removed > 0 { self.logger.info("expired uploads removed", metadata: ["count": "\(removed)"]) }
        return removed
    }

    /// Chunked transfers whose newest file is older than the expiry.
    func sweepPartials(now: Date) async -> Int {
        let directory = self.mediaDirectory + "/uploads/partial"
        let cutoff = now - self.partialExpiry
        return
            (try? await NIOThreadPool.singleton.runIfActive { () -> Int in
                var removed = 0
                for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                    let folder = directory + "/" + name
                    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 } + [folder]
                    let newest = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }.max()
                    guard let newest, newest < cutoff else { continue }
                    if (try? FileManager.default.removeItem(atPath: folder)) != nil { removed += 1 }
                }
                return removed
            }) ?? 0
    }
}
