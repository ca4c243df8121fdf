// bedrock-agent-validate: checks recorded traffic of the ingestion-job API (JSON documents, NDJSON,
// HAR, boto3 dumps, botocore debug logs, vcrpy cassettes) against the API contract. See docs/validator.md.

#include "cli.hpp"
#include "output.hpp"
#include "runner.hpp"

#include <algorithm>
#include <set>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace bv = bedrock_agent::validator;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/** Reads `in` onto `out` until the end or until `out` holds `limit` bytes; `truncated` tells
 *  that more input follows (it stays unread). False on a read error. */
bool read_rest(std::FILE* in, std::string& out, std::size_t limit, bool& truncated) {
  char buf[1 << 16];
  truncated = false;
  for (;;) {
    const std::size_t room = limit > out.size() ? limit - out.size() : 0;
    if (room == 0) {
      const int c = std::fgetc(in);
      if (c == EOF) return !std::ferror(in);
      std::ungetc(c, in);
      truncated = true;
      return true;
    }
    const std::size_t want = room < sizeof buf ? room : sizeof buf;
    const std::size_t got = std::fread(buf, 1, want, in);
    out.append(buf, got);
    if (got < want) return !std::ferror(in);
  }
}

/** The first line holds one whole object and another object line follows: NDJSON. */
bool looks_like_ndjson(std::string_view head) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  const std::size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  // a JSON object's line: '{' then a member name or '}' (a Python dict printed on one line has
  // '{' then a quote of its own: --input python reads those)
  const auto json_object_line = [&](std::string_view line) {
    if (line.empty() || line.front() != '{') return false;
    const std::string_view inside = trim(line.substr(1));
    return !inside.empty() && (inside.front() == '"' || inside.front() == '}');
  };
  const std::string_view first = trim(head.substr(0, nl));
  if (first.size() < 2 || first.back() != '}' || !json_object_line(first)) return false;
  std::string_view rest = head.substr(nl + 1);
  while (!rest.empty()) {
    const std::size_t e = rest.find('\n');
    const std::string_view line = trim(rest.substr(0, e));
    if (!line.empty()) return json_object_line(line);
    if (e == std::string_view::npos) break;
    rest.remove_prefix(e + 1);
  }
  return false;
}

/** True when `text` is one JSON value (simdjson's DOM parser validates it all). */
bool is_json(std::string_view text) {
  static simdjson::dom::parser parser;
  simdjson::dom::element e;
  return parser.parse(text.data(), text.size()).get(e) == simdjson::SUCCESS;
}

/** A time in Python's str(datetime) form, "2025-12-19 04:44:44...", inside a JSON string:
 *  json.dumps(..., default=str), a re-serialization by Python. */
bool has_python_str_time(std::string_view text) {
  auto digits = [&](std::size_t at, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k)
      if (at + k >= text.size() || text[at + k] < '0' || text[at + k] > '9') return false;
    return true;
  };
  for (std::size_t q = text.find('"'); q != std::string_view::npos; q = text.find('"', q + 1)) {
    const std::size_t b = q + 1;
    if (digits(b, 4) && text.size() > b + 13 && text[b + 4] == '-' && digits(b + 5, 2) && text[b + 7] == '-' &&
        digits(b + 8, 2) && text[b + 10] == ' ' && digits(b + 11, 2) && text[b + 13] == ':')
      return true;
  }
  return false;
}

/** Which kind of input, in words (the notes on rules not checkable). */
const char* kind_name(bv::input_kind k) {
  switch (k) {
    case bv::input_kind::ndjson: return "NDJSON";
    case bv::input_kind::har: return "HAR";
    case bv::input_kind::boto3: return "a boto3 dump (json.dumps(..., default=str))";
    case bv::input_kind::python: return "a Python printout (print, repr, pprint)";
    case bv::input_kind::cli: return "AWS CLI output (--output json)";
    case bv::input_kind::botocore_log: return "a botocore debug log";
    case bv::input_kind::vcr: return "a vcrpy cassette";
    default: return "JSON documents";
  }
}

bv::fidelity fidelity_of(bv::input_kind k) {
  switch (k) {
    case bv::input_kind::boto3:
    case bv::input_kind::cli: return bv::fidelity::reserialized;
    case bv::input_kind::python: return bv::fidelity::parsed;
    default: return bv::fidelity::wire;
  }
}

