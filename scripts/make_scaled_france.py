"""Writes a synthetic "N× France" for the scaling curve of scripts/benchmark: N copies of the 96
metropolitan commune files of ROOT, copy k shifted east by 16·k degrees of longitude (so copies
never overlap), codes prefixed with the copy number ("2-01001"); the legal populations and the
Eurostat hospitals copied and shifted the same way. Run with --crs EPSG:2154 (one partition).

    python3 scripts/make_scaled_france.py ROOT OUT N
"""
import csv
import glob
import json
import os
import sys

root, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(os.path.join(out, "communes"), exist_ok=True)
files = sorted(f for f in glob.glob(os.path.join(root, "communes", "*.geojson")) if not os.path.basename(f).startswith("communes-97"))


def shifted(coords, dx):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0] + dx, 5), coords[1]]
    return [shifted(c, dx) for c in coords]


for f in files:
    with open(f, encoding="utf-8") as fh:
        layer = json.load(fh)
    for k in range(copies):
        features = []
        for feature in layer["features"]:
            g = feature["geometry"]
            props = dict(feature["properties"])
            props["code"] = "%d-%s" % (k, props["code"])
            features.append({"type": "Feature", "geometry": {"type": g["type"], "coordinates": shifted(g["coordinates"], 16 * k)}, "properties": props})
        name = "%d-%s" % (k, os.path.basename(f))
        with open(os.path.join(out, "communes", name), "w", encoding="utf-8") as fh:
            json.dump({"type": "FeatureCollection", "features": features}, fh, separators=(",", ":"))

with open(os.path.join(root, "population", "donnees_communes.csv"), encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh, delimiter=";"))
with open(os.path.join(out, "population.csv"), "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["COM", "PMUN"])
    for k in range(copies):
        for r in rows:
            if r["COM"]:
                w.writerow(["%d-%s" % (k, r["COM"]), r["PMUN"]])

with open(os.path.join(root, "facilities", "eurostat-healthcare-FR.csv"), encoding="utf-8") as fh:
    sites = [r for r in csv.DictReader(fh) if r["lat"] and r["lon"] and -6 <= float(r["lon"]) <= 10 and 41 <= float(r["lat"]) <= 52]
with open(os.path.join(out, "hospitals.csv"), "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["id", "name", "lon", "lat"])
    for k in range(copies):
        for r in sites:
            w.writerow(["%d-%s" % (k, r["id"]), r["hospital_name"], round(float(r["lon"]) + 16 * k, 5), r["lat"]])
