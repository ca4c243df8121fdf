#ifndef BEDROCK_AGENT_TESTING_ENCODINGS_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_ENCODINGS_HPP_INCLUDED

// Equivalent JSON texts of a value: everything RFC 8259 and RFC 3339 let a sender vary
// without changing the value. Members in any order, whitespace between tokens, characters
// written raw, as short escapes or as \u escapes (surrogate pairs for astral characters, in
// member names too), timestamps with a UTC offset instead of Z (the wall clock shifted by the
// offset, kept within 0001..9999), lower-case 't' and 'z', and fractions padded with zeros (up
// to 9 digits, and beyond 9 digits only with zeros). Each variation is one generated choice
// that shrinks to 0, the canonical choice: a failing encoding shrinks towards to_json(x).
//
// The texts are built on a tiny JSON tree (testing::detail::json_node) that the mutation
// generators (mutations.hpp) edit too. Test-only: needs RapidCheck.

#include <bedrock_agent/testing/arbitrary.hpp>

#include <bedrock_agent/engine/detail/json_reader.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <date/date.h>
#include <rapidcheck.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bedrock_agent::testing {

namespace detail {

// ---- the tree -------------------------------------------------------------------------------

/// A JSON value as it will be written: strings keep their escaped text, numbers and literals
/// their token, so that an encoding choice or a mutation is an edit of text, not of meaning.
struct json_node {
  enum class kind : std::uint8_t { object, array, string, scalar };
  struct member;

  kind type = kind::scalar;
  std::string raw;                ///< string: the text between the quotes; scalar: the token
  std::vector<member> members;    ///< object
  std::vector<json_node> items;   ///< array
  std::uint32_t spacing = 0;      ///< object and array: 0 compact, else the seed of its whitespace

  static json_node scalar(std::string token);
  static json_node string(std::string escaped);
};

struct json_node::member {
  std::string raw_key;  ///< the key as written (escaped)
  std::string name;     ///< the key decoded: what JSON Pointers use
  json_node value;
};

// Defined here, where json_node::member is complete (std::vector needs it).
inline json_node json_node::scalar(std::string token) {
  json_node n;
  n.raw = std::move(token);
  return n;
}
inline json_node json_node::string(std::string escaped) {
  json_node n;
  n.type = kind::string;
  n.raw = std::move(escaped);
  return n;
}

/// xorshift32: deterministic choices that follow from one generated seed.
struct xorshift {
  std::uint32_t state;
  explicit xorshift(std::uint32_t seed) : state(seed == 0 ? 0x9E3779B9U : seed) {}
  std::uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

/** Writes `node`; `mark` (a node or a member of the tree) gets its offset in `*mark_at`. */
class json_writer {
 public:
  explicit json_writer(const void* mark = nullptr) : mark_(mark) {}

  void value(const json_node& n) {
    if (&n == mark_) mark_at_ = out_.size();
    switch (n.type) {
      case json_node::kind::scalar: out_ += n.raw; break;
      case json_node::kind::string:
        out_ += '"';
        out_ += n.raw;
        out_ += '"';
        break;
      case json_node::kind::array: {
        xorshift rng(n.spacing);
        out_ += '[';
        space(n.spacing, rng);
        for (std::size_t i = 0; i < n.items.size(); ++i) {
          if (i) {
            space(n.spacing, rng);
            out_ += ',';
            space(n.spacing, rng);
          }
          value(n.items[i]);
        }
        space(n.spacing, rng);
        out_ += ']';
        break;
      }
      case json_node::kind::object: {
        xorshift rng(n.spacing);
        out_ += '{';
        space(n.spacing, rng);
        for (std::size_t i = 0; i < n.members.size(); ++i) {
          const json_node::member& m = n.members[i];
          if (i) {
            space(n.spacing, rng);
            out_ += ',';
            space(n.spacing, rng);
          }
          if (&m == mark_) mark_at_ = out_.size();
          out_ += '"';
          out_ += m.raw_key;
          out_ += '"';
          space(n.spacing, rng);
          out_ += ':';
          space(n.spacing, rng);
          value(m.value);
        }
        space(n.spacing, rng);
        out_ += '}';
        break;
      }
    }
  }
  void raw(std::string_view s) { out_ += s; }
  std::string& text() { return out_; }
  std::size_t mark_at() const { return mark_at_; }

