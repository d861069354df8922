import Foundation
import WaymarkCore

/// The referrals to act on, one per service: referrals to the same service merged (every reason kept), the most
/// urgent first. The caseworker decides once per service, not once per rule.
public struct ReferralPlan: Sendable {
    /// One service to contact, with why and how soon.
    public struct Step: Sendable {
        public var service: String
        public var title: String
        public var urgency: Urgency
        /// The rules that suggested it, in pack order.
        public var referrals: [String]
        public var reasons: [String]
        public var contact: String?
        /// Some referral to this service is made only with the person's agreement.
        public var needsConsent = false
    }

    public var steps: [Step]

    /// The present referrals of `report`, merged by service and sorted by urgency, then by where they first appear.
    public init(_ report: ResultReport) {
        var steps: [Step] = []
        for referral in report.referrals where referral.state == .present {
            if let i = steps.firstIndex(where: { $0.service == referral.service }) {
                steps[i].urgency = min(steps[i].urgency, referral.urgency)
                steps[i].referrals.append(referral.id)
                if let because = referral.because, !steps[i].reasons.contains(because) { steps[i].reasons.append(because) }
                steps[i].needsConsent = steps[i].needsConsent || referral.needsConsent
            } else {
                steps.append(Step(service: referral.service, title: referral.serviceTitle, urgency: referral.urgency, referrals: [referral.id],
                                  reasons: referral.because.map { [$0] } ?? [], contact: referral.contact, needsConsent: referral.needsConsent))
            }
        }
        self.steps = steps.enumerated().sorted { ($0.element.urgency, $0.offset) < ($1.element.urgency, $1.offset) }.map(\.element)
    }

    /// When a pending referral is due: now, within a day, or within a week, from its urgency.
    public static func due(_ urgency: Urgency, from start: Date) -> Date {
        switch urgency {
        case .immediate: return start
        case .within24h: return start.addingTimeInterval(24 * 3600)
        case .routine: return start.addingTimeInterval(7 * 24 * 3600)
        }
    }
}
