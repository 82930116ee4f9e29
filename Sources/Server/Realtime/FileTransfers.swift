import ChatCore
import Foundation
import Hummingbird
import Logging
import StorageKit
import Synchronization

/// The chunked file transfers of one connection (seed 003 §7.3). A transfer lives on shared storage, not in the
/// connection: `MEDIA_DIR/uploads/partial/<file_id>/` holds `transfer.json` (sender, size, chunk count, room) and
/// one file per chunk received, each written under a temporary name and renamed when whole. So a client that
/// reconnects — to this server process or another sharing `MEDIA_DIR` — names its `file_id` in a new
/// `file_transfer_start` and hears which chunk indexes are already there (`file_transfer_init {"file_id",
/// "received": [...]}`), sending only the rest. When every index has arrived the chunks are joined into
/// `MEDIA_DIR/uploads/chat/<file_id>`, recorded as an attachment, and the file message is stored. Unfinished
/// transfers expire with the resumable uploads (`UPLOAD_EXPIRY_HOURS`).
final class FileTransfers: Sendable {
    struct Transfer: Sendable {
        let fileID: String
        let sender: Int64
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
    /// A file message's content for a finished resumable upload: `/api/files/<upload id>/<name>`.
    static let attachmentPrefix = "/api/files/"

    /// This connection's transfers, by file id.
    let transfers = Mutex<[String: Transfer]>([:])

    /// A stored chunked file: what a message's content says about it.
    struct Stored {
        let name: String
        /// Seed 003's `file_url`, downloaded as `/api/file` + it (signed for the message's recipients).
        let url: String

        init?(_ content: String) {
            if content.hasPrefix(FileTransfers.attachmentPrefix) {
                // A resumable upload sent as a message: downloaded as `/api/file/uploads/files/<id>/<name>`.
                let rest = content.dropFirst(FileTransfers.attachmentPrefix.count)
                let parts = rest.split(separator: "/", maxSplits: 1)
                guard parts.count == 2, parts[0].utf8.count == 32 else { return nil }
                self.name = String(parts[1])
                self.url = "/uploads/files/" + rest
                return
            }
            guard content.hasPrefix(FileTransfers.pathPrefix) else { return nil }
            let fileID = String(content.dropFirst(FileTransfers.pathPrefix.count))
            let parts = fileID.split(separator: "_", maxSplits: 3)
            guard parts.count == 4 else { return nil }
            self.name = String(parts[3])
            self.url = "/uploads/chat/" + fileID
        }

        /// The file a stored `file` message carries, whose signed `file_url` its readers get: the attachment the
        /// server linked when the sender sent its own file, or — a socket transfer stored before messages
        /// linked attachments — a file id that begins with the sender's id. A message whose content merely
        /// looks like somebody else's file (a client may send any text as a `file` message over the socket)
        /// carries nothing and is shown as the text it is.
        init?(_ message: Message) {
            guard message.type == .file, let stored = Stored(message.content) else { return nil }
            if message.attachmentID == nil {
                guard message.content.hasPrefix(FileTransfers.pathPrefix),
                    message.content.dropFirst(FileTransfers.pathPrefix.count).split(separator: "_", maxSplits: 1).first
                        == Substring(String(message.senderID.rawValue))
                else { return nil }
            }
            self = stored
        }
    }

    /// A file name as the client sent it (percent-encoded), made safe to store and to put in a URL: no
    /// directories, no control characters, none of `?#%&"\\`, at most 120 bytes of UTF-8.
    static func safeName(_ raw: String) -> String {
        let decoded = raw.removingPercentEncoding ?? raw
        let last = decoded.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && !"?#%&\"".unicodeScalars.contains($0) }
                .map(Character.init)
        )
        .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
        var name = ""
        for character in cleaned {
            guard name.utf8.count + character.utf8.count <= 120 else { break }
            name.append(character)
        }
        return name.isEmpty || name.allSatisfy({ $0 == "." }) ? "file" : name
    }

    /// Whether `fileID` is one this server could have made (`<sender>_<epoch>_<hex>_<name>`, no path in it).
    static func isFileID(_ fileID: String) -> Bool {
        let parts = fileID.split(separator: "_", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && Int64(parts[0]) != nil && Int64(parts[1]) != nil && !fileID.contains("/") && !fileID.contains("\\")
            && !fileID.hasPrefix(".") && fileID.utf8.count <= 200
    }

    /// The transfer's description on disk.
    struct Description: Codable {
        var sender: Int64
        var size: Int
        var totalChunks: Int
        var room: String
        var group: Int64?
        var direct: [Int64]?
    }

    static func save(_ transfer: Transfer) throws {
        let address: (Int64?, [Int64]?) =
            switch transfer.address {
            case .group(let id): (id.rawValue, nil)
            case .direct(let a, let b): (nil, [a.rawValue, b.rawValue])
            }
        let description = Description(
            sender: transfer.sender,
            size: transfer.size,
            totalChunks: transfer.totalChunks,
            room: String(decoding: transfer.room.serialized(), as: UTF8.self),
            group: address.0,
            direct: address.1
        )
        try JSONEncoder().encode(description).write(to: URL(fileURLWithPath: transfer.partial + "/transfer.json"), options: .atomic)
    }

    /// The unfinished transfer `fileID` as stored under `directory`, with the chunks already there; nil when there
    /// is none.
    static func load(_ fileID: String, from directory: String) -> Transfer? {
        let partial = directory + "/" + fileID
        guard let data = FileManager.default.contents(atPath: partial + "/transfer.json"),
            let description = try? JSONDecoder().decode(Description.self, from: data)
        else { return nil }
        let address: MessageAddress
        if let group = description.group {
            address = .group(ConversationID(group))
        } else if let direct = description.direct, direct.count == 2 {
            address = .direct(ParticipantID(direct[0]), ParticipantID(direct[1]))
        } else {
            return nil
        }
        var received: [Int: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: partial)) ?? [] {
            guard let index = Int(name), index >= 0, index < description.totalChunks,
                let attributes = try? FileManager.default.attributesOfItem(atPath: partial + "/" + name),
                let size = attributes[.size] as? Int
            else { continue }
            received[index] = size
        }
        return Transfer(
            fileID: fileID,
            sender: description.sender,
            size: description.size,
            totalChunks: description.totalChunks,
            address: address,
            room: (try? JSONValue(parsing: description.room)) ?? .null,
            partial: partial,
            received: received
        )
    }

    /// Forgets this connection's transfers; their chunks stay for a reconnecting client.
    func forgetAll() {
        self.transfers.withLock { $0 = [:] }
    }
}
