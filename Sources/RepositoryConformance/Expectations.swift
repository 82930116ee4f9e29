// The checks' assertions. Each throws a ConformanceFailure that names its line, so a failure is reported by whatever
// test framework runs the check, and a check stops at its first broken expectation.

/// Fails unless `condition` holds.
func expect(_ condition: Bool, _ message: @autoclosure () -> String = "", file: String = #fileID, line: Int = #line) throws {
    guard !condition else { return }
    throw ConformanceFailure(described("expectation failed", message()), file: file, line: line)
}

/// Fails unless `actual` equals `expected`, naming both.
func expectEqual<T: Equatable>(
    _ actual: T,
    _ expected: T,
    _ message: @autoclosure () -> String = "",
    file: String = #fileID,
    line: Int = #line
) throws {
    guard actual != expected else { return }
    throw ConformanceFailure(described("expected \(show(expected)), got \(show(actual))", message()), file: file, line: line)
}

/// Fails unless `body` throws an error equal to `expected`.
func expectThrows<E: Error & Equatable, R>(
    _ expected: E,
    _ message: @autoclosure () -> String = "",
    file: String = #fileID,
    line: Int = #line,
    _ body: () async throws -> R
) async throws {
    try await expectThrows(show(expected), where: { ($0 as? E) == expected }, message(), file: file, line: line, body)
}

/// Fails unless `body` throws an error of type `type`.
func expectThrows<E: Error, R>(
    _ type: E.Type,
    _ message: @autoclosure () -> String = "",
    file: String = #fileID,
    line: Int = #line,
    _ body: () async throws -> R
) async throws {
    try await expectThrows("\(E.self)", where: { $0 is E }, message(), file: file, line: line, body)
}

private func expectThrows<R>(
    _ expected: String,
    where matches: (any Error) -> Bool,
    _ message: String,
    file: String,
    line: Int,
    _ body: () async throws -> R
) async throws {
    let outcome: String
    do {
        outcome = "returned \(show(try await body()))"
    } catch let error where matches(error) {
        return
    } catch {
        outcome = "threw \(show(error))"
    }
    throw ConformanceFailure(described("expected to throw \(expected), but it \(outcome)", message), file: file, line: line)
}

/// The value inside `optional`; fails when there is none.
func require<T>(_ optional: T?, _ message: @autoclosure () -> String = "", file: String = #fileID, line: Int = #line) throws -> T {
    guard let value = optional else {
        throw ConformanceFailure(described("expected a \(T.self), got nil", message()), file: file, line: line)
    }
    return value
}

private func described(_ failure: String, _ message: String) -> String {
    message.isEmpty ? failure : "\(failure): \(message)"
}

private func show(_ value: some Any) -> String {
    String(reflecting: value)
}
