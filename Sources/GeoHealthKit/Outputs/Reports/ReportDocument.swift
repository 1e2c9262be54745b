import Foundation
import GeoIO

/// A report as blocks, written out as Markdown (`report.md`) and as one self-contained HTML
/// page (`report.html`): the same headings, text, figures and tables in both. The HTML holds
/// its style and its images (SVG maps and charts as `data:` URIs, which keeps each figure's
/// ids and styles to itself); it links to nothing outside itself, so it can be mailed or
/// opened from a USB key.
struct ReportDocument {
    enum Block {
        case heading(String)
        case paragraph(String)
        /// An SVG of the report's folder, with its text alternative.
        case figure(file: String, alt: String)
        /// Cells as text (already formatted); `numeric` columns are right-aligned.
        case table(header: [String], rows: [[String]], numeric: [Bool])
        case orderedList([String])
        case note(String)
    }

    var title: String
    var subtitle: String?
    var language: String
    var blocks: [Block] = []

    mutating func add(_ block: Block) { blocks.append(block) }

    func markdown() -> String {
        var md = "# \(title)\n\n"
        if let subtitle { md += "\(subtitle)\n\n" }
        for block in blocks {
            switch block {
            case .heading(let h): md += "## \(h)\n\n"
            case .paragraph(let p): md += "\(p)\n\n"
            case .figure(let file, _): md += "![](\(file))\n\n"
            case .table(let header, let rows, let numeric):
                md += "| " + header.joined(separator: " | ") + " |\n"
                md += "|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
                for r in rows { md += "| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
                md += "\n"
            case .orderedList(let items):
                for (n, item) in items.enumerated() { md += "\(n + 1). \(item)\n" }
                md += "\n"
            case .note(let n): md += "---\n\(n)\n"
            }
        }
        return md
    }

    /// The page; figures are read from `folder`.
    func html(folder: URL) throws -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        if let subtitle { h += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
        for block in blocks { h += try html(block, folder: folder) }
        return h + "</body>\n</html>\n"
    }

    /// The page's style, in the page itself (it links to nothing outside itself).
    static let style = """
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; \
        max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .3rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
        .subtitle { color: #555; margin-top: 0; }
        figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .95rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .3rem .7rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        footer { margin-top: 2.5rem; color: #666; font-size: .85rem; border-top: 1px solid #ccc; padding-top: .5rem; }
        """

    /// One block of the page.
    private func html(_ block: Block, folder: URL) throws -> String {
        switch block {
        case .heading(let text): return "<h2>\(escape(text))</h2>\n"
        case .paragraph(let p): return "<p>\(escape(p))</p>\n"
        case .figure(let file, let alt):
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            return "<figure><img alt=\"\(escape(alt))\" src=\"data:image/svg+xml;base64,\(data.base64EncodedString())\"></figure>\n"
        case .table(let header, let rows, let numeric):
            func cls(_ c: Int) -> String { numeric[c] ? " class=\"n\"" : "" }
            let headings = header.indices.map { "<th\(cls($0)) scope=\"col\">\(escape(header[$0]))</th>" }.joined()
            var h = "<table>\n<thead><tr>" + headings + "</tr></thead>\n<tbody>\n"
            for r in rows { h += "<tr>" + r.indices.map { "<td\(cls($0))>\(escape(r[$0]))</td>" }.joined() + "</tr>\n" }
            return h + "</tbody>\n</table>\n"
        case .orderedList(let items):
            return "<ol>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
        case .note(let n): return "<footer>\(escape(n))</footer>\n"
        }
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
