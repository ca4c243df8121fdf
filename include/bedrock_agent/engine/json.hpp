#ifndef BEDROCK_AGENT_JSON_HPP_INCLUDED
#define BEDROCK_AGENT_JSON_HPP_INCLUDED

// The JSON codec: one Describe-driven engine on simdjson On-Demand that parses, validates and
// serializes every shape. Strict by default (the contract profile); each leniency of the
// client profile is a named option.

#include <bedrock_agent/engine/detail/json_reader.hpp>
#include <bedrock_agent/engine/detail/json_writer.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/engine/shape.hpp>

#include <simdjson.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent {

/// An On-Demand parser and a padded copy buffer for reading many documents: both keep their
/// capacity, so reads in steady state do not allocate. The overloads that take a plain
/// string_view use this thread's (this_thread_scratch()).
struct json_scratch {
  simdjson::ondemand::parser parser;
  std::string buffer;
  /** `json` copied into `buffer` and padded, valid until the next pad(). Input over `limit`
   *  (max_input_bytes) is not copied: the reader rejects it by its size before it reads it. */
  simdjson::padded_string_view pad(std::string_view json, std::size_t limit = unbounded) {
    if (json.size() > limit) return simdjson::padded_string_view(json.data(), json.size(), json.size());
    const std::size_t need = json.size() + simdjson::SIMDJSON_PADDING;
    if (buffer.size() < need) buffer.resize(need);
    if (!json.empty()) std::memcpy(buffer.data(), json.data(), json.size());
    std::memset(buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buffer.data(), json.size(), buffer.size());
  }
};

/** The calling thread's json_scratch: the one every overload that takes a plain string_view
 *  (here and in http.hpp) reads with. A caller may use it too, between such calls: each read
 *  invalidates the documents and padded copies of the reads before it. */
inline json_scratch& this_thread_scratch() {
  thread_local json_scratch s;
  return s;
}

namespace detail {
using thread_scratch = json_scratch;
inline json_scratch& scratch() { return this_thread_scratch(); }

}  // namespace detail

// ---- parse: fail-fast ---------------------------------------------------------------------

namespace detail {
/** parse_into()'s read: `out` filled, the warnings and then the first error into `r`. */
template <class T>
void parse_into_result(simdjson::ondemand::parser& parser, simdjson::padded_string_view json, T& out,
                       const parse_options& options, result<void>& r) {
  auto& diags = result_access::diagnostics(r);
  read_context ctx(std::string_view(json.data(), json.length()), options, false, &diags);
  read_document(parser, json, out, ctx);
  const bool failed = ctx.failed && ctx.first_error;
  if (failed) diags.push_back(std::move(*ctx.first_error));
  result_access::set_counts(r, failed ? 1 : 0, ctx.findings.warnings(), ctx.findings.truncated());
}
}  // namespace detail

/** Parses `json` (already padded: no copy) into `out`, reusing its string and vector
 *  capacity. Fail-fast: the result is ok(), or holds the first error (after any warnings,
 *  where options make rules warnings); `out` then holds a valid but unspecified value (use
 *  parse() for all-or-nothing). */
template <class T>
[[nodiscard]] result<void> parse_into(simdjson::ondemand::parser& parser, simdjson::padded_string_view json, T& out,
                                      const parse_options& options = {}) {
  static_assert(is_described_struct_v<T>, "parse_into<T>: T must be a described shape structure");
  result<void> r;
  detail::parse_into_result(parser, json, out, options, r);
  return r;
}

/** As above, for input that is not padded: it is copied into a per-thread buffer. */
template <class T>
[[nodiscard]] result<void> parse_into(std::string_view json, T& out, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return parse_into(s.parser, s.pad(json, options.max_input_bytes), out, options);
}

/** Parses `json` (already padded: no copy) with the caller's parser. Fail-fast: the result
 *  holds the value, or the first error (after any warnings) and no value. */
template <class T>
result<T> parse(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                const parse_options& options = {}) {
  static_assert(is_described_struct_v<T>, "parse<T>: T must be a described shape structure");
  result<T> r;
  std::optional<T>& value = detail::result_access::value(r);
  detail::parse_into_result(parser, json, value.emplace(), options, r);
  if (!r.error_count()) return r;
  value.reset();
  return r;
}

