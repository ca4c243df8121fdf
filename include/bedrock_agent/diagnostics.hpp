#ifndef BEDROCK_AGENT_DIAGNOSTICS_HPP_INCLUDED
#define BEDROCK_AGENT_DIAGNOSTICS_HPP_INCLUDED

// Rules and diagnostics. Every check this library makes has a rule with a stable id (what
// users filter on), a source (why the rule exists), and a default severity. A diagnostic says
// which rule broke, where (JSON Pointer, byte offset, line:column) and why.

#include <bedrock_agent/detail/utf8.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace bedrock_agent {

enum class severity : std::uint8_t { warning, error };

/// Every rule, grouped by source. The ids (rule_info().id) are stable: never renamed.
enum class rule : std::uint8_t {
  // JSON syntax (RFC 8259, RFC 3629)
  json_syntax,                ///< json.syntax: not well-formed JSON
  json_invalid_utf8,          ///< json.utf8: bytes that are not UTF-8
  json_invalid_escape,        ///< json.escape: a backslash escape RFC 8259 does not define
  json_unpaired_surrogate,    ///< json.surrogate: a \u escape of an unpaired UTF-16 surrogate
  json_control_character,     ///< json.control-character: an unescaped U+0000..U+001F in a string
  json_invalid_number,        ///< json.number: a number RFC 8259's grammar rejects
  json_invalid_literal,       ///< json.literal: a bare word other than true, false, null
  json_trailing_content,      ///< json.trailing-content: anything but whitespace after the root value
  json_root_not_object,       ///< json.root-not-object: the document is not a JSON object
  json_duplicate_member,      ///< json.duplicate-member: a member name twice in one object
  // resource bounds (configurable)
  limit_input_size,           ///< limit.input-size: the input is larger than max_input_bytes
  limit_depth,                ///< limit.depth: nesting deeper than max_depth
  limit_diagnostics,          ///< limit.diagnostics: more diagnostics than max_diagnostics; the rest are not reported
  // the model's shapes
  shape_missing_member,       ///< shape.missing-member: a required member is absent
  shape_unknown_member,       ///< shape.unknown-member: a member the shape does not have
  shape_wrong_type,           ///< shape.wrong-type: a value of the wrong JSON type
  shape_null,                 ///< shape.null: null where the shape has no null
  long_not_integer,           ///< long.not-integer: a PrimitiveLong written with a fraction or an exponent
  long_out_of_range,          ///< long.out-of-range: a PrimitiveLong outside signed 64 bits
  constraint_length,          ///< constraint.length: a string outside its length, in code points
  constraint_pattern,         ///< constraint.pattern: a string that does not match its pattern
  constraint_list_length,     ///< constraint.list-length: a list outside its item count
  constraint_enum,            ///< constraint.enum: a string not among the enum's values
  time_invalid,               ///< time.invalid: a timestamp that is not an RFC 3339 date-time in 0001..9999
  // semantics the model's documentation implies
  semantic_negative_counter,  ///< semantic.negative-counter: a document counter below zero
  // the restJson1 protocol: HTTP binding
  http_method,                ///< http.method: not the operation's HTTP method
  http_path_literal,          ///< http.path-literal: a literal path segment differs from the URI template
  http_path_missing_segment,  ///< http.path-missing-segment: the path ends before the template does
  http_path_extra_segment,    ///< http.path-extra-segment: the path goes on after the template ends
  http_path_empty_label,      ///< http.path-empty-label: a label segment is empty
  http_percent_encoding,      ///< http.percent-encoding: a '%' not followed by two hex digits, or an unencoded reserved character
  http_encoded_slash,         ///< http.encoded-slash: an encoded '/' (%2F) inside a label
  // the restJson1 protocol: errors
  error_unknown_type,         ///< error.unknown-type: an error type the operation does not declare
  error_missing_type,         ///< error.missing-type: an error status with no error type anywhere
  error_status_mismatch,      ///< error.status-mismatch: the HTTP status disagrees with the error type
  error_success_status,       ///< error.success-status: a 2xx status other than the operation's
  error_type_disagreement,    ///< error.type-disagreement: header and body name different error types
  // ingestion job status invariants: one response
  status_time_order,          ///< status.time-order: startedAt is after updatedAt
  status_stop_state,          ///< status.stop-state: a StopIngestionJob response not in STOPPING or STOPPED
  status_reasons_without_failure,  ///< status.reasons-without-failure: failureReasons present but status is not FAILED
  status_failure_without_reasons,  ///< status.failure-without-reasons: status FAILED with no failureReasons
  // one exchange (request and response)
  exchange_id_mismatch,       ///< exchange.id-mismatch: the response's ids differ from the request path's
  exchange_status_shape,      ///< exchange.status-shape: the HTTP status disagrees with the body's shape
  // a sequence of observations of one job
  sequence_transition,        ///< sequence.transition: a status change the lifecycle does not allow
  sequence_started_at_changed,     ///< sequence.started-at-changed: startedAt differs between observations
  sequence_updated_at_decreased,   ///< sequence.updated-at-decreased: updatedAt went back
  sequence_scanned_decreased,      ///< sequence.scanned-decreased: numberOfDocumentsScanned went down
};

