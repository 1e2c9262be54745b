"""Python anchors of `geohealth distance` and `geohealth access` on the national data: the same
job, whole process, with geopandas/shapely/pyproj (and PySAL `access` for E2SFCA), printing the
same figures as GeoHealth's `--format json` (docs/performance.md, scripts/benchmark).

    python3 scripts/bench_python_study.py study ROOT
    python3 scripts/bench_python_study.py coverage ROOT
    python3 scripts/bench_python_study.py distance ROOT
    python3 scripts/bench_python_study.py access ROOT

ROOT is ../shared/geodata-real. The job, as `geohealth distance|access --areas ROOT/communes
--population ROOT/population/donnees_communes.csv --history ROOT/population/mouvements-communes.csv
--history-since 2018-01-01 --sites ROOT/facilities/eurostat-healthcare-FR.csv --kind hospital`:

study: steps 1 and 2 (as `geohealth study` with the same inputs and no sites).
coverage: steps 1 and 2, then the 1,255 EPCI of ROOT/territories/epci.json as territories given
by member lists (as `geohealth coverage … --territories ROOT/territories/epci.json`): member
codes are mapped onto the joined communes (old codes to the commune they merged into, restored
communes to the polygon they left), a commune is covered when it is a member of one; covered
population, and communes and population per territory.
1. read the 101 commune files; repair invalid polygons (make_valid);
2. join the legal populations (COM, PMUN) through the commune history since 2018-01-01:
   codes missing from the table follow fusions (MOD 31-34, 41, 50) forward; communes that
   arrive at one code are dissolved; arrondissement rows (Paris, Lyon, Marseille) go to their
   commune; restored communes (MOD 21) add their residents to the polygon they left;
3. project each commune to its département's metric CRS (Lambert-93, the Antilles, Guyane,
   Réunion, Mayotte CRSs) and take its point on surface; project the hospitals (sites take the
   CRS of the territory they lie in: simple longitude/latitude boxes here, GeoHealth's outline
   for metropolitan France; same partition for every site of these data);
4. distance: nearest hospital within 60 minutes (straight line × 1.3 at 60 km/h, STRtree
   query_nearest), hospitals within 20 minutes (STRtree dwithin), population-weighted mean,
   median and 90th percentile, population beyond 20 and 30 minutes, and hospitals outside every
   commune (sjoin);
   access: costs within 30 minutes (STRtree dwithin pairs), PySAL access E2SFCA with Luo & Qi's
   bands (1 / 0.68 / 0.22 up to 10 / 20 / 30 minutes), supply 1 per hospital.
"""
import glob
import json
import os
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

job, root = sys.argv[1], sys.argv[2]
DETOUR, SPEED = 1.3, 60.0


def minutes(metres):
    return metres * DETOUR / 1000 / SPEED * 60


def metric_crs(dep):
    return {"971": 5490, "972": 5490, "973": 2972, "974": 2975, "976": 4471}.get(dep, 2154)


def site_crs(lon, lat):
    if -6 <= lon <= 10 and 41 <= lat <= 52:
        return 2154
    if -64 <= lon <= -60 and 14 <= lat <= 18.5:
        return 5490
    if -55 <= lon <= -51 and 2 <= lat <= 6:
        return 2972
    if 55 <= lon <= 56 and -21.5 <= lat <= -20.8:
        return 2975
    if 44.9 <= lon <= 45.4 and -13.1 <= lat <= -12.5:
        return 4471
    return None


# 1. communes
files = sorted(glob.glob(os.path.join(root, "communes", "*.geojson")))
communes = pd.concat([gpd.read_file(f, engine="pyogrio") for f in files], ignore_index=True)
communes = gpd.GeoDataFrame(communes, geometry="geometry", crs=4326)
invalid = ~communes.geometry.is_valid
communes.loc[invalid, "geometry"] = shapely.make_valid(communes.geometry[invalid].values)

# 2. population through the history
table = pd.read_csv(os.path.join(root, "population", "donnees_communes.csv"), sep=";", dtype=str)
table = table[table.COM.notna() & (table.COM.str.strip() != "")].drop_duplicates("COM")
population = dict(zip(table.COM, table.PMUN.astype(float)))
moves = pd.read_csv(os.path.join(root, "population", "mouvements-communes.csv"), dtype=str)
moves = moves[(moves.TYPECOM_AV == "COM") & (moves.TYPECOM_AP == "COM") & (moves.COM_AV != moves.COM_AP) & (moves.DATE_EFF >= "2018-01-01")]
moves = moves.sort_values("DATE_EFF", kind="stable")
successor, restored_from = {}, {}
for mod, before, after in zip(moves.MOD.astype(int), moves.COM_AV, moves.COM_AP):
    if mod in (31, 32, 33, 34, 41, 50):
        successor[before] = after
    if mod == 21:
        restored_from[after] = before


