#!/usr/bin/env python3
"""Turns bench/run.sh's JSON results into docs/performance.md and docs/performance.svg.

usage: report.py --results DIR --md OUT.md --svg OUT.svg [--command TEXT]

DIR holds bench.json (the main binary), and optionally bench-fallback.json (the same library
code built without -march flags), cli.json and cli-arch.json (bench/time_cli.py), and
validator.json (bench/time_validator.py: whole processes, min and median wall). Every figure
is the median of the repetitions, in CPU time (the machine is shared: CPU time leaves out the
time the pinned core spent on other processes). Standard library only.
"""
import argparse
import datetime
import html
import json
import math
import os
import platform
import re

# ---- loading -----------------------------------------------------------------------------------


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def medians(data):
    """{run_name: {"ns": cpu ns, "allocs": allocs/op, "bytes": bytes/s, "extra": {...}}} and
    {run_name: error message}."""
    out, errors = {}, {}
    if not data:
        return out, errors
    for b in data["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("error_occurred"):
            errors[name] = b.get("error_message", "error")
            continue
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        if b.get("run_type") == "iteration" and name in out:
            continue  # only when the run was not aggregated (repetitions 1)
        unit = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        out[name] = {
            "ns": b["cpu_time"] * unit,
            "allocs": b.get("allocs_per_op"),
            "lines": b.get("lines"),
        }
    return out, errors


# ---- formatting --------------------------------------------------------------------------------


def fmt_ns(ns):
    if ns is None:
        return "n/a"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e4:
        return f"{ns / 1e3:.1f} µs"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns" if ns >= 100 else f"{ns:.1f} ns"


def fmt_ratio(r):
    if r is None:
        return "n/a"
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def fmt_allocs(a):
    if a is None:
        return "–"
    return f"{a:.0f}" if a >= 10 or a == int(a) else f"{a:.2f}"


def mib_s(bytes_, ns):
    return bytes_ / (ns / 1e9) / 2**20


LABELS = {
    "floor_ondemand": "floor: simdjson On-Demand, no validation",
    "ours_contract": "**bedrock_agent::parse_into, contract profile**",
    "ours_client": "**bedrock_agent::parse_into, client profile**",
    "ours_contract_new_value": "bedrock_agent::parse (new value each call)",
    "ours_contract_unpadded": "bedrock_agent::parse_into(string_view) (copies to pad)",
    "ours_validate": "bedrock_agent::validate (collects every diagnostic)",
    "simdjson_dom": "simdjson DOM",
    "boost_json": "Boost.JSON parse + value_to (Describe)",
    "nlohmann": "nlohmann::json",
    "rapidjson": "RapidJSON DOM",
    "ours": "**bedrock_agent::append_json**",
}
SER_LABELS = {
    "ours": "**bedrock_agent::append_json**",
    "rapidjson": "RapidJSON Writer",
    "boost_json": "Boost.JSON value_from + serialize",
    "nlohmann": "nlohmann::json dump",
}
TIME_LABELS = {
    "time/parse/ours": "**bedrock_agent::parse_timestamp** (every RFC 3339 check)",
    "time/parse/floor_bare": "floor: bare digits and ranges",
    "time/parse/strptime_timegm": "strptime + timegm (+ fraction by hand)",
    "time/parse/date_parse": "date::parse, istringstream reused",
    "time/parse/date_parse_new_stream": "date::parse, new istringstream",
    "time/format/ours": "**bedrock_agent::append_timestamp**",
    "time/format/strftime": "gmtime_r + strftime + snprintf",
    "time/format/date_format": "date::format",
}
PARSE_ORDER = ["floor_ondemand", "ours_contract", "ours_client", "ours_contract_new_value", "ours_contract_unpadded",
               "ours_validate", "simdjson_dom", "boost_json", "rapidjson", "nlohmann"]
SER_ORDER = ["ours", "rapidjson", "boost_json", "nlohmann"]
INPUTS = ["small", "typical", "large"]


def linear_fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx if sxx else 0.0
    icpt = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (icpt + slope * x)) ** 2 for x, y in zip(xs, ys))
    r2 = 1 - ss_res / ss_tot if ss_tot else 1.0
    worst = max(abs(y - (icpt + slope * x)) / y for x, y in zip(xs, ys))
    return slope, icpt, r2, worst


def scaling(m, axis, impl):
    pts = []
    for name, v in m.items():
        mt = re.fullmatch(rf"scale/{axis}/(\d+)/{impl}", name)
        if mt:
            pts.append((int(mt.group(1)), v["ns"]))
    return sorted(pts)


