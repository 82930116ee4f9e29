public import NIOSSL

/// HTTPS and WSS: with `TLS_CERT_FILE` and `TLS_KEY_FILE`, the API's listener speaks TLS. Both files are read,
/// and the key checked against the certificate, when the configuration is loaded, so a bad pair ends start-up
/// (and `rapport config check`) with one line and exit status 2.
extension ServerConfiguration {
    static let tlsKeys: [Key] = [
        Key(
            environment: "TLS_CERT_FILE",
            flag: "tls-cert-file",
            defaultValue: "",
            help: "PEM certificate chain (the server's first); with TLS_KEY_FILE the API speaks HTTPS and WSS only."
        ),
        Key(
            environment: "TLS_KEY_FILE",
            flag: "tls-key-file",
            defaultValue: "",
            help: "PEM private key of TLS_CERT_FILE's certificate."
        ),
    ]

    /// The TLS context of the certificate chain in `certificateFile` and the key in `keyFile` (TLS 1.2 or newer).
    static func tlsContext(certificateFile: String, keyFile: String) throws(ConfigurationError) -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw ConfigurationError("TLS_CERT_FILE: cannot read a PEM certificate from \(certificateFile) (\(error))")
        }
        guard !chain.isEmpty else { throw ConfigurationError("TLS_CERT_FILE: no certificate in \(certificateFile)") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw ConfigurationError("TLS_KEY_FILE: cannot read a PEM private key from \(keyFile) (\(error))")
        }
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        do {
            // BoringSSL checks the key against the certificate here.
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw ConfigurationError("TLS_KEY_FILE: the key in \(keyFile) does not fit the certificate in \(certificateFile) (\(error))")
        }
    }
}
