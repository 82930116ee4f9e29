import Foundation
import StorageKit
import Testing

@Suite("JSONValue parsing and text")
struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}, "n": 0} "#)
        #expect(value["a"] == [1, -2, 3.5, 1000.0, true, false, nil])
        #expect(value["b"]?["c"] == "d")
        #expect(value["n"]?.integerValue == 0)
        #expect(value["missing"] == nil)
        // A number with a fraction or exponent is a double, whatever its value; an integer too big for Int64 too.
        #expect(try JSONValue(parsing: "3.0") == .double(3))
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9_223_372_036_854_775_808))
        // Duplicate keys keep the last value, as Python's json does.
        #expect(try JSONValue(parsing: #"{"k": 1, "k": 2}"#)["k"] == 2)
    }

    @Test func decodesStringEscapes() throws {
        let value = try JSONValue(parsing: #""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 中""#)
        #expect(value == .string("a\"b\\c/d\n\té😀 中"))
    }

    @Test(arguments: [
        ("", JSONParseError.Reason.empty), ("   ", .empty), ("{", .unexpectedEnd), ("[1,]", .unexpectedCharacter),
        (#"{"a" 1}"#, .unexpectedCharacter), ("01", .invalidNumber), ("-", .invalidNumber), ("1.", .invalidNumber), ("1e", .invalidNumber),
        ("tru", .unexpectedEnd), ("nul!", .unexpectedCharacter), (#""\x""#, .invalidEscape), (#""\ud83d""#, .invalidEscape),
        ("\"a\u{01}\"", .controlCharacter), ("\"abc", .unexpectedEnd), ("1 2", .trailingText), ("NaN", .unexpectedCharacter),
    ])
    func refusesWhatIsNotJSON(_ text: String, _ reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.reason == reason, "\(text)")
        }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() throws {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: JSONValue.maximumDepth + 1) + String(repeating: "]", count: JSONValue.maximumDepth + 1)
        do {
            _ = try JSONValue(parsing: deep)
            Issue.record("a text nested \(JSONValue.maximumDepth + 1) deep was accepted")
        } catch {
            #expect(error.reason == .tooDeep)
        }
        let allowed = String(repeating: "[", count: JSONValue.maximumDepth) + String(repeating: "]", count: JSONValue.maximumDepth)
        #expect(try JSONValue(parsing: allowed).arrayValue != nil)
    }

    @Test func canonicalTextSortsKeysAndRoundTrips() throws {
        let value = try JSONValue(parsing: #"{"b": [1, 2.5, true, null], "a": "é\n\"", "é": {}, "Z": 1}"#)
        #expect(value.canonicalText == #"{"Z":1,"a":"é\n\"","b":[1,2.5,true,null],"é":{}}"#)
        #expect(try JSONValue(parsing: value.canonicalText) == value)
        // An ordered object keeps its order when served, and sorts like any other object in canonical text.
        let ordered = JSONValue.ordered([("z", 1), ("a", 2)])
        #expect(String(decoding: ordered.serialized(), as: UTF8.self) == #"{"z":1,"a":2}"#)
        #expect(ordered.canonicalText == #"{"a":2,"z":1}"#)
        #expect(ordered == ["a": 2, "z": 1])
        #expect(ordered.hashValue == JSONValue.object(["a": 2, "z": 1]).hashValue)
    }

    @Test func prettyTextMatchesPythonsIndentTwo() {
        var out: [UInt8] = []
        JSONValue.ordered([("b", [1, ["c": nil]]), ("a", [:]), ("e", [])]).pretty(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "{\n  \"b\": [\n    1,\n    {\n      \"c\": null\n    }\n  ],\n  \"a\": {},\n  \"e\": []\n}")
    }

    @Test func codableThroughFoundation() throws {
        let value: JSONValue = ["list": [1, "two", 3.5, false, nil], "nested": ["k": "v"]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
