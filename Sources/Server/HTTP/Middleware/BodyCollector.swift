import StorageKit
import AuthTokens
public import CRMAudit
import Foundation
public import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import Synchronization

/// Collects a response body written through ``CollectingWriter``.
final class BodyCollector: Sendable {
    let bytes = Mutex(ByteBuffer())
    var buffer: ByteBuffer { self.bytes.withLock { $0 } }
}
