import StorageKit
import Testing

@Suite("JSONValueDecoder")
struct JSONValueDecoderTests {
    enum Color: String, JSONEnumeration {
        case red, green, blue
    }

    struct Address: Decodable, Equatable {
        var city: String
        var zip: Int?
    }

    struct Person: Decodable {
        var name: String
        var age: Int
        var admin: Bool?
        var color: Color?
        var address: Address?
        var tags: [String]?
        var note: Nullable<String>?
        var extra: JSONValue?
    }

    func issues(_ json: String, _ decoder: JSONValueDecoder = JSONValueDecoder()) throws -> [String] {
        let outcome = decoder.decodeAll(Person.self, from: try JSONValue(parsing: json))
        return outcome.issues.map(\.description)
    }

    @Test func decodesAValidValue() throws {
        let person = try JSONValueDecoder().decode(
            Person.self,
            from: try JSONValue(
                parsing: #"""
                    {"name": "Ann", "age": 41.0, "admin": true, "color": "green", "address": {"city": "Oslo", "zip": 150},
                     "tags": ["a", "b"], "note": null, "extra": {"any": [1]}}
                    """#
            )
        )
        #expect(person.name == "Ann" && person.age == 41 && person.admin == true && person.color == .green)
        #expect(person.address == Address(city: "Oslo", zip: 150) && person.tags == ["a", "b"])
        #expect(person.note == .null)
        #expect(person.extra == ["any": [1]])
        let bare = try JSONValueDecoder().decode(Person.self, from: ["name": "Bo", "age": 3])
        #expect(bare.note == nil && bare.admin == nil && bare.extra == nil)
    }

    @Test func reportsEveryIssueWithItsPath() throws {
        let found = try self.issues(
            #"""
            {"age": "41", "admin": 1, "color": "pink", "address": {"zip": 1.5}, "tags": ["a", 2], "note": 3}
            """#
        )
        #expect(
            found == [
                "name: missing", "age: wrongType(expected: StorageKit.JSONKind.integer)", "admin: wrongType(expected: StorageKit.JSONKind.boolean)",
                #"color: notOneOf(["red", "green", "blue"])"#, "address.city: missing", "address.zip: fractional",
                "tags.1: wrongType(expected: StorageKit.JSONKind.string)", "note: wrongType(expected: StorageKit.JSONKind.string)",
            ]
        )
        #expect(try self.issues(#"[1, 2]"#) == ["body: wrongType(expected: StorageKit.JSONKind.object)"])
        #expect(throws: FieldIssues.self) { try JSONValueDecoder().decode(Person.self, from: ["name": "x"]) }
    }

    @Test func integersAreStrictUnlessAskedToReadStrings() throws {
        #expect(try self.issues(#"{"name": "x", "age": true}"#) == ["age: wrongType(expected: StorageKit.JSONKind.integer)"])
        #expect(try self.issues(#"{"name": "x", "age": 1e30}"#).count == 1)
        let lax = JSONValueDecoder(integersFromStrings: true)
        #expect(try self.issues(#"{"name": "x", "age": " 41 "}"#, lax).isEmpty)
        #expect(try self.issues(#"{"name": "x", "age": "4x"}"#, lax) == ["age: wrongType(expected: StorageKit.JSONKind.integer)"])
        let issue = lax.decodeAll(Person.self, from: ["name": "x", "age": "4x"]).issues.first
        #expect(issue?.input == "4x" && issue?.path == ["age"])
    }

    @Test func lenientModeReadsBadOptionalFieldsAsAbsent() throws {
        let lenient = JSONValueDecoder(mode: .lenient)
        let outcome = lenient.decodeAll(
            Person.self,
            from: try JSONValue(parsing: #"{"name": "x", "age": 2, "admin": "yes", "color": 7, "tags": [1]}"#)
        )
        #expect(outcome.issues.isEmpty)
        #expect(outcome.value?.admin == nil && outcome.value?.color == nil && outcome.value?.tags == nil)
        // A required field still reports.
        #expect(try self.issues(#"{"age": 2}"#, lenient) == ["name: missing"])
    }

    @Test func fieldsAreListedInTheOrderTheyWereRead() throws {
        let outcome = JSONValueDecoder().decodeAll(Person.self, from: ["name": "x", "age": 1, "address": ["city": "c"]])
        // Absent optional fields are not read.
        #expect(outcome.fieldOrder == ["name", "age", "address", "address.city"])
    }
}
