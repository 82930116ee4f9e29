/// One named check of a conformance suite: what an implementation of a repository protocol must do, written once
/// and run on every implementation (Rapport's memory and SQL repositories, or another driver's).
///
/// A check fails by throwing, usually a ``ConformanceFailure``, so any test framework reports it; run the list of a
/// suite as a parameterized test, each check with fresh, empty stores:
///
/// ```swift
/// @Test(arguments: ContactRepositoryConformance.checks)
/// func conformance(_ check: ContactRepositoryConformance.Check) async throws {
///     try await check.run(ContactMemoryRepository())
/// }
/// ```
public struct ConformanceCheck<Subject: Sendable>: Sendable, CustomStringConvertible {
    /// The check's name, shown as the test argument.
    public let name: String
    /// Runs the check on `subject`; throws when the implementation does not conform.
    public let run: @Sendable (Subject) async throws -> Void

    public init(_ name: String, _ run: @escaping @Sendable (Subject) async throws -> Void) {
        self.name = name
        self.run = run
    }

    public var description: String { self.name }
}
