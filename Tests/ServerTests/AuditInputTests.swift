import Foundation
import Testing

@testable import Server

/// The audit routes' date-time reader (`start_time`, `end_time`), which reads what any client puts in a query.
@Suite("Audit query dates")
struct AuditInputTests {
    static func parsed(_ text: String) -> Date? {
        if case .success(let date) = AuditInput.parseDateTime(text) { return date }
        return nil
    }

    @Test func fractionsOfAnyLengthAreRead() throws {
        // More than six fraction digits once trapped (a range 7..<6) and took the server down.
        let long = try #require(Self.parsed("2024-01-02T03:04:05.123456789"))
        let six = try #require(Self.parsed("2024-01-02T03:04:05.123456"))
        #expect(long == six)
        #expect(Self.parsed("2024-01-02T03:04:05.5") == Self.parsed("2024-01-02T03:04:05.500000"))
        #expect(Self.parsed("2077-18-48 85:49:61.08973625466") == nil, "an impossible date is refused, not trapped on")
    }

    @Test func anyShapeOfTextIsAnsweredNeverTrapped() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-:Tt .,+Zz")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            _ = AuditInput.parseDateTime(text)
        }
    }
}
