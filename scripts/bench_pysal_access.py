"""The `access` benchmark job with PySAL (docs/performance.md), on the files GeoHealthBench
access-prepare writes: straight-line costs within 30 minutes (× 1.3 at 60 km/h) from a scipy
cKDTree, `access.Access.enhanced_two_stage_fca` with Luo & Qi's bands, then
`inequality.gini.Gini` (on values repeated by population is impossible at this size, so the
population-weighted Gini is computed from the Lorenz curve with numpy) and
`inequality.theil.TheilD` by département.

    python3 scripts/bench_pysal_access.py bench-out/access
"""
import os
import sys
import time

import access
import inequality
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

folder = sys.argv[1]
start = time.perf_counter()
communes = pd.read_csv(os.path.join(folder, "communes.csv"), dtype={"code": str, "dep": str})
hospitals = pd.read_csv(os.path.join(folder, "hospitals.csv"), dtype={"id": str})
loaded = time.perf_counter()
radius = 30 / 60 * 60 * 1000 / 1.3
tree = cKDTree(hospitals[["x", "y"]].to_numpy())
pairs = tree.query_ball_point(communes[["x", "y"]].to_numpy(), r=radius)
origin = np.repeat(np.arange(len(communes)), [len(p) for p in pairs])
dest = np.concatenate([np.asarray(p, dtype=int) for p in pairs])
d = np.hypot(communes.x.to_numpy()[origin] - hospitals.x.to_numpy()[dest], communes.y.to_numpy()[origin] - hospitals.y.to_numpy()[dest])
cost_df = pd.DataFrame({"origin": origin, "dest": dest, "cost": d * 1.3 / 1000 / 60 * 60})
costed = time.perf_counter()
demand = pd.DataFrame({"id": np.arange(len(communes)), "pop": communes.population.to_numpy(dtype=float)})
supply = pd.DataFrame({"id": np.arange(len(hospitals)), "beds": np.ones(len(hospitals))})
model = access.Access(demand_df=demand, demand_index="id", demand_value="pop", supply_df=supply, supply_index="id",
                      supply_value="beds", cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
model.enhanced_two_stage_fca(name="e2sfca", max_cost=30, weight_fn=access.weights.step_fn({10: 1, 20: 0.68, 30: 0.22}))
values = model.access_df[[c for c in model.access_df.columns if c.startswith("e2sfca")][0]].reindex(np.arange(len(communes))).fillna(0).to_numpy()
accessed = time.perf_counter()
w = communes.population.to_numpy(dtype=float)
order = np.argsort(values, kind="stable")
p = np.concatenate([[0], np.cumsum(w[order]) / w.sum()])
lorenz = np.concatenate([[0], np.cumsum((w * values)[order]) / (w * values).sum()])
gini = 1 - np.sum((p[1:] - p[:-1]) * (lorenz[1:] + lorenz[:-1]))
theil = inequality.theil.TheilD(np.repeat(values, 1), communes.dep.to_numpy())
done = time.perf_counter()
print("job: access (PySAL access %s E2SFCA, inequality %s)" % (getattr(access, "__version__", "?"), inequality.__version__))
print("communes: %d\nsites: %d\npairs within 30 min: %d" % (len(communes), len(hospitals), len(cost_df)))
print("mean access per 100000: %.6f" % (np.sum(values * w) / w.sum() * 1e5))
print("gini: %.6f" % gini)
print("theil T (unweighted, PySAL TheilD): %.6f" % float(np.asarray(theil.T).ravel()[0]))
print("seconds (costs): %.3f" % (costed - loaded))
print("seconds (e2sfca): %.3f" % (accessed - costed))
print("seconds (inequality): %.3f" % (done - accessed))
print("seconds: %.3f" % (done - start))
