#!/usr/bin/env python3
"""Raw HTTP against bedrock-agent-fake started with --seed seed.json --clock real --starting-ms 400
--in-progress-ms 800 --stopping-ms 100 --latency-ms 300 --idle-timeout-ms 500: the seeded job
is there and only the seeded knowledge base exists; jobs move on the system clock; the latency
is a timer (two connections waiting at once are answered together, not one after the other); a
silent connection is closed after the idle timeout. e2e.py stops this one with SIGINT."""

import http.client
import json
import os
import socket
import sys
import threading
import time

HOST, PORT = "127.0.0.1", int(os.environ["FAKE_ENDPOINT"].rsplit(":", 1)[1])
BASE = "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/"


def check(cond, message):
    if not cond:
        print("FAIL: " + message, flush=True)
        sys.exit(1)


def call(method, path, body=None):
    c = http.client.HTTPConnection(HOST, PORT, timeout=10)
    c.request(method, path, body=None if body is None else json.dumps(body),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, r.getheader("X-Amzn-Errortype"), json.loads(data) if data else None


def main():
    # The seed: its job, and no other knowledge base.
    status, _, body = call("GET", BASE + "SEEDJOB001")
    check(status == 200 and body["ingestionJob"]["status"] == "COMPLETE", "seeded job %d %r" % (status, body))
    status, kind, _ = call("PUT", "/knowledgebases/OTHERKB000/datasources/DS12345678/ingestionjobs/", {})
    check(status == 404 and kind == "ResourceNotFoundException", "unseeded knowledge base got %d %s" % (status, kind))

    # --latency-ms 300 on two connections at once: both within 300..550 ms.
    times = []

    def timed():
        t = time.monotonic()
        call("POST", BASE, {})
        times.append(time.monotonic() - t)

    started = time.monotonic()
    threads = [threading.Thread(target=timed) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = time.monotonic() - started
    check(len(times) == 2 and min(times) >= 0.29, "latency not applied: %r" % times)
    check(total < 0.55, "two waits took %.2f s: the latency blocked the loop" % total)

    # --clock real: STARTING 400 ms, IN_PROGRESS 800 ms, then COMPLETE; polled every ~300 ms.
    status, _, body = call("PUT", BASE, {"description": "real clock"})
    check(status == 202 and body["ingestionJob"]["status"] == "STARTING", "start %d %r" % (status, body))
    job_id = body["ingestionJob"]["ingestionJobId"]
    seen = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        s = call("GET", BASE + job_id)[2]["ingestionJob"]["status"]
        if not seen or seen[-1] != s:
            seen.append(s)
        if s == "COMPLETE":
            break
        time.sleep(0.02)
    check(seen[-1] == "COMPLETE", "the job never completed: %r" % seen)
    order = ["STARTING", "IN_PROGRESS", "COMPLETE"]
    check(all(s in order for s in seen) and seen == sorted(seen, key=order.index), "statuses out of order: %r" % seen)
    # --idle-timeout-ms 500: a connection that sends nothing is closed, after about that long.
    idle = socket.create_connection((HOST, PORT), timeout=5)
    t = time.monotonic()
    try:
        data = idle.recv(1)
    except ConnectionResetError:
        data = b""
    waited = time.monotonic() - t
    idle.close()
    check(data == b"" and 0.4 <= waited < 4, "the idle connection: %r after %.2f s" % (data, waited))

    print("options: seed, latency %.2f/%.2f s concurrent (%.2f s total), real clock %s"
          % (times[0], times[1], total, " -> ".join(seen)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
