import Foundation
import GeoHealthTestSupport
import Testing

/// Inputs that used to give a silent wrong answer now give an error naming the file, or a
/// visible warning (issue 19, item 9).
@Suite struct InputCheckTests {
    /// `text` written to `name` in `dir`; its path.
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aPopulationFileWithOnlyAHeaderIsAnError() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let population = try Self.write("COM;PMUN\n", "population.csv", in: dir)
            let r = try CommandRunner.run(["study", "--areas", "geodata/communes.geojson", "--population", population])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\(population): no data rows"))
            let blank = try Self.write("COM;PMUN\n;120\n", "blank.csv", in: dir)
            let b = try CommandRunner.run(["study", "--areas", "geodata/communes.geojson", "--population", blank])
            #expect(b.status == 1 && b.stderr.contains("\(blank): field 'COM': no data row has a commune code"))
        }
    }
}
