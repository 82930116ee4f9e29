import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `GET /metrics` on the metrics listener (`METRICS_HOST:METRICS_PORT`, never the API's port): the Prometheus
/// text format, for the clients of `METRICS_ALLOWED_CLIENTS` only — anyone else gets 403, so a listener bound
/// wider than loopback by mistake still tells nobody else anything.
struct MetricsController {
    let allowed: [AddressRange]

    /// The request context of the metrics listener: who is asking.
    struct Context: RequestContext {
        var coreContext: CoreRequestContextStorage
        let clientAddress: [UInt8]?

        init(source: ApplicationRequestContextSource) {
            self.coreContext = .init(source: source)
            self.clientAddress = source.channel.remoteAddress?.ipAddress.flatMap(AddressRange.bytes)
        }
    }

    func router() -> Router<Context> {
        let router = Router(context: Context.self)
        router.get("/metrics") { _, context -> Response in
            guard let client = context.clientAddress, self.allowed.contains(where: { $0.contains(client) }) else {
                return Response(
                    status: .forbidden,
                    headers: [.contentType: "text/plain; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "metrics are not served to this address\n"))
                )
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: RapportMetrics.exposition()))
            )
        }
        return router
    }

    /// The listener, run beside the API as one of its services.
    static func application(configuration: ServerConfiguration, logger: Logger) -> some ApplicationProtocol {
        let controller = MetricsController(allowed: configuration.metricsAllowedClients.compactMap(AddressRange.init))
        return Application(
            router: controller.router(),
            configuration: .init(address: .hostname(configuration.metricsHost, port: configuration.metricsPort), serverName: "Rapport"),
            logger: logger
        )
    }
}
