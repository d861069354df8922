import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A guided screening interview in the terminal, saved after every answer.",
        discussion: """
            At any prompt: ? help, u unknown, d declined, b back (Enter then keeps the answer), r review and change \
            answers, s sections and their progress, + a note on this question, l the language read to the person, \
            q save and quit, x quick exit (also Ctrl-\\): saves, clears the screen and leaves without a word. \
            Exit code 0 when completed, 3 when saved as a draft.
            """)

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var serviceOptions: ServiceOptions

    @Option(help: ArgumentHelp("Continue a saved draft.", valueName: "id"))
    var resume: String?

    @Option(help: ArgumentHelp("Folder for intakes (default: $XDG_DATA_HOME/waymark/intakes).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Language read to the person (en, az, ru in the shipped pack); 'l' at any prompt changes it.", valueName: "code"))
    var lang: String?

    @Option(help: ArgumentHelp("Language of the tool's words, help and guidance for the caseworker (default: --lang).", valueName: "code"))
    var caseworkerLang: String?

    @Flag(help: "List drafts and completed intakes.")
    var list = false

    @Flag(help: "With --list, print JSON for scripts.")
    var json = false

    @Option(help: ArgumentHelp("Save the intact answers of a draft whose journal's first line is damaged into a new draft.", valueName: "id"))
    var recover: String?

    @Option(help: ArgumentHelp("Remove a draft for good (it asks to confirm by typing the id's last four characters).", valueName: "id"))
    var discard: String?

    @Option(help: ArgumentHelp("On completion, write a printable Markdown summary for the referral.", valueName: "file.md"))
    var report: String?

    @Flag(help: "With sealed records (--encrypt-to or the settings file), allow --report to write a summary that is not encrypted.")
    var clearTextReport = false

    @Flag(help: "Include answers to sensitive questions in the summary (left out by default).")
    var includeSensitive = false

    @Option(help: ArgumentHelp("Seal the completed record to this organisation public key (see 'waymark keys new'); the draft is then protected with a passphrase.", valueName: "public-key"))
    var encryptTo: String?

    func run() throws {
        let output = Output()
        // From the first byte: a quick exit or Ctrl-C at the passphrase prompt leaves as cleanly as at any other.
        InterviewSignals.install(resumeHint: "\nNothing was saved.\n", terminal: isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
        let settings = try Settings.load(output: output)
        let store = IntakeStore(directory: settings.intakeDirectory(flag: out))
        if list {
            output.print(json ? IntakeList.json(store.list()).pretty + "\n" : IntakeList.text(store.list(), directory: store.directory))
            return
        }
        if let discard { return try discardDraft(discard, store: store, output: output) }
        let pack = try packOptions.load(output: output)
        if let recover {
            do {
                let (session, count) = try IntakeSession.recover(recover, pack: pack, store: store)
                output.print("Recovered \(count) answers of intake \(recover) into a new draft, \(session.id); the damaged journal is kept as "
                             + "\(store.journalPath(recover)).damaged.\nResume with: waymark intake --resume \(session.id)" + (out.map { " --out \($0.shellQuoted)" } ?? "") + "\n")
                return
            } catch {
                output.fail(error)
                throw ExitCode(1)
            }
        }
        for code in [lang, caseworkerLang].compactMap({ $0 }) where !pack.info.languages.contains(code) {
            output.fail("pack \(pack.info.id) has no '\(code.singleLineSafe)' texts; its languages are \(pack.info.languages.joined(separator: ", "))",
                        suggestion: Suggestion.didYouMean(code, in: pack.info.languages))
            throw ExitCode(1)
        }
        let directory = try serviceOptions.load(pack: pack, settings: settings, output: output)
        if let report {
            try ReportDestination.checkWritable(report, output: output)
            if !clearTextReport, (try? settings.encryptionKeyFile(flag: encryptTo)) != nil {
                output.fail(FatalError(code: "W8133", "records are sealed to the organisation key, but --report would write a summary anyone on this laptop can read",
                                       suggestion: "add --clear-text-report if that is intended, or leave out --report and make the summary at the organisation"))
                throw ExitCode(1)
            }
        }
        let session: IntakeSession
        do { session = try openSession(pack: pack, store: store, settings: settings, output: output) } catch {
            output.fail(error)
            throw ExitCode(1)
        }
        if session.isComplete {
            output.print("Intake \(session.id) is already complete. Its record is \(store.recordPath(session.id)).\n"
                         + "Its summary, at any time: waymark report \(session.id)" + (out.map { " --out \($0.shellQuoted)" } ?? "") + "\n")
            return
        }
        let io = TerminalIO()
        let words = Catalog.load(caseworkerLang ?? lang ?? "en")
        // Not wrapped: the command is copied as one line.
        let resumeHint = "\n" + words("Saved as a draft. Resume with: {1}", "waymark intake --resume \(session.id)" + (out.map { " --out \($0.shellQuoted)" } ?? "")) + "\n"
        InterviewSignals.update(resumeHint: resumeHint)
        io.write(TextWrap.wrap(resume == nil ? words("Intake {1} started. Every answer is saved as you go.", session.id) : words("Resuming intake {1}.", session.id),
                               width: io.columns) + "\n")
        let ending: Interview.Ending
        do {
            let interview = Interview(session: session, io: io, languages: InterviewLanguages(person: lang, caseworker: caseworkerLang))
            interview.serviceDirectory = directory
            ending = try interview.run()
        } catch {
            output.fail(FatalError(error.diagnostic))
            output.error("Answers given so far are saved; resume with: waymark intake --resume \(session.id)" + (out.map { " --out \($0.shellQuoted)" } ?? ""))
            throw ExitCode(3)
        }
        switch ending {
        case .completed(let recordPath, let result, let decisions):
            output.print(words("Record: {1}", recordPath) + "\n")
            if let report {
                var markdown = IntakeSummary(includeSensitive: includeSensitive).markdown(session: session, report: result, decisions: decisions, language: lang)
                if clearTextReport { markdown = "> This summary is not encrypted; the intake's record is sealed to the organisation key.\n\n" + markdown }
                do { try SecureFile.writeAtomically(Array(markdown.utf8), to: report) } catch {
                    output.fail(error)
                    throw ExitCode(1)
                }
                output.print("Summary: \(report)\n")
            }
        case .savedDraft:
            output.print(resumeHint)
            throw ExitCode(3)
        case .quickExit:
            if io.isTerminal { io.write(TerminalIO.clearScreen) }
            throw ExitCode(3)
        }
    }

    /// Removes a draft after the caseworker types the end of its id, so that a slip of the keyboard removes nothing.
    private func discardDraft(_ id: String, store: IntakeStore, output: Output) throws {
        guard store.exists(id) else {
            output.fail(FatalError(code: "W8132", "no draft \(id.singleLineSafe) in \(store.directory.singleLineSafe)", suggestion: "waymark intake --list shows them"))
            throw ExitCode(1)
        }
        let suffix = String(id.suffix(4))
        output.print("Discard draft \(id)? Its answers are removed for good. Type \(suffix) to confirm: ")
        guard Swift.readLine()?.trimmingCharacters(in: .whitespaces) == suffix else {
            output.print("Nothing was removed.\n")
            throw ExitCode(1)
        }
        do { try store.discard(id) } catch {
            output.fail(error)
            throw ExitCode(1)
        }
        output.print("Draft \(id) removed.\n")
    }

    /// A new intake, or the draft to resume, with the organisation key and passphrase the settings call for.
    private func openSession(pack: Pack, store: IntakeStore, settings: WaymarkSettings, output: Output) throws(FatalError) -> IntakeSession {
        let keyFile = try settings.encryptionKeyFile(flag: encryptTo)
        var sealTo: OrganisationPublicKey?
        if let keyFile { sealTo = try OrganisationKey.publicKey(from: keyFile) }
        if let resume {
            var attempt = 0
            let session = try IntakeSession.resume(resume, pack: pack, store: store) {
                attempt += 1
                if attempt > 1 { output.print("That passphrase does not open this draft. Please try again.\n") }
                return Passphrase.read(prompt: "Passphrase for this draft: ", confirm: false)
            }
            try IntakeOpening.checkResumed(session, against: sealTo, keyName: keyFile)
            return session
        } else {
            var protection: (passphrase: String, sealTo: OrganisationPublicKey)?
            if let sealTo {
                output.print("Records are sealed to the organisation key. Choose a passphrase (\(IntakeOpening.minimumPassphraseLength) characters or more) "
                             + "to protect this draft until it is complete.\n")
                protection = (try IntakeOpening.passphrase(Passphrase.read(prompt: "Passphrase (not shown): ", confirm: true)), sealTo)
            }
            return try IntakeSession.start(pack: pack, store: store, language: lang, protection: protection)
        }
    }
}
