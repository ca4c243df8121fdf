#!/usr/bin/env python3
"""Generates include/bedrock_agent/model/shapes.hpp from the model JSON (botocore's form).

    python3 codegen/generate_shapes.py [--model MODEL] [--output OUTPUT]

Defaults: codegen/bedrock-agent-ingestion-jobs.model.json, written to
include/bedrock_agent/model/shapes.hpp (paths relative to the repository). Python 3 standard
library only. The output is committed; ctest `codegen.up-to-date` regenerates it into the
build directory and fails on any difference.

Adding an operation is one name in OPERATIONS. What the model cannot say is in the overlay
tables below (OVERLAY_*) or in the hand-written model/semantic_rules.hpp; docs/shapes.md says
why each is there.
"""

import argparse
import json
import os
import re
import sys

# The operations whose shapes are generated, in this order.
OPERATIONS = ["StartIngestionJob", "GetIngestionJob", "ListIngestionJobs", "StopIngestionJob"]

# ---- overlays: what the model cannot say --------------------------------------------------

# Members added to a shape_info<T> the generator writes (a plain C++ type cannot carry them).
# Every PrimitiveLong of this API counts documents: a negative one is semantic.negative-counter
# (declared in model/semantic_rules.hpp).
OVERLAY_SHAPE_INFO = {
    "PrimitiveLong": [
        'static constexpr std::string_view nonnegative = "a document counter";',
        "static constexpr rule nonnegative_rule = rules::semantic_negative_counter;",
    ],
}

# The pattern text shown in messages and docs, where the published API reference writes it
# unanchored (every other pattern is written `^...$`, as the reference writes it). Anchoring
# `[\s\S]+` changes nothing it matches.
OVERLAY_PATTERN_TEXT = {
    "NonBlankString": "[\\s\\S]+",
}

# Hand-written headers of the model layer that the generated one includes.
HAND_WRITTEN_INCLUDES = ["bedrock_agent/model/semantic_rules.hpp"]

# ---- patterns -----------------------------------------------------------------------------

# A character class of the model, as the pattern writes it, and the codec's charset for it.
CHARSETS = {
    "[0-9a-zA-Z]": "charset::ascii_alnum",
    "[a-zA-Z0-9]": "charset::ascii_alnum",
    "[\\s\\S]": "charset::any",
    "\\S": "charset::non_space",
    ".": "charset::no_line_terminator",
}

QUANTIFIER = re.compile(r"^(?:(\*)|(\+)|(\?)|\{(\d+)\}|\{(\d+),\}|\{(\d+),(\d+)\})$")

# Constructs whose meaning depends on code points, not bytes: refused in a pattern matched by
# Boost.Regex on UTF-8 bytes (an ASCII-only pattern matches bytes and code points alike).
NOT_BYTE_SAFE = re.compile(r"\\[sSwWdDbBpPuxc0-9]|\.|\[\^|[^\x20-\x7e]")


def single_class(pattern):
    """(charset, min, max) when the pattern is one known class repeated, else None."""
    for text, chars in CHARSETS.items():
        if not pattern.startswith(text):
            continue
        m = QUANTIFIER.match(pattern[len(text):])
        if not m:
            continue
        star, plus, question, exact, at_least, lo, hi = m.groups()
        if star:
            return chars, 0, None
        if plus:
            return chars, 1, None
        if question:
            return chars, 0, 1
        if exact:
            return chars, int(exact), int(exact)
        if at_least:
            return chars, int(at_least), None
        return chars, int(lo), int(hi)
    return None


def bound(n):
    return "unbounded" if n is None else str(n)


