#!/usr/bin/env python3
"""boto3 against bedrock-agent-fake (FAKE_ENDPOINT): the ingestion-job flow, asserting on what
boto3 returns. --standard-retries: Config(retries={'mode': 'standard'}) (the throttling test).
--break-flow: only start and get, no status asserted (the contract-break test)."""

import argparse
import os
import sys

try:
    import boto3
    from botocore.config import Config
except ImportError as e:
    print("SKIPPED: boto3 cannot be imported (%s)" % e, flush=True)
    sys.exit(77)

KB, DS = "KB12345678", "DS12345678"


def check(cond, message):
    if not cond:
        print("FAIL: " + message, flush=True)
        sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--standard-retries", action="store_true")
    p.add_argument("--break-flow", action="store_true")
    args = p.parse_args()
    retries = {"mode": "standard"} if args.standard_retries else {"mode": "standard", "max_attempts": 1}
    client = boto3.client("bedrock-agent", endpoint_url=os.environ["FAKE_ENDPOINT"], region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test",
                          config=Config(retries=retries))
    ids = {"knowledgeBaseId": KB, "dataSourceId": DS}

    job = client.start_ingestion_job(description="e2e boto3", **ids)["ingestionJob"]
    job_id = job["ingestionJobId"]
    check(len(job_id) == 10 and job_id.isalnum(), "ingestionJobId %r" % job_id)
    if args.break_flow:
        client.get_ingestion_job(ingestionJobId=job_id, **ids)
        print("boto3: break flow done", flush=True)
        return 0
    check(job["status"] == "STARTING", "started job status %r" % job["status"])
    check(job["knowledgeBaseId"] == KB and job["dataSourceId"] == DS, "ids %r" % job)

    got = client.get_ingestion_job(ingestionJobId=job_id, **ids)["ingestionJob"]
    check(got["ingestionJobId"] == job_id, "get returned %r" % got["ingestionJobId"])
    check(got["status"] == "IN_PROGRESS", "polled status %r" % got["status"])
    check(got["statistics"]["numberOfDocumentsScanned"] > 0, "statistics %r" % got["statistics"])

    stopped = client.stop_ingestion_job(ingestionJobId=job_id, **ids)["ingestionJob"]
    check(stopped["status"] == "STOPPING", "stop returned %r" % stopped["status"])
    status = stopped["status"]
    for _ in range(10):
        status = client.get_ingestion_job(ingestionJobId=job_id, **ids)["ingestionJob"]["status"]
        if status == "STOPPED":
            break
    check(status == "STOPPED", "never STOPPED, last %r" % status)

    summaries = client.list_ingestion_jobs(**ids)["ingestionJobSummaries"]
    mine = [s for s in summaries if s["ingestionJobId"] == job_id]
    check(len(mine) == 1 and mine[0]["status"] == "STOPPED", "list gave %r" % summaries)

    try:
        client.stop_ingestion_job(ingestionJobId=job_id, **ids)
        check(False, "a second stop succeeded")
    except client.exceptions.ConflictException as e:
        check(e.response["Error"]["Code"] == "ConflictException", "error code %r" % e.response["Error"])
        check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 409, "status %r" % e.response["ResponseMetadata"])
    print("boto3: flow done, job %s STOPPED, second stop ConflictException" % job_id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
