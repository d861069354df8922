import WaymarkCore
import WaymarkRecords

/// The rules for starting or resuming an intake with an organisation key: what the command line asks the library.
public enum IntakeOpening {
    /// A protected draft's passphrase has at least this many characters.
    public static let minimumPassphraseLength = 8

    /// The passphrase typed for a new protected draft, if it is long enough.
    public static func passphrase(_ typed: String?) throws(FatalError) -> String {
        guard let typed, typed.count >= minimumPassphraseLength else {
            throw FatalError(code: "W8103", "a passphrase of at least \(minimumPassphraseLength) characters is needed; nothing was saved")
        }
        return typed
    }

    /// A resumed draft is sealed to the key it began with: a different key, or a key for a draft begun without one,
    /// is refused rather than silently used. `keyName` is how the caseworker gave the key, for the message.
    public static func checkResumed(_ session: IntakeSession, against sealTo: OrganisationPublicKey?, keyName: String?) throws(FatalError) {
        guard let sealTo else { return }
        guard let stored = session.sealsTo else {
            throw FatalError(code: "W8104", "intake \(session.id) began without an organisation key, so its draft is not protected; "
                             + "finish it without --encrypt-to, or start a new intake")
        }
        if sealTo != stored {
            throw FatalError(code: "W8105", "intake \(session.id) will be sealed to the organisation key it began with, not to \(keyName ?? "the key given")")
        }
    }
}
