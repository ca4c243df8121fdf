#ifndef BEDROCK_AGENT_HTTP_HPP_INCLUDED
#define BEDROCK_AGENT_HTTP_HPP_INCLUDED

// The restJson1 HTTP binding: request paths built from and parsed into an operation's input
// through its URI template, and responses (success and error) classified, resolved and
// parsed. Generic over an operation descriptor (http_method, http_uri, http_success_status,
// input, output, errors): another operation is a new descriptor, not new code.

#include <bedrock_agent/engine/detail/http_uri.hpp>
#include <bedrock_agent/engine/detail/json_reader.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/engine/sink.hpp>
#include <bedrock_agent/engine/shape.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bedrock_agent {

// ---- the binding's rules ---------------------------------------------------------------

namespace detail::rule_data {
inline constexpr rule_description http_method{"http.method", rule_source::protocol, false, severity::error,
    "not the operation's HTTP method"};
inline constexpr rule_description http_path_literal{"http.path-literal", rule_source::protocol, true, severity::error,
    "a literal path segment differs from the URI template"};
inline constexpr rule_description http_path_missing_segment{"http.path-missing-segment", rule_source::protocol, true, severity::error,
    "the path ends before the URI template does"};
inline constexpr rule_description http_path_extra_segment{"http.path-extra-segment", rule_source::protocol, true, severity::error,
    "the path goes on after the URI template ends"};
inline constexpr rule_description http_trailing_slash{"http.trailing-slash", rule_source::protocol, false, severity::warning,
    "the path's trailing '/' differs from the URI template's"};
inline constexpr rule_description http_path_empty_label{"http.path-empty-label", rule_source::protocol, false, severity::error,
    "a label segment is empty", true};
inline constexpr rule_description http_percent_encoding{"http.percent-encoding", rule_source::protocol, false, severity::error,
    "bad percent-encoding in a path segment", true};
inline constexpr rule_description http_encoded_slash{"http.encoded-slash", rule_source::protocol, false, severity::error,
    "an encoded '/' inside a label", true};
inline constexpr rule_description http_label_in_body{"http.label-in-body", rule_source::protocol, false, severity::error,
    "a member bound to a path label is also in the body"};
inline constexpr rule_description error_unknown_type{"error.unknown-type", rule_source::protocol, false, severity::error,
    "an error type the operation does not declare", true};
inline constexpr rule_description error_missing_type{"error.missing-type", rule_source::protocol, false, severity::error,
    "an error status with no error type", true};
inline constexpr rule_description error_status_mismatch{"error.status-mismatch", rule_source::protocol, false, severity::error,
    "the HTTP status disagrees with the error type"};
inline constexpr rule_description error_success_status{"error.success-status", rule_source::protocol, false, severity::error,
    "a 2xx status other than the operation's"};
inline constexpr rule_description error_type_disagreement{"error.type-disagreement", rule_source::protocol, false, severity::warning,
    "header and body name different error types"};
}  // namespace detail::rule_data

namespace rules {
inline constexpr rule http_method{detail::rule_data::http_method};  ///< http.method: not the operation's HTTP method
inline constexpr rule http_path_literal{detail::rule_data::http_path_literal};  ///< http.path-literal: a literal path segment differs from the URI template
inline constexpr rule http_path_missing_segment{detail::rule_data::http_path_missing_segment};  ///< http.path-missing-segment: the path ends before the template does
inline constexpr rule http_path_extra_segment{detail::rule_data::http_path_extra_segment};  ///< http.path-extra-segment: the path goes on after the template ends
inline constexpr rule http_trailing_slash{detail::rule_data::http_trailing_slash};  ///< http.trailing-slash: a trailing '/' the template does not have, or the template's left out
inline constexpr rule http_path_empty_label{detail::rule_data::http_path_empty_label};  ///< http.path-empty-label: a label segment is empty
inline constexpr rule http_percent_encoding{detail::rule_data::http_percent_encoding};  ///< http.percent-encoding: a '%' not followed by two hex digits, or an unencoded reserved character
inline constexpr rule http_encoded_slash{detail::rule_data::http_encoded_slash};  ///< http.encoded-slash: an encoded '/' (%2F) inside a label
inline constexpr rule http_label_in_body{detail::rule_data::http_label_in_body};  ///< http.label-in-body: a path label's member also in the JSON body
inline constexpr rule error_unknown_type{detail::rule_data::error_unknown_type};  ///< error.unknown-type: an error type the operation does not declare
inline constexpr rule error_missing_type{detail::rule_data::error_missing_type};  ///< error.missing-type: an error status with no error type anywhere
inline constexpr rule error_status_mismatch{detail::rule_data::error_status_mismatch};  ///< error.status-mismatch: the HTTP status disagrees with the error type
inline constexpr rule error_success_status{detail::rule_data::error_success_status};  ///< error.success-status: a 2xx status other than the operation's
inline constexpr rule error_type_disagreement{detail::rule_data::error_type_disagreement};  ///< error.type-disagreement: header and body name different error types
}  // namespace rules

namespace detail {
/// The restJson1 binding's rules, listed after the model's.
inline const bool http_rules_registered = register_rules(300, {
    rules::http_method, rules::http_path_literal, rules::http_path_missing_segment,
    rules::http_path_extra_segment, rules::http_path_empty_label, rules::http_percent_encoding,
    rules::http_encoded_slash, rules::error_unknown_type, rules::error_missing_type,
    rules::error_status_mismatch, rules::error_success_status, rules::error_type_disagreement
});
/// The binding's rules for request bodies and trailing slashes (issue 15): listed after every
/// older rule, so that no older rule's index (SARIF ruleIndex, error_code value) moves.
inline const bool http_body_rules_registered = register_rules(500, {rules::http_trailing_slash, rules::http_label_in_body});
}  // namespace detail

