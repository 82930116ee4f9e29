public import Foundation
public import StorageKit
import Synchronization

/// Whether the audited operation succeeded (seed 002 allows exactly these two).
public enum AuditStatus: String, Sendable, Codable, CaseIterable {
    case success, failed
}

/// One audited operation: who did what to which resource, from where, with what outcome. Any Swift program can
/// record its own with ``AuditRecorder`` or ``AuditLogStore/append(_:)``; the server records one per request.
///
/// ```swift
/// let event = AuditEvent(action: "UPDATE", actorID: "42", resourceType: "contact", resourceID: "7",
///                        oldValues: .object(["phone": .string("+8613800000000")]),
///                        newValues: .object(["phone": .string("+8613900000000")]))
/// await recorder.record(event)
/// ```
public struct AuditEvent: Sendable, Hashable {
    /// The organisation used when none is known (contracts/README §3).
    public static let defaultOrganizationID = "00000000-0000-0000-0000-000000000001"

    public var id: String
    public var organizationID: String
    public var actorID: String?
    public var actorName: String?
    public var action: String
    public var resourceType: String?
    public var resourceID: String?
    public var resourceName: String?
    public var category: String?
    public var ipAddress: String?
    public var userAgent: String?
    public var method: String?
    public var path: String?
    public var params: JSONValue?
    public var oldValues: JSONValue?
    public var newValues: JSONValue?
    public var status: AuditStatus
    public var errorMessage: String?
    public var durationMilliseconds: Int?
    public var createdAt: Date

    public init(
        id: String = AuditEvent.newID(),
        organizationID: String = AuditEvent.defaultOrganizationID,
        action: String,
        actorID: String? = nil,
        actorName: String? = nil,
        resourceType: String? = nil,
        resourceID: String? = nil,
        resourceName: String? = nil,
        category: String? = nil,
        ipAddress: String? = nil,
        userAgent: String? = nil,
        method: String? = nil,
        path: String? = nil,
        params: JSONValue? = nil,
        oldValues: JSONValue? = nil,
        newValues: JSONValue? = nil,
        status: AuditStatus = .success,
        errorMessage: String? = nil,
        durationMilliseconds: Int? = nil,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.organizationID = organizationID
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.resourceName = resourceName
        self.category = category
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.method = method
        self.path = path
        self.params = params
        self.oldValues = oldValues
        self.newValues = newValues
        self.status = status
        self.errorMessage = errorMessage
        self.durationMilliseconds = durationMilliseconds
        self.createdAt = createdAt
    }

    /// Drawn once per process: the key of its id sequence (besides the standard library's own random hashing seed).
    static let idSeed: (UInt64, UInt64) = {
        var random = SystemRandomNumberGenerator()
        return (random.next(), random.next())
    }()
    static let idCounter = Atomic<UInt64>(0)

    /// The `number`th id's random bits: SipHash (the standard library's `Hasher`, seeded at random per process)
    /// of the number under this process's key, so one id tells nothing of the next.
    static func randomBits(_ number: UInt64, _ lane: UInt8) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(Self.idSeed.0)
        hasher.combine(Self.idSeed.1)
        hasher.combine(number)
        hasher.combine(lane)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// A new event id: a UUID (version 7) whose first 48 bits are the time in milliseconds, so ids of events
    /// written together sit together in the id index instead of landing on random pages.
    public static func newID(at date: Date = Date()) -> String {
        // 74 random bits after the time, from a keyed hash of a counter: no system call per id (drawing them from the
        // system's generator cost one or more each, on every request).
        let number = Self.idCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let mixed = Self.randomBits(number, 0)
        let more = Self.randomBits(number, 1)
        var bytes: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            let millis = UInt64(max(date.timeIntervalSince1970, 0) * 1000)
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - UInt64(index)))) }
            raw[6] = 0x70 | UInt8(truncatingIfNeeded: more & 0x0f)
            raw[7] = UInt8(truncatingIfNeeded: mixed >> 56)
            raw[8] = 0x80 | UInt8(truncatingIfNeeded: (more >> 4) & 0x3f)
            for index in 9..<16 { raw[index] = UInt8(truncatingIfNeeded: mixed >> (8 * UInt64(15 - index))) }
        }
        return withUnsafeBytes(of: bytes) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    out[position] = JSONText.hexDigits[Int(raw[index] >> 4)]
                    out[position + 1] = JSONText.hexDigits[Int(raw[index] & 0x0f)]
                    position += 2
                }
                return position
            }
        }
    }

    /// The event as it will read back from storage: text cut to its column's length, the time to whole
    /// microseconds. The chain hash is computed over this form, so a stored row verifies after a round trip.
    public func normalized() -> AuditEvent {
        var event = self
        func cut(_ value: String?, _ length: Int) -> String? { value.map { String($0.prefix(length)) } }
        event.id = String(event.id.prefix(36))
        event.organizationID = String(event.organizationID.prefix(36))
        event.actorID = cut(event.actorID, 64)
        event.actorName = cut(event.actorName, 255)
        event.action = String(event.action.prefix(50))
        event.resourceType = cut(event.resourceType, 50)
        event.resourceID = cut(event.resourceID, 64)
        event.resourceName = cut(event.resourceName, 255)
        event.category = cut(event.category, 50)
        event.ipAddress = cut(event.ipAddress, 64)
        event.userAgent = cut(event.userAgent, 500)
        event.method = cut(event.method, 10)
        event.path = cut(event.path, 500)
        event.errorMessage = cut(event.errorMessage, 2000)
        event.createdAt = DateParts(event.createdAt).date
        return event
    }
}

