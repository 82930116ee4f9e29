import AuthTokens
import CRMAudit
import ChatCore
import Foundation
import Logging
import ServiceLifecycle
import StorageKit

extension RapportServer {
    /// The work beside the server, in the order it starts. ServiceLifecycle shuts services down in reverse, after
    /// the server has drained: presence is cleared and sockets closed first, the audit queue is committed, and the
    /// database closes last.
    static func backgroundServices(_ services: Services, configuration: ServerConfiguration, logger: Logger) -> [any Service] {
        var list: [any Service] = [
            CleanupService(name: "database") { await services.database.shutdown() },
            CleanupService(name: "password hashing") { await services.auth.hasher.shutdown() },
        ]
        if let audit = services.audit {
            list.append(AuditWriterService(recorder: audit))
            if configuration.auditRetentionDays > 0 {
                list.append(AuditRetentionService(store: audit.store, days: configuration.auditRetentionDays, logger: logger))
            }
        }
        let desk = services.desk(configuration, logger: logger)
        list.append(SupportSweepService(desk: desk, interval: .seconds(configuration.supportSweepSeconds), logger: logger))
        list.append(
            UploadSweepService(
                uploads: services.uploads,
                mediaDirectory: configuration.mediaDirectory,
                interval: .seconds(600),
                partialExpiry: TimeInterval(configuration.uploadExpiryHours) * 3600,
                logger: logger
            )
        )
        // A bus between processes delivers what the others publish; in one process there is nothing to receive.
        if !(services.realtime.bus is LocalEventBus) { list.append(EventBusService(realtime: services.realtime, logger: logger)) }
        list.append(PresenceService(realtime: services.realtime, chat: services.chat, users: services.auth.users, desk: desk, logger: logger))
        if configuration.metricsPort > 0 { list.append(MetricsController.application(configuration: configuration, logger: logger)) }
        return list
    }
}
