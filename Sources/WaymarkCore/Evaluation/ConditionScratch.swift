/// Working space for evaluating one condition at a time, sized once per run. Written through pointers, so that
/// filling it in changes nothing in the run itself: no copies, no uniqueness checks in the innermost loop.
final class ConditionScratch {
    let truth: UnsafeMutableBufferPointer<TruthValue>
    /// Whether each unknown test could still be decided by answering an asked question.
    let free: UnsafeMutableBufferPointer<Bool>
    let assignment: UnsafeMutableBufferPointer<TruthValue>
    let freeTests: UnsafeMutableBufferPointer<Int>
    let stack: UnsafeMutableBufferPointer<TruthValue>
    /// Marks for the indicators found so far while tracing what a result rests on; cleared after each use.
    let supporting: UnsafeMutableBufferPointer<Bool>

    init(tests: Int, steps: Int, indicators: Int) {
        truth = .allocate(repeating: .unknown, count: tests)
        free = .allocate(repeating: false, count: tests)
        assignment = .allocate(repeating: .unknown, count: tests)
        freeTests = .allocate(repeating: 0, count: tests)
        stack = .allocate(repeating: .unknown, count: steps)
        supporting = .allocate(repeating: false, count: indicators)
    }

    deinit {
        truth.deallocate()
        free.deallocate()
        assignment.deallocate()
        freeTests.deallocate()
        stack.deallocate()
        supporting.deallocate()
    }
}
