#ifndef BEDROCK_AGENT_FUZZ_FUZZ_COMMON_HPP_INCLUDED
#define BEDROCK_AGENT_FUZZ_FUZZ_COMMON_HPP_INCLUDED

// What every fuzz target shares: a check that aborts (so that libFuzzer and the replayer both
// stop on it and keep the input), a reader of option bytes from the front of the input, and
// the oracles on the JSON codec: parse/validate agreement, diagnostic positions, round trips,
// value agreement with simdjson's DOM, and JSON well-formedness against simdjson's DOM and an
// independent RFC 8259 recognizer.

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bedrock_agent::fuzz {

/** Prints what failed, with a short escaped excerpt of `detail`, and aborts: libFuzzer saves
 *  the input as a crash, the replayer stops with a non-zero status. */
[[noreturn]] inline void fail(const char* file, int line, const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n%s:%d: oracle failed: %s\n  %s\n", file, line, what,
               detail::excerpt(detail, 2000).c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace bedrock_agent::fuzz

#define BEDROCK_AGENT_FUZZ_CHECK(cond, detail_text)                                          \
  do {                                                                                       \
    if (!(cond)) ::bedrock_agent::fuzz::fail(__FILE__, __LINE__, #cond, (detail_text));      \
  } while (0)

namespace bedrock_agent::fuzz {

/// Takes option bytes from the front of the input; past its end every byte reads as 0.
class byte_source {
 public:
  byte_source(const std::uint8_t* data, std::size_t size) : p_(reinterpret_cast<const char*>(data)), n_(size) {}
  std::uint8_t byte() {
    if (n_ == 0) return 0;
    --n_;
    return static_cast<std::uint8_t>(*p_++);
  }
  std::uint16_t u16() {
    const std::uint16_t hi = byte();
    return static_cast<std::uint16_t>(hi << 8 | byte());
  }
  /** Everything not taken yet. */
  std::string_view rest() const { return std::string_view(p_, n_); }
  /** The bytes before the next `c` (consumed, with `c`); everything left when there is none. */
  std::string_view until(char c) {
    const std::string_view r = rest();
    const std::size_t at = r.find(c);
    const std::size_t len = at == std::string_view::npos ? r.size() : at;
    const std::size_t used = at == std::string_view::npos ? r.size() : at + 1;
    p_ += used;
    n_ -= used;
    return r.substr(0, len);
  }
  bool empty() const { return n_ == 0; }

 private:
  const char* p_;
  std::size_t n_;
};

inline std::string describe(const diagnostic& d) { return to_string(d) + " @" + std::to_string(d.offset); }

inline std::string describe(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) out += describe(d) + "\n  ";
  return out;
}

/** Line and column as the diagnostics document them, computed here from scratch: lines
 *  count '\n', columns count code points (UTF-8 lead bytes and ASCII) since the line began. */
inline void reference_line_column(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t nl = before.rfind('\n');
  const std::string_view last = nl == std::string_view::npos ? before : before.substr(nl + 1);
  column = 1;
  for (char ch : last) column += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
}

/// Whether a disabled rule lets the codec read a value the DOM reads differently: a member
/// written twice then counts once (the first), where the DOM keeps both. No other disabled rule
/// changes a value: rules that refuse a value cannot be disabled (rule_can_be_disabled), and a
/// disabled constraint.enum keeps the unknown string. fuzz/regressions/validate/disabled-*.bin
/// replay the inputs that once read "status":"BOGUS" as STARTING and "startedAt":5 as 1970.
inline bool dom_comparison_off(const parse_options& o) { return o.disabled.contains(rules::json_duplicate_member); }

// ---- parse / validate / to_json / check_value ----------------------------------------------

/** parse(to_json(v)) == v with the same options, and the canonical text is a fixed point. */
template <class T>
void check_round_trip(const T& value, parse_options opt) {
  const std::string text = to_json(value);
  opt.max_input_bytes = std::max(opt.max_input_bytes, text.size());  // canonical text may be longer
  const result<T> again = parse<T>(text, opt);
  BEDROCK_AGENT_FUZZ_CHECK(again.ok(), "canonical text does not parse: " + text + "\n  " +
                                           (again.ok() ? std::string() : describe(again.error())));
  BEDROCK_AGENT_FUZZ_CHECK(again.value() == value, "round trip changed the value: " + text);
  BEDROCK_AGENT_FUZZ_CHECK(to_json(again.value()) == text, "canonical text is not a fixed point: " + text);
  simdjson::dom::parser dom;
  BEDROCK_AGENT_FUZZ_CHECK(dom.parse(text).error() == simdjson::SUCCESS, "simdjson rejects canonical text: " + text);
}

/** The oracles on one document read as T with `opt`: the fail-fast parse and validate()
 *  agree (validity, first error, warnings), the report's counts and positions are right, no
 *  disabled rule is reported, and a parsed value round-trips and passes check_value().
 *  Returns the parse result for further checks. */
template <class T>
result<T> check_codec(std::string_view json, const parse_options& opt) {
  result<T> p = parse<T>(json, opt);
  const auto v = validate<T>(json, opt);
  const std::string input(json);

  BEDROCK_AGENT_FUZZ_CHECK(p.ok() == v.ok(), "parse and validate disagree on validity: " + input + "\n  " +
                                                    (p.ok() ? std::string("parse ok") : describe(p.error())) +
                                                    "\n  validate: " + describe(v.diagnostics()));

  std::size_t listed_errors = 0, listed_warnings = 0;
  for (const diagnostic& d : v.diagnostics()) ++(d.level == severity::error ? listed_errors : listed_warnings);
  if (!v.truncated()) {
    BEDROCK_AGENT_FUZZ_CHECK(listed_errors == v.error_count() && listed_warnings == v.warning_count(),
                             "report counts differ from its list: " + describe(v.diagnostics()));
  } else {
    BEDROCK_AGENT_FUZZ_CHECK(!v.diagnostics().empty() && v.diagnostics().back().id == rules::limit_diagnostics &&
                                 v.diagnostics().size() == opt.max_diagnostics + 1 && listed_errors <= v.error_count() &&
                                 listed_warnings <= v.warning_count() + 1,
                             "a truncated report must hold max_diagnostics entries and the limit note: " +
                                 describe(v.diagnostics()));
  }

  for (const diagnostic& d : v.diagnostics()) {
    if (d.id == rules::limit_diagnostics) continue;  // about the report, not a place
    BEDROCK_AGENT_FUZZ_CHECK(!rule_can_be_disabled(d.id) || !opt.disabled.contains(d.id),
                             "a disabled rule was reported: " + describe(d));
    BEDROCK_AGENT_FUZZ_CHECK(d.offset <= json.size(), "offset past the input: " + describe(d));
    std::size_t line = 0, column = 0;
    reference_line_column(json, d.offset, line, column);
    BEDROCK_AGENT_FUZZ_CHECK(d.line == line && d.column == column,
                             "line:column " + std::to_string(d.line) + ":" + std::to_string(d.column) +
                                 " should be " + std::to_string(line) + ":" + std::to_string(column) + " for " +
                                 describe(d) + " in " + input);
    BEDROCK_AGENT_FUZZ_CHECK(d.pointer.empty() || d.pointer[0] == '/', "not a JSON Pointer: " + describe(d));
  }

  const auto first_error = std::find_if(v.diagnostics().begin(), v.diagnostics().end(),
                                        [](const diagnostic& d) { return d.level == severity::error; });
  if (!p.ok()) {
    if (first_error != v.diagnostics().end() && first_error->id != rules::limit_diagnostics) {
      const diagnostic& e = p.error();
      BEDROCK_AGENT_FUZZ_CHECK(e.id == first_error->id && e.offset == first_error->offset &&
                                   e.pointer == first_error->pointer && e.line == first_error->line,
                               "parse's error is not validate's first: " + describe(e) + " vs " +
                                   describe(*first_error) + " in " + input);
    } else {
      BEDROCK_AGENT_FUZZ_CHECK(v.truncated(), "parse failed but validate listed no error: " + input);
    }
    return p;
  }

  if (!v.truncated()) {
    const auto& w = p.diagnostics();  // ok: only warnings
    BEDROCK_AGENT_FUZZ_CHECK(w.size() == v.diagnostics().size(), "parse and validate warnings differ: " +
                                                                   describe(w) + " vs " + describe(v.diagnostics()));
    for (std::size_t i = 0; i < w.size(); ++i) {
      BEDROCK_AGENT_FUZZ_CHECK(w[i].id == v.diagnostics()[i].id && w[i].offset == v.diagnostics()[i].offset,
                               "parse and validate warnings differ: " + describe(w) + " vs " +
                                   describe(v.diagnostics()));
    }
  }
  check_round_trip(p.value(), opt);
  const auto c = check_value(p.value(), opt);
  BEDROCK_AGENT_FUZZ_CHECK(c.ok(), "a parsed value fails check_value: " + describe(c.diagnostics()) + " for " + input);
  return p;
}

// ---- the parsed value against simdjson's DOM reading of the same text ---------------------

/// Compares a parsed value with simdjson's DOM, by the value's type alone: any described
/// structure (its members by member_table<T>: required, optional or defaulted), string shapes,
/// lists, enums, integers and timestamps. Used only where the DOM accepted the text and
/// json.duplicate-member is not disabled. A member of the shape written twice must have been
/// refused (json.duplicate-member: the DOM keeps both, readers disagree on which counts). A
/// member the shape does not have may be written twice in the client profile: it is skipped
/// unread, so no value depends on it (the reader tracks duplicates of the shape's members only).
class dom_comparer {
 public:
  dom_comparer(const parse_options& opt, std::string input) : opt_(opt), input_(std::move(input)) {}

  /** `got` against the DOM's `e`, for any shape the codec reads; `where` is its JSON Pointer. */
  template <class T>
  void value(const T& got, simdjson::dom::element e, const std::string& where) const {
    if constexpr (is_string_shape_v<T>) {
      std::string_view s;
      BEDROCK_AGENT_FUZZ_CHECK(e.get_string().get(s) == simdjson::SUCCESS,
                               where + ": codec read a string, DOM has " + simdjson::minify(e));
      compare(got, s, where);
    } else if constexpr (std::is_same<T, timestamp>::value) {
      std::string_view s;
      BEDROCK_AGENT_FUZZ_CHECK(e.get_string().get(s) == simdjson::SUCCESS, where + ": timestamp from a non-string");
      const auto t = parse_timestamp(s);
      BEDROCK_AGENT_FUZZ_CHECK(t.has_value() && *t == got, where + ": codec read " + format_timestamp(got) +
                                                               ", DOM has \"" + std::string(s) + "\" in " + input_);
    } else if constexpr (is_enum_value<T>::value) {
      std::string_view s;
      BEDROCK_AGENT_FUZZ_CHECK(e.get_string().get(s) == simdjson::SUCCESS, where + ": enum from a non-string: " + input_);
      compare(std::string(got.wire_name()), s, where);
    } else if constexpr (is_list_shape_v<T>) {
      simdjson::dom::array a;
      BEDROCK_AGENT_FUZZ_CHECK(e.get_array().get(a) == simdjson::SUCCESS, where + ": list from a non-array: " + input_);
      BEDROCK_AGENT_FUZZ_CHECK(a.size() == got.size(), where + ": item count differs: " + input_);
      std::size_t i = 0;
      for (simdjson::dom::element item : a) {
        value(got[i], item, where + "/" + std::to_string(i));
        ++i;
      }
    } else if constexpr (is_described_struct_v<T>) {
      structure(got, e, where);
    } else {
      static_assert(std::is_integral<T>::value, "dom_comparer: a leaf type it does not know");
      integer(static_cast<std::int64_t>(got), e, where);
    }
  }

  /** The members of `obj` named `name` (more than one is a duplicate). */
  static std::size_t count(simdjson::dom::object obj, std::string_view name, simdjson::dom::element& first) {
    std::size_t n = 0;
    for (auto field : obj) {
      if (field.key != name) continue;
      if (n++ == 0) first = field.value;
    }
    return n;
  }

 private:
  template <class T>
  struct is_enum_value : std::false_type {};
  template <class E>
  struct is_enum_value<enum_value<E>> : std::true_type {};

  void compare(const std::string& got, std::string_view want, const std::string& where) const {
    BEDROCK_AGENT_FUZZ_CHECK(got == want, where + ": codec read \"" + got + "\", DOM reads \"" + std::string(want) +
                                              "\" in " + input_);
  }

  void integer(std::int64_t got, simdjson::dom::element e, const std::string& where) const {
    if (e.is_null()) {
      BEDROCK_AGENT_FUZZ_CHECK(opt_.null_as_absent && got == 0, where + ": null read as " + std::to_string(got));
      return;
    }
    std::int64_t i = 0;
    double d = 0;
    if (e.get_int64().get(i) == simdjson::SUCCESS) {
      BEDROCK_AGENT_FUZZ_CHECK(got == i, where + ": codec read " + std::to_string(got) + ", DOM " + std::to_string(i) +
                                             " in " + input_);
    } else if (e.get_double().get(d) == simdjson::SUCCESS) {
      // DOM types -0 as a double; an integer literal the codec took can be nothing else.
      BEDROCK_AGENT_FUZZ_CHECK(d == 0 && got == 0, where + ": codec read " + std::to_string(got) + ", DOM a double");
    } else {
      fail(__FILE__, __LINE__, "integer read from a non-number", where + " in " + input_);
    }
  }

  /** Each described member against the object's member of that name, as member_table<T> says
   *  it may be: required (exactly once), optional (absent, null in the client profile, or a
   *  value) or defaulted (absent means the default). */
  template <class T>
  void structure(const T& got, simdjson::dom::element x, const std::string& where) const {
    simdjson::dom::object o;
    BEDROCK_AGENT_FUZZ_CHECK(x.get_object().get(o) == simdjson::SUCCESS, where + ": object from a non-object: " + input_);
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      const member_info& info = member_table<T>::members[i++];
      const std::string at = where + "/" + d.name;
      const auto& member = got.*d.pointer;
      simdjson::dom::element e;
      const std::size_t n = count(o, d.name, e);
      BEDROCK_AGENT_FUZZ_CHECK(n <= 1, at + ": a member written twice was accepted in " + input_);
      if constexpr (is_optional<std::remove_cv_t<std::remove_reference_t<decltype(member)>>>::value) {
        if (n == 0 || e.is_null()) {
          BEDROCK_AGENT_FUZZ_CHECK(!member.has_value(), at + ": codec has a value the DOM does not in " + input_);
          BEDROCK_AGENT_FUZZ_CHECK(n == 0 || opt_.null_as_absent, at + ": null accepted");
          return;
        }
        BEDROCK_AGENT_FUZZ_CHECK(member.has_value(), at + ": codec lost a member the DOM has in " + input_);
        value(*member, e, at);
      } else if (info.presence == member_presence::required) {
        BEDROCK_AGENT_FUZZ_CHECK(n == 1, at + ": a required member missing was accepted in " + input_);
        value(member, e, at);
      } else if (n == 0) {
        using M = std::remove_cv_t<std::remove_reference_t<decltype(member)>>;
        BEDROCK_AGENT_FUZZ_CHECK(member == M{}, at + ": an absent member is not its default in " + input_);
      } else {
        value(member, e, at);
      }
    });
  }

  const parse_options& opt_;
  std::string input_;
};

/** A successfully parsed value of any described shape says what simdjson's DOM reads from the
 *  same text. */
template <class T>
void check_against_dom(const T& v, std::string_view json, const parse_options& opt) {
  if (dom_comparison_off(opt)) return;
  simdjson::dom::parser dom;
  simdjson::dom::element root;
  if (dom.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return;  // number range
  dom_comparer(opt, std::string(json)).value(v, root, "");
}

// ---- JSON well-formedness: the codec against simdjson's DOM and an RFC 8259 recognizer ------

/// A verdict on whether bytes are one JSON text.
enum class verdict { well_formed, malformed, unknown };

inline const char* name(verdict v) {
  return v == verdict::well_formed ? "well-formed" : v == verdict::malformed ? "malformed" : "unknown";
}

/** RFC 8259 JSON-text over RFC 3629 UTF-8, with no limit on numbers or depth, written here
 *  independently of both parsers (iterative: no recursion to overflow). \u escapes of unpaired
 *  surrogates are grammatical (RFC 8259 section 8.2) and accepted unless
 *  `reject_unpaired_surrogates`. */
inline bool rfc8259_well_formed(std::string_view s, bool reject_unpaired_surrogates) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto at = [&](std::size_t k) { return k < n ? static_cast<unsigned char>(s[k]) : 0u; };
  auto ws = [&] {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  auto digit = [&](std::size_t k) { return k < n && s[k] >= '0' && s[k] <= '9'; };
  auto hex4 = [&](std::size_t k, unsigned& v) {
    if (k + 4 > n) return false;
    v = 0;
    for (std::size_t j = k; j < k + 4; ++j) {
      const char c = s[j];
      const int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (h < 0) return false;
      v = v * 16 + static_cast<unsigned>(h);
    }
    return true;
  };
  auto string = [&]() -> bool {  // at '"'
    ++i;
    for (;;) {
      if (i >= n) return false;
      const unsigned c = at(i);
      if (c == '"') {
        ++i;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        const unsigned e = at(i + 1);
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
          i += 2;
          continue;
        }
        unsigned u = 0;
        if (e != 'u' || !hex4(i + 2, u)) return false;
        i += 6;
        if (!reject_unpaired_surrogates) continue;
        if (u >= 0xDC00 && u <= 0xDFFF) return false;
        if (u >= 0xD800 && u <= 0xDBFF) {
          unsigned lo = 0;
          if (at(i) != '\\' || at(i + 1) != 'u' || !hex4(i + 2, lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
          i += 6;
        }
        continue;
      }
      if (c < 0x80) {
        ++i;
        continue;
      }
      // RFC 3629 section 4: the well-formed byte sequences.
      std::size_t len = 0;
      unsigned lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) len = 2;
      else if (c == 0xE0) len = 3, lo = 0xA0;
      else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
      else if (c == 0xED) len = 3, hi = 0x9F;
      else if (c == 0xF0) len = 4, lo = 0x90;
      else if (c >= 0xF1 && c <= 0xF3) len = 4;
      else if (c == 0xF4) len = 4, hi = 0x8F;
      else return false;
      if (i + len > n || at(i + 1) < lo || at(i + 1) > hi) return false;
      for (std::size_t k = 2; k < len; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return false;
      }
      i += len;
    }
  };
  auto number = [&]() -> bool {
    if (at(i) == '-') ++i;
    if (!digit(i)) return false;
    if (s[i] == '0') ++i;
    else while (digit(i)) ++i;
    if (at(i) == '.') {
      ++i;
      if (!digit(i)) return false;
      while (digit(i)) ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
      ++i;
      if (at(i) == '+' || at(i) == '-') ++i;
      if (!digit(i)) return false;
      while (digit(i)) ++i;
    }
    return true;
  };
  auto word = [&](std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };

  std::vector<char> stack;  // '{' or '['
  enum { value, after_value, member_name } state = value;
  ws();
  for (;;) {
    if (state == value) {
      const unsigned c = at(i);
      if (i >= n) return false;
      if (c == '{' || c == '[') {
        stack.push_back(static_cast<char>(c));
        ++i;
        ws();
        if (at(i) == (c == '{' ? '}' : ']') && i < n) {
          ++i;
          stack.pop_back();
          state = after_value;
        } else {
          state = c == '{' ? member_name : value;
        }
        continue;
      }
      bool ok = false;
      if (c == '"') ok = string();
      else if (c == 't') ok = word("true");
      else if (c == 'f') ok = word("false");
      else if (c == 'n') ok = word("null");
      else ok = number();
      if (!ok) return false;
      state = after_value;
      continue;
    }
    if (state == member_name) {
      ws();
      if (at(i) != '"' || i >= n || !string()) return false;
      ws();
      if (at(i) != ':' || i >= n) return false;
      ++i;
      ws();
      state = value;
      continue;
    }
    ws();  // after_value
    if (stack.empty()) return i == n;
    const char close = stack.back() == '{' ? '}' : ']';
    if (i < n && s[i] == close) {
      ++i;
      stack.pop_back();
      continue;
    }
    if (i >= n || s[i] != ',') return false;
    ++i;
    ws();
    state = stack.back() == '{' ? member_name : value;
  }
}

/** What the codec says about `json` as JSON text: malformed when validate() reports a rule of
 *  source JSON syntax, except json.duplicate-member (RFC 8259 section 4: names SHOULD be
 *  unique, so duplicates are well-formed) and json.root-not-object (the codec reads only an
 *  object root: the rest of a non-object root is never walked, so it says nothing about it);
 *  unknown when it hit limit.depth or did not see the whole text. */
inline verdict codec_verdict(std::string_view json, std::string* why = nullptr) {
  parse_options o = parse_options::client();
  o.max_input_bytes = std::numeric_limits<std::size_t>::max();
  o.max_diagnostics = std::numeric_limits<std::size_t>::max();
  o.max_depth = 1024;  // simdjson's default too: deeper is unknown on both sides
  const auto r = validate<StopIngestionJobResponse>(json, o);
  bool malformed = false;
  for (const diagnostic& d : r.diagnostics()) {
    if (d.id == rules::limit_depth || d.id == rules::json_root_not_object) return verdict::unknown;
    if (rule_info(d.id).source == rule_source::json_syntax && d.id != rules::json_duplicate_member) {
      if (why && !malformed) *why = describe(d);
      malformed = true;
    }
  }
  return malformed ? verdict::malformed : verdict::well_formed;
}

/** simdjson's fully validating DOM parser on `json`; unknown past its depth limit. */
inline verdict simdjson_verdict(std::string_view json, simdjson::error_code* code = nullptr) {
  thread_local simdjson::dom::parser dom;
  const simdjson::error_code e = dom.parse(json.data(), json.size()).error();
  if (code) *code = e;
  if (e == simdjson::SUCCESS) return verdict::well_formed;
  if (e == simdjson::DEPTH_ERROR || e == simdjson::CAPACITY || e == simdjson::MEMALLOC) return verdict::unknown;
  return verdict::malformed;
}

/** The differential oracle on JSON well-formedness of `json`:
 *  - the codec agrees with the RFC 8259 recognizer run with the codec's one documented policy
 *    beyond the grammar (unpaired surrogate escapes are json.surrogate);
 *  - the codec agrees with simdjson's DOM, except where simdjson refuses a number RFC 8259's
 *    grammar allows but no double or 64-bit integer holds (NUMBER_ERROR, e.g. 1e400 or
 *    18446744073709551616; RFC 8259 section 9 lets a parser limit the range of numbers).
 *  simdjson also refuses unpaired surrogates and a leading byte order mark, as the codec does
 *  (RFC 8259 section 8.1 lets a parser refuse a BOM). */
inline void check_json_syntax(std::string_view json) {
  std::string why;
  const verdict codec = codec_verdict(json, &why);
  if (codec == verdict::unknown) return;
  const bool rfc = rfc8259_well_formed(json, true);
  BEDROCK_AGENT_FUZZ_CHECK((codec == verdict::well_formed) == rfc,
                           std::string("codec says ") + name(codec) + ", RFC 8259 recognizer says " +
                               (rfc ? "well-formed" : "malformed") + " (" + why + "): " + std::string(json));
  simdjson::error_code code = simdjson::SUCCESS;
  const verdict sj = simdjson_verdict(json, &code);
  if (sj == verdict::unknown || sj == codec) return;
  const bool number_range = sj == verdict::malformed && code == simdjson::NUMBER_ERROR && rfc;
  BEDROCK_AGENT_FUZZ_CHECK(number_range, std::string("codec says ") + name(codec) + ", simdjson DOM says " +
                                             simdjson::error_message(code) + " (" + why + "): " + std::string(json));
}

/** `input` spliced in as the value of an unknown member, so that a non-object input is still
 *  walked by the codec (a non-object root is not). */
inline std::string as_member_value(std::string_view input) {
  std::string s = R"({"x":)";
  s += input;
  s += '}';
  return s;
}

}  // namespace bedrock_agent::fuzz

#endif  // BEDROCK_AGENT_FUZZ_FUZZ_COMMON_HPP_INCLUDED
