"""Reference values from PySAL for the accessibility, inequality and spatial-autocorrelation tests.

    python3 -m pip install access inequality esda libpysal geopandas   # versions recorded in the output
    python3 Tests/reference/make_pysal_reference.py

Writes Tests/reference/pysal.json with, each with its inputs so the Swift tests need no Python:
- access: the 5 × 5 grid of the `access` package's own test helper (tests/util.py
  create_nxn_grid, random values, seeds 44 for supply and 7 for demand, euclidean costs) run
  through `Access.two_stage_fca`, `enhanced_two_stage_fca` and `three_stage_fca`;
- inequality: libpysal's `mexico.csv` (the data of `inequality`'s own tests): Gini, Theil T and
  TheilD by the `hanson98` regions, for pcgdp1940 and pcgdp2000; Atkinson ε = 0.5, 1, 2;
- esda: libpysal's `columbus` example (esda's own test data): queen contiguity from the
  shapefile, CRIME, Moran's I (row-standardised) with its normal-approximation moments and
  local Moran Is and quadrants.
"""
import datetime
import importlib.util
import json
import os
import sys

import access
import esda
import geopandas as gpd
import inequality
import libpysal
import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("access_test_util", os.path.join(os.path.dirname(access.__file__), "tests", "util.py"))
util = importlib.util.module_from_spec(spec)
spec.loader.exec_module(util)

# --- access -------------------------------------------------------------------------------
supply = util.create_nxn_grid(5, random_values=True, seed=44)
demand = util.create_nxn_grid(5, random_values=True, seed=7)
costs = util.create_cost_matrix(supply, "euclidean")
model = access.Access(demand_df=demand, demand_index="id", demand_value="value",
                      supply_df=supply, supply_index="id", supply_value="value",
                      cost_df=costs, cost_origin="origin", cost_dest="dest", cost_name="cost")
steps = {1: 1.0, 2: 0.68, 3: 0.22}
model.two_stage_fca(name="2sfca", max_cost=2)
model.enhanced_two_stage_fca(name="e2sfca", max_cost=3, weight_fn=access.weights.step_fn(steps))
model.two_stage_fca(name="g2sfca", max_cost=3, weight_fn=access.weights.gaussian(1.5))
# 3SFCA's selection weights G are normalised over the pairs of the cost frame; Wan et al. (2012)
# normalise over the sites inside each catchment, so the frame given here holds those pairs only.
model3 = access.Access(demand_df=demand, demand_index="id", demand_value="value",
                       supply_df=supply, supply_index="id", supply_value="value",
                       cost_df=costs[costs["cost"] <= 3].copy(), cost_origin="origin", cost_dest="dest", cost_name="cost")
model3.three_stage_fca(name="3sfca", max_cost=3, weight_fn=access.weights.gaussian(1))
acc = model.access_df.sort_index().join(model3.access_df[["3sfca_value"]])
access_ref = {
    "ids": [int(i) for i in supply["id"]],
    "supply": [float(v) for v in supply["value"]],
    "demand_ids": [int(i) for i in demand["id"]],
    "demand": [float(v) for v in demand["value"]],
    "costs": [[int(o), int(d), float(c)] for o, d, c in costs[["origin", "dest", "cost"]].itertuples(index=False)],
    "steps": [[k, v] for k, v in sorted(steps.items())],
    "results_by_demand_id": {name: {str(int(i)): float(acc.loc[i, name + "_value"]) for i in acc.index}
                             for name in ["2sfca", "e2sfca", "g2sfca", "3sfca"]},
}

# --- inequality ---------------------------------------------------------------------------
mexico = pd.read_csv(libpysal.examples.get_path("mexico.csv"))
ineq = {"regions": [int(r) for r in mexico["hanson98"]]}
for column in ["pcgdp1940", "pcgdp2000"]:
    y = mexico[column].to_numpy(dtype=float)
    d = inequality.theil.TheilD(y, mexico["hanson98"].to_numpy())
    ineq[column] = {
        "values": [float(v) for v in y],
        "gini": float(inequality.gini.Gini(y).g),
        "theil_t": float(inequality.theil.Theil(y).T),
        "theil_between": float(np.asarray(d.bg).ravel()[0]),
        "theil_within": float(np.asarray(d.wg).ravel()[0]),
        "atkinson": {str(e): float(inequality.atkinson.atkinson(y, e)) for e in (0.5, 1, 2)},
    }

# --- esda ---------------------------------------------------------------------------------
columbus = gpd.read_file(libpysal.examples.get_path("columbus.shp"))
w = libpysal.weights.Queen.from_dataframe(columbus, use_index=False)
w.transform = "r"
crime = columbus["CRIME"].to_numpy(dtype=float)
moran = esda.Moran(crime, w, permutations=0)
local = esda.Moran_Local(crime, w, permutations=0)
esda_ref = {
    "values": [float(v) for v in crime],
    "neighbours": [sorted(int(j) for j in w.neighbors[i]) for i in range(w.n)],
    "moran": {"I": float(moran.I), "EI": float(moran.EI), "VI_norm": float(moran.VI_norm), "z_norm": float(moran.z_norm)},
    "local": {"Is": [float(v) for v in local.Is], "q": [int(v) for v in local.q]},
}

out = {
    "provenance": {
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "by": "Tests/reference/make_pysal_reference.py",
        "libraries": {"access": getattr(access, "__version__", "?"), "inequality": inequality.__version__,
                      "esda": esda.__version__, "libpysal": libpysal.__version__, "numpy": np.__version__,
                      "python": sys.version.split()[0]},
    },
    "access": access_ref,
    "inequality": ineq,
    "esda": esda_ref,
}
with open(os.path.join(HERE, "pysal.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote pysal.json")
