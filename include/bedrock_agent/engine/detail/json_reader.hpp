#ifndef BEDROCK_AGENT_DETAIL_JSON_READER_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_JSON_READER_HPP_INCLUDED

// The generic reader. A type is a described structure, a std::optional, or a leaf; each leaf
// type has one leaf_traits<T> (or a built-in leaf found the same way) that reads it, checks a
// value built in code, writes it and names it for messages. Every value is either read by its
// type or walked by validate_any(), so nothing On-Demand skips goes unchecked. A value that
// breaks no rule is read by its leaf's read_fast() without touching any diagnostic code;
// everything else takes read_value_slow(), which finds and reports what is wrong.

#include <bedrock_agent/engine/detail/json_text.hpp>
#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/sink.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/describe/members.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/integral.hpp>
#include <boost/mp11/utility.hpp>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent::detail {

namespace od = simdjson::ondemand;

/// Marks the functions that only report: kept out of line, so that the hot functions around
/// them need no stack frame for their message strings.
#if defined(__GNUC__) || defined(__clang__)
#define BEDROCK_AGENT_COLD __attribute__((noinline, cold))
#else
#define BEDROCK_AGENT_COLD
#endif
/// Marks the per-member path (read_value, read_member, the counters' fast read): the common case
/// is a few instructions, cheaper inline than behind a call (docs/performance.md).
#if defined(__GNUC__) || defined(__clang__)
#define BEDROCK_AGENT_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define BEDROCK_AGENT_ALWAYS_INLINE inline
#endif

/// The JSON Pointer of the value being read, as a chain of stack frames: building the string
/// costs nothing unless a diagnostic needs it.
struct path_node {
  const path_node* parent = nullptr;
  std::string_view key{};
  std::size_t index = 0;
  bool is_index = false;
};

/** RFC 6901 pointer of `at` ("" for the root). */
inline std::string json_pointer(const path_node* at) {
  std::vector<const path_node*> chain;
  for (const path_node* p = at; p; p = p->parent) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += '/';
    if ((*it)->is_index) {
      out += std::to_string((*it)->index);
      continue;
    }
    append_pointer_segment(out, (*it)->key);
  }
  return out;
}

/** Appends JSON Pointer segment `key` to `base`. */
inline std::string pointer_join(std::string_view base, std::string_view key) {
  path_node n{nullptr, key, 0, false};
  return std::string(base) + json_pointer(&n);
}

inline std::string_view json_type_name(od::json_type t) noexcept {
  switch (t) {
    case od::json_type::array: return "array";
    case od::json_type::object: return "object";
    case od::json_type::number: return "number";
    case od::json_type::string: return "string";
    case od::json_type::boolean: return "boolean";
    case od::json_type::null: return "null";
  }
  return "value";
}

/** The type with its article, for messages: "an array", "a number". */
inline std::string json_type_with_article(od::json_type t) {
  const std::string_view name = json_type_name(t);
  return (name[0] == 'a' || name[0] == 'o' ? "an " : "a ") + std::string(name);
}

/// State of one parse or validate run: where diagnostics go and when to stop.
struct read_context {
  read_context(std::string_view in, const parse_options& o, bool collect_all, std::vector<diagnostic>* out)
      : input(in), opt(o), collect(collect_all), findings(out, o), has_text(in.data() != nullptr) {}

  std::string_view input;
  const parse_options& opt;
  bool collect;                      ///< validate(): go on after non-fatal errors
  diagnostic_sink findings;          ///< validate(): everything; parse(): warnings
  bool has_text;                     ///< false for check_value(): no offsets, no line:column
  /// validate(), validate_ndjson(): the value read is never looked at, so strings that break
  /// no rule are not copied into it, and the one reused for every line keeps absent members
  /// and surplus list items (and their capacity) instead of freeing them.
  bool discard = false;
  /// Set by the HTTP binding while it reads the JSON body of an operation's input: a root
  /// member declared bound elsewhere (a path label) is handed to it instead of being read,
  /// and is not required in the body.
  bool (*bound_elsewhere)(read_context& ctx, od::field& f, const path_node* at, std::size_t depth) = nullptr;
  od::document* doc = nullptr;
  bool failed = false;
  std::optional<diagnostic> first_error;  ///< parse(): the error that stopped it, apart from `findings`
  // line:column of the last diagnostic, so that locating many of them stays linear
  std::size_t lc_offset = 0, lc_line = 1, lc_column = 1;

  std::size_t offset_of(const char* p) const noexcept {
    if (!p || input.empty() || p < input.data()) return 0;
    const auto off = static_cast<std::size_t>(p - input.data());
    return off > input.size() ? input.size() : off;
  }

  void locate(std::size_t offset, std::size_t& line, std::size_t& column) {
    if (!has_text) {
      line = column = 0;
      return;
    }
    if (offset > input.size()) offset = input.size();
    if (offset < lc_offset) {
      lc_offset = 0;
      lc_line = lc_column = 1;
    }
    std::size_t l, c;
    line_column(input.substr(lc_offset), offset - lc_offset, l, c);
    lc_line = l == 1 ? lc_line : lc_line + l - 1;
    lc_column = l == 1 ? lc_column + c - 1 : c;
    lc_offset = offset;
    line = lc_line;
    column = lc_column;
  }

  /** Records a finding of `r` at `offset` (`at` in the tree): `text()` returns its finding_text
   *  and is called only when the finding is kept (not disabled, not beyond max_diagnostics).
   *  `level` overrides the severity the options give the rule. Returns true when reading may
   *  go on. */
  template <class Text, std::enable_if_t<std::is_invocable_r<finding_text, Text&>::value, int> = 0>
  BEDROCK_AGENT_COLD bool report(rule r, std::size_t offset, const path_node* at, Text&& text,
              std::optional<severity> level = std::nullopt) {
    const std::optional<severity> lvl = findings.admit(r, level);
    if (!lvl) return true;
    const bool fatal = rule_info(r).fatal;
    const auto fill = [&](diagnostic& d) {
      d.pointer = json_pointer(at);
      d.offset = offset;
      locate(offset, d.line, d.column);
      set_text(d, text());
    };
    if (*lvl == severity::error && !collect) {  // fail-fast: the first error is the answer
      if (!first_error) {
        first_error.emplace();
        first_error->id = r;
        first_error->level = *lvl;
        fill(*first_error);
      }
      failed = true;
      return false;
    }
    if (*lvl == severity::error && fatal) failed = true;
    findings.keep(r, *lvl, fill);
    return !fatal && (*lvl == severity::warning || collect);
  }
  /** report() with the text already built (a user's leaf_traits may use either). */
  bool report(rule r, std::size_t offset, const path_node* at, std::string expected, std::string found,
              std::string message, std::optional<severity> level = std::nullopt) {
    return report(
        r, offset, at,
        [&] { return finding_text{std::move(expected), std::move(found), std::move(message)}; }, level);
  }

  /** Closes a validate() run: the note that says how many diagnostics were not kept. */
  void finish() { findings.finish(); }

  /// The deepest level the parser supports: its max_depth() - 1 (On-Demand's own checks
  /// assume no more); read_document() sets it from the parser it is given.
  std::size_t parser_depth = 1023;

  /** The nesting limit in force: max_depth, capped at parser_depth (the walk recurses once
   *  per level, so the cap also bounds its stack use). */
  std::size_t depth_limit() const noexcept { return opt.max_depth < parser_depth ? opt.max_depth : parser_depth; }

  /** Checks that a container opened at `off` inside one at level `depth` is within the
   *  limit; reports limit.depth (fatal) when it is not. */
  bool enter_level(std::size_t depth, std::size_t off, const path_node* at) {
    return depth + 1 <= depth_limit() || too_deep(off, at);
  }

  BEDROCK_AGENT_COLD bool too_deep(std::size_t off, const path_node* at) {
    report(rules::limit_depth, off, at, [&] {
      const std::string limit = std::to_string(depth_limit());
      return finding_text{"at most " + limit + " levels", "deeper nesting",
                          "nesting is deeper than max_depth (" + limit + ")"};
    });
    failed = true;
    return false;
  }

  /** The current position of the On-Demand iterator, for errors it reports. */
  std::size_t current_offset() const {
    if (!doc) return 0;
    const char* p = nullptr;
    if (doc->current_location().get(p)) return input.size();
    return offset_of(p);
  }

  /** "'tok'" for the token at `offset`, or "the end of the input". */
  std::string found_at(std::size_t offset) const {
    if (offset >= input.size()) return "the end of the input";
    return "'" + excerpt(token_at(input, offset)) + "'";
  }

