#!/usr/bin/env python3
"""Produces the botocore debug logs and vcrpy cassettes under tests/validator/data/sdk/ by
running the real AWS CLI and boto3 against a local http.server that serves canned responses.

usage: python3 tests/validator/make_sdk_logs.py [OUTDIR]   (default tests/validator/data/sdk)

Needs `aws` (AWS CLI v1), boto3 and, for the cassettes, vcrpy (Debian: python3-vcr). The
credentials are dummies; nothing leaves 127.0.0.1. Each scenario starts its own server with a
queue of responses served in call order, whatever the path: the scenario decides what the
service "says", broken or not. The success bodies are those of examples/recordings/session.har.
"""
import contextlib
import http.server
import json
import logging
import os
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "validator", "data", "sdk")
KB, DS, JOB = "KBX3U9Q2LA", "DS7HC2M1QP", "IJ4RT8ZK0W"

with open(os.path.join(ROOT, "examples", "recordings", "session.har")) as f:
    _entries = json.load(f)["log"]["entries"]


def _body(i):
    c = _entries[i]["response"]["content"]
    if c.get("encoding") == "base64":
        import base64
        return base64.b64decode(c["text"])
    return c["text"].encode()


START_OK = (202, _body(0))      # STARTING
GET_OK = (200, _body(2))        # IN_PROGRESS
LIST_OK = (200, _body(4))       # one summary, IN_PROGRESS
STOP_OK = (202, _body(5))       # STOPPING
THROTTLED = (429, b'{"message":"Rate exceeded"}', "ThrottlingException")
# Broken answers: what a faulty service or a hand-written stub might send.
GET_LOWERCASE = (200, GET_OK[1].replace(b'"IN_PROGRESS"', b'"in_progress"'))
STOP_NO_JOB_ID = (202, STOP_OK[1].replace(b'"ingestionJobId":"IJ4RT8ZK0W",', b""))
LIST_BAD_TIME = (200, LIST_OK[1].replace(b'"2026-03-14T09:30:58.75Z"', b'"2026-03-14 09:30:58"'))
# a non-ASCII description with escaped quotes (botocore writes \xNN and \\ escapes in the bytes
# literal), then a lowercase status after it: its column in the log counts the escapes
START_UNICODE = (202, START_OK[1].replace(b"Nightly sync", "Nächtliche Synchronisierung – \\\"Handbücher\\\"".encode())
                 .replace(b'"STARTING"', b'"starting"'))
STOP_WRONG_STATUS = (200, STOP_OK[1])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    queue = []

    def _answer(self):
        n = int(self.headers.get("content-length") or 0)
        if n:
            self.rfile.read(n)
        status, body, *etype = Handler.queue.pop(0) if Handler.queue else (500, b'{"message":"queue empty"}', "InternalServerException")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-amzn-RequestId", "5f0c8a2e-1b7d-4c39-9e61-000000000000")
        if etype:
            self.send_header("x-amzn-ErrorType", etype[0])
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _answer

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def server(responses):
    Handler.queue = list(responses)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


ENV = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
           AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_PAGER="",
           AWS_RETRY_MODE="standard", AWS_MAX_ATTEMPTS="3")
for k in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
    ENV.pop(k, None)

CLI_CALLS = [
    ["start-ingestion-job", "--knowledge-base-id", KB, "--data-source-id", DS,
     "--description", "Nightly sync of the product-manuals bucket"],
    ["get-ingestion-job", "--knowledge-base-id", KB, "--data-source-id", DS, "--ingestion-job-id", JOB],
    ["list-ingestion-jobs", "--knowledge-base-id", KB, "--data-source-id", DS, "--max-results", "10"],
    ["stop-ingestion-job", "--knowledge-base-id", KB, "--data-source-id", DS, "--ingestion-job-id", JOB],
]


def aws_cli(name, responses, calls=CLI_CALLS, with_stdout=False):
    """`aws bedrock-agent ... --debug 2>>NAME` for each call, in turn (with_stdout: `>>NAME 2>&1`,
    what `aws ... --debug 2>&1 | bedrock-agent-validate -` reads)."""
    path = os.path.join(OUT, name)
    with open(path, "wb") as log, server(responses) as url:
        for call in calls:
            subprocess.run(["aws", "bedrock-agent", *call, "--endpoint-url", url, "--debug"], env=ENV,
                           stdout=log if with_stdout else subprocess.DEVNULL, stderr=log, check=False)
    print("wrote", path)


