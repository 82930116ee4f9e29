import ChatCore
import Foundation
import Hummingbird
import Logging
import StorageKit
import Synchronization

/// Seed 003's shared whiteboards (§7.6): rooms joined on demand by connections of this process, each with its
/// drawing so far (bounded), kept in memory as the seed did.
actor Whiteboards {
    struct Room {
        var members: [HubConnectionID: HubOutbox] = [:]
        var strokes: [JSONValue] = []
        var touched = ContinuousClock.now
    }

    private var rooms: [String: Room] = [:]
    let maxStrokes: Int
    let maxRooms: Int

    init(maxStrokes: Int = 20_000, maxRooms: Int = 1_000) {
        self.maxStrokes = maxStrokes
        self.maxRooms = maxRooms
    }

    /// Joins; returns the drawing so far (nil when there is none).
    func join(_ room: String, _ outbox: HubOutbox) -> [JSONValue]? {
        if self.rooms[room] == nil, self.rooms.count >= self.maxRooms {
            // The longest-untouched room without members makes way.
            if let idle = self.rooms.filter({ $0.value.members.isEmpty }).min(by: { $0.value.touched < $1.value.touched })?.key {
                self.rooms[idle] = nil
            }
        }
        self.rooms[room, default: Room()].members[outbox.id] = outbox
        self.rooms[room]?.touched = .now
        return self.rooms[room].flatMap { $0.strokes.isEmpty ? nil : $0.strokes }
    }

    func leave(_ room: String, _ id: HubConnectionID) {
        self.rooms[room]?.members[id] = nil
    }

    func leaveAll(_ id: HubConnectionID) {
        for room in self.rooms.keys where self.rooms[room]?.members[id] != nil { self.rooms[room]?.members[id] = nil }
    }

    func isMember(_ room: String, _ id: HubConnectionID) -> Bool { self.rooms[room]?.members[id] != nil }

    func state(_ room: String) -> [JSONValue]? { self.rooms[room].flatMap { $0.strokes.isEmpty ? nil : $0.strokes } }

    /// Adds a stroke (or, with nil, clears) and sends `frame` to every connection in the room, the sender's included.
    func apply(_ room: String, stroke: JSONValue?, frame: String) {
        guard var current = self.rooms[room] else { return }
        if let stroke {
            current.strokes.append(stroke)
            if current.strokes.count > self.maxStrokes { current.strokes.removeFirst(current.strokes.count - self.maxStrokes) }
        } else {
            current.strokes = []
        }
        current.touched = .now
        self.rooms[room] = current
        for outbox in current.members.values { outbox.push(frame) }
    }
}
