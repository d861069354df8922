/// The answers in flat buffers the evaluator reads without reference counting or copies; reset and refilled for
/// each answer set of a batch, so a batch allocates nothing per set.
final class AnswerTable {
    enum Kind: UInt8 {
        case none, unknown, declined, value
    }

    let kinds: UnsafeMutableBufferPointer<Kind>
    /// yes = 1 and no = 0; the chosen choices as bits, for choice indexes under 64.
    let bits: UnsafeMutableBufferPointer<UInt64>
    /// Numbers, and dates as days since 1970-01-01.
    let numbers: UnsafeMutableBufferPointer<Double>
    /// The answers the arrays cannot hold whole: text, and choices with an index of 64 or more.
    private(set) var others: [Int: AnswerValue] = [:]

    init(questionCount: Int) {
        kinds = .allocate(repeating: .none, count: questionCount)
        bits = .allocate(repeating: 0, count: questionCount)
        numbers = .allocate(repeating: 0, count: questionCount)
    }

    convenience init(_ answers: AnswerSet) {
        self.init(questionCount: answers.answers.count)
        load(answers)
    }

    deinit {
        kinds.deallocate()
        bits.deallocate()
        numbers.deallocate()
    }

    func reset() {
        kinds.update(repeating: .none)
        if !others.isEmpty { others.removeAll(keepingCapacity: true) }
    }

    func load(_ answers: AnswerSet) {
        reset()
        for (q, answer) in answers.answers.enumerated() { set(q, answer) }
    }

    func set(_ q: Int, _ answer: Answer?) {
        switch answer {
        case nil: setState(q, .none)
        case .unknown?: setState(q, .unknown)
        case .declined?: setState(q, .declined)
        case .value(let value)?: set(q, value)
        }
    }

    func set(_ q: Int, _ value: AnswerValue) {
        kinds[q] = .value
        switch value {
        case .yesNo(let yes): bits[q] = yes ? 1 : 0
        case .choice(let c):
            bits[q] = c < 64 ? 1 << UInt64(c) : 0
            if c >= 64 { others[q] = value }
        case .choices(let cs):
            bits[q] = cs.reduce(0) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
            if cs.contains(where: { $0 >= 64 }) { others[q] = value }
        case .number(let n): numbers[q] = n
        case .date(let day): numbers[q] = Double(day)
        case .text: others[q] = value
        }
    }

    /// Fast setters for the JSON Lines reader, which has already checked the value against its question.
    func setState(_ q: Int, _ kind: Kind) { kinds[q] = kind }
    func setBits(_ q: Int, _ value: UInt64) { kinds[q] = .value; bits[q] = value }
    func setNumber(_ q: Int, _ value: Double) { kinds[q] = .value; numbers[q] = value }

    /// The one choice of a single-choice answer.
    func choice(_ q: Int) -> Int {
        if !others.isEmpty, case .choice(let c)? = others[q] { return c }
        return bits[q].trailingZeroBitCount
    }

    func contains(_ q: Int, choice c: Int) -> Bool {
        if c < 64 { return bits[q] & (1 << UInt64(c)) != 0 }
        if case .choices(let cs)? = others[q] { return cs.contains(c) }
        return false
    }

    func text(_ q: Int) -> String? {
        if case .text(let t)? = others[q] { return t }
        return nil
    }
}

extension UnsafeMutableBufferPointer {
    /// A buffer of `count` copies of `value`, to be deallocated by its owner.
    static func allocate(repeating value: Element, count: Int) -> Self {
        let buffer = allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }
}