  /** RFC 8259 whitespace: nothing for seed 0, else 0..3 of space, tab, LF, CR. */
  static void whitespace(std::string& out, std::uint32_t seed, xorshift& rng) {
    if (seed == 0) return;
    static constexpr char ws[] = {' ', '\t', '\n', '\r'};
    for (std::size_t k = rng.below(4); k > 0; --k) out += ws[rng.below(4)];
  }

 private:
  void space(std::uint32_t seed, xorshift& rng) { whitespace(out_, seed, rng); }

  const void* mark_;
  std::size_t mark_at_ = std::string::npos;
  std::string out_;
};

inline std::string write_json(const json_node& n) {
  json_writer w;
  w.value(n);
  return std::move(w.text());
}

// ---- choices ----------------------------------------------------------------------------------

/// Where encoding choices come from: `canonical` always answers 0 (what to_json writes);
/// otherwise each answer is a value generated inside rc::gen::exec, shrinking to 0. Past a
/// budget, answers come from one generated seed, so huge values stay cheap to encode.
class chooser {
 public:
  static chooser canonical() { return chooser(false); }
  static chooser generated() { return chooser(true); }
  /** Generated choices, plus what only the client profile accepts: unknown members in every
   *  object and null for absent optional members. */
  static chooser client() {
    chooser c(true);
    c.client_ = true;
    return c;
  }
  bool client_extras() const { return client_; }

  /** A choice in [0, n); 0 is the canonical one. */
  std::size_t pick(std::size_t n) {
    if (!generate_ || n <= 1) return 0;
    if (budget_ > 0) {
      --budget_;
      return *index(n);
    }
    if (!fallback_seed_) fallback_seed_ = static_cast<std::uint32_t>(*index(0xFFFFFFFFu));
    if (*fallback_seed_ == 0) return 0;  // shrunk to canonical
    if (!fallback_) fallback_ = xorshift(*fallback_seed_);
    return fallback_->below(n);
  }
  /** A seed for per-character or per-token choices: 0 (canonical) or a nonzero value. */
  std::uint32_t seed() { return pick(2) == 0 ? 0 : static_cast<std::uint32_t>(pick(0xFFFFFFFEu) + 1); }

 private:
  explicit chooser(bool generate) : generate_(generate) {}
  bool generate_;
  bool client_ = false;
  int budget_ = 24;  // each generated choice costs; the rest follow from one seed
  std::optional<std::uint32_t> fallback_seed_;
  std::optional<xorshift> fallback_;
};

// ---- strings ------------------------------------------------------------------------------------

inline void append_u_escape(std::string& out, unsigned u, bool upper) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += bedrock_agent::detail::hex_digit(u >> shift, upper);
}

/** Appends `cp` as \u escapes (a surrogate pair above U+FFFF). */
inline void append_u_form(std::string& out, char32_t cp, bool upper) {
  if (cp >= 0x10000) {
    const char32_t v = cp - 0x10000;
    append_u_escape(out, 0xD800 + static_cast<unsigned>(v >> 10), upper);
    append_u_escape(out, 0xDC00 + static_cast<unsigned>(v & 0x3FF), upper);
  } else {
    append_u_escape(out, static_cast<unsigned>(cp), upper);
  }
}

inline char short_escape(char32_t cp) {
  switch (cp) {
    case U'"': return '"';
    case U'\\': return '\\';
    case U'\b': return 'b';
    case U'\f': return 'f';
    case U'\n': return 'n';
    case U'\r': return 'r';
    case U'\t': return 't';
    default: return 0;
  }
}

/** Decodes valid UTF-8 (generated text) into code points. */
inline std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

/** The JSON string body (no quotes) of UTF-8 `s`. mode 0: canonical (what the codec writes:
 *  raw, short escapes, \u00xx for the other controls); mode 1: every character as \u (upper
 *  or lower case hex, pairs for astral ones); else a per-character mix seeded by `mode`: raw,
 *  short escape, "\/" for '/', \u in either case. */
inline std::string escape_json(std::string_view s, std::uint32_t mode) {
  std::string out;
  if (mode == 0) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (const char e = c < 0x80 ? short_escape(c) : 0) {
        out += '\\';
        out += e;
      } else if (c < 0x20) {
        append_u_escape(out, c, false);
      } else {
        out += s[i];
      }
    }
    return out;
  }
  xorshift rng(mode);
  const bool all_u = mode == 1;
  for (char32_t cp : code_points(s)) {
    const bool upper = rng.below(2) == 0;
    if (all_u) {
      append_u_form(out, cp, upper);
      continue;
    }
    const bool must_escape = cp < 0x20 || cp == U'"' || cp == U'\\';
    switch (rng.below(4)) {
      case 0:
      case 1:  // raw where allowed
        if (!must_escape) {
          utf8_append(out, cp);
          break;
        }
        [[fallthrough]];
      case 2:  // short escape where one exists
        if (const char e = short_escape(cp)) {
          out += '\\';
          out += e;
          break;
        }
        if (cp == U'/') {
          out += "\\/";
          break;
        }
        if (!must_escape) {
          utf8_append(out, cp);
          break;
        }
        [[fallthrough]];
      default:
        append_u_form(out, cp, upper);
        break;
    }
  }
  return out;
}

