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

extension InputCheckTests {
    @Test func aSiteKindThatNoSiteHasIsAnErrorListingTheKinds() throws {
        let kinds = "the sites have kinds centre, emergency, hospital, msp, sas"
        let site = try CommandRunner.run(["site", "geodata", "--site-kind", "typo", "--k", "2", "--minutes", "15"])
        #expect(site.status == 1 && site.stderr.contains("no site of kind 'typo'; \(kinds)"))
        try Fixtures.withTemporaryDirectory { dir in
            let layer = dir.appendingPathComponent("rules.geojson").path, svg = dir.appendingPathComponent("map.svg").path
            #expect(try CommandRunner.run(["gaps", "geodata", "--site-kind", "hospital", "--minutes-above", "30", "--communes-out", layer]).status == 0)
            let map = try CommandRunner.run(["map", layer, "--field", "minutes", "--sites", "geodata/sites.csv", "--site-kind", "typo", "--out", svg])
            #expect(map.status == 1 && map.stderr.contains("no site of kind 'typo' in geodata/sites.csv; \(kinds)"))
            #expect(!FileManager.default.fileExists(atPath: svg))
        }
    }
}

extension InputCheckTests {
    static let localHospital = "Centre hospitalier, ex Hôpital local"

    @Test func aKindWithACommaIsTakenWholeWhenTheSitesHaveIt() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let sites = try Self.write("""
                id,name,kind,lon,lat
                L1,Hôpital de Vauières,"\(Self.localHospital)",2.09187,46.486445
                L2,Hôpital de Neuay,"\(Self.localHospital)",2.233987,46.67528
                M1,MSP de Bréac,msp,2.342424,46.710853

                """, "sites.csv", in: dir)
            let study = ["--areas", "geodata/communes.geojson", "--population", "geodata/population.csv", "--sites", sites]
            let whole = try CommandRunner.run(["distance"] + study + ["--site-kind", Self.localHospital, "--format", "json"])
            #expect(whole.status == 0, "\(whole.stderr)")
            #expect(whole.stdout.contains("\"kind\":\"centre hospitalier, ex hôpital local\""))
            #expect(!whole.stdout.contains("\"kind\":\"msp\""))
            let list = try CommandRunner.run(["distance"] + study + ["--site-kind", "msp, \(Self.localHospital)", "--format", "json"])
            #expect(list.status == 1 && list.stderr.contains("no site of kind 'centre hospitalier'"))
        }
    }

    @Test(.enabled(if: Fixtures.realData() != nil)) func aRegistryCategoryWithACommaIsTakenWhole() throws {
        let real = try #require(Fixtures.realData())
        let r = try CommandRunner.run([
            "distance", "--areas", real.appendingPathComponent("communes/communes-03-allier.geojson").path,
            "--population", real.appendingPathComponent("population/donnees_communes.csv").path,
            "--sites", real.appendingPathComponent("facilities/eurostat-healthcare-FR.csv").path,
            "--site-kind-field", "facility_type", "--site-kind", Self.localHospital, "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"kind\":\"centre hospitalier, ex hôpital local\""))
    }
}

extension InputCheckTests {
    /// The sample's sites, with longitude and latitude swapped on the rows `swapped` selects.
    static func sites(swapping swapped: (Int) -> Bool) throws -> String {
        let lines = try String(contentsOf: Fixtures.url("geodata/sites.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        return ([lines[0]] + lines.dropFirst().enumerated().map { n, line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if swapped(n) { cells.swapAt(3, 4) }
            return cells.joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    @Test func swappedLongitudeAndLatitudeAreAnError() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let sites = try Self.write(try Self.sites { _ in true }, "sites.csv", in: dir)
            let r = try CommandRunner.run(["distance", "geodata", "--sites", sites])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\(sites): field 'lon/lat': no site lies within the areas' bounds"))
            #expect(r.stderr.contains("the columns look swapped (lat in lon)"))
        }
    }

    @Test func sitesOutsideTheAreasAreAWarningListingThem() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let sites = try Self.write(try Self.sites { $0 < 2 }, "sites.csv", in: dir)
            let r = try CommandRunner.run(["study", "geodata", "--sites", sites, "--format", "json"])
            #expect(r.status == 0)
            #expect(r.stderr == "warning: \(sites): 2 of 35 site(s) lie outside every area's bounding box (H1, U1); they still count as destinations; "
                    + "these rows look swapped (lat in lon): swapped, 2 of these 2 would lie within\n")
            #expect(r.stdout.contains("\"outside_the_areas\":[\"H1\",\"U1\"]"))
            let quiet = try CommandRunner.run(["study", "geodata", "--sites", sites, "--quiet"])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty)
            let clean = try CommandRunner.run(["study", "geodata"])
            #expect(clean.status == 0 && clean.stderr.isEmpty && !clean.stdout.contains("outside the areas"))
        }
    }
}

/// Options that would change nothing are usage errors (exit 64), not silently ignored.
extension InputCheckTests {
    @Test func kindForAFileWhoseSitesHaveTheirOwnIsAUsageError() throws {
        let r = try CommandRunner.run(["distance", "geodata", "--kind", "hospital"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--kind hospital: every site of geodata/sites.csv has a kind of its own"))
        #expect(r.stderr.contains("use --site-kind hospital"))
        try Fixtures.withTemporaryDirectory { dir in
            let sites = try Self.write("id,lon,lat\nG1,2.383459,46.306101\n", "gp.csv", in: dir)
            let gp = try CommandRunner.run(["distance", "geodata", "--sites", sites, "--kind", "gp", "--format", "json"])
            #expect(gp.status == 0 && gp.stdout.contains("\"kind\":\"gp\""))
        }
    }

    @Test func aCapacityNewSitesCouldNotUseIsAUsageError() throws {
        let alone = try CommandRunner.run(["site", "geodata", "--site-kind", "msp", "--k", "1", "--new-capacity", "3"])
        #expect(alone.status == 64 && alone.stderr.contains("--new-capacity is used only with --access-below"))
        try Fixtures.withTemporaryDirectory { dir in
            let sites = try Self.write("id,kind,lon,lat\nH1,hospital,2.533593,46.456502\nH2,hospital,2.2,46.6\n", "sites.csv", in: dir)
            let study = ["site", "--areas", "geodata/communes.geojson", "--population", "geodata/population.csv", "--sites", sites,
                         "--site-kind", "hospital", "--access-below", "0.001"]
            let planned = try CommandRunner.run(study + ["--add", "2.3,46.3,5"])
            #expect(planned.status == 64 && planned.stderr.contains("no existing site of kind 'hospital' has a capacity"))
            let chosen = try CommandRunner.run(study + ["--k", "2"])
            #expect(chosen.status == 0 && chosen.stdout.contains("new site capacity: —"))
        }
    }
}
