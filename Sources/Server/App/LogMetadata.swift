import Logging

/// The metadata a log line shows, as swift-log's `StreamLogHandler` assembles it: the handler's own, then its
/// provider's, then the call's, and a logged error's message and type. Shared by ``TextLogHandler`` and
/// ``JSONLogHandler``.
enum LogMetadata {
    static func merged(_ own: Logger.Metadata, provider: Logger.MetadataProvider?, event: LogEvent) -> Logger.Metadata {
        var merged = own
        if let provided = provider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }
}
