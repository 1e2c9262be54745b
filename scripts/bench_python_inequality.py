"""Python anchor of `geohealth inequality TABLE --value hospital_minutes --spatial-weights queen`
(docs/performance.md, scripts/benchmark): the same job, whole process, with geopandas, libpysal
and esda, printing the figures GeoHealth's `--format json` prints.

    python3 scripts/bench_python_inequality.py TABLE.geojson

The table is `geohealth distance … --out TABLE.geojson` on the national data. Units: communes
with a population and a time (the word `unreachable` and missing populations are left out, as
GeoHealth does). Queen contiguity (libpysal `Queen.from_dataframe`: a shared vertex; GeoHealth
asks GEOS whether the polygons intersect, so links through a T-junction without a shared vertex
can differ), row-standardised; global Moran's I with 999 permutations (esda `Moran`); local
Moran with 999 conditional permutations (esda `Moran_Local`), clusters at p < 0.05. The
population-weighted Gini is computed from the Lorenz curve (PySAL's `Gini` is unweighted).
"""
import json
import sys
import warnings

import esda
import geopandas as gpd
import libpysal
import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
table = gpd.read_file(sys.argv[1], engine="pyogrio")
value = pd.to_numeric(table.hospital_minutes, errors="coerce")
population = pd.to_numeric(table.population, errors="coerce")
keep = value.notna() & population.notna()
units = table[keep].reset_index(drop=True)
y, w_pop = value[keep].to_numpy(dtype=float), population[keep].to_numpy(dtype=float)

order = np.argsort(y, kind="stable")
p = np.concatenate([[0], np.cumsum(w_pop[order]) / w_pop.sum()])
lorenz = np.concatenate([[0], np.cumsum((w_pop * y)[order]) / (w_pop * y).sum()])
gini = 1 - np.sum((p[1:] - p[:-1]) * (lorenz[1:] + lorenz[:-1]))

w = libpysal.weights.Queen.from_dataframe(units, use_index=False, silence_warnings=True)
w.transform = "r"
moran = esda.Moran(y, w, permutations=999)
local = esda.Moran_Local(y, w, permutations=999, seed=1)
significant = local.p_sim < 0.05
names = {1: "high-high", 2: "low-high", 3: "low-low", 4: "high-low"}
clusters = {name: int(np.sum(significant & (local.q == q))) for q, name in names.items()}
print(json.dumps({"units": int(len(y)), "gini": round(float(gini), 6), "moran_i": round(float(moran.I), 6),
                  "units_without_neighbour": int(len(w.islands)), "links": int(w.s0 and w.nonzero),
                  "clusters": clusters}))
