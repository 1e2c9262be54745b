import ArgumentParser
import GeoCore
import GeoHealthCLI
import Testing

/// The library names its parameters (``Parameter``) and the CLI spells each as a flag by one
/// rule (``ParameterFlags/flag(_:)``): every such flag must be an option some command declares,
/// or a message would advise a flag nobody can type.
@Suite struct FlagTests {
    /// The words of every command's help (hidden options included): flags, values, prose.
    static let helpWords: Set<Substring> = {
        let helps = GeoHealth.configuration.subcommands.map { $0.helpMessage(includeHidden: true, columns: 10_000) }
        return Set(helps.flatMap { help in
            help.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        })
    }()

    @Test(arguments: Parameter.allCases)
    func everyParametersFlagIsDeclared(_ parameter: Parameter) {
        let flag = ParameterFlags.flag(parameter)
        #expect(Self.helpWords.contains(Substring(flag)), "\(parameter): no command declares \(flag)")
    }

    /// The rule, on two parameters whose flag is not their Swift name.
    @Test func theFlagIsTheKeyWithDashes() {
        #expect(ParameterFlags.flag(.sitesCRS) == "--sites-crs")
        #expect(ParameterFlags.flag(.newSiteCount) == "--k")
    }
}
