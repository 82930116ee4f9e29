public import AuthTokens
public import Hummingbird

/// The profile routes (contracts/seed003 §5): `/api/profile/profile` (own, public and editing) and
/// `/api/profile/avatar`. Avatars are stored in `mediaDirectory/avatars`; mount ``FilesRoutes`` on the same
/// directory to serve them at `/api/file/avatar/<name>`.
///
/// Mountable by any Hummingbird program whose context is a ``RapportRequestContext`` with ``AuthMiddleware`` in
/// front; the routes are added under `group` at `api/profile`. The program's body limit must let
/// `maxAvatarSize` plus the multipart framing through on `api/profile/avatar`.
public struct ProfileRoutes<Context: RapportRequestContext>: RapportRoutes {
    let controller: ProfileController<Context>

    /// - Parameters:
    ///   - users: the accounts (`AuthService.users`); an avatar upload sets the account's avatar.
    ///   - profiles: biography, location and phone of each account.
    ///   - mediaDirectory: where avatars are stored (`MEDIA_DIR`).
    ///   - maxAvatarSize: the largest avatar in bytes (`MAX_AVATAR_SIZE`); a larger one is refused as it arrives.
    ///   - baseURL: the absolute prefix of avatar URLs (`BASE_URL`); empty leaves them relative.
    public init(
        users: any UserRepository,
        profiles: any ProfileRepository,
        mediaDirectory: String,
        maxAvatarSize: Int = 5 << 20,
        baseURL: String = ""
    ) {
        self.controller = ProfileController(
            users: users,
            profiles: profiles,
            avatars: AvatarStore(mediaDirectory: mediaDirectory),
            maxAvatarSize: maxAvatarSize,
            render: UserRenderer(baseURL: baseURL)
        )
    }

    /// Adds the routes under `group` at `api/profile`.
    public func addRoutes(to group: some RouterMethods<Context>) {
        self.controller.addRoutes(to: group.group("api/profile"))
    }
}
