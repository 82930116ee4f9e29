import ContactsKit
import FuzzDriver

let normalizer = PhoneNumberNormalizer(defaultRegion: "CN")!

/// libFuzzer entry: any text as a typed phone number; a normalized number must normalize to itself.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPhoneNumber(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    if let normalized = normalizer.normalize(text) {
        precondition(normalizer.normalize(normalized) == normalized, "normalizing is not idempotent for \(text.debugDescription)")
    }
    _ = normalizer.searchDigits(text)
    return 0
}

/// The program's entry (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzPhoneNumber_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzPhoneNumber)
}
