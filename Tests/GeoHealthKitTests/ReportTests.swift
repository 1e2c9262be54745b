import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct ReportTests {
    @Test func sampleReportIsCompleteAndRenders() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        try Fixtures.withTemporaryDirectory { dir in
            let files = try StudyReport.write(study, sourceName: "geodata", options: StudyReport.Options(kind: .msp), to: dir, inputs: [])
            #expect(files.first == "report.md" && files.contains("map-gaps.svg") && files.contains("chart-siting.svg"))
            let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
            try assertGolden(md, "report-msp-fr.md")
            // Every image the report shows is there and renders.
            for name in md.components(separatedBy: "![](").dropFirst().map({ String($0.prefix { $0 != ")" }) }) {
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
                _ = try SVGRenderer.render(dir.appendingPathComponent(name))
            }
            var english = StudyReport.Options(kind: .hospital)
            english.language = .en
            english.minutes = 30
            english.newSites = 0
            let en = dir.appendingPathComponent("en")
            _ = try StudyReport.write(study, sourceName: "geodata", options: english, to: en, inputs: [])
            let text = try String(contentsOf: en.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.hasPrefix("# Access to care — geodata") && !text.contains("Where to add"))
        }
    }
}
