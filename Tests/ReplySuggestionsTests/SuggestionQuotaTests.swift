import ReplySuggestions
import Testing

@Suite("Suggestion quota")
struct SuggestionQuotaTests {
    @Test func eachUserHasItsOwnSlidingMinute() async {
        let quota = SuggestionQuota(perMinute: 2)
        let start = ContinuousClock.now
        #expect(await quota.admit("1", at: start) == nil)
        #expect(await quota.admit("1", at: start + .seconds(10)) == nil)
        #expect(await quota.admit("1", at: start + .seconds(20)) == 40)
        #expect(await quota.admit("2", at: start + .seconds(20)) == nil)
        #expect(await quota.admit("1", at: start + .seconds(60)) == nil)
        #expect(await quota.admit("1", at: start + .milliseconds(60_500)) == 10)
        #expect(await SuggestionQuota(perMinute: 0).admit("1") == nil)
    }
}
