import Foundation
import TestSupport
import XCTest

/// config.toml: the theme, the idle lock and the place Home opens on, read
/// from `$XDG_CONFIG_HOME/thistle/config.toml`; a bad file is refused with
/// where and why, and `thistle doctor` checks it.
final class ConfigTests: DemoBinaryTestCase {
    var configHome: URL { folder.appendingPathComponent("config") }

    func write(_ text: String) throws {
        let file = configHome.appendingPathComponent("thistle/config.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func workspace() throws -> TmuxSession {
        try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-alasdair-kerr"],
                        environment: ["XDG_CONFIG_HOME": configHome.path, "NO_COLOR": ""])
    }

    /// The refusal, the one thing drawn in colour (red), as the terminal got it.
    func refusal() throws -> String {
        let tmux = try workspace()
        try tmux.waitFor("Home") { $0.contains("Kirkcaldy") }
        try tmux.openTheLeadsFirstCase()
        try tmux.send("C")
        try tmux.waitFor("the confirmation") { $0.contains("Enter confirm") }
        try tmux.send("Enter")
        try tmux.waitFor("the refusal") { $0.contains("is still with the service") }
        // The line, with the attributes set just before it (tmux may set them at the end of the line above).
        let screen = try tmux.styledScreen()
        guard let line = screen.range(of: "Referral ref-") else { return "" }
        let start = screen.index(line.lowerBound, offsetBy: -24, limitedBy: screen.startIndex) ?? screen.startIndex
        return String(screen[start..<(screen[line.lowerBound...].firstIndex(of: "\n") ?? screen.endIndex)])
    }

    func testEachThemeDrawsTheRefusalInItsRed() throws {
        try write("theme = \"8\"\n")
        let eight = try refusal()
        XCTAssertTrue(eight.contains("31m") && !eight.contains("38;5"), "the terminal's red: \(eight.debugDescription)")
        try write("theme = \"256\"\n")
        XCTAssertTrue(try refusal().contains("38;5;160"), "a red from the 256-colour cube")
        try write("theme = \"high-contrast\"\n")
        XCTAssertTrue(try refusal().contains("91"), "bright red")
        try write("theme = \"mono\"\n")
        let mono = try refusal()
        XCTAssertFalse(mono.contains("31m") || mono.contains("38;5") || mono.contains("91m"), mono)
        XCTAssertTrue(mono.contains("1m"), "still bold: \(mono.debugDescription)")
    }

    func testHomeOpensOnTheConfiguredPlace() throws {
        try write("place = \"place-methil\"  # where I work\nlock_after = \"90s\"\n[keys]\nboard = \"B\"\n")
        let tmux = try workspace()
        try tmux.waitFor("Levenmouth open") { $0.contains("      Methil ") }
        let row = try tmux.styledScreen().split(separator: "\n").first { $0.contains("Methil  ") }
        XCTAssertTrue(row?.contains("\u{1b}[7m") == true, "Methil is the selected row: \(row.map(String.init)?.debugDescription ?? "none")")
        try tmux.waitFor("the footer with the board on B") { $0.contains("B board") }
        try tmux.send("B")
        try tmux.waitFor("Methil's board") { $0.contains("Methil › Board") }
    }

    func testABadFileIsRefusedWithWhereAndWhy() throws {
        let cases: [(String, String)] = [
            ("theme = \n", "config.toml:1:9: Error while parsing key-value pair"),
            ("theme = \"pink\"\n", "theme must be one of auto, 256, 8, high-contrast, mono, not \"pink\""),
            ("colour = true\n", "there is no setting 'colour'; the settings are theme, lock_after, place, mouse, keys"),
            ("[keys]\nnote = \"r\"\n", "keys.note: r is already bound on a case (to refer)"),
            ("[keys]\nnote = 5\n", "keys.note must be a key in quotes"),
            ("keys = \"n\"\n", "keys must be a table"),
            ("mouse = \"no\"\n", "mouse must be true or false, not \"no\""),
            ("lock_after = 0\n", "lock_after must be minutes from 1 to 1440, or seconds from \"5s\" to \"86400s\", not 0"),
            ("lock_after = \"2h\"\n", "not \"2h\""),
            ("place = 7\n", "place must be a place's id (from `thistle places`), not 7"),
            ("place = \"place-atlantis\"\n", "place 'place-atlantis' is not a place in this database"),
        ]
        for (text, message) in cases {
            try write(text)
            let doctor = try ThistleBinary.run(["doctor", "--db", database, "--json"], environment: ["XDG_CONFIG_HOME": configHome.path])
            XCTAssertEqual(doctor.status, 1, text)
            struct Report: Decodable { struct Check: Decodable { let check, status, detail: String }; let checks: [Check] }
            let config = try JSONDecoder().decode(Report.self, from: Data(doctor.stdout.utf8)).checks.first { $0.check == "config" }
            XCTAssertEqual(config?.status, "fail", text)
            XCTAssertTrue(config?.detail.contains(message) == true, "\(text): \(config?.detail ?? "no check")")
        }
        // The workspace refuses it too, before it draws anything, and changes nothing.
        try write("theme = \"pink\"\n")
        let tmux = try workspace()
        let screen = try tmux.waitFor("[exit status 1]")
        XCTAssertTrue(screen.contains("theme must be one of"), screen)
    }

    func testNoFileMeansTheDefaultsAndTheDoctorSaysSo() throws {
        let doctor = try ThistleBinary.run(["doctor", "--db", database], environment: ["XDG_CONFIG_HOME": configHome.path])
        XCTAssertTrue(doctor.stdout.contains("ok      config       none at \(configHome.path)/thistle/config.toml: the defaults"),
                      doctor.stdout)
    }
}
