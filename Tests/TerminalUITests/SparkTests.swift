import TerminalUI
import XCTest

final class SparkTests: XCTestCase {
    func testASparklineRunsFromLowestToHighestAndLeavesGaps() {
        XCTAssertEqual(Spark.line([0, 7, 3.5, nil, 7]), "▁█▅ █")
        XCTAssertEqual(Spark.line([2, 2]), "▄▄", "a flat series sits in the middle")
        XCTAssertEqual(Spark.line([nil, nil]), "  ")
        XCTAssertEqual(Spark.line([]), "")
    }

    func testABarIsDrawnInEighthsAndNeverLongerThanItsWidth() {
        XCTAssertEqual(Spark.bar(10, of: 10, width: 4), "████")
        XCTAssertEqual(Spark.bar(5, of: 10, width: 3), "█▌")
        XCTAssertEqual(Spark.bar(20, of: 10, width: 2), "██")
        XCTAssertEqual(Spark.bar(0, of: 10, width: 5), "")
        XCTAssertEqual(Spark.bar(3, of: 0, width: 5), "")
    }
}