  /** Reports a structural error at `offset`, where a value was due. Bare words are
   *  json.literal, '+' or '.' json.number; anything else json.syntax. Always fatal. */
  bool expected_value_error(std::size_t offset, const path_node* at) {
    const char c = offset < input.size() ? input[offset] : '\0';
    const auto text = [&](const char* expected, const char* before, const char* after) {
      return [this, offset, expected, before, after] {
        const std::string found = found_at(offset);
        return finding_text{expected, found, before + found + after};
      };
    };
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      report(rules::json_invalid_literal, offset, at,
             text("a JSON value", "", " is not a JSON value (the only bare words are true, false and null)"));
    } else if (c == '+' || c == '.') {
      report(rules::json_invalid_number, offset, at,
             text("a number as RFC 8259 writes it", "", " is not a JSON number (no leading '+' or '.')"));
    } else {
      report(rules::json_syntax, offset, at, text("a JSON value", "expected a JSON value, found ", ""));
    }
    failed = true;
    return false;
  }

  /// Where the walk was when On-Demand reported a structural error: what was due there.
  enum class expecting {
    value,   ///< a value (an object member's or an array item's, or the root)
    array,   ///< inside an array: an item, or ',' or ']' after one
    object,  ///< inside an object: a member name, ':', or ',' or '}' after a member
  };

  /** Reports a simdjson error at `offset` as the JSON rule it breaks, saying what was due
   *  there (`where`). Always fatal. */
  bool simdjson_error(simdjson::error_code e, std::size_t offset, const path_node* at,
                      expecting where = expecting::value) {
    rule r = rules::json_syntax;
    std::string expected = "well-formed JSON (RFC 8259)";
    std::string message;
    switch (e) {
      case simdjson::UTF8_ERROR: {
        r = rules::json_invalid_utf8;
        const std::size_t bad = utf8_first_invalid(input);
        if (bad != std::string_view::npos) offset = bad;
        expected = "UTF-8 (RFC 3629)";
        message = "the input is not UTF-8 at byte " + std::to_string(offset);
        break;
      }
      case simdjson::UNESCAPED_CHARS: {
        r = rules::json_control_character;
        const std::size_t bad = scan_strings(input).control_at;
        if (bad != std::string_view::npos) offset = bad;
        expected = "U+0000..U+001F escaped in strings";
        message = "a string holds an unescaped control character (U+0000..U+001F must be escaped)";
        break;
      }
      case simdjson::UNCLOSED_STRING: {
        const std::size_t open = scan_strings(input).unclosed_at;
        if (open != std::string_view::npos) offset = open;
        expected = "a closing '\"'";
        message = "the string that starts here is not closed before the end of the input";
        break;
      }
      case simdjson::DEPTH_ERROR:
        r = rules::limit_depth;
        message = "the input nests deeper than the parser allows";
        break;
      case simdjson::CAPACITY:
        r = rules::limit_input_size;
        message = "the input is larger than the parser allows";
        break;
      case simdjson::EMPTY:
        expected = "a JSON value";
        message = "the input holds no JSON value";
        break;
      case simdjson::N_ATOM_ERROR:
      case simdjson::T_ATOM_ERROR:
      case simdjson::F_ATOM_ERROR:
        r = rules::json_invalid_literal;
        message = "a bare word that is not true, false or null";
        break;
      case simdjson::NUMBER_ERROR:
        r = rules::json_invalid_number;
        message = "a number RFC 8259's grammar rejects";
        break;
      case simdjson::STRING_ERROR:
        r = rules::json_invalid_escape;
        message = "a string with an invalid escape";
        break;
      case simdjson::TAPE_ERROR:
      case simdjson::INCORRECT_TYPE:
      case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return structure_error(offset, at, where);
      default:
        message = std::string("not well-formed JSON: ") + simdjson::error_message(e);
        break;
    }
    report(r, offset, at, [&] { return finding_text{std::move(expected), found_at(offset), std::move(message)}; });
    failed = true;
    return false;
  }

  /** Says what was due at `offset` from the byte before it: after '[' ',' ':' a value; after
   *  '{' (or ',' in an object) a member name; after a member name ':'; after a value the
   *  container's ',' or its closing bracket. */
  bool structure_error(std::size_t offset, const path_node* at, expecting where) {
    std::size_t prev = offset;
    while (prev > 0 && (input[prev - 1] == ' ' || input[prev - 1] == '\t' || input[prev - 1] == '\n' ||
                        input[prev - 1] == '\r'))
      --prev;
    const char before = prev > 0 ? input[prev - 1] : '\0';
    std::string expected;
    if (where == expecting::value || before == ':' || (where == expecting::array && (before == '[' || before == ','))) {
      return expected_value_error(offset, at);
    }
    if (where == expecting::object && (before == '{' || before == ',')) {
      expected = "a member name (a string)";
    } else if (where == expecting::object && before == '"' && string_is_key(prev - 1)) {
      expected = "':' after the member name";
    } else {
      expected = where == expecting::object ? "',' or '}' after a member" : "',' or ']' after an array item";
    }
    report(rules::json_syntax, offset, at, [&] {
      const std::string found = found_at(offset);
      return finding_text{expected, found, "expected " + expected + ", found " + found};
    });
    failed = true;
    return false;
  }

  /** Is the string that closes at `close` (a '"') an object member name? It is when the byte
   *  before its opening quote is '{' or ','. Error path only. */
  bool string_is_key(std::size_t close) const noexcept {
    std::size_t i = close;
    while (i > 0) {  // find the opening quote: a '"' preceded by an even number of backslashes
      --i;
      if (input[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && input[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) break;
    }
    while (i > 0 && (input[i - 1] == ' ' || input[i - 1] == '\t' || input[i - 1] == '\n' || input[i - 1] == '\r')) --i;
    return i > 0 && (input[i - 1] == '{' || input[i - 1] == ',');
  }
};

}  // namespace bedrock_agent::detail

namespace bedrock_agent {

/// The customization point for a leaf type (anything that is not a described structure or a
/// std::optional): specialize it for T to give T a JSON mapping, or to replace the built-in
/// one. A specialization provides, in one place:
///
///     static constexpr simdjson::ondemand::json_type json_type;   // the JSON type T takes
///     static std::string description();                           // "a boolean (Flag)", for messages
///     static bool read(od::value&, T&, leaf_context&, const leaf_path*,
///                      std::size_t depth);   // the value has json_type; false when reading must stop
///     static bool check(const T&, leaf_context&, const leaf_path*);  // check_value()
///     static void write(std::string&, const T&);                     // to_json()
///
/// and optionally
///
///     static bool read_fast(od::value&, T&, const leaf_context&);
///         // the common case, tried first: true only when the value breaks no rule, and then
///         // consumed; false leaves it unread for read() to report what is wrong
///     static std::string wrong_type_note(od::json_type found);  // appended to shape.wrong-type
///
/// The engine finds a user specialization first, then the built-in leaves (string shapes,
/// 64-bit integers, integer shapes, timestamp, enum_value<E>, list shapes); docs/json.md shows a worked example.
/// Declare the specialization before the first parse or write of T.
template <class T>
struct leaf_traits;

/// What a leaf_traits<T> reads and reports with. Its public part is `report(rule, offset, at,
/// text)` (records a finding; `text()` returns its finding_text and is called only when the
/// finding is kept; false when reading must stop), `report(rule, offset, at, expected, found,
/// message)` (the same with the text already built),
/// `simdjson_error(error, offset, at)` (reports what simdjson refused) and `opt` (the
/// parse_options in force); the rest is the engine's.
using leaf_context = detail::read_context;
/// Where a value is: passed to leaf_context::report, which turns it into the JSON Pointer.
using leaf_path = detail::path_node;

}  // namespace bedrock_agent

