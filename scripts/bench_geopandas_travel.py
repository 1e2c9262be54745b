"""The `nearest` and `coverage` benchmark jobs in geopandas/shapely (docs/performance.md).

    python3 scripts/bench_geopandas_travel.py nearest ROOT
    python3 scripts/bench_geopandas_travel.py coverage ROOT

nearest: metropolitan communes → representative points in EPSG:2154 → shapely STRtree
         query_nearest over the Eurostat hospitals inside metropolitan France.
coverage: EPCI member lists → dissolve of the member communes → overlay (intersection) with
          the communes → share of each commune's area inside.
"""
import glob
import json
import os
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

job, root = sys.argv[1], sys.argv[2]
start = time.perf_counter()
files = sorted(f for f in glob.glob(os.path.join(root, "communes", "*.geojson")) if not os.path.basename(f).startswith("communes-97"))
communes = gpd.GeoDataFrame(pd.concat([gpd.read_file(f, engine="pyogrio") for f in files], ignore_index=True), crs=4326).to_crs(2154)

if job == "nearest":
    points = communes.geometry.representative_point()
    sites = pd.read_csv(os.path.join(root, "facilities", "eurostat-healthcare-FR.csv"), dtype=str)
    sites = gpd.GeoDataFrame(sites, geometry=gpd.points_from_xy(sites.lon.astype(float), sites.lat.astype(float)), crs=4326)
    sites = sites[(sites.geometry.x > -6) & (sites.geometry.x < 10) & (sites.geometry.y > 41) & (sites.geometry.y < 52)].to_crs(2154)
    loaded = time.perf_counter()
    tree = shapely.STRtree(sites.geometry.values)
    (_, nearest), dist = tree.query_nearest(points.values, return_distance=True, all_matches=False)
    done = time.perf_counter()
    print("job: nearest (geopandas %s, shapely %s STRtree.query_nearest)" % (gpd.__version__, shapely.__version__))
    print("communes: %d\nsites: %d" % (len(communes), len(sites)))
    print("mean distance km: %.4f" % (dist.mean() / 1000))
    print("seconds (nearest only): %.3f" % (done - loaded))
    print("seconds: %.3f" % (done - start))
else:
    with open(os.path.join(root, "territories", "epci.json"), encoding="utf-8") as fh:
        epci = json.load(fh)
    membership = pd.DataFrame([(e["code"], m["code"]) for e in epci for m in e["membres"]], columns=["epci", "code"])
    communes["surface"] = communes.geometry.area
    loaded = time.perf_counter()
    members = communes.merge(membership, on="code")
    territories = members[["epci", "geometry"]].dissolve(by="epci").reset_index()
    dissolved = time.perf_counter()
    pieces = gpd.overlay(communes[["code", "surface", "geometry"]], territories, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.geometry.area
    covered = pieces.groupby("code")["area"].sum()
    done = time.perf_counter()
    print("job: coverage (geopandas %s dissolve + overlay)" % gpd.__version__)
    print("communes: %d\nterritories: %d" % (len(communes), len(territories)))
    print("covered area km2: %.3f" % (covered.sum() / 1e6))
    print("seconds (dissolve): %.3f" % (dissolved - loaded))
    print("seconds (shares): %.3f" % (done - dissolved))
    print("seconds: %.3f" % (done - start))
