#ifndef BEDROCK_AGENT_TESTING_MUTATIONS_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_MUTATIONS_HPP_INCLUDED

// Single-rule mutations: from a valid document (a generated value, written in a generated
// equivalent encoding), a document that breaks exactly one named rule, paired with the rule
// id, the JSON Pointer and the byte offset range where a checker must report it. One
// generator per rule a document can break; sites (where the rule is broken) are derived from
// the shape's description, so a new shape gets its mutations without hand code.
//
// Where a finding is reported, by rule:
//  - member rules (shape.wrong-type, shape.null, long.*, constraint.*, time.invalid,
//    semantic.negative-counter, json.number, json.literal, and whatever a leaf_generator<T>'s
//    breaking() breaks): at the value, pointer of the value;
//  - shape.unknown-member, json.duplicate-member: at the (second) member name, pointer of the
//    member; shape.missing-member: at the object's '{', pointer of the object;
//  - json.escape, json.surrogate: at the backslash, pointer of the string's value (of the
//    object, for a member name);
//  - json.utf8, json.control-character: at the offending byte, pointer "" (they are found by
//    the scan of the whole input before any value is read);
//  - json.trailing-content: at the first byte after the root; json.root-not-object: at the
//    root; limit.input-size: pointer "" at 0; limit.depth: at the first value too deep;
//  - json.syntax: the pointer is not specified (nullopt); the offset is in the document.
//
// Test-only: needs RapidCheck.

#include <bedrock_agent/testing/arbitrary.hpp>
#include <bedrock_agent/testing/encodings.hpp>

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <rapidcheck.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bedrock_agent::testing {

/// A document that breaks exactly one rule, and where that rule must be reported.
struct mutation {
  std::string_view shape;               ///< the shape the document is read as (T::shape_name)
  std::string document;                 ///< the broken JSON text
  rule expected = rules::json_syntax;    ///< the one rule it breaks
  std::optional<std::string> pointer;   ///< where it must be reported; nullopt: anywhere (json.syntax)
  std::size_t offset_min = 0;           ///< the finding's byte offset is in [offset_min, offset_max]
  std::size_t offset_max = 0;
  parse_options options{};              ///< the contract profile, or one with a lowered resource bound
  std::string edit;                     ///< what was changed, in words

  /** True when `d` is the finding this mutation must produce: its rule, at its pointer, within
   *  its offset range, at error level. */
  bool matches(const diagnostic& d) const {
    return d.id == expected && d.level == severity::error && (!pointer || d.pointer == *pointer) &&
           d.offset >= offset_min && d.offset <= offset_max;
  }
};

inline std::ostream& operator<<(std::ostream& os, const mutation& m) {
  os << "mutation " << rule_id(m.expected) << " of " << m.shape << ": " << m.edit << "\n  expected at "
     << (m.pointer ? (m.pointer->empty() ? std::string("the root") : *m.pointer) : std::string("any pointer"))
     << ", offset " << m.offset_min;
  if (m.offset_max != m.offset_min) os << ".." << m.offset_max;
  if (m.options.max_input_bytes != parse_options{}.max_input_bytes) os << ", max_input_bytes " << m.options.max_input_bytes;
  if (m.options.max_depth != parse_options{}.max_depth) os << ", max_depth " << m.options.max_depth;
  return os << "\n  document (" << m.document.size() << " bytes): " << bedrock_agent::detail::excerpt(m.document, 600);
}

namespace detail {

/** RFC 6901: `name` as one pointer segment. */
inline std::string pointer_segment(std::string_view name) {
  std::string out;
  bedrock_agent::detail::append_pointer_segment(out, name);
  return out;
}

/// What applying one site produced: where the finding must be, relative to a marked node.
struct site_outcome {
  std::optional<std::string> pointer;
  const void* mark = nullptr;     ///< node or member whose first byte the offsets count from
  std::size_t delta_min = 0, delta_max = 0;
  bool anywhere = false;          ///< offset anywhere in the document
  bool absolute = false;          ///< offsets are absolute (document-level edits)
  std::string edit;
  parse_options options{};
  std::string suffix;             ///< appended after the document
  std::optional<std::string> document;  ///< replaces the whole document
  std::function<void(std::string&, site_outcome&)> postprocess;  ///< a text-level edit
};

using site = std::function<void(site_outcome&)>;

inline unsigned hex_digit(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
  return 0;
}

/** Byte positions in an escaped string body where a character may be inserted without
 *  splitting a UTF-8 sequence, an escape or a surrogate pair. */
inline std::vector<std::size_t> insertion_points(std::string_view raw) {
  std::vector<std::size_t> at{0};
  for (std::size_t i = 0; i < raw.size();) {
    const auto b = static_cast<unsigned char>(raw[i]);
    std::size_t len = 1;
    if (b == '\\') {
      len = raw[i + 1] == 'u' ? 6 : 2;
      if (len == 6 && i + 12 <= raw.size() && raw[i + 6] == '\\' && raw[i + 7] == 'u') {
        const unsigned hi = (hex_digit(raw[i + 2]) << 12) | (hex_digit(raw[i + 3]) << 8) |
                            (hex_digit(raw[i + 4]) << 4) | hex_digit(raw[i + 5]);
        if (hi >= 0xD800 && hi <= 0xDBFF) len = 12;
      }
    } else if (b >= 0xF0) {
      len = 4;
    } else if (b >= 0xE0) {
      len = 3;
    } else if (b >= 0xC0) {
      len = 2;
    }
    i += len;
    at.push_back(i);
  }
  return at;
}

/** The JSON type a value of T is written as: what the codec declares (a leaf's
 *  leaf_traits<T>::json_type, object for a described structure). */
enum class json_kind { string, number, boolean, array, object };
template <class T>
constexpr json_kind json_kind_of() {
  using od_type = simdjson::ondemand::json_type;
  if constexpr (is_optional<T>::value) return json_kind_of<typename T::value_type>();
  else if constexpr (bedrock_agent::detail::json_type_of<T>() == od_type::number) return json_kind::number;
  else if constexpr (bedrock_agent::detail::json_type_of<T>() == od_type::boolean) return json_kind::boolean;
  else if constexpr (bedrock_agent::detail::json_type_of<T>() == od_type::array) return json_kind::array;
  else if constexpr (bedrock_agent::detail::json_type_of<T>() == od_type::object) return json_kind::object;
  else return json_kind::string;
}

/** A well-formed value of a JSON type other than `k` (and not null). */
inline std::string wrong_type_value(json_kind k) {
  std::vector<std::string> v;
  if (k != json_kind::number) v.insert(v.end(), {"0", "42", "-7", "1.5e3"});
  if (k != json_kind::boolean) v.insert(v.end(), {"true", "false"});
  if (k != json_kind::string) v.insert(v.end(), {"\"\"", "\"42\"", "\"STOPPED\"", "\"2024-01-01T00:00:00Z\""});
  if (k != json_kind::array) v.insert(v.end(), {"[]", "[\"x\"]", "[1,2]"});
  if (k != json_kind::object) v.insert(v.end(), {"{}", "{\"a\":1}"});
  return choose_from(v);
}

/// Tokens that start like null but are not a JSON literal.
inline std::string bad_literal() {
  return choose_from<std::string>({"nul", "nulll", "n", "null1", "nuLL", "nil", "none", "nulx"});
}

template <class T>
std::vector<std::string_view> member_names() {
  std::vector<std::string_view> names;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto d) { names.emplace_back(d.name); });
  return names;
}

