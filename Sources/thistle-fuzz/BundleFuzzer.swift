import Foundation
import PlaceDomain
import PlaceStore
import PlaceSync

/// libFuzzer's target for the bundle decoder (`make fuzz`, docs/RELIABILITY.md):
/// every input is imported as a bundle into a laptop of a one-member team,
/// in memory. Each must be refused with a `SyncError` or applied; anything
/// else (a crash, another error, a hang) is a finding. Built only with
/// `-sanitize=fuzzer -D FUZZING`; a plain build is a one-line reminder.
enum BundleFuzzer {
    /// The laptop and its team, made once per fuzzing process.
    nonisolated(unsafe) static let laptop: (store: PlaceStore, team: TeamMembership) = {
        do {
            let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_790_000_000))
            let store = try PlaceStore.inMemory(
                device: "device-fuzz", clock: clock, idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 1)))
            try store.write(by: nil, [
                try .create(Place(id: "place-fuzz", name: "Fuzzshire", kind: .council, parentID: nil, population: 1)),
                try .create(Agency(id: "agency-fuzz", name: "Fuzz Council", kind: .council)),
                try .create(Member(id: "member-fuzz", name: "Fuzz Lead", agencyID: "agency-fuzz", role: .lead,
                                   placeIDs: ["place-fuzz"])),
            ])
            let keys = try store.createTeamKeys(passphrases: ["member-fuzz": "fuzz passphrase"], by: nil)
            store.useKeys(keys)
            let team = try TeamMembership.create(in: store, keys: keys, deviceName: "fuzz laptop")
            // A bundle of the laptop's own, as a seed a fuzzer can start from (THISTLE_FUZZ_SEED_OUT).
            if let path = ProcessInfo.processInfo.environment["THISTLE_FUZZ_SEED_OUT"] {
                try team.exportBundle(from: store).data.write(to: URL(fileURLWithPath: path))
            }
            return (store, team)
        } catch {
            fatalError("the fuzzing laptop could not be made: \(error)")
        }
    }()

    static func test(_ data: Data) {
        do {
            _ = try laptop.team.importBundle(data, into: laptop.store)
        } catch is SyncError {
            // Refused: what a damaged bundle should get.
        } catch {
            fatalError("not a SyncError: \(error)")
        }
    }
}

#if FUZZING
/// libFuzzer's driver (in the sanitizer's runtime); the package's `main` calls
/// it, so libFuzzer's own `main` is not linked beside SwiftPM's.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            BundleFuzzer.test(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
    }
}
#else
@main
enum FuzzReminder {
    static func main() {
        print("thistle-fuzz is a libFuzzer target: run `make fuzz`")
    }
}
#endif
