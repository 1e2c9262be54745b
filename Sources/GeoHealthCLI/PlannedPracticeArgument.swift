import Accessibility
import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

/// `zoning --add-msp PLACE,N[,name]`: an MSP planned with N full-time GPs, at `lon,lat` in
/// degrees or at a commune's representative point (`commune:CODE`), with an optional name
/// (the rest of the value, commas included).
struct PlannedPracticeArgument: Sendable {
    var practice: ZoningScenario.PlannedPractice

    /// The planned MSP (the option's `transform`); a `ValidationError` saying the form, or
    /// the GP count's range, otherwise.
    static func parse(_ argument: String) throws -> PlannedPracticeArgument {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        let place: ZoningScenario.Place
        var rest: [String]
        if trimmed.lowercased().hasPrefix("commune:") {
            let parts = trimmed.dropFirst("commune:".count).split(separator: ",", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = parts.first, !code.isEmpty, parts.count >= 2 else { throw ValidationError(form) }
            place = .commune(code)
            rest = Array(parts.dropFirst())
        } else {
            let parts = trimmed.split(separator: ",", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 3, let lon = Double(parts[0]), let lat = Double(parts[1]), abs(lon) <= 180, abs(lat) <= 90 else {
                throw ValidationError(form)
            }
            place = .point(Coordinate(x: lon, y: lat))
            rest = Array(parts.dropFirst(2))
        }
        guard let count = Int(rest[0]), (0...ZoningScenario.maximumPracticeSize).contains(count) else {
            throw ValidationError("'\(rest[0])': the number of full-time GPs must be a whole number from 0 to \(ZoningScenario.maximumPracticeSize)")
        }
        let name = rest.count > 1 && !rest[1].isEmpty ? rest[1] : nil
        return PlannedPracticeArgument(practice: ZoningScenario.PlannedPractice(place: place, generalPractitioners: count, name: name ?? ""))
    }

    static let form = "write lon,lat,N[,name] (degrees) or commune:CODE,N[,name], N the full-time GPs"

    /// The help text: the forms and what an added GP counts.
    static let helpText = "An MSP planned with N full-time GPs: 'lon,lat,N[,name]' (degrees) or 'commune:CODE,N[,name]' (the commune's "
        + "representative point); each GP counts \(HelpText.number(APLParameters.newPractitionerActivity)) consultations (the DREES rule for a GP new this year); repeat for several."

    /// The MSP; one without a name is called `MSP N`, N its rank among the `--add-msp`.
    func planned(number: Int) -> ZoningScenario.PlannedPractice {
        var p = practice
        if p.name.isEmpty { p.name = "MSP \(number)" }
        return p
    }
}
