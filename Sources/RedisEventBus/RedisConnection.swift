import CHiredis
import Foundation

/// One blocking connection to Redis through hiredis. Every call blocks its thread until the reply comes or the
/// socket timeout passes, so it runs on a thread pool, never on the cooperative pool; one caller at a time.
/// After ``RedisError/connection(_:)`` the connection is dead: close it and connect again.
final class RedisConnection: @unchecked Sendable {
    private let context: UnsafeMutablePointer<redisContext>

    private init(context: UnsafeMutablePointer<redisContext>) {
        self.context = context
    }

    deinit { redisFree(self.context) }

    /// Connects, logs in and selects the database; the socket timeout is the configuration's.
    static func connect(_ configuration: RedisConfiguration) throws(RedisError) -> RedisConnection {
        guard let context = redisConnectWithTimeout(configuration.host, Int32(configuration.port), Self.socketTime(configuration.timeout))
        else { throw .connection("cannot allocate a hiredis context") }
        if context.pointee.err != 0 {
            let text = Self.errorText(context)
            redisFree(context)
            throw .connection("\(configuration.host):\(configuration.port): \(text)")
        }
        let connection = RedisConnection(context: context)
        _ = redisEnableKeepAlive(context)
        try connection.setTimeout(configuration.timeout)
        if let password = configuration.password {
            try connection.expectOK(connection.command(configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]))
        }
        if configuration.database != 0 {
            try connection.expectOK(connection.command(["SELECT", String(configuration.database)]))
        }
        return connection
    }

    /// The longest a command may wait for its reply (a blocking `XREAD` needs its own block time plus this).
    func setTimeout(_ seconds: Double) throws(RedisError) {
        guard redisSetTimeout(self.context, Self.socketTime(seconds)) == REDIS_OK else {
            throw .connection("cannot set the socket timeout: \(Self.errorText(self.context))")
        }
    }

    /// Sends one command and waits for its reply. A `-ERR` reply comes back as ``RedisReply/error(_:)``.
    func command(_ arguments: [String]) throws(RedisError) -> RedisReply {
        try self.pipeline([arguments])[0]
    }

    /// Sends every command in one write, then reads the replies in order. On a broken connection the replies
    /// read so far are lost with it: the caller cannot tell which commands ran.
    func pipeline(_ commands: [[String]]) throws(RedisError) -> [RedisReply] {
        for arguments in commands { try self.append(arguments) }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(self.context, &raw) == REDIS_OK, let raw else {
                throw .connection(Self.errorText(self.context))
            }
            let reply = raw.assumingMemoryBound(to: redisReply.self)
            replies.append(Self.copy(reply))
            freeReplyObject(raw)
        }
        return replies
    }

    private func append(_ arguments: [String]) throws(RedisError) {
        let buffers = arguments.map { Array($0.utf8) }
        let pointers = buffers.map { bytes -> UnsafeMutablePointer<CChar> in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { memcpy(pointer, base, bytes.count) }
            }
            return pointer
        }
        defer { for pointer in pointers { pointer.deallocate() } }
        var argv: [UnsafePointer<CChar>?] = pointers.map { UnsafePointer($0) }
        let lengths = buffers.map(\.count)
        let status = argv.withUnsafeMutableBufferPointer { argv in
            lengths.withUnsafeBufferPointer { lengths in
                redisAppendCommandArgv(self.context, Int32(arguments.count), argv.baseAddress, lengths.baseAddress)
            }
        }
        guard status == REDIS_OK else { throw .connection(Self.errorText(self.context)) }
    }

    private func expectOK(_ reply: RedisReply) throws(RedisError) {
        switch reply {
        case .status: return
        case .error(let text): throw .server(text)
        default: throw .unexpectedReply("\(reply)")
        }
    }

    private static func copy(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let value = reply.pointee
        func bytes() -> [UInt8] {
            guard let str = value.str else { return [] }
            return Array(UnsafeRawBufferPointer(start: str, count: Int(value.len)))
        }
        switch value.type {
        case REDIS_REPLY_STRING: return .string(bytes())
        case REDIS_REPLY_STATUS: return .status(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_ERROR: return .error(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_INTEGER: return .integer(Int64(value.integer))
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            elements.reserveCapacity(Int(value.elements))
            for index in 0..<Int(value.elements) {
                if let element = value.element[index] { elements.append(Self.copy(element)) } else { elements.append(.null) }
            }
            return .array(elements)
        default: return .null
        }
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        let text = withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "error \(context.pointee.err)" : text
    }

    private static func socketTime(_ seconds: Double) -> timeval {
        let whole = seconds.rounded(.down)
        return timeval(tv_sec: Int(whole), tv_usec: Int((seconds - whole) * 1_000_000))
    }
}
