import Foundation
import Testing
@testable import WaymarkCore
import WaymarkTestSupport

/// Runs every case of the YAML project's own test suite through `YAMLLoader`.
@Suite struct YAMLTestSuiteTests {
    /// Cases where libyaml 0.2.5 (a YAML 1.1 parser) is known to disagree with the YAML 1.2 suite.
    /// Each entry says what happens; the test fails if an entry starts agreeing, so the list cannot go stale.
    /// Most are YAML 1.2 features libyaml lacks (directives, `?` and `:` in plain scalars, tabs, flow edge cases);
    /// the "accepts" entries are inputs libyaml is lenient with. None of them crash, hang, or lose a location.
    static let knownDeviations: [String: String] = [
        "2JQS": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "2LFX": "rejects valid YAML 1.2: found unknown directive name (while scanning a directive)",
        "2SXE": "rejects valid YAML 1.2: mapping values are not allowed in this context",
        "4ABK": "rejects valid YAML 1.2: found unexpected ':' (while scanning a plain scalar)",
        "4MUZ/00": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "4MUZ/01": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "4MUZ/02": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "58MP": "rejects valid YAML 1.2: did not find expected node content (while parsing a flow node)",
        "5MUD": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "5T43": "rejects valid YAML 1.2: did not find expected node content (while parsing a flow node)",
        "652Z": "loads different data (YAML 1.1 scalar or anchor rules)",
        "6BCT": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "6CA3": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "6LVF": "rejects valid YAML 1.2: found unknown directive name (while scanning a directive)",
        "6M2F": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "7Z25": "rejects valid YAML 1.2: did not find expected <document start>",
        "8XYN": "rejects valid YAML 1.2: did not find expected alphabetic or numeric character (while scanning an anchor)",
        "96NN/00": "rejects valid YAML 1.2: found a tab character where an indentation space is expected (while scanning a block scalar)",
        "96NN/01": "rejects valid YAML 1.2: found a tab character where an indentation space is expected (while scanning a block scalar)",
        "9C9N": "accepts input the suite marks invalid",
        "9HCY": "accepts input the suite marks invalid",
        "9JBA": "accepts input the suite marks invalid",
        "9SA2": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "A2M4": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "BEC7": "rejects valid YAML 1.2: found incompatible YAML document",
        "CFD4": "rejects valid YAML 1.2: did not find expected node content (while parsing a flow node)",
        "CVW2": "accepts input the suite marks invalid",
        "DBG4": "rejects valid YAML 1.2: did not find expected node content (while parsing a flow node)",
        "DK3J": "rejects valid YAML 1.2: did not find expected <document start>",
        "DK95/00": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "DK95/01": "accepts input the suite marks invalid",
        "DK95/03": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "DK95/04": "rejects valid YAML 1.2: found a tab character that violates indentation (while scanning a plain scalar)",
        "EB22": "accepts input the suite marks invalid",
        "FP8R": "rejects valid YAML 1.2: did not find expected <document start>",
        "FRK4": "rejects valid YAML 1.2: found unexpected ':' (while scanning a plain scalar)",
        "G5U8": "accepts input the suite marks invalid",
        "HM87/00": "rejects valid YAML 1.2: did not find expected node content (while parsing a flow node)",
        "HM87/01": "loads different data (YAML 1.1 scalar or anchor rules)",
        "HWV9": "rejects valid YAML 1.2: did not find expected node content (while parsing a block node)",
        "JEF9/02": "loads different data (YAML 1.1 scalar or anchor rules)",
        "K3WX": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "L24T/01": "loads different data (YAML 1.1 scalar or anchor rules)",
        "M2N8/00": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "M7A3": "rejects valid YAML 1.2: did not find expected <document start>",
        "MUS6/00": "accepts input the suite marks invalid",
        "MUS6/01": "accepts input the suite marks invalid",
        "MUS6/05": "rejects valid YAML 1.2: found unknown directive name (while scanning a directive)",
        "MUS6/06": "rejects valid YAML 1.2: found unknown directive name (while scanning a directive)",
        "NHX8": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "NJ66": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "NKF9": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "Q5MG": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "QB6E": "accepts input the suite marks invalid",
        "QT73": "rejects valid YAML 1.2: did not find expected node content (while parsing a block node)",
        "R4YG": "rejects valid YAML 1.2: found a tab character where an indentation space is expected (while scanning a block scalar)",
        "RHX7": "accepts input the suite marks invalid",
        "S3PD": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "S98Z": "accepts input the suite marks invalid",
        "SM9W/01": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "SU5Z": "accepts input the suite marks invalid",
        "UKK6/00": "rejects valid YAML 1.2: did not find expected key (while parsing a block mapping)",
        "UT92": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "VJP3/01": "rejects valid YAML 1.2: did not find expected ',' or '}' (while parsing a flow mapping)",
        "W4TN": "rejects valid YAML 1.2: could not find expected directive name (while scanning a directive)",
        "W5VH": "rejects valid YAML 1.2: did not find expected alphabetic or numeric character (while scanning an anchor)",
        "X4QW": "accepts input the suite marks invalid",
        "Y2GN": "loads different data (YAML 1.1 scalar or anchor rules)",
        "Y79Y/001": "rejects valid YAML 1.2: found a tab character where an indentation space is expected (while scanning a block scalar)",
        "Y79Y/003": "accepts input the suite marks invalid",
        "Y79Y/010": "rejects valid YAML 1.2: found character that cannot start any token (while scanning for the next token)",
        "YJV2": "accepts input the suite marks invalid",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var directory: URL
        var testDescription: String { name }
    }

