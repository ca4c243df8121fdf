#ifndef BEDROCK_AGENT_JSON_HPP_INCLUDED
#define BEDROCK_AGENT_JSON_HPP_INCLUDED

// The JSON codec: one Describe-driven engine on simdjson On-Demand that parses, validates and
// serializes every shape. Strict by default (the contract profile); each leniency of the
// client profile is a named option.

#include <bedrock_agent/detail/json_reader.hpp>
#include <bedrock_agent/detail/json_writer.hpp>
#include <bedrock_agent/diagnostics.hpp>
#include <bedrock_agent/options.hpp>
#include <bedrock_agent/result.hpp>
#include <bedrock_agent/shapes.hpp>

#include <simdjson.h>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent {

namespace detail {
template <class U>
class parse_result_access;
}  // namespace detail

/// The outcome of a fail-fast parse: a value, or the first error. Warnings (client profile)
/// are kept beside either. ok(), operator bool, value() and operator-> are basic_result's.
template <class T>
class parse_result : public basic_result<T> {
 public:
  /** The first error; precondition !ok(). */
  const diagnostic& error() const noexcept { return error_; }
  /** Warning-level diagnostics (only where options make rules warnings). */
  const std::vector<diagnostic>& warnings() const noexcept { return warnings_; }

 private:
  template <class U>
  friend class detail::parse_result_access;
  diagnostic error_;
  std::vector<diagnostic> warnings_;
};

/// Everything validate() found, in the order the walk met it (a missing member when its
/// object ends), up to max_diagnostics.
struct validation_report {
  std::vector<diagnostic> diagnostics;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool truncated = false;  ///< max_diagnostics was reached; the last entry says so

  /** True when nothing at error level was found. */
  bool valid() const noexcept { return errors == 0; }
};

namespace detail {
template <class U>
class parse_result_access {
 public:
  static std::optional<U>& value(parse_result<U>& r) { return basic_result_access::value(r); }
  static diagnostic& error(parse_result<U>& r) { return r.error_; }
  static std::vector<diagnostic>& warnings(parse_result<U>& r) { return r.warnings_; }
};

/// One On-Demand parser and a padded copy buffer per thread, for the overloads that take a
/// plain string_view; both keep their capacity, so steady-state parses do not allocate.
struct thread_scratch {
  simdjson::ondemand::parser parser;
  std::string buffer;
  /** `json` copied and padded. Input over `limit` (max_input_bytes) is not copied: the
   *  reader rejects it by its size before anything reads it. */
  simdjson::padded_string_view pad(std::string_view json, std::size_t limit) {
    if (json.size() > limit) return simdjson::padded_string_view(json.data(), json.size(), json.size());
    const std::size_t need = json.size() + simdjson::SIMDJSON_PADDING;
    if (buffer.size() < need) buffer.resize(need);
    if (!json.empty()) std::memcpy(buffer.data(), json.data(), json.size());
    std::memset(buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buffer.data(), json.size(), buffer.size());
  }
};
inline thread_scratch& scratch() {
  thread_local thread_scratch s;
  return s;
}
}  // namespace detail

// ---- parse: fail-fast ---------------------------------------------------------------------

/** Parses `json` (already padded: no copy) into `out`, reusing its string and vector
 *  capacity. Returns nullopt on success, else the first error; `out` then holds a valid but
 *  unspecified value (use parse() for all-or-nothing). Warning-level findings go to
 *  `*warnings` when it is not null. */
template <class T>
std::optional<diagnostic> parse_into(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                                     T& out, const parse_options& options = {},
                                     std::vector<diagnostic>* warnings = nullptr) {
  static_assert(is_described_struct_v<T>, "parse_into<T>: T must be a described shape structure");
  detail::read_context ctx(std::string_view(json.data(), json.length()), options, false, warnings);
  detail::read_document(parser, json, out, ctx);
  if (ctx.failed) return std::move(ctx.first_error);
  return std::nullopt;
}

