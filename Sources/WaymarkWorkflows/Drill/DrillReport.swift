import WaymarkCore
import WaymarkRecords

/// The outcome of `drill run` over many scenario files, and its text, JSON and JUnit forms.
public struct DrillReport: Sendable {
    public var outcomes: [ScenarioRunner.Outcome]
    public var failures: [ScenarioLoader.Failure]

    /// A report from the scenarios that ran and the files that could not be loaded.
    public init(outcomes: [ScenarioRunner.Outcome], failures: [ScenarioLoader.Failure]) {
        self.outcomes = outcomes
        self.failures = failures
    }

    public var passed: Int { outcomes.filter(\.passed).count }
    public var failed: Int { outcomes.count - passed + failures.count }
    public var allPassed: Bool { failed == 0 }

    /// "N passed, M failed": the closing line of every format that has one.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    /// The report for a terminal: each failure with its differences, load errors, then the summary; `verbose` also lists passes.
    public func text(renderer: DiagnosticRenderer, verbose: Bool = false) -> String {
        var out = ""
        for outcome in outcomes {
            let s = outcome.scenario
            if outcome.passed {
                if verbose { out += "PASS  \(s.id)\n" }
                continue
            }
            out += "FAIL  \(s.id) (\(s.file))\n"
            out += TextWrap.wrap(s.title.text.terminalSafe, indent: "      ") + "\n"
            for d in outcome.differences { out += TextWrap.wrap("\(d.location.line):\(d.location.column): \(d.message.terminalSafe)", indent: "        ", firstIndent: "    - ") + "\n" }
        }
        for failure in failures {
            out += "ERROR \(failure.file)\n"
            out += renderer.render(failure.diagnostics, summary: false)
        }
        return out + summary + "\n"
    }

    public var json: JSONValue {
        .object([
            ("passed", .number(Double(passed))),
            ("failed", .number(Double(failed))),
            ("scenarios", .array(outcomes.map { o in
                .object([("id", .string(o.scenario.id)), ("file", .string(o.scenario.file)), ("passed", .bool(o.passed)),
                         ("differences", .array(o.differences.map { .object([("location", .string($0.location.description)), ("message", .string($0.message))]) }))])
            })),
            ("errors", .array(failures.map { f in
                .object([("file", .string(f.file)), ("diagnostics", .array(f.diagnostics.map { .string($0.description) }))])
            })),
        ])
    }

    /// JUnit XML, one test case per scenario, for CI systems.
    public var junit: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuite name=\"waymark drill\" tests=\"\(outcomes.count + failures.count)\" failures=\"\(outcomes.count - passed)\" errors=\"\(failures.count)\">\n"
        for o in outcomes {
            xml += "  <testcase classname=\"\(TextEscaping.xml(o.scenario.file))\" name=\"\(TextEscaping.xml(o.scenario.id))\""
            if o.passed { xml += "/>\n"; continue }
            xml += ">\n    <failure message=\"\(o.differences.count) difference\(o.differences.count == 1 ? "" : "s")\">"
            xml += o.differences.map { TextEscaping.xml("\($0.location): \($0.message)") }.joined(separator: "\n")
            xml += "</failure>\n  </testcase>\n"
        }
        for f in failures {
            xml += "  <testcase classname=\"\(TextEscaping.xml(f.file))\" name=\"\(TextEscaping.xml(f.file))\">\n    <error message=\"invalid scenario\">"
            xml += f.diagnostics.map { TextEscaping.xml($0.description) }.joined(separator: "\n")
            xml += "</error>\n  </testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

}
