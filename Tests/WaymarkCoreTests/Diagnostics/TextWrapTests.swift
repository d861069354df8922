import Testing
@testable import WaymarkCore

/// Text wraps by display columns, never inside a word.
@Suite struct TextWrapTests {
    @Test func wrapsByDisplayWidthNeverInsideAWord() {
        let text = "Ölkədə qalmaq və ya işləmək icazəniz barədə narahatsınızmı? identifier_that_is_long_enough_to_pass_the_width"
        let wrapped = TextWrap.wrap(text, width: 20)
        for line in wrapped.split(separator: "\n") where line.contains(" ") { #expect(TextWrap.displayWidth(line) <= 20) }
        #expect(wrapped.split(separator: "\n").last == "identifier_that_is_long_enough_to_pass_the_width")
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(TextWrap.displayWidth("e\u{0301}") == 1)
        #expect(TextWrap.displayWidth("Русский") == 7)
    }
}
