#!/usr/bin/env python3
"""The AWS CLI (`aws` on PATH) against bedrock-agent-fake (FAKE_ENDPOINT): the ingestion-job
flow, asserting on the JSON the CLI prints and, for the second stop, on its error message."""

import json
import os
import shutil
import subprocess
import sys

KB, DS = "KB12345678", "DS12345678"
AWS = shutil.which("aws")


def check(cond, message):
    if not cond:
        print("FAIL: " + message, flush=True)
        sys.exit(1)


def aws(*args):
    cmd = [AWS, "bedrock-agent", *args, "--knowledge-base-id", KB, "--data-source-id", DS,
           "--endpoint-url", os.environ["FAKE_ENDPOINT"], "--region", "us-east-1", "--output", "json"]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)


def ok(*args):
    r = aws(*args)
    check(r.returncode == 0, "aws %s: exit %d: %s" % (args[0], r.returncode, r.stderr.decode(errors="replace")))
    return json.loads(r.stdout)


def main():
    if AWS is None:
        print("SKIPPED: the AWS CLI (aws) is not on PATH", flush=True)
        return 77
    first = aws("start-ingestion-job", "--description", "e2e aws cli")
    if first.returncode != 0 and b"Invalid choice" in first.stderr:
        print("SKIPPED: this AWS CLI has no bedrock-agent commands", flush=True)
        return 77
    check(first.returncode == 0, "aws start-ingestion-job: exit %d: %s" % (first.returncode, first.stderr.decode(errors="replace")))
    job = json.loads(first.stdout)["ingestionJob"]
    job_id = job["ingestionJobId"]
    check(len(job_id) == 10 and job["status"] == "STARTING", "started %r" % job)

    got = ok("get-ingestion-job", "--ingestion-job-id", job_id)["ingestionJob"]
    check(got["ingestionJobId"] == job_id and got["status"] == "IN_PROGRESS", "polled %r" % got)

    stopped = ok("stop-ingestion-job", "--ingestion-job-id", job_id)["ingestionJob"]
    check(stopped["status"] == "STOPPING", "stop returned %r" % stopped["status"])
    status = stopped["status"]
    for _ in range(10):
        status = ok("get-ingestion-job", "--ingestion-job-id", job_id)["ingestionJob"]["status"]
        if status == "STOPPED":
            break
    check(status == "STOPPED", "never STOPPED, last %r" % status)

    summaries = ok("list-ingestion-jobs")["ingestionJobSummaries"]
    check([s["status"] for s in summaries if s["ingestionJobId"] == job_id] == ["STOPPED"], "list gave %r" % summaries)

    again = aws("stop-ingestion-job", "--ingestion-job-id", job_id)
    err = again.stderr.decode(errors="replace")
    check(again.returncode != 0, "a second stop succeeded")
    check("An error occurred (ConflictException) when calling the StopIngestionJob operation" in err,
          "second stop said %r" % err)
    print("aws cli: flow done, job %s STOPPED, second stop ConflictException (exit %d)" % (job_id, again.returncode),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
