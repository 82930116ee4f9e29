import Foundation

/// The avatar folder, `MEDIA_DIR/avatars`: users' uploaded avatars (`avatar_<id>.<ext>`) beside seed 004's default
/// pictures (`buyer1.png` …). Served by `GET /api/file/avatar/<name>` and, as static media, by
/// `/api/media/avatars/<name>`.
struct AvatarStore: Sendable {
    let directory: String

    init(mediaDirectory: String) {
        self.directory = mediaDirectory + "/avatars"
    }

    /// An image kind an avatar may be: its extension, media type and magic bytes.
    struct ImageType: Sendable, Equatable {
        let ext: String
        let mediaType: String

        static let png = ImageType(ext: "png", mediaType: "image/png")
        static let jpeg = ImageType(ext: "jpg", mediaType: "image/jpeg")
        static let gif = ImageType(ext: "gif", mediaType: "image/gif")
        static let webp = ImageType(ext: "webp", mediaType: "image/webp")
        static let all = [png, jpeg, gif, webp]

        /// The type the first bytes of a file say it is; `nil` for anything but PNG, JPEG, GIF and WebP.
        static func sniff(_ head: some Collection<UInt8>) -> ImageType? {
            let bytes = Array(head.prefix(12))
            func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
                bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
            }
            if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
            if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
            if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
            return nil
        }
    }

    /// The file name of a user's avatar of `type`.
    static func name(of user: Int64, _ type: ImageType) -> String { "avatar_\(user).\(type.ext)" }

    /// Whether `name` is a plain file name in the folder: no separators, no leading dot, nothing odd.
    static func isPlainName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 128, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }

    /// The path of the avatar called `name`, or `nil` when there is none. A user's avatar is also found under
    /// another image extension (seed 003's client always asks for `avatar_<id>.jpg`).
    func path(of name: String) -> String? {
        guard Self.isPlainName(name) else { return nil }
        var candidates = [name]
        let stem = (name as NSString).deletingPathExtension
        if stem.hasPrefix("avatar_"), Int64(stem.dropFirst("avatar_".count)) != nil {
            candidates += ImageType.all.map { stem + "." + $0.ext }
        }
        for candidate in candidates {
            let path = self.directory + "/" + candidate
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
        }
        return nil
    }

    /// Puts `file` in place as `user`'s avatar of `type` and removes the user's avatars of other types.
    func store(_ file: MultipartFileReceiver.ReceivedFile, of user: Int64, as type: ImageType) throws -> String {
        let name = Self.name(of: user, type)
        try file.move(to: self.directory + "/" + name)
        for other in ImageType.all where other != type {
            try? FileManager.default.removeItem(atPath: self.directory + "/" + Self.name(of: user, other))
        }
        return name
    }

    /// Removes every avatar of `user` (account deletion).
    func remove(of user: Int64) {
        for type in ImageType.all { try? FileManager.default.removeItem(atPath: self.directory + "/" + Self.name(of: user, type)) }
    }

    /// Seed 004's default avatars, which its users are given (`/api/media/avatars/buyer1.png` …), with the
    /// letters drawn on each.
    static let defaults: [(name: String, label: String)] = [
        ("admin.png", "A"), ("service.png", "S"), ("buyer1.png", "B1"), ("buyer2.png", "B2"), ("merchant1.png", "M1"),
        ("merchant2.png", "M2"), ("user1.png", "U1"),
    ]

    /// Writes the default avatars that are missing, so their URLs never answer 404. An operator's own pictures
    /// of the same names are kept.
    func installDefaults() throws {
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        for (name, label) in Self.defaults {
            let path = self.directory + "/" + name
            guard !FileManager.default.fileExists(atPath: path) else { continue }
            // Written aside and renamed, so a second process starting at the same time never serves half a file.
            let temporary = self.directory + "/.default-" + UUID().uuidString
            try Data(PNGImage.avatar(label).data).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        }
    }
}
