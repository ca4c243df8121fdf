#!/usr/bin/env python3
"""Times a command on a file several times (wall and CPU of the child, and its peak RSS) and writes JSON.

usage: time_cli.py OUT.json REPETITIONS FILE -- COMMAND [ARGS...]
The command is run as COMMAND ARGS... FILE; its exit status must be 0 (every line valid).
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    sep = argv.index("--")
    out, reps, path = argv[1], int(argv[2]), argv[3]
    cmd = argv[sep + 1:] + [path]
    size = os.path.getsize(path)
    runs = []
    for _ in range(reps):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout.decode(errors="replace")[-2000:] + proc.stderr.decode(errors="replace")[-2000:])
            sys.exit(f"time_cli: {' '.join(cmd)} exited with {proc.returncode}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: the runs are of one command.
        runs.append({"wall_s": wall, "cpu_s": cpu, "max_rss_kib": after.ru_maxrss})
    result = {
        "command": cmd,
        "bytes": size,
        "runs": runs,
        "median_wall_s": statistics.median(r["wall_s"] for r in runs),
        "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
    }
    result["bytes_per_second_cpu"] = size / result["median_cpu_s"]
    result["bytes_per_second_wall"] = size / result["median_wall_s"]
    result["max_rss_kib"] = max(r["max_rss_kib"] for r in runs)
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    print(f"time_cli: {size / 2**20:.0f} MiB, median cpu {result['median_cpu_s']:.3f} s "
          f"({result['bytes_per_second_cpu'] / 2**20:.0f} MiB/s), median wall {result['median_wall_s']:.3f} s, "
          f"peak RSS {result['max_rss_kib'] / 1024:.1f} MiB")


if __name__ == "__main__":
    main(sys.argv)