def machine_text(ctx):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return f"{cpu}, {ctx.get('num_cpus', '?')} cores at {ctx.get('mhz_per_cpu', '?')} MHz, {osname}"


# ---- the Markdown ------------------------------------------------------------------------------


def build_md(res, fb, fb_err, errors, cli, cli_arch, ctx, fctx, command, validator=None):
    L = []
    w = L.append
    date = ctx.get("date", datetime.datetime.now().isoformat())
    w("# Performance")
    w("")
    w("Generated by `bench/report.py` from the results of one run of `bench/run.sh`; a section under a")
    w("heading of its own that the script does not write (a measurement made by hand) is carried over.")
    w("Every figure is the **median CPU time** of the repetitions; every peer reads the same bytes")
    w("into the same `bedrock_agent::StopIngestionJobResponse`, and must produce the same value as the")
    w("library before it is timed (a peer that cannot is shown as n/a with the reason). Ratios are")
    w("between figures of the same run.")
    w("")
    w("| | |")
    w("|---|---|")
    w(f"| date | {date} |")
    w(f"| machine | {machine_text(ctx)} |")
    w(f"| load | load average {', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))} at the start (shared machine) |")
    w(f"| compiler | {ctx.get('compiler', '?')} |")
    w(f"| target flags | `{ctx.get('arch_flags', '?')}` for the library and every peer alike |")
    w(f"| simdjson | {ctx.get('simdjson_version', '?')}; On-Demand kernel **{ctx.get('simdjson_ondemand_kernel', '?')}** "
      f"(chosen at compile time by the flags); stage 1 and DOM: {ctx.get('simdjson_dom_kernel', '?')} "
      "(runtime dispatch inside libsimdjson.so) |")
    w(f"| Google Benchmark | {ctx.get('google_benchmark_version', '?')} (Debian's package reports a "
      f"{ctx.get('library_build_type', '?')} build of the library; the timed loops are inline in the benchmarks) |")
    w(f"| command | `{command}` |")
    w(f"| inputs | small {ctx.get('input_bytes_small')} B (required members only), typical "
      f"{ctx.get('input_bytes_typical')} B (every member, nanosecond timestamps), large "
      f"{ctx.get('input_bytes_large')} B (2048 failure reasons) |")
    w("")

    def ns(name):
        return res.get(name, {}).get("ns")

    # ---- targets
    w("## Targets")
    w("")
    w("| target | measured | |")
    w("|---|---|---|")

    def target(text, value, ok):
        w(f"| {text} | {value} | {'met' if ok else '**missed**'} |")

    t_ours, t_floor = ns("parse/typical/ours_contract"), ns("parse/typical/floor_ondemand")
    if t_ours and t_floor:
        target("typical parse, contract profile, within 1.25× of the On-Demand floor",
               f"{fmt_ratio(t_ours / t_floor)} ({fmt_ns(t_ours)} vs {fmt_ns(t_floor)})", t_ours <= 1.25 * t_floor)
    g_ours, g_floor = ns("get/typical/ours_contract"), ns("get/typical/floor_ondemand")
    if g_ours and g_floor:
        target("typical GetIngestionJob parse, contract profile, within 1.25× of the On-Demand floor",
               f"{fmt_ratio(g_ours / g_floor)} ({fmt_ns(g_ours)} vs {fmt_ns(g_floor)})", g_ours <= 1.25 * g_floor)
    for peer, goal in (("boost_json", 2.4), ("nlohmann", 10)):
        p = ns(f"parse/typical/{peer}")
        if t_ours and p:
            target(f"typical parse ≥ {goal}× faster than {LABELS[peer]}", fmt_ratio(p / t_ours), p / t_ours >= goal)
    tp = ns("time/parse/ours")
    for peer, goal in (("date_parse", 40), ("strptime_timegm", 3)):
        p = ns(f"time/parse/{peer}")
        if tp and p:
            target(f"timestamp parse ≥ {goal}× faster than {TIME_LABELS['time/parse/' + peer]}",
                   fmt_ratio(p / tp), p / tp >= goal)
    so, sb = ns("serialize/typical/ours"), ns("serialize/typical/boost_json")
    if so and sb:
        target("typical serialize ≥ 3× faster than Boost.JSON value_from + serialize", fmt_ratio(sb / so), sb / so >= 3)
    a = res.get("parse/typical/ours_contract", {}).get("allocs")
    if a is not None:
        target("zero allocations per typical parse in steady state", f"{fmt_allocs(a)} per parse", a == 0)
    nv, nf = ns("ndjson/ours_validate"), ns("ndjson/floor_iterate_many")
    if nv and nf:
        target("NDJSON validation ≥ half the iterate_many floor's throughput", f"{nf / nv * 100:.0f}% of the floor",
               nf / nv >= 0.5)
    for corpus in (validator or {}).get("corpora", []):
        v = next((c for c in corpus["commands"] if c["label"] == "validator"), None)
        k = next((c for c in corpus["commands"] if c["label"] == "checked floor"), None)
        if v:
            also = (f" ({fmt_ratio(v['median_cpu_s'] / k['median_cpu_s'])} the checked floor)"
                    if k and k["median_cpu_s"] > 0 else "")
            target(f"the validator, whole process, at most 1.3× its floor ({corpus['name']})",
                   f"{fmt_ratio(v['ratio_median_cpu'])}{also}", v["ratio_median_cpu"] <= 1.3)
    w("")
    w("Where the time of a missed target goes (callgrind and perf profiles) is in the closing notes of")
    w("issue 8 and in [json.md](json.md#cost);")
    w("`bench/proposals/differential_check.cpp` shows that the reader's fast paths change no result")
    w("(parse and validate output of the old and new reader, byte for byte, on the repository's files")
    w("and generated mutants).")
    w("")

    # ---- parse
    w("## Parse")
    w("")
    w("Time per document; *vs floor* is time ÷ the On-Demand floor's; *ours is faster by* is the peer's")
    w("time ÷ `parse_into` (contract profile). Allocations per parse are counted by a replaced")
    w("`operator new` (RapidJSON: a counting allocator), after a warm-up parse into the same target.")
    w("Peers convert timestamps with `bedrock_agent::parse_timestamp`, so their figures are a lower")
    w("bound of what they cost with date::parse or strptime.")
    w("")
    for inp in INPUTS:
        w(f"### {inp} ({ctx.get('input_bytes_' + inp)} bytes)")
        w("")
        w("| implementation | time | MiB/s | vs floor | ours is faster by | allocs/parse |")
        w("|---|---:|---:|---:|---:|---:|")
        floor = ns(f"parse/{inp}/floor_ondemand")
        ours = ns(f"parse/{inp}/ours_contract")
        size = int(ctx.get("input_bytes_" + inp, 0) or 0)
        for impl in PARSE_ORDER:
            name = f"parse/{inp}/{impl}"
            if name in errors:
                w(f"| {LABELS[impl]} | n/a | | | | {html.escape(errors[name])} |")
                continue
            if name not in res:
                continue
            t = res[name]["ns"]
            faster = fmt_ratio(t / ours) if ours and not impl.startswith(("ours", "floor")) else ""
            w(f"| {LABELS[impl]} | {fmt_ns(t)} | {mib_s(size, t):.0f} | {fmt_ratio(t / floor) if floor else ''} | "
              f"{faster} | {fmt_allocs(res[name]['allocs'])} |")
        w("")

    # ---- GetIngestionJob and ListIngestionJobs
    if any(k.startswith(("get/", "list/")) for k in list(res) + list(errors)):
        w("## GetIngestionJob and ListIngestionJobs")
        w("")
        w("GetIngestionJob answers with the shape of StopIngestionJob (`{\"ingestionJob\": ...}`): its")
        w("typical input is the same bytes, read into a `GetIngestionJobResponse` by the library and by the")
        w("same On-Demand floor. Both are compiled in `bench/operations_bench.cpp`, apart from Stop's: the")
        w("floor's code changes with what else its translation unit instantiates (5379 to 5994 instructions")
        w("per parse, callgrind, 2026-12-07), the library's does not. The ListIngestionJobs page is generated (`bench::list_json`): 1000")
        w(f"summaries, {ctx.get('input_bytes_list_page1000')} bytes, every status, ids and timestamps varied")
        w("(0, 3, 6 or 9 fraction digits), a description on about one in three, statistics on all but the")
        w("jobs still STARTING, and a nextToken; each peer fills the same `ListIngestionJobsResponse`.")
        w("")
        w("| benchmark | implementation | time | MiB/s | vs floor | ours is faster by | allocs/op |")
        w("|---|---|---:|---:|---:|---:|---:|")
        rows = [("get/typical", i, LABELS[i]) for i in ("floor_ondemand", "ours_contract")]
        rows += [("list/page1000", i, label) for i, label in (
            ("floor_ondemand", LABELS["floor_ondemand"]), ("ours_contract", LABELS["ours_contract"]),
            ("ours_validate", LABELS["ours_validate"]), ("boost_json", LABELS["boost_json"]),
            ("boost_json_lookup", "Boost.JSON parse, members looked up by hand (if_contains)"),
            ("rapidjson", LABELS["rapidjson"]), ("nlohmann", LABELS["nlohmann"]))]
        rows += [("list_serialize/page1000", "ours", LABELS["ours"])]
        for group, impl, label in rows:
            name = f"{group}/{impl}"
            what = "Get, typical" if group.startswith("get") else (
                "List, serialize" if "serialize" in group else "List, 1000 summaries")
            if name in errors:
                w(f"| {what} | {label} | n/a | | | | {html.escape(errors[name])} |")
                continue
            if name not in res:
                continue
            t = res[name]["ns"]
            size = int(ctx.get("input_bytes_" + ("typical" if group.startswith("get") else "list_page1000"), 0) or 0)
            floor = ns(f"{group}/floor_ondemand")
            ours = ns(f"{group}/ours_contract")
            peer = not impl.startswith(("ours", "floor"))
            w(f"| {what} | {label} | {fmt_ns(t)} | {mib_s(size, t):.0f} | "
              f"{fmt_ratio(t / floor) if floor else ''} | {fmt_ratio(t / ours) if ours and peer else ''} | "
              f"{fmt_allocs(res[name]['allocs'])} |")
        w("")

    # ---- timestamps
    w("## Timestamps")
    w("")
    w("16 strings cycled (fractions of 0, 3, 6 and 9 digits, all `Z`); every peer must read the same")
    w("instant as the library from each of them, and every formatter must write one that reads back.")
    w("")
    w("| implementation | time | ours is faster by | allocs/op |")
    w("|---|---:|---:|---:|")
    for kind in ("parse", "format"):
        ours = ns(f"time/{kind}/ours")
        for name, label in TIME_LABELS.items():
            if not name.startswith(f"time/{kind}/") or name not in res:
                continue
            t = res[name]["ns"]
            faster = fmt_ratio(t / ours) if ours and not name.endswith("/ours") else ""
            w(f"| {label} | {fmt_ns(t)} | {faster} | {fmt_allocs(res[name]['allocs'])} |")
    w("")

    # ---- serialize
    w("## Serialize")
    w("")
    w("Compact JSON of the value into a `std::string` (the library: `append_json` into a reused string;")
    w("Boost.JSON: `serialize(value_from(v))`; nlohmann: build the `json`, then `dump()`; RapidJSON:")
    w("`Writer` into a reused `StringBuffer`, copied out). Each output must read back as the same value.")
    w("")
    w("| input | implementation | time | ours is faster by | allocs/op |")
    w("|---|---|---:|---:|---:|")
    for inp in INPUTS:
        ours = ns(f"serialize/{inp}/ours")
        for impl in SER_ORDER:
            name = f"serialize/{inp}/{impl}"
            if name in errors:
                w(f"| {inp} | {SER_LABELS[impl]} | n/a | | {html.escape(errors[name])} |")
                continue
            if name not in res:
                continue
            t = res[name]["ns"]
            faster = fmt_ratio(t / ours) if ours and impl != "ours" else ""
            w(f"| {inp} | {SER_LABELS[impl]} | {fmt_ns(t)} | {faster} | {fmt_allocs(res[name]['allocs'])} |")
    w("")

    # ---- NDJSON
    w("## NDJSON validation")
    w("")
    lines = res.get("ndjson/ours_validate", {}).get("lines")
    corpus = cli["bytes"] if cli else None
    w(f"A generated corpus of {ctx.get('ndjson_mib', '100')} MiB"
      + (f" ({int(lines)} responses: typical, small, and some with up to 255 failure reasons)" if lines else "")
      + ", read from memory. `bedrock_agent::validate_ndjson` walks the lines in place and checks each")
    w("with one reused parser and target; the floor is simdjson `iterate_many` (one thread) touching every")
    w("value without checks.")
    w("")
    w("| path | time per corpus | MiB/s | share of the floor's throughput | allocs/corpus |")
    w("|---|---:|---:|---:|---:|")
    nbytes = (ctx.get("ndjson_mib") or 100) * 2**20
    if corpus:
        nbytes = corpus
    floor = ns("ndjson/floor_iterate_many")
    for name, label in (("ndjson/floor_iterate_many", "floor: iterate_many, every value touched"),
                        ("ndjson/floor_lines", "the On-Demand floor's extraction per line (same splitter)"),
                        ("ndjson/ours_validate", "**bedrock_agent::validate_ndjson** (contract)"),
                        ("ndjson/ours_validate_lines", "bedrock_agent::validate per line (same splitter)"),
                        ("ndjson/ours_parse_into", "bedrock_agent::parse_into per line, reused target")):
        if name not in res:
            continue
        t = res[name]["ns"]
        w(f"| {label} | {fmt_ns(t)} | {mib_s(nbytes, t):.0f} | {floor / t * 100:.0f}% | "
          f"{fmt_allocs(res[name]['allocs'])} |")
    for data, label in ((cli, "`bedrock-agent-validate --input ndjson` as built by the project (no -march)"),
                        (cli_arch, f"`bedrock-agent-validate` built with `{ctx.get('arch_flags', '')}`")):
        if data:
            t = data["median_cpu_s"] * 1e9
            w(f"| {label}: whole process, file read included | {fmt_ns(t)} | {mib_s(data['bytes'], t):.0f} | "
              f"{floor / t * 100:.0f}% | |" if floor else f"| {label} | {fmt_ns(t)} | {mib_s(data['bytes'], t):.0f} | | |")
    w("")

    # ---- the validator, whole process
    if validator:
        w("## The validator, whole process")
        w("")
        w("`bedrock-agent-validate --input ndjson --shape response --quiet` as built by the project, against")
        w("its floor: `bench/validator_floor.cpp`, which reads the same file the same way (256 KiB chunks, a")
        w("partial last line carried over) and runs simdjson `iterate_many` (one thread) over each chunk,")
        w("touching every string, number, object and array, with no checks. Two generated corpora of")
        w("StopIngestionJob responses (every line valid, no findings): every line a new job (so the")
        w("validator's job index forgets one job per line past its 100000), and 50 jobs observed in turn.")
        w("The checked floor (`validator_floor checked`) reads the same way into a StopIngestionJobResponse")
        w("with hand-written code that makes the checks a valid line passes in the validator (members known,")
        w("once, required ones present; ids, lengths, status, counters, UTC timestamps), with no findings,")
        w("positions or sequence rules: what a single-purpose checker of one shape costs.")
        w(f"Separate processes, run alternately, {validator['repetitions']} repetitions after a warm-up round")
        w("(the files are in the page cache). CPU is user + system time of the child (the ratio to the")
        w("floor is of CPU medians, as everywhere on this page); wall is elapsed time, which on a shared")
        w(f"machine also counts time spent waiting for the core; peak RSS from {validator.get('rss_from', 'wait4')}.")
        w("")
        w("| corpus | process | CPU min | CPU median | × floor | wall min | wall median | peak RSS |")
        w("|---|---|---:|---:|---:|---:|---:|---:|")
        for corpus in validator["corpora"]:
            name = f"{corpus['name']} ({corpus['lines']} lines, {corpus['bytes'] / 2**20:.0f} MiB)"
            for c in corpus["commands"]:
                w(f"| {name} | {c['label']} | {fmt_ns(c['min_cpu_s'] * 1e9)} | {fmt_ns(c['median_cpu_s'] * 1e9)} | "
                  f"{fmt_ratio(c['ratio_median_cpu'])} | {fmt_ns(c['min_wall_s'] * 1e9)} | "
                  f"{fmt_ns(c['median_wall_s'] * 1e9)} | {c['max_rss_kib'] / 1024:.1f} MiB |")
        w("")

    # ---- kernels
    if fb:
        w("## simdjson kernel: what the -march flags are worth")
        w("")
        w(f"The same library code built without target flags (On-Demand kernel "
          f"**{fctx.get('simdjson_ondemand_kernel', '?')}**) against the flags above (**"
          f"{ctx.get('simdjson_ondemand_kernel', '?')}**), run right after in the same `run.sh`. Stage 1")
        w("is runtime-dispatched inside libsimdjson.so in both, so the difference is On-Demand's stage 2")
        w("(navigation, string and number parsing) and the library's own code.")
        w("")
        w("| benchmark | fallback | with flags | flags are faster by |")
        w("|---|---:|---:|---:|")
        for name in ("parse/small/ours_contract", "parse/typical/ours_contract", "parse/large/ours_contract",
                     "parse/typical/ours_client", "parse/typical/floor_ondemand", "parse/large/floor_ondemand",
                     "serialize/typical/ours", "ndjson/ours_validate", "ndjson/floor_iterate_many"):
            if name in fb and name in res:
                w(f"| {name} | {fmt_ns(fb[name]['ns'])} | {fmt_ns(res[name]['ns'])} | "
                  f"{fmt_ratio(fb[name]['ns'] / res[name]['ns'])} |")
        if fb_err:
            w("")
            w("Errors in the fallback run: " + "; ".join(f"{k}: {v}" for k, v in sorted(fb_err.items())))
        w("")

    # ---- scaling
    w("## Scaling")
    w("")
    w("Time against the number of failure reasons (typical document otherwise), the description length")
    w("(1..200 code points, the model's bound) and the length of one failure reason (up to 2048), with a")
    w("least-squares line: *R²* near 1 and a small worst deviation mean the cost is linear.")
    w("")
    w("| axis | implementation | points | ns per unit | fixed ns | R² | worst deviation from the line |")
    w("|---|---|---:|---:|---:|---:|---:|")
    for axis, unit in (("reasons", "reason"), ("description", "code point"), ("reason_length", "code point")):
        for impl in ("ours_contract", "ours_client", "floor_ondemand"):
            pts = scaling(res, axis, impl)
            if len(pts) < 3:
                continue
            slope, icpt, r2, worst = linear_fit([p[0] for p in pts], [p[1] for p in pts])
            w(f"| {axis} | {LABELS[impl]} | {pts[0][0]}..{pts[-1][0]} | {slope:.2f} per {unit} | {icpt:.0f} | "
              f"{r2:.4f} | {worst * 100:.1f}% |")
    w("")
    pts = {impl: scaling(res, "reasons", impl) for impl in ("ours_contract", "ours_client", "floor_ondemand")}
    if pts["ours_contract"]:
        w("| failure reasons | " + " | ".join(LABELS[i] for i in pts) + " |")
        w("|---:|" + "---:|" * len(pts))
        for k, (n, _) in enumerate(pts["ours_contract"]):
            cells = [fmt_ns(pts[i][k][1]) if k < len(pts[i]) else "" for i in pts]
            w(f"| {n} | " + " | ".join(cells) + " |")
        w("")
    w("![parse times and scaling](performance.svg)")
    w("")
    w('## Why the hot path looks as it does')
    w('')
    w('Measured decisions the code keeps; the headers point here instead of carrying the numbers.')
    w('')
    w("- `BEDROCK_AGENT_ALWAYS_INLINE` on `read_value`, `read_member` and the counters' `read_fast`")
    w('  (`detail/json_reader.hpp`): the common case of a member is a few instructions, cheaper inline')
    w("  than behind a call that saves and restores six registers. With the counters' read moved into")
    w('  `leaf_traits` (issue 14), g++ no longer inlined it at the eight call sites on its own: +0.6% in a')
    w('  build without NDEBUG until it was marked (typical parse, callgrind, -O3 -march=haswell: 6641')
    w('  instructions before the move, 6630 after).')
    w('- `enum_from_string` (`shapes.hpp`) keeps two plain locals and makes the optional at the')
    w('  return: an optional written in parts inside the loop and read back whole cost a')
    w('  store-forwarding stall on every status the reader reads.')
    w("- The validator's job index (`status.hpp`) keeps each entry's 32-bit hash next to its slot")
    w('  number in the `boost::unordered_flat_set`: reading the hash from the slot instead was 10-15%')
    w('  slower on 250000 distinct jobs (issue 14).')
    w('')
    w("## Reproducing")
    w("")
    w("`bench/run.sh` configures `build-bench` (Release, `-DBEDROCK_AGENT_BUILD_BENCH=ON`), builds with one")
    w("job, runs both binaries pinned with `taskset`, times the validator, and rewrites this page and")
    w("the figure. The target flags are `BEDROCK_AGENT_BENCH_ARCH` (CMake cache variable and environment")
    w("variable of run.sh, default `-march=haswell`); `-march=native` picks the icelake kernel on AVX-512")
    w("machines. The NDJSON corpus is generated into the build directory on first use. ctest's")
    w("`bench.smoke` and `bench.smoke_fallback` run every benchmark once (1 MiB corpus) and fail on any")
    w("error other than a documented n/a; `bench.validator_smoke` runs the whole-process validator")
    w("benchmark once on 2000-line corpora.")
    w("")
    return "\n".join(L)


