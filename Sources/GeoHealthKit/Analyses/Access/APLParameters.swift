import Accessibility

/// The DREES APL parameters, with their sources: ``Accessibility/APLParameters`` (the domain
/// module owns them). Named here too so that the command line, which imports GeoHealthKit
/// alone, sets them by this name; the files that replace them are read by
/// `Loading/APLParameterFiles.swift`.
package typealias APLParameters = Accessibility.APLParameters