/** Parses `json` as a T with the given options (the contract profile by default).
 *  Fail-fast: the result holds the value, or the first error (after any warnings) and no
 *  value. */
template <class T>
result<T> parse(std::string_view json, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return parse<T>(s.parser, s.pad(json, options.max_input_bytes), options);
}

// ---- validate: collect every diagnostic ------------------------------------------------------

namespace detail {
/** Reads `json` (positions count in `text`) into `out`, every finding into `report` (cleared
 *  first, capacity kept): what validate(), validate_into() and validate_ndjson() share.
 *  `discard`: the value is not kept, so strings are checked, not copied. */
template <class T>
void read_into_report(simdjson::ondemand::parser& parser, simdjson::padded_string_view json, std::string_view text,
                      T& out, result<void>& report, const parse_options& options, bool discard) {
  auto& diags = result_access::diagnostics(report);
  diags.clear();
  read_context ctx(text, options, true, &diags);
  ctx.discard = discard;
  read_document(parser, json, out, ctx);
  result_access::set_counts(report, ctx.findings.errors(), ctx.findings.warnings(), ctx.findings.truncated());
}
}  // namespace detail

/** Checks `json` (already padded: no copy) as a T in one pass and returns every diagnostic,
 *  up to options.max_diagnostics (then a limit.diagnostics note); ok() when none is an error.
 *  A fatal finding (JSON syntax, a resource bound) ends the pass. No value: strings are
 *  checked, not copied (validate_into() gives the value too). */
template <class T>
result<void> validate(simdjson::ondemand::parser& parser, simdjson::padded_string_view json,
                      const parse_options& options = {}) {
  static_assert(is_described_struct_v<T>, "validate<T>: T must be a described shape structure");
  result<void> report;
  T value{};
  detail::read_into_report(parser, json, std::string_view(json.data(), json.length()), value, report, options, true);
  return report;
}

/** As above, for input that is not padded: it is copied into a per-thread buffer. */
template <class T>
result<void> validate(std::string_view json, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return validate<T>(s.parser, s.pad(json, options.max_input_bytes), options);
}

/** Checks `json` (already padded: no copy) as a T, as validate() does, but into the caller's
 *  `report` and `out`, so that one parser, one report and one value serve many documents: the
 *  report is cleared first and keeps its capacity, the value's strings and lists keep theirs.
 *  Returns report.ok(). When it is true, `out` holds the document's value as parse_into()
 *  would (absent optional members reset); otherwise `out` is valid but unspecified. */
template <class T>
bool validate_into(simdjson::ondemand::parser& parser, simdjson::padded_string_view json, T& out,
                   result<void>& report, const parse_options& options = {}) {
  static_assert(is_described_struct_v<T>, "validate_into<T>: T must be a described shape structure");
  detail::read_into_report(parser, json, std::string_view(json.data(), json.length()), out, report, options, false);
  return report.ok();
}

/** As above, for input that is not padded: it is copied into this_thread_scratch()'s buffer
 *  and read with its parser (diagnostic offsets are the same: offsets into `json`). */
template <class T>
bool validate_into(std::string_view json, T& out, result<void>& report, const parse_options& options = {}) {
  auto& s = detail::scratch();
  return validate_into(s.parser, s.pad(json, options.max_input_bytes), out, report, options);
}

// ---- NDJSON: one JSON text per line ---------------------------------------------------------

/// Where an NDJSON input (or the part of it passed to one call) starts: the number of lines and
/// bytes before it, so that a stream validated in pieces reports whole-stream positions.
struct ndjson_position {
  std::size_t line = 0;    ///< lines before the input (its first line is line + 1)
  std::size_t offset = 0;  ///< bytes before the input
};

/// One document line of an NDJSON input, as validate_ndjson() and for_each_ndjson_line() hand
/// it to their callback.
struct ndjson_line {
  std::size_t number = 0;  ///< 1-based line number in the stream
  std::size_t offset = 0;  ///< byte offset of the line's first byte in the stream
  std::string_view text;   ///< the line without its terminator ("\n" or "\r\n")
  /// What validate() found in the line (null from for_each_ndjson_line). Diagnostic offsets,
  /// lines and columns are relative to the line: the stream offset is `offset + d.offset`, the
  /// stream line is `number`.
  const result<void>* report = nullptr;
  /// `text` in place, with the readable bytes after it (the next lines, then the input's
  /// padding) as its padding: to read the line with a parser without copying it. Its padding
  /// may be less than SIMDJSON_PADDING near the end of an input that is not padded; this
  /// library's readers then read a copy.
  simdjson::padded_string_view padded;
};

