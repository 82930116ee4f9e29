import AuthTokens
import Foundation
import HTTPTypes
import Hummingbird
import StorageKit

/// Seed 003's helper routes (contracts/seed003 §3 and §9) and the login log read back.
extension AuthController {
    func addPlatformRoutes(to group: some RouterMethods<Context>) {
        group.get("captcha", use: self.captcha)
        group.get("email-code-status", use: self.emailCodeStatus)
        group.post("send-email-code", use: self.sendEmailCode)
        group.get("login-logs", use: self.loginLogs)
    }

    /// `{"captcha": "data:image/png;base64,…"}`: a real PNG of four random characters. Logins do not check it
    /// (failed-login throttling replaces it), so nothing is kept and nothing is throttled.
    @Sendable func captcha(_ request: Request, context: Context) async throws -> JSONResponse {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let code = String((0..<4).map { _ in alphabet.randomElement()! })
        return JSONResponse(.ok, ["captcha": .string(PNGImage.captcha(code).dataURL)])
    }

    /// `{"remaining": 0}`: no code is ever pending, since registering needs none.
    @Sendable func emailCodeStatus(_ request: Request, context: Context) async throws -> JSONResponse {
        JSONResponse(.ok, ["remaining": 0])
    }

    /// `{"email"}`: checked as the seed did (empty → 400 `邮箱不能为空`), then answered as sent, without mail.
    @Sendable func sendEmailCode(_ request: Request, context: Context) async throws -> JSONResponse {
        guard let body = try await RequestBody.lenient(EmailBody.self, request, context: context) else {
            return JSONResponse(.unsupportedMediaType, ["message": "请求必须是JSON格式"])
        }
        let email = (body.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !email.isEmpty else { return JSONResponse(.badRequest, ["message": "邮箱不能为空"]) }
        guard email.unicodeScalars.count <= 120, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            return JSONResponse(.badRequest, ["message": "邮箱格式不正确"])
        }
        return JSONResponse(.ok, ["message": "验证码已发送", "remaining": 60])
    }

    /// `GET /api/auth/login-logs?page=1&per_page=20`: the caller's own login attempts, newest first (time,
    /// status, IP address, device); an admin may ask for any account's with `?user_id=`. Guests have none.
    @Sendable func loginLogs(_ request: Request, context: Context) async throws -> JSONResponse {
        let identity = try context.identity(.flaskJWTQuery)
        guard !identity.isGuest else { throw Refusal.platform(.forbidden, "访客没有登录记录") }
        let query = request.uri.queryParameters
        var user = identity.userID
        if let asked = query["user_id"].map(String.init), !asked.isEmpty {
            guard let id = Int64(asked), id > 0 else { throw Refusal.platform(.badRequest, "user_id 必须是正整数") }
            if id != identity.userID.rawValue {
                guard identity.role == .admin else { throw Refusal.platform(.forbidden, "只有管理员可以查看其他用户的登录记录") }
                guard try await self.auth.users.user(id: UserID(id)) != nil else { throw Refusal.platform(.notFound, "用户不存在") }
            }
            user = UserID(id)
        }
        func positive(_ name: String, default value: Int, maximum: Int) throws -> Int {
            guard let text = query[Substring(name)].map(String.init) else { return value }
            guard let number = Int(text), number >= 1 else { throw Refusal.platform(.badRequest, "\(name) 必须是正整数") }
            return min(number, maximum)
        }
        let page = try positive("page", default: 1, maximum: 1_000_000)
        let perPage = try positive("per_page", default: 20, maximum: 100)
        let (total, attempts) = try await self.auth.loginLog.attempts(of: user, offset: (page - 1) * perPage, limit: perPage)
        return JSONResponse(
            .ok,
            .ordered([
                (
                    "logs",
                    .array(
                        attempts.map {
                            .ordered([
                                ("login_time", WireDate.seconds($0.time)), ("status", .string($0.succeeded ? "success" : "failed")),
                                ("ip_address", .string($0.ipAddress)), ("device_info", .string($0.userAgent)),
                            ])
                        }
                    )
                ),
                ("user_id", .int(user.rawValue)), ("page", .int(Int64(page))), ("per_page", .int(Int64(perPage))), ("total", .int(Int64(total))),
            ])
        )
    }

    /// `POST /api/auth/send-email-code`.
    struct EmailBody: Decodable {
        var email: String?
    }
}
