import Foundation
import GeoHealthTestSupport
import Testing

/// The public surface (docs/architecture.md, "Public surface"), read from the sources' text:
/// only the library's modules declare anything `public`, and every `public` declaration carries a
/// `///` doc comment.
///
/// A declaration is a line whose modifiers include `public` (`public private(set) var` counts,
/// `public(set)` alone does not), attributes such as `@inlinable` allowed before them, followed by
/// a declaration keyword. Its doc comment is the `///` line directly above it; attribute lines
/// may sit between the two. Exempt: the witnesses whose meaning the standard protocol gives in
/// full (`description`, `rawValue`, `==`, `hash(into:)`, `init(from:)`, `encode(to:)`); enum
/// cases carry no modifier and are not seen.
@Suite struct PublicSurfaceTests {
    static let root = Fixtures.repositoryRoot

    /// The modules that make up the library a Swift user calls; every other module is `package`.
    static let publicModules: Set<String> = ["GeoCore", "Accessibility", "Inequality", "Gaps", "GeoHealthKit"]

    /// Protocol witnesses documented by the protocol they witness, as a declaration's name
    /// (`hash(into` is `func hash(into hasher: …)`).
    static let exemptNames: Set<String> = ["description", "rawValue", "==", "hash(into", "init(from", "encode(to"]

    static let modifiers: Set<String> = [
        "public", "package", "internal", "private", "fileprivate", "open", "static", "class", "final", "override",
        "mutating", "nonmutating", "nonisolated", "convenience", "required", "lazy", "weak", "unowned", "indirect",
        "dynamic", "optional", "prefix", "postfix", "infix", "consuming", "borrowing",
    ]
    static let keywords: Set<String> = [
        "func", "var", "let", "init", "struct", "class", "enum", "protocol", "typealias", "extension", "subscript",
        "case", "actor", "associatedtype", "macro", "operator", "precedencegroup", "deinit",
    ]

    struct Declaration {
        var module: String
        var location: String
        var name: String
        var documented: Bool

        /// The name as Swift spells a declaration's name: `hash(into:)`, `init(_:)`, `run()`.
        var spelled: String {
            guard name.contains("(") else { return name }
            return name.hasSuffix("(") ? name + ")" : name + ":)"
        }
    }

    /// The declaration a line starts, if its modifiers include `public`: the keyword and the
    /// name after it (`init(from` for an initialiser, the operator for an operator function).
    static func publicDeclaration(_ line: Substring) -> String? {
        var rest = line.drop(while: \.isWhitespace)
        while rest.first == "@" {  // attributes, with their arguments
            rest = rest.dropFirst()
            rest = rest.drop(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            if rest.first == "(" {
                guard let close = rest.firstIndex(of: ")") else { return nil }
                rest = rest[rest.index(after: close)...]
            }
            rest = rest.drop(while: \.isWhitespace)
        }
        var isPublic = false
        while true {
            let word = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !word.isEmpty else { return nil }
            var after = rest[word.endIndex...]
            if after.hasPrefix("(set)") {  // `private(set)`, `public(set)`: a setter's access only
                rest = after.dropFirst(5).drop(while: \.isWhitespace)
                continue
            }
            if modifiers.contains(String(word)), after.first == " " {
                isPublic = isPublic || word == "public"
                rest = after.drop(while: \.isWhitespace)
                continue
            }
            guard keywords.contains(String(word)), isPublic else { return nil }
            if word == "init" {
                after = after.drop(while: { $0 == "?" || $0 == "!" })
                let label = after.dropFirst().prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
                return "init(" + label
            }
            after = after.drop(while: \.isWhitespace)
            let name = after.prefix(while: { !$0.isWhitespace && $0 != "(" && $0 != "<" && $0 != ":" && $0 != "{" })
            if word == "func", after[name.endIndex...].first == "(" {
                let parameters = after[name.endIndex...].dropFirst()
                let label = parameters.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
                return name + "(" + label
            }
            return String(name)
        }
    }

    /// Every `public` declaration under Sources/, with its module and whether a `///` comment
    /// sits directly above it (attribute lines between allowed).
    static func declarations() throws -> [Declaration] {
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: [Declaration] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let relative = String(file.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1))
            let module = String(relative.prefix(while: { $0 != "/" }))
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                guard let name = publicDeclaration(line) else { continue }
                var above = index - 1
                while above >= 0, lines[above].drop(while: \.isWhitespace).hasPrefix("@") { above -= 1 }
                let documented = above >= 0 && lines[above].drop(while: \.isWhitespace).hasPrefix("///")
                found.append(Declaration(module: module, location: "Sources/\(relative):\(index + 1)", name: name, documented: documented))
            }
        }
        return found
    }

    @Test func theScannerReadsDeclarations() {
        #expect(Self.publicDeclaration("    public var name: String") == "name")
        #expect(Self.publicDeclaration("    @inlinable public static func == (a: A, b: A) -> Bool {") == "==")
        #expect(Self.publicDeclaration("    public func hash(into h: inout Hasher) {") == "hash(into")
        #expect(Self.publicDeclaration("    public init?(_ text: String) {") == "init(_")
        #expect(Self.publicDeclaration("    public private(set) var events: [Event]") == "events")
        #expect(Self.publicDeclaration("    package var name: String") == nil)
        #expect(Self.publicDeclaration("    private(set) public var x = 0") == "x")
        #expect(Self.publicDeclaration("    // public var commented") == nil)
        #expect(Self.publicDeclaration("    public(set) var x = 0") == nil)
    }

    @Test func onlyTheLibraryModulesArePublic() throws {
        let all = try Self.declarations()
        #expect(all.count > 100, "the sources' public declarations were read")
        let counts = Dictionary(grouping: all, by: \.module).mapValues(\.count)
        print("public declarations per module: " + counts.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for declaration in all where !Self.publicModules.contains(declaration.module) {
            Issue.record("\(declaration.location): \(declaration.module) is package-only, but declares \(declaration.spelled) public")
        }
    }

    @Test func everyPublicDeclarationIsDocumented() throws {
        let undocumented = try Self.declarations().filter { !$0.documented && !Self.exemptNames.contains($0.name) }
        for declaration in undocumented {
            Issue.record("\(declaration.location): public \(declaration.spelled) has no /// doc comment")
        }
    }
}
