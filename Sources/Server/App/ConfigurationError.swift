public import Configuration
import Foundation
public import Logging
import StorageKit
import SystemPackage

/// A configuration value the server cannot start with; its message names the key.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