/// HTTP header fields in order, as (name, value). Names compare case-insensitively.
using http_headers = std::vector<std::pair<std::string, std::string>>;

namespace detail {
constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool header_name_equals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}
}  // namespace detail

/** The value of the first field named `name` (ASCII case-insensitive, as HTTP field names
 *  compare), as a view into `headers`; nullopt when there is none. The value is as stored,
 *  optional whitespace included. */
inline std::optional<std::string_view> find_header(const http_headers& headers, std::string_view name) noexcept {
  for (const auto& [n, v] : headers) {
    if (detail::header_name_equals(n, name)) return std::string_view(v);
  }
  return std::nullopt;
}

/// An HTTP response as this library writes it.
struct http_response {
  int status = 0;
  http_headers headers;
  std::string body;
};

// ---- request: the path ----------------------------------------------------------------------

/** Appends the path of Op's URI template to `out`, each label replaced by its input member
 *  percent-encoded (RFC 3986: every byte but A-Z a-z 0-9 - . _ ~ as %XX, '/' included). Any
 *  bytes are accepted; check the input with check_value() first when it may break the model. */
template <class Op>
void append_path(std::string& out, const typename Op::input& input) {
  using binding = detail::uri_binding<Op>;
  using members = detail::described_members<typename Op::input>;
  for (const detail::uri_segment& seg : binding::segments) {
    out += '/';
    if (!seg.is_label()) {
      out += seg.text;
      continue;
    }
    boost::mp11::mp_with_index<boost::mp11::mp_size<members>::value>(seg.member, [&](auto i) {
      using D = boost::mp11::mp_at_c<members, i>;
      using M = std::remove_cv_t<std::remove_reference_t<decltype(input.*D::pointer)>>;
      if constexpr (is_string_shape_v<M>) detail::append_percent_encoded(out, input.*D::pointer);  // a label is one
    });
  }
  if (binding::trailing_slash) out += '/';
}

/** The path of Op's URI template with the labels of `input` percent-encoded (see append_path). */
template <class Op>
std::string build_path(const typename Op::input& input) {
  std::string out;
  append_path<Op>(out, input);
  return out;
}

