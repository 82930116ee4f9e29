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
    public func transaction<R: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await self.withSession { session in
            // SQLite takes the write lock up front so two writers never deadlock upgrading a read lock.
            let begin = session.dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "START TRANSACTION"
            try await session.execute(sql: SQLRaw(begin)) { _ in }
            let result: R
            do {
                result = try await body(session)
            } catch {
                try? await session.execute(sql: SQLRaw("ROLLBACK")) { _ in }
                throw error
            }
            do {
                try await session.execute(sql: SQLRaw("COMMIT")) { _ in }
            } catch {
                try? await session.execute(sql: SQLRaw("ROLLBACK")) { _ in }
                throw error
            }
            return result
        }
    }
}
