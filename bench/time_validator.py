#!/usr/bin/env python3
"""Times whole processes side by side on the same files, alternating, and writes JSON.

usage: time_validator.py OUT.json REPETITIONS --corpus NAME=PATH [...] --command LABEL=COMMAND [...]

Each COMMAND (split like a shell would) is run with the corpus path as its last argument, and
must exit 0. Every repetition runs every command on every corpus once, in turn, after one
untimed warm-up round (the files are then in the page cache), so that drift on a shared machine
hits all commands alike. Per (corpus, command): wall and CPU (user + system) time of the child,
min and median, and its peak RSS. The peak RSS comes from GNU time (/usr/bin/time -f %M) when it
is installed: a child forked from Python inherits the interpreter's RSS until it execs, and Linux
counts that in the child's ru_maxrss. The first command is the floor the others are compared
with (ratios of CPU medians and of wall medians).
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, rss_file):
    full = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv if GNU_TIME else argv
    start = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # CPU time of the child and of what it waited for
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
        sys.exit(f"time_validator: {' '.join(argv)} exited with {code}")
    rss = usage.ru_maxrss
    if GNU_TIME:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "max_rss_kib": rss}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("repetitions", type=int)
    ap.add_argument("--corpus", action="append", required=True, help="NAME=PATH")
    ap.add_argument("--command", action="append", required=True, help="LABEL=COMMAND; the first is the floor")
    a = ap.parse_args()
    corpora = [c.split("=", 1) for c in a.corpus]
    commands = [(label, shlex.split(cmd)) for label, cmd in (c.split("=", 1) for c in a.command)]
    runs = {(c, l): [] for c, _ in corpora for l, _ in commands}
    rss_file = tempfile.NamedTemporaryFile(prefix="time_validator.", delete=False).name
    for rep in range(a.repetitions + 1):
        for name, path in corpora:
            for label, argv in commands:
                r = run_once(argv + [path], rss_file)
                if rep > 0:
                    runs[(name, label)].append(r)
    os.unlink(rss_file)
    result = {"repetitions": a.repetitions, "floor": commands[0][0],
              "rss_from": "GNU time" if GNU_TIME else "wait4", "corpora": []}
    for name, path in corpora:
        with open(path, "rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        entry = {"name": name, "bytes": os.path.getsize(path), "lines": lines, "commands": []}
        for label, argv in commands:
            rs = runs[(name, label)]
            entry["commands"].append({
                "label": label,
                "command": argv,
                "runs": rs,
                "min_wall_s": min(r["wall_s"] for r in rs),
                "median_wall_s": statistics.median(r["wall_s"] for r in rs),
                "min_cpu_s": min(r["cpu_s"] for r in rs),
                "median_cpu_s": statistics.median(r["cpu_s"] for r in rs),
                "max_rss_kib": max(r["max_rss_kib"] for r in rs),
            })
        floor = entry["commands"][0]
        for c in entry["commands"]:
            c["ratio_min_wall"] = c["min_wall_s"] / floor["min_wall_s"]
            c["ratio_median_wall"] = c["median_wall_s"] / floor["median_wall_s"]
            c["ratio_median_cpu"] = c["median_cpu_s"] / floor["median_cpu_s"] if floor["median_cpu_s"] else None
            print(f"time_validator: {name} ({entry['bytes'] / 2**20:.0f} MiB, {lines} lines) {c['label']}: "
                  f"cpu min {c['min_cpu_s'] * 1e3:.1f} ms, median {c['median_cpu_s'] * 1e3:.1f} ms "
                  f"({c['ratio_median_cpu'] or 0:.2f}x the floor); wall min {c['min_wall_s'] * 1e3:.1f} ms, "
                  f"median {c['median_wall_s'] * 1e3:.1f} ms; peak RSS {c['max_rss_kib'] / 1024:.1f} MiB")
        result["corpora"].append(entry)
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