namespace bedrock_agent::detail {

// ---- what a type is: an optional, a described structure, or a leaf -------------------------

template <class T>
bool read_value(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t depth);
template <class T>
bool check_value(const T& v, read_context& ctx, const path_node* at);
template <class T>
void write_value(std::string& out, const T& v);
template <class T>
std::string wire_description();

template <class T>
using user_leaf_probe = decltype(sizeof(leaf_traits<T>));

/** A user's leaf_traits<T>, or a type that is neither an optional nor a described structure. */
template <class T>
inline constexpr bool is_leaf_v = boost::mp11::mp_valid<user_leaf_probe, T>::value ||
                                  (!is_optional<T>::value && !is_described_struct_v<T>);

/** "'<type> <excerpt>'" of the raw token at `v`, for `found`. */
inline std::string found_token(od::value& v, od::json_type t) {
  std::string out(json_type_name(t));
  out += ' ';
  out += excerpt(trim_json_whitespace(v.raw_json_token()));
  return out;
}

inline std::size_t value_offset(od::value& v, read_context& ctx) {
  (void)ctx;
  return ctx.offset_of(v.raw_json_token().data());
}

// ---- walking values nobody keeps: every byte still has to be JSON -------------------------

bool validate_any(od::value& v, read_context& ctx, const path_node* at, std::size_t depth);

/** Checks the string whose content starts at `p`. */
inline bool check_string_token(const char* p, read_context& ctx, const path_node* at) {
  const string_scan s = decode_json_string(p, nullptr);
  if (s.ok) return true;
  const std::size_t off = ctx.offset_of(p) + s.error_at;
  const std::string_view rest = ctx.input.substr(off);
  // printable ASCII is shown as it is (a backslash stays one backslash); anything else escaped
  const auto shown = [](std::string_view t) {
    const bool plain = std::all_of(t.begin(), t.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    return "'" + (plain ? std::string(t) : excerpt(t)) + "'";
  };
  ctx.report(s.error, off, at, [&] {
    std::string found, expected, message;
    if (s.error == rules::json_control_character) {
      found = shown(rest.substr(0, 1));
      expected = "U+0000..U+001F escaped in strings";
      message = "a string holds an unescaped control character (U+0000..U+001F must be escaped)";
    } else if (s.error == rules::json_unpaired_surrogate) {
      unsigned u = 0;
      read_hex4(p + s.error_at + 2, u);
      found = shown(rest.substr(0, 6));
      if (u >= 0xD800 && u <= 0xDBFF) {
        expected = "a low surrogate escape (\\uDC00..\\uDFFF) right after a high one";
        message = found + " is a high surrogate with no low surrogate after it";
      } else {
        expected = "a high surrogate escape (\\uD800..\\uDBFF) right before a low one";
        message = found + " is a low surrogate with no high surrogate before it";
      }
    } else if (rest.size() > 1 && rest[1] == 'u') {
      std::size_t n = 2;
      while (n < 6 && n < rest.size() && hex_value(rest[n]) < 16) ++n;
      found = shown(rest.substr(0, n < rest.size() ? n + 1 : n));
      expected = "\\u and four hex digits";
      message = found + " is not a \\u escape: \\u takes four hex digits";
    } else {
      char32_t cp = 0;
      const std::size_t len = rest.size() > 1 ? utf8_decode(rest, 1, cp) : 0;
      found = shown(rest.substr(0, 1 + (len ? len : 1)));
      expected = "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
      message = found + " is not an escape RFC 8259 defines (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
    }
    return finding_text{std::move(expected), std::move(found), std::move(message)};
  });
  ctx.failed = true;
  return false;
}

/** The key of field `f`, decoded; `storage` holds it when it had escapes. */
inline bool read_key(od::field& f, std::string& storage, std::string_view& key, read_context& ctx,
                     const path_node* at) {
  const char* p = f.key().raw();
  const string_scan s = decode_json_string(p, nullptr);
  if (!s.ok) return check_string_token(p, ctx, at);
  if (!s.escaped) {
    key = std::string_view(p, s.raw_length);
    return true;
  }
  storage.clear();
  decode_json_string(p, &storage);
  key = storage;
  return true;
}

/** Stage 1 does not start a token at a '"' that directly follows a number or a literal, so
 *  `0"next":1` (a comma left out) arrives as one token. True, after reporting json.syntax at
 *  the quote, when `tok` is a complete scalar of `length` bytes followed by a string. */
inline bool missing_separator(std::string_view tok, std::size_t length, std::size_t off, read_context& ctx,
                              const path_node* at) {
  if (length == 0 || length >= tok.size() || tok[length] != '"') return false;
  const std::string due = at == nullptr   ? "the end of the input"
                          : at->is_index ? "',' or ']' after an array item"
                                          : "',' or '}' after a member";
  ctx.report(rules::json_syntax, off + length, at, [&] {
    const std::string found = ctx.found_at(off + length);
    return finding_text{due, found, "expected " + due + ", found " + found};
  });
  ctx.failed = true;
  return true;
}

/** Length of the literal true, false or null at the start of `tok`; 0 when none is. */
inline std::size_t literal_length(std::string_view tok) noexcept {
  for (std::string_view w : {std::string_view("true"), std::string_view("false"), std::string_view("null")})
    if (tok.substr(0, w.size()) == w) return w.size();
  return 0;
}

inline bool check_scalar_token(od::value& v, od::json_type t, read_context& ctx, const path_node* at) {
  const std::string_view raw = v.raw_json_token();
  const std::string_view tok = trim_json_whitespace(raw);
  const std::size_t off = ctx.offset_of(raw.data());
  if (t == od::json_type::number) {
    bool is_integer;
    const std::size_t length = scan_json_number(tok, is_integer);
    if (length == tok.size() && !tok.empty()) return true;
    if (missing_separator(tok, length, off, ctx, at)) return false;
    ctx.report(rules::json_invalid_number, off, at, [&] {
      return finding_text{"a number as RFC 8259 writes it", excerpt(tok), "'" + excerpt(tok) + "' is not a JSON number"};
    });
    return false;
  }
  const bool ok = t == od::json_type::null ? tok == "null" : (tok == "true" || tok == "false");
  if (ok) return true;
  if (missing_separator(tok, literal_length(tok), off, ctx, at)) return false;
  ctx.report(rules::json_invalid_literal, off, at, [&] {
    return finding_text{"true, false or null", excerpt(tok), "'" + excerpt(tok) + "' is not a JSON literal"};
  });
  return false;
}

}  // namespace bedrock_agent::detail

namespace bedrock_agent {

/** For a leaf's read(): checks that the raw token of the scalar at `v` is well-formed JSON of
 *  type `t` (a number as RFC 8259 writes it, the literal true/false/null, a separator after
 *  it), reporting what is not; call it before reading the value. */
inline bool check_leaf_token(simdjson::ondemand::value& v, simdjson::ondemand::json_type t, leaf_context& ctx,
                             const leaf_path* at) {
  return detail::check_scalar_token(v, t, ctx, at);
}

/** The byte offset of the value `v` in the input, for leaf_context::report. */
inline std::size_t leaf_offset(simdjson::ondemand::value& v, leaf_context& ctx) { return detail::value_offset(v, ctx); }

}  // namespace bedrock_agent

namespace bedrock_agent::detail {

inline bool validate_any(od::value& v, read_context& ctx, const path_node* at, std::size_t depth) {
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.simdjson_error(e, value_offset(v, ctx), at);
  switch (t) {
    case od::json_type::object: {
      const std::size_t off = value_offset(v, ctx);
      if (!ctx.enter_level(depth, off, at)) return false;
      od::object o;
      if (auto e = v.get_object().get(o)) return ctx.simdjson_error(e, off, at);
      std::string storage;
      for (auto fr : o) {
        od::field f;
        if (auto e = std::move(fr).get(f))
          return ctx.simdjson_error(e, ctx.current_offset(), at, read_context::expecting::object);
        std::string_view key;
        if (!read_key(f, storage, key, ctx, at)) return false;
        path_node node{at, key, 0, false};
        if (!validate_any(f.value(), ctx, &node, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      const std::size_t off = value_offset(v, ctx);
      if (!ctx.enter_level(depth, off, at)) return false;
      od::array a;
      if (auto e = v.get_array().get(a)) return ctx.simdjson_error(e, off, at);
      std::size_t i = 0;
      for (auto ir : a) {
        od::value item;
        if (auto e = std::move(ir).get(item))
          return ctx.simdjson_error(e, ctx.current_offset(), at, read_context::expecting::array);
        path_node node{at, {}, i++, true};
        if (!validate_any(item, ctx, &node, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      od::raw_json_string raw;
      if (auto e = v.get_raw_json_string().get(raw)) return ctx.simdjson_error(e, value_offset(v, ctx), at);
      return check_string_token(raw.raw(), ctx, at);
    }
    default:
      return check_scalar_token(v, t, ctx, at);
  }
}

/** The string content of `v` without copying when it has no escapes; else decoded into
 *  `storage`. False (reported) when the string is not valid JSON. */
inline bool string_text(od::value& v, std::string& storage, std::string_view& text, const char*& raw_begin,
                        bool& escaped, read_context& ctx, const path_node* at) {
  std::string_view content;
  std::size_t code_points = 0;
  const bool plain = plain_string_token(v.raw_json_token(), content, code_points);
  od::raw_json_string raw;
  if (auto e = v.get_raw_json_string().get(raw)) return ctx.simdjson_error(e, value_offset(v, ctx), at);
  raw_begin = raw.raw();
  if (plain) {  // no backslash: the bytes are the value
    escaped = false;
    text = content;
    return true;
  }
  const string_scan s = decode_json_string(raw_begin, nullptr);
  if (!s.ok) return check_string_token(raw_begin, ctx, at);
  escaped = s.escaped;
  if (!escaped) {
    text = std::string_view(raw_begin, s.raw_length);
    return true;
  }
  storage.clear();
  decode_json_string(raw_begin, &storage);
  text = storage;
  return true;
}

inline std::string range_text(std::size_t lo, std::size_t hi, std::string_view unit) {
  if (hi == unbounded) return "at least " + std::to_string(lo) + " " + std::string(unit);
  if (lo == hi) return "exactly " + std::to_string(lo) + " " + std::string(unit);
  return std::to_string(lo) + ".." + std::to_string(hi) + " " + std::string(unit);
}

/** Is a string of `code_points` code points within the length constraint of string shape S? */
template <class S>
constexpr bool string_length_ok(std::size_t code_points) noexcept {
  constexpr string_constraints c = S::constraints;
  return code_points >= c.min_length && code_points <= c.max_length;
}

/// A regex pattern of no form the codec knows is matched by Boost.Regex, which only
/// <bedrock_agent/engine/regex_pattern.hpp> includes (Boost.Regex is costly to parse, and no
/// pattern of the model needs it: docs/performance.md). That header defines match_regex_pattern for regex_matcher_found;
/// string_pattern_ok calls it unqualified, so argument-dependent lookup finds it when S is
/// instantiated, wherever the header stands in the translation unit. Without it, the overload
/// below is the only one, and stops the build with a message that names the header.
template <class S>
struct regex_shape {};
struct regex_matcher_missing {};
struct regex_matcher_found : regex_matcher_missing {};
template <class S>
struct regex_header_included : std::false_type {};

template <class S>
bool match_regex_pattern(std::string_view, regex_shape<S>, regex_matcher_missing) noexcept {
  static_assert(regex_header_included<S>::value,
                "this string shape's pattern is a regular expression of no form the codec matches itself: "
                "#include <bedrock_agent/engine/regex_pattern.hpp>, where Boost.Regex matches it");
  return false;
}

/** Does `s` match `C(S*C){0,MaxJoins}` anchored, C the ASCII class `Chars` and S the byte
 *  `Separator` (joined_runs)? Runs of C separated by S's, C first and last, at most MaxJoins + 1
 *  characters of C. */
template <charset Chars, char Separator, std::size_t MaxJoins>
bool joined_runs_match(std::string_view s) noexcept {
  static_assert(Chars == charset::ascii_alnum, "joined_runs: the codec knows the ASCII classes only");
  static_assert(!(Separator >= '0' && Separator <= '9') && !(Separator >= 'a' && Separator <= 'z') &&
                !(Separator >= 'A' && Separator <= 'Z'), "joined_runs: a separator outside the class");
  const auto in_class = [](char ch) { return in_charset(Chars, static_cast<unsigned char>(ch)); };
  if (s.empty() || !in_class(s.front()) || !in_class(s.back())) return false;
  std::size_t members = 0;
  for (const char ch : s) {
    if (in_class(ch)) {
      ++members;
    } else if (ch != Separator) {
      return false;
    }
  }
  return members <= MaxJoins + 1;
}

/** Does `s` (UTF-8, `code_points` long) match the pattern of string shape S (true when S has
 *  none)? */
template <class S>
bool string_pattern_ok(std::string_view s, std::size_t code_points) noexcept {
  constexpr string_constraints c = S::constraints;
  if constexpr (c.pattern.text.empty()) {
    return true;
  } else if constexpr (c.pattern.regex) {
    (void)code_points;
    if constexpr (c.pattern.form.separator != '\0') {
      return joined_runs_match<c.pattern.form.chars, c.pattern.form.separator, c.pattern.form.max_joins>(s);
    } else {
      return match_regex_pattern(s, regex_shape<S>{}, regex_matcher_found{});
    }
  } else {
    if (code_points < c.pattern.min_count || code_points > c.pattern.max_count) return false;
    if constexpr (c.pattern.chars == charset::any) {
      return true;
    } else {
      if (code_points == s.size()) {  // ASCII only: each byte is a code point
        if constexpr (c.pattern.chars == charset::ascii_alnum) return all_ascii_alnum(s);
        bool ok = true;
        for (const char ch : s) ok = ok && in_charset(c.pattern.chars, static_cast<unsigned char>(ch));
        return ok;
      }
      for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8_decode(s, i, cp);
        if (len == 0 || !in_charset(c.pattern.chars, cp)) return false;
        i += len;
      }
      return true;
    }
  }
}

/** Checks a decoded string against the constraints of string shape S. */
template <class S>
bool check_string_constraints(std::string_view s, std::size_t code_points, read_context& ctx, std::size_t off,
                              const path_node* at) {
  constexpr string_constraints c = S::constraints;
  if (!string_length_ok<S>(code_points)) {
    if (!ctx.report(rules::constraint_length, off, at, [&] {
          const std::string range = range_text(c.min_length, c.max_length, "code points");
          return finding_text{range, std::to_string(code_points) + " code points",
                              std::string(S::shape_name) + " must be " + range + " long; this one has " +
                                  std::to_string(code_points)};
        }))
      return false;
  }
  if (!string_pattern_ok<S>(s, code_points)) {
    return ctx.report(rules::constraint_pattern, off, at, [&] {
      const std::string shown = excerpt(s);
      return finding_text{std::string(c.pattern.text), "\"" + shown + "\"",
                          std::string(S::shape_name) + " must match " + std::string(c.pattern.text) + "; \"" + shown +
                              "\" does not"};
    });
  }
  return true;
}


/** The bytes of a string value with no backslash, without consuming it. */
inline bool peek_plain_string(od::value& v, std::string_view& content, std::size_t& code_points) {
  return plain_string_token(v.raw_json_token(), content, code_points);
}

/** Moves past a string value peek_plain_string() accepted. */
inline bool skip_string(od::value& v) {
  od::raw_json_string raw;
  return v.get_raw_json_string().get(raw) == simdjson::SUCCESS;
}

// ---- the built-in leaf types --------------------------------------------------------------
// One struct per kind of leaf, with the interface leaf_traits documents. Each read_fast() reads
// a well-formed value that breaks no rule, with no diagnostic code on the way, and consumes
// nothing unless it all holds; read() is the long way, which says what is wrong. The model's
// words come from the type: its shape_name, or shape_info<T> for a plain C++ type.

template <class T>
using shape_name_probe = decltype(T::shape_name);

/** shape_info<T>::shape_name, with a message saying what to declare when there is none. */
template <class T>
std::string info_shape_name() {
  static_assert(boost::mp11::mp_valid<shape_name_probe, shape_info<T>>::value,
                "bedrock_agent: this type has no shape name for messages. Specialize "
                "bedrock_agent::shape_info<T> with static constexpr std::string_view shape_name.");
  return std::string(shape_info<T>::shape_name);
}

/// String shapes: a string_shape<S> with `shape_name` and `string_constraints constraints`.
template <class S>
struct string_leaf {
  static constexpr od::json_type json_type = od::json_type::string;
  static std::string description() { return "a string (" + std::string(S::shape_name) + ")"; }

  static bool read_fast(od::value& v, S& out, const read_context& ctx) {
    std::string_view content;
    std::size_t code_points = 0;
    if (!peek_plain_string(v, content, code_points) || !string_length_ok<S>(code_points) ||
        !string_pattern_ok<S>(content, code_points) || !skip_string(v))
      return false;
    if (!ctx.discard) static_cast<std::string&>(out).assign(content.data(), content.size());
    return true;
  }

  static bool read(od::value& v, S& out, read_context& ctx, const path_node* at, std::size_t) {
    std::string_view content;
    std::size_t code_points = 0;
    const bool plain = plain_string_token(v.raw_json_token(), content, code_points);
    od::raw_json_string raw;
    if (auto e = v.get_raw_json_string().get(raw)) return ctx.simdjson_error(e, value_offset(v, ctx), at);
    std::string& target = out;
    if (plain) {  // no backslash: the bytes are the value
      target.assign(content.data(), content.size());
      // checked where they are in the input, not in the copy just written
      return check_string_constraints<S>(content, code_points, ctx, ctx.offset_of(raw.raw()) - 1, at);
    }
    target.clear();
    const string_scan s = decode_json_string(raw.raw(), &target);
    if (!s.ok) return check_string_token(raw.raw(), ctx, at);
    return check_string_constraints<S>(target, s.code_points, ctx, ctx.offset_of(raw.raw()) - 1, at);
  }

  static bool check(const S& v, read_context& ctx, const path_node* at) {
    const std::size_t bad = utf8_first_invalid(v);
    if (bad != std::string_view::npos) {
      // fatal for a parse (the text cannot be read); here the other members can still be checked
      ctx.report(rules::json_invalid_utf8, 0, at, [&] {
        return finding_text{"UTF-8", excerpt(std::string_view(v).substr(bad, 4)),
                            "the string is not UTF-8 at byte " + std::to_string(bad)};
      });
      return ctx.collect;
    }
    return check_string_constraints<S>(v, utf8_length(v), ctx, 0, at);
  }

  static void write(std::string& out, const S& v) { append_json_string(out, v); }
};

/** Reads the integer literal at `v` (a value of shape `shape`, whose type holds `bits` signed bits)
 *  into `value`, with its token and offset: nullopt when it is one within those bits; else what
 *  the reader returns after reporting it (json.number: stop; long.not-integer; long.out-of-range). */
inline std::optional<bool> read_integer_literal(od::value& v, read_context& ctx, const path_node* at, const std::string& shape,
                                                int bits, std::int64_t& value, std::string_view& tok, std::size_t& off) {
  const std::string_view raw = v.raw_json_token();
  tok = trim_json_whitespace(raw);
  off = ctx.offset_of(raw.data());
  bool is_integer = false;
  const std::size_t length = scan_json_number(tok, is_integer);
  if (tok.empty() || length != tok.size()) {
    if (missing_separator(tok, length, off, ctx, at)) return false;
    ctx.report(rules::json_invalid_number, off, at, [&] {
      return finding_text{"a number as RFC 8259 writes it", excerpt(tok), "'" + excerpt(tok) + "' is not a JSON number"};
    });
    return false;
  }
  if (!is_integer) {
    return ctx.report(rules::long_not_integer, off, at, [&] {
      return finding_text{"an integer literal (no fraction, no exponent)", excerpt(tok),
                          shape + " takes an integer literal; '" + excerpt(tok) + "' has a fraction or an exponent"};
    });
  }
  const std::int64_t lo = bits == 64 ? (std::numeric_limits<std::int64_t>::min)() : -(std::int64_t{1} << (bits - 1));
  const std::int64_t hi = bits == 64 ? (std::numeric_limits<std::int64_t>::max)() : (std::int64_t{1} << (bits - 1)) - 1;
  if (!parse_int64(tok, value) || value < lo || value > hi) {
    return ctx.report(rules::long_out_of_range, off, at, [&] {
      return finding_text{std::to_string(lo) + ".." + std::to_string(hi), excerpt(tok),
                          "'" + excerpt(tok) + "' is outside " + shape + "'s signed " + std::to_string(bits) +
                              "-bit range"};
    });
  }
  return std::nullopt;
}

template <class T>
using nonnegative_probe = decltype(T::nonnegative);

/// 64-bit integers, named by shape_info<T>. When shape_info<T> has `nonnegative` (what the
/// value is, for the message) and `nonnegative_rule`, a negative value breaks that rule (this
/// model's PrimitiveLong: semantic.negative-counter).
template <class T>
struct int64_leaf {
  static constexpr bool nonnegative = boost::mp11::mp_valid<nonnegative_probe, shape_info<T>>::value;
  static constexpr od::json_type json_type = od::json_type::number;
  static std::string description() { return "an integer (" + info_shape_name<T>() + ")"; }
  static std::string wrong_type_note(od::json_type found) {
    return found == od::json_type::string ? "a number in quotes is a string" : "";
  }

  /// simdjson's integer parsers are as strict as RFC 8259 (no leading zero, sign, fraction or
  /// exponent; the token must end at whitespace or a structural character, so `0"next"` fails)
  /// and leave the value unread when they fail. A value that may not be negative takes the
  /// unsigned parser: a '-' (and -0) and anything above INT64_MAX go to read().
  BEDROCK_AGENT_ALWAYS_INLINE static bool read_fast(od::value& v, T& out, const read_context&) {
    if constexpr (nonnegative) {
      constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
      std::uint64_t value = 0;
      if (v.get_uint64().get(value) != simdjson::SUCCESS || value > max) return false;
      out = static_cast<T>(value);
      return true;
    } else {
      std::int64_t value = 0;
      if (v.get_int64().get(value) != simdjson::SUCCESS) return false;
      out = static_cast<T>(value);
      return true;
    }
  }

  static bool read(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t) {
    std::int64_t value = 0;
    std::string_view tok;
    std::size_t off = 0;
    if (const auto refused = read_integer_literal(v, ctx, at, info_shape_name<T>(), 64, value, tok, off)) return *refused;
    out = static_cast<T>(value);
    if constexpr (nonnegative) {
      if (value < 0) {
        return ctx.report(shape_info<T>::nonnegative_rule, off, at, [&] {
          return finding_text{"a count >= 0", excerpt(tok),
                              std::string(shape_info<T>::nonnegative) + " cannot be negative; found " + std::string(tok)};
        });
      }
    }
    return true;
  }

  static bool check(const T& v, read_context& ctx, const path_node* at) {
    if constexpr (nonnegative) {
      if (v < 0) {
        return ctx.report(shape_info<T>::nonnegative_rule, 0, at, [&] {
          return finding_text{"a count >= 0", std::to_string(v),
                              std::string(shape_info<T>::nonnegative) + " cannot be negative; found " + std::to_string(v)};
        });
      }
    }
    (void)v;
    (void)ctx;
    (void)at;
    return true;
  }

  static void write(std::string& out, const T& v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
};

/** An integer of shape T outside its range `c`: constraint.range. */
BEDROCK_AGENT_COLD inline bool integer_range_finding(std::string_view shape, integer_constraints c, std::string found,
                                                     read_context& ctx, std::size_t off, const path_node* at) {
  return ctx.report(rules::constraint_range, off, at, [&] {
    const std::string range = std::to_string(c.min) + ".." + std::to_string(c.max);
    std::string message = std::string(shape) + " must be " + range + "; this one is " + found;
    return finding_text{range, std::move(found), std::move(message)};
  });
}

/// Integer shapes (Smithy's `integer`, signed 32 bits): an integer_shape<S> with `shape_name`
/// and `integer_constraints constraints` (Smithy's `@range`). A value within 32 bits but outside
/// the range is kept and is constraint.range; a fraction or an exponent is long.not-integer and a
/// value outside 32 bits long.out-of-range, both refused (the target cannot hold them).
template <class S>
struct integer_leaf {
  static constexpr integer_constraints range = S::constraints;
  static_assert(range.min >= (std::numeric_limits<std::int32_t>::min)() &&
                    range.max <= (std::numeric_limits<std::int32_t>::max)() && range.min <= range.max,
                "an integer shape's range must lie within signed 32 bits");
  static constexpr od::json_type json_type = od::json_type::number;
  static std::string description() { return "an integer (" + std::string(S::shape_name) + ")"; }
  static std::string wrong_type_note(od::json_type found) {
    return found == od::json_type::string ? "a number in quotes is a string" : "";
  }

  static bool read_fast(od::value& v, S& out, const read_context&) {
    std::int64_t value = 0;
    if (v.get_int64().get(value) != simdjson::SUCCESS || value < range.min || value > range.max) return false;
    out = S(static_cast<std::int32_t>(value));
    return true;
  }

  static bool read(od::value& v, S& out, read_context& ctx, const path_node* at, std::size_t) {
    std::int64_t value = 0;
    std::string_view tok;
    std::size_t off = 0;
    if (const auto refused = read_integer_literal(v, ctx, at, std::string(S::shape_name), 32, value, tok, off)) return *refused;
    out = S(static_cast<std::int32_t>(value));
    if (value < range.min || value > range.max) return integer_range_finding(S::shape_name, range, std::string(tok), ctx, off, at);
    return true;
  }

  static bool check(const S& v, read_context& ctx, const path_node* at) {
    const std::int32_t value = v;
    if (value >= range.min && value <= range.max) return true;
    return integer_range_finding(S::shape_name, range, std::to_string(value), ctx, 0, at);
  }

  static void write(std::string& out, const S& v) {
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int32_t>(v));
    out.append(buf, r.ptr);
  }
};

/// timestamp: an RFC 3339 date-time string (timestampFormat date-time), named by shape_info.
template <class T>
struct timestamp_leaf {
  static constexpr od::json_type json_type = od::json_type::string;
  static std::string description() { return "an RFC 3339 date-time string (" + info_shape_name<T>() + ")"; }
  static std::string wrong_type_note(od::json_type found) {
    return found == od::json_type::number ? info_shape_name<T>() + " is timestampFormat iso8601 here, never epoch seconds"
                                          : "";
  }

  static bool read_fast(od::value& v, T& out, const read_context&) {
    // Parsed straight into `out`, which it leaves untouched when it fails.
    std::string_view content;
    std::size_t code_points = 0;
    return peek_plain_string(v, content, code_points) && parse_timestamp_fast(content.data(), content.size(), out) &&
           skip_string(v);
  }

  static bool read(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t) {
    std::string storage;
    std::string_view text;
    const char* raw = nullptr;
    bool escaped = false;
    if (!string_text(v, storage, text, raw, escaped, ctx, at)) return false;
    const auto r = parse_timestamp(text);
    if (r) {
      out = *r;
      return true;
    }
    // Positions map one to one onto the input when the string had no escapes.
    const std::size_t off = ctx.offset_of(raw) + (escaped ? 0 : r.error().position);
    return ctx.report(rules::time_invalid, off, at, [&] {
      const std::string shown = excerpt(text);
      return finding_text{"an RFC 3339 date-time in 0001..9999, e.g. 2024-03-14T09:26:53.589Z", "\"" + shown + "\"",
                          "invalid timestamp \"" + shown + "\": " + std::string(r.error().message) + " (character " +
                              std::to_string(r.error().position + 1) + ")"};
    });
  }

  static bool check(const T&, read_context&, const path_node*) {
    return true;  // a timestamp holds only representable instants
  }

  static void write(std::string& out, const T& v) {
    char buf[timestamp_max_chars + 2];  // quoted, one append
    buf[0] = '"';
    char* end = write_timestamp(buf + 1, v);
    *end++ = '"';
    out.append(buf, static_cast<std::size_t>(end - buf));
  }
};

/// enum_value<E> of a described enum E: the enumerator names are the wire strings; E is
/// named by shape_info<E>.
template <class V>
struct enum_leaf;
template <class E>
struct enum_leaf<enum_value<E>> {
  using V = enum_value<E>;
  static constexpr od::json_type json_type = od::json_type::string;
  static std::string description() { return "a string (" + info_shape_name<E>() + ")"; }

  static bool read_fast(od::value& v, V& out, const read_context&) {
    std::string_view content;
    std::size_t code_points = 0;
    if (!peek_plain_string(v, content, code_points)) return false;
    const auto known = enum_from_string<E>(content);
    if (!known || !skip_string(v)) return false;
    out = *known;
    return true;
  }

  static bool read(od::value& v, V& out, read_context& ctx, const path_node* at, std::size_t) {
    std::string storage;
    std::string_view text;
    const char* raw = nullptr;
    bool escaped = false;
    if (!string_text(v, storage, text, raw, escaped, ctx, at)) return false;
    if (auto known = enum_from_string<E>(text)) {
      out = *known;
      return true;
    }
    // A disabled constraint.enum keeps the value too: dropping the finding must not make one up.
    const bool keep = ctx.opt.keep_unknown_enum_values || ctx.opt.disabled.contains(rules::constraint_enum);
    if (keep) out = V::unknown(std::string(text));
    return unknown_value(text, keep, ctx, ctx.offset_of(raw) - 1, at);
  }

  static bool check(const V& v, read_context& ctx, const path_node* at) {
    return v.is_known() || unknown_value(v.wire_name(), ctx.opt.keep_unknown_enum_values, ctx, 0, at);
  }

 private:
  /** constraint.enum on `text`, the same words for the reader and check_value(). */
  BEDROCK_AGENT_COLD static bool unknown_value(std::string_view text, bool keep, read_context& ctx, std::size_t off,
                                               const path_node* at) {
    const auto build = [&] {
      std::string allowed;
      boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!allowed.empty()) allowed += ", ";
        allowed += d.name;
      });
      const std::string shown = excerpt(text);
      return finding_text{"one of " + allowed, "\"" + shown + "\"",
                          "\"" + shown + "\" is not a known value (one of " + allowed + "; case matters)" +
                              (keep ? "; kept as an unknown value" : "")};
    };
    return ctx.report(rules::constraint_enum, off, at, build,
                      keep ? std::optional<severity>(severity::warning) : std::nullopt);
  }

 public:

  static void write(std::string& out, const V& v) { append_json_string(out, v.wire_name()); }
};

/** A list of `n` items outside `c`: constraint.list-length. */
BEDROCK_AGENT_COLD inline bool list_length_finding(std::string_view shape, list_constraints c, std::size_t n,
                                                   read_context& ctx, std::size_t off, const path_node* at) {
  return ctx.report(rules::constraint_list_length, off, at, [&] {
    const std::string range = range_text(c.min_items, c.max_items, "items");
    return finding_text{range, std::to_string(n) + " items",
                        std::string(shape) + " must have " + range + "; this one has " + std::to_string(n)};
  });
}

/// List shapes: a std::vector with `shape_name` and `list_constraints constraints`. No
/// read_fast(): read_value() checks the JSON type and calls read() directly.
template <class L>
struct list_leaf {
  static constexpr od::json_type json_type = od::json_type::array;
  static std::string description() { return "an array (" + std::string(L::shape_name) + ")"; }

  static bool read(od::value& v, L& out, read_context& ctx, const path_node* at, std::size_t depth) {
    const std::size_t off = value_offset(v, ctx);
    if (!ctx.enter_level(depth, off, at)) return false;
    od::array a;
    if (auto e = v.get_array().get(a)) return ctx.simdjson_error(e, off, at);
    std::size_t n = 0;
    for (auto ir : a) {
      if (auto e = ir.error()) return ctx.simdjson_error(e, ctx.current_offset(), at, read_context::expecting::array);
      od::value& item = ir.value_unsafe();  // used in place: see read_struct
      path_node node{at, {}, n, true};
      if (n == out.size()) out.emplace_back();  // reuse the elements (and their capacity) already there
      if (!read_value(item, out[n], ctx, &node, depth + 1)) return false;
      ++n;
    }
    if (!ctx.discard) out.resize(n);
    constexpr list_constraints c = L::constraints;
    return (n >= c.min_items && n <= c.max_items) || list_length_finding(L::shape_name, c, n, ctx, off, at);
  }

  static bool check(const L& v, read_context& ctx, const path_node* at) {
    constexpr list_constraints lc = L::constraints;
    if ((v.size() < lc.min_items || v.size() > lc.max_items) &&
        !list_length_finding(L::shape_name, lc, v.size(), ctx, 0, at))
      return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
      path_node node{at, {}, i, true};
      if (!check_value(v[i], ctx, &node)) return false;
    }
    return true;
  }

  static void write(std::string& out, const L& v) {
    out += '[';
    bool first = true;
    for (const auto& item : v) {
      if (!first) out += ',';
      first = false;
      write_value(out, item);
    }
    out += ']';
  }
};

template <class T>
struct is_enum_value_type : std::false_type {};
template <class E>
struct is_enum_value_type<enum_value<E>> : std::true_type {};

template <class T>
struct no_mapping_for : std::false_type {};

/// What a type with no JSON mapping gets: a message saying what to provide.
template <class T>
struct no_leaf {
  static_assert(no_mapping_for<T>::value,
                "bedrock_agent: no JSON mapping for this type. Use a string shape (a std::string with "
                "static constexpr string_constraints constraints), a 64-bit integer or timestamp named by "
                "shape_info<T>, an integer shape, enum_value<E> of a described enum, a list shape, std::optional, or a "
                "structure described with BOOST_DESCRIBE_STRUCT; or specialize bedrock_agent::leaf_traits<T>.");
};

/// The leaf type's code: the user's leaf_traits<T> first, then the built-in leaves.
template <class T>
using leaf_of = boost::mp11::mp_cond<
    boost::mp11::mp_valid<user_leaf_probe, T>, leaf_traits<T>,
    boost::mp11::mp_bool<is_string_shape_v<T>>, string_leaf<T>,
    std::is_same<T, std::int64_t>, int64_leaf<T>,
    boost::mp11::mp_bool<is_integer_shape_v<T>>, integer_leaf<T>,
    std::is_same<T, timestamp>, timestamp_leaf<T>,
    is_enum_value_type<T>, enum_leaf<T>,
    boost::mp11::mp_bool<is_list_shape_v<T>>, list_leaf<T>,
    boost::mp11::mp_true, no_leaf<T>>;

template <class L, class T>
using read_fast_probe = decltype(L::read_fast(std::declval<od::value&>(), std::declval<T&>(),
                                              std::declval<const read_context&>()));
template <class L>
using wrong_type_note_probe = decltype(L::wrong_type_note(od::json_type::null));

/** Does T have a read_fast() (only leaves can)? */
template <class T, bool = is_leaf_v<T>>
struct has_read_fast : std::false_type {};
template <class T>
struct has_read_fast<T, true> : boost::mp11::mp_valid<read_fast_probe, leaf_of<T>, T> {};

/** The JSON type a T takes (a structure: an object). */
template <class T>
constexpr od::json_type json_type_of() noexcept {
  if constexpr (is_leaf_v<T>) return leaf_of<T>::json_type;
  else return od::json_type::object;
}

/** A short name of what a value of type T is on the wire, for messages. */
template <class T>
std::string wire_description() {
  if constexpr (is_leaf_v<T>) return leaf_of<T>::description();
  else if constexpr (is_optional<T>::value) return wire_description<typename T::value_type>();
  else return "an object (" + std::string(T::shape_name) + ")";
}

/** Reports a value of the wrong JSON type, then checks it is well-formed. */
template <class T>
bool wrong_type(od::value& v, od::json_type t, read_context& ctx, const path_node* at, std::size_t depth) {
  const std::size_t off = value_offset(v, ctx);
  const auto build = [&] {
    const std::string wire = wire_description<T>();
    std::string message = "expected " + wire + ", found " + json_type_with_article(t);
    if constexpr (is_leaf_v<T>) {
      if constexpr (boost::mp11::mp_valid<wrong_type_note_probe, leaf_of<T>>::value) {
        const std::string note = leaf_of<T>::wrong_type_note(t);
        if (!note.empty()) {
          message += ": ";
          message += note;
        }
      }
    }
    return finding_text{wire, found_token(v, t), std::move(message)};
  };
  if (!ctx.report(rules::shape_wrong_type, off, at, build)) return false;
  return validate_any(v, ctx, at, depth);
}

/** Checks a null literal found where T was expected. */
template <class T>
bool null_value(od::value& v, read_context& ctx, const path_node* at) {
  if (!check_scalar_token(v, od::json_type::null, ctx, at)) return false;
  return ctx.report(rules::shape_null, value_offset(v, ctx), at, [] {
    const std::string wire = wire_description<T>();
    return finding_text{wire, "null", "null is not " + wire + " (the model has no null values)"};
  });
}

// ---- described structures -------------------------------------------------------------------

template <class T>
using public_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/** Resets a member that the document left out, so a reused target holds no stale value: an
 *  optional one to absent, a defaulted one to its value-initialized default. */
template <member_presence P, class M>
void reset_absent(M& m) {
  if constexpr (P == member_presence::optional) m.reset();
  else if constexpr (P == member_presence::defaulted) m = M{};
}

/** null for a member whose declared presence is not the one its type implies (a defaulted
 *  bool, a required int64): read_value_slow() decides null by the type, so the member's own
 *  declaration decides here. Under null_as_absent a defaulted member takes its default. */
template <member_presence P, class M>
BEDROCK_AGENT_COLD bool declared_null(od::value& v, M& m, read_context& ctx, const path_node* at) {
  if (P == member_presence::defaulted && ctx.opt.null_as_absent) {
    m = M{};
    return check_scalar_token(v, od::json_type::null, ctx, at);
  }
  return null_value<M>(v, ctx, at);
}

/** A member T does not have (at `at`): shape.unknown-member unless ignored or a protocol
 *  member of the root; its value is still checked. */
BEDROCK_AGENT_COLD inline bool unknown_member(od::field& f, od::value& v, std::string_view shape, read_context& ctx,
                                              const path_node* at, std::size_t depth) {
  if (!ctx.opt.ignore_unknown_members && !(at->parent == nullptr && ctx.opt.protocol_members.contains(at->key))) {
    const std::size_t key_off = ctx.offset_of(f.key().raw()) - 1;
    if (!ctx.report(rules::shape_unknown_member, key_off, at, [&] {
          const std::string key = excerpt(at->key);
          return finding_text{"a member of " + std::string(shape), "\"" + key + "\"",
                              std::string(shape) + " has no member \"" + key + "\""};
        }))
      return false;
  }
  return validate_any(v, ctx, at, depth);
}

/** A member seen before (at `at`): json.duplicate-member; its value is only checked. */
BEDROCK_AGENT_COLD inline bool duplicate_member(od::field& f, od::value& v, read_context& ctx, const path_node* at,
                                                std::size_t depth) {
  const std::size_t key_off = ctx.offset_of(f.key().raw()) - 1;
  if (!ctx.report(rules::json_duplicate_member, key_off, at, [&] {
        const std::string key = excerpt(at->key);
        return finding_text{"each member once", "\"" + key + "\" again",
                            "member \"" + key + "\" appears twice; readers disagree on which one counts"};
      }))
    return false;
  return validate_any(v, ctx, at, depth);
}

/** A required member `name` of `shape` the object at `off` left out: shape.missing-member. */
BEDROCK_AGENT_COLD inline bool missing_member(std::string_view name, std::string_view shape, read_context& ctx,
                                              std::size_t off, const path_node* at) {
  return ctx.report(rules::shape_missing_member, off, at, [&] {
    return finding_text{"member \"" + std::string(name) + "\"", "no such member",
                        std::string(shape) + " requires member \"" + std::string(name) + "\""};
  });
}

/** What reading one member did: the key named no member, or the member was read (reading goes
 *  on), or reading must stop. */
enum class member_read : unsigned char { no_match, read, stop };

/** Reads the value of field `f` as member I of T, whose key is `key` (a duplicate is only
 *  checked). */
template <std::size_t I, class T>
BEDROCK_AGENT_ALWAYS_INLINE member_read read_member(od::field& f, std::string_view key, T& out, std::uint64_t& seen,
                                                    read_context& ctx, const path_node* at, std::size_t depth) {
  using D = boost::mp11::mp_at_c<public_members<T>, I>;
  using M = std::remove_reference_t<decltype(out.*D::pointer)>;
  constexpr member_presence P = member_table<T>::members[I].presence;
  path_node node{at, key, 0, false};
  od::value& v = f.value();
  constexpr std::uint64_t bit = std::uint64_t{1} << I;
  if (seen & bit) return duplicate_member(f, v, ctx, &node, depth) ? member_read::read : member_read::stop;
  seen |= bit;
  if constexpr (member_table<T>::members[I].binding != member_binding::body) {
    if (at == nullptr && ctx.bound_elsewhere)
      return ctx.bound_elsewhere(ctx, f, &node, depth) ? member_read::read : member_read::stop;
  }
  if constexpr (P != member_presence::optional && (P == member_presence::defaulted) == is_required_member_v<M>) {
    od::json_type t;
    if (v.type().get(t) == simdjson::SUCCESS && t == od::json_type::null)
      return declared_null<P>(v, out.*D::pointer, ctx, &node) ? member_read::read : member_read::stop;
  }
  return read_value(v, out.*D::pointer, ctx, &node, depth) ? member_read::read : member_read::stop;
}

/** A field whose raw key is no member name: an escaped key (decoded, then matched) or an unknown
 *  member. */
template <class T>
BEDROCK_AGENT_COLD bool read_other_member(od::field& f, T& out, std::uint64_t& seen, read_context& ctx,
                                          const path_node* at, std::size_t depth) {
  using members = public_members<T>;
  constexpr std::size_t n = boost::mp11::mp_size<members>::value;
  std::string storage;
  std::string_view key;
  if (!read_key(f, storage, key, ctx, at)) return false;
  std::size_t index = n;
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto i) {
    if (index == n && key == boost::mp11::mp_at_c<members, i>::name) index = i;
  });
  if (index == n) {
    path_node node{at, key, 0, false};
    return unknown_member(f, f.value(), T::shape_name, ctx, &node, depth);
  }
  return boost::mp11::mp_with_index<n>(index, [&](auto i) {
    return read_member<i>(f, key, out, seen, ctx, at, depth) == member_read::read;
  });
}

template <class T>
bool read_struct(od::object& obj, T& out, read_context& ctx, const path_node* at, std::size_t off,
                 std::size_t depth) {
  using members = public_members<T>;
  using table = member_table<T>;  // checks T's member_metadata, if it declares one
  constexpr std::size_t n = table::size;
  std::uint64_t seen = 0;
  for (auto fr : obj) {
    if (auto e = fr.error()) return ctx.simdjson_error(e, ctx.current_offset(), at, read_context::expecting::object);
    od::field& f = fr.value_unsafe();
    // A key whose raw bytes are a member name followed by the closing quote is that name (no name
    // holds a quote or a backslash, so that quote is not escaped): no decoding. The member is read
    // where its name matched, so each member's reader is inlined at its own test, as a
    // hand-written chain of name tests would have it (no dispatch on an index afterwards).
    const od::raw_json_string raw_key = f.key();
    member_read r = member_read::no_match;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto i) {
      constexpr std::string_view name = boost::mp11::mp_at_c<members, i>::name;
      static_assert(name.find_first_of("\"\\") == std::string_view::npos, "a member name needs escaping");
      if (r == member_read::no_match && raw_key.unsafe_is_equal(name))
        r = read_member<i>(f, name, out, seen, ctx, at, depth);
    });
    if (r == member_read::stop) return false;
    if (r == member_read::no_match && !read_other_member(f, out, seen, ctx, at, depth)) return false;
  }
  bool go_on = true;
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto i) {
    using D = boost::mp11::mp_at_c<members, i>;
    if (!go_on || (seen & (std::uint64_t{1} << i))) return;
    if constexpr ((table::required_mask >> i) & 1u) {
      if constexpr (table::members[i].binding != member_binding::body) {
        if (at == nullptr && ctx.bound_elsewhere) return;
      }
      go_on = missing_member(D::name, T::shape_name, ctx, off, at);
    } else if (!ctx.discard) {
      reset_absent<table::members[i].presence>(out.*D::pointer);
    }
  });
  return go_on;
}

