import ContactsKit
import Foundation
import FuzzDriver

/// libFuzzer entry: the first byte picks CSV or vCard, the rest is the uploaded address book.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzContactImport(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    guard let first = bytes.first else { return 0 }
    let format: ContactFileFormat = first & 1 == 0 ? .csv : .vcard
    _ = try? ContactFileReader.records(Data(bytes.dropFirst()), format: format)
    return 0
}

/// The program's entry (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzContactImport_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzContactImport)
}
