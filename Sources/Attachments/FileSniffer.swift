/// Names a file's media type from its first bytes, never from what the sender claimed.
public enum FileSniffer {
    /// How many leading bytes ``mediaType(of:)`` needs.
    public static let headLength = 512

    static func starts(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int = 0) -> Bool {
        bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
    }

    /// The media type of content starting with `head`; `application/octet-stream` when nothing matches.
    public static func mediaType(of head: [UInt8]) -> String {
        if starts(head, [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(head, Array("GIF87a".utf8)) || starts(head, Array("GIF89a".utf8)) { return "image/gif" }
        if starts(head, Array("RIFF".utf8)), starts(head, Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(head, Array("%PDF-".utf8)) { return "application/pdf" }
        if starts(head, [0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        if starts(head, [0x1F, 0x8B]) { return "application/gzip" }
        if starts(head, Array("ftyp".utf8), at: 4) { return "video/mp4" }
        if starts(head, Array("ID3".utf8)) || starts(head, [0xFF, 0xFB]) { return "audio/mpeg" }
        if starts(head, Array("OggS".utf8)) { return "audio/ogg" }
        if starts(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "application/x-ole-storage" }
        // Text: valid UTF-8 without NUL (a character may be cut at the end of the head).
        if !head.isEmpty, !head.contains(0), String(validating: head.prefix(max(head.count - 4, 1)), as: UTF8.self) != nil {
            return "text/plain; charset=utf-8"
        }
        return "application/octet-stream"
    }
}
