extension ReportText {
    /// The report in French: the default, for French planners.
    static let french = ReportText(
        languageCode: "fr",
        numbers: ReportNumbers(thousandsSeparator: "\u{202F}", decimalMark: ",", percentSign: "\u{00A0}%"),
        title: { name in "Accès aux soins — \(name)" },
        departements: { codes in (codes.count > 1 ? "départements " : "département ") + codes.joined(separator: ", ") },
        subtitle: { communes, inhabitants, sites, dataLine in "\(communes) communes, \(inhabitants) habitants, \(sites). \(dataLine)." },
        withinCatchment: { minutes in " à moins de \(minutes) minutes d'une commune étudiée" },
        source: { source in "Source : " + source },
        sourceNotStated: "Source : non précisée",
        dataFiles: { names in "Données : fichiers " + names },
        filesOfFolder: { folder, count, ext in "\(folder)/ (\(count) fichiers .\(ext))" },
        madeWith: { version, dataLine in "Produit par GeoHealth \(version). \(dataLine)." },

        methodHeading: "Méthode",
        travelMethod: { cost, maxMinutes, intraCommuneZero, minutes, allSites in
            "Temps de trajet de chaque commune (point intérieur) au site le plus proche : \(cost), "
                + "au-delà de \(maxMinutes) minutes la commune est « hors d'atteinte »."
                + (intraCommuneZero ? " Un site situé dans la commune est à 0 minute de ses habitants." : "")
                + " Seuil étudié : \(minutes) minutes pour \(allSites)."
        },
        accessMethod: { method, unit, supplyNote in "Accessibilité : \(method). Unité : \(unit) (\(supplyNote))." },
        regionalStudy: { communes, buffer in
            "Étude régionale : seules les \(communes) communes de la zone d'étude sont décrites ; "
                + "\(buffer) communes voisines (zone tampon) et leurs sites comptent dans les aires de chalandise."
        },
        straightLine: { detour, speed in "distance en ligne droite × \(detour) à \(speed) km/h" },
        network: { roads in "plus court temps sur le réseau routier \(roads)" },
        odMatrix: { file in "temps du distancier \(file)" },
        atTimeOfDay: { clock, factors in " à \(clock) (coefficients de vitesse \(factors == "standard" ? "de la table par défaut de GeoHealth" : "de \(factors)"))" },
        startupDelay: { minutes, own, intraZero in
            let delay = switch (minutes, own) {
            case (let m?, false): "un délai de départ de \(m) minutes à chaque site"
            case (let m?, true): "le délai de départ de chaque site (fichier des sites ; \(m) minutes pour les sites qui n'en ont pas)"
            case (nil, _): "le délai de départ de chaque site (fichier des sites)"
            }
            return ", plus " + delay + (intraZero ? " (pour un site situé dans la commune, le délai seul)" : "")
        },
        luoAndQi: "Luo et Qi",
        catchment: { method, minutes in "\(method), aire de chalandise de \(minutes) minutes" },
        and: " et ",
        bands: { count in count == 1 ? "une bande" : "\(count) bandes" },
        catchmentInBands: { method, minutes, bands, ranges, weights in
            "\(method), aire de chalandise de \(minutes) minutes en \(bands) \(ranges) minutes pondérées \(weights.joined(separator: " ; "))"
        },
        sitesPer: { per in "sites pour \(per) habitants" },
        capacityPer: { per in "capacité des sites pour \(per) habitants" },
        consultationsPerYear: "consultations par habitant et par an",
        noCapacity: "aucun site n'a de capacité : chacun compte 1",
        eachCountsItsCapacity: "chaque site compte pour sa capacité",
        gpActivity: { field in "activité des médecins, colonne \(field)" },

        travelTimeTo: { toNearest in "Temps d'accès \(toNearest)" },
        travelHeading: "Temps d'accès",
        indicator: "indicateur",
        value: "valeur",
        meanTime: "temps moyen (pondéré par la population)",
        populationBeyond: { minutes in "population à plus de \(minutes) min" },
        communesBeyondReach: { maxMinutes in "communes hors d'atteinte (plus de \(maxMinutes) min)" },

        coverageHeading: { territories in "Couverture par les \(territories)" },
        coverage: { count, covered, percent, outside, territories in
            "\(count) territoires ; \(covered) habitants couverts (\(percent)), "
                + "\(outside) hors \(territories) (population répartie au prorata de la surface couverte)."
        },

        accessMapTitle: { method, unit in "Accessibilité \(method) (\(unit))" },
        lorenzTitle: "Courbe de Lorenz de l'accessibilité",
        accessHeading: "Accessibilité et inégalités",
        index: "indice",
        meanAccess: { unit in "accessibilité moyenne (\(unit))" },
        populationWithoutAccess: "population sans accès",

        gapZones: "Zones de carence",
        gaps: { nearest, minutes, outsideTerritories in
            "Une commune est en carence quand \(nearest) est à plus de \(minutes) minutes"
                + (outsideTerritories.map { " ou qu'elle est hors \($0)" } ?? "")
                + " ; les communes voisines en carence forment des zones, nommées d'après leur commune la plus peuplée et classées par population."
        },
        rank: "rang",
        inhabitants: "habitants",
        meanTimeMinutes: "temps moyen (min)",

        howSureHeading: "Quelle confiance accorder à ces résultats ?",
        notMeasured: { travel, access in
            "Les chiffres ci-dessus reposent sur une valeur de chaque paramètre : \(travel) ; \(access) ; l'offre de chaque site et la population "
                + "de chaque commune telles que lues. Leur sensibilité à l'incertitude de ces paramètres "
                + "n'a pas été mesurée pour ce rapport : `geohealth report … --uncertainty 200` les fait varier et dit lequel pèse le plus (docs/uncertainty.md)."
        },
        draws: { count, seed, ranges in
            "Temps de trajet, accessibilité et zones de carence ont été recalculés sur \(count) tirages (graine \(seed)) des paramètres incertains : \(ranges)."
        },
        drawnRange: { parameter, low, high in "\(parameter) × \(low)–\(high)" },
        drawnExponent: { low, high in "exposant γ de la décroissance de \(low) à \(high) (log-uniforme)" },
        drawnPopulation: { percent in "population de chaque commune ± \(percent)" },
        parameterName: { p in
            ["catchment": "aire de chalandise", "decay": "exposant de la décroissance", "speed": "vitesse", "detour": "coefficient de détour",
             "activity": "offre par site", "population": "population"][p] ?? p
        },
        robustGaps: { share, communes, people, percent, stated, p5, p95 in
            "En carence dans au moins \(share) des tirages (carences robustes) : \(communes) communes, \(people) habitants (\(percent)). "
                + "Population en carence : \(stated) avec les paramètres retenus, de \(p5) à \(p95) selon les tirages (5e et 95e centiles)."
        },
        robustnessMapTitle: "Degré de certitude des carences",
        robustnessClasses: { share in
            "Classes : robuste (en carence dans au moins \(share) des tirages ; ses zones hachurées), probable (au moins la moitié), "
                + "possible (au moins un tirage), jamais (aucun) ; dans `robustness.csv`, colonne `robustness_class` : robust, likely, possible, never."
        },
        sensitivityHeader: ["paramètre", "plage", "indice de premier ordre", "± 2 e.-t.", "indice total", "Gini : premier ordre", "Gini : total"],
        sensitivityNote: { most, accessOnly in
            "Indices de Sobol de la population en carence et du Gini de l'accessibilité (Saltelli et al. 2010 ; Jansen 1999) : l'indice de premier ordre est "
                + "la part de la variance du résultat que le paramètre explique seul, l'indice total y ajoute ses interactions."
                + (accessOnly.map { " « — » : \($0) n'entre pas dans les règles de carence (seulement dans l'accessibilité)." } ?? "")
                + (most.map { " La population en carence dépend d'abord de : \($0)." } ?? "")
        },
        robustZonesCaption: "Zones de carence robustes",

        beforeAndAfter: { minutes in "Population à plus de \(minutes) min, avant et après" },
        whereToAdd: { sites in "Où implanter \(sites)" },
        siting: { minutes in
            "Couverture maximale (glouton paresseux puis échanges) parmi les communes ; habitants ramenés à moins de \(minutes) minutes :"
        },
        chosenSite: { name, covered in "\(name) : +\(covered)" },
        secret: { minimum in "secret (< \(minimum))" },
        secretComplement: "secret (complément)",
        secrecyHeading: "Secret statistique",
        secrecyNote: { people, practitioners, primary, secondary, totals in
            "Secret statistique : aucun effectif de moins de \(people) personnes ni de moins de \(practitioners) professionnels ou sites n'est publié. "
                + "Dans les tables, \(primary) cellule(s) masquée(s) sous ces seuils et \(secondary) masquée(s) pour qu'on ne puisse pas les retrouver "
                + "par différence avec les totaux publiés" + (totals.map { " ; totaux masqués : \($0)" } ?? "") + ". La raison de chaque cellule masquée est dans sa colonne `…_secret`."
        }
    )
}