namespace detail {

/** Percent-decodes `raw`; false when a '%' is not followed by two hex digits. */
inline bool percent_decode(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) return false;
    const int hi = uri_hex_digit(raw[i + 1]), lo = uri_hex_digit(raw[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

/** Does path segment `raw` spell `literal`? Percent-encoded forms of its characters count
 *  (RFC 3986 6.2.2.2: they are the same URI), an encoded '/' never does. */
inline bool literal_matches(std::string_view raw, std::string_view literal) {
  if (raw == literal) return true;
  if (raw.find('%') == std::string_view::npos) return false;
  std::string decoded;
  return percent_decode(raw, decoded) && decoded == literal && literal.find('/') == std::string_view::npos;
}

/** Decodes label segment `raw` (which starts at byte `base` of the path) into `out`,
 *  reporting each bad escape, unencoded character and encoded '/', and bytes that do not
 *  decode to UTF-8. True when the label decoded cleanly. */
inline bool decode_label(std::string_view raw, std::size_t base, std::string& out, read_context& ctx,
                         const path_node* at) {
  out.clear();
  bool clean = true;
  for (std::size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == '%') {
      const int hi = i + 1 < raw.size() ? uri_hex_digit(raw[i + 1]) : -1;
      const int lo = i + 2 < raw.size() ? uri_hex_digit(raw[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        ctx.report(rules::http_percent_encoding, base + i, at, [&] {
          const std::string bad = excerpt(raw.substr(i, 3));
          return finding_text{"'%' and two hex digits", "\"" + bad + "\"",
                              "'%' must be followed by two hex digits; found \"" + bad + "\""};
        });
        clean = false;
        ++i;
        continue;
      }
      const char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '/') {
        ctx.report(rules::http_encoded_slash, base + i, at, [&] {
          const std::string escape(raw.substr(i, 3));
          return finding_text{"no '/' in a label", "\"" + escape + "\"",
                              "a label cannot hold an encoded '/' (" + escape +
                                  "); servers and proxies disagree on whether it separates segments"};
        });
        clean = false;
      }
      out += decoded;
      i += 3;
      continue;
    }
    std::size_t len = 1;
    if (!is_pchar(c)) {
      char32_t cp = 0;
      if (c >= 0x80) len = std::max<std::size_t>(1, utf8_decode(raw, i, cp));  // one report per character
      ctx.report(rules::http_percent_encoding, base + i, at, [&] {
        const std::string bad = excerpt(raw.substr(i, len));
        return finding_text{"a character allowed in a path segment, or %XX", "\"" + bad + "\"",
                            "\"" + bad + "\" must be percent-encoded in a path segment"};
      });
      clean = false;
    }
    out.append(raw.data() + i, len);
    i += len;
  }
  if (!clean) return false;
  const std::size_t bad = utf8_first_invalid(out);
  if (bad != std::string_view::npos) {
    // The path offset of decoded byte `bad`: each "%XX" decoded to one byte, anything else to itself.
    std::size_t off = 0;
    for (std::size_t k = 0; k < bad; ++k) off += raw[off] == '%' ? 3 : 1;
    ctx.report(rules::http_percent_encoding, base + off, at, [&] {
      return finding_text{"percent-encoded UTF-8", "\"" + excerpt(std::string_view(out).substr(bad, 4)) + "\"",
                          "the label decodes to bytes that are not UTF-8 (at decoded byte " + std::to_string(bad) + ")"};
    });
    return false;
  }
  return true;
}

}  // namespace detail

namespace detail {

/// What a read of a body counted.
struct body_counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool truncated = false;
};

/** Reads method and path (the query cut off) as Op's labels into `value`, reporting into
 *  `ctx`; see parse_request(). */
template <class Op>
void read_request_line(std::string_view method, std::string_view path, typename Op::input& value, read_context& ctx) {
  using binding = uri_binding<Op>;
  using members = described_members<typename Op::input>;
  if (method != Op::http_method) {
    ctx.report(rules::http_method, 0, nullptr, [&] {
      const std::string found = excerpt(method);
      return finding_text{std::string(Op::http_method), "\"" + found + "\"",
                          std::string(Op::name) + " is " + std::string(Op::http_method) + "; found \"" + found +
                              "\" (methods are case-sensitive)"};
    });
  }
  std::size_t pos = 0;
  std::string decoded;
  for (const uri_segment& seg : binding::segments) {
    path_node node{nullptr, seg.text, 0, false};
    const path_node* at = seg.is_label() ? &node : nullptr;
    auto wanted = [&seg] { return seg.is_label() ? "/{" + std::string(seg.text) + "}" : "/" + std::string(seg.text); };
    if (pos >= path.size()) {
      ctx.report(rules::http_path_missing_segment, path.size(), at, [&] {
        return finding_text{wanted(), "the end of the path", "the path ends where the template has " + wanted()};
      });
      return;
    }
    if (path[pos] != '/') {  // only at the start: later segments begin at a '/' by construction
      ctx.report(rules::http_path_literal, pos, at, [&] {
        return finding_text{wanted(), "\"" + excerpt(path.substr(pos, 16)) + "\"", "the path must start with '/'"};
      });
      return;
    }
    const std::size_t begin = pos + 1;
    const std::size_t end = std::min(path.find('/', begin), path.size());
    const std::string_view raw = path.substr(begin, end - begin);
    pos = end;
    if (!seg.is_label()) {
      if (!literal_matches(raw, seg.text)) {
        ctx.report(rules::http_path_literal, begin, nullptr, [&] {
          const std::string literal(seg.text), found = excerpt(raw);
          return finding_text{"\"" + literal + "\"", "\"" + found + "\"",
                              "expected the segment \"" + literal + "\", found \"" + found +
                                  "\" (segments are case-sensitive)"};
        });
        return;
      }
      continue;
    }
    if (raw.empty()) {
      ctx.report(rules::http_path_empty_label, begin, at, [&] {
        return finding_text{"a non-empty " + std::string(seg.text), "\"\"", "label {" + std::string(seg.text) + "} is empty"};
      });
      continue;
    }
    if (!decode_label(raw, begin, decoded, ctx, at)) continue;
    boost::mp11::mp_with_index<boost::mp11::mp_size<members>::value>(seg.member, [&](auto i) {
      using D = boost::mp11::mp_at_c<members, i>;
      using M = std::remove_reference_t<decltype(value.*D::pointer)>;
      if constexpr (is_string_shape_v<M>) {  // uri_binding guarantees it for labels
        check_string_constraints<M>(decoded, utf8_length(decoded), ctx, begin, at);
        static_cast<std::string&>(value.*D::pointer) = decoded;
      }
    });
  }
  // Smithy matches a path with or without a trailing '/' (http-bindings, "Labels"), so a
  // difference there is a warning; SDKs send exactly the template's.
  const std::string_view rest = path.substr(pos);
  if (binding::trailing_slash && rest.empty()) {
    ctx.report(rules::http_trailing_slash, pos, nullptr, [] {
      return finding_text{"'/' at the end", "the end of the path",
                          "the template ends with '/' and clients send it; this path leaves it out"};
    });
  } else if (binding::trailing_slash && rest == "/") {
    // as the template has it
  } else if (!binding::trailing_slash && rest == "/") {
    ctx.report(rules::http_trailing_slash, pos, nullptr, [] {
      return finding_text{"the end of the path", "'/'", "the path has a trailing '/' the template does not have"};
    });
  } else if (!rest.empty()) {
    const std::string_view extra = binding::trailing_slash && rest.back() == '/' ? rest.substr(0, rest.size() - 1) : rest;
    ctx.report(rules::http_path_extra_segment, pos, nullptr, [&] {
      const std::string found = excerpt(extra);
      return finding_text{"the end of the path", "\"" + found + "\"",
                          "the path goes on after the template ends: \"" + found + "\""};
    });
  }
}

/** Gives path and method findings their position: the path is one line of ASCII when valid,
 *  so a column is a byte (http.method and limit.diagnostics have none). */
inline void locate_in_request_line(std::vector<diagnostic>& diags, std::size_t from) {
  for (std::size_t k = from; k < diags.size(); ++k) {
    diagnostic& d = diags[k];
    const bool in_path = d.id != rules::http_method && d.id != rules::limit_diagnostics;
    d.line = in_path ? 1 : 0;
    d.column = in_path ? d.offset + 1 : 0;
  }
}

/** http.label-in-body: the body holds a member the binding takes from the path. Its value is
 *  checked as JSON and not read: the path's value stands. */
inline bool label_in_body(read_context& ctx, simdjson::ondemand::field& f, const path_node* at, std::size_t depth) {
  const std::size_t key_off = ctx.offset_of(f.key().raw()) - 1;
  if (!ctx.report(rules::http_label_in_body, key_off, at, [&] {
        const std::string name = excerpt(at->key);
        return finding_text{"\"" + name + "\" in the path only", "\"" + name + "\" in the body",
                            "member \"" + name + "\" is the path label {" + name +
                                "}; it must not also be in the body (servers differ on which one counts)"};
      }))
    return false;
  return validate_any(f.value(), ctx, at, depth);
}

/** Reads `body` as the body members of Op's input into `value` (labels untouched), every
 *  finding into `diags`; returns the counts. An empty body is an object with no members. */
template <class Op>
body_counts read_request_body_into(std::string_view body, typename Op::input& value, const parse_options& options,
                                   std::vector<diagnostic>& diags) {
  static_assert(uri_binding<Op>::has_body_members || has_member_metadata<typename Op::input>::value ||
                    boost::mp11::mp_size<described_members<typename Op::input>>::value == 0,
                "reading a request body needs member_metadata<Op::input>: it says which members are labels");
  const std::size_t body_end = skip_json_whitespace(body, 0);
  const std::string_view text = body_end == body.size() ? std::string_view("{}") : body;
  auto& s = this_thread_scratch();
  const simdjson::padded_string_view padded = s.pad(text, options.max_input_bytes);
  read_context ctx(std::string_view(padded.data(), padded.length()), options, true, &diags);
  ctx.bound_elsewhere = &label_in_body;
  read_document(s.parser, padded, value, ctx);
  return body_counts{ctx.findings.errors(), ctx.findings.warnings(), ctx.findings.truncated()};
}

}  // namespace detail