# ---- the SVG -----------------------------------------------------------------------------------


def build_svg(res, ctx):
    W, H = 900, 760
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    esc = html.escape

    def text(x, y, s, size=12, anchor="start", weight="normal", fill="#222"):
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
                   f'font-weight="{weight}" fill="{fill}">{esc(s)}</text>')

    # Panel 1: typical parse time per implementation (bars).
    text(20, 28, f"Parse a typical StopIngestionJob response ({ctx.get('input_bytes_typical')} bytes): "
         "median CPU time, lower is better", 15, weight="bold")
    bars = [(LABELS[i].replace("**", ""), res[f"parse/typical/{i}"]["ns"], i)
            for i in PARSE_ORDER if f"parse/typical/{i}" in res]
    x0, y0, bw, bh, gap = 330, 48, 470, 20, 6
    vmax = max(v for _, v, _ in bars) if bars else 1
    for k, (label, v, impl) in enumerate(bars):
        y = y0 + k * (bh + gap)
        colour = "#1f77b4" if impl.startswith("ours") else ("#7f7f7f" if impl.startswith("floor") else "#ff7f0e")
        text(x0 - 8, y + bh * 0.72, label, 11, anchor="end")
        wbar = max(1.0, bw * v / vmax)
        out.append(f'<rect x="{x0}" y="{y}" width="{wbar:.1f}" height="{bh}" fill="{colour}"/>')
        text(x0 + wbar + 5, y + bh * 0.72, fmt_ns(v), 11)
    yl = y0 + len(bars) * (bh + gap) + 8
    for k, (c, s) in enumerate((("#1f77b4", "this library"), ("#7f7f7f", "floor"), ("#ff7f0e", "peers"))):
        out.append(f'<rect x="{x0 + k * 130}" y="{yl}" width="12" height="12" fill="{c}"/>')
        text(x0 + k * 130 + 17, yl + 10, s, 11)

    # Panel 2: scaling with the number of failure reasons (lines, linear axes).
    top = yl + 50
    px, py, pw, ph = 90, top + 20, 760, 300
    series = [(i, scaling(res, "reasons", i)) for i in ("ours_contract", "ours_client", "floor_ondemand")]
    series = [(i, p) for i, p in series if len(p) >= 3]
    r2 = min((linear_fit([n for n, _ in p], [v for _, v in p])[2] for _, p in series), default=0)
    text(20, top, f"Time against the number of failure reasons (linear axes; least-squares R² ≥ {r2:.4f})",
         15, weight="bold")
    if series:
        xmax = max(p[-1][0] for _, p in series)
        raw_max = max(max(v for _, v in p) for _, p in series)
        step = 10 ** math.floor(math.log10(raw_max / 4))
        for m in (1, 2, 2.5, 5, 10):  # a round tick step, four or fewer ticks
            if raw_max / (m * step) <= 4:
                step *= m
                break
        ymax = step * 4
        out.append(f'<rect x="{px}" y="{py}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
        for k in range(5):
            yv = ymax * k / 4
            yy = py + ph - ph * k / 4
            out.append(f'<line x1="{px}" x2="{px + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#eee"/>')
            text(px - 6, yy + 4, fmt_ns(yv), 10, anchor="end")
        for k in range(5):
            xv = xmax * k / 4
            xx = px + pw * k / 4
            text(xx, py + ph + 16, f"{xv:.0f}", 10, anchor="middle")
        text(px + pw / 2, py + ph + 34, "failure reasons in the document", 11, anchor="middle")
        colours = {"ours_contract": "#1f77b4", "ours_client": "#2ca02c", "floor_ondemand": "#7f7f7f"}
        for k, (impl, p) in enumerate(series):
            pts = " ".join(f"{px + pw * n / xmax:.1f},{py + ph - ph * v / ymax:.1f}" for n, v in p)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colours[impl]}" stroke-width="2"/>')
            for n, v in p:
                out.append(f'<circle cx="{px + pw * n / xmax:.1f}" cy="{py + ph - ph * v / ymax:.1f}" r="3" '
                           f'fill="{colours[impl]}"/>')
            out.append(f'<rect x="{px + 15}" y="{py + 12 + k * 18}" width="12" height="3" fill="{colours[impl]}"/>')
            text(px + 32, py + 17 + k * 18, LABELS[impl].replace("**", ""), 11)
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ---- what a person added to the page -------------------------------------------------------------
# The page is rewritten on every run, but measurements made by hand (a before-and-after of one
# change, the history of a target) belong on it too. They are kept when they sit under a heading
# of their own, "## " or "### ", that this script does not write: such a section is carried into
# the new page after the section it followed. So are rows of the targets table that this script
# does not write (a dated target measured on its own). Text added inside a generated section
# without a heading of its own is not kept.


