import Foundation
import HTTPTypes
public import Hummingbird
import StorageKit

/// An IP address or a CIDR block, IPv4 or IPv6.
struct AddressRange: Sendable, Equatable {
    let network: [UInt8]
    let prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let address = Self.bytes(String(first)) else { return nil }
        if parts.count == 2 {
            guard let bits = Int(parts[1]), (0...(address.count * 8)).contains(bits) else { return nil }
            self.prefix = bits
        } else {
            self.prefix = address.count * 8
        }
        self.network = address
    }

    /// The address's bytes (4 or 16); IPv4-mapped IPv6 addresses are read as IPv4.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff { return Array(bytes[12...]) }
        return bytes
    }

    func contains(_ address: [UInt8]) -> Bool {
        guard address.count == self.network.count else { return false }
        var bits = self.prefix
        for (a, b) in zip(address, self.network) {
            guard bits > 0 else { return true }
            let mask: UInt8 = bits >= 8 ? 0xff : ~(0xff >> UInt8(bits))
            if a & mask != b & mask { return false }
            bits -= 8
        }
        return true
    }
}
