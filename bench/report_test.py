#!/usr/bin/env python3
"""Checks report.py's carry-over of hand-written sections (ctest bench.report_carry_over).

usage: report_test.py REPORT_DIR PERFORMANCE_MD
"""
import re
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, sys.argv[1])
import report  # noqa: E402

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


# 1. Every heading build_md writes is one report.py knows it writes.
source = open(report.__file__).read()
for literal in re.findall(r'w\(f?["\'](#{2,3} [^"\']*)["\']', source):
    if "{inp}" in literal:
        for inp in report.INPUTS:
            check(report.is_generated(literal.replace("{inp}", inp).split("{")[0] + "1 bytes)"), literal)
    else:
        check(report.is_generated(literal), f"heading written but not in GENERATED_HEADINGS: {literal}")
check(not report.is_generated("## The validator on a botocore debug log"), "a hand section taken as generated")

# 2. A small page: sections and target rows kept in place, generated ones replaced, a section that
#    followed one no longer written goes to the end.
old = """# P

## Targets

| target | measured | |
|---|---|---|
| a | 0 | met |
| b (2026-12-07, by hand) | 2 | missed |

## Parse

old parse

### Parse by hand

kept 1

### Parse by hand, later

kept 2

## Scaling

old scaling

### After scaling

kept 3

## Serialize

old serialize

## Hand at the top level

kept 4
"""
new = """# P

## Targets

| target | measured | |
|---|---|---|
| a | 1 | met |

## Parse

new parse

## Serialize

new serialize
"""
got = report.carry_over(new, old)
want = """# P

## Targets

| target | measured | |
|---|---|---|
| a | 1 | met |
| b (2026-12-07, by hand) | 2 | missed |

## Parse

new parse

### Parse by hand

kept 1

### Parse by hand, later

kept 2

## Serialize

new serialize

## Hand at the top level

kept 4

### After scaling

kept 3
"""
check(got == want, "small page:\n" + got)

# 3. The real page: with only its generated sections as the new page, carry_over gives it back.
page = open(sys.argv[2]).read()
sections = report.split_sections(page)
generated_only = "\n".join(l for h, lines in sections if h is None or report.is_generated(h) for l in lines)
back = report.carry_over(generated_only, page)
norm = lambda t: re.sub(r"\n{3,}", "\n\n", t).strip()
check(norm(back) == norm(page), "docs/performance.md does not survive a carry-over of itself")
kept = [h for h, _ in sections if h and not report.is_generated(h)]
check(len(kept) >= 3, f"expected the page's hand-written sections, found {kept}")

if failures:
    for f in failures:
        print("report_test:", f)
    sys.exit(1)
print(f"report_test: ok ({len(kept)} hand-written sections of the page carried over)")
