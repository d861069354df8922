import Testing
@testable import WaymarkCore

@Suite struct YAMLLoaderTests {
    private func error(_ text: String, limits: YAMLLimits = .standard) -> Diagnostic? {
        do {
            _ = try YAMLLoader.document(text, file: "f.yaml", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsScalarTextStyleAndMarks() throws {
        let node = try #require(try YAMLLoader.document("a: yes\nb: 'no'\nc:\n  - on\n", file: "f.yaml"))
        let pairs = try #require(node.mapping)
        #expect(pairs[0].value.scalar == YAMLScalar("yes"))
        #expect(pairs[1].value.scalar == YAMLScalar("no", style: .singleQuoted))
        #expect(pairs[2].value.sequence?.first?.scalar?.text == "on")
        #expect(pairs[2].value.sequence?.first?.location == SourceLocation(file: "f.yaml", line: 4, column: 5))
        #expect(pairs[1].key.location == SourceLocation(file: "f.yaml", line: 2, column: 1))
    }

    @Test func rejectsDuplicateKeysNamingBothPlaces() throws {
        let d = try #require(error("a: 1\nb: 2\na: 3\n"))
        #expect(d.description == "f.yaml:3:1: error: duplicate key 'a'")
        #expect(d.notes.first?.description == "f.yaml:1:1: note: 'a' was first used here")
    }

    @Test func syntaxErrorsHaveLineAndColumn() throws {
        let d = try #require(error("a: [1, 2\nb: 3\n"))
        #expect(d.location.line == 2)
        #expect(d.message.contains("did not find expected ',' or ']'"))
    }

    @Test func billionLaughsFailsFastInBoundedMemory() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var d: Diagnostic?
        let elapsed = clock.measure { d = error(text) }
        #expect(d?.message == "document grows past the limit of 1000000 nodes (aliases count once per use)")
        #expect(d?.location.line == 6)
        #expect(elapsed < .seconds(1))
    }

    @Test func aliasesWithinBudgetLoad() throws {
        let node = try #require(try YAMLLoader.document("a: &x [1, 2]\nb: *x\n", file: "f.yaml"))
        #expect(node.mapping?[1].value.sequence?.count == 2)
    }

    @Test func undefinedAliasIsAnError() throws {
        let d = try #require(error("a: *nothing\n"))
        #expect(d.description == "f.yaml:1:4: error: alias '*nothing' refers to no anchor defined before it")
    }

    @Test func rejectsDeepNesting() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let d = try #require(error(text))
        #expect(d.description == "f.yaml:1:65: error: nesting deeper than the limit of 64 levels")
    }

    @Test func rejectsFilesOverTheSizeLimit() throws {
        let d = try #require(error("a: 1234567890\n", limits: YAMLLimits(maxBytes: 8)))
        #expect(d.description == "f.yaml:1:1: error: file is 14 bytes, over the limit of 8 bytes")
    }

    @Test func rejectsInvalidUTF8WithItsPosition() throws {
        var bytes = Array("a: 1\nb: x".utf8)
        bytes.append(0xFF)
        do {
            _ = try YAMLLoader.document(bytes, file: "f.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "f.yaml:2:5: error: invalid UTF-8 byte")
        }
    }

    @Test func rejectsASecondDocumentWhereOneIsExpected() throws {
        let d = try #require(error("a: 1\n---\nb: 2\n"))
        #expect(d.description == "f.yaml:2:1: error: expected a single YAML document, found another here")
    }

    @Test func emptyInputHasNoDocument() throws {
        #expect(try YAMLLoader.document("", file: "f.yaml") == nil)
        #expect(try YAMLLoader.documents(Array("# only a comment\n".utf8), file: "f.yaml").isEmpty)
    }
}
