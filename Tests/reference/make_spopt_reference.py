"""Exact solutions of small siting instances by PySAL spopt (integer programs solved by CBC),
for the Gaps tests.

    python3 -m pip install spopt      # brings pulp and its bundled CBC; versions recorded below
    python3 Tests/reference/make_spopt_reference.py

Instances: seeded random demand points (weights 1–1000) and candidate sites in a 20 km square;
costs = crow-fly km × 1.3 at 60 km/h (minutes = 1.3 × km). No existing sites. For each instance:
MCLP (service radius 6 minutes) and p-median, p = 2, 3, 4. Writes Tests/reference/spopt.json with
the instances and the optimal objective values (MCLP: covered weight; p-median: Σ weight × time).
"""
import datetime
import json
import os

import numpy as np
import pulp
import spopt
from spopt.locate import MCLP, PMedian

HERE = os.path.dirname(os.path.abspath(__file__))
instances = []
for seed in (1, 2, 3):
    rng = np.random.default_rng(seed)
    demand = rng.uniform(0, 20_000, size=(40, 2))
    candidates = rng.uniform(0, 20_000, size=(15, 2))
    weights = rng.integers(1, 1000, size=40).astype(float)
    cost = np.hypot(demand[:, None, 0] - candidates[None, :, 0], demand[:, None, 1] - candidates[None, :, 1]) / 1000 * 1.3
    results = []
    for p in (2, 3, 4):
        mclp = MCLP.from_cost_matrix(cost, weights, service_radius=6, p_facilities=p).solve(pulp.PULP_CBC_CMD(msg=False))
        covered = float(sum(weights[i] for i in range(len(weights)) if any(cost[i, j] <= 6 for j in range(cost.shape[1]) if mclp.fac2cli[j])))
        pm = PMedian.from_cost_matrix(cost, weights, p_facilities=p).solve(pulp.PULP_CBC_CMD(msg=False))
        chosen = [j for j in range(cost.shape[1]) if pm.fac2cli[j]]
        total = float(sum(weights[i] * min(cost[i, j] for j in chosen) for i in range(len(weights))))
        results.append({"p": p, "mclp_covered_weight": covered, "pmedian_weighted_minutes": total,
                        "mclp_sites": [j for j in range(cost.shape[1]) if mclp.fac2cli[j]], "pmedian_sites": chosen})
    instances.append({"seed": seed, "weights": weights.tolist(), "minutes": cost.round(9).tolist(), "service_radius": 6, "results": results})

out = {
    "provenance": {
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "by": "Tests/reference/make_spopt_reference.py",
        "libraries": {"spopt": spopt.__version__, "pulp": pulp.__version__, "numpy": np.__version__, "solver": "CBC (pulp bundled)"},
    },
    "instances": instances,
}
with open(os.path.join(HERE, "spopt.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote spopt.json")
