import Crypto
import Foundation
import NIOCore

/// The `Upload-Checksum` header of a `PATCH`: `<algorithm> <base64 digest>` for the piece's bytes.
struct TusChecksum: Equatable {
    enum Algorithm: String { case sha1, sha256, md5 }

    var algorithm: Algorithm
    var digest: [UInt8]

    init(_ header: String) throws {
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 2, let algorithm = Algorithm(rawValue: parts[0].lowercased()) else {
            throw TusMetadata.refusal("Upload-Checksum must be \"<sha1|sha256|md5> <base64 digest>\"")
        }
        guard let digest = Data(base64Encoded: String(parts[1])), digest.count == Hasher.length(algorithm) else {
            throw TusMetadata.refusal("Upload-Checksum: the digest is not base64 of a \(algorithm.rawValue) digest")
        }
        self.algorithm = algorithm
        self.digest = Array(digest)
    }

    /// A running digest of a piece as it streams.
    struct Hasher {
        var sha1: Insecure.SHA1?
        var sha256: SHA256?
        var md5: Insecure.MD5?

        init(_ algorithm: Algorithm) {
            switch algorithm {
            case .sha1: self.sha1 = Insecure.SHA1()
            case .sha256: self.sha256 = SHA256()
            case .md5: self.md5 = Insecure.MD5()
            }
        }

        static func length(_ algorithm: Algorithm) -> Int {
            switch algorithm {
            case .sha1: 20
            case .sha256: 32
            case .md5: 16
            }
        }

        mutating func update(_ buffer: ByteBuffer) {
            buffer.withUnsafeReadableBytes { bytes in
                self.sha1?.update(bufferPointer: bytes)
                self.sha256?.update(bufferPointer: bytes)
                self.md5?.update(bufferPointer: bytes)
            }
        }

        func finalize() -> [UInt8] {
            if let sha1 { return Array(sha1.finalize()) }
            if let sha256 { return Array(sha256.finalize()) }
            return Array(self.md5!.finalize())
        }
    }
}
