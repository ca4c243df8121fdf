#!/usr/bin/env python3
"""Writes mutants of the repository's JSON inputs into DIR for differential_check.cpp: random
byte replacements (backslash, quote, digits, signs, control and non-UTF-8 bytes), member names
with an escaped first letter, integers made invalid, huge, negative or followed by a string, and
strings given escapes, non-ASCII text or trailing whitespace: the inputs that reach the reader's
fast paths and the slow paths next to them. Deterministic (seed 8).

    python3 bench/proposals/differential_mutants.py DIR
"""
import os
import random
import re
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
random.seed(8)
files = []
for root in ['fuzz/corpus', 'fuzz/regressions', 'examples/recordings', 'tests/data']:
    for dp, _, fn in os.walk(root):
        files += [os.path.join(dp, f) for f in fn]
files.sort()
n = 0


def put(data):
    global n
    with open(f'{out}/m{n}.json', 'wb') as f:
        f.write(data)
    n += 1


interesting = [b'\\', b'"', b'0', b'-', b'.', b'e', b' ', b'\n', b'\x01', b'\xff', b'u', b'}', b'9', b'+',
               b'\xc3', b'"x"']
for path in files:
    data = open(path, 'rb').read()
    if not data or len(data) > 200000:
        continue
    for _ in range(6):
        d = bytearray(data)
        pos = random.randrange(len(d))
        d[pos:pos + 1] = random.choice(interesting)
        put(bytes(d))
    for ks in [m.start() for m in re.finditer(rb'"[a-zA-Z]+":', data)][:3]:
        put(data[:ks + 1] + b'\\u%04x' % data[ks + 1] + data[ks + 2:])
    for m in list(re.finditer(rb':(\d+)', data))[:2]:
        g = m.group(1)
        for rep in [b'0' + g, b'-' + g, g + b'.0', g + b'e1', b'9223372036854775808', b'9223372036854775807',
                    g + b'"x"', b'-0', g + b'x']:
            put(data[:m.start(1)] + rep + data[m.end(1):])
    for m in list(re.finditer(rb':"([^"\\]*)"', data))[:2]:
        g = m.group(1)
        for rep in [g + b'\\n', b'\\"' + g, g + b'\\u00e9', g + b'\xc3\xa9', g + b'\\ud800']:
            put(data[:m.start(1)] + rep + data[m.end(1):])
        put(data[:m.end(0)] + b' \t\n ' + data[m.end(0):])
print(f'{len(files)} files, {n} mutants in {out}')
