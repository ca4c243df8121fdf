#!/usr/bin/env python3
"""Interop harness: botocore (the AWS SDK for Python's core) as an oracle.

  python3 harness.py --driver <interop_driver> --suite <name> [--record <file>]

1. runs `<driver> gen <suite>`: one JSON case per line (operation, input, a canned HTTP response);
2. has botocore read each canned response, in one of two ways:
   * suite wire_requests: calls the operation on a real botocore client. A `before-send` handler
     records the request the client serialized (method, path, query, headers, body) and answers
     with the canned response; nothing reaches the network;
   * every other suite: only the response half of that call, the steps botocore's Endpoint and
     BaseClient take after the HTTP exchange (Endpoint._do_get_response,
     _add_modeled_error_fields, BaseClient._make_api_call): the session's restJson1 parser
     (RestJSONParser) with the service model bedrock-agent that ships with botocore, a second
     parse with the error's modeled shape, and the exception class from client.exceptions.
     A whole client call costs 2..3 ms, this 0.5 ms, and the parsing is the same code;
3. writes one observation per case (what botocore sent, and what it returned or raised, with
   datetimes as epoch microseconds and numbers as exact decimal strings) to
   `<driver> check <suite> botocore`, which compares them with the project's values. Its exit
   code is ours. --record also writes the observations to a file.

Without botocore it prints "skipped" and exits 77 (ctest's SKIP_RETURN_CODE).
The harness judges nothing itself, as harness.js does not.
"""

import base64
import datetime
import json
import os
import subprocess
import sys

SKIP = 77


def parse_args(argv):
    args = {"record": None}
    if len(argv) % 2:
        raise SystemExit("usage: harness.py --driver <exe> --suite <name> [--record <file>]")
    for key, value in zip(argv[::2], argv[1::2]):
        key = key.lstrip("-")
        if key not in ("driver", "suite", "record"):
            raise SystemExit(f"harness.py: bad argument --{key}")
        args[key] = value
    if "driver" not in args or "suite" not in args:
        raise SystemExit("harness.py: --driver and --suite are required")
    return args