/// What validate_ndjson() or for_each_ndjson_line() saw.
struct ndjson_summary {
  std::size_t lines = 0;      ///< lines read, blank ones included
  std::size_t documents = 0;  ///< non-blank lines, each validated as one document
  std::size_t invalid = 0;    ///< documents with at least one error (validate_ndjson only)
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

/** Calls `f(line)` and tells whether to go on: false when `f` returns a bool and it is false. */
template <class F>
bool ndjson_call(F& f, const ndjson_line& line) {
  if constexpr (std::is_same<decltype(f(line)), bool>::value) {
    return f(line);
  } else {
    f(line);
    return true;
  }
}

/// validate_ndjson's check of one line: validate() into one value and one report reused for
/// every line.
template <class T, class F>
struct ndjson_validator {
  simdjson::ondemand::parser& parser;
  const parse_options& options;
  F& on_line;
  T value{};
  result<void> report{};
  std::size_t invalid = 0;

  bool operator()(ndjson_line line) {
    read_into_report(parser, line.padded, line.text, value, report, options, true);
    invalid += !report.ok();
    line.report = &report;
    return ndjson_call(on_line, line);
  }
};
}  // namespace detail

/** Splits `input` (its padding: the bytes readable after it) into NDJSON lines and calls
 *  `on_line(const ndjson_line&)` for each document line, in order; when it returns a bool,
 *  false stops the walk. Lines end at "\n"; a "\r" just before it, or at the very end of the
 *  input, is part of the terminator; the last line needs no terminator. A blank line (empty,
 *  or only spaces, tabs and "\r") is not a document: it is skipped and counted. Positions
 *  count from `start`. Returns the counts (`invalid` stays 0: nothing is validated here).
 *  This is validate_ndjson's walk, for a caller that reads each line itself. */
template <class F>
ndjson_summary for_each_ndjson_line(simdjson::padded_string_view input, F&& on_line, ndjson_position start = {}) {
  ndjson_summary sum;
  sum.end = start;
  const char* p = input.data();
  const char* const end = p + input.length();
  const char* const capacity_end = p + input.capacity();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* const next = nl ? nl + 1 : end;
    std::size_t len = static_cast<std::size_t>((nl ? nl : end) - p);
    if (len > 0 && p[len - 1] == '\r') --len;
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
    line.padded = simdjson::padded_string_view(p, len, static_cast<std::size_t>(capacity_end - p));
    p = next;
    if (!detail::ndjson_call(on_line, line)) {
      sum.stopped = true;
      break;
    }
  }
  return sum;
}

/** for_each_ndjson_line() over a stream read in chunks: `read(char* into, std::size_t max)`
 *  puts up to `max` bytes at `into` and returns how many (fewer than `max`: the stream ended).
 *  `prefix` holds bytes already taken from the stream (to sniff its format, say): they come
 *  first. Positions are the whole stream's. Each line is read in place from one buffer of
 *  `chunk` bytes plus padding, which grows only while a line is longer than half of it, so
 *  memory follows the longest line, not the stream. Returns the counts, as for the whole
 *  stream in one piece. */