// ---- timestamps ---------------------------------------------------------------------------------

inline void append_digits(std::string& out, std::uint64_t v, int width) {
  char buf[24];
  for (int k = width - 1; k >= 0; --k) {
    buf[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}

/** Writes the wall clock `seconds` (since the epoch, as if UTC) as YYYY-MM-DD?hh:mm:ss;
 *  `seconds` must be within 0001..9999. */
inline void append_wall_clock(std::string& out, std::int64_t seconds, char separator) {
  std::int64_t days = seconds / 86400;
  std::int64_t sod = seconds % 86400;
  if (sod < 0) {
    sod += 86400;
    --days;
  }
  const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(days)}}};
  append_digits(out, static_cast<std::uint64_t>(static_cast<int>(ymd.year())), 4);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += separator;
  append_digits(out, static_cast<std::uint64_t>(sod / 3600), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(sod / 60 % 60), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(sod % 60), 2);
}

/** An RFC 3339 text of `t` chosen by `c` (canonical: the shortest UTC form with 'Z'). */
inline std::string timestamp_text(timestamp t, chooser& c) {
  // the UTC offset, in minutes: 0 (Z), any of -23:59..+23:59, or zero written as an offset
  std::int64_t offset = 0;
  const std::size_t zone = c.pick(3);
  if (zone == 1) offset = static_cast<std::int64_t>(c.pick(2 * 1439 + 1)) - 1439;
  std::int64_t local = t.seconds() + offset * 60;
  if (local < timestamp::min_seconds || local > timestamp::max_seconds) {  // the wall clock must be writable
    offset = 0;
    local = t.seconds();
  }
  std::string out;
  out.reserve(40);
  append_wall_clock(out, local, c.pick(4) == 3 ? 't' : 'T');
  // shortest exact fraction, then optional zeros: up to 9 digits, past 9 only zeros
  std::uint32_t ns = t.nanoseconds();
  int shortest = 0;
  if (ns != 0) {
    shortest = 9;
    while (ns % 10 == 0) {
      ns /= 10;
      --shortest;
    }
  }
  const int digits = shortest + static_cast<int>(c.pick(static_cast<std::size_t>(10 - shortest)));
  if (digits > 0) {
    out += '.';
    std::uint64_t frac = t.nanoseconds();
    for (int k = digits; k < 9; ++k) frac /= 10;  // exact: digits >= shortest
    append_digits(out, frac, digits);
    if (digits == 9) out.append(c.pick(4), '0');
  }
  if (zone == 0 || (zone == 1 && offset == 0 && c.pick(2) == 0)) {
    out += c.pick(4) == 3 ? 'z' : 'Z';
  } else {
    const std::int64_t m = offset < 0 ? -offset : offset;
    out += offset < 0 || (offset == 0 && c.pick(2) == 1) ? '-' : '+';
    append_digits(out, static_cast<std::uint64_t>(m / 60), 2);
    out += ':';
    append_digits(out, static_cast<std::uint64_t>(m % 60), 2);
  }
  return out;
}

