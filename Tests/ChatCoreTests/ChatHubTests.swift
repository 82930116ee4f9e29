import ChatCore
import Foundation
import Synchronization
import Testing

@Suite("Chat hub")
struct ChatHubTests {
    static func drain(_ outbox: HubOutbox, count: Int) async -> [String] {
        var received: [String] = []
        for await frame in outbox.frames {
            received.append(frame)
            if received.count == count { break }
        }
        return received
    }

    @Test func deliversToEveryConnectionOfEveryRecipientInOrder() async throws {
        let hub = ChatHub(queueCapacity: 16, presenceGrace: .milliseconds(50))
        let phone = await hub.connect(user: ParticipantID(1), dialect: .flat)
        let laptop = await hub.connect(user: ParticipantID(1), dialect: .envelope)
        let other = await hub.connect(user: ParticipantID(2), dialect: .flat, aliases: [ParticipantID(-1)])
        let event = HubEvent(recipients: [ParticipantID(1), ParticipantID(1)], frames: [.flat: "f1", .envelope: "e1"])
        #expect(await hub.deliver(event) == 2, "each connection once, even when a recipient is named twice")
        #expect(await hub.deliver(HubEvent(recipients: [ParticipantID(1)], frames: [.flat: "f2", .envelope: "e2"], except: phone.id)) == 1)
        #expect(await hub.deliver(HubEvent(recipients: [ParticipantID(-1)], frames: [.flat: "monitors"])) == 1, "aliases receive")
        #expect(await hub.deliver(HubEvent(recipients: [ParticipantID(1)], frames: [.envelope: "e3"])) == 1, "no flat frame, no flat delivery")
        #expect(await Self.drain(phone, count: 1) == ["f1"])
        #expect(await Self.drain(laptop, count: 3) == ["e1", "e2", "e3"])
        #expect(await Self.drain(other, count: 1) == ["monitors"])
        #expect(await hub.connections(of: ParticipantID(1)) == 2)
        #expect(await hub.connectionCount == 3)
    }

    @Test func aFullQueueMarksTheConnectionForClosing() async throws {
        let hub = ChatHub(queueCapacity: 2)
        let slow = await hub.connect(user: ParticipantID(1), dialect: .flat)
        let fast = await hub.connect(user: ParticipantID(2), dialect: .flat)
        for index in 0..<3 {
            await hub.deliver(HubEvent(recipients: [ParticipantID(1), ParticipantID(2)], frames: [.flat: "m\(index)"]))
            _ = await Self.drain(fast, count: 1)
        }
        #expect(slow.hasOverflowed, "the third frame did not fit")
        #expect(!fast.hasOverflowed, "the reader that keeps up is not affected")
        #expect(await Self.drain(slow, count: 3) == ["m0", "m1"], "what was queued is still there; then the stream ends")
        #expect(await hub.deliver(HubEvent(recipients: [ParticipantID(1)], frames: [.flat: "later"])) == 0)
    }

