/// What a conformance check throws when the implementation under test does not do what its protocol promises.
///
/// A thrown error fails a Swift Testing test and an XCTest test alike; `#expect` inside a library would not fail an
/// XCTest test (its issue is dropped there), which is why the checks throw instead.
public struct ConformanceFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected and, where known, what happened instead.
    public var message: String
    /// The file of the failing expectation, as `#fileID` spells it (`RepositoryConformance/…swift`).
    public var file: String
    public var line: Int

    public init(_ message: String, file: String = #fileID, line: Int = #line) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(self.file):\(self.line): \(self.message)" }
}
