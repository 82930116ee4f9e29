import Attachments
import ChatCore
import Foundation
import Hummingbird
import Logging
import NIOPosix
import StorageKit
import Synchronization

extension RealtimeConnection {
    /// The attachment a file or image message links: the sender's own stored file its content names.
    func attachmentID(carriedBy content: String, type: MessageType) async throws -> Int64? {
        guard type == .file || type == .image, let files = self.controller.files else { return nil }
        return try await files.attachmentID(carriedBy: content, sender: self.me.rawValue)
    }

    // MARK: Whiteboard

    /// Whether this user may use the whiteboard `room`: a group's (`group_<gid>`, members only) or a private one
    /// (`user<a>_user<b>`, the ids sorted as strings, one of them this user).
    func mayUseWhiteboard(_ room: String) async throws -> Bool {
        if room.hasPrefix("group_"), let id = Int64(room.dropFirst(6)) {
            return try await self.controller.groups.group(ConversationID(id))?.members[self.me] != nil
        }
        let parts = room.split(separator: "_")
        guard parts.count == 2, parts.allSatisfy({ $0.hasPrefix("user") }),
            let a = Int64(parts[0].dropFirst(4)), let b = Int64(parts[1].dropFirst(4)), a != b,
            [String(a), String(b)].sorted() == [String(a), String(b)]
        else { return false }
        return self.me.rawValue == a || self.me.rawValue == b
    }

    func whiteboard(_ room: String, _ event: ClientFrame.Whiteboard) async throws {
        let boards = self.controller.whiteboards
        let id = self.outbox.id
        let stateFrame = { (strokes: [JSONValue]) in self.event("whiteboard_state", .ordered([("state", .array(strokes)), ("room", .string(room))])) }
        switch event {
        case .join:
            guard try await self.mayUseWhiteboard(room) else { throw Refusal.socket("无权加入该白板: \(room)") }
            if let strokes = await boards.join(room, self.outbox) { await self.reply(stateFrame(strokes)) }
        case .leave:
            await boards.leave(room, id)
        case .draw, .clear, .state:
            guard await boards.isMember(room, id) else { throw Refusal.socket("请先加入白板: \(room)") }
            switch event {
            case .draw(let draw):
                let stroke: JSONValue = .ordered([
                    ("x", .double(draw.x)), ("y", .double(draw.y)), ("drawing", .bool(draw.drawing)), ("color", .string(draw.color)),
                    ("lineWidth", draw.lineWidth.map(JSONValue.double) ?? .int(2)), ("room", .string(room)),
                ])
                await boards.apply(room, stroke: stroke, frame: self.event("draw", stroke))
            case .clear:
                await boards.apply(room, stroke: nil, frame: self.event("clear_whiteboard", .ordered([("room", .string(room))])))
            default:
                if let strokes = await boards.state(room) { await self.reply(stateFrame(strokes)) }
            }
        }
    }

    // MARK: Chunked file transfer

    /// Where unfinished chunked transfers wait, on the storage every server process shares (never served).
    var partialDirectory: String { self.controller.mediaDirectory + "/uploads/partial" }