/** Reads a request line's method and request target (origin-form: path, optionally "?query")
 *  as Op's input: its path labels; members bound to the body stay absent (parse_request with
 *  a body reads both). The query is ignored. Every finding is reported (fatal ones stop):
 *  http.method, http.path-literal, http.path-missing-segment, http.path-extra-segment,
 *  http.trailing-slash (warning), http.path-empty-label, http.percent-encoding,
 *  http.encoded-slash, and the label's shape constraints (constraint.pattern for an Id), with
 *  pointer "/<member>" for a label, the byte offset in the path, line 1 and column offset + 1
 *  (http.method: offset, line and column 0). `options` can disable rules, make constraints
 *  warnings (constraints_as_warnings) and bound the input (max_input_bytes, max_diagnostics). */
template <class Op>
result<typename Op::input> parse_request(std::string_view method, std::string_view path_and_query,
                                         const parse_options& options = {}) {
  using input_type = typename Op::input;
  result<input_type> r;
  auto& diags = detail::result_access::diagnostics(r);
  const std::string_view path = path_and_query.substr(0, path_and_query.find('?'));
  detail::read_context ctx(path, options, true, &diags);
  input_type value{};
  if (path_and_query.size() > options.max_input_bytes) {
    ctx.report(rules::limit_input_size, 0, nullptr, [&] {
      return finding_text{"at most " + std::to_string(options.max_input_bytes) + " bytes",
                          std::to_string(path_and_query.size()) + " bytes",
                          "the request target is longer than max_input_bytes"};
    });
  } else {
    detail::read_request_line<Op>(method, path, value, ctx);
  }
  ctx.finish();
  detail::locate_in_request_line(diags, 0);
  detail::result_access::set_counts(r, ctx.findings.errors(), ctx.findings.warnings(), ctx.findings.truncated());
  if (ctx.findings.errors() == 0) detail::result_access::value(r).emplace(std::move(value));
  return r;
}

/** Reads the JSON `body` of a request into the members of `input` that Op binds to the body
 *  (its labels are left as they are: parse_request() fills them from the path). Every finding
 *  is reported with its position in the body: the codec's rules as for parse(), and
 *  http.label-in-body (error) for a path label's member found in the body as well (the path's
 *  value stands). An empty body (or only whitespace) has no members: SDKs send none for an
 *  input with nothing in the body. A required body member absent is shape.missing-member. */
template <class Op>
[[nodiscard]] result<void> read_request_body(std::string_view body, typename Op::input& input,
                                             const parse_options& options = {}) {
  result<void> r;
  const detail::body_counts c =
      detail::read_request_body_into<Op>(body, input, options, detail::result_access::diagnostics(r));
  detail::result_access::set_counts(r, c.errors, c.warnings, c.truncated);
  return r;
}

/** Reads a whole request of Op: method and target as parse_request(method, target) does, then
 *  the body as read_request_body() does. The findings of the request line come first (line 1
 *  of the path), then those of the body (line:column in the body); max_diagnostics bounds
 *  them together. A fatal finding in the path, or a path that alone fills max_diagnostics,
 *  leaves the body unread. The value is there when no
 *  finding is an error. A member is in exactly one place: in the path when the model binds
 *  it to a label (also in the body: http.label-in-body), in the body otherwise (a required
 *  one in neither: shape.missing-member). */
template <class Op>
result<typename Op::input> parse_request(std::string_view method, std::string_view path_and_query, std::string_view body,
                                         const parse_options& options = {}) {
  result<typename Op::input> r = parse_request<Op>(method, path_and_query, options);
  auto& diags = detail::result_access::diagnostics(r);
  if (r.truncated()) return r;  // max_diagnostics is reached: nothing more would be kept
  for (const diagnostic& d : diags) {
    if (rule_info(d.id).fatal) return r;  // the path is not Op's: its body means nothing
  }
  auto& value = detail::result_access::value(r);
  typename Op::input input = value ? std::move(*value) : typename Op::input{};
  value.reset();
  // The body's findings go into the same vector, so max_diagnostics bounds both together.
  const detail::body_counts c = detail::read_request_body_into<Op>(body, input, options, diags);
  const std::size_t errors = r.error_count() + c.errors;
  detail::result_access::set_counts(r, errors, r.warning_count() + c.warnings, r.truncated() || c.truncated);
  if (errors == 0) value.emplace(std::move(input));
  return r;
}

// ---- request: writing ---------------------------------------------------------------------

/// An HTTP request as this library writes it: method, request target (the path), headers and
/// body.
struct http_request {
  std::string method;
  std::string target;
  http_headers headers;
  std::string body;
};

/** A random UUID (version 4, RFC 9562), what the AWS SDKs put in an idempotency token a caller
 *  left out. From a per-thread generator seeded by std::random_device. */
inline std::string random_idempotency_token() {
  thread_local std::mt19937_64 gen{[] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }()};
  std::uint8_t b[16];
  for (int k = 0; k < 16; k += 8) {
    const std::uint64_t x = gen();
    for (int j = 0; j < 8; ++j) b[k + j] = static_cast<std::uint8_t>(x >> (8 * j));
  }
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // variant 10
  std::string out;
  out.reserve(36);
  for (int k = 0; k < 16; ++k) {
    if (k == 4 || k == 6 || k == 8 || k == 10) out += '-';
    detail::append_hex_byte(out, b[k], /*upper=*/false);
  }
  return out;
}

