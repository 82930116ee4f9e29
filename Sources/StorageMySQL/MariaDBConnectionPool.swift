import DequeModule
import Logging
import Metrics
import NIOPosix
import StorageKit

/// Up to `poolSize` connections, handed out one lease at a time. Connecting, pinging and closing run on the
/// thread pool; a connection that broke is closed and replaced on demand, and idle ones are pinged before use,
/// so the pool serves again once a restarted server accepts connections.
actor MariaDBConnectionPool {
    let configuration: MariaDBConfiguration
    let threadPool: NIOThreadPool
    let logger: Logger
    private var idle: [MariaDBConnection] = []
    /// Connections open or being opened.
    private var open = 0
    private var waiters: Deque<CheckedContinuation<MariaDBConnection, any Error>> = []
    private var isShutDown = false

    init(configuration: MariaDBConfiguration, threadPool: NIOThreadPool, logger: Logger) {
        self.configuration = configuration
        self.threadPool = threadPool
        self.logger = logger
    }

    func lease() async throws -> MariaDBConnection {
        while !self.isShutDown {
            if let connection = self.idle.popLast() {
                if ContinuousClock.now - connection.lastUsed < self.configuration.pingAfterIdle { return connection }
                let started = ContinuousClock.now
                let alive = (try? await self.threadPool.runIfActive { connection.ping() }) ?? false
                self.logger.debug("pinged an idle MariaDB connection", metadata: ["alive": "\(alive)", "took": "\(ContinuousClock.now - started)"])
                if alive { return connection }
                self.logger.debug("replacing a dropped MariaDB connection")
                self.open -= 1
                continue
            }
            if self.open < self.configuration.poolSize {
                self.open += 1
                do {
                    self.logger.debug("opening a MariaDB connection", metadata: ["open": "\(self.open)"])
                    return try await self.connect()
                } catch {
                    self.open -= 1
                    self.serveWaiterWithNewConnection()
                    throw error
                }
            }
            // Every connection is leased: wait for one (`rapport_database_pool_waits_total`, and how long in
            // `rapport_database_pool_wait_seconds`, when the program has a metrics backend).
            Counter(label: "rapport_database_pool_waits_total").increment()
            let waiting = ContinuousClock.now
            defer { Metrics.Timer(label: "rapport_database_pool_wait_seconds", preferredDisplayUnit: .seconds).record(duration: .now - waiting) }
            return try await withCheckedThrowingContinuation { self.waiters.append($0) }
        }
        throw StorageError(.unavailable, "the MariaDB connection pool is shut down")
    }

    /// Returns a leased connection. A broken one is dropped, and a waiter (if any) gets a fresh connection.
    func release(_ connection: MariaDBConnection) {
        if connection.isBroken || self.isShutDown {
            self.open -= 1
            // Every idle connection likely shares the fate (a server restart): ping them before their next use.
            for other in self.idle { other.lastUsed = .now - self.configuration.pingAfterIdle }
            self.serveWaiterWithNewConnection()
            return
        }
        connection.lastUsed = .now
        if let waiter = self.waiters.popFirst() {
            waiter.resume(returning: connection)
        } else {
            self.idle.append(connection)
        }
    }

    private func serveWaiterWithNewConnection() {
        guard !self.waiters.isEmpty, self.open < self.configuration.poolSize else { return }
        let waiter = self.waiters.removeFirst()
        self.open += 1
        Task {
            do {
                waiter.resume(returning: try await self.connect())
            } catch {
                self.connectFailed()
                waiter.resume(throwing: error)
            }
        }
    }

    private func connectFailed() { self.open -= 1 }

    private func connect() async throws -> MariaDBConnection {
        let configuration = self.configuration
        return try await self.threadPool.runIfActive { try MariaDBConnection.connect(configuration) }
    }

    func shutdown() {
        self.isShutDown = true
        self.idle.removeAll()
        while let waiter = self.waiters.popFirst() {
            waiter.resume(throwing: StorageError(.unavailable, "the MariaDB connection pool is shut down"))
        }
    }
}
