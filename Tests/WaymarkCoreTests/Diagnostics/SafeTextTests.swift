import Testing
@testable import WaymarkCore

/// Text from packs, scenarios and answers can never move the cursor, retitle the window or hide text.
@Suite struct SafeTextTests {
    static let hostile = "Shelter\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[8mhidden\r\u{9B}31m\u{202E}"

    @Test func escapesAreShownNotObeyed() {
        let safe = Self.hostile.terminalSafe
        #expect(safe == "Shelter\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{1b}[8mhidden\\u{d}\\u{9b}31m\\u{202e}")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
