// swift-tools-version:6.2
import PackageDescription

/// One settings list for every target, as Hummingbird does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "rapport",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StorageKit", targets: ["StorageKit"]),
        .library(name: "StorageSQLite", targets: ["StorageSQLite"]),
        .library(name: "StorageMySQL", targets: ["StorageMySQL"]),
        .library(name: "Attachments", targets: ["Attachments"]),
        .library(name: "AuthTokens", targets: ["AuthTokens"]),
        .library(name: "ChatCore", targets: ["ChatCore"]),
        .library(name: "ContactsKit", targets: ["ContactsKit"]),
        .library(name: "CRMAudit", targets: ["CRMAudit"]),
        .library(name: "ReplySuggestions", targets: ["ReplySuggestions"]),
        .library(name: "RedisEventBus", targets: ["RedisEventBus"]),
        .library(name: "RepositoryConformance", targets: ["RepositoryConformance"]),
        .library(name: "Server", targets: ["Server"]),
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CHiredis",
            pkgConfig: "hiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),
        .target(
            name: "StorageKit",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StorageSQLite",
            dependencies: [
                "StorageKit",
                .product(name: "DequeModule", package: "swift-collections"),
                "CSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StorageMySQL",
            dependencies: [
                "CMariaDB",
                "StorageKit",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Attachments",
            dependencies: [
                "StorageKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AuthTokens",
            dependencies: [
                "StorageKit",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChatCore",
            dependencies: [
                "StorageKit",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ContactsKit",
            dependencies: [
                "StorageKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CRMAudit",
            dependencies: [
                "StorageKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reply suggestions from OpenAI-compatible chat-completion providers: prompts, the streamed client, and the
        // replay buffers that let a dropped client resume. No HTTP serving.
        .target(
            name: "ReplySuggestions",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "StorageKit",
            ],
            swiftSettings: swiftSettings
        ),
        // The repository conformance suites, for any implementation of the domains' repository protocols to run
        // (as sql-kit ships SQLKitBenchmark). No drivers: the caller hands it the repositories.
        .target(
            name: "RedisEventBus",
            dependencies: [
                "CHiredis",
                "ChatCore",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RepositoryConformance",
            dependencies: [
                "Attachments",
                "AuthTokens",
                "ChatCore",
                "ContactsKit",
                "CRMAudit",
                "StorageKit",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "Attachments",
                "AuthTokens",
                .product(name: "DequeModule", package: "swift-collections"),
                "ChatCore",
                "ContactsKit",
                "CRMAudit",
                "RedisEventBus",
                "ReplySuggestions",
                "StorageKit",
                "StorageMySQL",
                "StorageSQLite",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "AuthTokens",
                "ChatCore",
                "CRMAudit",
                "ContactsKit",
                "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Bench only: the bare Hummingbird server `Scripts/bench` measures Rapport's health route against.
        .executableTarget(
            name: "BareHummingbird",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/BareHummingbird",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "EmbeddedNotes",
            dependencies: [
                "Server",
                "StorageKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Examples/EmbeddedNotes",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ContactsServer",
            dependencies: [
                "AuthTokens",
                "ContactsKit",
                "Server",
                "StorageKit",
                "StorageSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/ContactsServer",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "AddressBook",
            dependencies: [
                "ContactsKit",
                "StorageKit",
                "StorageSQLite",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/AddressBook",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageKitTests",
            dependencies: [
                "StorageKit",
                "TestSupport",
                "StorageMySQL",
                "StorageSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLKitBenchmark", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "StorageKit",
                "StorageMySQL",
                "StorageSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthTokensTests",
            dependencies: [
                "AuthTokens",
                "RepositoryConformance",
                "TestSupport",
                .product(name: "JWTKit", package: "jwt-kit"),
                "StorageKit",
                "StorageMySQL",
                "StorageSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AttachmentsTests",
            dependencies: [
                "Attachments",
                "RepositoryConformance",
                "TestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedisEventBusTests",
            dependencies: [
                "ChatCore",
                "RedisEventBus",
                "RepositoryConformance",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatCoreTests",
            dependencies: [
                "ChatCore",
                "RepositoryConformance",
                "TestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CRMAuditTests",
            dependencies: [
                "CRMAudit",
                "RepositoryConformance",
                "TestSupport",
                "StorageKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ContactsKitTests",
            dependencies: [
                "ContactsKit",
                "RepositoryConformance",
                "TestSupport",
                "StorageKit",
                "StorageMySQL",
                "StorageSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReplySuggestionsTests",
            dependencies: [
                "ReplySuggestions",
                "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Attachments",
                "AuthTokens",
                "ChatCore",
                "CRMAudit",
                "RedisEventBus",
                "ReplySuggestions",
                "TestSupport",
                "Server",
                "StorageKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// Fuzz targets for libFuzzer (Scripts/fuzz builds them with RAPPORT_FUZZ=1, -sanitize=fuzzer,address and
// -parse-as-library, in .build-fuzz); a normal build does not see them. Their corpora are in Fuzz/Corpus, and the
// test suite replays every file there (ContactsKitTests, ServerTests).
if Context.environment["RAPPORT_FUZZ"] == "1" {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzContactImport", ["ContactsKit"]),
        ("FuzzPhoneNumber", ["ContactsKit"]),
        ("FuzzJSON", ["StorageKit"]),
        (
            "FuzzRequestHead",
            ["Server", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird")]
        ),
        ("FuzzClientFrame", ["Server", "ChatCore"]),
        ("FuzzMultipart", ["Server", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio")]),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver", swiftSettings: swiftSettings))
    for (name, dependencies) in fuzzTargets {
        package.targets.append(
            .executableTarget(name: name, dependencies: dependencies + ["FuzzDriver"], path: "Fuzz/\(name)", swiftSettings: swiftSettings)
        )
        package.products.append(.executable(name: name, targets: [name]))
    }
}