/// How many rules there are.
inline constexpr std::size_t rule_count = static_cast<std::size_t>(rule::sequence_scanned_decreased) + 1;

/// Why a rule exists.
enum class rule_source : std::uint8_t { json_syntax, resource_bound, model, semantic, protocol };

struct rule_description {
  std::string_view id;       ///< stable id, e.g. "constraint.length"
  rule_source source;
  bool fatal;                ///< parsing cannot go on after it
  severity level;            ///< default severity (options may lower constraints to warnings)
  std::string_view summary;  ///< one line
};

/** The id, source and summary of `r`. */
constexpr rule_description rule_info(rule r) noexcept {
  using s = rule_source;
  constexpr std::array<rule_description, rule_count> table{{
      {"json.syntax", s::json_syntax, true, severity::error, "not well-formed JSON"},
      {"json.utf8", s::json_syntax, true, severity::error, "bytes that are not UTF-8"},
      {"json.escape", s::json_syntax, true, severity::error, "a backslash escape RFC 8259 does not define"},
      {"json.surrogate", s::json_syntax, true, severity::error, "a \\u escape of an unpaired UTF-16 surrogate"},
      {"json.control-character", s::json_syntax, true, severity::error, "an unescaped control character in a string"},
      {"json.number", s::json_syntax, true, severity::error, "a number RFC 8259's grammar rejects"},
      {"json.literal", s::json_syntax, true, severity::error, "a bare word other than true, false or null"},
      {"json.trailing-content", s::json_syntax, true, severity::error, "content after the root value"},
      {"json.root-not-object", s::json_syntax, true, severity::error, "the document is not a JSON object"},
      {"json.duplicate-member", s::json_syntax, false, severity::error, "a member name twice in one object"},
      {"limit.input-size", s::resource_bound, true, severity::error, "the input is larger than max_input_bytes"},
      {"limit.depth", s::resource_bound, true, severity::error, "nesting deeper than max_depth"},
      {"limit.diagnostics", s::resource_bound, false, severity::warning, "more diagnostics than max_diagnostics"},
      {"shape.missing-member", s::model, false, severity::error, "a required member is absent"},
      {"shape.unknown-member", s::model, false, severity::error, "a member the shape does not have"},
      {"shape.wrong-type", s::model, false, severity::error, "a value of the wrong JSON type"},
      {"shape.null", s::model, false, severity::error, "null where the shape has no null"},
      {"long.not-integer", s::model, false, severity::error, "a PrimitiveLong with a fraction or an exponent"},
      {"long.out-of-range", s::model, false, severity::error, "a PrimitiveLong outside signed 64 bits"},
      {"constraint.length", s::model, false, severity::error, "a string outside its length in code points"},
      {"constraint.pattern", s::model, false, severity::error, "a string that does not match its pattern"},
      {"constraint.list-length", s::model, false, severity::error, "a list outside its item count"},
      {"constraint.enum", s::model, false, severity::error, "a string not among the enum's values"},
      {"time.invalid", s::model, false, severity::error, "a timestamp that is not an RFC 3339 date-time in 0001..9999"},
      {"semantic.negative-counter", s::semantic, false, severity::error, "a document counter below zero"},
      {"http.method", s::protocol, false, severity::error, "not the operation's HTTP method"},
      {"http.path-literal", s::protocol, true, severity::error, "a literal path segment differs from the URI template"},
      {"http.path-missing-segment", s::protocol, true, severity::error, "the path ends before the URI template does"},
      {"http.path-extra-segment", s::protocol, true, severity::error, "the path goes on after the URI template ends"},
      {"http.path-empty-label", s::protocol, false, severity::error, "a label segment is empty"},
      {"http.percent-encoding", s::protocol, false, severity::error, "bad percent-encoding in a path segment"},
      {"http.encoded-slash", s::protocol, false, severity::error, "an encoded '/' inside a label"},
      {"error.unknown-type", s::protocol, false, severity::error, "an error type the operation does not declare"},
      {"error.missing-type", s::protocol, false, severity::error, "an error status with no error type"},
      {"error.status-mismatch", s::protocol, false, severity::error, "the HTTP status disagrees with the error type"},
      {"error.success-status", s::protocol, false, severity::error, "a 2xx status other than the operation's"},
      {"error.type-disagreement", s::protocol, false, severity::error, "header and body name different error types"},
      {"status.time-order", s::semantic, false, severity::error, "startedAt is after updatedAt"},
      {"status.stop-state", s::semantic, false, severity::warning, "a stop response not in STOPPING or STOPPED"},
      {"status.reasons-without-failure", s::semantic, false, severity::warning, "failureReasons present but status is not FAILED"},
      {"status.failure-without-reasons", s::semantic, false, severity::warning, "status FAILED with no failureReasons"},
      {"exchange.id-mismatch", s::protocol, false, severity::error, "the response's ids differ from the request path's"},
      {"exchange.status-shape", s::protocol, false, severity::error, "the HTTP status disagrees with the body's shape"},
      {"sequence.transition", s::semantic, false, severity::error, "a status change the lifecycle does not allow"},
      {"sequence.started-at-changed", s::semantic, false, severity::error, "startedAt differs between observations of one job"},
      {"sequence.updated-at-decreased", s::semantic, false, severity::error, "updatedAt went back between observations"},
      {"sequence.scanned-decreased", s::semantic, false, severity::warning, "numberOfDocumentsScanned went down"},
  }};
  return table[static_cast<std::size_t>(r)];
}

