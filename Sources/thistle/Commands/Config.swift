import Foundation
import PlaceDomain
import TerminalUI
import ThistleApp
import TOMLKit

/// The user's settings, from `$XDG_CONFIG_HOME/thistle/config.toml`
/// (`~/.config/thistle/config.toml`); every one optional:
///
///     theme = "auto"            # auto, 256, 8, high-contrast or mono
///     lock_after = 15           # minutes (1 to 1440), or "90s" (5s to 86400s)
///     place = "place-levenmouth"  # the place Home opens on
///     mouse = true              # clicks and the wheel; false leaves the mouse to the terminal
///
///     [keys]                    # a command's own key, in place of Thistle's
///     note = "n"
///
/// An environment variable wins over the file (`NO_COLOR`, `THISTLE_LOCK_AFTER`).
/// A file that does not read, an unknown setting or a bad value is refused
/// with the file, its line where TOML gives one, and what is allowed.
struct Config: Equatable {
    var theme: Theme = .auto
    var lockAfter: TimeInterval?
    var place: PlaceID?
    var mouse = true
    var keys = KeyOverrides.none
    /// Where it was read from, if a file was there.
    var path: String?

    static let settings = ["theme", "lock_after", "place", "mouse", "keys"]

    /// Where the file is looked for.
    static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            base = config
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        }
        return base + "/thistle/config.toml"
    }

    /// The settings in the file, or the defaults when there is none.
    static func load(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Config {
        let path = path(environment)
        guard FileManager.default.fileExists(atPath: path) else { return Config() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot be read; check its permissions")
        }
        guard data.count <= 65_536 else { throw Failure("\(path): is over 64 KiB; a config file is a few lines") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure("\(path): is not UTF-8 text") }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description.oneLine())")
        }
        var config = Config(path: path)
        for key in table.keys where !settings.contains(key) {
            throw Failure("\(path): there is no setting '\(key.shownInRefusal)'; the settings are \(settings.joined(separator: ", "))")
        }
        if let value = table["theme"] {
            let names = Theme.allCases.map(\.rawValue)
            guard let name = value.string ?? value.int.map(String.init), let theme = Theme(rawValue: name) else {
                throw Failure("\(path): theme must be one of \(names.joined(separator: ", ")), not \(shown(value))")
            }
            config.theme = theme
        }
        if let value = table["lock_after"] {
            guard let text = value.int.map(String.init) ?? value.string, let idle = IdleLock.parse(text) else {
                throw Failure("\(path): lock_after must be minutes from 1 to 1440, or seconds from \"5s\" to \"86400s\", "
                              + "not \(shown(value))")
            }
            config.lockAfter = idle
        }
        if let value = table["mouse"] {
            guard let on = value.bool else { throw Failure("\(path): mouse must be true or false, not \(shown(value))") }
            config.mouse = on
        }
        if let value = table["keys"] {
            guard let keys = value.table else { throw Failure("\(path): keys must be a table: [keys] then note = \"n\"") }
            var pairs: [String: String] = [:]
            for name in keys.keys {
                guard let text = keys[name]?.string else {
                    throw Failure("\(path): keys.\(name.shownInRefusal) must be a key in quotes, such as \"n\" or \"Ctrl-K\"")
                }
                pairs[name] = text
            }
            do {
                config.keys = try KeyOverrides(pairs)
            } catch {
                throw Failure("\(path): \(error.description.oneLine())")
            }
        }
        if let value = table["place"] {
            guard let id = value.string, !id.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Failure("\(path): place must be a place's id (from `thistle places`), not \(shown(value))")
            }
            config.place = PlaceID(id)
        }
        return config
    }

    /// A value as the user wrote it, for a refusal.
    private static func shown(_ value: TOMLValueConvertible) -> String {
        if let text = value.string { return "\"\(text.shownInRefusal)\"" }
        if let number = value.int { return String(number) }
        return "a \(value.type)"
    }
}