/** A small well-formed JSON value (for unknown members): literals, numbers of every form,
 *  strings with escapes, arrays and objects nested up to `depth` levels. */
inline std::string any_json(int depth) {
  const std::size_t kind = choose(depth > 0 ? 7 : 5);
  switch (kind) {
    case 0: return choose_from<std::string>({"null", "true", "false"});
    case 1: return choose_from<std::string>({"0", "-1", "1.5", "-0.0", "1e10", "2E-3", "123456789012345678901234567890",
                                             "-9223372036854775809", "0.1e+2"});
    case 2: return "\"" + escape_json(*text_of_length(choose(8)), static_cast<std::uint32_t>(choose(3))) + "\"";
    case 3: return "\"\"";
    case 4: return "{}";
    case 5: {
      std::string s = "[";
      for (std::size_t i = 0, n = choose(4); i < n; ++i) s += (i ? "," : "") + any_json(depth - 1);
      return s + "]";
    }
    default: {
      std::string s = "{";
      for (std::size_t i = 0, n = choose(4); i < n; ++i) {
        s += (i ? ",\"" : "\"") + escape_json(*text_of_length(choose(6)), 0) + "\":" + any_json(depth - 1);
      }
      return s + "}";
    }
  }
}

// ---- values to trees -------------------------------------------------------------------------------

template <class T>
json_node to_node(const T& v, chooser& c);

inline json_node string_node(std::string_view s, chooser& c) {
  const std::size_t mode = c.pick(3);
  return json_node::string(escape_json(s, mode == 0 ? 0 : mode == 1 ? 1 : c.seed() | 2));
}

/** Applies the container choices (whitespace, member order) to a finished node. */
inline void arrange(json_node& n, chooser& c) {
  n.spacing = c.seed();
  if (n.type == json_node::kind::object && n.members.size() > 1 && c.pick(2) == 1) {
    xorshift rng(static_cast<std::uint32_t>(c.pick(0xFFFFFFFEu) + 1));
    for (std::size_t i = n.members.size() - 1; i > 0; --i) std::swap(n.members[i], n.members[rng.below(i + 1)]);
  }
}

/** The tree of `v`, by the code the codec reads T with (leaf_of<T>): the leaves whose text
 *  may vary (strings, timestamps, enums, lists) written in a chosen form; any other leaf (a
 *  64-bit integer, a user's leaf) as one token, written by its own leaf_traits<T>::write. */
template <class T>
json_node to_node(const T& v, chooser& c) {
  namespace bd = bedrock_agent::detail;
  using L = bd::leaf_of<T>;  // only named: a structure's is never instantiated
  if constexpr (std::is_same<L, bd::string_leaf<T>>::value) {
    return string_node(v, c);
  } else if constexpr (std::is_same<L, bd::timestamp_leaf<T>>::value) {
    return string_node(timestamp_text(v, c), c);
  } else if constexpr (std::is_same<L, bd::enum_leaf<T>>::value) {
    return string_node(v.wire_name(), c);
  } else if constexpr (bd::is_leaf_v<T> && !std::is_same<L, bd::list_leaf<T>>::value) {
    std::string token;
    L::write(token, v);
    return json_node::scalar(std::move(token));
  } else if constexpr (is_list_shape_v<T>) {
    json_node n;
    n.type = json_node::kind::array;
    n.items.reserve(v.size());
    for (const auto& item : v) n.items.push_back(to_node(item, c));
    arrange(n, c);
    return n;
  } else {
    static_assert(is_described_struct_v<T>, "to_node<T>: not a shape");
    json_node n;
    n.type = json_node::kind::object;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      const auto& m = v.*d.pointer;
      using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
      json_node::member out;
      out.name = d.name;
      out.raw_key = string_node(d.name, c).raw;
      if constexpr (is_optional<M>::value) {
        if (!m) {
          if (c.client_extras() && c.pick(2) == 1) {  // null means absent to a client
            out.value = json_node::scalar("null");
            n.members.push_back(std::move(out));
          }
          return;
        }
        out.value = to_node(*m, c);
      } else {
        out.value = to_node(m, c);
      }
      n.members.push_back(std::move(out));
    });
    if (c.client_extras()) {  // members this model does not have: a client skips them
      for (std::size_t k = c.pick(3); k > 0; --k) {
        json_node::member extra;
        extra.name = choose_from<std::string>({"x", "newField", "Status", "", "a/b~c", "\xc3\xa9t\xc3\xa9", "__type", "code"}) +
                     (c.pick(2) == 1 ? "-" + std::to_string(c.pick(100)) : std::string());
        extra.raw_key = string_node(extra.name, c).raw;
        extra.value = json_node::scalar(any_json(2));
        n.members.insert(n.members.begin() + static_cast<std::ptrdiff_t>(c.pick(n.members.size() + 1)), std::move(extra));
      }
    }
    arrange(n, c);
    return n;
  }
}

