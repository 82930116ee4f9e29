import AuthTokens
public import CRMAudit
import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StorageKit
import Synchronization

/// Records one audit event per request (contracts/seed002 §5, contracts/README §3), after the response is
/// produced: failures, 404s and rejected input included. Requests only wait for the recorder when its queue is
/// full. Must run inside ``AuthMiddleware`` (to know the user) and outside ``ErrorMiddleware`` (to see the final
/// status).
public struct AuditMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let recorder: AuditRecorder
    let redactor: AuditRedactor
    let excluded: [String]
    /// Each excluded path without and with its final `/`, made once: this is checked on every request.
    let exclusions: [(bare: String, directory: String?)]

    /// Request bodies up to this size are recorded; larger or streamed ones are described, not read.
    static let recordedBodyLimit = 64 * 1024
    /// Responses up to this size are read for the error message or the resource name.
    static let inspectedResponseLimit = 64 * 1024

    public init(recorder: AuditRecorder, redactor: AuditRedactor = AuditRedactor(), excludedPaths: [String]) {
        self.recorder = recorder
        self.redactor = redactor
        self.excluded = excludedPaths
        self.exclusions = excludedPaths.map { entry in
            if entry == "/" { return ("/", nil) }
            return entry.hasSuffix("/") ? (String(entry.dropLast()), entry) : (entry, entry + "/")
        }
    }

    func isExcluded(_ request: Request) -> Bool {
        if request.method == .options { return true }
        let path = request.uri.path
        return self.exclusions.contains { entry in
            // `/` alone; `/x/` the directory and everything under it; `/x` itself and everything under `/x/`.
            guard let directory = entry.directory else { return path == entry.bare }
            return path == entry.bare || path.hasPrefix(directory)
        }
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !self.isExcluded(request) else { return try await next(request, context) }
        let started = ContinuousClock.now
        var request = request
        let params = await self.params(of: &request, context: context)
        var response: Response
        var event = self.event(for: request, context: context, params: params)
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware answers everything; this only runs when it is not installed.
            event.status = .failed
            event.errorMessage = String(describing: error)
            event.durationMilliseconds = Self.milliseconds(since: started)
            try? await self.recorder.record(event)
            throw error
        }
        event.durationMilliseconds = Self.milliseconds(since: started)
        await self.describe(&response, into: &event)
        do {
            // A success is answered once its audit row is stored, so a crash right after cannot lose it; a
            // refusal's row is queued (it acknowledges nothing, and it must not wait on a failing store).
            if response.status.code < 400 {
                if try await !self.recorder.commit(event) {
                    context.logger.warning(
                        "audit store failing; request answered with its event still queued",
                        metadata: ["path": "\(event.path ?? "")"]
                    )
                }
            } else {
                try await self.recorder.record(event)
            }
        } catch {
            // Only after shutdown began; the request itself has been answered.
            context.logger.error("audit event not recorded", metadata: ["error": "\(error)", "path": "\(event.path ?? "")"])
        }
        return response
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    func event(for request: Request, context: Context, params: JSONValue?) -> AuditEvent {
        let path = request.uri.path
        let derived = AuditRoute(method: request.method, path: path, template: context.endpointPath, parameters: context.parameters)
        var event = AuditEvent(
            organizationID: request.headers[.organizationID] ?? request.headers[.organizationIDShort] ?? AuditEvent.defaultOrganizationID,
            action: derived.action,
            resourceType: derived.resourceType,
            resourceID: derived.resourceID,
            category: AuditRoute.category(of: path),
            ipAddress: context.clientAddress,
            userAgent: request.headers[.userAgent],
            method: request.method.rawValue,
            path: path,
            params: params
        )
        if case .success(let identity) = context.authentication {
            event.actorID = identity.externalID ?? identity.userID.description
            event.actorName = identity.username.isEmpty ? nil : identity.username
        }
        return event
    }

    /// Query parameters for GET (and other body-less requests), the body for POST, PUT and PATCH: JSON and forms
    /// with their secrets masked, other text as `raw_body` (first 500 characters), large, binary or streamed
    /// bodies described by type and size without being read.
    func params(of request: inout Request, context: Context) async -> JSONValue? {
        switch request.method {
        case .post, .put, .patch: break
        default:
            let query = request.uri.queryParameters
            guard !query.isEmpty else { return nil }
            return self.redactor.redact(fields: query.map { (String($0.key), String($0.value)) })
        }
        let type = request.headers[.contentType] ?? ""
        let length = request.headers[.contentLength].flatMap(Int.init)
        if length == 0 { return nil }
        let form = ASCIIText.contains(type, "x-www-form-urlencoded")
        let textual = type.isEmpty || ASCIIText.contains(type, "json") || ASCIIText.hasPrefix(type, "text/") || form
        guard textual, let length, length <= min(Self.recordedBodyLimit, context.maxUploadSize) else {
            return ["body_omitted": .string("\(type.isEmpty ? "unknown type" : type.lowercased()), \(length.map { "\($0) bytes" } ?? "streamed")")]
        }
        guard let buffer = try? await request.collectBody(upTo: length) else { return nil }
        let bytes = buffer.readableBytesView
        if form {
            let form = String(decoding: bytes, as: UTF8.self)
            return self.redactor.redact(
                fields: form.split(separator: "&").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map {
                        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                    }
                    return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
                }
            )
        }
        if let json = try? JSONValue(parsing: bytes) { return self.redactor.redact(json) }
        return self.redactor.redact(["raw_body": .string(String(String(decoding: bytes, as: UTF8.self).prefix(500)))])
    }

    /// Status, error message and resource name from the response. Small buffered JSON bodies are read (and put
    /// back); streamed ones are not.
    func describe(_ response: inout Response, into event: inout AuditEvent) async {
        let failed = response.status.code >= 400
        event.status = failed ? .failed : .success
        var body: ByteBuffer?
        if failed || response.status == .ok, let length = response.body.contentLength, length > 0, length <= Self.inspectedResponseLimit,
            let type = response.headers[.contentType], ASCIIText.contains(type, "json")
        {
            let collector = BodyCollector()
            if (try? await response.body.write(CollectingWriter(collector: collector))) != nil {
                body = collector.buffer
                response.body = ResponseBody(byteBuffer: collector.buffer)
            }
        }
        let bytes = body.map { Array($0.readableBytesView) } ?? []
        if failed {
            event.errorMessage = Self.firstStrings(named: Self.errorKeys, in: bytes).lazy.compactMap { $0 }.first ?? "HTTP \(response.status.code)"
        } else if response.status == .ok {
            event.resourceName = Self.firstStrings(named: Self.nameKeys, in: bytes).lazy.compactMap { $0 }.first { !$0.isEmpty }
        }
    }

    /// Members holding an error's words, and a resource's name, in order of preference, as `"key":"` needles.
    static let errorKeys = ["message", "detail", "msg"].map { Array("\"\($0)\":\"".utf8) }
    static let nameKeys = ["name", "title", "display_name", "username", "email"].map { Array("\"\($0)\":\"".utf8) }

    /// For each needle (`"key":"`), the first string value of that member anywhere in compact JSON (the form every
    /// response of the server is written in), found in one pass without parsing the body: this runs on every request.
    static func firstStrings(named needles: [[UInt8]], in bytes: [UInt8]) -> [String?] {
        var found = [String?](repeating: nil, count: needles.count)
        var seen = [Bool](repeating: false, count: needles.count)
        var remaining = needles.count
        // The byte after each needle's opening quote: most quotes in a body open a key or value no needle names.
        var second = [Bool](repeating: false, count: 256)
        for needle in needles where needle.count > 1 { second[Int(needle[1])] = true }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            while index < buffer.count, remaining > 0 {
                // The next quote, found by memchr rather than byte by byte.
                guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), buffer.count - index) else { break }
                index = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
                if index + 1 < buffer.count, second[Int(buffer[index + 1])] {
                    for (slot, needle) in needles.enumerated() where !seen[slot] && buffer[index...].starts(with: needle) {
                        found[slot] = Self.string(startingAt: index + needle.count, in: bytes)
                        seen[slot] = true
                        remaining -= 1
                    }
                }
                index += 1
            }
        }
        return found
    }

    /// The JSON string whose content starts at `start` (just after its opening quote), unescaped; nil when it
    /// does not end.
    static func string(startingAt start: Int, in bytes: [UInt8]) -> String? {
        var end = start
        var escaped = false
        while end < bytes.count {
            if bytes[end] == UInt8(ascii: "\\") {
                escaped = true
                end += 2
                continue
            }
            if bytes[end] == UInt8(ascii: "\"") { break }
            end += 1
        }
        guard end < bytes.count else { return nil }
        if !escaped { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(bytes[(start - 1)...end]))
    }
}

extension HTTPField.Name {
    static let organizationID = Self("X-Organization-Id")!
    static let organizationIDShort = Self("Organization-Id")!
}
