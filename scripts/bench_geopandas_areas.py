"""The `areas` benchmark job in geopandas, for comparison with GeoHealthBench (docs/performance.md).

Reads every metropolitan commune file, projects to EPSG:2154 (Lambert-93), computes areas and
representative points (GEOS point-on-surface, the same operation as GeoHealth's).
Usage: python3 scripts/bench_geopandas_areas.py DIR
"""
import glob
import os
import sys
import time

import geopandas as gpd
import pandas as pd

directory = sys.argv[1]
files = sorted(f for f in glob.glob(os.path.join(directory, "*.geojson"))
               if not os.path.basename(f).startswith("communes-97"))
start = time.perf_counter()
frames = [gpd.read_file(f, engine="pyogrio") for f in files]
communes = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)
projected = communes.to_crs(2154)
areas = projected.geometry.area
points = projected.geometry.representative_point()
seconds = time.perf_counter() - start
print("job: areas (geopandas %s, shapely, pyogrio)" % gpd.__version__)
print("files: %d\nfeatures: %d" % (len(files), len(communes)))
print("total area km2: %.3f" % (areas.sum() / 1e6))
print("seconds: %.3f" % seconds)
