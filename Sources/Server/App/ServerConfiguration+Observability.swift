/// The observability settings — Prometheus metrics and the log format — and their keys in the table of settings.
extension ServerConfiguration {
    /// How log lines are written to standard error.
    public enum LogFormat: String, Sendable {
        /// swift-log's text lines, for people.
        case text
        /// One JSON object per line (time, level, label, message, metadata — the request id among it), for collectors.
        case json
    }

    static let observabilityKeys: [Key] = [
        Key(
            environment: "METRICS_PORT",
            flag: "metrics-port",
            defaultValue: "0",
            help: "Port of the Prometheus endpoint GET /metrics, a listener of its own (0: no metrics at all)."
        ),
        Key(
            environment: "METRICS_HOST",
            flag: "metrics-host",
            defaultValue: "127.0.0.1",
            help: "Address the metrics listener binds to; loopback unless you mean to expose it."
        ),
        Key(
            environment: "METRICS_ALLOWED_CLIENTS",
            flag: "metrics-allowed-clients",
            defaultValue: "127.0.0.0/8,::1/128",
            help: "Comma-separated addresses or CIDRs that may read /metrics; anyone else gets 403."
        ),
        Key(
            environment: "LOG_FORMAT",
            flag: "log-format",
            defaultValue: "text",
            help: "text, or json: one JSON object per line with the request id in the metadata of every request's lines."
        ),
    ]
}
