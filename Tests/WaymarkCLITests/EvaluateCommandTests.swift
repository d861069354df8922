import Foundation
import Testing

@Suite struct EvaluateCommandTests {
    let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
    let answers = "\(CommandRunner.fixtures)/answers"

    @Test func jsonMatchesTheContractShape() throws {
        let result = try CommandRunner.run(["evaluate", "\(answers)/construction.yaml", "--format", "json"] + pack)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["pack"] as? [String: Any])?["id"] as? String == "demo")
        #expect(((object["pack"] as? [String: Any])?["hash"] as? String)?.count == 64)
        #expect((object["engine"] as? [String: Any])?["name"] as? String == "waymark")
        #expect((object["outcome"] as? [String: Any])?["id"] as? String == "presumed_victim")
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["documents_withheld", "not_free"])
        #expect(indicators.map { $0["state"] as? String } == ["present", "undetermined"])
        #expect((indicators[0]["evidence"] as? [[String: String]]) == [["question": "documents_withheld", "answer": "yes"]])
        let referrals = try #require(object["referrals"] as? [[String: Any]])
        #expect(referrals.first?["urgency"] as? String == "immediate")
        #expect(referrals.first?["triggered_by"] as? [String] == ["documents_withheld"])
        #expect((object["notices"] as? [[String: String]])?.first?["id"] == "compensation")
        #expect((object["follow_up"] as? [[String: Any]])?.first?["question"] as? String == "free_to_leave")
    }

    @Test func textIsForAPerson() throws {
        let result = try CommandRunner.run(["evaluate", "\(answers)/construction.yaml"] + pack)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Outcome: Presumed victim\n"))
        #expect(result.stdout.contains("Follow-up questions that could change this result\n  - Free to leave? (free_to_leave)\n"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func badAnswersAreLocatedWithSuggestions() throws {
        let result = try CommandRunner.run(["evaluate", "\(answers)/bad.yaml"] + pack)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines == [
            "\(answers)/bad.yaml:2:8: error: 130 is above 120, the largest answer 'age' allows",
            "\(answers)/bad.yaml:3:3: error: unknown question 'work_sectr'; did you mean 'work_sector'?",
            "\(answers)/bad.yaml:4:23: error: 'documents_withheld' is a yes/no question; expected yes or no, found 'maybe'; or unknown, or declined",
        ])
    }

    @Test func standardInputIsRead() throws {
        let result = try CommandRunner.run(["evaluate", "-", "--format", "json"] + pack, stdin: "answers:\n  work_sector: begging\n  age: 9\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"child_begging\""))
    }

    @Test func jsonLinesKeepGoingPastABadLine() throws {
        let result = try CommandRunner.run(["evaluate", "--jsonl", "\(answers)/batch.jsonl"] + pack)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(objects[0]["id"] as? String == "case-1")
        #expect((objects[1]["errors"] as? [String])?.first?.hasPrefix("\(answers)/batch.jsonl:2:") == true)
        #expect((objects[2]["outcome"] as? [String: Any])?["id"] as? String == "presumed_victim")
        #expect(result.stderr.contains("batch.jsonl:2:"))
    }

    @Test func explainShowsTheTreeAndWhatWouldChangeIt() throws {
        let result = try CommandRunner.run(["evaluate", "\(answers)/construction.yaml", "--explain", "not_free"] + pack)
        #expect(result.status == 0)
        #expect(result.stdout == """
            indicator not_free: undetermined
              Not free to leave
            when: not free_to_leave
              not = unknown
                free_to_leave = unknown  (free_to_leave: unknown)
            would change if:
              - free_to_leave were yes → absent
              - free_to_leave were no → present

            """)
    }

    @Test func explainUnknownIDSuggests() throws {
        let result = try CommandRunner.run(["evaluate", "\(answers)/construction.yaml", "--explain", "not_fre"] + pack)
        #expect(result.status == 1)
        #expect(result.stderr == "error: no rule 'not_fre' in pack demo; did you mean 'not_free'?\n")
    }
}

/// The short form for batches: the decision only, the same for a file and for a line.
@Suite struct EvaluateSummaryTests {
    @Test func summaryLinesCarryTheDecisionOnly() throws {
        let pack = ["--pack", "\(CommandRunner.fixtures)/demo-pack.yaml"]
        let line = #"{"id": "c-1", "answers": {"age": 30, "work_sector": "construction", "documents_withheld": "yes", "free_to_leave": "no"}}"#
        let batch = try CommandRunner.run(["evaluate", "--jsonl", "--format", "summary", "-"] + pack, stdin: line + "\n")
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout == #"{"line":1,"id":"c-1","outcome":"presumed_victim","indicators":{"present":["documents_withheld","not_free"],"undetermined":[]},"referrals":{"present":["shelter_now"],"undetermined":[]}}"# + "\n")
    }
}
