import Foundation

/// One cell of an RFC 4180 CSV file, written so that opening the file in a spreadsheet runs nothing: a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (a formula, OWASP's CSV injection) gets a leading
/// `'`. The audit export and the contacts export write their cells through it.
public enum CSVCell {
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a spreadsheet would run `cell` as a formula.
    public static func startsFormula(_ cell: String) -> Bool {
        cell.unicodeScalars.first.map(Self.formulaStarts.contains) ?? false
    }

    /// `cell`, with a leading `'` when it would start a formula.
    public static func neutralized(_ cell: String) -> String {
        Self.startsFormula(cell) ? "'" + cell : cell
    }

    /// A cell as ``neutralized(_:)`` read it back: the `'` in front of a formula character taken off.
    public static func unneutralized(_ cell: String) -> String {
        guard cell.hasPrefix("'"), Self.startsFormula(String(cell.dropFirst())) else { return cell }
        return String(cell.dropFirst())
    }

    /// `cell` as an RFC 4180 field: quoted, its quotes doubled, when it holds a comma, a quote or a line break.
    public static func field(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
