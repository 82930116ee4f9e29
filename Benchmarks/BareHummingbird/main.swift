import Foundation
import Hummingbird

/// The yardstick for `Scripts/bench`: a Hummingbird server with no middleware, answering `GET /api/health` with
/// the same JSON body and headers as Rapport's health route when its database is up. Rapport's health
/// throughput is reported as a ratio of this one's, measured in the same run. Bench only; not a product.
///
/// Usage: BareHummingbird PORT
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8081
let body = ByteBuffer(string: #"{"code":200,"database":"ok","message":"服务正常运行","status":"ok"}"#)
let router = Router()
router.get("api/health") { _, _ -> Response in
    Response(
        status: .ok,
        headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: body)
    )
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