/** A member name that T does not have: case variants and near misses of its names, names of
 *  other shapes' members, names that need pointer escaping ('/', '~'), the empty name, and
 *  arbitrary text. */
template <class T>
std::string unknown_member_name() {
  const std::vector<std::string_view> names = member_names<T>();
  std::string s;
  switch (choose(6)) {
    case 0:
      s = "x";
      break;
    case 1: {  // a near miss of a real name
      if (names.empty()) {
        s = "message";
        break;
      }
      s = std::string(choose_from(names));
      switch (choose(4)) {
        case 0: s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0] + 1); break;
        case 1: s += '_'; break;
        case 2: s = ' ' + s; break;
        default: s.pop_back(); break;
      }
      break;
    }
    case 2:
      s = choose_from<std::string>({"ingestionJob", "status", "message", "fieldList", "name", "statistics",
                                    "__type", "code", "Message", "failureReason", "nextToken"});
      break;
    case 3:
      s = choose_from<std::string>({"a/b", "~", "~0", "~1", "/", "a~b/c~1d", "..", "0"});
      break;
    case 4:
      s = "";
      break;
    default:
      s = *text_of_length(1 + choose(10));
      break;
  }
  if (std::find(names.begin(), names.end(), std::string_view(s)) != names.end()) s += "Extra";
  return s;
}

// ---- sites, per category -----------------------------------------------------------------------

/** Sites that insert something into the escaped text of a string: `raw` (a value's or a
 *  member name's), with the finding at `pointer`, offsets counted from `mark` (the string
 *  node, or the member whose name it is; both start at the opening quote). */
inline void string_text_sites(rule r, std::string* raw, const void* mark, const std::string& pointer,
                              const std::string& where, std::vector<site>& out) {
  auto insert = [raw, mark, where](site_outcome& o, std::string what, std::string description) {
    const std::vector<std::size_t> at = insertion_points(*raw);
    const std::size_t pos = at[choose(at.size())];
    raw->insert(pos, what);
    o.mark = mark;
    o.delta_min = o.delta_max = 1 + pos;
    o.edit = description + " at byte " + std::to_string(pos) + " of " + where;
  };
  if (r == rules::json_invalid_escape) {
    out.push_back([=](site_outcome& o) {
      std::string e = choose_from<std::string>(
          {"\\x41", "\\a", "\\U0041", "\\u12G4", "\\'", "\\0", "\\ ", "\\v", "\\uZZZZ", "\\u00g0", "\\e", "\\%"});
      insert(o, e, "inserted the escape " + e);
      o.pointer = pointer;
    });
  } else if (r == rules::json_unpaired_surrogate) {
    out.push_back([=](site_outcome& o) {
      std::string e = choose_from<std::string>(
          {"\\uD800", "\\udc00", "\\uDBFF\\uDBFF", "\\uDFFF", "\\ud83d", "\\uD83D\\u0041", "\\uDE00\\uD83D"});
      insert(o, e, "inserted " + e);
      o.pointer = pointer;
    });
  } else if (r == rules::json_control_character) {
    out.push_back([=](site_outcome& o) {
      const auto c = static_cast<char>(choose(0x20));
      std::string why = "inserted the raw byte 0x";
      bedrock_agent::detail::append_hex_byte(why, static_cast<unsigned char>(c));
      insert(o, std::string(1, c), why);
      o.pointer = "";
    });
  } else if (r == rules::json_invalid_utf8) {
    out.push_back([=](site_outcome& o) {
      static const std::vector<std::string> bad = {
          "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xED\xBF\xBF",
          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xFE", "\xC2", "\xE2\x82", "\xF0\x9F\x98"};
      const std::string b = choose_from(bad);
      insert(o, b, "inserted the bytes " + bedrock_agent::detail::excerpt(b));
      o.pointer = "";
    });
  }
}

template <class T>
void collect_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out);

