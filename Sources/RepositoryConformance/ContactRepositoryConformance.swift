public import ContactsKit
import Foundation

/// The conformance suite of ``ContactRepository``: ownership, listing and search, versions and revisions, the trash,
/// and concurrent updates that keep every version. Each check needs an empty repository.
public enum ContactRepositoryConformance {
    public typealias Check = ConformanceCheck<any ContactRepository>

    public static let checks: [Check] = [
        Check("createReadListAndOwnership", createReadListAndOwnership),
        Check("updatesVersionsAndRevisions", updatesVersionsAndRevisions),
        Check("concurrentUpdatesKeepEveryVersion", concurrentUpdatesKeepEveryVersion),
        Check("trashRestoreAndPurge", trashRestoreAndPurge),
        Check("removeAllOfOneOwner", removeAllOfOneOwner),
    ]

    static func removeAllOfOneOwner(_ repo: any ContactRepository) async throws {
        let (kept, _) = try await repo.insert(Self.draft("李四", "139-0000-0001", "+8613900000001"), owner: Self.bob, operator: "bob", at: Self.t0)
        let (live, _) = try await repo.insert(Self.draft("张三", "138-0013-8000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
        let (trashed, _) = try await repo.insert(
            Self.draft("王五", "137-0000-0002", "+8613700000002"),
            owner: Self.alice,
            operator: "alice",
            at: Self.t0
        )
        try await expect(repo.trash(trashed.id, owner: Self.alice, at: Self.t0 + 1))
        try await expectEqual(repo.removeAll(owner: Self.alice), 2, "live and trashed contacts go")
        try await expectEqual(repo.contact(live.id, owner: Self.alice), nil)
        try await expectEqual(repo.trashed(owner: Self.alice).count, 0)
        try await expectEqual(repo.versions(of: live.id, owner: Self.alice), nil)
        try await expectEqual(repo.removeAll(owner: Self.alice), 0)
        try await expectEqual(repo.contact(kept.id, owner: Self.bob)?.name, "李四", "another owner's contacts stay")
        try await expectEqual(repo.versions(of: kept.id, owner: Self.bob)?.count, 1)
    }

    static let alice = OwnerID(1), bob = OwnerID(2)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func draft(_ name: String, _ phone: String, _ normalized: String) -> ContactDraft {
        ContactDraft(name: name, phone: phone, normalizedPhone: normalized)
    }

    static func createReadListAndOwnership(_ repo: any ContactRepository) async throws {
        let (first, version) = try await repo.insert(
            Self.draft("张三", "138-0013-8000", "+8613800138000"),
            owner: Self.alice,
            operator: "alice",
            at: Self.t0
        )
        try expectEqual(
            version.changes,
            [FieldChange(field: "name", old: nil, new: "张三"), FieldChange(field: "phone", old: nil, new: "138-0013-8000")]
        )
        try expectEqual(version.operator, "alice")
        try expectEqual(version.updatedAt, Self.t0)
        try expectEqual(first.revision, 1)
        let (second, _) = try await repo.insert(Self.draft("李四", "13900139000", "+8613900139000"), owner: Self.alice, operator: "alice", at: Self.t0)
        let (third, _) = try await repo.insert(
            Self.draft("王五", "13700137000", "+8613700137000"),
            owner: Self.alice,
            operator: "alice",
            at: Self.t0 + 5
        )
        // Same number, another owner: fine. Same owner, another spelling of the number: a duplicate.
        _ = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.bob, operator: "bob", at: Self.t0)
        try await expectThrows(ContactsError.duplicatePhone) {
            try await repo.insert(Self.draft("x", "+86 138 0013 8000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
        }
        try await expectEqual(repo.contact(first.id, owner: Self.alice), first)
        try await expectEqual(repo.contact(first.id, owner: Self.bob), nil)
        try await expectEqual(repo.contact(normalizedPhone: "+8613900139000", owner: Self.alice)?.id, second.id)
        // Newest first, ties by id descending.
        try await expectEqual(repo.contacts(owner: Self.alice, query: .init()).map(\.id), [third.id, second.id, first.id])
        let page = try await repo.contacts(owner: Self.alice, query: .init(limit: 2))
        try expectEqual(page.map(\.id), [third.id, second.id])
        let rest = try await repo.contacts(owner: Self.alice, query: .init(limit: 2, after: (page[1].createdAt, page[1].id)))
        try expectEqual(rest.map(\.id), [first.id])
        try await expectEqual(repo.contacts(owner: Self.alice, query: .init(search: "李")).map(\.id), [second.id])
        try await expectEqual(repo.contacts(owner: Self.alice, query: .init(search: "00138", searchDigits: "00138")).map(\.id), [first.id])
        try await expect(repo.contacts(owner: Self.alice, query: .init(search: "%")).isEmpty)
    }

    static func updatesVersionsAndRevisions(_ repo: any ContactRepository) async throws {
        let (contact, _) = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
        let same = try await repo.update(
            contact.id,
            owner: Self.alice,
            to: Self.draft("张三", "13800138000", "+8613800138000"),
            operator: "alice",
            at: Self.t0 + 10,
            expectedRevision: nil
        )
        try expectEqual(same, .unchanged(contact))
        let renamed = try await repo.update(
            contact.id,
            owner: Self.alice,
            to: Self.draft("张三丰", "13800138000", "+8613800138000"),
            operator: "alice",
            at: Self.t0 + 20,
            expectedRevision: 1
        )
        guard case .updated(let updated, let version) = renamed else { throw ConformanceFailure("expected an update") }
        try expectEqual(updated.revision, 2)
        try expectEqual(updated.updatedAt, Self.t0 + 20)
        try expectEqual(updated.createdAt, Self.t0)
        try expectEqual(version.changes, [FieldChange(field: "name", old: "张三", new: "张三丰")])
        try await expectThrows(ContactsError.stale(current: updated)) {
            try await repo.update(
                contact.id,
                owner: Self.alice,
                to: Self.draft("x", "13800138000", "+8613800138000"),
                operator: "alice",
                at: Self.t0 + 30,
                expectedRevision: 1
            )
        }
        try await expectThrows(ContactsError.notFound) {
            try await repo.update(contact.id, owner: Self.bob, to: Self.draft("x", "1", "+1"), operator: "bob", at: Self.t0, expectedRevision: nil)
        }
        let (other, _) = try await repo.insert(Self.draft("李四", "13900139000", "+8613900139000"), owner: Self.alice, operator: "alice", at: Self.t0)
        try await expectThrows(ContactsError.duplicatePhone) {
            try await repo.update(
                other.id,
                owner: Self.alice,
                to: Self.draft("李四", "13800138000", "+8613800138000"),
                operator: "alice",
                at: Self.t0,
                expectedRevision: nil
            )
        }
        let versions = try await require(repo.versions(of: contact.id, owner: Self.alice))
        try expectEqual(versions.map(\.name), ["张三", "张三丰"])
        try await expectEqual(repo.versions(of: contact.id, owner: Self.bob), nil)
    }

    static func concurrentUpdatesKeepEveryVersion(_ repo: any ContactRepository) async throws {
        let (contact, _) = try await repo.insert(Self.draft("n0", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...12 {
                group.addTask {
                    _ = try await repo.update(
                        contact.id,
                        owner: Self.alice,
                        to: Self.draft("n\(index)", "13800138000", "+8613800138000"),
                        operator: "alice",
                        at: Self.t0 + Double(index),
                        expectedRevision: nil
                    )
                }
            }
            try await group.waitForAll()
        }
        let versions = try await require(repo.versions(of: contact.id, owner: Self.alice))
        try expectEqual(versions.count, 13)
        try expectEqual(Set(versions.map(\.name)).count, 13)
        try await expectEqual(repo.contact(contact.id, owner: Self.alice)?.revision, 13)
    }

    static func trashRestoreAndPurge(_ repo: any ContactRepository) async throws {
        let (contact, _) = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
        try await expect(repo.trash(contact.id, owner: Self.alice, at: Self.t0 + 1))
        try await expect(!repo.trash(contact.id, owner: Self.alice, at: Self.t0 + 2))
        try await expectEqual(repo.contact(contact.id, owner: Self.alice), nil)
        try await expect(repo.contacts(owner: Self.alice, query: .init()).isEmpty)
        try await expectEqual(repo.trashed(owner: Self.alice).map(\.id), [contact.id])
        try await expect(repo.trashed(owner: Self.bob).isEmpty)
        // The number is free again while its contact is in the trash …
        let (replacement, _) = try await repo.insert(
            Self.draft("新张三", "13800138000", "+8613800138000"),
            owner: Self.alice,
            operator: "alice",
            at: Self.t0 + 3
        )
        // … so the old one cannot come back until the new one is gone.
        try await expectThrows(ContactsError.duplicatePhone) { try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 4) }
        try await expect(repo.trash(replacement.id, owner: Self.alice, at: Self.t0 + 5))
        let restored = try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 6)
        try expectEqual(restored.deletedAt, nil)
        try expectEqual(restored.name, "张三")
        try await expectThrows(ContactsError.notFound) { try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 7) }
        try await expectEqual(repo.purge(trashedBefore: Self.t0 + 5), 0)
        try await expectEqual(repo.purge(trashedBefore: Self.t0 + 6), 1)
        try await expect(repo.trashed(owner: Self.alice).isEmpty)
        try await expectEqual(repo.versions(of: contact.id, owner: Self.alice)?.count, 1)
    }
}
