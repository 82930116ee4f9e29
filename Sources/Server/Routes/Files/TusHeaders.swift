import HTTPTypes

extension HTTPField.Name {
    static var tusResumable: Self { Self("Tus-Resumable")! }
    static var tusVersion: Self { Self("Tus-Version")! }
    static var tusExtension: Self { Self("Tus-Extension")! }
    static var tusMaxSize: Self { Self("Tus-Max-Size")! }
    static var tusChecksumAlgorithm: Self { Self("Tus-Checksum-Algorithm")! }
    static var uploadLength: Self { Self("Upload-Length")! }
    static var uploadOffset: Self { Self("Upload-Offset")! }
    static var uploadMetadata: Self { Self("Upload-Metadata")! }
    static var uploadDeferLength: Self { Self("Upload-Defer-Length")! }
    static var uploadExpires: Self { Self("Upload-Expires")! }
    static var uploadChecksum: Self { Self("Upload-Checksum")! }
}