/** Sites of a string shape S at string node `n`. */
template <class S>
void string_shape_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  constexpr string_constraints c = S::constraints;
  const std::size_t pmin = c.pattern.min_count, pmax = c.pattern.max_count;
  json_node* node = &n;
  auto replace = [node, pointer](site_outcome& o, std::string text, std::string why) {
    node->raw = escape_json(text, static_cast<std::uint32_t>(choose(3)));
    o.pointer = pointer;
    o.mark = node;
    o.edit = "replaced " + pointer + " with \"" + bedrock_agent::detail::excerpt(text, 60) + "\" (" + why + ")";
  };
  if (r == rules::constraint_length && c.pattern.regex) {
    // a text of a wrong length that still matches a regular expression needs the shape's own
    // generator: none here (ClientToken's length is broken through check_value in the tests)
  } else if (r == rules::constraint_length) {
    // lengths outside [min_length, max_length] that the pattern still accepts
    std::vector<std::size_t> bad;
    for (std::size_t len = c.min_length > 3 ? c.min_length - 3 : 0; len < c.min_length; ++len) {
      if (len >= pmin && len <= pmax) bad.push_back(len);
    }
    if (c.max_length != unbounded) {
      for (std::size_t len = c.max_length + 1; len <= c.max_length + 3; ++len) {
        if (len >= pmin && len <= pmax) bad.push_back(len);
      }
    }
    if (!bad.empty()) {
      out.push_back([=](site_outcome& o) {
        const std::size_t len = choose_from(bad);
        replace(o, *text_of_length(len, c.pattern.chars), std::to_string(len) + " code points");
      });
    }
  } else if (r == rules::constraint_pattern && !c.pattern.text.empty()) {
    const std::size_t lmin = (std::max)(c.min_length, std::size_t{0}), lmax = c.max_length;
    std::vector<std::size_t> bad_count;  // counts the pattern rejects and the length accepts
    for (std::size_t len = pmin > 3 ? pmin - 3 : 0; len < pmin; ++len) {
      if (len >= lmin && len <= lmax) bad_count.push_back(len);
    }
    if (pmax != unbounded) {
      for (std::size_t len = pmax + 1; len <= pmax + 3; ++len) {
        if (len >= lmin && len <= lmax) bad_count.push_back(len);
      }
    }
    if (!bad_count.empty()) {
      out.push_back([=](site_outcome& o) {
        const std::size_t len = choose_from(bad_count);
        replace(o, *text_of_length(len, c.pattern.chars), std::to_string(len) + " characters");
      });
    }
    const std::size_t good_min = (std::max)(pmin, lmin), good_max = (std::min)(pmax, lmax);
    if (c.pattern.chars != charset::any && good_min <= good_max && good_max > 0) {
      out.push_back([=](site_outcome& o) {
        const std::size_t len = (std::max<std::size_t>)(good_min, 1) +
                                choose((std::min<std::size_t>)(good_max, good_min + 20) - (std::max<std::size_t>)(good_min, 1) + 1);
        std::vector<char32_t> cps = *rc::gen::container<std::vector<char32_t>>(len, code_point(c.pattern.chars));
        char32_t foreign = *code_point(charset::any);
        if (in_charset(c.pattern.chars, foreign)) {  // one the class excludes
          foreign = c.pattern.chars == charset::non_space ? U' ' : c.pattern.chars == charset::no_line_terminator ? U'\n' : U'-';
        }
        cps[choose(len)] = foreign;
        replace(o, to_utf8(cps), "a character outside the pattern's class");
      });
    }
  }
  string_text_sites(r, &n.raw, node, pointer, pointer, out);
}

inline void time_sites(rule r, json_node& n, timestamp t, const std::string& pointer, std::vector<site>& out) {
  json_node* node = &n;
  if (r == rules::time_invalid) {
    out.push_back([=](site_outcome& o) {
      std::string s = format_timestamp(t);  // YYYY-MM-DDThh:mm:ss[.f]Z
      const std::string date = s.substr(0, 10), clock = s.substr(11, 8);
      switch (choose(27)) {
        case 0: s.replace(5, 2, "13"); break;
        case 1: s.replace(5, 2, "00"); break;
        case 2: s.replace(8, 2, "00"); break;
        case 3: s.replace(8, 2, "32"); break;
        case 4: s.replace(5, 5, "02-30"); break;
        case 5: s.replace(0, 10, choose_from<std::string>({"2023-02-29", "1900-02-29", "2100-02-29", "0001-02-29"})); break;
        case 6: s.replace(11, 2, "24"); break;
        case 7: s.replace(14, 2, "60"); break;
        case 8: s.replace(17, 2, "60"); break;  // a leap second
        case 9: s.replace(17, 2, choose_from<std::string>({"61", "99"})); break;
        case 10: s = date + "T" + clock.substr(0, 5) + "Z"; break;
        case 11: s[10] = choose_from<char>({' ', '_', 'x'}); break;
        case 12: s.pop_back(); break;
        case 13: s.back() = '+'; s += "24:00"; break;
        case 14: s.back() = '-'; s += "05:60"; break;
        case 15: s = date + "T" + clock + ".1234567891Z"; break;
        case 16: s = date + "T" + clock + ".Z"; break;
        case 17: s.replace(0, 4, "0000"); break;
        case 18: s = choose_from<std::string>({"0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01",
                                               "0001-01-01T00:59:59.999999999+01:00"}); break;
        case 19: s = choose_from<std::string>({" ", "\\t", "\\n"}) + s; break;
        case 20: s += choose_from<std::string>({"Z", " ", "x", "00"}); break;
        case 21: s = date; break;
        case 22: s = std::to_string(t.seconds()); break;
        case 23: s = ""; break;
        case 24: s.back() = 'U'; s += "TC"; break;
        case 25: s = s.substr(2); break;
        default: s = date + "T" + clock + ",5Z"; break;
      }
      node->raw = s.find('\\') != std::string::npos ? s : escape_json(s, static_cast<std::uint32_t>(choose(3)));
      o.pointer = pointer;
      o.mark = node;
      o.delta_min = 0;
      o.delta_max = node->raw.size() + 1;
      o.edit = "replaced " + pointer + " with the timestamp \"" + bedrock_agent::detail::excerpt(s) + "\"";
    });
  }
  string_text_sites(r, &n.raw, node, pointer, pointer, out);
}