def cpp_string_literal(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# `C(S*C){0,N}`: runs of one ASCII class joined by a separator (the AWS idempotency-token
# pattern), a form the codec matches without a regular expression engine.
JOINED_RUNS = re.compile(r"^(\[[^\]]+\])\((\\?[^\w\\()\[\]{}*+?.^$|])\*\1\)\{0,(\d+)\}$")


def joined_runs(pattern):
    """The joined_runs initializer when `pattern` is `C(S*C){0,N}` with C an ASCII class, else None."""
    m = JOINED_RUNS.match(pattern)
    if not m or CHARSETS.get(m.group(1)) != "charset::ascii_alnum":
        return None
    separator = m.group(2)[-1]
    return "{%s, '%s', %s}" % (CHARSETS[m.group(1)], separator.replace("\\", "\\\\").replace("'", "\\'"), m.group(3))


def needs_regex_matcher(pattern):
    """True when the codec matches `pattern` with Boost.Regex (engine/regex_pattern.hpp): a regular
    expression of no form it knows."""
    return not single_class(pattern) and not joined_runs(pattern)


def pattern_initializer(name, pattern):
    """The string_pattern initializer of shape `name` whose model pattern is `pattern`."""
    text = OVERLAY_PATTERN_TEXT.get(name, "^" + pattern + "$")
    one = single_class(pattern)
    if one:
        chars, lo, hi = one
        return "{%s, %d, %s, %s}" % (chars, lo, bound(hi), cpp_string_literal(text))
    if NOT_BYTE_SAFE.search(pattern):
        sys.exit("generate_shapes.py: pattern of %s (%r) is neither one known class repeated nor ASCII-only; "
                 "add its class to CHARSETS or teach the codec to match it" % (name, pattern))
    form = joined_runs(pattern)
    if form:
        return "regex_pattern(%s, %s)" % (cpp_string_literal(text), form)
    return "regex_pattern(%s)" % cpp_string_literal(text)


# ---- the model ----------------------------------------------------------------------------

CPP_KEYWORDS = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
    "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
}


def cpp_member_name(name):
    return name + "_" if name in CPP_KEYWORDS else name


class Model:
    def __init__(self, model):
        self.shapes = model["shapes"]
        self.operations = model["operations"]

    def kind(self, name):
        s = self.shapes[name]
        t = s["type"]
        if t == "string" and "enum" in s:
            return "enum"
        if s.get("exception"):
            return "error"
        return t

    def is_primitive_number(self, name):
        """A number the model does not box: absent means its default, 0."""
        s = self.shapes[name]
        return s["type"] in ("long", "integer") and not s.get("box", False)

    def member_type(self, name):
        """The C++ type of a value of shape `name` (a member or a list item)."""
        return "enum_value<%s>" % name if self.kind(name) == "enum" else name

    def dependencies(self, name):
        s = self.shapes[name]
        if s["type"] == "structure":
            return [m["shape"] for m in s["members"].values()]
        if s["type"] == "list":
            return [s["member"]["shape"]]
        return []


def order_shapes(model):
    """Every shape reachable from the operations, each after the shapes it uses: inputs,
    outputs and errors of each operation in OPERATIONS' order, depth first."""
    seen, out = set(), []

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        for d in model.dependencies(name):
            visit(d)
        out.append(name)

    for op in OPERATIONS:
        o = model.operations[op]
        visit(o["input"]["shape"])
        visit(o["output"]["shape"])
        for e in o.get("errors", []):
            visit(e["shape"])
    return out


# ---- writing ------------------------------------------------------------------------------

HEADER = """\
// GENERATED FILE: do not edit. Written by codegen/generate_shapes.py from
// codegen/bedrock-agent-ingestion-jobs.model.json:
//
//     python3 codegen/generate_shapes.py
//
// ctest codegen.up-to-date fails when this file differs from the generator's output.
#ifndef BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
#define BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED

// The shapes of %(operations)s:
// one C++ type per model shape, with the model's names. Member and enumerator names are the
// wire names (Boost.Describe turns them into strings); a member whose name is a C++ keyword has
// a trailing '_' in C++ and is described by hand with its wire name. Members the model does not
// require are std::optional, except unboxed numbers (PrimitiveLong), which default to 0 as the
// model says; each structure declares its members' presence and HTTP binding in a
// member_metadata<T> after its Describe line. Members are in the model's order, which is the
// order the serializer writes. What the model cannot say is hand-written: see
// docs/shapes.md, "Generated from the model".
"""

INCLUDES = """
#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/time.hpp>
%(regex)s%(hand_written)s
#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/operators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), ...) passes nothing for the variadic base list, which clang
// calls a C++20 extension under -Wpedantic in C++17; the code is valid C++17 all the same.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent {
"""

FOOTER = """
}  // namespace bedrock_agent

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
"""


def range_words(lo, hi, unit):
    if hi == 1 and unit.endswith("items"):
        unit = unit[:-1]
    if hi is None:
        return "at least %d %s" % (lo, unit)
    if lo == hi:
        return "exactly %d %s" % (lo, unit)
    return "%d..%d %s" % (lo, hi, unit)


def shape_info(name, extra=()):
    lines = ["template <>", "struct shape_info<%s> {" % name,
             '  static constexpr std::string_view shape_name = "%s";' % name]
    lines += ["  " + e for e in extra]
    lines.append("};")
    return lines