def isolate_environment():
    """No shared config or credentials files, no endpoint override, no instance metadata."""
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[key]
    here = os.path.dirname(os.path.abspath(__file__))
    os.environ["AWS_CONFIG_FILE"] = os.path.join(here, "no-such-aws-config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(here, "no-such-aws-credentials")
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"


EPOCH = datetime.datetime(1970, 1, 1)
MICROSECOND = datetime.timedelta(microseconds=1)


def normalize(v):
    """A value botocore returned, as JSON the driver compares exactly (harness.js's format)."""
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"$number": str(v)}
    if isinstance(v, float):
        return {"$number": str(int(v)) if v.is_integer() else repr(v)}
    if isinstance(v, datetime.datetime):
        # Exact integer arithmetic: a datetime holds microseconds (and a naive one is UTC).
        offset = v.utcoffset() or datetime.timedelta(0)
        return {"$date_us": str((v.replace(tzinfo=None) - offset - EPOCH) // MICROSECOND)}
    if isinstance(v, str):
        try:
            v.encode("utf-8")
            return v
        except UnicodeEncodeError:  # a lone surrogate: hand over the UTF-16 code units
            units = v.encode("utf-16-le", "surrogatepass")
            return {"$utf16": [int.from_bytes(units[i:i + 2], "little") for i in range(0, len(units), 2)]}
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(bytes(v)).decode("ascii")}
    if isinstance(v, (list, tuple)):
        return [normalize(x) for x in v]
    if isinstance(v, dict):
        return {str(k): normalize(x) for k, x in v.items()}
    return {"$unsupported": type(v).__name__}


def normalize_error(e, client_error):
    """botocore raises ClientError (or its modeled subclass) with the parsed error response:
    {"Error": {"Code", "Message"}, "ResponseMetadata", <modeled members>}."""
    if not isinstance(e, client_error):
        return {"name": type(e).__name__, "ctor": type(e).__name__, "fault": None, "message": str(e),
                "status": None, "service_exception": False, "fields": {}}
    response = e.response
    error = response.get("Error", {})
    return {
        "name": str(error.get("Code", "")),
        "ctor": type(e).__name__,
        "fault": None,  # botocore has no notion of fault
        "message": normalize(error.get("Message", "")),
        "status": response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
        "service_exception": type(e) is not client_error,  # a modeled exception class
        "fields": normalize({k: x for k, x in response.items() if k not in ("Error", "ResponseMetadata")}),
    }


class Canned:
    """The raw body of a canned AWSResponse (AWSResponse.content reads raw.stream())."""

    def __init__(self, body):
        self.body = body

    def stream(self, **_):
        yield self.body


def main():
    args = parse_args(sys.argv[1:])
    try:
        import botocore
        import botocore.compat
        import botocore.session
        from botocore.awsrequest import AWSResponse, HeadersDict
        from botocore.config import Config
        from botocore.exceptions import ClientError
    except ImportError as e:
        print(f"interop {args['suite']} (botocore): skipped: botocore is not installed ({e})")
        return SKIP
    isolate_environment()

    gen = subprocess.run([args["driver"], "gen", args["suite"]], stdout=subprocess.PIPE)
    if gen.returncode != 0:
        raise SystemExit(f"{args['driver']} gen {args['suite']} failed (status {gen.returncode})")
    cases = [json.loads(line) for line in gen.stdout.splitlines() if line]

    session = botocore.session.get_session()
    client = session.create_client(
        "bedrock-agent", region_name="us-east-1",
        aws_access_key_id="AKIDINTEROPEXAMPLE", aws_secret_access_key="interop-not-a-secret",
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}))  # no retry of 5xx / 429

    state = {"canned": None, "sent": None}

    def before_send(request, **_):
        state["sent"] = request
        status, headers, body = state["canned"]
        return AWSResponse(request.url, status, headers, Canned(body))

    client.meta.events.register("before-send.bedrock-agent", before_send)
    service_model = client.meta.service_model
    parser = session.get_component("response_parser_factory").create_parser(service_model.resolved_protocol)

    def read_response(op, status, headers, body):
        """What a call of `op` returns for this response, or the exception it raises."""
        operation_model = service_model.operation_model(op)
        response_dict = {"headers": HeadersDict(headers), "status_code": status, "body": body,
                         "context": {"operation_name": op}}
        parsed = parser.parse(response_dict, operation_model.output_shape)
        if status >= 300:
            code = parsed.get("Error", {}).get("Code")
            shape = service_model.shape_for_error_code(code) if code is not None else None
            if shape is not None:
                parsed.update(parser.parse(response_dict, shape))
            raise client.exceptions.from_code(code)(parsed, op)
        return parsed

    send = args["suite"] == "wire_requests"
    methods = {}
    lines = []
    for c in cases:
        op = c.get("operation", "StopIngestionJob")
        if op not in methods:
            methods[op] = getattr(client, botocore.xform_name(op))
        state["canned"] = (c["status"], c["headers"], base64.b64decode(c["body_b64"]))
        state["sent"] = None
        obs = {"name": c["name"]}
        if c.get("echo"):
            obs.update(body_b64=c["body_b64"], echo_status=c["status"], echo_headers=c["headers"])
        try:
            out = methods[op](**c["input"]) if send else read_response(op, *state["canned"])
            out.pop("ResponseMetadata", None)
            obs["outcome"] = "ok"
            obs["output"] = normalize(out)
        except Exception as e:  # what botocore raised is the observation
            obs["outcome"] = "error"
            obs["error"] = normalize_error(e, ClientError)
        sent = state["sent"]
        if sent is None:
            obs["request"] = None
        else:
            url = botocore.compat.urlsplit(sent.url)
            body = sent.body if sent.body is not None else b""
            if isinstance(body, str):
                body = body.encode("utf-8")
            obs["request"] = {
                "method": sent.method,
                "path": url.path,
                "query": url.query,
                "headers": {k: (v.decode("latin-1") if isinstance(v, bytes) else str(v)) for k, v in sent.headers.items()},
                "body_b64": base64.b64encode(body).decode("ascii"),
            }
        lines.append(json.dumps(obs, ensure_ascii=False, separators=(",", ":")))

    text = ("\n".join(lines) + "\n").encode("utf-8")
    if args["record"]:
        with open(args["record"], "wb") as f:
            f.write(text)
    check = subprocess.run([args["driver"], "check", args["suite"], "botocore"], input=text)
    return check.returncode


if __name__ == "__main__":
    sys.exit(main())