template <class E>
void enum_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  json_node* node = &n;
  if (r == rules::constraint_enum) {
    out.push_back([=](site_outcome& o) {
      const std::string s = *unknown_enum_string<E>();
      node->raw = escape_json(s, static_cast<std::uint32_t>(choose(3)));
      o.pointer = pointer;
      o.mark = node;
      o.edit = "replaced " + pointer + " with \"" + bedrock_agent::detail::excerpt(s) + "\"";
    });
  }
  string_text_sites(r, &n.raw, node, pointer, pointer, out);
}

/** What replaces number node `n` (at `pointer`) with a token and records the edit. */
inline auto token_replacer(json_node& n, const std::string& pointer) {
  return [node = &n, pointer](site_outcome& o, std::string token) {
    node->raw = token;
    o.pointer = pointer;
    o.mark = node;
    o.edit = "replaced " + pointer + " with " + token;
  };
}

inline void counter_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out, bool nonnegative) {
  json_node* node = &n;
  auto replace = token_replacer(n, pointer);
  if (r == rules::long_not_integer) {
    out.push_back([=](site_outcome& o) {
      const std::string v = node->raw;
      replace(o, choose_from<std::string>({v + ".0", v + ".5", v + "e0", v + "E2", v + ".25e+1", v + "e-1",
                                           v + ".0E-0", "-" + v + ".5", "1e400", v + ".000000000000000000001"}));
    });
  } else if (r == rules::long_out_of_range) {
    out.push_back([=](site_outcome& o) {
      std::string big = std::to_string(1 + choose(9));
      for (std::size_t i = 0, n_digits = 19 + choose(20); i < n_digits; ++i) big += static_cast<char>('0' + choose(10));
      replace(o, choose_from<std::string>({"9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                           "18446744073709551616", big, "-" + big}));
    });
  } else if (r == rules::semantic_negative_counter && nonnegative) {
    out.push_back([=](site_outcome& o) {
      replace(o, choose_from<std::string>({"-1", "-9223372036854775808", "-" + std::to_string(1 + *counter() % 1000000),
                                           "-9223372036854775807"}));
    });
  } else if (r == rules::json_invalid_number) {
    out.push_back([=](site_outcome& o) {
      const std::string v = node->raw;
      replace(o, choose_from<std::string>({"01", "-01", "00", "1.", "-", "1e", "1e+", "1.e5", "0x1F", "1_000",
                                           "2e3e4", "1.5.2", "-.5", "0" + v, v + ".", v + "e", "--1", "-a"}));
    });
  }
}

template <class L>
void list_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  using E = typename L::value_type;
  constexpr list_constraints c = L::constraints;
  json_node* node = &n;
  if (r == rules::constraint_list_length && (c.min_items > 0 || c.max_items != unbounded)) {
    out.push_back([=](site_outcome& o) {
      std::vector<std::size_t> bad;
      for (std::size_t k = c.min_items > 3 ? c.min_items - 3 : 0; k < c.min_items; ++k) bad.push_back(k);
      if (c.max_items != unbounded) bad.insert(bad.end(), {c.max_items + 1, c.max_items + 2, c.max_items + 7});
      const std::size_t count = choose_from(bad);
      chooser ch = chooser::canonical();
      node->items.resize((std::min)(node->items.size(), count));
      if (node->items.size() < count) {  // one more small item, copied: 2049 generated items would be slow
        const json_node extra = to_node(*rc::gen::resize(0, arbitrary<E>()), ch);
        node->items.resize(count, extra);
      }
      o.pointer = pointer;
      o.mark = node;
      o.edit = "made " + pointer + " hold " + std::to_string(count) + " items";
    });
  }
  // Items: the first few and the last (a list at its bound has 2048 of them).
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    if (i >= 4 && i + 1 != n.items.size()) continue;
    const std::string item_pointer = pointer + "/" + std::to_string(i);
    json_node* item = &n.items[i];
    if (r == rules::shape_wrong_type || r == rules::shape_null || r == rules::json_invalid_literal) {
      out.push_back([=](site_outcome& o) {
        item->raw = r == rules::shape_null ? "null" : r == rules::shape_wrong_type ? wrong_type_value(json_kind_of<E>()) : bad_literal();
        item->type = json_node::kind::scalar;
        item->items.clear();
        item->members.clear();
        o.pointer = item_pointer;
        o.mark = item;
        o.edit = "replaced " + item_pointer + " with " + item->raw;
      });
    }
    collect_sites<E>(r, n.items[i], item_pointer, out);
  }
}

template <class T>
void struct_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  json_node* object = &n;
  const std::string where = pointer.empty() ? std::string("the root") : pointer;
  if (r == rules::shape_unknown_member) {
    out.push_back([=](site_outcome& o) {
      json_node::member m;
      m.name = unknown_member_name<T>();
      m.raw_key = escape_json(m.name, static_cast<std::uint32_t>(choose(3)));
      m.value = json_node::scalar(any_json(2));
      const std::size_t at = choose(object->members.size() + 1);
      object->members.insert(object->members.begin() + static_cast<std::ptrdiff_t>(at), std::move(m));
      const json_node::member& added = object->members[at];
      o.pointer = pointer + "/" + pointer_segment(added.name);
      o.mark = &added;
      o.edit = "added the member \"" + bedrock_agent::detail::excerpt(added.name) + "\": " + added.value.raw + " to " + where;
    });
  }
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
    using M = member_t<T, decltype(d)>;
    const std::string name = d.name;
    const std::string member_pointer = pointer + "/" + pointer_segment(name);
    std::size_t index = n.members.size();
    for (std::size_t i = 0; i < n.members.size(); ++i) {
      if (n.members[i].name == name) index = i;
    }
    const bool present = index != n.members.size();
    auto value_of = [] {  // a fresh valid value of the member, as a node
      chooser ch = chooser::generated();
      if constexpr (is_optional<M>::value) return to_node(*arbitrary<typename M::value_type>(), ch);
      else return to_node(*arbitrary<M>(), ch);
    };
    if (r == rules::json_duplicate_member) {
      out.push_back([=](site_outcome& o) {
        json_node::member copy;
        copy.name = name;
        copy.raw_key = escape_json(name, static_cast<std::uint32_t>(choose(3)));
        copy.value = present && choose(2) == 0 ? object->members[index].value : value_of();
        std::size_t second = 0;
        if (present) {
          second = index + 1 + choose(object->members.size() - index);
        } else {
          const std::size_t first = choose(object->members.size() + 1);
          json_node::member original = copy;
          original.value = value_of();
          object->members.insert(object->members.begin() + static_cast<std::ptrdiff_t>(first), std::move(original));
          second = first + 1 + choose(object->members.size() - first);
        }
        object->members.insert(object->members.begin() + static_cast<std::ptrdiff_t>(second), std::move(copy));
        o.pointer = member_pointer;
        o.mark = &object->members[second];
        o.edit = std::string(present ? "repeated" : "added twice") + " the member \"" + name + "\" in " + where;
      });
    } else if (r == rules::shape_missing_member) {
      if (present && is_required_member_v<M>) {
        out.push_back([=](site_outcome& o) {
          object->members.erase(object->members.begin() + static_cast<std::ptrdiff_t>(index));
          o.pointer = pointer;
          o.mark = object;
          o.edit = "removed the required member \"" + name + "\" from " + where;
        });
      }
    } else if (r == rules::shape_null || r == rules::shape_wrong_type || r == rules::json_invalid_literal) {
      if (present) {
        out.push_back([=](site_outcome& o) {
          json_node& v = object->members[index].value;
          v = json_node::scalar(r == rules::shape_null ? "null"
                                : r == rules::shape_wrong_type ? wrong_type_value(json_kind_of<M>())
                                                              : bad_literal());
          o.pointer = member_pointer;
          o.mark = &v;
          o.edit = "replaced " + member_pointer + " with " + v.raw;
        });
      } else if (r == rules::shape_null) {
        out.push_back([=](site_outcome& o) {
          json_node::member m;
          m.name = name;
          m.raw_key = escape_json(name, static_cast<std::uint32_t>(choose(3)));
          m.value = json_node::scalar("null");
          const std::size_t at = choose(object->members.size() + 1);
          object->members.insert(object->members.begin() + static_cast<std::ptrdiff_t>(at), std::move(m));
          o.pointer = member_pointer;
          o.mark = &object->members[at].value;
          o.edit = "added the absent optional member \"" + name + "\" as null";
        });
      }
    }
    if (present) {
      json_node::member& m = n.members[index];
      string_text_sites(r, &m.raw_key, &m, pointer, "the member name \"" + name + "\"", out);
      if constexpr (is_optional<M>::value) collect_sites<typename M::value_type>(r, m.value, member_pointer, out);
      else collect_sites<M>(r, m.value, member_pointer, out);
    }
  });
}

