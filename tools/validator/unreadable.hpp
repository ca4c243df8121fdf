#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_UNREADABLE_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_UNREADABLE_HPP_INCLUDED

// The validator's own rules, and a clear word for a file it cannot read: instead of
// json.syntax at 1:1, one input.unreadable finding that names what the file looks like (a
// documentation template, a Python printout given as JSON, an HTTP message, a Markdown code
// block, a comment-prefixed paste) and which --input or step would read it.

#include "python_literal.hpp"

#include <bedrock_agent/engine/diagnostics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bedrock_agent::validator {

namespace validator_rule_data {
inline constexpr rule_description input_unreadable{"input.unreadable", rule_source::json_syntax, true, severity::error,
    "the file is not a recording this input reads (a template, a printout given as JSON, an HTTP dump, a Markdown block)"};
inline constexpr rule_description input_local_time{"input.local-time", rule_source::protocol, false, severity::warning,
    "a printed datetime in the printing host's zone (tzlocal() or none): its offset is unknown, read as UTC"};
}  // namespace validator_rule_data

namespace validator_rules {
inline constexpr rule input_unreadable{validator_rule_data::input_unreadable};  ///< input.unreadable: not a recording this input reads
inline constexpr rule input_local_time{validator_rule_data::input_local_time};  ///< input.local-time: a datetime in an unknown zone
}  // namespace validator_rules

/// Listed after every library rule (the library's modules use 100 to 500), so that no older
/// rule's index (SARIF ruleIndex) moves.
inline const bool validator_rules_registered = register_rules(600, {validator_rules::input_unreadable, validator_rules::input_local_time});

/// What an unreadable file looks like, and where.
struct unreadable_kind {
  std::size_t offset = 0;  ///< the byte that gave it away
  std::string looks_like;  ///< "an HTTP message dump (status line HTTP/1.1 202)"
  std::string remedy;      ///< "save the body alone, or record the exchange as HAR (--input har)"
  bool python = false;     ///< a Python printout: --input python reads it
};

namespace unreadable_scan {
inline std::size_t first_non_space(std::string_view t, std::size_t from = 0) {
  while (from < t.size() && (t[from] == ' ' || t[from] == '\t' || t[from] == '\r' || t[from] == '\n')) ++from;
  return from;
}
/** The first line (from a line start) whose first non-blank characters are `prefix`. */
inline std::optional<std::size_t> line_starting_with(std::string_view t, std::string_view prefix) {
  std::size_t p = 0;
  while (p <= t.size()) {
    const std::size_t b = [&] {
      std::size_t k = p;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
      return k;
    }();
    if (t.substr(b, prefix.size()) == prefix) return b;
    const std::size_t e = t.find('\n', p);
    if (e == std::string_view::npos) break;
    p = e + 1;
  }
  return std::nullopt;
}
inline bool every_line_commented(std::string_view t) {
  bool any = false;
  std::size_t p = 0;
  while (p < t.size()) {
    std::size_t e = t.find('\n', p);
    if (e == std::string_view::npos) e = t.size();
    const std::size_t b = first_non_space(t.substr(0, e), p);
    if (b < e) {
      if (t[b] != '#' && !(t[b] == '/' && b + 1 < e && t[b + 1] == '/') && t[b] != '*') return false;
      any = true;
    }
    p = e + 1;
  }
  return any;
}
}  // namespace unreadable_scan

/** What `text` looks like when it is none of the inputs, or nothing when it is not one of the
 *  known look-alikes (the reader's own diagnostics then say what is wrong). `python_readable`:
 *  the text would be read by --input python (say so instead of calling it unreadable). */