def write_string(model, name, out):
    s = model.shapes[name]
    lo, hi = s.get("min", 0), s.get("max")
    args = [str(lo), bound(hi)]
    words = range_words(lo, hi, "code points") if ("min" in s or "max" in s) else ""
    if "pattern" in s:
        args.append(pattern_initializer(name, s["pattern"]))
        words = (words + ", " if words else "") + "pattern `%s`" % s["pattern"]
    out.append("/// `%s`: %s." % (name, words or "any string"))
    out.append("struct %s : string_shape<%s> {" % (name, name))
    out.append("  using string_shape::string_shape;")
    out.append('  static constexpr std::string_view shape_name = "%s";' % name)
    if len(args) == 2:
        args.append("{}")
    out.append("  static constexpr string_constraints constraints{%s};" % ", ".join(args))
    out.append("};")


def write_number(model, name, out):
    s = model.shapes[name]
    if s["type"] == "long":
        if "min" in s or "max" in s:
            sys.exit("generate_shapes.py: a range on a long (%s) is not supported" % name)
        out.append("/// `%s`: a signed 64-bit integer%s." % (name, "" if s.get("box") else "; members of this shape default to 0"))
        out.append("using %s = std::int64_t;" % name)
        out.append("")
        out += shape_info(name, OVERLAY_SHAPE_INFO.get(name, ()))
        return
    lo, hi = s.get("min"), s.get("max")
    out.append("/// `%s`: a signed 32-bit integer%s%s." % (
        name, "" if lo is None and hi is None else ", %s..%s" % (lo if lo is not None else "", hi if hi is not None else ""),
        " (boxed: members of this shape may be absent)" if s.get("box") else ""))
    out.append("struct %s : integer_shape<%s> {" % (name, name))
    out.append("  using integer_shape::integer_shape;")
    out.append('  static constexpr std::string_view shape_name = "%s";' % name)
    args = []
    if lo is not None or hi is not None:
        args = [str(lo) if lo is not None else "(std::numeric_limits<std::int32_t>::min)()",
                str(hi) if hi is not None else "(std::numeric_limits<std::int32_t>::max)()"]
    out.append("  static constexpr integer_constraints constraints{%s};" % ", ".join(args))
    out.append("};")


def write_timestamp(model, name, out):
    s = model.shapes[name]
    if s.get("timestampFormat", "iso8601") != "iso8601":
        sys.exit("generate_shapes.py: timestamp %s is not iso8601" % name)
    out.append("/// `%s`: an RFC 3339 date-time on the wire, exact to the nanosecond here." % name)
    out.append("using %s = timestamp;" % name)
    out.append("")
    out += shape_info(name, OVERLAY_SHAPE_INFO.get(name, ()))


def write_enum(model, name, out):
    values = model.shapes[name]["enum"]
    for v in values:
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", v) or v in CPP_KEYWORDS:
            sys.exit("generate_shapes.py: enum value %r of %s is not a C++ identifier" % (v, name))
    out.append("/// `%s`; enumerator names are the wire values." % name)
    out.append("enum class %s { %s };" % (name, ", ".join(values)))
    out.append("BOOST_DESCRIBE_ENUM(%s, %s)" % (name, ", ".join(values)))
    out.append("")
    out += shape_info(name)
    out.append("")
    out.append("inline std::ostream& operator<<(std::ostream& os, %s v) { return os << to_string(v); }" % name)


def write_list(model, name, out):
    s = model.shapes[name]
    lo, hi = s.get("min", 0), s.get("max")
    item = model.member_type(s["member"]["shape"])
    words = range_words(lo, hi, "%s items" % s["member"]["shape"]) if ("min" in s or "max" in s) else \
        "%s items; the model sets no bounds" % s["member"]["shape"]
    out.append("/// `%s`: %s." % (name, words))
    out.append("struct %s : std::vector<%s> {" % (name, item))
    out.append("  using std::vector<%s>::vector;" % item)
    out.append('  static constexpr std::string_view shape_name = "%s";' % name)
    out.append("  static constexpr list_constraints constraints{%d, %s};" % (lo, bound(hi)))
    out.append("};")


BINDINGS = {None: "body", "uri": "label", "querystring": "query", "header": "header"}


