import ChatCore
import Foundation
import Hummingbird
import Logging
import StorageKit
import Synchronization

/// The chunked file transfers in progress on one connection (seed 003 §7.3). Chunks are written to a partial
/// directory as they come; when every index has arrived, they are joined into `MEDIA_DIR/uploads/chat/<file_id>`
/// and the file message is stored. A connection that goes away leaves no partial files behind.
final class FileTransfers: Sendable {
    struct Transfer: Sendable {
        let fileID: String
        let size: Int
        let totalChunks: Int
        let address: MessageAddress
        let room: JSONValue
        let partial: String
        var received: [Int: Int] = [:]
        var bytes: Int { self.received.values.reduce(0, +) }
    }

    static let maxOpen = 4
    static let pathPrefix = "/api/media/uploads/chat/"

    let transfers = Mutex<[String: Transfer]>([:])

    /// A stored chunked file: what a message's content says about it.
    struct Stored {
        let name: String
        /// Seed 003's `file_url`, downloaded as `/api/file` + it.
        let url: String

        init?(_ content: String) {
            guard content.hasPrefix(FileTransfers.pathPrefix) else { return nil }
            let fileID = String(content.dropFirst(FileTransfers.pathPrefix.count))
            let parts = fileID.split(separator: "_", maxSplits: 3)
            guard parts.count == 4 else { return nil }
            self.name = String(parts[3])
            self.url = "/uploads/chat/" + fileID
        }
    }

    /// A file name as the client sent it (percent-encoded), made safe to store: no directories, no control
    /// characters, at most 100 characters.
    static func safeName(_ raw: String) -> String {
        let decoded = raw.removingPercentEncoding ?? raw
        let last = decoded.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
        let name = String(cleaned.prefix(100))
        return name.isEmpty || name.allSatisfy({ $0 == "." }) ? "file" : name
    }

    func abandonAll() {
        let open = self.transfers.withLock { transfers in
            defer { transfers = [:] }
            return Array(transfers.values)
        }
        for transfer in open { try? FileManager.default.removeItem(atPath: transfer.partial) }
    }
}