// ---- reading any value: the common case first -----------------------------------------------
// A leaf with a read_fast() is tried there first, inline; anything else (another type, an
// escape, a broken constraint, null) leaves the value untouched, and read_value_slow() reads
// it the long way, which says what is wrong. Same result, fewer branches and calls.

/** An optional leaf's read_fast(): an absent member stays absent unless the read succeeds. */
template <class T>
bool read_plain(od::value& v, std::optional<T>& out, const read_context& ctx) {
  if (out) return leaf_of<T>::read_fast(v, *out, ctx);
  T value{};
  if (!leaf_of<T>::read_fast(v, value, ctx)) return false;
  out = std::move(value);
  return true;
}

/** Reads a value whose JSON type has been checked (json_type_of<T>()). */
template <class T>
bool read_typed(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t depth) {
  if constexpr (is_leaf_v<T>) {
    return leaf_of<T>::read(v, out, ctx, at, depth);
  } else {
    const std::size_t off = value_offset(v, ctx);
    if (!ctx.enter_level(depth, off, at)) return false;
    od::object o;
    if (auto e = v.get_object().get(o)) return ctx.simdjson_error(e, off, at);
    return read_struct(o, out, ctx, at, off, depth + 1);
  }
}

template <class T>
bool read_value_slow(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t depth);

