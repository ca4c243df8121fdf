#!/usr/bin/env python3
"""Writes the printout fixtures of tests/validator/data/printouts/ (docs/validator.md, "Printouts").

Every file is the real output of boto3 / the AWS CLI on a response served by a local HTTP
server (127.0.0.1, dummy credentials, no AWS account), printed the way people print it:
print(), pprint.pprint(), json.dumps(..., default=str), aws --output json. Broken variants are
served broken (a short id, a lowercase status, a missing member): botocore does not validate
responses, so the defect reaches the printout as the service sent it.

Run from anywhere with Python 3.11, boto3 and the AWS CLI v1 installed. The host zone matters:
dateutil gives tzutc() for a "Z" on a host in America/New_York but tzlocal() on a host whose zone
is UTC (the *-utc-host fixtures), and tzlocal() for an epoch number anywhere. Not run by the
build: its outputs are committed.
"""
import http.server, io, json, os, pprint, subprocess, sys, threading, contextlib

os.environ.update(TZ="America/New_York", AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                  AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true")
import time; time.tzset()
import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = {"knowledgeBaseId": "KBX3U9Q2LA", "dataSourceId": "DS7HC2M1QP", "ingestionJobId": "IJ4RT8ZK0W",
       "status": "COMPLETE",
       "statistics": {"numberOfDocumentsScanned": 1824, "numberOfMetadataDocumentsScanned": 0,
                      "numberOfNewDocumentsIndexed": 312, "numberOfModifiedDocumentsIndexed": 41,
                      "numberOfMetadataDocumentsModified": 0, "numberOfDocumentsDeleted": 3,
                      "numberOfDocumentsFailed": 0, "numberOfDocumentsSkipped": 7},
       "startedAt": "2026-03-14T09:26:53.589793Z", "updatedAt": "2026-03-14T09:31:12.006091Z"}
STARTING = dict(JOB, ingestionJobId="IJ5SU9AL1X", status="STARTING",
                statistics={k: 0 for k in JOB["statistics"]},
                startedAt="2026-03-14T09:26:53Z", updatedAt="2026-03-14T09:26:53Z")
FAILED = dict(JOB, ingestionJobId="IJ6TV0BM2Y", status="FAILED", description="Nightly sync: 'manuals' \"v2\"",
              failureReasons=['["Encountered error: Ignored 2 files as their file format was not supported. '
                              '[Files: s3://product-manuals/video/intro.m4v, s3://product-manuals/audio/podcast.mp3]. '
                              'Call to Customer Source did not succeed."]'])
OFFSET = dict(JOB, startedAt="2026-03-14T10:26:53.589793+01:00", updatedAt="2026-03-14T10:31:12.006091+01:00")
EPOCH = dict(JOB, startedAt=1773480413.589793, updatedAt=1773480672.006091)  # numbers: botocore gives tzlocal()
SUMMARIES = {"ingestionJobSummaries": [
    {k: v for k, v in STARTING.items() if k != "statistics"} | {"statistics": {"numberOfDocumentsScanned": 0,
     "numberOfNewDocumentsIndexed": 0, "numberOfDocumentsFailed": 0}},
    {k: v for k, v in JOB.items() if k != "statistics"} | {"description": "Nightly sync of the product-manuals bucket",
     "statistics": {"numberOfDocumentsScanned": 1824, "numberOfNewDocumentsIndexed": 312, "numberOfDocumentsFailed": 0}}],
    "nextToken": "eyJwYWdlIjoyfQ=="}

served = {}  # the next body the server returns


class Handler(http.server.BaseHTTPRequestHandler):
    def _reply(self):
        n = int(self.headers.get("content-length") or 0)
        if n:
            self.rfile.read(n)
        status, body = served["next"]
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("x-amzn-requestid", "5f0c8a2e-1b7d-4c39-9e61-00000000002a")
        if status >= 400:
            self.send_header("x-amzn-errortype", "ConflictException:http://internal.amazon.com/coral/com.amazon.bedrock/")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_GET = do_PUT = do_POST = _reply

    def log_message(self, *a):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
endpoint = f"http://127.0.0.1:{server.server_port}"
client = boto3.client("bedrock-agent", endpoint_url=endpoint)
ids = dict(knowledgeBaseId="KBX3U9Q2LA", dataSourceId="DS7HC2M1QP", ingestionJobId="IJ4RT8ZK0W")


def call(op, body, status=200):
    served["next"] = (status, body)
    if op == "start":
        return client.start_ingestion_job(knowledgeBaseId="KBX3U9Q2LA", dataSourceId="DS7HC2M1QP")
    if op == "list":
        return client.list_ingestion_jobs(knowledgeBaseId="KBX3U9Q2LA", dataSourceId="DS7HC2M1QP")
    return client.get_ingestion_job(**ids)


def stable(r):
    r["ResponseMetadata"]["HTTPHeaders"]["date"] = "Sat, 14 Mar 2026 09:31:12 GMT"
    r["ResponseMetadata"]["HTTPHeaders"]["server"] = "BaseHTTP/0.6 Python/3.11.7"
    return r


def write(name, text):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(text)


def printed(fn, *a, **k):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn(*a, **k)
    return buf.getvalue()


# Python printouts (--input python)
write("get-pprint.pyrepr", printed(pprint.pprint, stable(call("get", {"ingestionJob": JOB}))))
write("start-job-pprint-indent2.pyrepr",
      printed(pprint.pprint, call("start", {"ingestionJob": STARTING}, 202)["ingestionJob"], indent=2))
write("failed-job-pprint.pyrepr", printed(pprint.pprint, call("get", {"ingestionJob": FAILED})["ingestionJob"]))
write("list-print.pyrepr", printed(print, stable(call("list", SUMMARIES))))
write("job-tzoffset.pyrepr", printed(pprint.pprint, call("get", {"ingestionJob": OFFSET})["ingestionJob"]))
write("job-tzlocal-epoch.pyrepr", printed(pprint.pprint, call("get", {"ingestionJob": EPOCH})["ingestionJob"]))
def utc_host(fn):
    os.environ["TZ"] = "UTC"; time.tzset()
    try:
        return fn()
    finally:
        os.environ["TZ"] = "America/New_York"; time.tzset()


write("job-utc-host.pyrepr", utc_host(lambda: printed(pprint.pprint, call("get", {"ingestionJob": JOB})["ingestionJob"])))
commented = printed(pprint.pprint, call("get", {"ingestionJob": JOB})["ingestionJob"], indent=2)
write("job-commented.pyrepr", "".join("# " + line for line in commented.splitlines(True)))
# the defects, as served
write("bad-id.pyrepr", printed(pprint.pprint, call("get", {"ingestionJob": dict(JOB, dataSourceId="DS7HC2M1Q")})["ingestionJob"]))
write("lowercase-status.pyrepr", printed(pprint.pprint, stable(call("get", {"ingestionJob": dict(JOB, status="complete")}))))
write("missing-updated-at.pyrepr",
      printed(pprint.pprint, call("get", {"ingestionJob": {k: v for k, v in JOB.items() if k != "updatedAt"}})["ingestionJob"]))
# a notebook cell printing two results, one per line, then a pprint of a job with a bad id
write("two-prints.pyrepr", printed(print, stable(call("get", {"ingestionJob": JOB}))) +
      printed(print, stable(call("get", {"ingestionJob": dict(JOB, status="complete")}))) +
      printed(pprint.pprint, call("get", {"ingestionJob": dict(JOB, dataSourceId="DS7HC2M1Q")})["ingestionJob"]))
write("truncated.pyrepr", printed(pprint.pprint, call("get", {"ingestionJob": JOB})["ingestionJob"])[:300])
# e.response of a ClientError (a 409 ConflictException), printed
try:
    call("get", {"message": "Job IJ4RT8ZK0W is already STOPPED"}, 409)
except client.exceptions.ConflictException as e:
    write("conflict-error-pprint.pyrepr", printed(pprint.pprint, stable(e.response)))

# Values built by hand with the objects botocore uses (datetime, dateutil.tz): zones botocore
# gives for other wire offsets, escapes, and a time order broken by one microsecond.
import datetime
from dateutil import tz
hand = call("get", {"ingestionJob": JOB})["ingestionJob"]
hand.update(description="caf\u00e9 \x01 'q' \\ \"d\"", status="IN_PROGRESS",
            startedAt=datetime.datetime(2026, 3, 14, 10, 26, 53, 6091, tzinfo=tz.tzoffset("CET", 3600)),
            updatedAt=datetime.datetime(2026, 3, 14, 9, 26, 53, 6090, tzinfo=tz.tzutc()))
write("time-order-usec.pyrepr", printed(pprint.pprint, hand))
# a time kept as a string (a value copied from JSON into the dict) with a bad month after an
# escaped character: the finding is at the month's character, not at the string's quote
as_text = dict(call("get", {"ingestionJob": JOB})["ingestionJob"], startedAt="2026-13-14T09:26:53Z",
               description="\u00e9t\u00e9 \\ 'q'")
write("string-time.pyrepr", printed(pprint.pprint, as_text))

# json.dumps(..., default=str) of the job member alone (--input boto3, or auto)
write("job-alone-dumps.json", json.dumps(call("get", {"ingestionJob": JOB})["ingestionJob"], indent=2, default=str) + "\n")

# AWS CLI --output json (--input cli): timestamps as sent, and with cli_timestamp_format = iso8601
cfg = os.path.join(HERE, ".aws-config-tmp")
for name, fmt, op, body in [("cli-start-wire.json", "wire", "start", {"ingestionJob": STARTING}),
                            ("cli-get-iso8601.json", "iso8601", "get", {"ingestionJob": JOB}),
                            ("cli-list-iso8601.json", "iso8601", "list", SUMMARIES)]:
    with open(cfg, "w") as f:
        f.write(f"[default]\nregion = us-east-1\ncli_timestamp_format = {fmt}\n")
    served["next"] = (202 if op == "start" else 200, body)
    args = {"start": ["start-ingestion-job", "--knowledge-base-id", "KBX3U9Q2LA", "--data-source-id", "DS7HC2M1QP"],
            "get": ["get-ingestion-job", "--knowledge-base-id", "KBX3U9Q2LA", "--data-source-id", "DS7HC2M1QP",
                    "--ingestion-job-id", "IJ4RT8ZK0W"],
            "list": ["list-ingestion-jobs", "--knowledge-base-id", "KBX3U9Q2LA", "--data-source-id", "DS7HC2M1QP",
                     "--no-paginate"]}[op]
    out = subprocess.run(["aws", "bedrock-agent", *args, "--endpoint-url", endpoint, "--output", "json"],
                         env=dict(os.environ, AWS_CONFIG_FILE=cfg), capture_output=True, text=True, check=True).stdout
    write(name, out)
os.remove(cfg)
server.shutdown()
