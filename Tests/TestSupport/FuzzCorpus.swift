import Foundation

/// The inputs the fuzzers keep in `Fuzz/Corpus/<target>` (with every crash reproducer), for the suites that
/// replay them on each test run.
public enum FuzzCorpus {
    /// The files of `Fuzz/Corpus/<target>`, by name.
    public static func files(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}