/** Reads `v` as a T into `out`, reporting what breaks the model; false when reading must stop. */
template <class T>
BEDROCK_AGENT_ALWAYS_INLINE bool read_value(od::value& v, T& out, read_context& ctx, const path_node* at, std::size_t depth) {
  if constexpr (is_optional<T>::value && !is_leaf_v<T>) {
    using U = typename T::value_type;
    if constexpr (has_read_fast<U>::value) {
      return read_plain(v, out, ctx) || read_value_slow(v, out, ctx, at, depth);
    } else {
      od::json_type t;
      if (v.type().get(t) != simdjson::SUCCESS || t == od::json_type::null) return read_value_slow(v, out, ctx, at, depth);
      if (!out) out.emplace();
      return read_value(v, *out, ctx, at, depth);
    }
  } else if constexpr (has_read_fast<T>::value) {
    return leaf_of<T>::read_fast(v, out, ctx) || read_value_slow(v, out, ctx, at, depth);
  } else {
    od::json_type t;
    if (v.type().get(t) != simdjson::SUCCESS || t != json_type_of<T>()) return read_value_slow(v, out, ctx, at, depth);
    return read_typed(v, out, ctx, at, depth);
  }
}

/** read_value() the long way: every type, every finding. Out of line: the common case of every
 *  type is read without it. */
