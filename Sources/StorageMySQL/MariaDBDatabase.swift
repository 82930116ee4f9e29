public import Logging
public import NIOCore
public import NIOPosix
public import SQLKit
public import StorageKit

/// A SQLKit database on MariaDB (or MySQL) through libmariadb.
///
/// Every value travels as a prepared-statement bind; statements are prepared once per connection and reused.
/// The blocking client calls run on a thread pool with one thread per pooled connection, never on an event loop.
/// Connections speak utf8mb4 and UTC; dates bind as `DATETIME` with microseconds.
///
/// ```swift
/// let database = try MariaDBDatabase(configuration: .init(url: "mysql://rapport:secret@127.0.0.1:3306/rapport"),
///                                    logger: logger)
/// defer { Task { await database.shutdown() } }
/// ```
public struct MariaDBDatabase: SQLDatabase {
    final class Engine: Sendable {
        let pool: MariaDBConnectionPool
        let threadPool: NIOThreadPool

        init(pool: MariaDBConnectionPool, threadPool: NIOThreadPool) {
            self.pool = pool
            self.threadPool = threadPool
        }
    }

    let engine: Engine
    /// The connection reserved by ``withSession(_:)``; `nil` outside a session.
    let session: MariaDBConnection?
    public let configuration: MariaDBConfiguration
    public let logger: Logger
    public let eventLoop: any EventLoop

    public var dialect: any SQLDialect { MariaDBDialect() }
    public var queryLogLevel: Logger.Level? { .trace }

    /// Creates the pool; connections open on first use. Call ``shutdown()`` when done.
    public init(
        configuration: MariaDBConfiguration,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        let threadPool = NIOThreadPool(numberOfThreads: max(1, configuration.poolSize))
        threadPool.start()
        self.engine = Engine(
            pool: MariaDBConnectionPool(configuration: configuration, threadPool: threadPool, logger: logger),
            threadPool: threadPool
        )
        self.session = nil
        self.configuration = configuration
        self.logger = logger
        self.eventLoop = eventLoopGroup.any()
    }

    private init(base: MariaDBDatabase, session: MariaDBConnection) {
        self.engine = base.engine
        self.session = session
        self.configuration = base.configuration
        self.logger = base.logger
        self.eventLoop = base.eventLoop
    }

    /// Closes the pool's connections and stops its threads.
    public func shutdown() async {
        await self.engine.pool.shutdown()
        try? await self.engine.threadPool.shutdownGracefully()
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = self.eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, values) = try self.statement(for: query) { binds in
            let encoder = StorageValueEncoder()
            return try binds.map { try encoder.encode($0) }
        }
        if let session = self.session {
            _ = try await self.run(sql, values, on: session, onRow)
            return
        }
        let connection = try await self.engine.pool.lease()
        let outcome: (sent: Bool, error: (any Error)?)
        do {
            outcome = (try await self.run(sql, values, on: connection, onRow), nil)
        } catch let failure as RunFailure {
            outcome = (failure.sent, failure.error)
        } catch {
            outcome = (true, error)
        }
        await self.engine.pool.release(connection)
        guard let error = outcome.error else { return }
        // A connection lost before the statement went out (or while reading) is safe to retry once on a new one.
        if connection.isBroken, !outcome.sent || SQLStatement.isSelect(sql) {
            self.logger.debug("retrying on a new MariaDB connection", metadata: ["error": "\(error)"])
            let retry = try await self.engine.pool.lease()
            do {
                _ = try await self.run(sql, values, on: retry, onRow)
                await self.engine.pool.release(retry)
                return
            } catch {
                await self.engine.pool.release(retry)
                throw (error as? RunFailure)?.error ?? error
            }
        }
        throw error
    }

    /// The error of one attempt, and whether the statement may have reached the server.
    struct RunFailure: Error {
        let sent: Bool
        let error: any Error
    }

    private func run(
        _ sql: String,
        _ values: [StorageValue],
        on connection: MariaDBConnection,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws -> Bool {
        let inSession = self.session != nil
        return try await self.engine.threadPool.runIfActive {
            var sent = false
            do {
                try connection.execute(sql, values, sent: &sent, onRow)
                return sent
            } catch {
                if inSession { throw error }
                throw RunFailure(sent: sent, error: error)
            }
        }
    }

    /// Runs `closure` on one reserved connection (for transactions and connection-scoped state such as
    /// `GET_LOCK`). A transaction the closure leaves open is rolled back before the connection returns to the pool.
    public func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if self.session != nil { return try await closure(self) }
        let connection = try await self.engine.pool.lease()
        let finish: @Sendable () async -> Void = {
            if !connection.isBroken, connection.inTransaction {
                await Task { _ = try? await self.engine.threadPool.runIfActive { try connection.simpleQuery("ROLLBACK") } }.value
            }
            await self.engine.pool.release(connection)
        }
        do {
            let result = try await closure(MariaDBDatabase(base: self, session: connection))
            await finish()
            return result
        } catch {
            await finish()
            throw error
        }
    }
}
