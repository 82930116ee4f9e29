import ContactsKit
import Foundation
import Testing

@Suite("Contacts service")
struct ContactsServiceTests {
    static let me = OwnerID(7)

    static func service(_ repo: any ContactRepository, clock: ManualClock = ManualClock()) -> ContactsService {
        ContactsService(repository: repo, logger: ContactStores.logger, now: { clock.now })
    }

    @Test func phoneNumbersNormalize() throws {
        let cn = try #require(PhoneNumberNormalizer(defaultRegion: "CN"))
        for text in ["+86 138 0013 8000", "138-0013-8000", "13800138000", "0086 13800138000", "(138) 0013.8000"] {
            #expect(cn.normalize(text) == "+8613800138000", "\(text)")
        }
        #expect(cn.normalize("010-6552-9988") == "+861065529988")
        #expect(cn.normalize("+1 (415) 555-2671") == "+14155552671")
        let us = try #require(PhoneNumberNormalizer(defaultRegion: "us"))
        #expect(us.normalize("1-415-555-2671") == "+14155552671" && us.normalize("(415) 555-2671") == "+14155552671")
        for bad in ["abc", "12", "138 0013 8000 ext 5", "+", "++8613800138000", "1380013800a", "+0123456789"] {
            #expect(cn.normalize(bad) == nil, "\(bad)")
        }
        #expect(PhoneNumberNormalizer(defaultRegion: "XX") == nil)
    }

