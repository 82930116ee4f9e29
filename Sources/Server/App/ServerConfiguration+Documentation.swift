public import Configuration
import Foundation

/// What is made from the table of keys (``ServerConfiguration/keys``): the command line's flags, the help, the
/// README's configuration table, `.env.example`, and `rapport config check`'s report. None of them lists a
/// setting of its own, so they cannot disagree.
extension ServerConfiguration {
    /// The settings among `arguments` (`--flag VALUE` or `--flag=VALUE`, one per key of the table), by environment
    /// name. Throws naming the first argument that is not a setting, or a setting without its value.
    public static func overrides(fromArguments arguments: [String]) throws(ConfigurationError) -> [String: String] {
        let read = try Self.settings(fromArguments: arguments)
        if let stray = read.positionals.first { throw ConfigurationError("unexpected argument '\(stray)'") }
        return read.overrides
    }

    /// Like ``overrides(fromArguments:)``, but an argument that is neither a setting nor a setting's value is kept,
    /// in order, as a positional (`rapport contacts import FILE` reads its file there, wherever the settings are).
    public static func settings(
        fromArguments arguments: [String]
    ) throws(ConfigurationError) -> (
        overrides: [String: String], positionals: [String]
    ) {
        let byFlag = Dictionary(uniqueKeysWithValues: Self.keys.map { ("--" + $0.flag, $0) })
        var overrides: [String: String] = [:]
        var positionals: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let (name, inline) =
                argument.firstIndex(of: "=").map { (String(argument[..<$0]), String(argument[argument.index(after: $0)...])) }
                ?? (argument, nil)
            if !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                index += 1
                continue
            }
            guard name.hasPrefix("--"), let key = byFlag[name] else {
                throw ConfigurationError("unknown option '\(name)' (rapport --help lists them)")
            }
            if let inline {
                overrides[key.environment] = inline
            } else {
                index += 1
                guard index < arguments.endIndex else { throw ConfigurationError("\(name) needs a value") }
                overrides[key.environment] = arguments[index]
            }
            index += 1
        }
        return (overrides, positionals)
    }

    /// The default as the documentation shows it.
    static func shownDefault(_ key: Key) -> String {
        if let shown = key.shownDefault { return shown }
        return key.defaultValue.isEmpty ? "(none)" : key.defaultValue
    }

    /// The settings as `rapport --help` lists them.
    public static func helpText() -> String {
        Self.keys.map { key in
            "  --\(key.flag) <value>  (\(key.environment))\n      \(key.help)\n      default: \(Self.shownDefault(key))"
        }.joined(separator: "\n")
    }

    /// The README's configuration table, in Markdown.
    public static func markdownTable() -> String {
        func code(_ text: String) -> String { "`\(text.replacingOccurrences(of: "|", with: "\\|"))`" }
        var lines = ["| variable | flag | default | meaning |", "|---|---|---|---|"]
        for key in Self.keys {
            let shown = key.shownDefault ?? (key.defaultValue.isEmpty ? "(none)" : code(key.defaultValue))
            lines.append(
                "| \(code(key.environment)) | \(code("--" + key.flag)) | \(shown) | \(key.help.replacingOccurrences(of: "|", with: "\\|")) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `.env.example`: every setting, commented out at its default, with its meaning.
    public static func environmentExample() -> String {
        var text = """
            # Rapport's settings, each at its default: copy this file to .env and uncomment what you change.
            # Flags (rapport --help) win over environment variables, which win over .env.
            # Made from the table of keys in Sources/Server/App/ServerConfiguration+Keys.swift by
            # `rapport config env-example`; a test keeps it in step.

            """
        for key in Self.keys {
            text += "\n# \(key.help)\n"
            if let shown = key.shownDefault { text += "# Default: \(shown).\n" }
            text += "#\(key.environment)=\(key.defaultValue)\n"
        }
        return text
    }

    /// Each setting's value as `reader` gives it (nil: not set, the default applies), secrets masked: an API key
    /// or signing key shows as `(set)`, a database URL without its password.
    public static func effectiveValues(_ reader: ConfigReader) -> [(key: Key, value: String?)] {
        Self.keys.map { key in
            let raw = reader.string(forKey: ConfigKey(key.configKey), isSecret: key.isSecret)?.trimmingCharacters(in: .whitespaces)
            guard let raw, !raw.isEmpty else { return (key, nil) }
            guard key.isSecret else { return (key, raw) }
            return (key, key.environment == "DATABASE_URL" ? Self.maskingPassword(raw) : "(set)")
        }
    }

    /// `scheme://user:secret@host/db` → `scheme://user:****@host/db`; anything else as it is.
    static func maskingPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "****" + String(url[at...])
    }
}
