/// The answer to ``UploadRepository/claim(_:at:token:until:now:)``.
public enum UploadClaim: Sendable, Equatable {
    /// The caller holds the upload until the lease ends (or it advances or releases it).
    case claimed(Upload)
    /// The upload is at another offset: the client must `HEAD` and resume from there (409).
    case offsetMismatch(current: Int64)
    /// Another `PATCH` holds it right now (409).
    case busy
    /// Finished already: nothing more may be written.
    case finished
    case missing
}
