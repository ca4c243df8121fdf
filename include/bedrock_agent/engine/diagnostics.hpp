#ifndef BEDROCK_AGENT_DIAGNOSTICS_HPP_INCLUDED
#define BEDROCK_AGENT_DIAGNOSTICS_HPP_INCLUDED

// Rules and diagnostics. Every check this library makes has a rule with a stable id (what
// users filter on), a source (why the rule exists), and a default severity. A diagnostic says
// which rule broke, where (JSON Pointer, byte offset, line:column) and why.

#include <bedrock_agent/engine/detail/text.hpp>
#include <bedrock_agent/engine/utf8.hpp>

#include <initializer_list>
#include <iterator>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace bedrock_agent {

enum class severity : std::uint8_t { warning, error };

/// Why a rule exists.
enum class rule_source : std::uint8_t { json_syntax, resource_bound, model, semantic, protocol };

/// What a rule is: data, declared by the module that checks it (codec_rules.hpp, shapes.hpp,
/// http.hpp, status.hpp, or a user's own) and registered with register_rules().
struct rule_description {
  std::string_view id;       ///< stable id, e.g. "constraint.length": never renamed
  rule_source source;
  bool fatal;                ///< parsing cannot go on after it
  severity level;            ///< default severity
  std::string_view summary;  ///< one line
  /// The reader refuses the value itself on a finding: the target cannot hold it (a missing
  /// member, the wrong JSON type, null, a bad PrimitiveLong or timestamp, an undecodable path
  /// label, an undeclared error type). Dropping such a finding would make a value up.
  bool refuses_value = false;
  /// A constraint on a value that is kept either way: parse_options::constraints_as_warnings
  /// lowers it to a warning.
  bool constraint = false;
};

/// A handle to a rule_description with static storage (rules::json_syntax, or a user's own):
/// compared by identity, cheap to copy. A default-constructed rule names no rule.
class rule {
 public:
  constexpr rule() noexcept = default;
  constexpr explicit rule(const rule_description& d) noexcept : d_(&d) {}
  explicit rule(const rule_description&&) = delete;  // a temporary would dangle

  /** The description; precondition: the rule names one. */
  constexpr const rule_description& info() const noexcept { return *d_; }
  constexpr bool empty() const noexcept { return d_ == nullptr; }

  friend constexpr bool operator==(rule a, rule b) noexcept { return a.d_ == b.d_; }
  friend constexpr bool operator!=(rule a, rule b) noexcept { return a.d_ != b.d_; }
  /// By id, for sorted containers and stable output.
  friend constexpr bool operator<(rule a, rule b) noexcept { return rule_id_of(a) < rule_id_of(b); }

 private:
  static constexpr std::string_view rule_id_of(rule r) noexcept { return r.d_ ? r.d_->id : std::string_view(); }

  const rule_description* d_ = nullptr;
};

/** The id, source and summary of `r`. */
constexpr const rule_description& rule_info(rule r) noexcept { return r.info(); }

/** Whether the reader refuses the value itself on a finding of `r` (rule_description::refuses_value). */
constexpr bool rule_refuses_value(rule r) noexcept { return r.info().refuses_value; }

/** Whether parse_options::disabled can drop the findings of `r`. Not a fatal rule (a document
 *  that does not parse is never valid), not a resource bound, and not a rule that refuses a
 *  value (rule_refuses_value). The others only judge a value that is kept either way; a
 *  disabled constraint.enum keeps an unknown value verbatim, as keep_unknown_enum_values does. */
constexpr bool rule_can_be_disabled(rule r) noexcept {
  const rule_description& info = r.info();
  return !info.fatal && info.source != rule_source::resource_bound && !info.refuses_value;
}

/** The stable id of `r`, e.g. "shape.unknown-member"; "" for no rule. */
constexpr std::string_view rule_id(rule r) noexcept { return r.empty() ? std::string_view() : r.info().id; }

namespace detail {
/// Every registered rule, in listing order: modules by their order number, then in the order
/// each module lists its rules.
struct rule_registry {
  struct entry {
    int order;
    rule r;
  };
  std::vector<entry> entries;

  static rule_registry& instance() {
    static rule_registry r;
    return r;
  }
};
}  // namespace detail

/** Registers a module's rules under `order` (the library's modules use 100 to 400; a user's
 *  module, any larger number, lists after them). Returns false, registering nothing, when an
 *  id is already taken by another rule or given twice. Registration is meant for static
 *  initialization (an inline variable per module, as the library's modules do); it must not
 *  race with the look-ups below. */
inline bool register_rules(int order, std::initializer_list<rule> module_rules) {
  auto& entries = detail::rule_registry::instance().entries;
  for (auto it = module_rules.begin(); it != module_rules.end(); ++it) {
    if (it->empty()) return false;
    for (auto jt = module_rules.begin(); jt != it; ++jt)
      if (jt->info().id == it->info().id) return false;
    for (const auto& e : entries)
      if (e.r.info().id == it->info().id && e.r != *it) return false;
  }
  for (rule r : module_rules) {
    bool present = false;
    for (const auto& e : entries) present = present || e.r == r;
    if (present) continue;
    auto pos = entries.end();
    while (pos != entries.begin() && std::prev(pos)->order > order) --pos;
    entries.insert(pos, {order, r});
  }
  return true;
}

/** Every registered rule, in listing order (the order of docs/rules.md and of SARIF's rule table). */
inline std::vector<rule> registered_rules() {
  std::vector<rule> out;
  for (const auto& e : detail::rule_registry::instance().entries) out.push_back(e.r);
  return out;
}

/** The registered rule whose id is `id`; false when there is none. */
inline bool rule_from_id(std::string_view id, rule& out) noexcept {
  for (const auto& e : detail::rule_registry::instance().entries) {
    if (e.r.info().id == id) {
      out = e.r;
      return true;
    }
  }
  return false;
}

/** The position of `r` in registered_rules(), or registered_rules().size() when it is not registered. */
inline std::size_t rule_index(rule r) noexcept {
  const auto& entries = detail::rule_registry::instance().entries;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].r == r) return i;
  return entries.size();
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

/// A set of rules (e.g. the ones a caller disabled), of any size.
class rule_set {
 public:
  void insert(rule r) {
    if (!contains(r)) rules_.push_back(r);
  }
  void erase(rule r) noexcept {
    for (auto it = rules_.begin(); it != rules_.end(); ++it) {
      if (*it == r) {
        rules_.erase(it);
        return;
      }
    }
  }
  bool contains(rule r) const noexcept {
    for (rule x : rules_)
      if (x == r) return true;
    return false;
  }
  bool empty() const noexcept { return rules_.empty(); }

 private:
  std::vector<rule> rules_;
};

/// One finding.
struct diagnostic {
  rule id;                   ///< the rule that broke
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
    const auto& entries = rule_registry::instance().entries;
    if (ev < 0 || static_cast<std::size_t>(ev) >= entries.size()) return "unknown bedrock_agent rule";
    const auto& info = entries[static_cast<std::size_t>(ev)].r.info();
    return std::string(info.id) + ": " + std::string(info.summary);
  }
};
}  // namespace detail

/** The error category of `rule` values. */
inline const std::error_category& rule_category() noexcept {
  static const detail::rule_category_impl instance;
  return instance;
}
/** An error_code whose value is rule_index(r). */
inline std::error_code make_error_code(rule r) noexcept {
  return {static_cast<int>(rule_index(r)), rule_category()};
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
        append_hex_byte(out, c);
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
      append_hex_byte(out, c);
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
