import PlaceDomain
import XCTest

final class ResidentMatcherTests: XCTestCase {
    func resident(_ id: ResidentID, _ given: String, _ family: String, born: String?, postcode: String? = nil)
        -> Resident
    {
        Resident(
            id: id, givenName: given, familyName: family, dateOfBirth: born, postcode: postcode, placeID: "place-alpha")
    }

    func candidate(_ given: String, _ family: String, born: String?, postcode: String? = nil) -> ResidentCandidate {
        ResidentCandidate(givenName: given, familyName: family, dateOfBirth: born, postcode: postcode)
    }

    func matches(_ new: ResidentCandidate, _ existing: Resident) -> Bool {
        ResidentMatcher.likelyDuplicates(of: new, among: [existing]) == [existing]
    }

    func testAccentsAndCaseDoNotHideADuplicate() {
        XCTAssertTrue(
            matches(
                candidate("Siobhan", "Macdonald", born: "1984-03-07"),
                resident("res-1", "Siobhán", "MacDonald", born: "1984-03-07")))
    }

    func testHyphensAndApostrophesDoNotHideADuplicate() {
        XCTAssertTrue(
            matches(
                candidate("Mary Jane", "ONeil", born: "1990-11-30"),
                resident("res-1", "Mary-Jane", "O'Neil", born: "1990-11-30")))
        XCTAssertTrue(
            matches(
                candidate("Mary  Jane", "O\u{2019}Neil", born: "1990-11-30"),
                resident("res-1", "Mary-Jane", "O'Neil", born: "1990-11-30")),
            "curly apostrophes and doubled spaces too")
    }

    func testTheSameNameWithADifferentDateOfBirthIsSomeoneElse() {
        XCTAssertFalse(
            matches(
                candidate("Siobhán", "MacDonald", born: "1984-03-08", postcode: "KY8 1AB"),
                resident("res-1", "Siobhán", "MacDonald", born: "1984-03-07", postcode: "KY8 1AB")))
    }

    func testTheSameDateOfBirthAndPostcodeIsALikelyDuplicateWhateverTheName() {
        XCTAssertTrue(
            matches(
                candidate("Rhona", "Kettle", born: "2001-06-15", postcode: "ky81ab"),
                resident("res-1", "Morag", "Tullis", born: "2001-06-15", postcode: "KY8 1AB")))
    }

    func testNamesTwoEditsApartMatchButFurtherApartDoNot() {
        XCTAssertTrue(
            matches(
                candidate("Anne", "Smyth", born: "1975-01-01"),
                resident("res-1", "Ann", "Smith", born: "1975-01-01")))
        XCTAssertFalse(
            matches(
                candidate("Joan", "Smart", born: "1975-01-01"),
                resident("res-1", "Ann", "Smith", born: "1975-01-01")))
    }

    func testWithoutADateOfBirthThereIsNoMatch() {
        XCTAssertFalse(
            matches(
                candidate("Ann", "Smith", born: nil, postcode: "KY8 1AB"),
                resident("res-1", "Ann", "Smith", born: nil, postcode: "KY8 1AB")))
        XCTAssertFalse(
            matches(
                candidate("Ann", "Smith", born: "1975-01-01"),
                resident("res-1", "Ann", "Smith", born: nil)))
    }

    func testBlankPostcodesDoNotMatchEachOther() {
        XCTAssertFalse(
            matches(
                candidate("Rhona", "Kettle", born: "2001-06-15", postcode: " "),
                resident("res-1", "Morag", "Tullis", born: "2001-06-15", postcode: "")))
    }

    func testLikelyDuplicatesKeepTheOrderGiven() {
        let residents = [
            resident("res-1", "Ann", "Smith", born: "1975-01-01"),
            resident("res-2", "Joan", "Smart", born: "1975-01-01"),
            resident("res-3", "Anne", "Smith", born: "1975-01-01"),
            resident("res-4", "Ann", "Smith", born: "1976-01-01"),
        ]
        XCTAssertEqual(
            ResidentMatcher.likelyDuplicates(of: candidate("Ann", "Smith", born: "1975-01-01"), among: residents)
                .map(\.id), ["res-1", "res-3"])
    }

    func testNamesAreNormalisedForComparison() {
        XCTAssertEqual(ResidentMatcher.normalisedName("  Mary-Jane   O'Néil "), "maryjane oneil")
        XCTAssertEqual(ResidentMatcher.normalisedPostcode(" ky8 1ab "), "KY81AB")
    }

    // MARK: Names at the door

    func testAResidentNeedsAGivenAndAFamilyName() {
        assertRefused(try ResidentName.validate(givenName: "  ", familyName: "Kettle"), .nameMissing(.given))
        assertRefused(try ResidentName.validate(givenName: "Rhona", familyName: ""), .nameMissing(.family))
        XCTAssertEqual(
            try ResidentName.validate(givenName: " Rhona ", familyName: "Kettle"),
            try ResidentName.validate(givenName: "Rhona", familyName: "Kettle"))
        XCTAssertEqual(try ResidentName.validate(givenName: " Rhona ", familyName: "Kettle").givenName, "Rhona")
    }

    func testANameOverTwoHundredCharactersIsRefused() {
        XCTAssertNoThrow(try ResidentName.validate(givenName: String(repeating: "a", count: 200), familyName: "Kettle"))
        assertRefused(
            try ResidentName.validate(givenName: "Rhona", familyName: String(repeating: "a", count: 201)),
            .nameTooLong(.family, limit: 200))
    }
}
