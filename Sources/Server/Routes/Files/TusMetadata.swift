import Foundation
import HTTPTypes
import StorageKit

/// The `Upload-Metadata` header: comma-separated `key base64(value)` pairs. `filename` and `filetype` are kept;
/// a file name with a path separator or a control character, a key given twice, or a value that is not base64
/// of UTF-8 is refused (400), never cleaned up silently.
struct TusMetadata {
    var raw: String?
    var filename: String?
    var filetype: String?

    init(_ header: String?) throws {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        guard header.utf8.count <= 4096 else { throw Self.refusal("Upload-Metadata is longer than 4096 bytes") }
        self.raw = header
        var seen = Set<String>()
        for pair in header.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: false)
            guard let key = parts.first.map(String.init), !key.isEmpty, parts.count <= 2,
                key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") })
            else { throw Self.refusal("Upload-Metadata must be comma-separated \"key base64value\" pairs") }
            guard seen.insert(key).inserted else { throw Self.refusal("Upload-Metadata names \(key) twice") }
            var value: String?
            if parts.count == 2 {
                guard let data = Data(base64Encoded: String(parts[1])), let text = String(data: data, encoding: .utf8) else {
                    throw Self.refusal("Upload-Metadata: the value of \(key) is not base64 of UTF-8 text")
                }
                value = text
            }
            switch key {
            case "filename":
                guard let name = value, !name.isEmpty, name.utf8.count <= 255, name != ".", name != "..",
                    !name.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control })
                else {
                    throw Self.refusal("Upload-Metadata: filename must be a name (1 to 255 bytes) without path separators or control characters")
                }
                self.filename = name
            case "filetype":
                guard let type = value, !type.isEmpty, type.utf8.count <= 127, type.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                    throw Self.refusal("Upload-Metadata: filetype must be a media type (printable ASCII, at most 127 bytes)")
                }
                self.filetype = type
            default: break
            }
        }
    }

    static func refusal(_ text: String) -> JSONResponse { JSONResponse(.badRequest, ["error": .string(text), "detail": .string(text)]) }
}