    @Test func aWriterRunsOnlyWhileThereAreFrames() async throws {
        let hub = ChatHub(queueCapacity: 8)
        let outbox = await hub.connect(user: ParticipantID(1), dialect: .flat)
        let written = Mutex<[String]>([])
        let runs = Mutex(0)
        let exits = Mutex(0)
        let closedAfter = Mutex<[String]?>(nil)
        outbox.push("before")
        outbox.onFrames { outbox in
            runs.withLock { $0 += 1 }
            while true {
                let frames = outbox.take()
                if frames.isEmpty { break }
                try? await Task.sleep(for: .milliseconds(5))
                written.withLock { $0 += frames }
            }
            if outbox.isEnded { closedAfter.withLock { $0 = written.withLock { $0 } } }
            exits.withLock { $0 += 1 }
        }
        func settle() async throws {
            for _ in 0..<4000 where written.withLock({ $0.count }) < 6 || runs.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        for index in 0..<5 {
            #expect(await hub.deliver(HubEvent(recipients: [ParticipantID(1)], frames: [.flat: "f\(index)"])) == 1)
            // After f2, wait for the writer to have written everything and returned.
            if index == 2 {
                for _ in 0..<4000 where exits.withLock({ $0 }) != runs.withLock({ $0 }) || written.withLock({ $0.count }) < 4 {
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
        }
        try await settle()
        #expect(written.withLock { $0 } == ["before", "f0", "f1", "f2", "f3", "f4"], "in order, across runs of the writer")
        #expect(runs.withLock { $0 } >= 2, "the writer ended when the queue was empty and started again with the next frame")
        #expect(closedAfter.withLock { $0 } == nil)
        await hub.disconnect(outbox.id)
        for _ in 0..<4000 where closedAfter.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(5)) }
        #expect(closedAfter.withLock { $0 } == ["before", "f0", "f1", "f2", "f3", "f4"], "after the end, the writer ran once more to close")
        #expect(!outbox.push("late"))
    }

    @Test func messagesReachAConnectionOnceAndInOrder() async throws {
        let hub = ChatHub()
        let c = ConversationID(9)
        let outbox = await hub.connect(user: ParticipantID(1), dialect: .flat)
        func event(_ seq: Int64) -> HubEvent { HubEvent(recipients: [ParticipantID(1)], frames: [.flat: "s\(seq)"], conversationID: c, seq: seq) }
        await hub.deliver(event(1))
        await hub.deliver(event(3))
        await hub.deliver(event(2))
        await hub.deliver(event(2))
        #expect(await Self.drain(outbox, count: 3) == ["s1", "s2", "s3"], "3 waited for 2; the second 2 was a duplicate")

        // Resuming while connecting: live messages wait for the replay.
        let resumed = await hub.connect(user: ParticipantID(2), dialect: .flat, resuming: [c: 5])
        await hub.deliver(HubEvent(recipients: [ParticipantID(2)], frames: [.flat: "s7"], conversationID: c, seq: 7))
        resumed.push("s6", conversation: c, seq: 6, replay: true)
        resumed.push("s7", conversation: c, seq: 7, replay: true)
        resumed.endResume(c)
        await hub.deliver(HubEvent(recipients: [ParticipantID(2)], frames: [.flat: "s8"], conversationID: c, seq: 8))
        #expect(await Self.drain(resumed, count: 3) == ["s6", "s7", "s8"])

        // A gap that never fills is given up on after the wait.
        let gapped = await hub.connect(user: ParticipantID(3), dialect: .flat)
        await hub.deliver(HubEvent(recipients: [ParticipantID(3)], frames: [.flat: "s1"], conversationID: c, seq: 1))
        await hub.deliver(HubEvent(recipients: [ParticipantID(3)], frames: [.flat: "s3"], conversationID: c, seq: 3))
        try await Task.sleep(for: .milliseconds(1100))
        await hub.deliver(HubEvent(recipients: [ParticipantID(3)], frames: [.flat: "s4"], conversationID: c, seq: 4))
        #expect(await Self.drain(gapped, count: 3) == ["s1", "s3", "s4"])
    }

    /// Messages of one conversation published by different server processes can reach this process out of order.
    @Test func messagesFromOtherProcessesArriveInOrder() async throws {
        let hub = ChatHub()
        let c = ConversationID(4)
        let me = ParticipantID(1)
        let outbox = await hub.connect(user: me, dialect: .flat)
        func event(_ seq: Int64) -> HubEvent { HubEvent(recipients: [me], frames: [.flat: "s\(seq)"], conversationID: c, seq: seq) }
        // A conversation this connection has not seen yet: 6 waits a moment for a lower number still on its way.
        await hub.deliver(event(6))
        await hub.deliver(event(5))
        #expect(await Self.drain(outbox, count: 2) == ["s5", "s6"])
        // A gap that never fills goes out when its wait ends, without another message to push it.
        await hub.deliver(event(8))
        let started = ContinuousClock.now
        #expect(await Self.drain(outbox, count: 1) == ["s8"])
        #expect(ContinuousClock.now - started >= .milliseconds(900), "8 waited for 7")
        // Number 1 cannot have a predecessor: it goes at once.
        let fresh = await hub.connect(user: ParticipantID(2), dialect: .flat)
        await hub.deliver(HubEvent(recipients: [ParticipantID(2)], frames: [.flat: "first"], conversationID: ConversationID(5), seq: 1))
        #expect(fresh.take() == ["first"])

        // The bus lost events: the connection is told, and forgets what it had, so its resume replays from where
        // the client says.
        #expect(await hub.resyncAll([.flat: "resync", .envelope: "resync"]) == 2)
        #expect(await Self.drain(outbox, count: 1) == ["resync"])
        #expect(outbox.beginResume(c, after: 6) == nil)
        outbox.push("s7", conversation: c, seq: 7, replay: true)
        outbox.push("s8", conversation: c, seq: 8, replay: true)
        outbox.endResume(c)
        #expect(await Self.drain(outbox, count: 2) == ["s7", "s8"])
    }

    @Test func presenceIsDebouncedAcrossReconnects() async throws {
        let hub = ChatHub(presenceGrace: .milliseconds(300))
        let changes = Mutex<[PresenceChange]>([])
        await hub.observePresence { change in changes.withLock { $0.append(change) } }
        let user = ParticipantID(7)
        let first = await hub.connect(user: user, dialect: .flat)
        let second = await hub.connect(user: user, dialect: .flat)
        await hub.disconnect(first.id)
        #expect(await hub.isOnline(user), "another connection is open")
        #expect(await hub.online(among: [ParticipantID(9), user, user]) == [user])
        await hub.disconnect(second.id)
        #expect(await hub.isOnline(user), "inside the grace period")
        let again = await hub.connect(user: user, dialect: .envelope)
        try await Task.sleep(for: .milliseconds(500))
        #expect(changes.withLock { $0 } == [.online(user)], "a quick reconnect does not flap")
        await hub.disconnect(again.id)
        // The grace period is 300 ms; a machine busy with the other suites (bcrypt, servers, MariaDB on two cores)
        // can starve the task pool for seconds, and the timer and this loop then wake together: wait up to 30 s.
        let deadline = ContinuousClock.now + .seconds(30)
        while changes.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(changes.withLock { $0 } == [.online(user), .offline(user)])
        #expect(await !hub.isOnline(user))
        #expect(await hub.onlineUsers().isEmpty)
    }

    @Test func theLocalBusCarriesEventsToTheHub() async throws {
        let hub = ChatHub()
        let bus = LocalEventBus()
        let outbox = await hub.connect(user: ParticipantID(3), dialect: .flat)
        let runner = Task { try await hub.run(bus) }
        try await Task.sleep(for: .milliseconds(200))
        try await bus.publish(HubEvent(recipients: [ParticipantID(3)], frames: [.flat: "via bus"]))
        let received = await withTaskGroup(of: [String]?.self) { group in
            group.addTask { await Self.drain(outbox, count: 1) }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(received == ["via bus"])
        runner.cancel()
    }
}
