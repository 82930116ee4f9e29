import FuzzDriver
import Hummingbird
import HummingbirdCore

@testable import Server

/// libFuzzer entry: the raw request head the first-request guard reads before the HTTP parser, and the query
/// string every handler reads (form decoding, then Hummingbird's parameters), and the audit routes' date-time reader.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRequestHead(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    if let first = lines.first, let line = RequestHead.requestLine(first) {
        _ = line.targetIsClean
        if let rewritten = RequestHead.rewritten(head: bytes, line: line, fields: lines.dropFirst()) {
            // The rewritten request line has no raw UTF-8 left in its target.
            let newLine = rewritten.split(separator: UInt8(ascii: "\n")).first ?? []
            precondition(RequestHead.requestLine(newLine).map { !$0.targetNeedsEncoding } ?? true, "rewritten target still holds raw UTF-8")
        }
    }
    let path = String(decoding: bytes, as: UTF8.self)
    let form = FormEncodedQueryMiddleware<BasicRequestContext>.rewritten(path) ?? path
    _ = URI(form).queryParameters.count
    // The audit routes' start_time / end_time reader.
    _ = AuditInput.parseDateTime(path)
    return 0
}

/// The program's entry (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzRequestHead_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRequestHead)
}
