import AuthTokens
public import CRMAudit
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StorageKit
import Synchronization

struct CollectingWriter: ResponseBodyWriter {
    let collector: BodyCollector
    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.collector.bytes.withLock { _ = $0.writeBuffer(&buffer) }
    }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
