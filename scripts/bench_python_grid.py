"""The Python anchor of `distance --population-grid` on the national 200 m grid (docs/performance.md).

    python3 scripts/bench_python_grid.py GRID.csv ROOT [THRESHOLDS]

Reads the grid (INSEE layout: idcar_200m, ind) with pandas, takes the metropolitan squares
(EPSG:3035), their centres to Lambert-93 with pyproj, the Eurostat hospitals inside
metropolitan France to Lambert-93, the nearest hospital of each square with a scipy cKDTree,
minutes = d × 1.3 / 1000 / 60 km/h × 60, and the residents beyond each threshold. It does less
than GeoHealth: no overseas squares, no allocation of the squares to the communes, no site at
0 minutes inside its square, no per-square or per-commune table.
"""
import os
import sys
import time

import numpy as np
import pandas as pd
import pyproj
from scipy.spatial import cKDTree

grid_file, root = sys.argv[1], sys.argv[2]
thresholds = [float(t) for t in (sys.argv[3] if len(sys.argv) > 3 else "20,30").split(",")]
start = time.perf_counter()
grid = pd.read_csv(grid_file, dtype={"idcar_200m": str, "ind": float})
parts = grid["idcar_200m"].str.extract(r"CRS(\d+)RES(\d+)mN(\d+)E(\d+)").astype(float)
metro = parts[0] == 3035
size = parts.loc[metro, 1].to_numpy()
x = parts.loc[metro, 3].to_numpy() + size / 2
y = parts.loc[metro, 2].to_numpy() + size / 2
people = grid.loc[metro, "ind"].to_numpy()
to93 = pyproj.Transformer.from_crs(3035, 2154, always_xy=True)
cx, cy = to93.transform(x, y)
sites = pd.read_csv(os.path.join(root, "facilities", "eurostat-healthcare-FR.csv"), dtype=str)
lon, lat = sites.lon.astype(float).to_numpy(), sites.lat.astype(float).to_numpy()
inside = (lon > -6) & (lon < 10) & (lat > 41) & (lat < 52)
sx, sy = pyproj.Transformer.from_crs(4326, 2154, always_xy=True).transform(lon[inside], lat[inside])
dist, _ = cKDTree(np.column_stack([sx, sy])).query(np.column_stack([cx, cy]))
minutes = dist * 1.3 / 1000 / 60 * 60
done = time.perf_counter()
print("job: distance by 200 m squares (pandas %s, pyproj %s, scipy cKDTree)" % (pd.__version__, pyproj.__version__))
print("squares: %d" % len(people))
print("population: %.0f" % people.sum())
print("mean minutes: %.3f" % (np.sum(minutes * people) / people.sum()))
for t in thresholds:
    print("population beyond %g min: %.0f" % (t, people[minutes > t].sum()))
print("seconds: %.3f" % (done - start))
