import Foundation
import GeoHealthTestSupport
import Testing

/// The module graph three ways: as `Package.swift` declares it, as `docs/architecture.md` shows
/// it, and as the sources' `import` lines use it. The three must agree, and C modules may be
/// imported only by their binding module.
@Suite struct ModuleGraphTests {
    static let root = Fixtures.repositoryRoot

    /// Targets of `Package.swift` (sources, not tests) and the modules each depends on, read from
    /// the manifest's text: each `.target(` / `.executableTarget(` / `.systemLibrary(` call's
    /// `name:` and the quoted names and `.product(name:)`s of its `dependencies: [ … ]`.
    static func declaredGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        let calls = text.components(separatedBy: "\n        .").dropFirst()
        for call in calls where call.hasPrefix("target(") || call.hasPrefix("executableTarget(") || call.hasPrefix("systemLibrary(") {
            guard let name = firstQuoted(after: "name: ", in: call) else { continue }
            var deps = Set<String>()
            if let start = call.range(of: "dependencies: [") {
                var depth = 1, end = start.upperBound
                while depth > 0, end < call.endIndex {
                    if call[end] == "[" { depth += 1 } else if call[end] == "]" { depth -= 1 }
                    end = call.index(after: end)
                }
                let list = String(call[start.upperBound..<end])
                for piece in list.components(separatedBy: ",") {
                    if let product = firstQuoted(after: ".product(name: ", in: piece) { deps.insert(product) } else if !piece.contains("package:"), let plain = firstQuoted(after: "", in: piece) { deps.insert(plain) }
                }
            }
            graph[name] = deps
        }
        return graph
    }

    static func firstQuoted(after marker: String, in text: String) -> String? {
        guard let m = marker.isEmpty ? text.startIndex..<text.startIndex : text.range(of: marker) else { return nil }
        let rest = text[m.upperBound...]
        guard let open = rest.firstIndex(of: "\""), marker.isEmpty || open == rest.startIndex else { return nil }
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "\"") else { return nil }
        return String(after[..<close])
    }

    /// The "Modules" table of docs/architecture.md: target → the modules in its "imports" cell.
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let start = text.range(of: "| target | what it holds | imports |") else { return [:] }
        var graph: [String: Set<String>] = [:]
        for line in text[start.upperBound...].split(separator: "\n").dropFirst() {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let names = ticked(cells[1]), imports = Set(ticked(cells[3]))
            for name in names { graph[name] = imports }
        }
        return graph
    }

    /// The names between backticks in a table cell.
    static func ticked(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Each source target's folder and the modules its files import.
    static func importedGraph(targets: [String]) throws -> [String: Set<String>] {
        var graph: [String: Set<String>] = [:]
        for target in targets {
            let folder = target == "GeoHealthFuzz" ? root.appendingPathComponent("Fuzz")
                : target == "GeoHealthTestSupport" ? root.appendingPathComponent("Tests/GeoHealthTestSupport")
                : root.appendingPathComponent("Sources/\(target)")
            var imports = Set<String>()
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where file.pathExtension == "swift" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    if let module = importedModule(String(line)) { imports.insert(module) }
                }
            }
            graph[target] = imports
        }
        return graph
    }

    /// The module an `import` line names: attributes (`@testable`, `@preconcurrency`,
    /// `@_implementationOnly`), an access level (`package import`) and a declaration kind
    /// (`import struct GeoCore.Study`) allowed; nil for any other line.
    static func importedModule(_ line: String) -> String? {
        let pattern = /^\s*(?:@\w+\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)/
        return (try? pattern.firstMatch(in: line)).flatMap { $0 }.map { String($0.1) }
    }

    @Test func importLinesAreRecognised() {
        #expect(Self.importedModule("import GeoCore") == "GeoCore")
        #expect(Self.importedModule("@testable import geohealth") == "geohealth")
        #expect(Self.importedModule("@preconcurrency import Foundation") == "Foundation")
        #expect(Self.importedModule("package import GeoIO") == "GeoIO")
        #expect(Self.importedModule("import struct GeoCore.Study") == "GeoCore")
        #expect(Self.importedModule("// import GeoCore") == nil && Self.importedModule("let important = 1") == nil)
    }

    @Test func theDocumentedGraphIsTheDeclaredOne() throws {
        let declared = try Self.declaredGraph(), documented = try Self.documentedGraph()
        #expect(declared.count > 10, "Package.swift's targets were read")
        #expect(Set(documented.keys) == Set(declared.keys), "targets only in the docs: \(Set(documented.keys).subtracting(declared.keys).sorted()); only in Package.swift: \(Set(declared.keys).subtracting(documented.keys).sorted())")
        for (target, deps) in declared.sorted(by: { $0.key < $1.key }) {
            #expect(documented[target] == deps, "\(target): docs/architecture.md says \(documented[target]?.sorted() ?? []), Package.swift \(deps.sorted())")
        }
    }

    @Test func everyImportIsDeclared() throws {
        let declared = try Self.declaredGraph()
        let ours = Set(declared.keys).union(["HeapModule", "ArgumentParser", "Yams", "Crypto", "CYaml"])
        let imported = try Self.importedGraph(targets: declared.filter { !$0.key.hasPrefix("C") }.map(\.key))
        for (target, modules) in imported.sorted(by: { $0.key < $1.key }) {
            let undeclared = modules.intersection(ours).subtracting(declared[target] ?? [])
            #expect(undeclared.isEmpty, "\(target) imports \(undeclared.sorted()) without declaring it in Package.swift")
        }
    }

    /// A declared dependency no file imports is a stale edge of the graph (system-library shims
    /// and products used through another module excepted: none today).
    @Test func everyDeclaredDependencyIsImported() throws {
        let declared = try Self.declaredGraph()
        let imported = try Self.importedGraph(targets: declared.filter { !$0.key.hasPrefix("C") }.map(\.key))
        for (target, deps) in declared.sorted(by: { $0.key < $1.key }) where !target.hasPrefix("C") {
            let unused = deps.subtracting(imported[target] ?? [])
            #expect(unused.isEmpty, "\(target) declares \(unused.sorted()) in Package.swift but no file of it imports them")
        }
    }

    @Test func onlyBindingModulesImportC() throws {
        let declared = try Self.declaredGraph()
        let bindings: [String: String] = [
            "CGEOS": "GEOSBridge", "CPROJ": "Projection", "CSQLite": "GeoPackage", "COsmium": "OpenStreetMap", "CXLSXWriter": "Spreadsheet",
        ]
        let imported = try Self.importedGraph(targets: declared.filter { !$0.key.hasPrefix("C") }.map(\.key))
        for (target, modules) in imported.sorted(by: { $0.key < $1.key }) {
            for c in modules where c.hasPrefix("C") && c.dropFirst().first?.isUppercase == true {
                #expect(bindings[c] == target, "\(target) imports the C module \(c); only \(bindings[c] ?? "no module") may")
            }
        }
    }
}