template <class T>
BEDROCK_AGENT_COLD bool read_value_slow(od::value& v, T& out, read_context& ctx, const path_node* at,
                                        std::size_t depth) {
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.simdjson_error(e, value_offset(v, ctx), at);
  if constexpr (is_optional<T>::value && !is_leaf_v<T>) {
    using U = typename T::value_type;
    if (t == od::json_type::null) {
      if (!ctx.opt.null_as_absent) return null_value<U>(v, ctx, at);
      out.reset();
      return check_scalar_token(v, t, ctx, at);
    }
    if (!out) out.emplace();
    return read_value(v, *out, ctx, at, depth);
  } else {
    if (t == od::json_type::null) {
      if constexpr (!is_required_member_v<T>) {  // a defaulted type (a member declared otherwise: declared_null)
        if (ctx.opt.null_as_absent) {
          out = T{};
          return check_scalar_token(v, t, ctx, at);
        }
      }
      return null_value<T>(v, ctx, at);
    }
    if (t != json_type_of<T>()) return wrong_type<T>(v, t, ctx, at, depth);
    return read_typed(v, out, ctx, at, depth);
  }
}

/** Reports what follows the root object at `from` (whitespace allowed), if anything. */
inline void check_trailing(std::size_t from, read_context& ctx) {
  const std::size_t off = skip_json_whitespace(ctx.input, from);
  if (off >= ctx.input.size()) return;
  ctx.report(rules::json_trailing_content, off, nullptr, [&] {
    return finding_text{"the end of the input", ctx.found_at(off), "content follows the root object: " + ctx.found_at(off)};
  });
}

