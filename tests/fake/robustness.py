#!/usr/bin/env python3
"""Raw sockets against bedrock-agent-fake (FAKE_ENDPOINT, started with --max-connections 8):
garbage bytes, an oversized body, a wrong path, pipelined keep-alive requests, more connections
than allowed, a client that goes away mid-request. The server must answer each as docs/fake.md
says and stay up; at the end an idle keep-alive connection is open when this script sends
SIGTERM itself (FAKE_PID): the server must close it and exit 0 (e2e.py checks the exit)."""

import os
import random
import signal
import socket
import sys
import time

HOST, PORT = "127.0.0.1", int(os.environ["FAKE_ENDPOINT"].rsplit(":", 1)[1])
START = "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/"


def check(cond, message):
    if not cond:
        print("FAIL: " + message, flush=True)
        sys.exit(1)


def connect():
    s = socket.create_connection((HOST, PORT), timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def request(method, path, body=b"", extra=""):
    return ("%s %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n"
            % (method, path, HOST, PORT, len(body), extra)).encode() + body


def read_response(s, buf=b""):
    """One response: (status, headers dict lower-cased, body, rest of buffer); None at EOF."""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, buf = buf.split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
    n = int(headers.get("content-length", "0"))
    while len(buf) < n:
        chunk = s.recv(65536)
        check(chunk, "EOF inside a body")
        buf += chunk
    return status, headers, buf[:n], buf[n:]


def closed(s):
    """True when the server closes `s` (EOF or reset) within the socket timeout."""
    try:
        while True:
            if not s.recv(65536):
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def main():
    # More connections than --max-connections 8 (first, while no other connection is open): the
    # first 8 are served, the rest closed at once.
    held = [connect() for _ in range(8)]
    time.sleep(0.2)  # the server has accepted them
    extra = [connect() for _ in range(12)]
    for c in extra:
        c.settimeout(2)
        check(closed(c), "a connection beyond --max-connections stayed open")
        c.close()
    for c in held:
        c.sendall(request("GET", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/ZZZZZZZZZZ"))
    for c in held:
        r = read_response(c)
        check(r is not None and r[0] == 404, "a held connection got %r" % (r,))
        c.close()

    # The server drops the 8 closed connections as it reads their ends: until then, a new
    # connection may still be over the limit and closed at once.
    deadline = time.monotonic() + 10
    while True:
        c = connect()
        try:
            c.sendall(request("POST", START, b"{}"))
            r = read_response(c)
        except (ConnectionResetError, BrokenPipeError):
            r = None
        c.close()
        if r is not None:
            break
        check(time.monotonic() < deadline, "the server never made room after the held connections closed")
        time.sleep(0.05)

    # Garbage: 400, then the connection is closed.
    s = connect()
    s.sendall(b"\x00\x01\x02 GARBAGE \xff\xfe\r\n\r\n")
    r = read_response(s)
    check(r is not None and r[0] == 400, "garbage got %r" % (r,))
    check(closed(s), "the connection stayed open after garbage")
    s.close()

    # Random bytes, and random bytes after a valid request line: an answer (400) or a close,
    # never a crash (the server is still there below).
    rng = random.Random(20261207)
    for i in range(40):
        s = connect()
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600)))
        if i % 2:
            blob = b"PUT " + START.encode() + b" HTTP/1.1\r\n" + blob + b"\r\n\r\n"
        try:
            s.sendall(blob)
            s.shutdown(socket.SHUT_WR)
            r = read_response(s)
            check(r is None or r[0] in (400, 404, 413, 431), "random bytes got %r" % (r,))
        except (ConnectionResetError, BrokenPipeError):
            pass
        s.close()

    # A body over --max-body-bytes (1 MiB): 413 and closed, even while the client still sends.
    s = connect()
    s.sendall(request("PUT", START, b"", "").replace(b"Content-Length: 0", b"Content-Length: 2000000"))
    s.sendall(b"x" * 65536)
    r = read_response(s)
    check(r is not None and r[0] == 413, "oversized body got %r" % (r,))
    check(closed(s), "the connection stayed open after 413")
    s.close()

    # A wrong path: 404 UnknownOperationException, and the connection is kept alive: a Start
    # and a pipelined Get of a missing job follow on it.
    s = connect()
    s.sendall(request("GET", "/no/such/path"))
    status, headers, body, rest = read_response(s)
    check(status == 404 and headers.get("x-amzn-errortype") == "UnknownOperationException", "wrong path got %d %r" % (status, headers))
    s.sendall(request("PUT", START, b'{"description":"robustness"}') +
              request("GET", START + "ZZZZZZZZZZ"))
    status, headers, body, rest = read_response(s, rest)
    check(status == 202 and b'"STARTING"' in body, "start got %d %r" % (status, body))
    status, headers, body, rest = read_response(s, rest)
    check(status == 404 and headers.get("x-amzn-errortype") == "ResourceNotFoundException", "missing job got %d" % status)
    s.close()

    # Half a request, then the client goes away.
    s = connect()
    s.sendall(b"PUT " + START.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{\"desc")
    s.close()

    # Many connections one after another: the server keeps serving.
    for _ in range(50):
        c = connect()
        c.sendall(request("POST", START, b"{}"))
        r = read_response(c)
        check(r is not None and r[0] == 200, "list got %r" % (r,))
        c.close()

    # SIGTERM with an idle keep-alive connection open: the server closes it and exits.
    idle = connect()
    idle.sendall(request("POST", START, b"{}"))
    check(read_response(idle)[0] == 200, "the idle connection's list failed")
    os.kill(int(os.environ["FAKE_PID"]), signal.SIGTERM)
    idle.settimeout(5)
    check(closed(idle), "the server kept an idle connection open after SIGTERM")
    print("robustness: garbage 400, oversized 413, wrong path 404, limits held, closed on SIGTERM", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
