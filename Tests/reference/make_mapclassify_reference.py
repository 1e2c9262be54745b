"""Class breaks by PySAL mapclassify for the Cartography tests.

    python3 -m pip install mapclassify      # version recorded below
    python3 Tests/reference/make_mapclassify_reference.py

Values: 600 seeded log-normal travel times (numpy default_rng(2024), mean log 2.8, sigma 0.6),
rounded to 0.01, plus mapclassify's own example data (`mapclassify.load_example()`, the
Calemployment values of its tests). Schemes: Quantiles k=5, EqualInterval k=5, FisherJenks k=5,
StdMean (multiples −2, −1, 1, 2), HeadTailBreaks. Writes Tests/reference/mapclassify.json.

Larger sets for the exact Fisher–Jenks (issue 12: no sampling): 3,000 log-normal values rounded
to 0.1 (many ties; default_rng(12)), k = 5 and 7, and 2,500 values of a three-mode mixture
(default_rng(13)), k = 6 — mapclassify's exact `FisherJenks` (its O(k n²) programme).
"""
import datetime
import json
import os

import mapclassify
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2024)
sets = {
    "lognormal": np.round(rng.lognormal(2.8, 0.6, 600), 2),
    "calemp": np.asarray(mapclassify.load_example(), dtype=float),
}
out = {"provenance": {
    "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "by": "Tests/reference/make_mapclassify_reference.py",
    "libraries": {"mapclassify": mapclassify.__version__, "numpy": np.__version__},
}, "sets": {}}
for name, y in sets.items():
    out["sets"][name] = {
        "values": [float(v) for v in y],
        "quantiles5": [float(b) for b in mapclassify.Quantiles(y, k=5).bins],
        "equal_interval5": [float(b) for b in mapclassify.EqualInterval(y, k=5).bins],
        "fisher_jenks5": [float(b) for b in mapclassify.FisherJenks(y, k=5).bins],
        "std_mean": [float(b) for b in mapclassify.StdMean(y).bins],
        "head_tail": [float(b) for b in mapclassify.HeadTailBreaks(y).bins],
    }
big = {
    "lognormal3000": (np.round(np.random.default_rng(12).lognormal(2.5, 0.7, 3000), 1), [5, 7]),
    "mixture2500": (np.round(np.concatenate([np.random.default_rng(13).normal(m, s, 2500 // 3 + 1) for m, s in ((5, 1), (20, 3), (45, 6))])[:2500], 3), [6]),
}
out["large"] = {}
for name, (y, ks) in big.items():
    out["large"][name] = {"values": [float(v) for v in y]}
    for k in ks:
        out["large"][name][f"fisher_jenks{k}"] = [float(b) for b in mapclassify.FisherJenks(y, k=k).bins]
with open(os.path.join(HERE, "mapclassify.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote mapclassify.json")
