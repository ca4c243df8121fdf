#!/usr/bin/env python3
"""Ratios of benchmarks measured side by side, over several runs of the same binary.

usage: ratios.py RUN.json... [--pair A:B]...

Each RUN.json is the --benchmark_out of one run (repetitions, aggregates or not). For each pair
A:B prints, per run, median CPU time of A / median CPU time of B, then the median of those
ratios and their spread (min..max). Every repetition of A against every repetition of B of the
same run also gives a min..max (how far one repetition can be from another on a shared machine).
Default pairs: the On-Demand floor against the library for Stop's and Get's typical response and
List's page; the List peers against the library. Standard library only.
"""
import argparse
import json
import statistics

DEFAULT_PAIRS = [
    "parse/typical/ours_contract:parse/typical/floor_ondemand",
    "get/typical/ours_contract:get/typical/floor_ondemand",
    "get/typical/ours_contract:parse/typical/ours_contract",
    "list/page1000/ours_contract:list/page1000/floor_ondemand",
    "list/page1000/ours_validate:list/page1000/floor_ondemand",
    "list_serialize/page1000/ours:list/page1000/ours_contract",
    "list/page1000/boost_json_lookup:list/page1000/ours_contract",
    "list/page1000/rapidjson:list/page1000/ours_contract",
    "list/page1000/nlohmann:list/page1000/ours_contract",
]


def repetitions(path):
    """{name: [cpu ns of each repetition]} (the median aggregate when only aggregates were kept)."""
    with open(path) as f:
        data = json.load(f)
    reps, medians = {}, {}
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"])
        unit = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[name] = [b["cpu_time"] * unit]
        else:
            reps.setdefault(name, []).append(b["cpu_time"] * unit)
    return reps or medians


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--pair", action="append")
    a = ap.parse_args()
    runs = [repetitions(p) for p in a.runs]
    for pair in a.pair or DEFAULT_PAIRS:
        x, y = pair.split(":")
        per_run, lo, hi = [], None, None
        for r in runs:
            if x not in r or y not in r:
                continue
            per_run.append(statistics.median(r[x]) / statistics.median(r[y]))
            each = [p / q for p in r[x] for q in r[y]]
            lo = min(each + ([lo] if lo is not None else []))
            hi = max(each + ([hi] if hi is not None else []))
        if not per_run:
            print(f"{x} / {y}: not measured")
            continue
        print(f"{x} / {y}: median {statistics.median(per_run):.3f}, runs "
              + " ".join(f"{v:.3f}" for v in per_run)
              + f" (min..max {min(per_run):.3f}..{max(per_run):.3f}; any two repetitions {lo:.3f}..{hi:.3f})")


if __name__ == "__main__":
    main()