/// A stored event: its place in the chain and the hashes that seal it.
public struct AuditRecord: Sendable, Hashable {
    /// Position in the chain, 1, 2, 3 … across every process writing to the store.
    public var seq: Int64
    public var event: AuditEvent
    /// The previous record's ``chainHash`` (the genesis value for the first record).
    public var previousHash: String
    /// HMAC-SHA256 over ``previousHash`` and the event's canonical content, lowercase hex.
    public var chainHash: String

    public init(seq: Int64, event: AuditEvent, previousHash: String, chainHash: String) {
        self.seq = seq
        self.event = event
        self.previousHash = previousHash
        self.chainHash = chainHash
    }
}

/// Filters of the audit-log queries (contracts/seed002 §4). `nil` means no filter; times are inclusive.
public struct AuditQuery: Sendable, Hashable {
    public var organizationID: String?
    public var actorID: String?
    public var action: String?
    public var resourceType: String?
    public var resourceID: String?
    public var category: String?
    public var status: AuditStatus?
    public var start: Date?
    public var end: Date?

    public init(
        organizationID: String? = nil,
        actorID: String? = nil,
        action: String? = nil,
        resourceType: String? = nil,
        resourceID: String? = nil,
        category: String? = nil,
        status: AuditStatus? = nil,
        start: Date? = nil,
        end: Date? = nil
    ) {
        self.organizationID = organizationID
        self.actorID = actorID
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.category = category
        self.status = status
        self.start = start
        self.end = end
    }

    func matches(_ event: AuditEvent) -> Bool {
        if let organizationID, event.organizationID != organizationID { return false }
        if let actorID, event.actorID != actorID { return false }
        if let action, event.action != action { return false }
        if let resourceType, event.resourceType != resourceType { return false }
        if let resourceID, event.resourceID != resourceID { return false }
        if let category, event.category != category { return false }
        if let status, event.status != status { return false }
        if let start, event.createdAt < start { return false }
        if let end, event.createdAt > end { return false }
        return true
    }
}

/// The columns a listing may be ordered by (the `audit_logs` columns of contracts/seed002 §3).
public enum AuditOrderColumn: String, Sendable, CaseIterable {
    case id, organization_id, user_id, user_name, action, resource_type, resource_id, resource_name, category
    case ip_address, user_agent, request_method, request_path, status, duration_ms, created_at

    func value(of event: AuditEvent) -> String {
        switch self {
        case .id: event.id
        case .organization_id: event.organizationID
        case .user_id: event.actorID ?? ""
        case .user_name: event.actorName ?? ""
        case .action: event.action
        case .resource_type: event.resourceType ?? ""
        case .resource_id: event.resourceID ?? ""
        case .resource_name: event.resourceName ?? ""
        case .category: event.category ?? ""
        case .ip_address: event.ipAddress ?? ""
        case .user_agent: event.userAgent ?? ""
        case .request_method: event.method ?? ""
        case .request_path: event.path ?? ""
        case .status: event.status.rawValue
        case .duration_ms: String(event.durationMilliseconds ?? -1).leftPadded(to: 12)
        case .created_at: String(format: "%020.6f", event.createdAt.timeIntervalSince1970)
        }
    }
}

/// A listing's order: a column, then the chain position in the same direction so equal values keep a stable order.
public struct AuditOrder: Sendable, Hashable {
    public var column: AuditOrderColumn
    public var descending: Bool

    public init(_ column: AuditOrderColumn = .created_at, descending: Bool = true) {
        self.column = column
        self.descending = descending
    }

    public static let newestFirst = AuditOrder()
}

extension String {
    func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}
