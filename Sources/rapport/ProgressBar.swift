import ArgumentParser
import AuthTokens
import CRMAudit
import ContactsKit
import Foundation
import Hummingbird
import Logging
import Server
import StorageKit

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
    let total: Int
    let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func show(_ done: Int) {
        guard self.enabled, self.total > 0 else { return }
        let width = 30
        let filled = width * done / self.total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(self.total)".utf8))
    }

    func finish() {
        if self.enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
