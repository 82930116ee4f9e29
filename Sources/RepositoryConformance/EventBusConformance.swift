public import ChatCore
import Foundation

/// The conformance suite of ``EventBus``: what one process publishes reaches every subscription of the others,
/// whole, once and in the order it was published; a process does not hear itself; a subscription starts at the
/// moment it is made. Each check needs a fresh backend (an empty table, a new stream key).
public enum EventBusConformance {
    public typealias Check = ConformanceCheck<EventBusFixture>

    public static let checks: [Check] = [
        Check("deliversInPublishOrder", deliversInPublishOrder),
        Check("startsWhenSubscribed", startsWhenSubscribed),
        Check("skipsItsOwnEvents", skipsItsOwnEvents),
        Check("keepsEachPublishersOrder", keepsEachPublishersOrder),
        Check("carriesWholeEvents", carriesWholeEvents),
        Check("feedsEverySubscription", feedsEverySubscription),
    ]

    static let deadline: Duration = .seconds(30)

    static func event(_ text: String, to recipient: Int64 = 1) -> HubEvent {
        HubEvent(recipients: [ParticipantID(recipient)], frames: [.envelope: text])
    }

    /// The next `count` events of `stream` (a ``EventBusDelivery/lost`` fails the check: nothing here loses
    /// events), or a failure after the deadline.
    static func receive(
        _ count: Int,
        from stream: AsyncThrowingStream<EventBusDelivery, any Error>,
        file: String = #fileID,
        line: Int = #line
    ) async throws -> [HubEvent] {
        try await withThrowingTaskGroup(of: [HubEvent]?.self) { group in
            group.addTask {
                var events: [HubEvent] = []
                for try await delivery in stream {
                    guard case .event(let event) = delivery else {
                        throw ConformanceFailure("the bus reported lost events after \(events.count)", file: file, line: line)
                    }
                    events.append(event)
                    if events.count == count { break }
                }
                return events
            }
            group.addTask {
                try await Task.sleep(for: Self.deadline)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let events = first else {
                throw ConformanceFailure("\(count) events did not arrive within \(Self.deadline)", file: file, line: line)
            }
            return events
        }
    }

    /// The frames of `events` (the texts the checks publish).
    static func texts(_ events: [HubEvent]) -> [String] { events.map { $0.frames[.envelope] ?? "?" } }

    static func deliversInPublishOrder(_ fixture: EventBusFixture) async throws {
        let (a, b) = (try await fixture.process(11), try await fixture.process(12))
        let stream = try await b.subscribe()
        let sent = (0..<300).map { "event \($0)" }
        for text in sent { try await a.publish(Self.event(text)) }
        try await expectEqual(Self.texts(Self.receive(sent.count, from: stream)), sent)
    }

    static func startsWhenSubscribed(_ fixture: EventBusFixture) async throws {
        let (a, b) = (try await fixture.process(21), try await fixture.process(22))
        // Another subscription makes sure the bus is running when "before" is published.
        let early = try await b.subscribe()
        try await a.publish(Self.event("before"))
        try await expectEqual(Self.texts(Self.receive(1, from: early)), ["before"])
        let late = try await b.subscribe()
        try await a.publish(Self.event("after"))
        try await expectEqual(Self.texts(Self.receive(1, from: late)), ["after"], "a subscription sees what was published before it")
    }

    static func skipsItsOwnEvents(_ fixture: EventBusFixture) async throws {
        guard !fixture.singleProcess else { return }
        let (a, b) = (try await fixture.process(31), try await fixture.process(32))
        let stream = try await a.subscribe()
        try await a.publish(Self.event("mine"))
        try await b.publish(Self.event("theirs"))
        try await expectEqual(Self.texts(Self.receive(1, from: stream)), ["theirs"], "a process heard its own event")
    }

    static func keepsEachPublishersOrder(_ fixture: EventBusFixture) async throws {
        let (a, b, c) = (try await fixture.process(41), try await fixture.process(42), try await fixture.process(43))
        let stream = try await c.subscribe()
        async let fromA: Void = { for n in 0..<150 { try await a.publish(Self.event("a \(n)")) } }()
        async let fromB: Void = { for n in 0..<150 { try await b.publish(Self.event("b \(n)")) } }()
        _ = try await (fromA, fromB)
        let received = Self.texts(try await Self.receive(300, from: stream))
        try await expectEqual(received.filter { $0.hasPrefix("a ") }, (0..<150).map { "a \($0)" })
        try await expectEqual(received.filter { $0.hasPrefix("b ") }, (0..<150).map { "b \($0)" })
    }

    static func carriesWholeEvents(_ fixture: EventBusFixture) async throws {
        let (a, b) = (try await fixture.process(51), try await fixture.process(52))
        let stream = try await b.subscribe()
        let large = String(repeating: "消息 \u{1F600} \"quoted\" \\ \n", count: 5_000)
        let events = [
            HubEvent(
                recipients: [ParticipantID(1), ParticipantID(-2), ParticipantID(Int64.max)],
                frames: [.envelope: #"{"type":"message","data":{"content":"héllo"}}"#, .flat: large],
                except: HubConnectionID(process: UInt64.max, number: 7),
                exceptUser: ParticipantID(9),
                conversationID: ConversationID(Int64.max - 1),
                seq: 1 << 40,
                changedGroup: ConversationID(3)
            ),
            HubEvent(recipients: [], frames: [:]),
        ]
        for event in events { try await a.publish(event) }
        try await expectEqual(try await Self.receive(2, from: stream), events)
    }

    static func feedsEverySubscription(_ fixture: EventBusFixture) async throws {
        let (a, b) = (try await fixture.process(61), try await fixture.process(62))
        let (first, second) = (try await b.subscribe(), try await b.subscribe())
        let sent = (0..<20).map { "shared \($0)" }
        for text in sent { try await a.publish(Self.event(text)) }
        try await expectEqual(Self.texts(Self.receive(20, from: first)), sent)
        try await expectEqual(Self.texts(Self.receive(20, from: second)), sent)
    }
}
