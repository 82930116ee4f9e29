import ChatCore
import Foundation
import Testing

@Suite("Message text")
struct MessageTextTests {
    /// The fast path answers exactly as Foundation's trimming, the zero width space included.
    @Test func trimsAsFoundationDoes() {
        let samples = [
            "", " ", "hello", " hello ", "\n\thello\r\n", "\u{200B}hello", "hello\u{200B}", "\u{3000}全角\u{3000}", "\u{00A0}x",
            "x\u{2028}", " \u{301}accent", "e\u{301}", "😀", "\u{85}next line\u{85}", "\u{200B}", " \u{200B} \n", "a b",
        ]
        for sample in samples {
            let foundation = sample.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(MessageText.trimmed(sample) == foundation, "\(sample.unicodeScalars.map { $0.value })")
            #expect(MessageText.isBlank(sample) == foundation.isEmpty, "\(sample.unicodeScalars.map { $0.value })")
        }
    }
}