def write_structure(model, name, out):
    s = model.shapes[name]
    required = set(s.get("required", []))
    members = list(s["members"].items())
    for m, _ in members:
        if m not in s["members"]:
            sys.exit("generate_shapes.py: %s requires unknown member %s" % (name, m))
    rows = []  # (wire name, C++ name, C++ type, default, presence, binding, note)
    for m, d in members:
        target = d["shape"]
        t = model.member_type(target)
        default = ""
        if m in required:
            presence = "required"
        elif model.is_primitive_number(target):
            presence, default = "defaulted", " = 0"
        else:
            presence, t = "optional", "std::optional<%s>" % t
        location = d.get("location")
        if location not in BINDINGS:
            sys.exit("generate_shapes.py: %s.%s binds to %r, which the generator does not know" % (name, m, location))
        if d.get("locationName", m) != m:
            sys.exit("generate_shapes.py: %s.%s has locationName %s; renamed bindings are not supported"
                     % (name, m, d["locationName"]))
        notes = []
        if cpp_member_name(m) != m:
            notes.append('"%s" on the wire: a C++ keyword' % m)
        if d.get("idempotencyToken"):
            notes.append("the model's idempotency token")
        role = ", member_role::idempotency_token" if d.get("idempotencyToken") else ""
        rows.append((m, cpp_member_name(m), t, default, presence, BINDINGS[location] + role, "; ".join(notes)))

    err = s.get("error") if s.get("exception") else None
    counts = "%d required, %d optional%s" % (
        sum(r[4] == "required" for r in rows), sum(r[4] == "optional" for r in rows),
        (", %d defaulted" % sum(r[4] == "defaulted" for r in rows)) if any(r[4] == "defaulted" for r in rows) else "")
    if err:
        out.append("/// `%s`: HTTP %d, %s fault." % (name, err["httpStatusCode"], "server" if s.get("fault") else "client"))
    else:
        out.append("/// `%s`: %s." % (name, counts if rows else "no members"))
    out.append("struct %s {" % name)
    for _, cpp, t, default, _, _, note in rows:
        out.append("  %s %s%s;%s" % (t, cpp, default, ("  // " + note) if note else ""))
    out.append('  static constexpr std::string_view shape_name = "%s";' % name)
    if err:
        out.append("  static constexpr int http_status = %d;" % err["httpStatusCode"])
        out.append("  static constexpr error_fault fault = error_fault::%s;" % ("server" if s.get("fault") else "client"))
    out.append("};")
    if all(r[0] == r[1] for r in rows):
        line = "BOOST_DESCRIBE_STRUCT(%s, (), (%s))" % (name, ", ".join(r[1] for r in rows))
        if len(line) > 100:
            out.append("BOOST_DESCRIBE_STRUCT(%s, ()," % name)
            out += wrap([r[1] for r in rows], "                      (", "))")
        else:
            out.append(line)
    else:
        # BOOST_DESCRIBE_STRUCT names a member by its C++ name; a keyword cannot be one, so the
        # descriptors are written out as the macro would write them, with the wire name.
        out.append("// Described by hand: BOOST_DESCRIBE_STRUCT would name each member by its C++ name.")
        out.append("inline auto boost_base_descriptor_fn(%s**) { return boost::describe::detail::list<>(); }" % name)
        out.append("inline auto boost_public_member_descriptor_fn(%s**) {" % name)
        for wire, cpp, _, _, _, _, _ in rows:
            out.append("  struct member_%s {" % wire)
            out.append("    static constexpr auto pointer() noexcept { return &%s::%s; }" % (name, cpp))
            out.append('    static constexpr auto name() noexcept { return "%s"; }' % wire)
            out.append("  };")
        out.append("  return boost::describe::detail::member_descriptor_fn_impl<boost::describe::mod_public>(")
        out += wrap(["0"] + ["member_%s()" % r[0] for r in rows], "      ", ");")
        out.append("}")
        out.append("inline auto boost_protected_member_descriptor_fn(%s**) { return boost::describe::detail::list<>(); }"
                   % name)
        out.append("inline auto boost_private_member_descriptor_fn(%s**) { return boost::describe::detail::list<>(); }"
                   % name)
    out.append("template <>")
    out.append("struct member_metadata<%s> {" % name)
    out.append("  static constexpr member_info members[] = {")
    for wire, _, _, _, presence, binding, _ in rows:
        out.append('    {"%s", member_presence::%s, member_binding::%s},' % (wire, presence, binding))
    out.append("  };")
    out.append("};")


