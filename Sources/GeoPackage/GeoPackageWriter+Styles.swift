import Foundation
import GeoIO

/// A layer's style as QGIS keeps it inside a GeoPackage: a row of the `layer_styles` table
/// (QGIS's convention, which GDAL also reads and writes; the same table QGIS's "Save style… in
/// database" creates through OGR): the style as QGIS's own QML and as OGC Symbology Encoding
/// (SLD 1.1) for other tools. QGIS applies the default style of a layer when it opens it.
package struct LayerStyle: Sendable, Equatable {
    /// `styleName` (QGIS keeps 30 characters).
    package var name: String
    /// The QGIS style document (`<qgis>…</qgis>`).
    package var qml: String
    /// The Styled Layer Descriptor.
    package var sld: String
    package var description: String

    package init(name: String, qml: String, sld: String, description: String) {
        self.name = name
        self.qml = qml
        self.sld = sld
        self.description = description
    }
}

extension GeoPackageWriter {
    /// Adds `style` as the default style of the current table (its `geom` column): creates the
    /// `layer_styles` table with the columns QGIS's OGR provider creates (`id`,
    /// `f_table_catalog`, `f_table_schema`, `f_table_name`, `f_geometry_column`, `styleName`,
    /// `styleQML`, `styleSLD`, `useAsDefault`, `description`, `owner`, `ui`, `update_time`),
    /// registered in `gpkg_contents` as `attributes` (so GDAL and QGIS list it), unless it is
    /// there. QGIS looks a layer's style up by `f_table_schema = ''`, the table name and the
    /// geometry column. `update_time` is the file's fixed `last_change`, for the same bytes.
    package func addStyle(_ style: LayerStyle) throws {
        guard let db else { return }
        let stamp = Self.timestamp(lastChange)
        do {
            let exists = try db.column("SELECT count(*) FROM sqlite_master WHERE name = 'layer_styles'") { $0.int(0) }.first ?? 0
            if exists == 0 {
                try db.execute("""
                    CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256), f_table_schema TEXT(256),
                      f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
                      description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
                    INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change)
                      VALUES ('layer_styles', 'attributes', 'layer_styles', '\(stamp)');
                    """)
            }
            let insert = try db.prepare("""
                INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD,
                  useAsDefault, description, owner, ui, update_time) VALUES ('', '', ?, 'geom', ?, ?, ?, 1, ?, '', NULL, ?)
                """)
            insert.bind(1, table)
            insert.bind(2, String(style.name.prefix(30)))
            insert.bind(3, style.qml)
            insert.bind(4, style.sld)
            insert.bind(5, style.description)
            insert.bind(6, stamp)
            try insert.step()
        } catch {
            throw InputError(file: url.relativePath, message: "cannot write the layer style: \(error)")
        }
    }
}