/** As above, for input that is not padded: it is copied into a per-thread buffer. */
template <class T>
std::optional<diagnostic> parse_into(std::string_view json, T& out, const parse_options& options = {},
                                     std::vector<diagnostic>* warnings = nullptr) {
  auto& s = detail::scratch();
  return parse_into(s.parser, s.pad(json, options.max_input_bytes), out, options, warnings);
}

/** Parses `json` (already padded: no copy) with the caller's parser. Fail-fast: the result
 *  holds the value, or the first error and no value. */
template <class T>
parse_result<T> parse(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                      const parse_options& options = {}) {
  parse_result<T> r;
  T value{};
  auto& warnings = detail::parse_result_access<T>::warnings(r);
  if (auto err = parse_into(parser, json, value, options, &warnings)) {
    detail::parse_result_access<T>::error(r) = std::move(*err);
  } else {
    detail::parse_result_access<T>::value(r).emplace(std::move(value));
  }
  return r;
}

/** Parses `json` as a T with the given options (the contract profile by default).
 *  Fail-fast: the result holds the value, or the first error and no value. */
template <class T>
parse_result<T> parse(std::string_view json, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return parse<T>(s.parser, s.pad(json, options.max_input_bytes), options);
}

// ---- validate: collect every diagnostic ------------------------------------------------------

/** Checks `json` (already padded: no copy) as a T in one pass and returns every diagnostic,
 *  up to options.max_diagnostics (then a limit.diagnostics note). A fatal finding (JSON syntax,
 *  a resource bound) ends the pass. */
template <class T>
validation_report validate(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                           const parse_options& options = {}) {
  static_assert(is_described_struct_v<T>, "validate<T>: T must be a described shape structure");
  validation_report report;
  detail::read_context ctx(std::string_view(json.data(), json.length()), options, true, &report.diagnostics);
  ctx.discard = true;  // the value is thrown away: strings are checked, not copied
  T value{};
  detail::read_document(parser, json, value, ctx);
  report.errors = ctx.error_count;
  report.warnings = ctx.warning_count;
  report.truncated = ctx.truncated;
  return report;
}

/** As above, for input that is not padded: it is copied into a per-thread buffer. */
template <class T>
validation_report validate(std::string_view json, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return validate<T>(s.parser, s.pad(json, options.max_input_bytes), options);
}

// ---- NDJSON: one JSON text per line ---------------------------------------------------------

/// Where an NDJSON input (or the part of it passed to one call) starts: the number of lines and
/// bytes before it, so that a stream validated in pieces reports whole-stream positions.
struct ndjson_position {
  std::size_t line = 0;    ///< lines before the input (its first line is line + 1)
  std::size_t offset = 0;  ///< bytes before the input
};

/// One document line of an NDJSON input, as validate_ndjson() hands it to its callback.
struct ndjson_line {
  std::size_t number = 0;  ///< 1-based line number in the stream
  std::size_t offset = 0;  ///< byte offset of the line's first byte in the stream
  std::string_view text;   ///< the line without its terminator ("\n" or "\r\n")
  /// What validate() found in the line. Diagnostic offsets, lines and columns are relative to
  /// the line: the stream offset is `offset + d.offset`, the stream line is `number`.
  const validation_report* report = nullptr;
};

/// What validate_ndjson() saw.
struct ndjson_summary {
  std::size_t lines = 0;      ///< lines read, blank ones included
  std::size_t documents = 0;  ///< non-blank lines, each validated as one document
  std::size_t invalid = 0;    ///< documents with at least one error
  std::size_t blank = 0;      ///< empty or whitespace-only lines, skipped
  ndjson_position end;        ///< the position after the last line read (pass it on to go on)
  bool stopped = false;       ///< the callback returned false
};

