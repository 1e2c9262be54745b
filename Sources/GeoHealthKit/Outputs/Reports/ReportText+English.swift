extension ReportText {
    /// The report in English.
    static let english = ReportText(
        languageCode: "en",
        numbers: ReportNumbers(thousandsSeparator: ",", decimalMark: ".", percentSign: "%"),
        title: { name in "Access to care — \(name)" },
        departements: { codes in (codes.count > 1 ? "departments " : "department ") + codes.joined(separator: ", ") },
        subtitle: { communes, inhabitants, sites, dataLine in "\(communes) communes, \(inhabitants) inhabitants, \(sites). \(dataLine)." },
        withinCatchment: { minutes in " within \(minutes) minutes of a commune studied" },
        source: { source in "Source: " + source },
        sourceNotStated: "Source: not stated",
        dataFiles: { names in "Data: files " + names },
        filesOfFolder: { folder, count, ext in "\(folder)/ (\(count) files .\(ext))" },
        madeWith: { version, dataLine in "Made with GeoHealth \(version). \(dataLine)." },

        methodHeading: "Method",
        travelMethod: { cost, maxMinutes, intraCommuneZero, minutes, allSites in
            "Travel time from each commune (an interior point) to the nearest site: \(cost); beyond \(maxMinutes) minutes a commune is \"unreachable\"."
                + (intraCommuneZero ? " A site inside a commune is at 0 minutes from its residents." : "")
                + " Threshold: \(minutes) minutes to \(allSites)."
        },
        accessMethod: { method, unit, supplyNote in "Accessibility: \(method). Unit: \(unit) (\(supplyNote))." },
        regionalStudy: { communes, buffer in
            "Regional study: only the \(communes) communes of the study area are described; "
                + "\(buffer) neighbouring communes (the buffer) and their sites take part in the catchments."
        },
        straightLine: { detour, speed in "straight-line distance × \(detour) at \(speed) km/h" },
        network: { roads in "shortest time on the road network \(roads)" },
        odMatrix: { file in "times of the origin–destination matrix \(file)" },
        atTimeOfDay: { clock, factors in " at \(clock) (speed factors of \(factors == "standard" ? "GeoHealth's default table" : factors))" },
        startupDelay: { minutes, own, intraZero in
            let delay = switch (minutes, own) {
            case (let m?, false): "a start-up delay of \(m) minutes at every site"
            case (let m?, true): "each site's start-up delay (from the sites file; \(m) minutes for sites without one)"
            case (nil, _): "each site's start-up delay (from the sites file)"
            }
            return ", plus " + delay + (intraZero ? " (for a site inside a commune, the delay alone)" : "")
        },
        luoAndQi: "Luo and Qi",
        catchment: { method, minutes in "\(method), \(minutes)-minute catchment" },
        and: " and ",
        bands: { count in count == 1 ? "one band" : "\(count) bands" },
        catchmentInBands: { method, minutes, bands, ranges, weights in
            "\(method), \(minutes)-minute catchment in \(bands) \(ranges) minutes weighted \(weights.joined(separator: ", "))"
        },
        sitesPer: { per in "sites per \(per) inhabitants" },
        capacityPer: { per in "site capacity per \(per) inhabitants" },
        consultationsPerYear: "consultations per inhabitant per year",
        noCapacity: "no site has a capacity: each counts 1",
        eachCountsItsCapacity: "each site counts its capacity",
        gpActivity: { field in "the GPs' activity, column \(field)" },

        travelTimeTo: { toNearest in "Travel time \(toNearest)" },
        travelHeading: "Travel time",
        indicator: "indicator",
        value: "value",
        meanTime: "mean time (population-weighted)",
        populationBeyond: { minutes in "population beyond \(minutes) min" },
        communesBeyondReach: { maxMinutes in "communes beyond reach (over \(maxMinutes) min)" },

        coverageHeading: { territories in "\(territories) coverage" },
        coverage: { count, covered, percent, outside, territories in
            "\(count) territories; \(covered) inhabitants covered (\(percent)), "
                + "\(outside) outside every \(territories) (population shared in proportion to the area covered)."
        },

        accessMapTitle: { method, unit in "\(method) accessibility (\(unit))" },
        lorenzTitle: "Lorenz curve of accessibility",
        accessHeading: "Accessibility and inequality",
        index: "index",
        meanAccess: { unit in "mean accessibility (\(unit))" },
        populationWithoutAccess: "population with no access",

        gapZones: "Gap zones",
        gaps: { nearest, minutes, outsideTerritories in
            "A commune is under-served when \(nearest) is more than \(minutes) minutes away"
                + (outsideTerritories.map { " or it lies outside every \($0)" } ?? "")
                + "; neighbouring under-served communes form zones, named after their most populous commune and ranked by population."
        },
        rank: "rank",
        inhabitants: "inhabitants",
        meanTimeMinutes: "mean time (min)",

        howSureHeading: "How sure are we?",
        notMeasured: { travel, access in
            "The figures above use one value of each parameter: \(travel); \(access); each site's supply and each commune's population as read. How much they move when these are uncertain was not measured "
                + "for this report: `geohealth report … --uncertainty 200` redraws them and says which moves the result most (docs/uncertainty.md)."
        },
        draws: { count, seed, ranges in
            "Travel times, accessibility and gap zones were recomputed under \(count) draws (seed \(seed)) of the uncertain parameters: \(ranges)."
        },
        drawnRange: { parameter, low, high in "\(parameter) × \(low)–\(high)" },
        drawnExponent: { low, high in "decay exponent γ from \(low) to \(high) (log-uniform)" },
        drawnPopulation: { percent in "each commune's population ± \(percent)" },
        parameterName: { p in
            ["catchment": "catchment", "decay": "decay exponent", "speed": "speed", "detour": "detour factor", "activity": "supply per site",
             "population": "population"][p] ?? p
        },
        robustGaps: { share, communes, people, percent, stated, p5, p95 in
            "Under-served in at least \(share) of the draws (robust gaps): \(communes) communes, \(people) inhabitants (\(percent)). "
                + "Under-served population: \(stated) with the stated parameters, from \(p5) to \(p95) over the draws (5th–95th percentiles)."
        },
        robustnessMapTitle: "How sure each gap is",
        robustnessClasses: { share in
            "Classes: robust (under-served in at least \(share) of the draws; its zones hatched), likely (at least half), possible (at least one draw), never "
                + "(`robustness_class` in `robustness.csv`)."
        },
        sensitivityHeader: ["parameter", "range", "first-order index", "± 2 s.e.", "total index", "Gini: first-order", "Gini: total"],
        sensitivityNote: { most, accessOnly in
            "Sobol indices of the under-served population and of the Gini of accessibility (Saltelli et al. 2010; Jansen 1999): the first-order index is the "
                + "share of the output's variance the parameter explains alone, the total index adds its interactions."
                + (accessOnly.map { " \"—\": \($0) do(es) not enter the gap rules (only the accessibility)." } ?? "")
                + (most.map { " The under-served population depends most on the \($0)." } ?? "")
        },
        robustZonesCaption: "Robust gap zones",

        beforeAndAfter: { minutes in "Population beyond \(minutes) min, before and after" },
        whereToAdd: { sites in "Where to add \(sites)" },
        siting: { minutes in "Maximal covering (lazy greedy, then interchange) among the communes; inhabitants brought within \(minutes) minutes:" },
        chosenSite: { name, covered in "\(name): +\(covered)" },
        secret: { minimum in "secret (< \(minimum))" },
        secretComplement: "secret (complement)",
        secrecyHeading: "Statistical secrecy",
        secrecyNote: { people, practitioners, primary, secondary, totals in
            "Statistical secrecy: no count under \(people) people nor under \(practitioners) practitioners or sites is published. "
                + "In the tables, \(primary) cell(s) are hidden under these thresholds and \(secondary) so that they cannot be recovered "
                + "from the published totals" + (totals.map { "; totals hidden: \($0)" } ?? "") + ". Each hidden cell's reason is in its `…_secret` column."
        }
    )
}