    @Test(arguments: ContactStores.backends)
    func rulesOfTheSeed(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let clock = ManualClock()
            let contacts = Self.service(repo, clock: clock)
            await #expect(throws: ContactsError.emptyField) {
                try await contacts.add(owner: Self.me, name: "  ", phone: "13800138000", operator: "me")
            }
            await #expect(throws: ContactsError.emptyField) { try await contacts.add(owner: Self.me, name: "a", phone: nil, operator: "me") }
            await #expect(throws: ContactsError.tooLong) {
                try await contacts.add(owner: Self.me, name: String(repeating: "名", count: 101), phone: "13800138000", operator: "me")
            }
            await #expect(throws: ContactsError.tooLong) {
                try await contacts.add(owner: Self.me, name: "a", phone: "138 0013 8000 0000 000", operator: "me")
            }
            await #expect(throws: ContactsError.invalidPhone) { try await contacts.add(owner: Self.me, name: "a", phone: "call me", operator: "me") }
            let (alice, _) = try await contacts.add(owner: Self.me, name: " Alice ", phone: " 138-0013-8000 ", operator: "me")
            #expect(alice.name == "Alice" && alice.phone == "138-0013-8000" && alice.normalizedPhone == "+8613800138000")
            await #expect(throws: ContactsError.duplicatePhone) {
                try await contacts.add(owner: Self.me, name: "B", phone: "+86 13800138000", operator: "me")
            }
            clock.advance(60)
            // If-Match: a stale tag changes nothing; the current one and `*` go through.
            await #expect(throws: ContactsError.stale(current: alice)) {
                try await contacts.update(
                    alice.id,
                    owner: Self.me,
                    name: "Alicia",
                    phone: alice.phone,
                    operator: "me",
                    ifMatch: "\"c\(alice.id)-r9\""
                )
            }
            let renamed = try await contacts.update(alice.id, owner: Self.me, name: "Alicia", phone: alice.phone, operator: "me", ifMatch: alice.etag)
            #expect(renamed.contact.name == "Alicia" && renamed.contact.etag != alice.etag)
            _ = try await contacts.update(alice.id, owner: Self.me, name: "Alicia", phone: "13800138001", operator: "me", ifMatch: "*")
            let versions = try await contacts.versions(of: alice.id, owner: Self.me)
            #expect(versions.count == 3)
            // Restoring the first version is a new version with its values.
            let restored = try await contacts.restore(version: versions[0].id, of: alice.id, owner: Self.me, operator: "me")
            #expect(restored.contact.name == "Alice" && restored.contact.phone == "138-0013-8000")
            #expect(try await contacts.versions(of: alice.id, owner: Self.me).count == 4)
            await #expect(throws: ContactsError.versionNotFound) {
                try await contacts.restore(version: 999_999, of: alice.id, owner: Self.me, operator: "me")
            }
            // Delete goes to the trash; restore brings it back; after the retention it is gone for good.
            try await contacts.delete(alice.id, owner: Self.me)
            await #expect(throws: ContactsError.notFound) { try await contacts.delete(alice.id, owner: Self.me) }
            #expect(try await contacts.trash(owner: Self.me).map(\.id) == [alice.id])
            _ = try await contacts.restore(alice.id, owner: Self.me)
            try await contacts.delete(alice.id, owner: Self.me)
            clock.advance(31 * 86400)
            #expect(try await contacts.trash(owner: Self.me).isEmpty)
            await #expect(throws: ContactsError.notFound) { try await contacts.restore(alice.id, owner: Self.me) }
        }
    }

    @Test(arguments: ContactStores.backends)
    func listingWithSearchAndCursor(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let clock = ManualClock()
            let contacts = Self.service(repo, clock: clock)
            for index in 0..<25 {
                _ = try await contacts.add(owner: Self.me, name: "Person \(index)", phone: "1380013\(String(format: "%04d", index))", operator: "me")
                if index % 3 == 0 { clock.advance(1) }
            }
            #expect(try await contacts.list(owner: Self.me).contacts.count == 25)
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await contacts.list(owner: Self.me, limit: 7, cursor: cursor)
                seen += page.contacts.map(\.name)
                cursor = page.next
            } while cursor != nil
            #expect(seen.count == 25 && Set(seen).count == 25 && seen.first == "Person 24")
            #expect(try await contacts.list(owner: Self.me, search: "person 1").contacts.count == 11)
            #expect(try await contacts.list(owner: Self.me, search: "+86 138 0013 0007").contacts.map(\.name) == ["Person 7"])
            await #expect(throws: ContactsError.invalidCursor) { try await contacts.list(owner: Self.me, limit: 5, cursor: "garbage") }
        }
    }

    @Test(arguments: ContactStores.backends)
    func importIsIdempotentAndMergesByNumber(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let contacts = Self.service(repo)
            let csv =
                "\u{FEFF}姓名,手机号\r\n张三,138-0013-8000\r\n\"李, 四\",13900139000\r\n张三丰,+86 138 0013 8000\r\n,13700137000\r\n王五,not a phone\r\n赵六\r\n"
            let records = try ContactFileReader.records(Data(csv.utf8), format: .csv)
            let first = try await contacts.importRecords(records, owner: Self.me, operator: "me")
            #expect(first.rows.map(\.outcome) == [.skipped, .created, .created, .rejected, .rejected, .rejected])
            #expect(first.rows[0].reason?.contains("row 4") == true)
            #expect(first.rows[5].reason?.contains("column") == true && first.rows[3].reason?.contains("empty") == true)
            let again = try await contacts.importRecords(records, owner: Self.me, operator: "me")
            #expect(again.rows.map(\.outcome) == [.skipped, .skipped, .skipped, .rejected, .rejected, .rejected])
            // A changed name for a known number updates that contact instead of adding one.
            let renamed = try ContactFileReader.records(Data("name,phone\n张三,13800138000\n".utf8), format: .csv)
            #expect(try await contacts.importRecords(renamed, owner: Self.me, operator: "me").rows.map(\.outcome) == [.updated])
            let book = try await contacts.list(owner: Self.me).contacts
            #expect(book.count == 2 && Set(book.map(\.name)) == ["李, 四", "张三"])
            // Export and re-import of the whole book changes nothing.
            for format in ContactFileFormat.allCases {
                var exported = ""
                try await contacts.export(owner: Self.me, format: format, pageSize: 1) { exported += $0 }
                let report = try await contacts.importRecords(
                    try ContactFileReader.records(Data(exported.utf8), format: format),
                    owner: Self.me,
                    operator: "me"
                )
                #expect(report.rows.count == 2 && report.count(.skipped) == 2, "\(format): \(exported)")
            }
        }
    }

    @Test(arguments: ContactStores.backends)
    func aNameThatIsAFormulaIsExportedInertAndImportedBack(_ backend: ContactStores.Backend) async throws {
        try await ContactStores.with(backend) { repo in
            let contacts = Self.service(repo)
            let csv = "name,phone\r\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",13800138000\r\n@SUM(1),+86 139 0013 9000\r\n-1,13700137000\r\n"
            let records = try ContactFileReader.records(Data(csv.utf8), format: .csv)
            #expect(try await contacts.importRecords(records, owner: Self.me, operator: "me").count(.created) == 3)
            var exported = ""
            try await contacts.export(owner: Self.me, format: .csv, pageSize: 10) { exported += $0 }
            let cells = exported.split(separator: "\r\n").dropFirst().map { String($0) }
            // No cell starts a formula; phone numbers stay as written.
            #expect(cells.allSatisfy { !["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") }, "\(exported)")
            #expect(exported.contains(#""'=HYPERLINK(""http://x"",""y"")""#) && exported.contains("'@SUM(1)") && exported.contains("'-1"))
            #expect(exported.contains(",+86 139 0013 9000,"))
            // The export imports back as the same book.
            let again = try await contacts.importRecords(
                try ContactFileReader.records(Data(exported.utf8), format: .csv),
                owner: Self.me,
                operator: "me"
            )
            #expect(again.rows.count == 3 && again.count(.skipped) == 3, "\(again.rows)")
        }
    }

    @Test func vcardsAreReadWithTheirFaults() throws {
        let text = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            N:Doe;John;;;\r
            FN:John\r
             Doe\r
            TEL;TYPE=CELL:+1 415 555 2671\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            N:张;三;;;\r
            TEL;VALUE=uri:tel:+86-138-0013-8000\r
            END:VCARD\r
            BEGIN:VCARD\r
            FN:Broken\r
            this line has no colon\r
            TEL:13900139000\r
            END:VCARD\r
            BEGIN:VCARD\r
            FN:Unfinished\r
            """
        let records = try ContactFileReader.records(Data(text.utf8), format: .vcard)
        try #require(records.count == 4)
        #expect(records[0].name == "JohnDoe" || records[0].name == "John Doe")
        #expect(records[0].phone == "+1 415 555 2671")
        #expect(records[1].name == "三 张" && records[1].phone == "+86-138-0013-8000")
        #expect(records[2].problem?.contains("line 15") == true)
        #expect(records[3].problem?.contains("no END") == true)
        #expect(throws: ContactsError.self) {
            try ContactFileReader.records(Data("BEGIN:VCARD\nFN;CHARSET=GB2312:x\nEND:VCARD\n".utf8), format: .vcard)
        }
        #expect(throws: ContactsError.self) { try ContactFileReader.records(Data([0xff, 0xfe, 0x00]), format: .csv) }
    }
}
