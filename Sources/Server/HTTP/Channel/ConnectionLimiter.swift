import NIOCore
import Synchronization

/// Caps open connections in total and per client address, so a flood of connections is answered with closes
/// instead of running the process out of descriptors. Addresses in `exempt` (trusted reverse proxies, whose
/// connections carry many clients) count only toward the total.
final class ConnectionLimiter: Sendable {
    private struct State {
        var total = 0
        var perAddress: [[UInt8]: Int] = [:]
    }

    let maxTotal: Int
    let maxPerClient: Int
    private let exempt: [AddressRange]
    private let state = Mutex(State())

    /// `0` for either limit means no limit of that kind.
    init(maxTotal: Int, maxPerClient: Int, exempt: [AddressRange]) {
        self.maxTotal = maxTotal
        self.maxPerClient = maxPerClient
        self.exempt = exempt
    }

    /// Counts a new connection from `address` and returns what to call when it closes, or nil (nothing counted)
    /// when it is over a limit.
    func admit(_ address: SocketAddress?) -> (@Sendable () -> Void)? {
        var key = address?.ipAddress.flatMap(AddressRange.bytes)
        if let bytes = key, self.maxPerClient == 0 || self.exempt.contains(where: { $0.contains(bytes) }) { key = nil }
        let admitted = self.state.withLock { state -> Bool in
            if self.maxTotal > 0, state.total >= self.maxTotal { return false }
            if let key, state.perAddress[key, default: 0] >= self.maxPerClient { return false }
            state.total += 1
            if let key { state.perAddress[key, default: 0] += 1 }
            return true
        }
        guard admitted else { return nil }
        return { [key] in
            self.state.withLock { state in
                state.total -= 1
                if let key {
                    let left = state.perAddress[key, default: 1] - 1
                    state.perAddress[key] = left > 0 ? left : nil
                }
            }
        }
    }
}