/** The request of Op for `input`: Op's method, the path built from its labels (build_path),
 *  and, when Op binds members to the body, `Content-Type: application/json` and the body
 *  members as JSON (absent optional members left out). An idempotency token member the input
 *  leaves out gets `make_token()` (any callable returning a string; SDKs use a random UUID).
 *  Check the input with check_value() first when it may break the model. */
template <class Op, class TokenSource>
http_request write_request(const typename Op::input& input, TokenSource&& make_token) {
  using input_type = typename Op::input;
  using members = detail::described_members<input_type>;
  http_request req;
  req.method = std::string(Op::http_method);
  append_path<Op>(req.target, input);
  if constexpr (detail::uri_binding<Op>::has_body_members) {
    std::optional<input_type> filled;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<boost::mp11::mp_size<members>::value>>([&](auto i) {
      if constexpr (member_table<input_type>::members[i].role == member_role::idempotency_token) {
        using D = boost::mp11::mp_at_c<members, i>;
        if (!(input.*D::pointer)) {
          if (!filled) filled.emplace(input);
          (*filled).*D::pointer = std::string(make_token());
        }
      }
    });
    req.headers.emplace_back("Content-Type", "application/json");
    detail::write_struct<true>(req.body, filled ? *filled : input);
  }
  return req;
}

/** As above, with a random UUID for an idempotency token the input leaves out. */
template <class Op>
http_request write_request(const typename Op::input& input) {
  return write_request<Op>(input, [] { return random_idempotency_token(); });
}

// ---- which operation a request is for ------------------------------------------------------

/// What match_operation() found.
struct operation_match {
  std::size_t index = 0;        ///< the operation's position in the list
  bool method_matches = false;  ///< false: the path fits its template, the method is another
};

namespace detail {

/** Does `path` have the segments of Op's template (literals equal, labels anything, a trailing
 *  '/' either way)? The segments are `parts` (the path split at '/', without the leading one). */
template <class Op>
bool path_fits(const std::vector<std::string_view>& parts) {
  using binding = uri_binding<Op>;
  if (parts.size() != binding::count) return false;
  for (std::size_t k = 0; k < binding::count; ++k) {
    const uri_segment& seg = binding::segments[k];
    if (!seg.is_label() && !literal_matches(parts[k], seg.text)) return false;
  }
  return true;
}

}  // namespace detail

/** The operation of the list `Ops` (a boost::mp11::mp_list of operation descriptors) that a
 *  request is for, found from each descriptor's method and URI template: the first whose
 *  template the path fits (literal segments equal, any label, a trailing '/' either way) and
 *  whose method is the request's; failing that, the first whose template the path fits, with
 *  method_matches false (a request to check against that operation: http.method). Nothing
 *  when no template fits. The query is ignored. */
template <class Ops>
std::optional<operation_match> match_operation(std::string_view method, std::string_view path_and_query) {
  std::string_view path = path_and_query.substr(0, path_and_query.find('?'));
  std::optional<operation_match> found;
  if (path.empty() || path.front() != '/') return found;
  path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    parts.push_back(path.substr(pos, end - pos));
    if (end == path.size()) break;
    pos = end + 1;
  }
  std::size_t i = 0;
  boost::mp11::mp_for_each<Ops>([&](auto op) {
    using Op = decltype(op);
    const std::size_t index = i++;
    if (found && found->method_matches) return;
    if (!detail::path_fits<Op>(parts)) return;
    const bool same = method == Op::http_method;
    if (!found || same) found = operation_match{index, same};
  });
  return found;
}

/** Calls `f(Op{})` for the operation at `index` of `Ops` and returns what it returns (every
 *  call must return the same type); `index` must be below the list's size. */
template <class Ops, class F>
decltype(auto) visit_operation(std::size_t index, F&& f) {
  return boost::mp11::mp_with_index<boost::mp11::mp_size<Ops>::value>(
      index, [&](auto i) -> decltype(auto) { return f(boost::mp11::mp_at_c<Ops, i>{}); });
}

// ---- error responses -----------------------------------------------------------------------

/** The shape name in an error type as services write it: cut at the first ':' (a URI
 *  follows), then keep what follows the first '#' (a namespace precedes). */
constexpr std::string_view sanitize_error_type(std::string_view raw) noexcept {
  const std::size_t colon = raw.find(':');
  if (colon != std::string_view::npos) raw = raw.substr(0, colon);
  const std::size_t hash = raw.find('#');
  if (hash != std::string_view::npos) raw = raw.substr(hash + 1);
  return raw;
}

/// Where an error response named its type.
enum class error_type_source {
  none,       ///< nowhere
  header,     ///< the X-Amzn-Errortype header
  body_code,  ///< the body's top-level string member "code"
  body_type,  ///< the body's top-level string member "__type"
};

/** "none", "header", "body code" or "body __type". */
constexpr std::string_view to_string(error_type_source s) noexcept {
  switch (s) {
    case error_type_source::none: return "none";
    case error_type_source::header: return "header";
    case error_type_source::body_code: return "body code";
    case error_type_source::body_type: return "body __type";
  }
  return "";
}

/// The error type of a response.
struct error_type {
  std::string name;  ///< sanitized (sanitize_error_type); empty when source is none
  std::string raw;   ///< as the response wrote it
  error_type_source source = error_type_source::none;
  std::string pointer;     ///< "/code" or "/__type" for a body source, else ""
  std::size_t offset = 0;  ///< body byte offset of the value (its opening quote) for a body source
};

