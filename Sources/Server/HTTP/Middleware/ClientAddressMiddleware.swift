import Foundation
import HTTPTypes
public import Hummingbird
import StorageKit

/// Sets ``AppRequestContext/clientAddress``: the peer address, or — only when the peer is a trusted proxy — the
/// first `X-Forwarded-For` entry, else `X-Real-IP`. A client that is not a proxy cannot choose the address the
/// audit log and the login throttle see.
public struct ClientAddressMiddleware<Context: RapportRequestContext>: RouterMiddleware {
    let proxies: [AddressRange]

    /// - Parameter trustedProxies: addresses or CIDRs (`TRUSTED_PROXIES`); entries that do not parse are ignored.
    public init(trustedProxies: [String]) { self.proxies = trustedProxies.compactMap(AddressRange.init) }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !self.proxies.isEmpty, let peer = AddressRange.bytes(context.clientAddress),
            self.proxies.contains(where: { $0.contains(peer) })
        else { return try await next(request, context) }
        var context = context
        let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        if let candidate = forwarded ?? request.headers[.xRealIP]?.trimmingCharacters(in: .whitespaces),
            AddressRange.bytes(candidate) != nil
        {
            context.clientAddress = candidate
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xRealIP = Self("X-Real-IP")!
}
