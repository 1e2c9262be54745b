/// A failure of libxlsxwriter, with its message (`lxw_strerror`) and what was being done.
package struct SpreadsheetError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
