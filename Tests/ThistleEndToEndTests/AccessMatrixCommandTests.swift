import Foundation
import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

/// The access matrix through the command line: 32 members of the demo, one
/// per role × relation of their agency to a case × place served or not,
/// each asking `case show` as themselves.
final class AccessMatrixCommandTests: DemoBinaryTestCase {


    func thistle(_ arguments: [String], as member: String, passphrase: String = "demo") throws -> [String: Any] {
        let file = SignInEnvironment.passphraseFile(passphrase, in: folder)
        let result = try ThistleBinary.run(arguments + ["--db", database, "--json", "--as", member],
                                           environment: ["THISTLE_PASSPHRASE_FILE": file])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func testEveryCellThroughCaseShow() throws {
        // A case opened at Social Work's door by Aileen, handed to Ross of NHS Fife,
        // shared by consent with Kingdom Homes.
        let mine = try XCTUnwrap(ThistleBinary.run(["cases", "mine", "--json", "--db", database, "--as", "member-aileen-baxter"])
            .stdout.data(using: .utf8).flatMap { try JSONSerialization.jsonObject(with: $0) as? [[String: Any]] })
        let caseID = try XCTUnwrap(mine.first?["case"] as? String)
        let shown = try thistle(["case", "show", caseID], as: "member-aileen-baxter")
        XCTAssertEqual((shown["door"] as? [String: Any])?["agency"] as? String, "agency-fife-council-social-work")
        _ = try thistle(["case", "lead", caseID, "--member", "member-ross-menzies"], as: "member-aileen-baxter")
        let consented = (shown["consent"] as? [[String: Any]] ?? []).compactMap { $0["agency"] as? String }
        if !consented.contains("agency-kingdom-homes") {
            _ = try thistle(["case", "consent", caseID, "--agency", "agency-kingdom-homes", "--dsa", "DSA-FIFE-7"],
                            as: "member-ross-menzies")
        }
        let unrelated = "agency-police-scotland-fife"
        XCTAssertFalse(consented.contains(unrelated))
        let agencies = ["door": "agency-fife-council-social-work", "lead": "agency-nhs-fife",
                        "consented": "agency-kingdom-homes", "none": unrelated]

        // The 32 members, added by the admin with one passphrase.
        let store = try PlaceStore.open(at: database)
        let admin = try store.signIn("member-graham-anderson", passphrase: "demo")
        var cells: [(id: String, role: Role, relation: String, serving: Bool)] = []
        for role in Role.allCases {
            for (relation, agency) in agencies {
                for serving in [true, false] {
                    let id = "member-matrix-\(role.rawValue)-\(relation)-\(serving ? "in" : "out")"
                    let member = Member(id: MemberID(id), name: "Matrix \(id)", agencyID: AgencyID(agency), role: role,
                                        placeIDs: [serving ? "place-levenmouth" : "place-kirkcaldy"])
                    try store.addMember(member, passphrase: "matrix passphrase", by: admin)
                    cells.append((id, role, relation, serving))
                }
            }
        }
        try store.close()

        for cell in cells {
            let seen = try thistle(["case", "show", caseID], as: cell.id, passphrase: "matrix passphrase")
            let expected = [.frontline, .lead].contains(cell.role) && cell.relation != "none" && cell.serving
            if expected {
                XCTAssertNotNil(seen["resident"] as? String, "\(cell) sees who it is for")
                XCTAssertNil(seen["redacted"])
            } else {
                XCTAssertEqual(seen["redacted"] as? Bool, true, "\(cell)")
                XCTAssertNil(seen["resident"], "\(cell) does not see who it is for")
                XCTAssertEqual(seen["place"] as? String, shown["place"] as? String)
            }
        }
        XCTAssertEqual(cells.count, 32)
    }
}