template <class Read, class F>
ndjson_summary for_each_ndjson_line_in_stream(Read&& read, F&& on_line, std::string_view prefix = {},
                                              std::size_t chunk = std::size_t{1} << 18) {
  constexpr std::size_t padding = simdjson::SIMDJSON_PADDING;
  if (chunk == 0) chunk = 1;
  std::size_t cap = prefix.size() + chunk + padding;
  std::unique_ptr<char[]> buf(new char[cap]);  // [0, size) read, then `padding` zeroed bytes
  std::size_t size = prefix.size();
  if (!prefix.empty()) std::memcpy(buf.get(), prefix.data(), prefix.size());
  std::size_t clean = 0;  // [0, clean) is known to hold no '\n': a long line is searched once
  ndjson_summary sum;
  bool eof = false;
  while (!eof) {
    const std::size_t want = cap - padding - size;
    const std::size_t got = read(buf.get() + size, want);
    eof = got < want;
    size += got;
    std::memset(buf.get() + size, 0, padding);
    // The complete lines: up to the last '\n', or all of it at the end.
    std::size_t complete = size;
    if (!eof) {
      while (complete > clean && buf[complete - 1] != '\n') --complete;
      if (complete == clean) complete = 0;
    }
    if (complete > 0) {
      const ndjson_summary part =
          for_each_ndjson_line(simdjson::padded_string_view(buf.get(), complete, cap), on_line, sum.end);
      sum.lines += part.lines;
      sum.documents += part.documents;
      sum.blank += part.blank;
      sum.end = part.end;
      if (part.stopped) {
        sum.stopped = true;
        break;
      }
      size -= complete;
      if (size) std::memmove(buf.get(), buf.get() + complete, size);
    }
    clean = size;
    // Grow only when the unfinished line leaves less than half a chunk of room.
    if (!eof && cap - padding - size < chunk / 2 + 1) {
      const std::size_t grown_cap = 2 * cap + chunk;
      std::unique_ptr<char[]> grown(new char[grown_cap]);
      std::memcpy(grown.get(), buf.get(), size);
      buf = std::move(grown);
      cap = grown_cap;
    }
  }
  return sum;
}

/** Validates `input` (already padded: no copy) as NDJSON: each line is one JSON text, checked
 *  as a T exactly as validate() checks a document, with the same options (max_input_bytes
 *  bounds each line). Lines are those of for_each_ndjson_line(): "\n" or "\r\n" ends one, the
 *  last needs no terminator, a blank line is skipped and counted. Two values on one line are
 *  json.trailing-content; a value cut across lines makes both lines invalid; a line's errors
 *  never affect another. Calls `on_line(const ndjson_line&)` for each document line, in order;
 *  when it returns a bool, false stops the walk. Returns the counts. One value and one report
 *  are reused for every line: in steady state a line allocates only for lists longer than any
 *  before it, for strings with escapes or that break a rule (the others are checked in place,
 *  not copied), and for its diagnostics. */
template <class T, class F>
ndjson_summary validate_ndjson(simdjson::ondemand::parser& parser, simdjson::padded_string_view input,
                               const parse_options& options, F&& on_line, ndjson_position start = {}) {
  static_assert(is_described_struct_v<T>, "validate_ndjson<T>: T must be a described shape structure");
  detail::ndjson_validator<T, F> check{parser, options, on_line};
  ndjson_summary sum = for_each_ndjson_line(input, check, start);
  sum.invalid = check.invalid;
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

/** As above, for a stream read in chunks as for_each_ndjson_line_in_stream() reads it: memory
 *  follows the longest line, not the stream; positions are the whole stream's. */
template <class T, class Read, class F>
ndjson_summary validate_ndjson_stream(simdjson::ondemand::parser& parser, Read&& read, const parse_options& options,
                                      F&& on_line, std::string_view prefix = {},
                                      std::size_t chunk = std::size_t{1} << 18) {
  static_assert(is_described_struct_v<T>, "validate_ndjson_stream<T>: T must be a described shape structure");
  detail::ndjson_validator<T, F> check{parser, options, on_line};
  ndjson_summary sum = for_each_ndjson_line_in_stream(std::forward<Read>(read), check, prefix, chunk);
  sum.invalid = check.invalid;
  return sum;
}

// ---- serialize ---------------------------------------------------------------------------

/** Appends the compact JSON of `value` to `out`, members in model order, absent optional
 *  members left out. The value is written as it is: check it with check_value() first when it
 *  may break the model's constraints. */
template <class T>
void append_json(std::string& out, const T& value) {
  detail::write_value(out, value);
}

/** append_json_string(std::string& out, std::string_view s): appends `s` to `out` as a JSON
 *  string, quotes included: '"', '\\' and U+0000..U+001F are escaped (the common ones in
 *  their short form), every other byte is written as it is. */
using detail::append_json_string;  // one function: ADL from the engine's calls finds the same

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
result<void> check_value(const T& value, const parse_options& options = {}) {
  result<void> report;
  auto& diags = detail::result_access::diagnostics(report);
  detail::read_context ctx(std::string_view(), options, true, &diags);
  detail::check_value(value, ctx, nullptr);
  ctx.finish();
  detail::result_access::set_counts(report, ctx.findings.errors(), ctx.findings.warnings(), ctx.findings.truncated());
  return report;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_JSON_HPP_INCLUDED