    static var cases: [Case] {
        let root = TestPaths.yamlTestSuite
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [Case] = []
        for name in names.sorted() {
            let directory = root.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("in.yaml").path) {
                cases.append(Case(name: name, directory: directory))
            } else if let subs = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
                for sub in subs.sorted() where FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(sub)/in.yaml").path) {
                    cases.append(Case(name: "\(name)/\(sub)", directory: directory.appendingPathComponent(sub)))
                }
            }
        }
        return cases
    }

    @Test func suiteIsPresent() {
        #expect(Self.cases.count > 300, "expected the YAML test suite at \(TestPaths.yamlTestSuite.path)")
    }

    @Test(arguments: cases)
    func loadsOrRejectsWithLocation(_ testCase: Case) throws {
        let verdict = Self.verdict(testCase)
        if let deviation = Self.knownDeviations[testCase.name] {
            #expect(verdict != nil, "\(testCase.name) is listed as a known deviation (\(deviation)) but now agrees with the suite: remove it from the list")
        } else {
            #expect(verdict == nil, "\(testCase.name): \(verdict ?? "")")
        }
    }

    /// nil when the loader agrees with the suite; otherwise what differs.
    static func verdict(_ testCase: Case) -> String? {
        let input = (try? Data(contentsOf: testCase.directory.appendingPathComponent("in.yaml"))).map(Array.init) ?? []
        let expectsError = FileManager.default.fileExists(atPath: testCase.directory.appendingPathComponent("error").path)
        let documents: [YAMLNode]
        do {
            documents = try YAMLLoader.documents(input, file: "in.yaml")
        } catch {
            if error.location.line < 1 || error.location.column < 1 { return "error without a line and column: \(error)" }
            return expectsError ? nil : "rejected a valid document: \(error)"
        }
        if expectsError { return "accepted a document the suite says is invalid" }
        guard let json = try? Data(contentsOf: testCase.directory.appendingPathComponent("in.json")) else { return nil }
        let expected = JSONStream.values(String(decoding: json, as: UTF8.self))
        let actual = documents.map(CoreSchema.value)
        return expected == actual ? nil : "loaded \(actual), expected \(expected)"
    }
}
