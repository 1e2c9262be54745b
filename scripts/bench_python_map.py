"""Python anchor of `geohealth map fr.geojson --field hospital_minutes` (docs/performance.md,
scripts/benchmark): the same choropleth job, whole process, with geopandas + mapclassify +
matplotlib, printing the class upper bounds and counts that GeoHealth's `--format json` prints.

    python3 scripts/bench_python_map.py fr.geojson OUT.svg

fr.geojson is `geohealth distance … --max-minutes 45 --out fr.geojson` on the national data.
The job: read the 34,868 communes; exact Fisher–Jenks natural breaks in 5 classes over the
reachable communes (mapclassify.FisherJenks, numba-compiled dynamic programme; communes with no
value are "unreachable", drawn grey); project to Lambert-93; draw the choropleth with a legend
and write an SVG. GeoHealth also draws the five overseas départements as insets in their own
CRSs, adds labels-free legend counts, a scale bar and a north arrow; the Python map draws every
commune in Lambert-93 (overseas far off-frame) — a lighter drawing job than GeoHealth's.
"""
import json
import sys
import warnings

import geopandas as gpd
import pandas as pd
import mapclassify
import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

warnings.filterwarnings("ignore", message="Could not parse column")
path, out = sys.argv[1], sys.argv[2]
layer = gpd.read_file(path, engine="pyogrio")
# GeoHealth writes "unreachable" where no hospital is within --max-minutes.
values = pd.to_numeric(layer["hospital_minutes"], errors="coerce")
layer["hospital_minutes"] = values
known = values.notna()
classes = mapclassify.FisherJenks(values[known].to_numpy(dtype=float), k=5)
counts = [int(c) for c in classes.counts]
metric = layer.to_crs(2154)
fig, ax = plt.subplots(figsize=(8, 8))
metric[~known].plot(ax=ax, color="#bdbdbd", linewidth=0)
metric[known].plot(ax=ax, column="hospital_minutes", scheme="UserDefined", classification_kwds={"bins": list(classes.bins)},
                   cmap="YlOrRd", linewidth=0, legend=True)
ax.set_axis_off()
ax.set_title("hospital_minutes")
fig.savefig(out, format="svg")
print(json.dumps({"polygons": int(len(layer)), "upper_bounds": [round(float(b), 2) for b in classes.bins], "units": counts,
                  "unreachable": int((~known).sum())}))
