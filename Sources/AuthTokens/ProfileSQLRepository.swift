public import Foundation
public import SQLKit
import StorageKit

/// Profiles in the `profiles` table, on any SQLKit database.
public struct ProfileSQLRepository: ProfileRepository {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    public func profile(of user: UserID) async throws -> Profile {
        guard
            let row = try await self.database.select().columns("bio", "location", "phone", "updated_at").from("profiles")
                .where("user_id", .equal, SQLBind(user.rawValue)).first()
        else { return Profile(userID: user) }
        return Profile(
            userID: user,
            bio: try row.decode(column: "bio", as: String?.self),
            location: try row.decode(column: "location", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            updatedAt: try row.decode(column: "updated_at", as: Date?.self)
        )
    }

    public func update(_ user: UserID, _ changes: ProfileChanges, at date: Date) async throws -> Profile {
        try changes.validate()
        guard !changes.isEmpty else { return try await self.profile(of: user) }
        do {
            return try await self.write(user, changes, at: date)
        } catch let error as StorageError where error.kind == .duplicate {
            // Another process created the row between the read and the insert: now it is there to update.
            return try await self.write(user, changes, at: date)
        }
    }

    private func write(_ user: UserID, _ changes: ProfileChanges, at date: Date) async throws -> Profile {
        try await self.database.transaction { tx in
            let repository = ProfileSQLRepository(database: tx)
            var profile = try await repository.profile(of: user)
            let exists = profile.updatedAt != nil
            changes.apply(to: &profile, at: date)
            if exists {
                try await tx.update("profiles")
                    .set("bio", to: SQLBind(profile.bio)).set("location", to: SQLBind(profile.location))
                    .set("phone", to: SQLBind(profile.phone)).set("updated_at", to: SQLBind(date))
                    .where("user_id", .equal, SQLBind(user.rawValue)).run()
            } else {
                try await tx.insert(into: "profiles").columns("user_id", "bio", "location", "phone", "updated_at")
                    .values(SQLBind(user.rawValue), SQLBind(profile.bio), SQLBind(profile.location), SQLBind(profile.phone), SQLBind(date))
                    .run()
            }
            return profile
        }
    }

    public func remove(of user: UserID) async throws -> Bool {
        let existed =
            try await self.database.select().column("user_id").from("profiles")
            .where("user_id", .equal, SQLBind(user.rawValue)).first() != nil
        try await self.database.delete(from: "profiles").where("user_id", .equal, SQLBind(user.rawValue)).run()
        return existed
    }
}
