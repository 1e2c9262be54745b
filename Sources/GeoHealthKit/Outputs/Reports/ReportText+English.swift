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