    /// `file_transfer_start`: checks the file and where it goes, then answers `file_transfer_init {"file_id"}`. With
    /// the `file_id` of an unfinished transfer of the same sender (a client that reconnected), it answers that id
    /// and the chunk indexes already stored, `"received": [...]`: the client sends the rest.
    func startTransfer(_ start: ClientFrame.TransferStart) async throws {
        let refuse = { (text: String) async throws -> Void in
            await self.reply(self.event("file_transfer_init", .ordered([("file_id", .null)])))
            throw Refusal.socket(text)
        }
        guard self.me.rawValue > 0 else { return try await refuse("访客不能发送文件，请先登录") }
        if let fileID = start.resumeFileID {
            return try await self.resumeTransfer(fileID, refuse: refuse)
        }
        let size = start.size
        guard size <= self.controller.maxFileSize else { return try await refuse("文件过大，最大\(self.controller.maxFileSize / (1 << 20))MB") }
        let address: MessageAddress
        do {
            address = try start.room.address(for: self.me)
        } catch {
            return try await refuse(error.message)
        }
        guard try await self.mayPost(to: address) else {
            if case .group = address { return try await refuse("你不是该群组成员") }
            return try await refuse("只能给好友发送文件")
        }
        if let files = self.controller.files, files.quota > 0 {
            guard try await files.used(by: self.me.rawValue) + size <= files.quota else {
                return try await refuse("存储空间不足")
            }
        }
        let open = self.transfers.transfers.withLock { $0.count }
        guard open < FileTransfers.maxOpen else { return try await refuse("同时传输的文件过多") }
        let name = FileTransfers.safeName(start.fileName)
        let random = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let fileID = "\(self.me.rawValue)_\(Int(Date().timeIntervalSince1970))_\(random)_\(name)"
        let transfer = FileTransfers.Transfer(
            fileID: fileID,
            sender: self.me.rawValue,
            size: Int(size),
            totalChunks: Int(start.chunks),
            address: address,
            room: start.roomValue,
            partial: self.partialDirectory + "/" + fileID
        )
        do {
            try FileManager.default.createDirectory(atPath: transfer.partial, withIntermediateDirectories: true)
            try FileTransfers.save(transfer)
        } catch {
            try? FileManager.default.removeItem(atPath: transfer.partial)
            self.controller.logger.error("file transfer could not start", metadata: ["error": "\(error)"])
            return try await refuse("文件保存失败")
        }
        self.transfers.transfers.withLock { $0[fileID] = transfer }
        await self.reply(self.event("file_transfer_init", .ordered([("file_id", .string(fileID))])))
    }

    /// Whether this user may send to `address` now (a member of the group, a friend of the other user).
    func mayPost(to address: MessageAddress) async throws -> Bool {
        switch address {
        case .group(let id): try await self.controller.groups.group(id)?.members[self.me] != nil
        case .direct(_, let other): try await self.controller.chat.friendships.areFriends(self.me, other)
        }
    }

    /// Takes up the unfinished transfer `fileID` of this user again: its stored chunks are reported.
    func resumeTransfer(_ fileID: String, refuse: (String) async throws -> Void) async throws {
        guard FileTransfers.isFileID(fileID), let transfer = FileTransfers.load(fileID, from: self.partialDirectory),
            transfer.sender == self.me.rawValue
        else { return try await refuse("找不到文件信息: \(fileID)") }
        guard try await self.mayPost(to: transfer.address) else { return try await refuse("无权继续该文件传输") }
        let open = self.transfers.transfers.withLock { transfers -> Int in
            transfers[fileID] = transfer
            return transfers.count
        }
        guard open <= FileTransfers.maxOpen else {
            self.transfers.transfers.withLock { $0[fileID] = nil }
            return try await refuse("同时传输的文件过多")
        }
        let received = transfer.received.keys.sorted().map { JSONValue.int(Int64($0)) }
        await self.reply(self.event("file_transfer_init", .ordered([("file_id", .string(fileID)), ("received", .array(received))])))
        if transfer.received.count == transfer.totalChunks {
            // Every chunk had arrived when the connection went away: finish now.
            self.transfers.transfers.withLock { $0[fileID] = nil }
            try await self.finish(transfer)
        }
    }

