extension ResultReport {
    /// The same report with each referral's contact taken from `directory` where it has one.
    public func withContacts(from directory: ServiceDirectory?, pack: Pack) -> ResultReport {
        guard let directory else { return self }
        var report = self
        for i in report.referrals.indices {
            if let service = pack.service(report.referrals[i].service) { report.referrals[i].contact = directory.contact(for: service) }
        }
        return report
    }
}