def current(code):
    seen = {code}
    while code not in population:
        code = successor.get(code)
        if code is None or code in seen:
            return None
        seen.add(code)
    return code


communes["target"] = [code if code in population else current(code) for code in communes.code]
joined = communes[communes.target.isna()].copy()
matched = communes[communes.target.notna()]
single = matched[~matched.target.duplicated(keep=False)].copy()
merging = matched[matched.target.duplicated(keep=False)]
merged = merging.dissolve(by="target", aggfunc="first").reset_index()
areas = pd.concat([single, merged], ignore_index=True)
areas["code"] = areas.target
areas["population"] = areas.code.map(population)
joined["population"] = np.nan
areas = gpd.GeoDataFrame(pd.concat([areas, joined], ignore_index=True), geometry="geometry", crs=4326)
position = {c: i for i, c in enumerate(areas.code)}
used = set(areas.code)
pop = areas.population.to_numpy(copy=True)
parents = {"75": "75056", "13": "13055", "69": "69123"}
for code in table.COM:
    if code in used:
        continue
    n = int(code) if code.isdigit() else 0
    parent = "75056" if 75101 <= n <= 75120 else "13055" if 13201 <= n <= 13216 else "69123" if 69381 <= n <= 69389 else None
    if parent is not None and parent in position and parent not in population:
        i = position[parent]
        pop[i] = (0 if np.isnan(pop[i]) else pop[i]) + population[code]
        used.add(code)
for code in table.COM:
    if code in used:
        continue
    parent = restored_from.get(code)
    if parent is not None and parent in position and not np.isnan(pop[position[parent]]):
        pop[position[parent]] += population[code]
areas["population"] = np.nan_to_num(pop)

if job == "study":
    print(json.dumps({"communes": int(len(areas)), "population": int(round(areas.population.sum()))}))
    sys.exit(0)

if job == "coverage":
    owner = dict(zip(communes.code, communes.target.where(communes.target.notna(), communes.code)))
    owner.update({c: c for c in areas.code})
    with open(os.path.join(root, "territories", "epci.json"), encoding="utf-8") as fh:
        epci = json.load(fh)
    pop_of = dict(zip(areas.code, areas.population))
    covered, each = set(), []
    for e in epci:
        resolved = []
        for m in e["membres"]:
            area = owner.get(m["code"]) or owner.get(restored_from.get(m["code"]))
            if area is not None and area not in resolved:
                resolved.append(area)
        if resolved:
            covered.update(resolved)
        each.append((e["code"], len(resolved), int(round(sum(pop_of[a] for a in resolved)))))
    inside = sum(pop_of[a] for a in covered)
    print(json.dumps({"communes": int(len(areas)), "population": int(round(areas.population.sum())), "communes_covered": len(covered),
                      "population_covered": int(round(inside)), "population_not_covered": int(round(areas.population.sum() - inside)),
                      "each_territory": each}))
    sys.exit(0)

# 3. projection and points
sites = pd.read_csv(os.path.join(root, "facilities", "eurostat-healthcare-FR.csv"), dtype=str)
sites = sites[sites.lat.notna() & sites.lon.notna()].copy()
sites["lon"], sites["lat"] = sites.lon.astype(float), sites.lat.astype(float)
sites["crs"] = [site_crs(x, y) for x, y in zip(sites.lon, sites.lat)]
areas["crs"] = [metric_crs(c[:3] if c.startswith("97") else c[:2]) for c in areas.code]
origin_of, point_of, result = [], [], {}
parts = []
for crs, group in areas.groupby("crs"):
    projected = group.to_crs(crs)
    points = projected.geometry.representative_point()
    here = sites[sites.crs == crs]
    site_points = gpd.GeoSeries(gpd.points_from_xy(here.lon, here.lat), crs=4326).to_crs(crs)
    parts.append((group.index.to_numpy(), points.values, projected.geometry.values, here.id.to_numpy(), site_points.values))

w = areas.population.to_numpy()
total = w.sum()


def weighted_quantile(times, p):
    order = np.argsort(times, kind="stable")
    t, cw = times[order], np.cumsum(w[order])
    keep = w[order] > 0
    t, cw = t[keep], np.cumsum(w[order][keep])
    return float(t[np.searchsorted(cw, p * cw[-1] * (1 - 1e-12))])


