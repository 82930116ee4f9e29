import Foundation
public import Logging
import StorageKit

/// A swift-log handler that writes one JSON object per line to standard error (`LOG_FORMAT=json`): `time`
/// (ISO 8601, UTC, milliseconds), `level`, `label`, `message`, `source`, and the metadata as members of their
/// own — a request's lines carry Hummingbird's `hb.request.id`. Log collectors read it without a parser of
/// their own.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    private let write: @Sendable ([UInt8]) -> Void

    public init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, level: level, metadataProvider: metadataProvider) { line in
            // A log line that cannot be written (a closed pipe) is dropped, never a trap.
            try? FileHandle.standardError.write(contentsOf: line)
        }
    }

    /// A handler that gives each line (ending in a newline) to `write` (tests collect them).
    public init(
        label: String,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable ([UInt8]) -> Void
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
        var members: [(String, JSONValue)] = [
            ("time", .string(Self.timestamp(Date()))), ("level", .string(event.level.rawValue)), ("label", .string(self.label)),
            ("message", .string(event.message.description)), ("source", .string(event.source)),
        ]
        let reserved: Set<String> = ["time", "level", "label", "message", "source"]
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            members.append((reserved.contains(key) ? "metadata." + key : key, Self.json(value)))
        }
        self.write(JSONValue.ordered(members).serialized() + [10])
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(Self.json))
        case .dictionary(let members): .ordered(members.sorted { $0.key < $1.key }.map { ($0.key, Self.json($0.value)) })
        }
    }

    private static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
