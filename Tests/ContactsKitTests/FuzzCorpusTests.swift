import ContactsKit
import Foundation
import TestSupport
import Testing

/// Every input in the fuzzers' corpora for the contacts parsers (Fuzz/Corpus, grown by Scripts/fuzz, with the
/// reproducer of every crash found), replayed on each test run with the checks the fuzz targets make.
@Suite("Fuzz corpus: contacts")
struct FuzzCorpusTests {
    @Test func contactImportCorpus() throws {
        let inputs = try FuzzCorpus.files("FuzzContactImport")
        #expect(inputs.count >= 4)
        for (_, bytes) in inputs {
            guard let first = bytes.first else { continue }
            _ = try? ContactFileReader.records(Data(bytes.dropFirst()), format: first & 1 == 0 ? .csv : .vcard)
        }
        // The seeds themselves are valid address books.
        let vcard = try #require(inputs.first { $0.name == "vcard3" })
        #expect(try ContactFileReader.records(Data(vcard.bytes.dropFirst()), format: .vcard).count == 1)
    }

    @Test func phoneNumberCorpus() throws {
        let normalizer = try #require(PhoneNumberNormalizer(defaultRegion: "CN"))
        let inputs = try FuzzCorpus.files("FuzzPhoneNumber")
        #expect(inputs.count >= 5)
        for (name, bytes) in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            if let normalized = normalizer.normalize(text) {
                #expect(normalizer.normalize(normalized) == normalized, "\(name): \(text.debugDescription)")
            }
            _ = normalizer.searchDigits(text)
        }
    }
}