def summary_distance():
    times = np.full(len(areas), np.inf)
    within = np.zeros(len(areas), dtype=int)
    outside = []
    for index, points, polygons, site_ids, site_points in parts:
        if len(site_points) == 0:
            continue
        tree = shapely.STRtree(site_points)
        (i, j), d = tree.query_nearest(points, max_distance=60 / 60 * SPEED * 1000 / DETOUR, return_distance=True, all_matches=False)
        times[index[i]] = minutes(d)
        o, t = tree.query(points, predicate="dwithin", distance=20 / 60 * SPEED * 1000 / DETOUR)
        within[index] = np.bincount(o, minlength=len(points))
        polygon_tree = shapely.STRtree(polygons)
        s, p = polygon_tree.query(site_points, predicate="covered_by")
        # The intra-commune rule (docs/accessibility.md): a commune reaches the sites inside its
        # polygon at 0 minutes, and counts them within 20 minutes even when its point is farther.
        counted = set(zip(o.tolist(), t.tolist()))
        for site, polygon in zip(s.tolist(), p.tolist()):
            times[index[polygon]] = 0
            if (polygon, site) not in counted:
                within[index[polygon]] += 1
        outside += list(site_ids[np.setdiff1d(np.arange(len(site_points)), s)])
    outside += list(sites.id[sites.crs.isna()])
    reached = np.isfinite(times)
    has = reached & (w > 0)
    return {
        "communes": int(len(areas)), "population": int(round(total)),
        "sites": int(len(sites)), "communes_reached": int(reached.sum()),
        "mean_minutes": round(float(np.sum(times[has] * w[has]) / w[has].sum()), 1),
        "median_minutes": round(weighted_quantile(times, 0.5), 1),
        "p90_minutes": round(weighted_quantile(times, 0.9), 1),
        "communes_with_one_within_minutes": int((within > 0).sum()),
        "population_beyond_20": int(round(w[times > 20].sum())),
        "population_beyond_30": int(round(w[times > 30].sum())),
        "unreachable_communes": int((~reached).sum()),
        "sites_outside_every_commune": sorted(outside),
    }


def summary_access():
    import access
    rows = []
    for index, points, polygons, site_ids, site_points in parts:
        if len(site_points) == 0:
            continue
        tree = shapely.STRtree(site_points)
        o, s = tree.query(points, predicate="dwithin", distance=30 / 60 * SPEED * 1000 / DETOUR)
        d = minutes(shapely.distance(points[o], site_points[s]))
        keep = d <= 30
        rows.append(pd.DataFrame({"origin": index[o[keep]], "dest": site_ids[s[keep]], "cost": d[keep]}))
        # The intra-commune rule: the sites inside a commune's polygon at 0 minutes from it.
        inside, polygon = shapely.STRtree(polygons).query(site_points, predicate="covered_by")
        rows.append(pd.DataFrame({"origin": index[polygon], "dest": site_ids[inside], "cost": np.zeros(len(inside))}))
    # One cost per pair: the rule's 0 replaces the point's time.
    cost = pd.concat(rows, ignore_index=True).groupby(["origin", "dest"], as_index=False)["cost"].min()
    demand = pd.DataFrame({"id": np.arange(len(areas)), "pop": w})
    supply = pd.DataFrame({"id": sites.id.to_numpy(), "beds": np.ones(len(sites))})
    model = access.Access(demand_df=demand, demand_index="id", demand_value="pop", supply_df=supply, supply_index="id",
                          supply_value="beds", cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="cost")
    model.enhanced_two_stage_fca(name="e2sfca", max_cost=30, weight_fn=access.weights.step_fn({10: 1, 20: 0.68, 30: 0.22}))
    column = [c for c in model.access_df.columns if c.startswith("e2sfca")][0]
    values = model.access_df[column].reindex(np.arange(len(areas))).fillna(0).to_numpy()
    # PySAL gives a hospital with no demand in its catchment an infinite ratio (GeoHealth leaves
    # such sites out): only communes without population reach one, so they weigh nothing.
    values = np.where(np.isfinite(values), values, 0)
    return {
        "communes": int(len(areas)), "population": int(round(total)), "sites": int(len(sites)),
        "mean": round(float(np.sum(values * w) / total), 6), "maximum": round(float(values.max()), 6),
        "population_with_no_access": int(round(w[values <= 0].sum())),
    }


print(json.dumps(summary_distance() if job == "distance" else summary_access()))
