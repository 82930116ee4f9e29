public import ChatCore

/// What the ``EventBusConformance`` checks run on: buses of several server processes sharing one backend.
public struct EventBusFixture: Sendable {
    /// The bus of another server process on the shared backend, publishing as `origin`.
    public let process: @Sendable (_ origin: UInt64) async throws -> any EventBus
    /// True for a bus of one process only (``LocalEventBus``): every "process" is the same bus, and a publisher
    /// hears its own events.
    public let singleProcess: Bool

    public init(singleProcess: Bool = false, process: @escaping @Sendable (_ origin: UInt64) async throws -> any EventBus) {
        self.singleProcess = singleProcess
        self.process = process
    }
}
