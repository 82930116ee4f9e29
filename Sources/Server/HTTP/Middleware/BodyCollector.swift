import AuthTokens
public import CRMAudit
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StorageKit
import Synchronization

/// Collects a response body written through ``CollectingWriter``.
final class BodyCollector: Sendable {
    let bytes = Mutex(ByteBuffer())
    var buffer: ByteBuffer { self.bytes.withLock { $0 } }
}
