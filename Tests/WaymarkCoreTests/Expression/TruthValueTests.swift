import Testing
@testable import WaymarkCore

@Suite struct TruthValueTests {
    static let all: [TruthValue] = [.true, .false, .unknown]

    @Test func notTable() {
        #expect(!TruthValue.true == .false)
        #expect(!TruthValue.false == .true)
        #expect(!TruthValue.unknown == .unknown)
    }

    @Test(arguments: [
        (TruthValue.true, TruthValue.true, TruthValue.true), (.true, .false, .false), (.true, .unknown, .unknown),
        (.false, .true, .false), (.false, .false, .false), (.false, .unknown, .false),
        (.unknown, .true, .unknown), (.unknown, .false, .false), (.unknown, .unknown, .unknown),
    ])
    func andTable(a: TruthValue, b: TruthValue, expected: TruthValue) {
        #expect((a && b) == expected)
        #expect(Logic.and([.test(0), .test(1)]).evaluate { [a, b][$0] } == expected)
    }

    @Test(arguments: [
        (TruthValue.true, TruthValue.true, TruthValue.true), (.true, .false, .true), (.true, .unknown, .true),
        (.false, .true, .true), (.false, .false, .false), (.false, .unknown, .unknown),
        (.unknown, .true, .true), (.unknown, .false, .unknown), (.unknown, .unknown, .unknown),
    ])
    func orTable(a: TruthValue, b: TruthValue, expected: TruthValue) {
        #expect((a || b) == expected)
        #expect(Logic.or([.test(0), .test(1)]).evaluate { [a, b][$0] } == expected)
    }
}
