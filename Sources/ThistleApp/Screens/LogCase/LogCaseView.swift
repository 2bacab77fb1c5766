import PlaceDomain
import TerminalUI

extension LogCaseScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        let steps: [(String, Bool)] = [
            ("1 Resident", [.resident, .newResident, .duplicates].contains(step)), ("2 Needs", step == .needs),
            ("3 Consent", step == .consent), ("4 First note", step == .note),
        ]
        var x = rect.x + 1
        for (name, current) in steps {
            canvas.put(name, at: x, rect.y, style: current ? .reverse : .dim)
            x += displayWidth(of: name) + 3
        }
        var body = rect.sliceTop(2).rest
        if let resident, step != .resident, step != .newResident {
            canvas.put(" Resident", at: body.x, body.y, style: .bold)
            canvas.put(Self.residentLine(resident) + (isNewResident && candidates.isEmpty ? " (new)" : "")
                       + (isNewResident && !candidates.isEmpty && step != .duplicates ? " (new, confirmed)" : ""),
                       at: body.x + 11, body.y, maxWidth: body.width - 11)
            body = body.sliceTop(2).rest
        }
        switch step {
        case .resident: drawSearch(&canvas, body)
        case .newResident: drawNewResident(&canvas, body)
        case .duplicates:
            canvas.put(" This may be someone already registered. Enter uses the chosen record; N registers a new person.",
                       at: body.x, body.y, maxWidth: body.width)
            drawList(&canvas, body.sliceTop(2).rest, candidates.map(Self.residentLine), selected: candidateSelection)
        case .needs:
            canvas.put(" What does the resident need? Space ticks; u sets the urgency.", at: body.x, body.y,
                       maxWidth: body.width)
            drawList(&canvas, body.sliceTop(2).rest, categories.map { category in
                let urgency = needs[category.id]
                return "[\(urgency == nil ? " " : "x")] \(category.name)" + (urgency.map { " · \($0.rawValue)" } ?? "")
            }, selected: needSelection)
        case .consent:
            canvas.put(" Which agencies does the resident consent to sharing this case with? Space ticks.",
                       at: body.x, body.y, maxWidth: body.width)
            drawList(&canvas, body.sliceTop(2).rest, agencies.map {
                "[\(consentTo.contains($0.id) ? "x" : " ")] \($0.name)"
            }, selected: agencySelection)
        case .note:
            let ticked = categories.compactMap { category in needs[category.id].map { "\(category.id.rawValue) (\($0.rawValue))" } }
            canvas.put(" Needs", at: body.x, body.y, style: .bold)
            canvas.put(ticked.joined(separator: ", "), at: body.x + 11, body.y, maxWidth: body.width - 11)
            canvas.put(" Consent", at: body.x, body.y + 1, style: .bold)
            let names = agencies.filter { consentTo.contains($0.id) }.map(\.name)
            canvas.put(names.isEmpty ? "none recorded" : names.joined(separator: ", "), at: body.x + 11, body.y + 1,
                       maxWidth: body.width - 11)
            let label = " First note: "
            canvas.put(label, at: body.x, body.y + 3, style: .bold)
            note.draw(into: &canvas, rect: Rect(x: body.x + displayWidth(of: label), y: body.y + 3,
                                                width: max(1, body.width - displayWidth(of: label) - 1), height: 1),
                      focused: true, placeholder: "what happened at the door")
            canvas.put(" Enter opens the case.", at: body.x, body.y + 5, style: .dim, maxWidth: body.width)
        }
    }

    private func drawSearch(_ canvas: inout Canvas, _ body: Rect) {
        let label = " Find resident: "
        canvas.put(label, at: body.x, body.y, style: .bold)
        search.draw(into: &canvas, rect: Rect(x: body.x + displayWidth(of: label), y: body.y,
                                              width: max(1, body.width - displayWidth(of: label) - 1), height: 1),
                    focused: true, placeholder: "name, postcode or id; + registers a new resident")
        let list = body.sliceTop(2).rest
        if search.text.trimmingCharacters(in: .whitespaces).isEmpty {
            canvas.put(" Type to search residents.", at: list.x, list.y, style: .dim)
        } else if matches.isEmpty {
            canvas.put(" No resident matches. Press + to register a new one.", at: list.x, list.y, style: .dim,
                       maxWidth: list.width)
        } else {
            drawList(&canvas, list, matches.map(Self.residentLine), selected: matchSelection)
        }
    }

    private func drawNewResident(_ canvas: inout Canvas, _ body: Rect) {
        canvas.put(" Register a new resident (Tab moves between fields)", at: body.x, body.y, style: .bold,
                   maxWidth: body.width)
        let hints = ["given names, then family name", "YYYY-MM-DD", "e.g. KY8 1AB", "a place id; ↑/↓ choose"]
        for (index, label) in Self.fieldLabels.enumerated() {
            let y = body.y + 2 + index
            canvas.put(" " + label, at: body.x, y, style: index == fieldIndex ? .bold : .plain)
            fields[index].draw(into: &canvas, rect: Rect(x: body.x + 16, y: y, width: max(1, min(40, body.width - 17)),
                                                         height: 1),
                               focused: index == fieldIndex, placeholder: hints[index])
        }
        let place = communities.first { $0.id.rawValue == fields[3].text.trimmingCharacters(in: .whitespaces) }
        if let place { canvas.put(place.name, at: body.x + 58, body.y + 5, style: .dim, maxWidth: body.width - 58) }
    }

    private func drawList(_ canvas: inout Canvas, _ area: Rect, _ lines: [String], selected: Int) {
        let visible = max(1, area.height)
        let top = ListView.scrollOffset(selection: selected, current: 0, visibleRows: visible, count: lines.count)
        for (row, index) in lines.indices.dropFirst(top).prefix(visible).enumerated() {
            canvas.put(truncate(" " + lines[index], toWidth: area.width), at: area.x, area.y + row,
                       style: index == selected ? .reverse : .plain, maxWidth: area.width)
        }
    }

    static func residentLine(_ resident: Resident) -> String {
        [resident.fullName, "born " + (resident.dateOfBirth ?? "not known"), resident.postcode ?? "no postcode",
         resident.placeID.rawValue].joined(separator: " · ")
    }
}