/// What resolve_error_type() found: the type and what it noticed on the way.
struct error_type_resolution {
  error_type type;
  /// error.type-disagreement (a warning) when the header and the body name different types;
  /// json.duplicate-member when the body has "code" or "__type" twice.
  std::vector<diagnostic> diagnostics;
};

namespace detail {

constexpr std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// A parser and a padded copy of the body per thread, owned here so that this header does not
/// depend on another facility's internals; both keep their capacity between calls.
struct http_scratch {
  simdjson::ondemand::parser parser;
  std::string buffer;
  /** `body` copied and padded; a body over `limit` is not copied (and must not be read). */
  simdjson::padded_string_view pad(std::string_view body, std::size_t limit) {
    if (body.size() > limit) return simdjson::padded_string_view(body.data(), body.size(), body.size());
    const std::size_t need = body.size() + simdjson::SIMDJSON_PADDING;
    if (buffer.size() < need) buffer.resize(need);
    if (!body.empty()) std::memcpy(buffer.data(), body.data(), body.size());
    std::memset(buffer.data() + body.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buffer.data(), body.size(), buffer.size());
  }
};
inline http_scratch& http_thread_scratch() {
  thread_local http_scratch s;
  return s;
}

/** A finding of `r` into `sink`, at body offset `offset` (line and column from `body`), or at
 *  no position (offset, line and column 0) when `body` is empty; `text()` is called only when
 *  the finding is kept. */
template <class Text>
void add_http_finding(diagnostic_sink& sink, rule r, std::string_view body, std::size_t offset,
                      std::string_view pointer, Text&& text) {
  sink.add(r, [&](diagnostic& d) {
    d.pointer = std::string(pointer);
    d.offset = offset;
    if (!body.empty()) line_column(body, offset, d.line, d.column);
    set_text(d, text());
  });
}

/** resolve_error_type on an already padded body; `excused` receives the body offsets of the
 *  "code" / "__type" keys the protocol consumed (not shape members). */
inline error_type_resolution resolve_error_type(const http_headers& headers, simdjson::ondemand::parser& parser,
                                                simdjson::padded_string_view padded, const parse_options& opt,
                                                std::vector<std::size_t>* excused) {
  namespace od = simdjson::ondemand;
  error_type_resolution r;
  diagnostic_sink sink(r.diagnostics, opt, diagnostic_sink::bound::none);
  const std::string_view body(padded.data(), padded.length());
  std::optional<error_type> from_header, from_code, from_type;
  if (const auto value = find_header(headers, "X-Amzn-Errortype")) {  // the first such field counts
    const std::string_view raw = trim_ows(*value);
    error_type t;
    t.raw = std::string(raw);
    t.name = std::string(sanitize_error_type(raw));
    t.source = error_type_source::header;
    if (!t.name.empty()) from_header = std::move(t);
  }
  // The body's top-level members only: nested objects (e.g. ErrorDetails items) may carry
  // their own "__type", which names something else. A body that is not a JSON object names
  // no type here; the strict parse of the body reports why.
  od::document doc;
  od::object obj;
  if (!body.empty() && body.size() <= opt.max_input_bytes && parser.iterate(padded).get(doc) == simdjson::SUCCESS &&
      doc.get_object().get(obj) == simdjson::SUCCESS) {
    bool seen_code = false, seen_type = false;
    std::string key_storage, value_storage;
    for (auto fr : obj) {
      od::field f;
      if (std::move(fr).get(f) != simdjson::SUCCESS) break;
      const char* key_raw = f.key().raw();
      const string_scan ks = decode_json_string(key_raw, nullptr);
      if (!ks.ok) break;
      key_storage.clear();
      decode_json_string(key_raw, &key_storage);
      const bool is_code = key_storage == "code";
      if (!is_code && key_storage != "__type") continue;
      const std::size_t key_off = static_cast<std::size_t>(key_raw - body.data()) - 1;
      bool& seen = is_code ? seen_code : seen_type;
      if (seen) {
        add_http_finding(sink, rules::json_duplicate_member, body, key_off, "/" + key_storage, [&] {
          return finding_text{"each member once", "\"" + key_storage + "\" again",
                              "member \"" + key_storage +
                                  "\" appears twice; readers disagree on which one names the error"};
        });
        if (excused) excused->push_back(key_off);
        continue;
      }
      seen = true;
      od::json_type t;
      od::raw_json_string raw;
      if (f.value().type().get(t) != simdjson::SUCCESS || t != od::json_type::string ||
          f.value().get_raw_json_string().get(raw) != simdjson::SUCCESS)
        continue;  // not a string: not a type; the strict parse judges it as a member
      const string_scan vs = decode_json_string(raw.raw(), nullptr);
      if (!vs.ok) continue;
      value_storage.clear();
      decode_json_string(raw.raw(), &value_storage);
      if (excused) excused->push_back(key_off);
      error_type et;
      et.name = std::string(sanitize_error_type(value_storage));
      et.raw = value_storage;
      et.source = is_code ? error_type_source::body_code : error_type_source::body_type;
      et.pointer = "/" + key_storage;
      et.offset = static_cast<std::size_t>(raw.raw() - body.data()) - 1;
      if (et.name.empty()) continue;  // names nothing: the next source counts
      (is_code ? from_code : from_type) = std::move(et);
    }
  }
  std::optional<error_type>& from_body = from_code ? from_code : from_type;
  if (from_header) {
    if (from_body && from_body->name != from_header->name) {
      // a warning (the rule's level): the header decides, as on the wire
      add_http_finding(sink, rules::error_type_disagreement, body, from_body->offset, from_body->pointer, [&] {
        const std::string header = excerpt(from_header->name), in_body = excerpt(from_body->name);
        return finding_text{"\"" + header + "\"", "\"" + in_body + "\"",
                            "the X-Amzn-Errortype header names \"" + header + "\" but the body names \"" + in_body +
                                "\"; the header wins"};
      });
    }
    r.type = std::move(*from_header);
  } else if (from_body) {
    r.type = std::move(*from_body);
  }
  return r;
}

}  // namespace detail