/** Whether the reader refuses the value itself on a finding of `r`: the value cannot be held
 *  by the target (a missing required member, the wrong JSON type, null, a PrimitiveLong that is
 *  not a 64-bit integer, an invalid timestamp, a path label that does not decode, an error
 *  type the operation does not declare). Dropping such a finding would make a value up. */
constexpr bool rule_refuses_value(rule r) noexcept {
  switch (r) {
    case rule::shape_missing_member:
    case rule::shape_wrong_type:
    case rule::shape_null:
    case rule::long_not_integer:
    case rule::long_out_of_range:
    case rule::time_invalid:
    case rule::http_path_empty_label:
    case rule::http_percent_encoding:
    case rule::http_encoded_slash:
    case rule::error_unknown_type:
    case rule::error_missing_type:
      return true;
    default:
      return false;
  }
}

/** Whether parse_options::disabled can drop the findings of `r`. Not a fatal rule (a document
 *  that does not parse is never valid), not a resource bound, and not a rule that refuses a
 *  value (rule_refuses_value). The others only judge a value that is kept either way; a
 *  disabled constraint.enum keeps an unknown value verbatim, as keep_unknown_enum_values does. */
constexpr bool rule_can_be_disabled(rule r) noexcept {
  const rule_description info = rule_info(r);
  return !info.fatal && info.source != rule_source::resource_bound && !rule_refuses_value(r);
}

/** The stable id of `r`, e.g. "shape.unknown-member". */
constexpr std::string_view rule_id(rule r) noexcept { return rule_info(r).id; }

/** The rule whose id is `id`; false when there is none. */
constexpr bool rule_from_id(std::string_view id, rule& out) noexcept {
  for (std::size_t i = 0; i < rule_count; ++i) {
    if (rule_info(static_cast<rule>(i)).id == id) {
      out = static_cast<rule>(i);
      return true;
    }
  }
  return false;
}

constexpr std::string_view to_string(severity s) noexcept { return s == severity::error ? "error" : "warning"; }
constexpr std::string_view to_string(rule_source s) noexcept {
  switch (s) {
    case rule_source::json_syntax: return "JSON syntax";
    case rule_source::resource_bound: return "resource bound";
    case rule_source::model: return "model constraint";
    case rule_source::semantic: return "semantic";
    case rule_source::protocol: return "protocol";
  }
  return "";
}

