#!/usr/bin/env python3
"""One end-to-end test of bedrock-agent-fake (docs/fake.md#end-to-end-tests).

Starts the server on port 0 with --record, reads its first line for the address, runs the
client with FAKE_ENDPOINT (and FAKE_PID) in its environment and dummy AWS credentials, stops the
server with SIGTERM (or --stop-signal INT; unless the client did), expects exit 0, then runs bedrock-agent-validate on
the HAR and checks its exit status and output, and counts the HAR's responses by status.

  e2e.py --fake EXE --validate EXE --work DIR --name NAME [--server-arg=ARG]...
         [--validate-rc N] [--validate-has TEXT] [--status-count STATUS:MIN]... -- CLIENT...

A client that cannot run (its SDK or tool is missing) prints "SKIPPED: why" and exits 77: the
test then prints that line and passes, and ctest reports it skipped (SKIP_REGULAR_EXPRESSION).
"""

import argparse
import json
import os
import select
import signal
import subprocess
import sys
import time


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def read_first_line(proc, timeout):
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            fail("the server printed no first line within %.0f s" % timeout)
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 1)
            if not chunk:
                fail("the server exited before its first line (exit %s)" % proc.wait())
            line += chunk
    return line.decode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--fake", required=True)
    p.add_argument("--validate", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--server-arg", action="append", default=[])
    p.add_argument("--validate-rc", type=int, default=0)
    p.add_argument("--validate-has", action="append", default=[])
    p.add_argument("--status-count", action="append", default=[])
    p.add_argument("--stop-signal", choices=["TERM", "INT"], default="TERM")
    p.add_argument("client", nargs="+")
    args = p.parse_args()

    os.makedirs(args.work, exist_ok=True)
    har = os.path.join(args.work, args.name + ".har")
    log = os.path.join(args.work, args.name + ".server.log")
    if os.path.exists(har):
        os.remove(har)

    with open(log, "wb") as server_err:
        server = subprocess.Popen([args.fake, "--listen", "127.0.0.1:0", "--record", har] + args.server_arg,
                                  stdout=subprocess.PIPE, stderr=server_err)
        try:
            first = read_first_line(server, 20)
            prefix = "listening on http://127.0.0.1:"
            if not first.startswith(prefix) or not first.strip()[len(prefix):].isdigit():
                fail("unexpected first line %r" % first)
            endpoint = first.strip()[len("listening on "):]
            print("server: " + first.strip(), flush=True)

            env = dict(os.environ)
            for k in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
                env.pop(k, None)
            env.update({
                "FAKE_ENDPOINT": endpoint,
                "FAKE_PID": str(server.pid),
                "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test",
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_REGION": "us-east-1",
                "AWS_CONFIG_FILE": os.devnull,
                "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_PAGER": "",
            })
            started = time.monotonic()
            client = subprocess.run(args.client, env=env, timeout=120)
            print("client: exit %d after %.1f s" % (client.returncode, time.monotonic() - started), flush=True)
        finally:
            if server.poll() is None:
                server.send_signal(signal.SIGINT if args.stop_signal == "INT" else signal.SIGTERM)
            try:
                rc = server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
                fail("the server did not stop within 15 s of SIG" + args.stop_signal)
    with open(log, "rb") as f:
        sys.stdout.write(f.read().decode(errors="replace"))
    if client.returncode == 77:
        return 0  # the client printed "SKIPPED: why"
    if client.returncode != 0:
        fail("the client failed (exit %d)" % client.returncode)
    if rc != 0:
        fail("the server exited %d after SIGTERM, not 0" % rc)

    with open(har, "rb") as f:
        doc = json.load(f)
    entries = doc["log"]["entries"]
    if doc["log"]["version"] != "1.2" or not entries:
        fail("the HAR is not a HAR 1.2 with entries")
    counts = {}
    for e in entries:
        counts[e["response"]["status"]] = counts.get(e["response"]["status"], 0) + 1
    print("HAR: %d entries, by status %s" % (len(entries), json.dumps(counts, sort_keys=True)), flush=True)
    for item in args.status_count:
        status, least = (int(x) for x in item.split(":"))
        if counts.get(status, 0) < least:
            fail("the HAR holds %d responses of status %d, expected at least %d" % (counts.get(status, 0), status, least))

    v = subprocess.run([args.validate, "--no-progress", har], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = v.stdout.decode(errors="replace")
    sys.stdout.write(out)
    if v.returncode != args.validate_rc:
        fail("bedrock-agent-validate exited %d, expected %d" % (v.returncode, args.validate_rc))
    for text in args.validate_has:
        if text not in out:
            fail("bedrock-agent-validate did not say %r" % text)
    print("PASS", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
