/// The short form of a result (`evaluate --format summary`): the outcome id and the ids of the indicators and
/// referrals that are present or undetermined, in pack order. The reference the batch writer is held to.
public enum ResultSummary {
    public static func json(_ evaluation: Evaluation, pack: Pack, line: Int? = nil, caseID: String? = nil) -> JSONValue {
        func ids(_ states: [ItemState], _ wanted: ItemState, _ id: (Int) -> String) -> JSONValue {
            .array(states.indices.filter { states[$0] == wanted }.map { .string(id($0)) })
        }
        var fields: [(String, JSONValue)] = []
        if let line { fields.append(("line", .number(Double(line)))) }
        if let caseID { fields.append(("id", .string(caseID))) }
        fields.append(("outcome", evaluation.outcome.map { .string(pack.outcomes[$0].id) } ?? .null))
        fields.append(("indicators", .object([("present", ids(evaluation.indicatorStates, .present) { pack.indicators[$0].id }),
                                              ("undetermined", ids(evaluation.indicatorStates, .undetermined) { pack.indicators[$0].id })])))
        fields.append(("referrals", .object([("present", ids(evaluation.referralStates, .present) { pack.referrals[$0].id }),
                                             ("undetermined", ids(evaluation.referralStates, .undetermined) { pack.referrals[$0].id })])))
        return .object(fields)
    }
}
