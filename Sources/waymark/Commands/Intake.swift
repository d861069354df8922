import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkWorkflows
import WaymarkRecords

struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A guided screening interview in the terminal, saved after every answer.",
        discussion: """
            At any prompt: ? help, u unknown, d declined, b back, r review and change answers, q save and quit, \
            x quick exit (also Ctrl-\\): saves, clears the screen and leaves without a word. \
            Exit code 0 when completed, 3 when saved as a draft.
            """)

    @OptionGroup var packOptions: PackOptions

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

    @Option(help: ArgumentHelp("On completion, write a printable Markdown summary for the referral.", valueName: "file.md"))
    var report: String?

    @Flag(help: "Include answers to sensitive questions in the summary (left out by default).")
    var includeSensitive = false

    @Option(help: ArgumentHelp("Seal the completed record to this organisation public key (see 'waymark keys new'); the draft is then protected with a passphrase.", valueName: "public-key"))
    var encryptTo: String?

    func run() throws {
        let output = Output()
        let settings = try Settings.load(output: output)
        let env = ProcessInfo.processInfo.environment
        let store = IntakeStore(directory: out ?? env["WAYMARK_INTAKES"] ?? settings.intakes ?? IntakeStore.defaultDirectory())
        if list {
            output.print(IntakeList.text(store.list(), directory: store.directory))
            return
        }
        let pack = try packOptions.load(output: output)
        for code in [lang, caseworkerLang].compactMap({ $0 }) where !pack.info.languages.contains(code) {
            output.fail("pack \(pack.info.id) has no '\(code.singleLineSafe)' texts; its languages are \(pack.info.languages.joined(separator: ", "))",
                        suggestion: Suggestion.didYouMean(code, in: pack.info.languages))
            throw ExitCode(1)
        }
        let session: IntakeSession
        do {
            let sealTo: OrganisationPublicKey?
            sealTo = try (encryptTo ?? env["WAYMARK_ENCRYPT_TO"] ?? settings.encryptTo).map { try OrganisationKey.publicKey(from: $0) }
            if let resume {
                session = try IntakeSession.resume(resume, pack: pack, store: store) {
                    Passphrase.read(prompt: "Passphrase for this draft: ", confirm: false)
                }
                if let sealTo, let stored = session.sealsTo, sealTo != stored {
                    throw FatalError("intake \(resume) will be sealed to the organisation key it began with, not to \(encryptTo ?? "the key given")")
                }
                if sealTo != nil, session.sealsTo == nil {
                    throw FatalError("intake \(resume) began without an organisation key, so its draft is not protected; "
                                     + "finish it without --encrypt-to, or start a new intake")
                }
            } else {
                var protection: (passphrase: String, sealTo: OrganisationPublicKey)?
                if let sealTo {
                    output.print("Records are sealed to the organisation key. Choose a passphrase (8 characters or more) to protect this draft until it is complete.\n")
                    guard let passphrase = Passphrase.read(prompt: "Passphrase (not shown): ", confirm: true), passphrase.count >= 8 else {
                        throw FatalError("a passphrase of at least 8 characters is needed; nothing was saved")
                    }
                    protection = (passphrase, sealTo)
                }
                session = try IntakeSession.start(pack: pack, store: store, language: lang, protection: protection)
            }
        } catch let error as FatalError {
            output.fail(error)
            throw ExitCode(1)
        }
        if session.isComplete {
            output.print("Intake \(session.id) is already complete. Its record is \(store.recordPath(session.id)).\n")
            return
        }
        let io = TerminalIO()
        let words = Catalog.load(caseworkerLang ?? lang ?? "en")
        let resumeHint = "\n" + words("Saved as a draft. Resume with: {1}", "waymark intake --resume \(session.id)" + (out.map { " --out \($0)" } ?? "")) + "\n"
        InterviewSignals.install(resumeHint: resumeHint, terminal: io.isTerminal)
        io.write((resume == nil ? words("Intake {1} started. Every answer is saved as you go.", session.id) : words("Resuming intake {1}.", session.id)) + "\n")
        let ending: Interview.Ending
        do {
            ending = try Interview(session: session, io: io, languages: InterviewLanguages(person: lang, caseworker: caseworkerLang)).run()
        } catch {
            output.fail(FatalError(error.diagnostic))
            output.error("Answers given so far are saved; resume with: waymark intake --resume \(session.id)")
            throw ExitCode(3)
        }
        switch ending {
        case .completed(let recordPath, let result, let decisions):
            output.print(words("Record: {1}", recordPath) + "\n")
            if let report {
                let markdown = IntakeSummary(includeSensitive: includeSensitive).markdown(session: session, report: result, decisions: decisions, language: lang)
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
}

/// The table `intake --list` prints.
enum IntakeList {
    static func text(_ intakes: [IntakeStore.Summary], directory: String) -> String {
        guard !intakes.isEmpty else { return "No intakes in \(directory).\n" }
        var out = "ID                        STARTED               PACK                  ANSWERS  STATUS\n"
        for i in intakes {
            out += i.id.padding(toLength: 26, withPad: " ", startingAt: 0) + i.started.padding(toLength: 22, withPad: " ", startingAt: 0)
                + i.packVersion.padding(toLength: 22, withPad: " ", startingAt: 0) + String(i.answered).padding(toLength: 9, withPad: " ", startingAt: 0)
                + (i.completed ? "completed" : i.isProtected ? "draft, protected" : "draft") + "\n"
        }
        return out
    }
}