inline leaf_break as_leaf_break(leaf_break b) { return b; }
inline leaf_break as_leaf_break(std::string token) { return leaf_break{std::move(token), {}, 0, 0}; }

/** The site of a leaf whose generator G breaks rule `r` itself (r in G::breakable()): value
 *  node `n` replaced with a text of G::breaking(r), the finding at `pointer`, at the text. */
template <class G>
void leaf_break_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  json_node* node = &n;
  out.push_back([r, node, pointer](site_outcome& o) {
    const leaf_break b = as_leaf_break(*G::breaking(r));
    *node = json_node::scalar(b.token);
    o.pointer = pointer;
    o.mark = node;
    o.delta_min = b.offset_min;
    o.delta_max = b.offset_max;
    o.edit = "replaced " + pointer + " with " + bedrock_agent::detail::excerpt(b.token, 60) +
             (b.why.empty() ? std::string() : " (" + b.why + ")");
  });
}

/** True when leaf generator G breaks `r` itself (G::breakable() lists it). */
template <class G>
bool leaf_breaks(rule r) {
  const std::vector<rule> own = G::breakable();
  return std::find(own.begin(), own.end(), r) != own.end();
}

/** Sites inside a value of T: the rules its leaf generator breaks itself (breakable(),
 *  breaking()); otherwise, by the code the codec reads T with (leaf_of<T>), a built-in leaf's
 *  own rules, a structure's members. Any leaf's member or item is also broken by type, null
 *  and literal (struct_sites, list_sites). */