/** Walks the root object of `json` into `out`, then checks that nothing follows `end` (the
 *  end of the root object when known, else wherever On-Demand stopped). */
template <class T>
void read_root_object(od::document& doc, od::object& obj, T& out, read_context& ctx, std::size_t root) {
  if (!read_struct(obj, out, ctx, nullptr, root, 1) || ctx.failed) return;
  const char* next = nullptr;
  if (doc.current_location().get(next) == simdjson::SUCCESS) {  // OUT_OF_BOUNDS means at the end
    check_trailing(ctx.offset_of(next), ctx);
  }
}

/** Walks a root object that On-Demand's root check refused, without that check: opened as a
 *  value (get_value().get_object()), the walk meets the actual mistake and reports it like any
 *  other (with its pointer), or completes the object and finds what follows it. Only for input
 *  whose first padding byte is 0: the walk then stops with an error where the input ends, so
 *  it never reads past the structural index (simdjson issue 1834 is about a '}' there). */
template <class T>
void read_unchecked_root(od::parser& parser, simdjson::padded_string_view json, T& out, read_context& ctx,
                         std::size_t root) {
  od::document doc;
  od::value v;
  od::object obj;
  if (auto e = parser.iterate(json).get(doc)) {
    ctx.simdjson_error(e, root, nullptr);
    return;
  }
  ctx.doc = &doc;
  if (auto e = doc.get_value().get(v)) {
    ctx.simdjson_error(e, root, nullptr);
  } else if (auto e2 = v.get_object().get(obj)) {
    ctx.simdjson_error(e2, root, nullptr);
  } else {
    read_root_object(doc, obj, out, ctx, root);
  }
  ctx.doc = nullptr;
}