/// A set of rules (e.g. the ones a caller disabled).
class rule_set {
 public:
  constexpr rule_set() noexcept = default;
  constexpr void insert(rule r) noexcept { bits_ |= bit(r); }
  constexpr void erase(rule r) noexcept { bits_ &= ~bit(r); }
  constexpr bool contains(rule r) const noexcept { return (bits_ & bit(r)) != 0; }

 private:
  static constexpr std::uint64_t bit(rule r) noexcept { return std::uint64_t{1} << static_cast<unsigned>(r); }
  static_assert(rule_count <= 64, "rule_set holds at most 64 rules");
  std::uint64_t bits_ = 0;
};

/// One finding.
struct diagnostic {
  rule id = rule::json_syntax;
  severity level = severity::error;
  std::string pointer;       ///< RFC 6901 JSON Pointer of the value ("" is the root)
  std::size_t offset = 0;    ///< byte offset in the input
  std::size_t line = 0;      ///< 1-based line
  std::size_t column = 0;    ///< 1-based column, in code points
  std::string expected;      ///< what the rule wants
  std::string found;         ///< what was there: an escaped excerpt, cut to a sane length
  std::string message;       ///< one line a person understands without the docs
};

/** `LINE:COL: error[RULE]: message (at /pointer)`, the text form the validator prints. */
inline std::string to_string(const diagnostic& d) {
  std::string s = std::to_string(d.line) + ":" + std::to_string(d.column) + ": ";
  s += to_string(d.level);
  s += "[";
  s += rule_id(d.id);
  s += "]: ";
  s += d.message;
  s += " (at ";
  s += d.pointer.empty() ? std::string_view("the root") : std::string_view(d.pointer);
  s += ")";
  return s;
}
inline std::ostream& operator<<(std::ostream& os, const diagnostic& d) { return os << to_string(d); }
inline std::ostream& operator<<(std::ostream& os, rule r) { return os << rule_id(r); }

// ---- std::error_code integration --------------------------------------------------------

namespace detail {
class rule_category_impl final : public std::error_category {
 public:
  const char* name() const noexcept override { return "bedrock_agent"; }
  std::string message(int ev) const override {
    if (ev < 0 || static_cast<std::size_t>(ev) >= rule_count) return "unknown bedrock_agent rule";
    const auto info = rule_info(static_cast<rule>(ev));
    return std::string(info.id) + ": " + std::string(info.summary);
  }
};
}  // namespace detail

/** The error category of `rule` values. */
inline const std::error_category& rule_category() noexcept {
  static const detail::rule_category_impl instance;
  return instance;
}
inline std::error_code make_error_code(rule r) noexcept {
  return {static_cast<int>(r), rule_category()};
}

// ---- locations and excerpts ------------------------------------------------------------

namespace detail {
/** 1-based line and column (in code points) of byte `offset` in `text`. */
inline void line_column(std::string_view text, std::size_t offset, std::size_t& line,
                        std::size_t& column) noexcept {
  if (offset > text.size()) offset = text.size();
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count lead bytes only: columns are code points
      ++column;
    }
  }
}

/** `s` escaped for a one-line message (quotes, controls and bytes >= 0x7F as escapes) and cut
 *  to `max_chars` source bytes, with "..." when cut. */
inline std::string excerpt(std::string_view s, std::size_t max_chars = 40) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  const bool cut = s.size() > max_chars;
  if (cut) s = s.substr(0, max_chars);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      char32_t cp;
      const std::size_t len = utf8_decode(s, i, cp);
      if (len == 0) {  // not UTF-8 (or cut mid-character): show the byte
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out.append(s.data() + i, len);
        i += len - 1;
      }
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  if (cut) out += "...";
  return out;
}
}  // namespace detail

/** excerpt(std::string_view s, std::size_t max_chars = 40): `s` as diagnostic messages quote
 *  it, on one line: '\\', controls, U+007F and bytes that are not UTF-8 escaped; cut to
 *  `max_chars` bytes with "..." when longer. */
using detail::excerpt;  // one function: ADL from the engine's calls finds the same

}  // namespace bedrock_agent

template <>
struct std::is_error_code_enum<bedrock_agent::rule> : std::true_type {};

#endif  // BEDROCK_AGENT_DIAGNOSTICS_HPP_INCLUDED
