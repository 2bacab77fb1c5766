import ArgumentParser
import Foundation
import PlaceStore
import PlaceSync
import SampleData

extension GenerationScale: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic place at scale, for benchmarks and trials.",
        discussion: """
            fife: 150 members, 300 services, 80,000 residents, 100,000 cases over three years (about 250,000 \
            needs and 300,000 referrals); large: a quarter of that; small: 1,000 cases. Everyone in it is \
            fictional; every member's passphrase is "demo". The same --seed gives the same content. \
            PATH must not exist.
            """)
    @Option(help: "small, large or fife.") var scale: GenerationScale = .small
    @Option(help: ArgumentHelp("So many cases instead of the scale's (residents in proportion); 1 to 200,000.", valueName: "n"))
    var cases: Int?
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The new database file.", valueName: "path")) var db: String

    func validate() throws {
        if let cases, !(1...GenerationScale.mostCases).contains(cases) {
            throw ValidationError("--cases must be between 1 and \(GenerationScale.mostCases)")
        }
    }

    func run() throws {
        let bar = ProgressBar("Generating \(scale.rawValue)", unit: "cases")
        let started = Date()
        try SyntheticPlace.generate(
            at: db, scale: scale, cases: cases, seed: seed, from: SampleData.fifeDirectory,
            progress: { bar.update($0, of: $1) },
            finishing: { store, keys in try TeamMembership.create(in: store, keys: keys, deviceName: "generated laptop") })
        bar.finish()
        let size = (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.int64Value ?? 0
        print("Generated \(scale.rawValue) (seed \(seed)) at \(db) in \(ProgressBar.duration(Date().timeIntervalSince(started))): "
              + "\(ByteCountFormatter.string(fromByteCount: size, countStyle: .file))")
        print("Every member's passphrase is \"\(DemoPlace.passphrase)\".")
    }
}
