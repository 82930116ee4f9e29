/// Facts about a statement's text that drivers use to route it.
public enum SQLStatement {
    /// Whether `sql` is a plain `SELECT` (or `VALUES`), which cannot write: drivers send it to a reader
    /// connection and may retry it after a lost connection.
    public static func isSelect(_ sql: String) -> Bool {
        let head = sql.utf8.drop { $0 == 32 || $0 == 10 || $0 == 9 || $0 == 13 || $0 == 40 }.prefix(6)
        let word = String(decoding: head, as: UTF8.self).uppercased()
        return word == "SELECT" || word.hasPrefix("VALUES")
    }
}