namespace detail {
/** Is `s` empty or only RFC 8259 whitespace? */
inline bool ndjson_blank(std::string_view s) noexcept {
  for (const char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}
}  // namespace detail

/** Validates `input` (already padded: no copy) as NDJSON: each line is one JSON text, checked
 *  as a T exactly as validate() checks a document, with the same options (max_input_bytes
 *  bounds each line). Lines end at "\n"; a "\r" just before it is part of the terminator; the
 *  last line needs no terminator. A blank line (empty, or only spaces, tabs and "\r") is not
 *  a document: it is skipped and counted. Two values on one line are json.trailing-content;
 *  a value cut across lines makes both lines invalid; a line's errors never affect another.
 *  Calls `on_line(const ndjson_line&)` for each document line, in order; when it returns a
 *  bool, false stops the walk. Returns the counts. One value and one report are reused for
 *  every line: in steady state a line allocates only for lists longer than any before it,
 *  for strings with escapes or that break a rule (the others are checked in place, not
 *  copied), and for its diagnostics. */
template <class T, class F>
ndjson_summary validate_ndjson(simdjson::ondemand::parser& parser, simdjson::padded_string_view input,
                               const parse_options& options, F&& on_line, ndjson_position start = {}) {
  static_assert(is_described_struct_v<T>, "validate_ndjson<T>: T must be a described shape structure");
  ndjson_summary sum;
  sum.end = start;
  const char* p = input.data();
  const char* const end = p + input.length();
  // Each line is read in place: the bytes after it (the next lines, then the input's padding)
  // are readable, which is all SIMDJSON_PADDING asks for.
  const char* const capacity_end = p + input.capacity();
  T value{};
  validation_report report;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const next = nl ? nl + 1 : end;
    std::size_t len = static_cast<std::size_t>((nl ? nl : end) - p);
    if (nl && len > 0 && p[len - 1] == '\r') --len;
    ndjson_line line;
    line.number = ++sum.end.line;
    line.offset = sum.end.offset;
    line.text = std::string_view(p, len);
    sum.end.offset += static_cast<std::size_t>(next - p);
    ++sum.lines;
    if (detail::ndjson_blank(line.text)) {
      ++sum.blank;
      p = next;
      continue;
    }
    ++sum.documents;
    report.diagnostics.clear();
    detail::read_context ctx(line.text, options, true, &report.diagnostics);
    ctx.discard = true;
    detail::read_document(parser, simdjson::padded_string_view(p, len, static_cast<std::size_t>(capacity_end - p)),
                          value, ctx);
    report.errors = ctx.error_count;
    report.warnings = ctx.warning_count;
    report.truncated = ctx.truncated;
    sum.invalid += !report.valid();
    line.report = &report;
    p = next;
    if constexpr (std::is_same<decltype(on_line(line)), bool>::value) {
      if (!on_line(line)) {
        sum.stopped = true;
        break;
      }
    } else {
      on_line(line);
    }
  }
  return sum;
}

/** As above, for input that is not padded, with a per-thread parser. Nothing is copied but the
 *  lines that end less than SIMDJSON_PADDING bytes before the end of `input` (each is read from
 *  a padded copy, as validate(std::string_view) does). */
template <class T, class F>
ndjson_summary validate_ndjson(std::string_view input, const parse_options& options, F&& on_line,
                               ndjson_position start = {}) {
  return validate_ndjson<T>(detail::scratch().parser, simdjson::padded_string_view(input.data(), input.size(), input.size()),
                            options, std::forward<F>(on_line), start);
}

// ---- serialize ---------------------------------------------------------------------------

/** Appends the compact JSON of `value` to `out`, members in model order, absent optional
 *  members left out. The value is written as it is: check it with check_value() first when it
 *  may break the model's constraints. */
template <class T>
void append_json(std::string& out, const T& value) {
  detail::write_value(out, value);
}

/** The compact JSON of `value` (see append_json). */
template <class T>
std::string to_json(const T& value) {
  std::string out;
  detail::write_value(out, value);
  return out;
}

// ---- checking values built in code ---------------------------------------------------------

/** Checks a value built in code against the model (constraints, UTF-8 of strings, counters).
 *  Diagnostics carry JSON Pointers; offsets and line:column are 0 (there is no text). */
template <class T>
validation_report check_value(const T& value, const parse_options& options = {}) {
  validation_report report;
  detail::read_context ctx(std::string_view(), options, true, &report.diagnostics);
  detail::check_value(value, ctx, nullptr);
  ctx.finish();
  report.errors = ctx.error_count;
  report.warnings = ctx.warning_count;
  report.truncated = ctx.truncated;
  return report;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_JSON_HPP_INCLUDED