/** The document of a tree with leading and trailing whitespace chosen by `c`. */
inline std::string document_text(const json_node& root, chooser& c, const void* mark = nullptr,
                                 std::size_t* mark_at = nullptr) {
  json_writer w(mark);
  const std::uint32_t seed = c.seed();
  xorshift rng(seed);
  json_writer::whitespace(w.text(), seed, rng);
  w.value(root);
  json_writer::whitespace(w.text(), seed, rng);
  if (mark_at) *mark_at = w.mark_at();
  return std::move(w.text());
}

}  // namespace detail

/** The canonical JSON text of `value` as this generator writes it: what to_json() must write
 *  (compact, members in model order, shortest exact timestamps, only the escapes JSON needs). */
template <class T>
std::string canonical_json(const T& value) {
  detail::chooser c = detail::chooser::canonical();
  return detail::document_text(detail::to_node(value, c), c);
}

/** JSON texts equivalent to `value` (each parses back to exactly `value`): shuffled members,
 *  whitespace, escapes of every kind, UTC offsets, 't'/'z', padded fractions. Shrinks
 *  towards canonical_json(value). */
template <class T>
rc::Gen<std::string> encodings(T value) {
  static_assert(is_described_struct_v<T>, "encodings<T>: T must be a described shape structure");
  return rc::gen::exec([value = std::move(value)] {
    detail::chooser c = detail::chooser::generated();
    const detail::json_node root = detail::to_node(value, c);
    return detail::document_text(root, c);
  });
}

/** JSON texts a client must read as `value` (parse_options::client()): the encodings above,
 *  plus members the model does not have (in every object, any JSON value) and null for
 *  absent optional members. Not valid in the contract profile. */
template <class T>
rc::Gen<std::string> client_encodings(T value) {
  static_assert(is_described_struct_v<T>, "client_encodings<T>: T must be a described shape structure");
  return rc::gen::exec([value = std::move(value)] {
    detail::chooser c = detail::chooser::client();
    const detail::json_node root = detail::to_node(value, c);
    return detail::document_text(root, c);
  });
}

/** RFC 3339 texts of `t` that parse back to `t`: any UTC offset (the wall clock shifted,
 *  within 0001..9999), 't' and 'z', "+00:00" and "-00:00" for Z, fractions padded with zeros
 *  to 9 digits and beyond 9 with zeros only. Shrinks towards format_timestamp(t). */
inline rc::Gen<std::string> timestamp_encodings(timestamp t) {
  return rc::gen::exec([t] {
    detail::chooser c = detail::chooser::generated();
    return detail::timestamp_text(t, c);
  });
}

/** A timestamp text with its value: a generated timestamp written in a generated form. */
struct timestamp_encoding {
  timestamp value;
  std::string text;
};
inline std::ostream& operator<<(std::ostream& os, const timestamp_encoding& e) {
  return os << "\"" << e.text << "\" (" << e.value << ")";
}

/** Generated timestamps, each written in a generated equivalent form. */
inline rc::Gen<timestamp_encoding> any_timestamp_encoding() {
  return rc::gen::mapcat(any_timestamp(), [](timestamp t) {
    return rc::gen::map(timestamp_encodings(t), [t](std::string s) { return timestamp_encoding{t, std::move(s)}; });
  });
}

}  // namespace bedrock_agent::testing

#endif  // BEDROCK_AGENT_TESTING_ENCODINGS_HPP_INCLUDED
