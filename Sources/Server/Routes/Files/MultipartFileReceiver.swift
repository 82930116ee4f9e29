import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Streams the first part named `field` of a `multipart/form-data` body to a temporary file as it arrives —
/// never holding it in memory — and stops reading as soon as the part passes `maxSize`. The other parts are
/// skipped. Used by the uploads and by avatars.
struct MultipartFileReceiver {
    /// The form field whose file is kept.
    let field: String
    /// Where the temporary file is written; moving it within this directory is a rename.
    let directory: String
    let maxSize: Int

    /// A part on disk, with what it claimed to be and its first bytes for sniffing its type.
    struct ReceivedFile {
        let path: String
        let filename: String?
        let contentType: String?
        /// Up to the first 8 KiB.
        let head: [UInt8]
        let size: Int

        func discard() { try? FileManager.default.removeItem(atPath: self.path) }

        /// Moves the file to `destination`, replacing what is there in one step: a reader sees the old file or
        /// the new one, never a part of either.
        func move(to destination: String) throws {
            guard rename(self.path, destination) == 0 else {
                let code = errno
                self.discard()
                throw StorageFailure(path: destination, code: code)
            }
        }
    }

    struct StorageFailure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot store \(self.path): \(String(cString: strerror(self.code)))" }
    }

    enum Outcome {
        case received(ReceivedFile)
        /// The body is not `multipart/form-data` with a boundary.
        case notMultipart
        /// The body is well formed, but has no complete part named `field`.
        case missing
        /// The part passed `maxSize`; the rest of the body was not read.
        case tooLarge
        /// The multipart framing is broken.
        case malformed
    }

    /// The part in flight.
    private final class Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var handle: FileHandle?
        var path: String?
        var size = 0
        var head: [UInt8] = []
        var complete = false
        var tooLarge = false
        var failure: (any Error)?
    }

    func receive(_ request: Request) async throws -> Outcome {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.parameter("boundary", in: type), !boundary.isEmpty
        else { return .notMultipart }
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        let part = Part()
        var current = Part()
        let parser = MultipartParser(boundary: boundary)
        var headerCheck = MultipartHeaderCheck(boundary: boundary)
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" {
                current.name = Self.parameter("name", in: value)
                current.filename = Self.parameter("filename", in: value)
            } else if field.lowercased() == "content-type" {
                current.contentType = value.lowercased()
            }
        }
        parser.onBody = { buffer in
            guard current.name == self.field, part.handle == nil || current === part else { return }
            if current !== part {
                // The first part of the field: open its temporary file.
                part.name = current.name
                part.filename = current.filename
                part.contentType = current.contentType
                current = part
                let path = self.directory + "/.upload-" + UUID().uuidString
                guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                    part.failure = HTTPError(.internalServerError)
                    return
                }
                part.path = path
                part.handle = handle
            }
            guard !part.tooLarge, part.failure == nil else { return }
            part.size += buffer.readableBytes
            if part.size > self.maxSize {
                part.tooLarge = true
                return
            }
            if part.head.count < 8192 { part.head += buffer.readableBytesView.prefix(8192 - part.head.count) }
            do {
                try part.handle?.write(contentsOf: buffer.readableBytesView)
            } catch {
                part.failure = error
            }
        }
        parser.onPartComplete = {
            if current === part { part.complete = true }
            current = Part()
        }
        func discard() {
            try? part.handle?.close()
            if let path = part.path { try? FileManager.default.removeItem(atPath: path) }
        }
        do {
            for try await buffer in request.body {
                guard headerCheck.accepts(buffer.readableBytesView) else {
                    discard()
                    return .malformed
                }
                try parser.execute(buffer)
                // Stop reading as soon as the file is too big: the rest of the body is never taken in.
                if part.tooLarge || part.failure != nil { break }
            }
        } catch {
            discard()
            return .malformed
        }
        if part.tooLarge {
            discard()
            return .tooLarge
        }
        if let failure = part.failure {
            discard()
            throw failure
        }
        guard part.complete, let path = part.path else {
            discard()
            return .missing
        }
        try part.handle?.close()
        return .received(ReceivedFile(path: path, filename: part.filename, contentType: part.contentType, head: part.head, size: part.size))
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
