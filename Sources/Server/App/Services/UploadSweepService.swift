import Attachments
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle
import StorageKit

/// Removes unfinished resumable uploads whose expiry passed (`UPLOAD_EXPIRY_HOURS` after their last piece): the
/// row, then the file, every ten minutes. Several processes may sweep at once; a row is deleted once.
struct UploadSweepService: Service {
    let uploads: any UploadRepository
    let mediaDirectory: String
    let interval: Duration
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
                for upload in expired where try await self.uploads.delete(upload.id) != nil {
                    let path = self.mediaDirectory + "/" + upload.path
                    try? await NIOThreadPool.singleton.runIfActive { try FileManager.default.removeItem(atPath: path) }
                    removed += 1
                }
                if expired.count < 100 { break }
            }
        } catch {
            self.logger.error("upload sweep failed", metadata: ["error": "\(error)"])
        }
        if removed > 0 { self.logger.info("expired uploads removed", metadata: ["count": "\(removed)"]) }
        return removed
    }
}
