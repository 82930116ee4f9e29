import Attachments
import Crypto
import Foundation
import NIOPosix
import StorageKit

/// What the attachment store records of a file on disk: its size, SHA-256 and sniffed type, read once on the
/// thread pool in 1 MiB pieces (memory stays flat whatever the size).
struct StoredFile {
    var size: Int64
    var sha256: String
    var type: String

    static func describe(_ fullPath: String) async throws -> StoredFile {
        try await NIOThreadPool.singleton.runIfActive { () throws -> StoredFile in
            guard let file = FileHandle(forReadingAtPath: fullPath) else { throw StorageError(.unavailable, "cannot read \(fullPath)") }
            defer { try? file.close() }
            var hash = SHA256()
            var head: [UInt8] = []
            var size: Int64 = 0
            while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
                if head.count < FileSniffer.headLength { head += chunk.prefix(FileSniffer.headLength - head.count) }
                hash.update(data: chunk)
                size += Int64(chunk.count)
            }
            return StoredFile(size: size, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined(), type: FileSniffer.mediaType(of: head))
        }
    }

    /// Records the file at `path` (relative to `mediaDirectory`) as `owner`'s attachment named `name`.
    static func record(
        _ path: String,
        mediaDirectory: String,
        owner: Int64,
        name: String,
        in attachments: any AttachmentRepository
    ) async throws -> Attachment {
        let described = try await Self.describe(mediaDirectory + "/" + path)
        return try await attachments.create(
            Attachment(
                id: 0,
                owner: owner,
                name: name,
                type: described.type,
                size: described.size,
                sha256: described.sha256,
                path: path,
                createdAt: Date()
            )
        )
    }
}
