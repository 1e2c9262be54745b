import Foundation

/// How a site kind is named in a sentence: its singular and plural, and in French its gender
/// and whether its article elides (`l'hôpital`), so that text reads "la MSP la plus proche",
/// "l'hôpital le plus proche", "Où implanter 5 hôpitaux", "the nearest hospital".
package struct KindNoun: Sendable, Equatable {
    var singular: String
    var plural: String
    /// French grammatical gender (unused in English).
    var feminine = false

    package init(_ singular: String, _ plural: String, feminine: Bool = false) {
        self.singular = singular
        self.plural = plural
        self.feminine = feminine
    }
}

extension MapLabels {
    /// The noun of a site kind in the labels' language. Kinds GeoHealth does not know are named
    /// "site de type X" / "site of kind X" (what they are is the user's word, not ours).
    func kindNoun(_ raw: String) -> KindNoun {
        knownNoun(raw) ?? (language == .fr ? KindNoun("site de type \(raw)", "sites de type \(raw)") : KindNoun("site of kind \(raw)", "sites of kind \(raw)"))
    }

    /// The noun of a kind GeoHealth knows (nil for the others).
    func knownNoun(_ raw: String) -> KindNoun? {
        let fr = language == .fr
        switch raw {
        case "msp": return fr ? KindNoun("MSP", "MSP", feminine: true)
            : KindNoun("MSP (multi-professional health centre)", "MSPs (multi-professional health centres)")
        case "hospital": return fr ? KindNoun("hôpital", "hôpitaux") : KindNoun("hospital", "hospitals")
        case "emergency": return fr ? KindNoun("service d'urgences", "services d'urgences") : KindNoun("emergency department", "emergency departments")
        case "sas": return KindNoun("SAS", "SAS")
        case "centre": return fr ? KindNoun("centre de santé", "centres de santé") : KindNoun("health centre", "health centres")
        case "cpts": return KindNoun("CPTS", "CPTS", feminine: true)
        case "gp": return fr ? KindNoun("médecin généraliste", "médecins généralistes") : KindNoun("general practitioner", "general practitioners")
        default: return nil
        }
    }

    /// `n` sites of a kind: "1 MSP", "3 MSP", "5 hôpitaux", "1 hospital", "2 hospitals" (French
    /// counts 0 and 1 in the singular, English only 1). The number in the language's style.
    package func count(_ n: Int, of raw: String) -> String {
        let noun = kindNoun(raw)
        let singular = language == .fr ? abs(n) <= 1 : abs(n) == 1
        return "\(number(Double(n))) \(singular ? noun.singular : noun.plural)"
    }

    /// "la MSP la plus proche", "l'hôpital le plus proche", "the nearest hospital".
    package func nearest(_ raw: String) -> String {
        let noun = kindNoun(raw)
        guard language == .fr else { return "the nearest \(noun.singular)" }
        return "\(Self.frenchArticle(noun))\(noun.singular) \(noun.feminine ? "la plus proche" : "le plus proche")"
    }

    /// "à la MSP la plus proche", "à l'hôpital le plus proche", "au centre de santé le plus
    /// proche" (à + le contracts to au), "to the nearest hospital".
    package func toNearest(_ raw: String) -> String {
        guard language == .fr else { return "to " + nearest(raw) }
        let text = nearest(raw)
        return text.hasPrefix("le ") ? "au " + text.dropFirst(3) : "à " + text
    }

    /// Every site of a kind, with its article: "les MSP", "les hôpitaux", "the hospitals".
    package func all(_ raw: String) -> String {
        (language == .fr ? "les " : "the ") + kindNoun(raw).plural
    }

    /// le, la or l' (before a vowel or a mute h: l'hôpital).
    static func frenchArticle(_ noun: KindNoun) -> String {
        let first = noun.singular.first.map { String($0).folding(options: .diacriticInsensitive, locale: nil).lowercased() } ?? ""
        let lowerCase = noun.singular.first?.isLowercase ?? false
        if lowerCase && "aeiouyh".contains(first) { return "l'" }
        return noun.feminine ? "la " : "le "
    }
}
