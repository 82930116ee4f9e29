import DequeModule
public import Foundation
import Synchronization

/// One live connection, unique across server processes.
public struct HubConnectionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let process: UInt64
    public let number: UInt64

    public init(process: UInt64, number: UInt64) {
        self.process = process
        self.number = number
    }

    public var description: String { "\(String(self.process, radix: 36))-\(self.number)" }
}