template <class T>
void read_document_body(od::parser& parser, simdjson::padded_string_view json, T& out, read_context& ctx);

/** Checks the token of a root that is a string, number or literal (On-Demand typed it by its
 *  first byte only). False (reported) when the token is not JSON. */
inline bool check_root_scalar(od::json_type t, std::size_t root, read_context& ctx) {
  if (t == od::json_type::array) return true;
  if (t == od::json_type::string) return check_string_token(ctx.input.data() + root + 1, ctx, nullptr);
  const std::string_view tok = token_at(ctx.input, root, ctx.input.size());
  if (t == od::json_type::number) {
    bool is_integer;
    if (scan_json_number(tok, is_integer) == tok.size()) return true;
    ctx.report(rules::json_invalid_number, root, nullptr, [&] {
      return finding_text{"a number as RFC 8259 writes it", ctx.found_at(root), ctx.found_at(root) + " is not a JSON number"};
    });
    return false;
  }
  if (tok == "null" || tok == "true" || tok == "false") return true;
  ctx.report(rules::json_invalid_literal, root, nullptr, [&] {
    return finding_text{"true, false or null", ctx.found_at(root), ctx.found_at(root) + " is not a JSON literal"};
  });
  return false;
}

/** Reads a whole document as T: the root must be one object and nothing may follow it. */
template <class T>
void read_document(od::parser& parser, simdjson::padded_string_view json, T& out, read_context& ctx) {
  ctx.parser_depth = parser.max_depth() > 0 ? parser.max_depth() - 1 : 0;
  read_document_body(parser, json, out, ctx);
  ctx.doc = nullptr;
  ctx.finish();
}

template <class T>
void read_document_body(od::parser& parser, simdjson::padded_string_view json, T& out, read_context& ctx) {
  const std::string_view in = ctx.input;
  if (in.size() > ctx.opt.max_input_bytes) {
    ctx.report(rules::limit_input_size, 0, nullptr, [&] {
      const std::string most = std::to_string(ctx.opt.max_input_bytes), size = std::to_string(in.size());
      return finding_text{"at most " + most + " bytes", size + " bytes",
                          "the input is " + size + " bytes, more than max_input_bytes (" + most + ")"};
    });
    return;
  }
  if (in.substr(0, 3) == "\xEF\xBB\xBF") {  // RFC 8259 section 8.1: a BOM is not JSON text
    ctx.report(rules::json_syntax, 0, nullptr, [] {
      return finding_text{"a JSON value", "a byte order mark (U+FEFF)",
                          "the input starts with a byte order mark (U+FEFF); JSON text must not"};
    });
    return;
  }
  const std::size_t root = skip_json_whitespace(in, 0);
  if (json.padding() < simdjson::SIMDJSON_PADDING) {  // a caller's buffer without room: read a copy
    const simdjson::padded_string copy(in);
    if (copy.data() == nullptr) {
      ctx.simdjson_error(simdjson::MEMALLOC, root, nullptr);
      return;
    }
    ctx.input = std::string_view(copy.data(), copy.size());
    read_document_body(parser, simdjson::padded_string_view(copy), out, ctx);
    ctx.input = in;
    return;
  }
  od::document doc;
  if (auto e = parser.iterate(json).get(doc)) {
    ctx.simdjson_error(e, root, nullptr);
    return;
  }
  ctx.doc = &doc;
  od::json_type t;
  if (auto e = doc.type().get(t)) {
    ctx.simdjson_error(root == in.size() ? simdjson::EMPTY : e, root, nullptr);
  } else if (t != od::json_type::object && !check_root_scalar(t, root, ctx)) {
    // a malformed scalar root is reported as what it is
  } else if (t != od::json_type::object) {
    std::size_t end = root;
    while (end < in.size() && end - root < 24 && in[end] != '\n') ++end;
    ctx.report(rules::json_root_not_object, root, nullptr, [&] {
      return finding_text{"an object (" + std::string(T::shape_name) + ")",
                          std::string(json_type_name(t)) + " " + excerpt(in.substr(root, end - root)),
                          "the document must be a JSON object (" + std::string(T::shape_name) + "), not " +
                              json_type_with_article(t)};
    });
  } else {
    // get_object() on the root is where On-Demand checks that the root's last token closes it
    od::object obj;
    const auto e = doc.get_object().get(obj);
    if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
      // Refused: the last token is not the root's '}' (content follows it, or it is never
      // closed), or, when the byte after the input is '}', the brackets do not balance. Walk
      // it anyway to say exactly what is wrong and where; error path only.
      ctx.doc = nullptr;
      if (json.data()[json.length()] == '\0') {
        read_unchecked_root(parser, json, out, ctx, root);
      } else {  // the caller's padding: walk a copy padded with zeros
        const simdjson::padded_string copy(in);
        if (copy.data() == nullptr) {
          ctx.simdjson_error(simdjson::MEMALLOC, root, nullptr);
        } else {
          ctx.input = std::string_view(copy.data(), copy.size());
          read_unchecked_root(parser, simdjson::padded_string_view(copy), out, ctx, root);
          ctx.input = in;  // offsets into the copy are offsets into the input
        }
      }
    } else if (e) {
      ctx.simdjson_error(e, root, nullptr);
    } else {
      read_root_object(doc, obj, out, ctx, root);
    }
  }
  ctx.doc = nullptr;
}

// ---- checking values built in code (no text) ---------------------------------------------------

template <class T>
bool check_value(const T& v, read_context& ctx, const path_node* at) {
  if constexpr (is_leaf_v<T>) {
    return leaf_of<T>::check(v, ctx, at);
  } else if constexpr (is_optional<T>::value) {
    return !v || check_value(*v, ctx, at);
  } else {
    bool go_on = true;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      if (!go_on) return;
      path_node node{at, d.name, 0, false};
      go_on = check_value(v.*d.pointer, ctx, &node);
    });
    return go_on;
  }
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_JSON_READER_HPP_INCLUDED