struct app {
  bv::settings settings;
  std::set<bv::input_kind> noted_kinds;
  std::set<std::string_view> not_checkable;  // rule ids, over every kind of input read
  std::vector<bv::finding> collected;
  std::size_t printed_errors = 0, hidden_errors = 0;
  bool io_error = false;

  void on_finding(bv::finding&& f) {
    const bool is_error = f.what.level == bedrock_agent::severity::error;
    if (settings.quiet && !is_error) return;
    if (is_error && settings.max_errors && printed_errors >= settings.max_errors) {
      ++hidden_errors;
      return;
    }
    if (is_error) ++printed_errors;
    if (settings.format == bv::output_format::text) {
      const std::string line = bv::text_line(f) + "\n";
      std::fwrite(line.data(), 1, line.size(), stdout);
    } else {
      collected.push_back(std::move(f));
    }
  }

  /** The next file is of kind `k`: its rules not checkable are turned off, counted, and named
   *  once per kind (text report). */
  void enter_kind(bv::runner& r, bv::input_kind k) {
    const bv::fidelity f = fidelity_of(k);
    r.set_fidelity(f);
    if (!noted_kinds.insert(k).second) return;
    const std::vector<bedrock_agent::rule> rules = bv::rules_not_checkable(f);
    if (rules.empty()) return;
    std::string ids;
    for (bedrock_agent::rule x : rules) {
      not_checkable.insert(bedrock_agent::rule_id(x));
      if (!ids.empty()) ids += ", ";
      ids += bedrock_agent::rule_id(x);
    }
    if (settings.format != bv::output_format::text || settings.quiet) return;
    const std::string line = "note: " + std::string(kind_name(k)) + " is " + std::string(bv::to_string(f)) + ", not wire bytes: " +
                             std::to_string(rules.size()) + " rules not checkable: " + ids + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }

  void run_file(bv::runner& r, const std::string& name) {
    const bool is_stdin = name == "-";
    std::FILE* in = is_stdin ? stdin : std::fopen(name.c_str(), "rb");
    if (!in) {
      std::fprintf(stderr, "bedrock-agent-validate: cannot open %s: %s\n", name.c_str(), std::strerror(errno));
      io_error = true;
      return;
    }
    ++r.totals().files;
    r.begin_file();
    bv::input_kind kind = settings.input;
    if (kind == bv::input_kind::auto_detect && !is_stdin) {
      if (ends_with(name, ".har")) kind = bv::input_kind::har;
      else if (ends_with(name, ".ndjson") || ends_with(name, ".jsonl")) kind = bv::input_kind::ndjson;
    }
    // Sniff the first chunk when the kind is still open; keep it for the reader.
    std::string head;
    bool head_complete = false;
    if (kind == bv::input_kind::auto_detect) {
      bool cut = false;
      if (!read_rest(in, head, std::size_t{1} << 16, cut)) return fail_read(in, name, is_stdin);
      head_complete = !cut;
      if (bv::botocore_log_reader::looks_like(head)) kind = bv::input_kind::botocore_log;
      else if (bv::looks_like_vcr(head)) kind = bv::input_kind::vcr;
      else if (looks_like_ndjson(head)) kind = bv::input_kind::ndjson;
    }
    if (kind == bv::input_kind::botocore_log || kind == bv::input_kind::ndjson) {  // streamed line by line
      enter_kind(r, kind);
      bool read_error = false;
      const auto read = [&](char* into, std::size_t max) {
        const std::size_t got = std::fread(into, 1, max, in);
        if (got < max && std::ferror(in)) read_error = true;
        return got;
      };
      if (kind == bv::input_kind::botocore_log) {
        r.check_botocore_log(read, head, name);
      } else {
        r.check_ndjson(read, head, name);
      }
      if (read_error) return fail_read(in, name, is_stdin);
      close(in, is_stdin);
      return;
    }
    // A whole document: read it within the bound; one byte more lets the codec report
    // limit.input-size without reading a huge file to its end.
    const std::size_t limit = kind == bv::input_kind::har || kind == bv::input_kind::vcr
                                  ? std::max(settings.options.max_input_bytes, std::size_t{256} << 20)
                                  : settings.options.max_input_bytes;
    std::string text = std::move(head);
    bool cut = false;
    if (!head_complete && !read_rest(in, text, limit + 1, cut)) return fail_read(in, name, is_stdin);
    close(in, is_stdin);
    r.totals().bytes += text.size();
    const bool json = text.size() <= settings.options.max_input_bytes && is_json(text);
    if (kind == bv::input_kind::auto_detect) {
      if (bv::has_root_member(text, "log")) kind = bv::input_kind::har;
      else if (bv::has_root_member(text, "ResponseMetadata")) kind = bv::input_kind::boto3;
      else if (!json && bv::looks_like_python(text)) kind = bv::input_kind::python;
      else if (json && has_python_str_time(text)) kind = bv::input_kind::boto3;
      else kind = bv::input_kind::json;
    }
    enter_kind(r, kind);
    const bv::source where{name, 1, 0, std::nullopt, {}};
    if (kind == bv::input_kind::python) {
      r.check_python(text, where);
      return;
    }
    // Not JSON, but a known look-alike (a template, a printout, an HTTP dump...): one
    // input.unreadable finding that says what would read it, not json.syntax at 1:1.
    if (!json && text.size() <= settings.options.max_input_bytes && kind != bv::input_kind::har && kind != bv::input_kind::vcr &&
        r.check_unreadable(text, where, "JSON")) {
      return;
    }
    if (kind == bv::input_kind::vcr) {
      r.check_vcr(text, name);
    } else if (kind == bv::input_kind::har) {
      r.check_har(text, name);
    } else if (kind == bv::input_kind::boto3) {
      r.check_boto3(text, where);
    } else if (kind == bv::input_kind::cli) {
      r.check_cli(text, where);
    } else {
      r.check_document(text, where);
    }
  }

