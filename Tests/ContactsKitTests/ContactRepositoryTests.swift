import ContactsKit
import Foundation
import Testing

@Suite("Contact repository")
struct ContactRepositoryTests {
    static let alice = OwnerID(1), bob = OwnerID(2)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func draft(_ name: String, _ phone: String, _ normalized: String) -> ContactDraft {
        ContactDraft(name: name, phone: phone, normalizedPhone: normalized)
    }

    @Test(arguments: ContactStores.backends)
    func createReadListAndOwnership(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let (first, version) = try await repo.insert(Self.draft("张三", "138-0013-8000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
            #expect(version.changes == [FieldChange(field: "name", old: nil, new: "张三"), FieldChange(field: "phone", old: nil, new: "138-0013-8000")])
            #expect(version.operator == "alice" && version.updatedAt == Self.t0 && first.revision == 1)
            let (second, _) = try await repo.insert(Self.draft("李四", "13900139000", "+8613900139000"), owner: Self.alice, operator: "alice", at: Self.t0)
            let (third, _) = try await repo.insert(Self.draft("王五", "13700137000", "+8613700137000"), owner: Self.alice, operator: "alice", at: Self.t0 + 5)
            // Same number, another owner: fine. Same owner, another spelling of the number: a duplicate.
            _ = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.bob, operator: "bob", at: Self.t0)
            await #expect(throws: ContactsError.duplicatePhone) {
                try await repo.insert(Self.draft("x", "+86 138 0013 8000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
            }
            #expect(try await repo.contact(first.id, owner: Self.alice) == first)
            #expect(try await repo.contact(first.id, owner: Self.bob) == nil)
            #expect(try await repo.contact(normalizedPhone: "+8613900139000", owner: Self.alice)?.id == second.id)
            // Newest first, ties by id descending.
            #expect(try await repo.contacts(owner: Self.alice, query: .init()).map(\.id) == [third.id, second.id, first.id])
            let page = try await repo.contacts(owner: Self.alice, query: .init(limit: 2))
            #expect(page.map(\.id) == [third.id, second.id])
            let rest = try await repo.contacts(owner: Self.alice, query: .init(limit: 2, after: (page[1].createdAt, page[1].id)))
            #expect(rest.map(\.id) == [first.id])
            #expect(try await repo.contacts(owner: Self.alice, query: .init(search: "李")).map(\.id) == [second.id])
            #expect(try await repo.contacts(owner: Self.alice, query: .init(search: "00138", searchDigits: "00138")).map(\.id) == [first.id])
            #expect(try await repo.contacts(owner: Self.alice, query: .init(search: "%")).isEmpty)
        }
    }

    @Test(arguments: ContactStores.backends)
    func updatesVersionsAndRevisions(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let (contact, _) = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
            let same = try await repo.update(contact.id, owner: Self.alice, to: Self.draft("张三", "13800138000", "+8613800138000"),
                                             operator: "alice", at: Self.t0 + 10, expectedRevision: nil)
            #expect(same == .unchanged(contact))
            let renamed = try await repo.update(contact.id, owner: Self.alice, to: Self.draft("张三丰", "13800138000", "+8613800138000"),
                                                operator: "alice", at: Self.t0 + 20, expectedRevision: 1)
            guard case .updated(let updated, let version) = renamed else { Issue.record("expected an update"); return }
            #expect(updated.revision == 2 && updated.updatedAt == Self.t0 + 20 && updated.createdAt == Self.t0)
            #expect(version.changes == [FieldChange(field: "name", old: "张三", new: "张三丰")])
            await #expect(throws: ContactsError.stale(current: updated)) {
                try await repo.update(contact.id, owner: Self.alice, to: Self.draft("x", "13800138000", "+8613800138000"),
                                      operator: "alice", at: Self.t0 + 30, expectedRevision: 1)
            }
            await #expect(throws: ContactsError.notFound) {
                try await repo.update(contact.id, owner: Self.bob, to: Self.draft("x", "1", "+1"), operator: "bob", at: Self.t0, expectedRevision: nil)
            }
            let (other, _) = try await repo.insert(Self.draft("李四", "13900139000", "+8613900139000"), owner: Self.alice, operator: "alice", at: Self.t0)
            await #expect(throws: ContactsError.duplicatePhone) {
                try await repo.update(other.id, owner: Self.alice, to: Self.draft("李四", "13800138000", "+8613800138000"),
                                      operator: "alice", at: Self.t0, expectedRevision: nil)
            }
            let versions = try #require(try await repo.versions(of: contact.id, owner: Self.alice))
            #expect(versions.map(\.name) == ["张三", "张三丰"])
            #expect(try await repo.versions(of: contact.id, owner: Self.bob) == nil)
        }
    }

    @Test(arguments: ContactStores.backends)
    func concurrentUpdatesKeepEveryVersion(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let (contact, _) = try await repo.insert(Self.draft("n0", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...12 {
                    group.addTask {
                        _ = try await repo.update(contact.id, owner: Self.alice, to: Self.draft("n\(index)", "13800138000", "+8613800138000"),
                                                  operator: "alice", at: Self.t0 + Double(index), expectedRevision: nil)
                    }
                }
                try await group.waitForAll()
            }
            let versions = try #require(try await repo.versions(of: contact.id, owner: Self.alice))
            #expect(versions.count == 13)
            #expect(Set(versions.map(\.name)).count == 13)
            #expect(try await repo.contact(contact.id, owner: Self.alice)?.revision == 13)
        }
    }

    @Test(arguments: ContactStores.backends)
    func trashRestoreAndPurge(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let (contact, _) = try await repo.insert(Self.draft("张三", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0)
            #expect(try await repo.trash(contact.id, owner: Self.alice, at: Self.t0 + 1))
            #expect(try await !repo.trash(contact.id, owner: Self.alice, at: Self.t0 + 2))
            #expect(try await repo.contact(contact.id, owner: Self.alice) == nil)
            #expect(try await repo.contacts(owner: Self.alice, query: .init()).isEmpty)
            #expect(try await repo.trashed(owner: Self.alice).map(\.id) == [contact.id])
            #expect(try await repo.trashed(owner: Self.bob).isEmpty)
            // The number is free again while its contact is in the trash …
            let (replacement, _) = try await repo.insert(Self.draft("新张三", "13800138000", "+8613800138000"), owner: Self.alice, operator: "alice", at: Self.t0 + 3)
            // … so the old one cannot come back until the new one is gone.
            await #expect(throws: ContactsError.duplicatePhone) { try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 4) }
            #expect(try await repo.trash(replacement.id, owner: Self.alice, at: Self.t0 + 5))
            let restored = try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 6)
            #expect(restored.deletedAt == nil && restored.name == "张三")
            await #expect(throws: ContactsError.notFound) { try await repo.untrash(contact.id, owner: Self.alice, at: Self.t0 + 7) }
            #expect(try await repo.purge(trashedBefore: Self.t0 + 5) == 0)
            #expect(try await repo.purge(trashedBefore: Self.t0 + 6) == 1)
            #expect(try await repo.trashed(owner: Self.alice).isEmpty)
            #expect(try await repo.versions(of: contact.id, owner: Self.alice)?.count == 1)
        }
    }
}
