"""Exact anchor of `geohealth site … --method pmedian` on one département (docs/performance.md,
scripts/benchmark): the same p-median instance solved to proven optimality by a MIP (PuLP +
CBC), with the population-weighted mean time of GeoHealth's heuristic choice evaluated on it.

    python3 scripts/bench_python_pmedian.py ROOT DEPARTEMENT_FILE K [GEOHEALTH_JSON]

The instance, as `geohealth site --areas FILE --population ROOT/population/donnees_communes.csv
--sites ROOT/facilities/eurostat-healthcare-FR.csv --kind hospital --site-kind hospital --k K
--method pmedian --minutes 30`: communes' points on surface in Lambert-93 (invalid polygons
repaired) weighted by their legal population (joined by code); existing hospitals (metropolitan)
are permanent; candidates are the communes' points; time = straight line × 1.3 at 60 km/h; a
commune's time is capped at the 60-minute bound (max(2 × 30, 60)). The MIP: minimise
Σₒ wₒ (eₒ (1 − Σⱼ xₒⱼ) + Σⱼ cₒⱼ xₒⱼ) with Σⱼ xₒⱼ ≤ 1, xₒⱼ ≤ zⱼ, Σⱼ zⱼ = K, zⱼ binary, over the
pairs with cₒⱼ < eₒ (eₒ: time to the nearest existing hospital, capped). No Python tool solves
the national instance (35,000 communes × 35,000 candidates): this is the anchor at a scale an
exact solver reaches, and it checks the heuristic's quality.
"""
import json
import os
import re
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pulp
import shapely
from scipy.spatial import cKDTree

root, path, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.time()
communes = gpd.read_file(path, engine="pyogrio")
invalid = ~communes.geometry.is_valid
communes.loc[invalid, "geometry"] = shapely.make_valid(communes.geometry[invalid].values)
table = pd.read_csv(os.path.join(root, "population", "donnees_communes.csv"), sep=";", dtype=str)
table = table[table.COM.notna()].drop_duplicates("COM")
population = dict(zip(table.COM, table.PMUN.astype(float)))
w = np.array([population.get(c, 0.0) for c in communes.code])
points = communes.set_crs(4326, allow_override=True).to_crs(2154).geometry.representative_point()
xy = np.column_stack([points.x, points.y])
sites = pd.read_csv(os.path.join(root, "facilities", "eurostat-healthcare-FR.csv"), dtype=str)
sites = sites[sites.lat.notna() & sites.lon.notna()]
lon, lat = sites.lon.astype(float), sites.lat.astype(float)
metro = (lon >= -6) & (lon <= 10) & (lat >= 41) & (lat <= 52)
hospitals = gpd.GeoSeries(gpd.points_from_xy(lon[metro], lat[metro]), crs=4326).to_crs(2154)
BOUND = 60.0
minutes_per_metre = 1.3 / 1000  # × 1.3 detour at 60 km/h: one minute per kilometre
existing = np.minimum(cKDTree(np.column_stack([hospitals.x, hospitals.y])).query(xy)[0] * minutes_per_metre, BOUND)
tree = cKDTree(xy)
pairs = tree.sparse_distance_matrix(tree, BOUND / minutes_per_metre, output_type="coo_matrix")
cost = {}
for o, j, d in zip(pairs.row, pairs.col, pairs.data):
    c = d * minutes_per_metre
    if c < existing[o]:
        cost[(o, j)] = c
for o in range(len(xy)):  # a candidate at the commune's own point (distance 0)
    if existing[o] > 0:
        cost[(o, o)] = 0.0
built = time.time()
model = pulp.LpProblem("pmedian", pulp.LpMinimize)
z = {j: pulp.LpVariable(f"z{j}", cat="Binary") for j in range(len(xy))}
x = {p: pulp.LpVariable(f"x{p[0]}_{p[1]}", lowBound=0, upBound=1) for p in cost}
by_origin = {}
for (o, j) in cost:
    by_origin.setdefault(o, []).append(j)
model += pulp.lpSum(w[o] * existing[o] for o in range(len(xy))) + pulp.lpSum(w[o] * (cost[(o, j)] - existing[o]) * x[(o, j)] for (o, j) in cost)
for o, js in by_origin.items():
    model += pulp.lpSum(x[(o, j)] for j in js) <= 1
for (o, j) in cost:
    model += x[(o, j)] <= z[j]
model += pulp.lpSum(z.values()) == k
model.solve(pulp.PULP_CBC_CMD(msg=False))
solved = time.time()
assert pulp.LpStatus[model.status] == "Optimal", pulp.LpStatus[model.status]
chosen = sorted(communes.code[j] for j in z if z[j].value() > 0.5)


def mean_minutes(codes):
    index = {c: i for i, c in enumerate(communes.code)}
    best = existing.copy()
    for c in codes:
        d = np.hypot(xy[:, 0] - xy[index[c], 0], xy[:, 1] - xy[index[c], 1]) * minutes_per_metre
        best = np.minimum(best, d)
    return float((w * best).sum() / w.sum())


result = {"communes": int(len(xy)), "pairs": len(cost), "k": k, "optimal_mean_minutes": round(mean_minutes(chosen), 6), "optimal_sites": chosen,
          "before_mean_minutes": round(float((w * existing).sum() / w.sum()), 6),
          "seconds_model": round(built - start, 2), "seconds_cbc": round(solved - built, 2)}
if len(sys.argv) > 4:
    g = json.load(open(sys.argv[4]))
    picked = [re.search(r"\((\w+)\)$", c["site"]).group(1) for c in g["chosen"]]
    result["geohealth_sites"] = sorted(picked)
    result["geohealth_mean_minutes"] = round(mean_minutes(picked), 6)
print(json.dumps(result))