  void fail_read(std::FILE* in, const std::string& name, bool is_stdin) {
    std::fprintf(stderr, "bedrock-agent-validate: cannot read %s: %s\n", name.c_str(), std::strerror(errno));
    io_error = true;
    close(in, is_stdin);
  }
  static void close(std::FILE* in, bool is_stdin) {
    if (!is_stdin) std::fclose(in);
  }
};

}  // namespace

int main(int argc, char** argv) {
  app a;
  const bv::cli_result cli = bv::parse_command_line(argc, argv, a.settings);
  if (cli.exit_now) {
    std::fputs(cli.message.c_str(), stdout);
    return 0;
  }
  if (!cli.ok) {
    std::fprintf(stderr, "bedrock-agent-validate: %s\n%s", cli.message.c_str(), bv::usage_text);
    return 2;
  }
  bv::runner r(a.settings, [&](bv::finding&& f) { a.on_finding(std::move(f)); });
  std::vector<bv::document_record> documents;  // --format junit: one testcase each
  if (a.settings.format == bv::output_format::junit) {
    r.on_document([&](const bv::document_record& d) { documents.push_back(d); });
  }
  if (a.settings.progress && !a.settings.quiet && isatty(STDERR_FILENO)) r.enable_progress();
  if (a.settings.quiet) r.drop_warnings();  // on_finding would drop them: do not build them
  for (const std::string& file : a.settings.files) a.run_file(r, file);
  r.end_progress();

  r.totals().not_checkable = a.not_checkable.size();
  r.totals().not_checkable_rules.assign(a.not_checkable.begin(), a.not_checkable.end());
  const bv::summary& s = r.totals();
  if (a.settings.format == bv::output_format::json) {
    const std::string out = bv::json_report(a.collected, s);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else if (a.settings.format == bv::output_format::sarif) {
    const std::string out = bv::sarif_report(a.collected, s);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else if (a.settings.format == bv::output_format::junit) {
    const std::string out = bv::junit_report(documents, a.collected, s);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else if (!a.settings.quiet) {
    if (a.hidden_errors) std::printf("%zu more errors not shown (--max-errors %zu)\n", a.hidden_errors, a.settings.max_errors);
    std::printf("%s\n", bv::summary_line(s).c_str());
  }
  std::fflush(stdout);
  const bool failed = s.errors > 0 || (a.settings.warnings_as_errors && s.warnings > 0);
  // The runner may remember up to sequence_options::max_jobs jobs: freeing them node by node is
  // work the OS does at once when the process ends. std::exit does not destroy main's locals
  // (stdout is flushed above; exit closes the streams).
  std::exit(a.io_error ? 2 : failed ? 1 : 0);
}
