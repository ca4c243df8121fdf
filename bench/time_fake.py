#!/usr/bin/env python3
"""Requests per second of bedrock-agent-fake for GetIngestionJob against its floor.

The server answers one keep-alive connection that sends the same Get one request after another
(bench/fake_load.cpp, a polling client); the floor is a minimal Beast server answering a fixed
body of the same size (bench/fake_floor_server.cpp). With two or more CPUs each server runs
pinned to CPU 0 and the load to CPU 1 (taskset), so the server has one core. The two alternate
for --rounds rounds and each figure is the median; the ratio is fake / floor (the target is at
least 0.5). No timing is asserted: CI runs it once, small, as a smoke test.

  time_fake.py --fake BIN --floor BIN --load BIN [--requests N] [--rounds R] [--json OUT]
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


def measure(server_cmd, load, requests):
    proc, port = serve(server_cmd)
    try:
        out = subprocess.run(pin(1) + [load, str(port), TARGET, str(requests)], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"time_fake: the load failed against {server_cmd[0]}: {out.stderr.strip()}")
        return json.loads(out.stdout)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fake", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--load", required=True)
    ap.add_argument("--requests", type=int, default=20000)
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
        rates = {"fake": [], "floor": []}
        sizes = {}
        for _ in range(a.rounds):
            for name, cmd in (("floor", [a.floor]), ("fake", fake_cmd)):
                r = measure(cmd, a.load, a.requests)
                rates[name].append(r["per_second"])
                sizes[name] = r["body_bytes"]
    fake, floor = statistics.median(rates["fake"]), statistics.median(rates["floor"])
    result = {
        "requests_per_round": a.requests,
        "rounds": a.rounds,
        "pinned": bool(pin(0)),
        "fake_per_second": round(fake, 1),
        "floor_per_second": round(floor, 1),
        "ratio": round(fake / floor, 3),
        "body_bytes": sizes,
        "all": rates,
    }
    print(f"GetIngestionJob, keep-alive, server on one core: fake {fake:,.0f} req/s, floor {floor:,.0f} req/s, "
          f"ratio {fake / floor:.2f} (bodies {sizes['fake']} and {sizes['floor']} bytes)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