def boto3_log(name, responses, body, urllib3=False):
    """boto3.set_stream_logger('botocore', logging.DEBUG) to NAME (and urllib3's logger, which
    writes the status line), then the calls in `body`."""
    path = os.path.join(OUT, name)
    code = (
        "import boto3, logging, sys\n"
        "boto3.set_stream_logger('botocore', logging.DEBUG)\n"
        + ("boto3.set_stream_logger('urllib3', logging.DEBUG)\n" if urllib3 else "")
        +
        "c = boto3.client('bedrock-agent', region_name='us-east-1', endpoint_url=sys.argv[1],\n"
        "                 aws_access_key_id='test', aws_secret_access_key='test')\n"
        "def call(f, **kw):\n"
        "    try: f(**kw)\n"
        "    except Exception as e: print(repr(e), file=sys.stdout)\n"
        + body
    )
    with open(path, "wb") as log, server(responses) as url:
        subprocess.run([sys.executable, "-c", code, url], env=ENV, stdout=subprocess.DEVNULL, stderr=log, check=False)
    print("wrote", path)


BOTO3_CALLS = (
    f"call(c.start_ingestion_job, knowledgeBaseId='{KB}', dataSourceId='{DS}',\n"
    f"     description='Nightly sync of the product-manuals bucket')\n"
    f"call(c.get_ingestion_job, knowledgeBaseId='{KB}', dataSourceId='{DS}', ingestionJobId='{JOB}')\n"
    f"call(c.list_ingestion_jobs, knowledgeBaseId='{KB}', dataSourceId='{DS}', maxResults=10)\n"
    f"call(c.stop_ingestion_job, knowledgeBaseId='{KB}', dataSourceId='{DS}', ingestionJobId='{JOB}')\n"
)


def vcr_env():
    """ENV, and when this Python cannot import vcr (Debian's python3-vcr is installed for
    /usr/bin/python3), a PYTHONPATH with Debian's vcr, yarl and multidict only."""
    if subprocess.run([sys.executable, "-c", "import vcr"], capture_output=True).returncode == 0:
        return ENV
    import tempfile
    shim = tempfile.mkdtemp(prefix="vcr-shim.")
    for m in ("vcr", "yarl", "multidict"):
        os.symlink(os.path.join("/usr/lib/python3/dist-packages", m), os.path.join(shim, m))
    return dict(ENV, PYTHONPATH=shim)


# Debian 12's vcrpy 4.2 predates urllib3 2 (which botocore 1.43 brings): it records the
# exchange fully once these few names are patched (the request as sent, the status, headers and
# the body as read from the server), but its stub response then lacks more of urllib3 2's API
# (`stream`, ...), so the boto3 call itself fails after the recording. Each call is made once
# (total_max_attempts 1) and its failure ignored: the cassette holds what the server sent.
VCR_URLLIB3_2_SHIM = 'import urllib3.connection, urllib3.connectionpool\nif not hasattr(urllib3.connectionpool, "VerifiedHTTPSConnection"):\n    urllib3.connectionpool.VerifiedHTTPSConnection = urllib3.connection.HTTPSConnection\nimport vcr.stubs\nif urllib3.__version__.startswith("2."):\n    class _Read:\n        def __init__(self, r):\n            self._r = r\n            self.status, self.reason, self.headers, self.msg = r.status, r.reason, r.headers, None\n        def read(self):\n            return self._r.data if self._r.data is not None else self._r.read()\n    _serialize = vcr.stubs.serialize_headers\n    vcr.stubs.serialize_headers = lambda r: {k: r.headers.getlist(k) for k in r.headers} if getattr(r, "msg", None) is None else _serialize(r)\n    _get = vcr.stubs.VCRConnection.getresponse\n    def getresponse(self, _=False, **kwargs):\n        real = self.real_connection.getresponse\n        self.real_connection.getresponse = lambda *a, **k: _Read(real(*a, **k))\n        try:\n            return _get(self, _, **kwargs)\n        finally:\n            self.real_connection.getresponse = real\n    vcr.stubs.VCRConnection.getresponse = getresponse\n    vcr.stubs.VCRHTTPResponse.version_string = "HTTP/1.1"\n    vcr.stubs.VCRHTTPResponse.length_remaining = None\n    for _name, _value in (("get_redirect_location", lambda self: False), ("retries", None), ("drain_conn", lambda self: None),\n                          ("release_conn", lambda self: None), ("url", None), ("connection", None), ("_connection", None),\n                          ("_pool", None), ("_fp", None), ("enforce_content_length", False), ("chunked", False),\n                          ("version", 11), ("decode_content", True), ("auto_close", True)):\n        if not hasattr(vcr.stubs.VCRHTTPResponse, _name):\n            setattr(vcr.stubs.VCRHTTPResponse, _name, _value)\n'