def wrap(items, first, last, width=100):
    """`items` joined by ", " after `first`, in lines of at most `width` columns, each further
    line indented as far as `first`, the last ending with `last`."""
    lines, line = [], first
    for i, item in enumerate(items):
        piece = item + (", " if i + 1 < len(items) else last)
        if len(line) + len(piece.rstrip()) > width and line.strip() not in ("", first.strip()):
            lines.append(line.rstrip())
            line = " " * len(first)
        line += piece
    lines.append(line)
    return lines


def write_operation(model, name, out):
    o = model.operations[name]
    http = o["http"]
    errors = [e["shape"] for e in o.get("errors", [])]
    out.append("/// %s: its input, output, errors and HTTP binding, as the model has them." % name)
    out.append("struct %s {" % name)
    out.append("  using input = %s;" % o["input"]["shape"])
    out.append("  using output = %s;" % o["output"]["shape"])
    out += wrap(errors, "  using errors = boost::mp11::mp_list<", ">;")
    out.append('  static constexpr std::string_view name = "%s";' % name)
    out.append('  static constexpr std::string_view http_method = "%s";' % http["method"])
    out.append("  static constexpr std::string_view http_uri =")
    out.append('      "%s";' % http["requestUri"])
    out.append("  static constexpr int http_success_status = %d;" % http.get("responseCode", 200))
    out.append("};")


def generate(model_json):
    model = Model(model_json)
    names = order_shapes(model)
    for kind in ("long", "timestamp"):  # shape_info<T> of a plain C++ type: one shape per type
        if sum(model.kind(n) == kind for n in names) > 1:
            sys.exit("generate_shapes.py: more than one %s shape; they would share one C++ type" % kind)
    sections = [
        ("simple shapes", ("string", "integer", "long", "timestamp")),
        ("enums", ("enum",)),
        ("structures and lists", ("structure", "list")),
        ("errors", ("error",)),
    ]
    writers = {"string": write_string, "integer": write_number, "long": write_number,
               "timestamp": write_timestamp, "structure": write_structure, "list": write_list,
               "enum": write_enum, "error": write_structure}
    out = [HEADER % {"operations": ", ".join(OPERATIONS)}]
    # Boost.Regex is costly to parse: included only when a pattern needs it.
    regex = any(model.kind(n) == "string" and "pattern" in model.shapes[n] and needs_regex_matcher(model.shapes[n]["pattern"])
                for n in names)
    out.append(INCLUDES.lstrip("\n") % {
        "regex": "#include <bedrock_agent/engine/regex_pattern.hpp>\n" if regex else "",
        "hand_written": "".join("#include <%s>\n" % h for h in HAND_WRITTEN_INCLUDES)})
    # Errors go last; the structures only they use (ValidationExceptionField...) go with them.
    error_deps = set()
    for n in names:
        if model.kind(n) == "error":
            stack = list(model.dependencies(n))
            while stack:
                d = stack.pop()
                if d not in error_deps:
                    error_deps.add(d)
                    stack += model.dependencies(d)
    used_elsewhere = set()
    for n in names:
        if model.kind(n) != "error":
            used_elsewhere.update(model.dependencies(n))
    only_errors = {d for d in error_deps if d not in used_elsewhere and model.kind(d) in ("structure", "list")}
    for title, kinds in sections:
        if title == "errors":
            chosen = [n for n in names if n in only_errors or model.kind(n) == "error"]
        else:
            chosen = [n for n in names if model.kind(n) in kinds and n not in only_errors]
        out.append("// ---- %s %s\n" % (title, "-" * (86 - len(title))))
        for n in chosen:
            block = []
            writers[model.kind(n)](model, n, block)
            out.append("\n".join(block) + "\n")
    out.append("// ---- operations %s\n" % ("-" * 75))
    for op in OPERATIONS:
        block = []
        write_operation(model, op, block)
        out.append("\n".join(block) + "\n")
    out.append("/// Every operation above, in the generator's order.")
    out += wrap(OPERATIONS, "using operations = boost::mp11::mp_list<", ">;")
    out.append("")
    out.append("/// Every structure above (errors included), in the model's order: what a document can be.")
    structures = [n for n in names if model.kind(n) in ("structure", "error")]
    out += wrap(structures, "using structures = boost::mp11::mp_list<", ">;")
    out.append(FOOTER)
    return "\n".join(out)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=os.path.join(root, "codegen", "bedrock-agent-ingestion-jobs.model.json"))
    p.add_argument("--output", default=os.path.join(root, "include", "bedrock_agent", "model", "shapes.hpp"))
    args = p.parse_args()
    with open(args.model, encoding="utf-8") as f:
        text = generate(json.load(f))
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
