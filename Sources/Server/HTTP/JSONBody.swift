import Foundation
import StorageKit
import Hummingbird
import HTTPTypes

/// Reads a request body as a JSON object; `nil` when it is not one (empty, invalid JSON, an array …).
func jsonObject(_ request: Request, context: some RequestContext) async throws -> [String: Any]? {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    guard buffer.readableBytes > 0 else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
}

extension Dictionary where Key == String, Value == Any {
    /// The string at `key`, or nil when absent or not a string.
    func string(_ key: String) -> String? { self[key] as? String }
}

/// Reading `JSONSerialization` output.
enum JSONBody {
    /// Whether a parsed number was a JSON `true` or `false`. Foundation bridges every 0 and 1 to `Bool`, so `is Bool`
    /// cannot tell; a boolean's storage type is `c`.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