def vcr_cassette(name, responses):
    """The same four boto3 calls recorded by vcrpy into a YAML cassette."""
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        os.remove(path)
    code = (
        VCR_URLLIB3_2_SHIM +
        "import boto3, sys, vcr\n"
        "import botocore.config\n"
        "c = boto3.client('bedrock-agent', region_name='us-east-1', endpoint_url=sys.argv[1],\n"
        "                 aws_access_key_id='test', aws_secret_access_key='test',\n"
        "                 config=botocore.config.Config(retries={'total_max_attempts': 1}))\n"
        "def call(f, **kw):\n"
        "    try: f(**kw)\n"
        "    except Exception as e: pass  # the shim's known failure, after the recording\n"
        "with vcr.use_cassette(sys.argv[2], record_mode='all'):\n"
        + "".join("    " + l + "\n" for l in BOTO3_CALLS.splitlines())
    )
    with server(responses) as url:
        subprocess.run([sys.executable, "-c", code, url, path], env=vcr_env(), check=True)
    print("wrote", path)


def truncate(source, name):
    """`source` cut in the middle of its last response body, as a log of a killed process."""
    with open(os.path.join(OUT, source), "rb") as f:
        data = f.read()
    at = data.rfind(b"\nb'{") + 1
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data[: at + 200])
    print("wrote", os.path.join(OUT, name))


def main():
    os.makedirs(OUT, exist_ok=True)
    if os.environ.get("ONLY_VCR") == "1":
        return vcr_main()
    # AWS CLI --debug, one process per call, appended as `2>>debug.log` would
    aws_cli("aws-cli-session.log", [START_OK, GET_OK, LIST_OK, STOP_OK])
    aws_cli("aws-cli-broken.log", [START_UNICODE, GET_LOWERCASE, LIST_BAD_TIME, STOP_NO_JOB_ID])
    aws_cli("aws-cli-2to1.log", [START_OK, GET_LOWERCASE], CLI_CALLS[:2], with_stdout=True)
    truncate("aws-cli-session.log", "aws-cli-truncated.log")
    # boto3 set_stream_logger; a throttled start retried (429, then 202)
    boto3_log("boto3-session.log", [START_OK, GET_OK, LIST_OK, STOP_OK], BOTO3_CALLS)
    boto3_log("boto3-retry.log", [THROTTLED, START_OK, GET_OK, LIST_OK, STOP_WRONG_STATUS], BOTO3_CALLS, urllib3=True)
    if os.environ.get("SKIP_VCR") != "1":
        vcr_main()


def vcr_main():
    vcr_cassette("vcr-session.yaml", [START_OK, GET_OK, LIST_OK, STOP_OK])
    vcr_cassette("vcr-broken.yaml", [START_UNICODE, GET_LOWERCASE, LIST_BAD_TIME, STOP_NO_JOB_ID])
    # robustness: a cassette cut short (a killed recorder), and a file that is not YAML
    with open(os.path.join(OUT, "vcr-session.yaml"), "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "vcr-truncated.yaml"), "wb") as f:
        f.write(data[: data.rfind(b"string: '") + 120])
    with open(os.path.join(OUT, "vcr-not-yaml.yaml"), "wb") as f:
        f.write(b"interactions:\n- request: {body: '', method: GET\n  uri: [http://127.0.0.1/\n")


if __name__ == "__main__":
    main()
