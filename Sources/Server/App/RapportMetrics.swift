public import Metrics
public import Prometheus

/// The process's metrics, in Prometheus's text format: what ``RouteMetricsMiddleware`` records per route template
/// (never per raw path) and Rapport's own — `rapport_websocket_connections`,
/// `rapport_messages_stored_total`, `rapport_audit_queue_depth`, `rapport_audit_write_seconds`,
/// `rapport_audit_write_failures_total`, `rapport_database_pool_waits_total`, `rapport_database_pool_wait_seconds`,
/// `rapport_login_failures_total`, `rapport_login_throttled_total`.
///
/// swift-metrics has one backend per process: ``bootstrap()`` makes it this registry, once; `rapport serve` does
/// so only when `METRICS_PORT` is set. A program that embeds Rapport's libraries and bootstraps a backend of its
/// own gets the same metrics there — and must leave `METRICS_PORT` unset (a second bootstrap traps).
public enum RapportMetrics {
    public static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Bool = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitized(name), labels.map { (Self.sanitized($0.0), $0.1) })
        }
        // Most requests take well under 5 ms: finer buckets at the low end.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return true
    }()

    /// Makes ``registry`` the process's metrics backend (the first call does; later calls do nothing).
    public static func bootstrap() { _ = Self.bootstrapped }

    /// A name or label Prometheus accepts: `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func sanitized(_ name: String) -> String {
        var result = String(
            name.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_": Character(scalar)
                default: "_"
                }
            }
        )
        if result.first?.isNumber ?? true { result = "_" + result }
        return result
    }

    /// Everything recorded so far, in the text exposition format (version 0.0.4).
    public static func exposition() -> [UInt8] { Self.registry.emitToBuffer() }
}
