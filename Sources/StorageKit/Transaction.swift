public import SQLKit

extension SQLDatabase {
    /// Runs `body` inside one transaction on one connection; commits when it returns, rolls back when it throws
    /// (cancellation included) and rethrows the error.
    ///
    /// ```swift
    /// let id = try await database.transaction { tx in
    ///     let row = try await tx.insert(into: "contacts").model(new).returning("id").first()
    ///     try await tx.insert(into: "contact_versions").model(version).run()
    ///     return try row!.decode(column: "id", as: Int.self)
    /// }
    /// ```
    /// Use only `tx` inside the closure: the connection it runs on is reserved for it until the transaction ends.
    /// A transaction begun on `tx` inside the closure is a savepoint: it rolls back alone, and commits with the
    /// outer one.
    public func transaction<R: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await self.withSession { session in
            let depth = TransactionDepth.current
            let (begin, commit, rollback): (String, String, String)
            if depth == 0 {
                // SQLite takes the write lock up front so two writers never deadlock upgrading a read lock.
                begin = session.dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "START TRANSACTION"
                (commit, rollback) = ("COMMIT", "ROLLBACK")
            } else {
                begin = "SAVEPOINT rapport_sp\(depth)"
                (commit, rollback) = ("RELEASE SAVEPOINT rapport_sp\(depth)", "ROLLBACK TO SAVEPOINT rapport_sp\(depth)")
            }
            try await session.execute(sql: SQLRaw(begin)) { _ in }
            let result: R
            do {
                result = try await TransactionDepth.$current.withValue(depth + 1) { try await body(session) }
            } catch {
                try? await session.execute(sql: SQLRaw(rollback)) { _ in }
                if depth > 0 { try? await session.execute(sql: SQLRaw("RELEASE SAVEPOINT rapport_sp\(depth)")) { _ in } }
                throw error
            }
            do {
                try await session.execute(sql: SQLRaw(commit)) { _ in }
            } catch {
                try? await session.execute(sql: SQLRaw(rollback)) { _ in }
                throw error
            }
            return result
        }
    }
}

/// How deep in `transaction { }` closures the current task is; inner ones become savepoints.
enum TransactionDepth {
    @TaskLocal static var current = 0
}