/** The error type of a response: the X-Amzn-Errortype header (its name matched
 *  case-insensitively; the first such field), else the body's top-level string member "code",
 *  else its "__type"; sanitized with sanitize_error_type(). A source that sanitizes to "" names
 *  nothing. The body may be empty, and need not be JSON (then it names no type); a body over
 *  options.max_input_bytes is not read. Reports
 *  error.type-disagreement (warning) when header and body disagree, json.duplicate-member for
 *  a second "code" or "__type". */
inline error_type_resolution resolve_error_type(const http_headers& headers, std::string_view body,
                                                const parse_options& options = {}) {
  auto& s = detail::http_thread_scratch();
  return detail::resolve_error_type(headers, s.parser, s.pad(body, options.max_input_bytes), options, nullptr);
}

/// The exception shapes of Op, as a std::variant in Op::errors order.
template <class Op>
using error_variant_t = boost::mp11::mp_rename<typename Op::errors, std::variant>;

/// What a response said it was: its status is Op's success status, or not.
enum class response_kind { success, error };

/// The result of reading a response (parse_error_response, classify_response): result<V>
/// plus what is known of the response also when its body did not parse, its kind and, for an
/// error response, its resolved type. The one extension of result<T>.
template <class V>
class [[nodiscard]] response_result : public result<V> {
 public:
  /** Success or error, by the status (also when parsing failed). */
  response_kind kind() const noexcept { return kind_; }
  /** The resolved error type, also when parsing failed (e.g. an unknown type's name); empty
   *  (source none) for a success response. */
  const error_type& type() const noexcept { return type_; }

 private:
  friend struct detail::result_access;
  response_kind kind_ = response_kind::error;
  error_type type_;
};

/// parse_error_response's result: the exception, by its index in Op::errors.
template <class Op>
using error_response_result = response_result<error_variant_t<Op>>;

/// What classify_response() reads a response as: index 0 Op's output, index 1 the exception.
template <class Op>
using response_variant_t = std::variant<typename Op::output, error_variant_t<Op>>;

namespace detail {

/** Reads the whole padded `body` as T, collecting every diagnostic; unknown-member findings
 *  at the `excused` key offsets are dropped (the protocol consumed those members). Returns the
 *  counts of what it kept (and of what max_diagnostics left out); `out` is meaningful only
 *  when there is no error. */
template <class T>
body_counts read_http_body(simdjson::ondemand::parser& parser, simdjson::padded_string_view padded, T& out,
                      const parse_options& options, std::vector<diagnostic>& diags,
                      const std::vector<std::size_t>& excused) {
  std::vector<diagnostic> found;
  read_context ctx(std::string_view(padded.data(), padded.length()), options, true, &found);
  read_document(parser, padded, out, ctx);
  body_counts counts{ctx.findings.errors(), ctx.findings.warnings(), ctx.findings.truncated()};
  for (diagnostic& d : found) {
    const bool consumed = d.id == rules::shape_unknown_member && (d.pointer == "/code" || d.pointer == "/__type") &&
                          std::find(excused.begin(), excused.end(), d.offset) != excused.end();
    if (consumed) {
      --(d.level == severity::error ? counts.errors : counts.warnings);
      continue;
    }
    diags.push_back(std::move(d));
  }
  return counts;
}

template <class Op>
error_response_result<Op> parse_error_response(int status, const http_headers& headers, std::string_view body,
                                               const parse_options& options) {
  using errors = typename Op::errors;
  constexpr std::size_t n = boost::mp11::mp_size<errors>::value;
  error_response_result<Op> result;
  auto& diags = result_access::diagnostics(result);
  auto& s = http_thread_scratch();
  const simdjson::padded_string_view padded = s.pad(body, options.max_input_bytes);
  const std::string_view text(padded.data(), padded.length());
  std::vector<std::size_t> excused;
  error_type_resolution resolution = resolve_error_type(headers, s.parser, padded, options, &excused);
  diags = std::move(resolution.diagnostics);
  diagnostic_sink sink(diags, options, diagnostic_sink::bound::none);  // the body's own bound is read_http_body's
  error_type& type = result_access::type(result) = std::move(resolution.type);
  if (body.size() > options.max_input_bytes) {  // the body was not read: nothing else can be judged
    add_http_finding(sink, rules::limit_input_size, {}, 0, "", [&] {
      const std::string most = std::to_string(options.max_input_bytes), size = std::to_string(body.size());
      return finding_text{"at most " + most + " bytes", size + " bytes",
                          "the body is " + size + " bytes, more than max_input_bytes (" + most + ")"};
    });
    result_access::count(result);
    return result;
  }
  const std::string status_text = std::to_string(status);
  const bool success_status = status >= 200 && status <= 299;
  if (success_status) {
    if (status != Op::http_success_status) {
      add_http_finding(sink, rules::error_success_status, {}, 0, "", [&] {
        const std::string success = std::to_string(Op::http_success_status);
        return finding_text{"an error status, or " + success, status_text,
                            std::string(Op::name) + " succeeds with " + success + "; a " + status_text +
                                " is neither its success nor an error"};
      });
    } else {
      add_http_finding(sink, rules::error_status_mismatch, {}, 0, "", [&] {
        return finding_text{"an error status", status_text,
                            status_text + " is the success status of " + std::string(Op::name) + ", not an error status"};
      });
    }
  }
  std::size_t index = n;
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto i) {
    if (index == n && type.name == boost::mp11::mp_at_c<errors, i>::shape_name) index = i;
  });
  const std::string_view at_text = type.source == error_type_source::header ? std::string_view() : text;
  body_counts in_body;  // read_http_body counts those it did not keep too
  std::size_t own = std::string_view::npos;  // how many diagnostics come before the body's
  if (type.source == error_type_source::none) {
    if (!success_status) {
      add_http_finding(sink, rules::error_missing_type, {}, 0, "", [&] {
        return finding_text{"an X-Amzn-Errortype header, or a \"code\" or \"__type\" body member", "no error type",
                            "an error response (" + status_text +
                                ") must name its type: X-Amzn-Errortype header, body \"code\" or \"__type\""};
      });
    }
  } else if (index == n) {
    add_http_finding(sink, rules::error_unknown_type, at_text, type.offset, type.pointer, [&] {
      std::string declared;
      boost::mp11::mp_for_each<errors>([&](auto e) {
        if (!declared.empty()) declared += ", ";
        declared += decltype(e)::shape_name;
      });
      const std::string name = excerpt(type.name);
      return finding_text{"one of " + declared, "\"" + name + "\"",
                          std::string(Op::name) + " does not declare error \"" + name + "\" (from the " +
                              std::string(to_string(type.source)) + ")"};
    });
  } else {
    boost::mp11::mp_with_index<n>(index, [&](auto i) {
      using E = boost::mp11::mp_at_c<errors, i>;
      if (!success_status && status != E::http_status) {
        add_http_finding(sink, rules::error_status_mismatch, at_text, type.offset, type.pointer, [&] {
          const std::string declared = std::to_string(E::http_status);
          return finding_text{declared, status_text,
                              std::string(E::shape_name) + " is HTTP " + declared + "; the response has " + status_text};
        });
      }
      E value{};
      own = diags.size();
      if (!body.empty()) in_body = read_http_body(s.parser, padded, value, options, diags, excused);
      result_access::value(result).emplace(std::in_place_index<i>, std::move(value));
    });
  }
  if (own == std::string_view::npos) own = diags.size();
  std::size_t error_total = in_body.errors, warning_total = in_body.warnings;
  for (std::size_t k = 0; k < own; ++k) ++(diags[k].level == severity::error ? error_total : warning_total);
  result_access::set_counts(result, error_total, warning_total, in_body.truncated);
  if (error_total != 0) result_access::value(result).reset();
  return result;
}

}  // namespace detail

