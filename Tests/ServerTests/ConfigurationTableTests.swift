import Configuration
import Foundation
import Server
import Testing

/// The table of settings is the only list of them: every key is a real flag of the `rapport` program, and its
/// help, the README's table and `.env.example` are made from it — these tests fail when any of them drifts.
@Suite("The table of settings")
struct ConfigurationTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyKeyIsAFlagInBothForms() throws {
        #expect(ServerConfiguration.keys.count >= 50)
        #expect(Set(ServerConfiguration.keys.map(\.environment)).count == ServerConfiguration.keys.count, "no key twice")
        #expect(Set(ServerConfiguration.keys.map(\.flag)).count == ServerConfiguration.keys.count, "no flag twice")
        for key in ServerConfiguration.keys {
            #expect(try ServerConfiguration.overrides(fromArguments: ["--\(key.flag)", "v 1"]) == [key.environment: "v 1"])
            #expect(try ServerConfiguration.overrides(fromArguments: ["--\(key.flag)=a=b"]) == [key.environment: "a=b"])
        }
        let several = try ServerConfiguration.overrides(fromArguments: ["--port", "9000", "--ws-queue-size=10", "--audit-enabled", "false"])
        #expect(several == ["PORT": "9000", "WS_QUEUE_SIZE": "10", "AUDIT_ENABLED": "false"])
    }

    @Test func whatIsNotASettingIsRefusedByName() {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.overrides(fromArguments: ["--ws-queue-sise", "1"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.overrides(fromArguments: ["--port"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.overrides(fromArguments: ["stray"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.overrides(fromArguments: ["-p", "1"]) }
    }

    @Test func theReadmeTableIsTheTable() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "<!-- configuration table:"))
        let begin = try #require(readme.range(of: "-->\n", range: marker.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "<!-- end of configuration table -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == ServerConfiguration.markdownTable(), "run: rapport config table")
    }

    @Test func theEnvironmentExampleIsTheTable() throws {
        let example = try String(contentsOf: Self.root.appendingPathComponent(".env.example"), encoding: .utf8)
        #expect(example == ServerConfiguration.environmentExample(), "run: rapport config env-example > .env.example")
        // Read back as a .env, the example (all commented out) sets nothing.
        for line in example.split(separator: "\n") { #expect(line.hasPrefix("#"), "\(line)") }
    }

    @Test func secretsAreMaskedInTheEffectiveValues() async throws {
        let reader = try await ServerConfiguration.reader(
            overrides: [
                "DATABASE_URL": "mysql://rapport:hunter2@db:3306/rapport", "JWT_SECRET_KEY": String(repeating: "k", count: 40),
                "AI_GEMINI_API_KEY": "sk-secret", "PORT": "9000",
            ],
            environmentFile: "/nonexistent/.env"
        )
        let values = Dictionary(uniqueKeysWithValues: ServerConfiguration.effectiveValues(reader).map { ($0.key.environment, $0.value) })
        #expect(values["DATABASE_URL"] == "mysql://rapport:****@db:3306/rapport")
        #expect(values["JWT_SECRET_KEY"] == "(set)" && values["AI_GEMINI_API_KEY"] == "(set)")
        #expect(values["PORT"] == "9000" && values["WS_QUEUE_SIZE"] == .some(nil))
        #expect(!values.values.contains { $0?.contains("hunter2") == true || $0?.contains("sk-secret") == true })
    }

    /// Runs the `rapport` program with `arguments` in an empty directory and no environment of its own.
    static func rapport(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await FaultInjectionTests.onThread {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let process = Process()
            process.executableURL = ServerProcess.binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ["PATH": "/usr/bin:/bin"]
            let (output, error) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = error
            try process.run()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
    }

    @Test func theProgramTakesEveryFlagItsHelpLists() async throws {
        let help = try await Self.rapport(["--help"])
        #expect(help.status == 0)
        for key in ServerConfiguration.keys { #expect(help.output.contains("--\(key.flag) <value>"), "\(key.flag)") }
        let version = try await Self.rapport(["--version"])
        #expect(version.status == 0 && version.output == RapportServer.version + "\n")
        // Every key at once, each at its default where it has one, then a few changed.
        var arguments = ["config", "check"]
        for key in ServerConfiguration.keys where !key.defaultValue.isEmpty { arguments += ["--\(key.flag)", key.defaultValue] }
        arguments += ["--ws-queue-size", "10", "--port=9001", "--database-url", "sqlite::memory:", "--ai-grok-api-key", "xai-secret"]
        let check = try await Self.rapport(arguments)
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("\nWS_QUEUE_SIZE ") && check.output.contains(" 10\n"))
        let lines = Dictionary(
            check.output.split(separator: "\n").map { line in
                let parts = line.split(separator: " ", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(lines["WS_QUEUE_SIZE"] == "10" && lines["PORT"] == "9001" && lines["AI_GROK_API_KEY"] == "(set)")
        #expect(lines["HOST"] == "127.0.0.1" && lines["MEDIA_DIR"] == "data/media")
        #expect(lines.count == ServerConfiguration.keys.count)
        #expect(!check.output.contains("xai-secret"))
        // A bad value: one line naming it, status 2; an unknown flag: a usage error.
        let bad = try await Self.rapport(["config", "check", "--ws-queue-size", "0"])
        #expect(bad.status == 2 && bad.error == "rapport: WS_QUEUE_SIZE must be a whole number from 1 to 1000000\n")
        let unknown = try await Self.rapport(["config", "check", "--ws-queue-sise", "10"])
        #expect(unknown.status == 64 && unknown.error.contains("unknown option '--ws-queue-sise'"))
        let serveUnknown = try await Self.rapport(["serve", "--nope"])
        #expect(serveUnknown.status == 64)
        // A command's own file is found wherever the settings are written, before it or after it.
        for arguments in [
            ["contacts", "import", "--database-url", "sqlite::memory:", "missing.csv", "--owner", "nobody"],
            ["contacts", "import", "missing.csv", "--owner", "nobody", "--database-url=sqlite::memory:"],
        ] {
            let imported = try await Self.rapport(arguments)
            #expect(imported.status == 2 && imported.error == "rapport: cannot read missing.csv\n", "\(arguments): \(imported.error)")
        }
    }
}
