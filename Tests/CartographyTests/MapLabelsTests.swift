import Cartography
import Foundation
import GeoCore
import Testing

/// The words of maps, charts and the report as a French or English planner writes them: kind
/// nouns with their plural and gender, numbers with thousands separators, legend headings with
/// the unit, territories by the user's name for them.
@Suite struct MapLabelsTests {
    let fr = MapLabels(.fr), en = MapLabels(.en)

    @Test func kindNounsAgreeInNumberAndGender() {
        #expect(fr.count(5, of: "hospital") == "5 hôpitaux" && fr.count(1, of: "hospital") == "1 hôpital")
        #expect(fr.count(3, of: "msp") == "3 MSP" && fr.count(2, of: "centre") == "2 centres de santé")
        #expect(en.count(5, of: "hospital") == "5 hospitals" && en.count(1, of: "hospital") == "1 hospital")
        #expect(fr.nearest("msp") == "la MSP la plus proche")
        #expect(fr.nearest("hospital") == "l'hôpital le plus proche")
        #expect(fr.nearest("centre") == "le centre de santé le plus proche")
        #expect(en.nearest("hospital") == "the nearest hospital")
        // à + le contracts to au; à la and à l' do not.
        #expect(fr.toNearest("centre") == "au centre de santé le plus proche")
        #expect(fr.toNearest("msp") == "à la MSP la plus proche" && fr.toNearest("hospital") == "à l'hôpital le plus proche")
        #expect(en.toNearest("msp") == "to the nearest MSP (multi-professional health centre)")
        #expect(fr.all("hospital") == "les hôpitaux" && en.all("centre") == "the health centres")
        // A kind GeoHealth does not know keeps the user's word, in a noun phrase that agrees.
        #expect(fr.count(2, of: "pharmacie") == "2 sites de type pharmacie" && fr.nearest("pharmacie") == "le site de type pharmacie le plus proche")
        #expect(fr.kind("pharmacie") == "pharmacie" && fr.kind("hospital") == "hôpital")
    }

    @Test func numbersHaveThousandsSeparators() {
        #expect(fr.number(17_182) == "17\u{202F}182" && en.number(17_182) == "17,182")
        #expect(fr.number(1_234_567) == "1\u{202F}234\u{202F}567" && en.number(1_234_567) == "1,234,567")
        #expect(fr.number(-45_000) == "-45\u{202F}000" && fr.number(999) == "999" && fr.number(12.34) == "12,3")
        #expect(fr.number(3.5) == "3,5" && en.number(0.125) == "0.125")
    }

    /// Bars of population: the axis says 17 182 (French) or 17,182 (English), not 17182.
    @Test func chartAxesGroupThousands() throws {
        let values: [[Double]] = [[17_182, 8_000]]
        let french = try Chart.bars(groups: ["> 15 min"], series: ["Avant", "Après"], values: values, title: "t", yLabel: "habitants", labels: fr).xml
        let english = try Chart.bars(groups: ["> 15 min"], series: ["Before", "After"], values: values, title: "t", yLabel: "inhabitants", labels: en).xml
        #expect(french.contains(">17\u{202F}182</text>") && french.contains(">8\u{202F}591</text>"), "\(french)")
        #expect(english.contains(">17,182</text>") && english.contains(">8,591</text>"))
        #expect(!french.contains(">17182<") && !english.contains(">17182<"))
    }

    /// The legend's heading carries the unit; territories are named as the user says.
    @Test func legendHeadingAndTerritoryName() {
        let square = Geometry.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1_000, y: 0), Coordinate(x: 1_000, y: 1_000), Coordinate(x: 0, y: 0)]))
        var map = ChoroplethMap(polygons: [square], values: [12], breaks: [12], colors: ["#ffffff"], title: "t")
        map.legendTitle = "Temps (minutes)"
        map.outlines = [square]
        map.labelsText = MapLabels(.fr, territoryName: "EPCI")
        let xml = map.svg().xml
        let legend = String(xml[xml.range(of: "<g id=\"legend\">")!.lowerBound...])
        #expect(legend.contains(">Temps (minutes)</text>") && legend.contains(">territoire (EPCI)</text>") && !xml.contains("CPTS"))
        #expect(MapLabels(.en).territory == "territory (CPTS)")
    }
}
