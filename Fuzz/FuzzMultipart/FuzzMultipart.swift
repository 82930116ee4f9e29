import Foundation
import FuzzDriver
import HTTPTypes
import Hummingbird
import NIOCore

@testable import Server

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-multipart-\(getpid())").path
let receiver: MultipartFileReceiver = {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return MultipartFileReceiver(field: "file", directory: directory, maxSize: 1 << 20)
}()

/// libFuzzer entry: an upload body with the boundary `XyZ`, read by the streaming multipart reader; whatever it
/// keeps is removed again.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMultipart(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    let request = Request(
        head: HTTPRequest(
            method: .post,
            scheme: "http",
            authority: "x",
            path: "/api/upload/file",
            headerFields: [.contentType: "multipart/form-data; boundary=XyZ"]
        ),
        body: .init(buffer: body)
    )
    let done = DispatchSemaphore(value: 0)
    Task {
        if case .received(let file) = try? await receiver.receive(request) { file.discard() }
        done.signal()
    }
    done.wait()
    return 0
}

/// The program's entry (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzMultipart_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzMultipart)
}