inline std::optional<unreadable_kind> classify_unreadable(std::string_view text) {
  using namespace unreadable_scan;
  const std::size_t start = first_non_space(text);
  if (start >= text.size()) return std::nullopt;
  const std::string_view head = text.substr(start);
  // Documentation templates: AWS API Reference ("string", bare number), boto3 docs ('string',
  // 123, 'A'|'B' unions, datetime(2015, 1, 1)), AWS SDK for JavaScript (STRING_VALUE, Number("long")).
  struct marker {
    std::string_view text, shown;
  };
  static constexpr marker markers[] = {
      {"Number(\"long\")", "Number(\"long\")"}, {"\"STRING_VALUE\"", "\"STRING_VALUE\""},
      {"'STARTING'|'IN_PROGRESS'", "'STARTING'|'IN_PROGRESS'|..."}, {"\"STARTING\" || ", "\"STARTING\" || ..."},
      {": number", "a bare number"}, {"': 'string'", "'string'"}, {"\": \"string\"", "\"string\""},
      {"datetime(2015, 1, 1)", "datetime(2015, 1, 1)"}};
  std::size_t first = std::string_view::npos;
  std::string_view found;
  for (const marker& m : markers) {
    const std::size_t at = text.find(m.text);
    if (at < first) {
      first = at;
      found = m.shown;
    }
  }
  if (first != std::string_view::npos) {
    return unreadable_kind{first, std::string(head.substr(0, 5) == "HTTP/" ? "an HTTP message of " : "") +
                                      "a documentation template (\"Response Syntax\": placeholders such as " +
                                      std::string(found) + ")",
                           "it describes the shape and holds no recorded values: validate a real response"};
  }
  if (head.substr(0, 19) == "An error occurred (") {  // str(ClientError), as the CLI prints it
    return unreadable_kind{start, "the text of a botocore ClientError (\"An error occurred (...) when calling ...\")",
                           "it holds the error code and message only: save e.response with json.dumps(e.response, "
                           "default=str) (--input boto3), or the body that aws --debug logs"};
  }
  if (head.substr(0, 5) == "HTTP/") {
    const std::size_t e = head.find_first_of("\r\n");
    return unreadable_kind{start, "an HTTP message dump (status line " + excerpt(head.substr(0, e)) + ")",
                           "save the body after the blank line alone as JSON, or record the exchange as HAR (--input har)"};
  }
  if (auto at = line_starting_with(text, "```")) {
    return unreadable_kind{*at, "a Markdown code block (``` fences)",
                           "remove the ``` lines and save what is between them"};
  }
  if (every_line_commented(text)) {
    const std::size_t at = start;
    if (looks_like_python(text)) {
      return unreadable_kind{at, "a Python printout with every line commented out ('# ')",
                             "read it with --input python (it skips the '# ' of each line)", true};
    }
    return unreadable_kind{at, "a comment-prefixed paste (every line starts with '#', '//' or '*')",
                           "remove the prefix of each line (e.g. sed 's/^# \\{0,1\\}//') and read the JSON"};
  }
  if (looks_like_python(text)) {
    return unreadable_kind{start, "a Python printout (print, repr or pprint of a boto3 result), not JSON",
                           "read it with --input python", true};
  }
  return std::nullopt;
}

/** The input.unreadable finding for `k` in `text`. */
inline diagnostic unreadable_finding(const unreadable_kind& k, std::string_view text, std::string_view as_input) {
  diagnostic d;
  d.id = validator_rules::input_unreadable;
  d.level = severity::error;
  d.offset = k.offset;
  const auto [line, column] = line_column(text, k.offset);
  d.line = line;
  d.column = column;
  d.expected = std::string(as_input);
  d.found = k.looks_like;
  d.message = "not " + std::string(as_input) + ": this looks like " + k.looks_like + "; " + k.remedy;
  return d;
}

/** The input.local-time warning for the datetimes of `t` in the host's zone (at least one),
 *  placed at the first of them in the printout `text`. */
inline diagnostic local_time_finding(const python_translation& t, std::string_view text) {
  diagnostic d;
  d.id = validator_rules::input_local_time;
  d.level = severity::warning;
  d.offset = t.local_times.front();
  const auto [line, column] = line_column(text, d.offset);
  d.line = line;
  d.column = column;
  const std::string n = std::to_string(t.local_times.size());
  d.expected = "tzinfo=tzutc() or tzoffset(NAME, SECONDS)";
  d.found = n + " datetime(s) with tzlocal() or no tzinfo";
  d.message = n + " datetime(s) in the printing host's zone (tzlocal() or no tzinfo): the offset is not in the "
                  "printout, so they are read as UTC. Not a wire-format finding: dateutil gives tzlocal() for a "
                  "'Z' on a host whose zone is UTC";
  return d;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_UNREADABLE_HPP_INCLUDED
