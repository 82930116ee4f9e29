import Foundation
public import Logging

/// A swift-log handler that writes lines to standard error as swift-log's `StreamLogHandler` does
/// (`2026-12-07T14:03:27+0000 error rapport: key=value [source] message`, local time), but formats the metadata
/// only when a line is written. `StreamLogHandler` formats it every time a key is set, and Hummingbird sets the
/// request id on every request's logger: 5 % of a health check's CPU, for lines that are rarely written.
public struct TextLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, level: level, metadataProvider: metadataProvider) { line in
            // A log line that cannot be written (a closed pipe) is dropped, never a trap.
            try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
        }
    }

    /// A handler that gives each line (ending in a newline) to `write` (tests collect them).
    public init(
        label: String,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = LogMetadata.merged(self.metadata, provider: self.metadataProvider, event: event)
        let pretty = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        self.write("\(Self.timestamp()) \(event.level) \(self.label):\(pretty) [\(event.source)] \(event.message)\n")
    }

    /// Local time as `%Y-%m-%dT%H:%M:%S%z`.
    static func timestamp() -> String {
        var now = time_t(Date().timeIntervalSince1970)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
