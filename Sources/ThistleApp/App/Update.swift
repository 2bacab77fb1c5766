import PlaceDomain
import TerminalUI

extension AppState {
    /// Applies a message and returns the effects to run. No I/O here.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .edited(let result):
            return edited(result)
        case .mouse(let event):
            return mouse(event)
        case .resized(let newSize):
            // Screens hear of it too, to keep their selection on screen.
            size = newSize
        case .placesLoaded(let loaded):
            overview = loaded
        case .failed(let reason):
            notice = reason
            return []
        case .signedIn(let signedIn):
            return unlock(as: signedIn)
        case .signInRefused(let reason):
            lock?.checking = false
            lock?.problem = reason
            return []
        case .idle:
            guard lock == nil, let member, needsSignIn else { return [] }
            lock = SignInLock(member: member, reason: .idle)
            overlay = nil
            return [.endSignIn]
        case .refused(let reason, _, _), .logRefused(let reason), .boardRefused(let reason):
            notice = reason
        case .caseLogged(let detail):
            // The new case replaces the form it was logged from.
            if case .logCase(let form)? = stack.last {
                var screen = CaseScreen(caseID: detail.id, from: form.from)
                screen.detail = detail
                stack[stack.count - 1] = .caseFile(screen)
            }
            let context = self.context
            return stack.flatMap { $0.reload(context) }
        default:
            break
        }
        let context = self.context
        for index in stack.indices { stack[index].receive(message, context) }
        switch message {
        case .caseSaved, .caseWithheld(_, changed: true):
            // The case changed: every worklist on the stack loads again.
            return stack.flatMap { $0.reload(context) }
        default:
            return []
        }
    }

    /// The editor's text answers the open prompt as if typed and confirmed;
    /// an empty one cancels it; a failure leaves it open, saying why.
    private mutating func edited(_ result: EditorResult) -> [Effect] {
        guard var screen = stack.last, var prompt = screen.openPrompt, case .text(let field) = prompt.input else { return [] }
        let key: Key
        switch result {
        case .failed(let reason):
            notice = reason
            return []
        case .noEditor:
            overlay = .editor(BuiltInEditor(title: prompt.title, area: TextArea(text: field.text, limit: field.limit)))
            return []
        case .empty:
            key = .escape
        case .text(let text):
            prompt.input = .text(TextField(text: text, limit: field.limit))
            screen.openPrompt = prompt
            if let limit = field.limit, text.count > limit {
                stack[stack.count - 1] = screen
                notice = "That is \(text.count) characters; this takes at most \(limit). "
                    + "\(Prompt.editorKey.displayName) opens it again to shorten it."
                return []
            }
            key = .enter
        }
        let outcome = screen.edit(key, context)
        stack[stack.count - 1] = screen
        if result == .empty, notice == nil { notice = "Nothing was saved: the editor's text was empty." }
        return apply(outcome)
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrl("c") { return perform(.quit) }
        if lock != nil { return handleLocked(key) }
        if case .editor? = overlay { return handleEditor(key) }
        if let overlay {
            return handle(key, over: overlay)
        }
        if isTooSmall {
            // Nothing else is on screen to act on; only quitting makes sense.
            return key == .character("q") ? perform(.quit) : []
        }
        notice = nil
        guard var screen = stack.last else { return [] }
        if screen.isEditingText {
            if key == Prompt.editorKey, let request = screen.openPrompt?.editorRequest { return [.openEditor(request)] }
            let outcome = screen.edit(key, context)
            stack[stack.count - 1] = screen
            return apply(outcome)
        }
        guard let command = bindings.command(for: key) else { return [] }
        return perform(command)
    }

    /// Runs a command: the screen's own first, then the global one.
    mutating func perform(_ command: Command) -> [Effect] {
        let context = self.context
        if var screen = stack.last, let outcome = screen.perform(command, context) {
            stack[stack.count - 1] = screen
            return apply(outcome)
        }
        switch command {
        case .quit:
            isQuitting = true
            return [.quit]
        case .help:
            overlay = .help(HelpContent(screen: keyOverrides.apply(stack.last?.bindings ?? []),
                                        global: keyOverrides.apply(globalBindings)))
        case .palette:
            overlay = .palette(Palette(entries: bindings.filter { $0.command != .palette }))
        case .back:
            if stack.count > 1 { stack.removeLast() }
        case .goHome:
            guard member != nil else { return [] }
            stack = [.home(HomeScreen(focus: homePlace))]
            return [.loadPlaces]
        case .goDirectory:
            guard member != nil else { return [] }
            if case .directory = stack.last { return [] }
            var directory = DirectoryScreen()
            let effect = directory.start()
            stack = [stack[0], .directory(directory)]
            return [effect]
        case .goTriage:
            return goTopLevel(.triageQueue(TriageQueueScreen()))
        case .goMyCases:
            return goTopLevel(.myCases(MyCasesScreen()))
        case .goReferralsIn:
            return goTopLevel(.referralsIn(ReferralsInScreen()))
        case .goSync:
            return goTopLevel(.sync(SyncScreen()))
        default:
            break
        }
        return []
    }

    /// Replaces the stack above Home with a top-level worklist and loads it.
    private mutating func goTopLevel(_ screen: Screen) -> [Effect] {
        guard member != nil else { return [] }
        if stack.last?.tabIndex == screen.tabIndex { return [] }
        stack = [stack[0], screen]
        return screen.reload(context)
    }

    private mutating func apply(_ outcome: Outcome) -> [Effect] {
        var effects = outcome.effects
        if let message = outcome.notice { notice = message }
        if let chosen = outcome.chosenMember, needsSignIn {
            lock = SignInLock(member: chosen, reason: .signIn, hint: passphraseHint)
        } else if let chosen = outcome.chosenMember {
            member = chosen
            stack = [.home(HomeScreen(focus: homePlace))]
            effects.append(.loadPlaces)
        }
        if outcome.pop, stack.count > 1 { stack.removeLast() }
        if let next = outcome.push { stack.append(next) }
        if let dialog = outcome.dialog { overlay = .dialog(dialog) }
        if let places = overview, outcome.chosenMember != nil {
            // The tree is already loaded; let the new Home see it at once.
            let context = self.context
            stack[stack.count - 1].receive(.placesLoaded(places), context)
        }
        return effects
    }

    /// Keys while the passphrase box is up: only it hears them. Esc goes
    /// back to choosing who you are, forgetting what was open.
    private mutating func handleLocked(_ key: Key) -> [Effect] {
        guard var lock else { return [] }
        if key == .escape, !lock.checking {
            self.lock = nil
            member = nil
            overlay = nil
            var picker = MemberPickerScreen()
            let effect = picker.start()
            stack = [.memberPicker(picker)]
            return [effect]
        }
        let effects = lock.handle(key)
        self.lock = lock
        return effects
    }

    /// The passphrase opened the keys: back to where the member was, or to
    /// Home for someone who has just signed in.
    private mutating func unlock(as signedIn: Member) -> [Effect] {
        guard let waiting = lock, waiting.member.id == signedIn.id else { return [] }
        lock = nil
        if member?.id == signedIn.id { return [] }
        member = signedIn
        stack = [.home(HomeScreen(focus: homePlace))]
        var effects: [Effect] = [.loadPlaces]
        if let places = overview {
            stack[0].receive(.placesLoaded(places), context)
            effects = []
        }
        return opening == .goHome ? effects : effects + perform(opening)
    }

    /// A key in the built-in editor. The overlay is taken out while the text
    /// changes, so that a long text is edited in place, not copied at every key.
    private mutating func handleEditor(_ key: Key) -> [Effect] {
        guard case .editor(var editor)? = overlay else { return [] }
        overlay = nil
        switch key {
        case .ctrl("s"):
            let text = editor.area.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return edited(text.isEmpty ? .empty : .text(text))
        case .escape:
            return []
        default:
            _ = editor.area.handle(key)
            let full = editor.area.limit.map { editor.area.count >= $0 } ?? false
            notice = full ? "That is the most it takes: \(editor.area.limit ?? 0) characters." : nil
            overlay = .editor(editor)
            return []
        }
    }

    private mutating func handle(_ key: Key, over overlay: Overlay) -> [Effect] {
        switch overlay {
        case .editor:
            return handleEditor(key)
        case .help(var help):
            switch key {
            case .escape, .character("?"), .character("q"), .enter, .function(1):
                self.overlay = nil
            default:
                help.scroll(key, in: size)
                self.overlay = .help(help)
            }
            return []
        case .dialog:
            if key == .escape || key == .enter || key == .character("q") { self.overlay = nil }
            return []
        case .palette(var palette):
            switch key {
            case .escape:
                self.overlay = nil
                return []
            case .enter:
                self.overlay = nil
                guard let command = palette.chosen?.command else { return [] }
                return perform(command)
            default:
                palette.handle(key)
                self.overlay = .palette(palette)
                return []
            }
        }
    }
}
