import TerminalUI

extension AppState {
    /// Draws the whole screen. Reads state only.
    public func view(into canvas: inout Canvas) {
        if isTooSmall {
            TooSmallNotice.draw(into: &canvas, needed: Self.minimumSize, actual: size)
            return
        }
        let layout = Layout.split(size)
        if let lock {
            // Nothing of the workspace shows behind the passphrase box.
            StatusLine(left: "Thistle", right: "not signed in").draw(into: &canvas, rect: layout.title)
            lock.draw(into: &canvas, layout.body)
            Footer(hints: bindings.filter(\.inFooter).map { ($0.keys[0].displayName, $0.label) })
                .draw(into: &canvas, rect: layout.footer)
            return
        }
        let crumbs = stack.last?.title(overview) ?? []
        StatusLine(left: "Thistle │ " + crumbs.joined(separator: " › "), right: memberLabel)
            .draw(into: &canvas, rect: layout.title)
        if member != nil {
            let selected = stack.last { $0.tabIndex != nil }?.tabIndex ?? 0
            Tabs(titles: Self.tabTitles, selected: selected)
                .draw(into: &canvas, rect: layout.tabs)
        }
        stack.last?.view(into: &canvas, layout.body, context)
        if let notice {
            canvas.put(truncate(notice, toWidth: layout.notice.width), at: layout.notice.x, layout.notice.y,
                       style: Style(foreground: .red, bold: true))
        }
        Footer(hints: bindings.filter(\.inFooter).map { ($0.keys[0].displayName, $0.label) })
            .draw(into: &canvas, rect: layout.footer)
        switch overlay {
        case .help(let help):
            help.overlay.draw(into: &canvas, rect: canvas.bounds)
        case .dialog(let content):
            Dialog(title: content.title, lines: content.lines, buttons: ["Close"]).draw(into: &canvas, rect: canvas.bounds)
        case .palette(let palette):
            palette.draw(into: &canvas, canvas.bounds)
        case .editor(let editor):
            editor.draw(into: &canvas, layout.body)
        case nil:
            break
        }
    }

    /// The top-level tabs, in the order of `GlobalBindings.tabs`.
    static let tabTitles = ["Home", "Directory", "Triage queue", "My cases", "Referrals in", "Sync"]

    private var memberLabel: String {
        guard let member else { return "not signed in" }
        return "\(member.name) · \(member.role.rawValue)"
    }
}