template <class T>
void collect_sites(rule r, json_node& n, const std::string& pointer, std::vector<site>& out) {
  namespace bd = bedrock_agent::detail;
  using L = bd::leaf_of<T>;  // only named: a structure's is never instantiated
  if constexpr (bd::is_leaf_v<T>) {
    using G = leaf_generator_of<T>;
    static_assert(leaf_breaks_complete_v<G>, "leaf_generator<T>: declare breaking(rule) and breakable() together");
    if constexpr (has_leaf_breaks_v<G>) {
      if (leaf_breaks<G>(r)) {
        leaf_break_sites<G>(r, n, pointer, out);
        return;
      }
    }
  }
  if constexpr (std::is_same<L, bd::string_leaf<T>>::value) {
    string_shape_sites<T>(r, n, pointer, out);
  } else if constexpr (std::is_same<L, bd::int64_leaf<T>>::value) {
    counter_sites(r, n, pointer, out, L::nonnegative);
  } else if constexpr (std::is_same<L, bd::integer_leaf<T>>::value) {
    counter_sites(r, n, pointer, out, false);  // range and 32 bits: integer_leaf_generator<T>
  } else if constexpr (std::is_same<L, bd::timestamp_leaf<T>>::value) {
    // the node's value: decode the (possibly escaped, possibly offset) text it was written as
    std::string text;
    for (std::size_t i = 0; i < n.raw.size(); ++i) {
      if (n.raw[i] == '\\' && n.raw[i + 1] == 'u') {
        text += static_cast<char>((hex_digit(n.raw[i + 4]) << 4) | hex_digit(n.raw[i + 5]));  // ASCII only
        i += 5;
      } else {
        text += n.raw[i];
      }
    }
    const auto t = parse_timestamp(text);
    time_sites(r, n, t ? *t : timestamp{}, pointer, out);
  } else if constexpr (std::is_same<L, bd::enum_leaf<T>>::value) {
    enum_sites<typename is_enum_value<T>::enum_type>(r, n, pointer, out);
  } else if constexpr (std::is_same<L, bd::list_leaf<T>>::value) {
    list_sites<T>(r, n, pointer, out);
  } else if constexpr (!bd::is_leaf_v<T>) {
    struct_sites<T>(r, n, pointer, out);
  }
}

/** Depth of containers as the codec counts it (the root object is 1); the first container
 *  deeper than `limit` in document order goes to `*first`. */
inline std::size_t tree_depth(const json_node& n, std::size_t depth, std::size_t limit, const json_node** first,
                              std::string pointer, std::string* first_pointer) {
  if (n.type != json_node::kind::object && n.type != json_node::kind::array) return depth - 1;
  if (depth > limit && !*first) {
    *first = &n;
    *first_pointer = pointer;
  }
  std::size_t deepest = depth;
  if (n.type == json_node::kind::object) {
    for (const auto& m : n.members) {
      deepest = (std::max)(deepest, tree_depth(m.value, depth + 1, limit, first, pointer + "/" + pointer_segment(m.name),
                                               first_pointer));
    }
  } else {
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      deepest = (std::max)(deepest, tree_depth(n.items[i], depth + 1, limit, first, pointer + "/" + std::to_string(i),
                                               first_pointer));
    }
  }
  return deepest;
}

/** Offsets of the structural characters of `doc` outside strings: ({ } [ ] : ,). */
inline std::vector<std::size_t> structural_offsets(std::string_view doc, char which) {
  std::vector<std::size_t> at;
  bool in_string = false;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const char c = doc[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == which) {
      at.push_back(i);
    }
  }
  return at;
}

/** `at`, or the start of the literal (true, false, null) it falls inside, or of the number it
 *  leaves unfinished (after a '.', an exponent or a sign): a document cut there breaks
 *  json.literal or json.number, not json.syntax. */
inline std::size_t outside_literal(std::string_view doc, std::size_t at) {
  bool in_string = false;
  for (std::size_t i = 0; i < at; ++i) {
    if (in_string) {
      if (doc[i] == '\\') ++i;
      else if (doc[i] == '"') in_string = false;
    } else if (doc[i] == '"') {
      in_string = true;
    }
  }
  if (in_string) return at;
  while (at > 0 && doc[at - 1] >= 'a' && doc[at - 1] <= 'z') --at;
  auto number_char = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; };
  if (at > 0 && number_char(doc[at - 1]) && !(doc[at - 1] >= '0' && doc[at - 1] <= '9')) {
    while (at > 0 && number_char(doc[at - 1])) --at;
  }
  return at;
}

/** True when `c` may end or start a number or a literal: two such tokens with nothing
 *  between them read as one (a '0,0' without its comma is the number '00'). */
inline bool scalar_char(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '.'; }

/** Document-level sites: trailing content, a root that is not an object, broken syntax,
 *  lowered resource bounds. */