/** Reads an error response of Op: resolves its type (resolve_error_type), matches it against
 *  Op::errors and parses the body as that exception shape with `options` (an empty body is an
 *  exception with no members). The body's "code" / "__type" members that carry the type are
 *  the protocol's, never shape.unknown-member; other unknown members follow the options.
 *  Every finding is reported: error.missing-type, error.unknown-type, error.status-mismatch,
 *  error.success-status, error.type-disagreement (warning), and the body's json.* / shape.* /
 *  constraint.* diagnostics; a body over options.max_input_bytes is limit.input-size alone. Positions are body offsets; offset, line and column are 0 for a
 *  finding about the status or a header. */
template <class Op>
error_response_result<Op> parse_error_response(int status, const http_headers& headers, std::string_view body,
                                               const parse_options& options = {}) {
  return detail::parse_error_response<Op>(status, headers, body, options);
}

/** Reads any response of Op: Op::http_success_status is a success and its body is parsed as
 *  Op::output (every diagnostic, as validate() does); any other status is an error response
 *  (parse_error_response). Headers of a success response are not examined. The value, when
 *  there is no error, is the output (index 0) or the exception (index 1); kind() says which
 *  the status chose and type() the resolved error type, also when parsing failed. */
template <class Op>
response_result<response_variant_t<Op>> classify_response(int status, const http_headers& headers,
                                                         std::string_view body, const parse_options& options = {}) {
  using detail::result_access;
  response_result<response_variant_t<Op>> r;
  auto& value = result_access::value(r);
  if (status != Op::http_success_status) {
    error_response_result<Op> e = parse_error_response<Op>(status, headers, body, options);
    result_access::diagnostics(r) = std::move(result_access::diagnostics(e));
    result_access::set_counts(r, e.error_count(), e.warning_count(), e.truncated());
    result_access::type(r) = std::move(result_access::type(e));
    if (e) value.emplace(std::in_place_index<1>, std::move(*e));
    return r;
  }
  result_access::kind(r) = response_kind::success;
  auto& s = detail::http_thread_scratch();
  typename Op::output output{};
  const detail::body_counts counts = detail::read_http_body(s.parser, s.pad(body, options.max_input_bytes), output,
                                                            options, result_access::diagnostics(r), {});
  result_access::set_counts(r, counts.errors, counts.warnings, counts.truncated);
  if (counts.errors == 0) value.emplace(std::in_place_index<0>, std::move(output));
  return r;
}

// ---- writing responses -----------------------------------------------------------------------

/** The restJson1 response of exception `e`: its HTTP status, Content-Type: application/json,
 *  X-Amzn-Errortype: <shape name>, and its JSON body. */
template <class E, std::enable_if_t<is_error_shape<E>::value, int> = 0>
http_response write_error_response(const E& e) {
  http_response r;
  r.status = E::http_status;
  r.headers = {{"Content-Type", "application/json"}, {"X-Amzn-Errortype", std::string(E::shape_name)}};
  r.body = to_json(e);
  return r;
}

/** The response of whichever exception `v` holds (status 0 and nothing else when `v` is
 *  valueless_by_exception). */
template <class... Es>
http_response write_error_response(const std::variant<Es...>& v) {
  http_response r;
  if (v.valueless_by_exception()) return r;
  boost::mp11::mp_with_index<sizeof...(Es)>(v.index(),
                                            [&](auto i) { r = write_error_response(*std::get_if<i>(&v)); });
  return r;
}

/** The success response of Op: Op::http_success_status, Content-Type: application/json, and
 *  the JSON of `output`. */
template <class Op>
http_response write_success_response(const typename Op::output& output) {
  http_response r;
  r.status = Op::http_success_status;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = to_json(output);
  return r;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_HTTP_HPP_INCLUDED
