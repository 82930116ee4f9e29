/// The connection settings: their keys in the table `rapport --help` prints.
extension ServerConfiguration {
    static let connectionKeys: [Key] = [
        Key(environment: "IDLE_TIMEOUT", flag: "idle-timeout", defaultValue: "60", help: "Seconds before an idle connection is closed."),
        Key(
            environment: "REQUEST_TIMEOUT",
            flag: "request-timeout",
            defaultValue: "30",
            help: "Seconds a client has to send a request's headers, and again its body, before the connection is closed."
        ),
        Key(
            environment: "MAX_CONNECTIONS",
            flag: "max-connections",
            defaultValue: "10000",
            help: "Open connections (HTTP and WebSocket) allowed in total; more are closed at once. Never above the process's "
                + "descriptor limit less a reserve (0: only that)."
        ),
        Key(
            environment: "MAX_CONNECTIONS_PER_CLIENT",
            flag: "max-connections-per-client",
            defaultValue: "1000",
            help: "Open connections allowed from one client address; TRUSTED_PROXIES are exempt (0: no limit)."
        ),
    ]
}