inline void document_sites(rule r, json_node& root, std::vector<site>& out) {
  json_node* node = &root;
  if (r == rules::json_trailing_content) {
    out.push_back([](site_outcome& o) {
      std::string ws = choose_from<std::string>({"", " ", "\n", "\r\n\t "});
      std::string tail = choose_from<std::string>({"{}", "{\"a\":1}", "}", "]", "1", "x", "null", "\"s\"", ",", "[]",
                                                   "true", "0", "#", "\xc3\xa9"});
      o.suffix = ws + tail;
      o.pointer = "";
      o.absolute = true;
      o.delta_min = o.delta_max = ws.size();  // relative to the end of the document: fixed up later
      o.edit = "appended \"" + bedrock_agent::detail::excerpt(o.suffix) + "\" after the root object";
    });
  } else if (r == rules::json_root_not_object) {
    out.push_back([](site_outcome& o) {
      std::string ws = choose_from<std::string>({"", " ", "\n\t"});
      std::string root = choose_from<std::string>({"[]", "[{}]", "\"text\"", "\"{}\"", "123", "-1.5", "true", "false",
                                                   "null", "[1,2,3]", "0"});
      o.document = ws + root;
      o.pointer = "";
      o.absolute = true;
      o.delta_min = o.delta_max = ws.size();
      o.edit = "replaced the whole document with " + root;
    });
  } else if (r == rules::json_syntax) {
    out.push_back([](site_outcome& o) {
      const std::size_t how = choose(7);
      o.anywhere = true;
      o.postprocess = [how](std::string& doc, site_outcome& oc) {
        auto pick = [&](char c) {
          const auto at = structural_offsets(doc, c);
          return at.empty() ? std::string::npos : at[choose(at.size())];
        };
        const std::size_t open = doc.find('{'), close = doc.rfind('}');
        std::size_t at = std::string::npos;
        switch (how) {
          case 0:  // truncated, at a character boundary inside the root object
            at = open + 1 + choose(close - open);
            while (at < doc.size() && (static_cast<unsigned char>(doc[at]) & 0xC0) == 0x80) ++at;
            if (at > close) at = close;
            at = outside_literal(doc, at);
            doc.erase(at);
            oc.edit = "cut the document after byte " + std::to_string(at);
            return;
          case 1:
            if ((at = pick(':')) == std::string::npos) break;
            doc.erase(at, 1);
            oc.edit = "removed the ':' at byte " + std::to_string(at);
            return;
          case 2:
            if ((at = pick(',')) == std::string::npos) break;
            doc.erase(at, 1);
            oc.edit = "removed the ',' at byte " + std::to_string(at);
            if (at > 0 && at < doc.size() && scalar_char(doc[at - 1]) && scalar_char(doc[at])) {
              doc.insert(at, " ");  // keeps the two items two tokens
              oc.edit += ", leaving a space";
            }
            return;
          case 3:
            if ((at = pick(',')) == std::string::npos) break;
            doc.insert(at, ",");
            oc.edit = "doubled the ',' at byte " + std::to_string(at);
            return;
          case 4:
            doc.insert(close, ",");
            oc.edit = "added a ',' before the last '}'";
            return;
          case 5:
            doc[close] = ']';
            oc.edit = "replaced the last '}' with ']'";
            return;
          default:
            break;
        }
        doc.insert(open + 1, ",");
        oc.edit = "added a ',' after the first '{'";
      };
    });
  } else if (r == rules::limit_input_size) {
    out.push_back([](site_outcome& o) {
      o.pointer = "";
      o.absolute = true;
      o.delta_min = o.delta_max = 0;
      o.postprocess = [](std::string& doc, site_outcome& oc) {
        oc.options.max_input_bytes = doc.size() - 1 - choose((std::min<std::size_t>)(doc.size(), 50));
        oc.edit = "lowered max_input_bytes to " + std::to_string(oc.options.max_input_bytes);
      };
    });
  } else if (r == rules::limit_depth) {
    const json_node* none = nullptr;
    std::string ignored;
    const std::size_t depth = tree_depth(root, 1, unbounded, &none, "", &ignored);
    if (depth >= 2) {
      out.push_back([node, depth](site_outcome& o) {
        o.options.max_depth = 1 + choose(depth - 1);
        const json_node* first = nullptr;
        std::string first_pointer;
        tree_depth(*node, 1, o.options.max_depth, &first, "", &first_pointer);
        o.pointer = first_pointer;
        o.mark = first;
        o.edit = "lowered max_depth to " + std::to_string(o.options.max_depth) + " (the document is " +
                 std::to_string(depth) + " deep)";
      });
    }
  }
}

/** Every site where rule `r` can be broken in the tree of a T document. */
template <class T>
std::vector<site> sites_of(rule r, json_node& root) {
  std::vector<site> out;
  document_sites(r, root, out);
  collect_sites<T>(r, root, "", out);
  return out;
}

/** Inside rc::gen::exec: writes the mutated document of `root` (a tree of a T value) after
 *  applying `s`. */
inline mutation apply_site(std::string_view shape, rule r, json_node& root, const site& s) {
  site_outcome o;
  s(o);
  chooser c = chooser::generated();
  mutation m;
  m.shape = shape;
  m.expected = r;
  m.pointer = o.pointer;
  std::size_t mark_at = std::string::npos;
  m.document = document_text(root, c, o.mark, &mark_at);
  if (o.postprocess) o.postprocess(m.document, o);
  m.options = o.options;
  if (!o.suffix.empty()) {
    o.delta_min += m.document.size();
    o.delta_max += m.document.size();
    m.document += o.suffix;
  }
  if (o.document) m.document = *o.document;
  if (o.anywhere) {
    m.offset_min = 0;
    m.offset_max = m.document.size();
  } else if (o.absolute || !o.mark) {
    m.offset_min = o.delta_min;
    m.offset_max = o.delta_max;
  } else {
    m.offset_min = mark_at + o.delta_min;
    m.offset_max = mark_at + o.delta_max;
  }
  m.edit = std::move(o.edit);
  return m;
}

/** Inside rc::gen::exec: one mutation of a T document breaking `r`; `values` supplies the
 *  value. False when the value offers no site. */
template <class T>
bool try_mutation(rule r, const rc::Gen<T>& values, mutation& out) {
  const T value = *values;
  chooser c = chooser::generated();
  json_node root = to_node(value, c);
  std::vector<site> sites = sites_of<T>(r, root);
  if (sites.empty()) return false;
  out = apply_site(T::shape_name, r, root, sites[choose(sites.size())]);
  return true;
}

}  // namespace detail

/** The rules a T document can be made to break, one at a time (in rule order). */
template <class T>
const std::vector<rule>& breakable_rules() {
  static_assert(is_described_struct_v<T>, "breakable_rules<T>: T must be a described shape structure");
  static const std::vector<rule> breakable = [] {
    // A complete value (every optional member present, lists non-empty) offers every site.
    const T sample = complete<T>()(rc::Random(), 10).value();
    std::vector<rule> out;
    for (rule r : registered_rules()) {
      detail::chooser c = detail::chooser::canonical();
      detail::json_node root = detail::to_node(sample, c);
      if (!detail::sites_of<T>(r, root).empty()) out.push_back(r);
    }
    return out;
  }();
  return breakable;
}

