"""Writes the reference values the Swift tests compare against, from independent libraries.

    python3 -m pip install pyproj shapely    # versions are recorded in each output file
    python3 Tests/reference/make_reference.py [../shared/geodata-real]

Outputs (committed; CI never runs Python):
- Tests/reference/projection.json: French landmarks projected by pyproj (always_xy=True) into
  the metric CRSs GeoHealth uses, and geodesic distances on WGS84 (pyproj.Geod, Karney).
- Tests/reference/real-areas.json (only when the real data folder exists): total area of the
  metropolitan communes of ../shared/geodata-real, each file projected to EPSG:2154 with pyproj
  and measured with shapely (GEOS), summed in file order.
"""
import datetime
import glob
import json
import os
import sys

import pyproj
import shapely
from shapely.geometry import shape
from shapely.ops import transform

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

LANDMARKS = [
    ("Tour Eiffel, Paris", 2.294481, 48.858370, 2154),
    ("Cathédrale de Strasbourg", 7.750713, 48.581766, 2154),
    ("Pointe du Raz", -4.739571, 48.039310, 2154),
    ("Porte d'Aix, Marseille", 5.374650, 43.304873, 2154),
    ("Bastia, Vieux-Port", 9.452750, 42.699180, 2154),
    ("Pointe-à-Pitre, Guadeloupe", -61.533330, 16.241110, 5490),
    ("Fort-de-France, Martinique", -61.073390, 14.604470, 5490),
    ("Cayenne, Guyane", -52.330000, 4.933330, 2972),
    ("Saint-Denis, La Réunion", 55.448100, -20.882100, 2975),
    ("Mamoudzou, Mayotte", 45.227800, -12.780600, 4471),
    ("Dunkerque, beffroi", 2.377300, 51.035800, 2154),
]
DISTANCES = [
    ("Paris – Marseille", (2.3522, 48.8566), (5.3698, 43.2965)),
    ("Brest – Strasbourg", (-4.4861, 48.3904), (7.7521, 48.5734)),
    ("Lille – Perpignan", (3.0573, 50.6292), (2.8954, 42.6887)),
    ("short: 1 km east at 45°N", (3.0, 45.0), (3.012712, 45.0)),
    ("Saint-Denis – Cayenne", (55.4481, -20.8821), (-52.33, 4.93333)),
]


def provenance(extra):
    return {
        "generated": NOW,
        "by": "Tests/reference/make_reference.py",
        "libraries": {"pyproj": pyproj.__version__, "PROJ": pyproj.proj_version_str, "shapely": shapely.__version__, "GEOS": shapely.geos_version_string},
        **extra,
    }


def projection():
    landmarks = []
    for name, lon, lat, epsg in LANDMARKS:
        t = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
        x, y = t.transform(lon, lat)
        landmarks.append({"name": name, "lon": lon, "lat": lat, "epsg": epsg, "x": round(x, 4), "y": round(y, 4)})
    geod = pyproj.Geod(ellps="WGS84")
    distances = []
    for name, a, b in DISTANCES:
        _, _, d = geod.inv(a[0], a[1], b[0], b[1])
        distances.append({"name": name, "from": list(a), "to": list(b), "metres": round(d, 4)})
    return {"provenance": provenance({"method": "pyproj.Transformer.from_crs(4326, epsg, always_xy=True); pyproj.Geod(ellps='WGS84').inv"}),
            "landmarks": landmarks, "geodesic": distances}


def real_areas(folder):
    files = sorted(f for f in glob.glob(os.path.join(folder, "communes", "*.geojson"))
                   if not os.path.basename(f).startswith("communes-97"))
    to2154 = pyproj.Transformer.from_crs(4326, 2154, always_xy=True).transform
    total = 0.0
    count = 0
    per_file = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            data = json.load(fh)
        area = 0.0
        for feat in data["features"]:
            area += transform(to2154, shape(feat["geometry"])).area
            count += 1
        per_file[os.path.basename(f)] = round(area, 1)
        total += area
    return {"provenance": provenance({"method": "json.load; shapely.geometry.shape; shapely.ops.transform with pyproj EPSG:4326→2154; .area; summed",
                                      "data": "../shared/geodata-real/communes, files not starting with communes-97"}),
            "files": len(files), "features": count, "total_square_metres": round(total, 1), "per_file_square_metres": per_file}


def write(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("wrote", name)


if __name__ == "__main__":
    write("projection.json", projection())
    real = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "geodata-real")
    if os.path.isdir(real):
        write("real-areas.json", real_areas(real))
    else:
        print("NOTICE: real data not found at", real, "; real-areas.json not written")