def split_sections(text):
    """[(heading or None, [lines])]: the page cut before every "## " and "### " line."""
    sections = [(None, [])]
    for line in text.splitlines():
        if line.startswith("## ") or line.startswith("### "):
            sections.append((line, []))
        sections[-1][1].append(line)
    return sections


def target_rows(lines):
    """The targets table's rows (not its header), as they are written."""
    return [l for l in lines if l.startswith("| ") and not l.startswith("| target |")]


# Every heading build_md can write, whether or not this run wrote it: a section under one of them
# is the script's, never carried over (a run without the validator's results leaves its section
# out rather than keep the last one's figures). report_test.py checks this against the source.
GENERATED_HEADINGS = ["## Targets", "## Parse"] + [f"### {inp} (" for inp in INPUTS] + [
    "## GetIngestionJob and ListIngestionJobs", "## Timestamps", "## Serialize", "## NDJSON validation",
    "## The validator, whole process", "## simdjson kernel: what the -march flags are worth", "## Scaling",
    "## Why the hot path looks as it does", "## Reproducing"]


def is_generated(heading):
    return any(heading == g or (g.endswith("(") and heading.startswith(g)) for g in GENERATED_HEADINGS)


def carry_over(new_text, old_text):
    """new_text with the sections and target rows of old_text that new_text lacks (see above)."""
    new = split_sections(new_text)
    old = split_sections(old_text)
    # each kept section, by the heading of the section it followed (kept or not)
    kept_after = {}
    previous = None
    for i, (heading, lines) in enumerate(old):
        if heading and not is_generated(heading):
            kept_after.setdefault(previous, []).append(i)
        if heading:
            previous = heading
    old_targets = next((target_rows(lines) for h, lines in old if h == "## Targets"), [])
    out, placed = [], set()

    def place(heading):  # the kept sections that followed `heading`, and theirs in turn
        for i in kept_after.get(heading, []):
            if i in placed:
                continue
            placed.add(i)
            if out and out[-1] != "":
                out.append("")
            out.extend(old[i][1])
            place(old[i][0])

    for heading, lines in new:
        if heading == "## Targets":
            rows = target_rows(lines)
            firsts = {r.split(" | ")[0] for r in rows}
            extra = [r for r in old_targets if r.split(" | ")[0] not in firsts]
            if extra:
                last = max(i for i, l in enumerate(lines) if l.startswith("| "))
                lines = lines[: last + 1] + extra + lines[last + 1 :]
        out.extend(lines)
        if heading:
            place(heading)
    for i in sorted(i for ids in kept_after.values() for i in ids if i not in placed):
        placed.add(i)  # it followed a section this run did not write: at the end
        out.extend([""] + old[i][1])
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--md", required=True)
    ap.add_argument("--svg", required=True)
    ap.add_argument("--command", default="bench/run.sh")
    a = ap.parse_args()
    main_data = load(os.path.join(a.results, "bench.json"))
    if not main_data:
        raise SystemExit("report.py: no bench.json in " + a.results)
    fb_data = load(os.path.join(a.results, "bench-fallback.json"))
    res, errors = medians(main_data)
    fb, fb_err = medians(fb_data)
    ctx = dict(main_data.get("context", {}))
    ctx["ndjson_mib"] = int(os.environ.get("BEDROCK_AGENT_BENCH_NDJSON_MB", "100"))
    fctx = fb_data.get("context", {}) if fb_data else {}
    cli = load(os.path.join(a.results, "cli.json"))
    cli_arch = load(os.path.join(a.results, "cli-arch.json"))
    validator = load(os.path.join(a.results, "validator.json"))
    page = build_md(res, fb, fb_err, errors, cli, cli_arch, ctx, fctx, a.command, validator)
    if os.path.exists(a.md):
        with open(a.md) as f:
            page = carry_over(page, f.read())
    with open(a.md, "w") as f:
        f.write(page)
    with open(a.svg, "w") as f:
        f.write(build_svg(res, ctx))
    print(f"report.py: wrote {a.md} and {a.svg}")


if __name__ == "__main__":
    main()