/** Documents of shape T that break exactly rule `r` (one of breakable_rules<T>()), from
 *  generated values in generated encodings. Throws std::invalid_argument for another rule. */
template <class T>
rc::Gen<mutation> mutations(rule r) {
  const std::vector<rule>& ok = breakable_rules<T>();
  if (std::find(ok.begin(), ok.end(), r) == ok.end()) {
    throw std::invalid_argument("mutations<" + std::string(T::shape_name) + ">: " + std::string(rule_id(r)) +
                                " cannot be broken in this shape");
  }
  // At half the size: the document is the setting of one fault, and smaller settings check
  // faster (the codec properties cover the values' edges).
  return rc::gen::exec([r] {
    mutation m;
    if (!detail::try_mutation<T>(r, rc::gen::scale(0.5, arbitrary<T>()), m)) {
      detail::try_mutation<T>(r, rc::gen::scale(0.5, complete<T>()), m);
    }
    return m;
  });
}

/** Documents of shape T that each break one of breakable_rules<T>(). */
template <class T>
rc::Gen<mutation> mutations() {
  const std::vector<rule>& breakable = breakable_rules<T>();
  return rc::gen::mapcat(detail::index(breakable.size()), [breakable](std::size_t i) { return mutations<T>(breakable[i]); });
}

// ---- all the structures of an operation ------------------------------------------------------

namespace detail {
template <class T>
struct unwrap {
  using type = T;
};
template <class T>
struct unwrap<std::optional<T>> : unwrap<T> {};

template <class T, class = void>
struct nested_structs {
  using type = boost::mp11::mp_list<>;
};
template <class T>
using nested_structs_t = typename nested_structs<T>::type;

template <class T>
struct member_nested {
  template <class D>
  using fn = nested_structs_t<typename unwrap<member_t<T, D>>::type>;
};

template <class T>
struct nested_structs<T, std::enable_if_t<is_list_shape_v<T>>> : nested_structs<typename T::value_type> {};
template <class T>
struct nested_structs<T, std::enable_if_t<is_described_struct_v<T> && !is_list_shape_v<T> && !is_string_shape_v<T>>> {
  using members = boost::describe::describe_members<T, boost::describe::mod_public>;
  using type = boost::mp11::mp_push_front<
      boost::mp11::mp_apply<boost::mp11::mp_append,
                            boost::mp11::mp_rename<boost::mp11::mp_transform_q<member_nested<T>, members>,
                                                   boost::mp11::mp_list>>,
      T>;
};
}  // namespace detail

/// Every described structure of operation Op: its input, output and errors, and the
/// structures nested in them, each once (an mp_list).
template <class Op>
using operation_structs = boost::mp11::mp_unique<boost::mp11::mp_append<
    detail::nested_structs_t<typename Op::input>, detail::nested_structs_t<typename Op::output>,
    boost::mp11::mp_apply<boost::mp11::mp_append, boost::mp11::mp_transform<detail::nested_structs_t, typename Op::errors>>>>;

/** The rules some structure of Op can be made to break (in rule order). */
template <class Op>
std::vector<rule> operation_breakable_rules() {
  const std::vector<rule> all = registered_rules();
  std::vector<bool> any(all.size(), false);
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, operation_structs<Op>>>([&](auto type) {
    for (rule r : breakable_rules<typename decltype(type)::type>()) any[rule_index(r)] = true;
  });
  std::vector<rule> out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (any[i]) out.push_back(all[i]);
  }
  return out;
}

/** Documents breaking exactly rule `r`, each of a structure of Op picked at random among
 *  those that can break it (mutation::shape says which). */
template <class Op>
rc::Gen<mutation> operation_mutations(rule r) {
  std::vector<rc::Gen<mutation>> gens;
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, operation_structs<Op>>>([&](auto type) {
    using T = typename decltype(type)::type;
    const std::vector<rule>& breakable = breakable_rules<T>();
    if (std::find(breakable.begin(), breakable.end(), r) != breakable.end()) gens.push_back(mutations<T>(r));
  });
  if (gens.empty()) {
    throw std::invalid_argument(std::string("operation_mutations: ") + std::string(rule_id(r)) +
                                " cannot be broken in any structure of the operation");
  }
  return rc::gen::mapcat(detail::index(gens.size()), [gens](std::size_t i) { return gens[i]; });
}

/** What the library's checkers say about mutation `m` (of a structure of Op): validate()'s
 *  report and the fail-fast parse's first error. */
struct mutation_verdict {
  result<void> report;
  std::optional<diagnostic> parse_error;  ///< nullopt when the fail-fast parse accepted it
  /** True when validate() found exactly the mutation's finding and no other error, and the
   *  fail-fast parse failed with it. */
  bool as_expected(const mutation& m) const {
    bool found = false;
    for (const diagnostic& d : report.diagnostics()) found = found || m.matches(d);
    return found && report.error_count() == 1 && parse_error && m.matches(*parse_error);
  }
};

/** Runs validate<T> and parse<T> on `m.document` with `m.options`, T the structure of Op
 *  that m.shape names. */
template <class Op>
mutation_verdict judge(const mutation& m) {
  mutation_verdict v;
  bool known = false;
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, operation_structs<Op>>>([&](auto type) {
    using T = typename decltype(type)::type;
    if (known || m.shape != T::shape_name) return;
    known = true;
    v.report = validate<T>(m.document, m.options);
    const result<T> p = parse<T>(m.document, m.options);
    if (!p.ok()) v.parse_error = p.error();
  });
  if (!known) throw std::invalid_argument("judge: " + std::string(m.shape) + " is not a structure of the operation");
  return v;
}

}  // namespace bedrock_agent::testing

#endif  // BEDROCK_AGENT_TESTING_MUTATIONS_HPP_INCLUDED
