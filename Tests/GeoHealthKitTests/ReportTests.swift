import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct ReportTests {
    @Test func sampleReportIsCompleteAndRenders() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        try Fixtures.withTemporaryDirectory { dir in
            let files = try StudyReport.write(study, name: "geodata", options: StudyReport.Options(kind: .msp), to: dir, inputs: [])
            #expect(files.prefix(2) == ["report.md", "report.html"] && files.contains("map-gaps.svg") && files.contains("chart-siting.svg"))
            // The HTML page stands alone: its images inline, no link to any other file.
            let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
            let references = html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix(30)) } + html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix(30)) }
            #expect(!references.isEmpty && references.allSatisfy { $0.hasPrefix("data:image/svg+xml;base64,") }, "\(references)")
            #expect(html.components(separatedBy: "<img ").count - 1 == 5, "five figures inline")
            // French numbers: thousands separated by a narrow no-break space, decimal commas, a
            // no-break space before %; method, catchment and unit said; zones named.
            #expect(html.contains("159\u{202F}785 habitants") && html.contains("× 1,3 à 60 km/h") && html.contains("(10,8\u{00A0}%)"))
            #expect(html.contains("aire de chalandise de 30 minutes") && html.contains("Unité : capacité des sites pour 100\u{202F}000 habitants"))
            #expect(html.contains("<td>Saint-Marquinières-sur-Synthe</td>"))
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
            // A regional study's départements are named in the report's language.
            _ = try StudyReport.write(study, name: .departements(["03", "15"]), options: english, to: en, inputs: [])
            let text = try String(contentsOf: en.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.hasPrefix("# Access to care — departments 03, 15") && !text.contains("Where to add") && text.contains("159,785 inhabitants"))
        }
    }

    /// "How sure are we?": without draws the section names the stated parameters; with them,
    /// its text states the draws, seed and ranges actually used, and its figures are those of
    /// the files it wrote (read back from `robustness.csv`).
    @Test func howSureSectionStatesItsDrawsAndMatchesItsFiles() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        try Fixtures.withTemporaryDirectory { dir in
            var options = StudyReport.Options(kind: .msp)
            options.newSites = 0
            var u = GapUncertainty.Options(draws: 20)
            u.seed = 7
            u.ranges = try UncertaintyRanges.parse("catchment=0.7:1.3")
            options.uncertainty = u
            let files = try StudyReport.write(study, name: "geodata", options: options, to: dir, inputs: [])
            #expect(["robustness.csv", "robustness.geojson", "robust-gaps.geojson", "map-robustness.svg"].allSatisfy(files.contains))
            let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(md.contains("## Quelle confiance accorder à ces résultats ?") && md.contains("sur 20 tirages (graine 7)"))
            #expect(md.contains("aire de chalandise × 0,7–1,3") && md.contains("vitesse × 0,85–1,15") && md.contains("population de chaque commune ± 3\u{00A0}%"))
            let rows = try String(contentsOf: dir.appendingPathComponent("robustness.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let header = rows[0], c = try #require(header.firstIndex(of: "robustness_class"))
            let robust = rows.dropFirst().filter { $0[c] == "robust" }.count
            #expect(robust > 0 && md.contains("(carences robustes) : \(robust) communes"), "\(robust) robust communes in robustness.csv")
            _ = try SVGRenderer.render(dir.appendingPathComponent("map-robustness.svg"))
            options.uncertainty = nil
            let stated = dir.appendingPathComponent("stated")
            _ = try StudyReport.write(study, name: "geodata", options: options, to: stated, inputs: [])
            let text = try String(contentsOf: stated.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.contains("n'a pas été mesurée pour ce rapport") && text.contains("× 1,3 à 60 km/h") && !text.contains("tirages"))
        }
    }

    /// Under the publishing guard, no zone's robust population gives back a commune whose
    /// population the tables hide: read back from `gaps.csv` and `robustness.csv` together, a
    /// published robust population never covers exactly one hidden commune, nor does the zone's
    /// published population minus it.
    @Test func publishedRobustPopulationsGiveNoHiddenCommuneBack() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        try Fixtures.withTemporaryDirectory { dir in
            var options = StudyReport.Options(kind: .msp)
            options.newSites = 0
            options.publishing = PublishingGuard(rule: SecrecyRule(minimumPeople: 200))
            options.uncertainty = GapUncertainty.Options(draws: 50)
            _ = try StudyReport.write(study, name: "geodata", options: options, to: dir, inputs: [])
            func read(_ name: String) throws -> [[String: String]] {
                let lines = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
                return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
            }
            let communes = Dictionary(uniqueKeysWithValues: try read("robustness.csv").map { ($0["code"]!, $0) })
            var published = 0
            for zone in try read("gaps.csv") where !(zone["robust_population"] ?? "").isEmpty {
                published += 1
                let members = zone["codes"]!.split(separator: ";").map { communes[String($0)]! }
                let hidden = members.filter { $0["population"]!.isEmpty }
                #expect(hidden.filter { $0["robustness_class"] == "robust" }.count != 1, "zone \(zone["rank"]!): robust population gives a commune back")
                if !zone["population"]!.isEmpty {
                    #expect(hidden.filter { $0["robustness_class"] != "robust" }.count != 1, "zone \(zone["rank"]!): population − robust gives a commune back")
                }
            }
            #expect(published > 0)
        }
    }

    /// The sample's HTML report rendered by headless Chromium (Debian's `chromium`, installed
    /// by scripts/setup for the tests): a screenshot is made, and it holds far more than a
    /// blank page of the same size does (the maps and charts drew).
    @Test func htmlReportRendersInChromium() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("NOTICE: htmlReportRendersInChromium skipped: chromium is absent (scripts/setup installs it)")
            return
        }
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        try Fixtures.withTemporaryDirectory { dir in
            var options = StudyReport.Options(kind: .msp)
            options.title = "Rapport d'essai"
            _ = try StudyReport.write(study, name: "geodata", options: options, to: dir, inputs: [])
            let blank = dir.appendingPathComponent("blank.html")
            try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
            func shot(_ page: URL, _ png: URL) throws -> Int {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: chromium)
                p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,5200",
                               "--screenshot=\(png.path)", page.absoluteString]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
                let data = try Data(contentsOf: png)
                #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
                // IHDR: width and height, big-endian, at bytes 16–23.
                let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
                #expect(width == 1100 && height == 5200)
                return data.count
            }
            let report = try shot(dir.appendingPathComponent("report.html"), dir.appendingPathComponent("report.png"))
            let empty = try shot(blank, dir.appendingPathComponent("blank.png"))
            #expect(report > 20 * empty && report > 200_000, "report \(report) bytes, blank page \(empty) bytes")
        }
    }
}
