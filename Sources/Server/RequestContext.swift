public import Hummingbird

/// The request context of every Rapport route: Hummingbird's core context plus the body limit the server
/// was configured with.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``BodyLimitMiddleware`` from `MAX_BODY_SIZE`; request decoding stops past it with 413.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = 1 << 20
    }
}
