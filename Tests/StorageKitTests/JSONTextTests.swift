import Foundation
import StorageKit
import Testing

@Suite("JSON text")
struct JSONTextTests {
    @Test func integersAsDecimal() {
        for value: Int64 in [0, 7, 9, 10, -1, -10, 42, 1_000_000, Int64.max, Int64.min, -9_223_372_036_854_775_807] {
            var out: [UInt8] = Array("x".utf8)
            JSONText.append(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x\(value)")
        }
    }

    @Test func secondsAppendedAsTheyAreWritten() {
        for seconds in [0.0, 1.999, 86_399.5, 951_782_400, 1_753_080_799.685547, 4_102_444_799, -1, -62_135_596_800] {
            let date = Date(timeIntervalSince1970: seconds)
            var out: [UInt8] = Array("[".utf8)
            StorageDateText.appendSeconds(date, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "[" + StorageDateText.seconds(date), "\(seconds)")
        }
    }
}
