#!/usr/bin/env python3
"""Requests per second of bedrock-agent-fake for GetIngestionJob against its floor.

The server answers one keep-alive connection that sends the same Get over and over
(bench/fake_load.cpp); the floor is a minimal Beast server answering a fixed body of the same
size with the same headers (bench/fake_floor_server.cpp). With two or more CPUs each server runs
pinned to CPU 0 and the load to CPU 1 (taskset), so the server has one core. Two loads:
  - pipelined (--depth, default 32 requests in flight): the server's core is the bottleneck;
    this is the figure the target (at least half the floor) is about;
  - polling (depth 1, one request at a time, as a client polls): bound by the loopback round
    trip, so it shows what a client sees rather than what the server can do.
Besides the client's requests per second, the server's own CPU time (utime + stime from
/proc/PID/stat, warm-up included) gives requests per CPU-second of the server. The two servers
alternate for --rounds rounds; each figure is the median. No timing is asserted: CI runs it
once, small, as a smoke test.

  time_fake.py --fake BIN --floor BIN --load BIN [--requests N] [--depth D] [--rounds R] [--json OUT]
The seed of the fake is the floor's own job (fake_floor_server --job).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

# The fake is seeded with the floor's job (fixtures::complete_job()), so that its Get answers the
# same body the floor sends.
SEED = {
    "knowledgeBases": [{"knowledgeBaseId": "KB7X2Q9M1A", "dataSourceIds": ["DSR4T8W1ZC"]}],
    "ingestionJobs": [],
}
TARGET = "/knowledgebases/KB7X2Q9M1A/datasources/DSR4T8W1ZC/ingestionjobs/IJ5N3H6Y0E"


def pin(cpu):
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        return ["taskset", "-c", str(cpu)]
    return []


def serve(cmd):
    proc = subprocess.Popen(pin(0) + cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    prefix = "listening on http://127.0.0.1:"
    if not line.startswith(prefix):
        proc.kill()
        sys.exit(f"time_fake: {cmd[0]} printed {line!r}, not {prefix}PORT")
    return proc, int(line[len(prefix):])


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def measure(server_cmd, load, requests, depth):
    proc, port = serve(server_cmd)
    try:
        before = cpu_seconds(proc.pid)
        out = subprocess.run(pin(1) + [load, str(port), TARGET, str(requests), str(depth)], capture_output=True,
                             text=True)
        after = cpu_seconds(proc.pid)
        if out.returncode != 0:
            sys.exit(f"time_fake: the load failed against {server_cmd[0]}: {out.stderr.strip()}")
        r = json.loads(out.stdout)
        served = r["requests"] + r["warmup"]
        r["per_cpu_second"] = served / (after - before) if after > before else float("nan")
        return r
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fake", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--load", required=True)
    ap.add_argument("--requests", type=int, default=20000)
    ap.add_argument("--depth", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        job = json.loads(subprocess.run([a.floor, "--job"], capture_output=True, text=True, check=True).stdout)
        seed = dict(SEED, ingestionJobs=[job])
        seed_path = os.path.join(tmp, "seed.json")
        with open(seed_path, "w") as f:
            json.dump(seed, f)
        fake_cmd = [a.fake, "--listen", "127.0.0.1:0", "--seed", seed_path]
        loads = (("pipelined", a.depth), ("polling", 1))
        rates = {(load, name, k): [] for load, _ in loads for name in ("fake", "floor") for k in ("per_second", "per_cpu_second")}
        sizes = {}
        for _ in range(a.rounds):
            for load, depth in loads:
                for name, cmd in (("floor", [a.floor]), ("fake", fake_cmd)):
                    r = measure(cmd, a.load, a.requests, depth)
                    for k in ("per_second", "per_cpu_second"):
                        rates[(load, name, k)].append(r[k])
                    sizes[name] = r["body_bytes"]
    result = {"requests_per_round": a.requests, "rounds": a.rounds, "depth": a.depth, "pinned": bool(pin(0)),
              "body_bytes": sizes}
    for load, depth in loads:
        row = {}
        for k in ("per_second", "per_cpu_second"):
            fake, floor = (statistics.median(rates[(load, n, k)]) for n in ("fake", "floor"))
            row[k] = {"fake": round(fake, 1), "floor": round(floor, 1), "ratio": round(fake / floor, 3),
                      "all": {n: rates[(load, n, k)] for n in ("fake", "floor")}}
        result[load] = row
        print(f"GetIngestionJob {load} (depth {depth}), server on one core: fake {row['per_second']['fake']:,.0f} req/s, "
              f"floor {row['per_second']['floor']:,.0f} req/s, ratio {row['per_second']['ratio']:.2f}; per server "
              f"CPU-second fake {row['per_cpu_second']['fake']:,.0f}, floor {row['per_cpu_second']['floor']:,.0f}, "
              f"ratio {row['per_cpu_second']['ratio']:.2f}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