    /// `file_chunk {"fileId", "chunkIndex", "data": [bytes]}`: stored, `upload_progress` and `chunk_received` to
    /// the uploader; with the last missing index, the file is joined and its message sent to the room.
    func receiveChunk(_ chunk: ClientFrame.Chunk) async throws {
        let fileID = chunk.fileID
        guard let transfer = self.transfers.transfers.withLock({ $0[fileID] }) else { throw Refusal.socket("找不到文件信息: \(fileID)") }
        let abort = { (text: String) async throws -> Void in
            self.transfers.transfers.withLock { $0[fileID] = nil }
            try? FileManager.default.removeItem(atPath: transfer.partial)
            throw Refusal.socket(text)
        }
        let (index, bytes) = (chunk.index, chunk.bytes)
        guard index < transfer.totalChunks else { throw Refusal.socket("分片序号无效") }
        // A re-sent chunk replaces the first; together the chunks may not exceed the declared size.
        if transfer.bytes - (transfer.received[index] ?? 0) + bytes.count > transfer.size { return try await abort("文件大小超出声明的大小") }
        // Written whole under a temporary name, then renamed: a chunk file that exists is complete.
        let target = "\(transfer.partial)/\(index)"
        let temporary = "\(transfer.partial)/.\(index).\(UInt32.random(in: 0...UInt32.max))"
        do {
            try await NIOThreadPool.singleton.runIfActive {
                try Data(bytes).write(to: URL(fileURLWithPath: temporary))
                // rename(2) replaces a chunk sent twice atomically.
                guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if !FileManager.default.fileExists(atPath: transfer.partial + "/transfer.json") {
                return try await abort("找不到文件信息: \(fileID)")
            }
            return try await abort("文件保存失败")
        }
        let updated = self.transfers.transfers.withLock { transfers -> FileTransfers.Transfer? in
            transfers[fileID]?.received[index] = bytes.count
            return transfers[fileID]
        }
        guard let updated else { return }
        let progress = Double(updated.received.count) / Double(updated.totalChunks) * 100
        await self.reply(
            self.event("upload_progress", .ordered([("fileId", .string(fileID)), ("progress", .double(progress)), ("room", updated.room)]))
        )
        if updated.received.count == updated.totalChunks {
            self.transfers.transfers.withLock { $0[fileID] = nil }
            try await self.finish(updated)
        }
        await self.reply(self.event("chunk_received", .ordered([("index", .int(Int64(index)))])))
    }

    func finish(_ transfer: FileTransfers.Transfer) async throws {
        let directory = self.controller.mediaDirectory + "/uploads/chat"
        let path = directory + "/" + transfer.fileID
        // Only one finisher (this process or another) takes the chunks: whoever moves the description away.
        let claimed = transfer.partial + ".joining"
        do {
            try FileManager.default.moveItem(atPath: transfer.partial, toPath: claimed)
        } catch {
            throw Refusal.socket("找不到文件信息: \(transfer.fileID)")
        }
        defer { try? FileManager.default.removeItem(atPath: claimed) }
        do {
            let chunks = transfer.totalChunks
            try await NIOThreadPool.singleton.runIfActive {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: path, contents: nil)
                let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? output.close() }
                for index in 0..<chunks {
                    try output.write(contentsOf: try Data(contentsOf: URL(fileURLWithPath: "\(claimed)/\(index)")))
                }
                try output.synchronize()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            self.controller.logger.error("file transfer could not be joined", metadata: ["file": "\(transfer.fileID)", "error": "\(error)"])
            throw Refusal.socket("文件保存失败，没有文件URL")
        }
        if let attachments = self.controller.files?.attachments {
            let name = FileTransfers.Stored(FileTransfers.pathPrefix + transfer.fileID)?.name ?? transfer.fileID
            do {
                _ = try await StoredFile.record(
                    "uploads/chat/" + transfer.fileID,
                    mediaDirectory: self.controller.mediaDirectory,
                    owner: transfer.sender,
                    name: name,
                    in: attachments
                )
            } catch {
                self.controller.logger.error("file transfer not recorded", metadata: ["file": "\(transfer.fileID)", "error": "\(error)"])
            }
        }
        let content = FileTransfers.pathPrefix + transfer.fileID
        switch transfer.address {
        case .group(let id):
            guard let group = try await self.controller.groups.group(id) else { throw Refusal.socket("群组不存在") }
            try await self.sendGroup(group, content: content, clientID: nil, type: .file, echo: true)
        case .direct(_, let other):
            try await self.sendDirect(to: other, content: content, type: .file, clientID: nil, echo: true)
        }
    }
}
