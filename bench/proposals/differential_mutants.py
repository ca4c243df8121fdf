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

# The reader's second round of fast paths (whole-value reads of plain strings, Ids, timestamps,
# enums; the string scan's last partial word; the eight-byte [0-9a-zA-Z] check): values at and
# around every word boundary and every character-class edge, in the first responses found.
members = rb'"(knowledgeBaseId|dataSourceId|ingestionJobId|description|status|startedAt|updatedAt)":\s*"([^"\\]*)"'
texts = []
for L in [0, 1, 2, 7, 8, 9, 10, 11, 15, 16, 17, 23, 24, 25, 31, 32, 33]:
    base = bytes(b'abcdefghij0123456789KLMNOPQRSTUVWXYZ'[i % 36] for i in range(L))
    texts.append(base)
    for k in sorted({0, L // 2, max(L - 1, 0)}):
        texts += [base[:k] + b'\\n' + base[k:], base[:k] + b'\xc3\xa9' + base[k:], base[:k] + b'\\u0041' + base[k:]]
for k in [0, 4, 7, 8, 9]:
    for c in b'/:@[`{09azAZ\x7f _-.':
        texts.append(b'A1b2C3d4E5'[:k] + bytes([c]) + b'A1b2C3d4E5'[k + 1:])
texts += [b'2024-03-14T09:26:53Z', b'2024-03-14T09:26:53.123456789Z', b'2024-03-14T09:26:53.1234567891Z',
          b'2024-02-29T00:00:00Z', b'2023-02-29T00:00:00Z', b'2024-04-31T00:00:00Z', b'2024-13-01T00:00:00Z',
          b'2024-03-14t09:26:53z', b'2024-03-14T09:26:53+00:00', b'2024-03-14T24:00:00Z', b'2024-03-14T09:26:60Z',
          b'0000-01-01T00:00:00Z', b'9999-12-31T23:59:59.999999999Z', b'2024-03-14T09:26:53.Z',
          b'STARTING', b'IN_PROGRESS', b'COMPLETE', b'FAILED', b'STOPPING', b'STOPPED', b'stopped', b'STOPPED ',
          b'STOPPE', b'STOPPEDX', b'\\u0053TOPPED']
responses = [f for f in files if len(re.findall(members, open(f, 'rb').read())) >= 5][:12]
for path in responses:
    data = open(path, 'rb').read()
    if len(data) > 200000:
        continue
    for m in list(re.finditer(members, data))[:7]:
        for t in texts:
            put(data[:m.start(2)] + t + data[m.end(2):])
# The third round (each member read where its name matched; escaped and unknown keys read out of
# line): members repeated, raw or with an escaped key, before or after the first; keys that are a
# name's prefix or extension; an unknown member at each position, in each object.
names = rb'"(ingestionJob|knowledgeBaseId|dataSourceId|ingestionJobId|description|status|statistics|failureReasons|' \
        rb'startedAt|updatedAt|numberOf[A-Za-z]+|message|fieldList|name)":'
for path in responses:
    data = open(path, 'rb').read()
    if len(data) > 200000:
        continue
    for m in list(re.finditer(names, data))[:24]:
        name = m.group(1)
        escaped = b'\\u%04x' % name[0] + name[1:]
        for key in [name, escaped, name[:-1], name + b'x', b'x' + name, b'unknownMember']:
            put(data[:m.start()] + b'"' + key + b'":"v",' + data[m.start():])
            put(data[:m.start()] + b'"' + key + b'":1,' + data[m.start():])
        put(data[:m.start()] + b'"' + escaped + data[m.end() - 2:])
print(f'{len(files)} files, {n} mutants in {out}')
