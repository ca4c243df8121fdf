#ifndef BEDROCK_AGENT_TESTING_ARBITRARY_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_ARBITRARY_HPP_INCLUDED

// RapidCheck generators for every shape, derived from Boost.Describe and the constraint
// traits: a new shape gets a generator without hand code. Every value generated is valid in
// the contract profile (it parses back to itself and check_value() finds no error), and the
// generators reach the edges: whole charsets, code points of every UTF-8 length, characters
// JSON must escape, lengths at both bounds, timestamps over 0001..9999 with nanoseconds,
// counters up to INT64_MAX, lists up to their bound. Sized: small values at small sizes, the
// costly edges (2048-item lists, 2048-code-point strings) only near the nominal size, so the
// usual run stays fast. Choices shrink towards the first, simplest alternative.
//
// Test-only: needs RapidCheck; never included by <bedrock_agent/stop_ingestion_job.hpp>.

#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/utf8.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>
#include <rapidcheck.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent::testing {

/// Customization point: specialize `generator<T>` with `static rc::Gen<T> make()` to change
/// how T is generated everywhere (as a member, a list item, or through rc::Arbitrary). Must be
/// visible before the first use of arbitrary<T>().
template <class T, class = void>
struct generator;

/// The generators' point for a leaf type, beside the codec's leaf_traits<T>: specialize
/// `leaf_generator<T>` with `static rc::Gen<T> valid()` (values that parse back to themselves
/// and that check_value() accepts). The encodings write a leaf with leaf_traits<T>::write and
/// the mutations break it by its leaf_traits<T>::json_type (wrong type, null, bad literal).
/// To have the mutations break the leaf's own rules too, add both
///
///     static std::vector<rule> breakable();    // the rules a value of T can be made to break
///     static rc::Gen<leaf_break> breaking(rule r);  // (or rc::Gen<std::string>, the token alone)
///         // for r in breakable(): JSON texts that, put in place of a valid value, break
///         // exactly r, reported at the value's pointer
///
/// A rule in breakable() is then broken at a value of T by breaking() only.
/// Found after generator<T>, before the built-in leaves (string shapes, 64-bit integers,
/// integer shapes, timestamp, enum_value<E>, described enums). Must be visible before the first use.
template <class T>
struct leaf_generator;

/// What a leaf_generator<T>::breaking(r) gives: one JSON text that breaks rule r where a
/// value of T was, and where in it the finding may be.
struct leaf_break {
  std::string token;            ///< written in place of the value as it is (a string with its quotes)
  std::string why;              ///< what is wrong with it, in words, for mutation::edit; may be empty
  std::size_t offset_min = 0;   ///< the finding's offset is within [offset_min, offset_max] bytes
  std::size_t offset_max = 0;   ///<   of the token's first byte (0, 0: at the value itself)
};

/// How optional members and lists are filled.
enum class fill : std::uint8_t {
  arbitrary,  ///< optional members present or absent, lists from empty to their bound
  complete,   ///< every optional member present, every list holding at least one item
};

template <class T, fill F = fill::arbitrary>
rc::Gen<T> arbitrary();

namespace detail {
template <class T, fill F>
rc::Gen<T> make_arbitrary();
template <class E>
rc::Gen<std::string> make_unknown_enum_string();
}  // namespace detail

namespace detail {

/// RapidCheck's nominal size: the size at which generators cover their whole range.
inline constexpr int nominal_size = 100;

template <class T>
struct dependent_false : std::false_type {};

/** A uniform index in [0, n), independent of the size, shrinking towards 0. */
inline rc::Gen<std::size_t> index(std::size_t n) {
  return rc::gen::resize(nominal_size, rc::gen::inRange<std::size_t>(0, n));
}

/** Generated inside rc::gen::exec: a choice in [0, n), shrinking towards 0. */
inline std::size_t choose(std::size_t n) { return n <= 1 ? 0 : *index(n); }

template <class T>
T choose_from(const std::vector<T>& v) {
  return v[choose(v.size())];
}

/** One of `table`'s entries, shrinking towards the first. */
template <class T>
rc::Gen<T> entry_of(std::vector<T> table) {
  const std::size_t n = table.size();
  return rc::gen::map(index(n), [table = std::move(table)](std::size_t i) { return table[i]; });
}

/** A generator that uses make(size), built once for each size 0..nominal_size (a larger size
 *  counts as nominal_size): building generators is costly, using them is not. */
template <class T, class Make>
rc::Gen<T> per_size(Make make) {
  auto table = std::make_shared<std::vector<rc::Gen<T>>>();
  table->reserve(nominal_size + 1);
  for (int size = 0; size <= nominal_size; ++size) table->push_back(make(size));
  return rc::gen::withSize([table](int size) { return (*table)[size < 0 ? 0 : size > nominal_size ? nominal_size : size]; });
}

/** Appends `cp` (a Unicode scalar value) as UTF-8: the library's one encoder. The generators
 *  share it with the codec, so tests/utf8_test.cpp checks it against bytes written out by hand
 *  (a bug in it would otherwise hide in both the generator and the code under test). */
using bedrock_agent::utf8_append;

inline std::string to_utf8(const std::vector<char32_t>& cps) {
  std::string s;
  s.reserve(cps.size());
  for (char32_t cp : cps) utf8_append(s, cp);
  return s;
}

inline constexpr std::string_view alnum_chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

template <class T>
using user_make_t = decltype(generator<T>::make());
template <class T>
inline constexpr bool has_user_generator_v = boost::mp11::mp_valid<user_make_t, T>::value;
template <class T>
using user_leaf_valid_t = decltype(leaf_generator<T>::valid());
template <class T>
inline constexpr bool has_user_leaf_generator_v = boost::mp11::mp_valid<user_leaf_valid_t, T>::value;

template <class G>
using leaf_breaking_t = decltype(G::breaking(std::declval<rule>()));
template <class G>
using leaf_breakable_t = decltype(G::breakable());
/// True when leaf generator G (a leaf_generator<T>, or a built-in one) breaks rules of its own.
template <class G>
inline constexpr bool has_leaf_breaks_v = boost::mp11::mp_valid<leaf_breaking_t, G>::value;
template <class G>
inline constexpr bool leaf_breaks_complete_v =
    boost::mp11::mp_valid<leaf_breaking_t, G>::value == boost::mp11::mp_valid<leaf_breakable_t, G>::value;

template <class T>
struct is_enum_value : std::false_type {};
template <class E>
struct is_enum_value<enum_value<E>> : std::true_type {
  using enum_type = E;
};

template <class T>
inline constexpr bool is_described_enum_v =
    std::is_enum<T>::value && boost::describe::has_describe_enumerators<T>::value;

template <class T, class D>
using member_t = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<T&>().*D::pointer)>>;

}  // namespace detail

// ---- combinators -------------------------------------------------------------------------

/** A generator that uses one of `choices`, picked with the given weights (a weight of 0 is
 *  never picked). Unlike rc::gen::weightedOneOf, it shrinks towards the FIRST choice, so put
 *  the simplest first. */
template <class T>
rc::Gen<T> weighted(std::vector<std::pair<std::size_t, rc::Gen<T>>> choices) {
  std::size_t total = 0;
  for (const auto& c : choices) total += c.first;
  return rc::gen::mapcat(detail::index(total), [choices = std::move(choices)](std::size_t k) {
    for (const auto& c : choices) {
      if (k < c.first) return c.second;
      k -= c.first;
    }
    return choices.back().second;
  });
}

/** Absent or a value of `g`; shrinks towards absent. With fill::complete, always present. */
template <class T>
rc::Gen<std::optional<T>> optional_of(rc::Gen<T> g, fill f = fill::arbitrary) {
  rc::Gen<std::optional<T>> present = rc::gen::map(std::move(g), [](T v) { return std::optional<T>(std::move(v)); });
  if (f == fill::complete) return present;
  return weighted<std::optional<T>>({{1, rc::gen::just(std::optional<T>())}, {2, present}});
}

// ---- text ----------------------------------------------------------------------------------

/** A code point of `set`. For charset::ascii_alnum: all 62 characters, uniformly. For
 *  charset::any: every Unicode scalar value can come out, weighted towards the interesting
 *  ones: ASCII letters (what shrinking goes to), the characters JSON escapes ('"', '\\',
 *  U+0000..U+001F) and '/', DEL, C1 controls, U+2028/U+2029, the BOM, code points of every
 *  UTF-8 length (1 to 4 bytes) and the boundaries between those lengths. Never a surrogate. */
inline rc::Gen<char32_t> code_point(charset set = charset::any) {
  if (set == charset::ascii_alnum) {
    static const rc::Gen<char32_t> alnum = rc::gen::map(
        detail::index(detail::alnum_chars.size()), [](std::size_t i) { return static_cast<char32_t>(detail::alnum_chars[i]); });
    return alnum;
  }
  if (set == charset::non_space || set == charset::no_line_terminator) {
    // charset::any's weighting, with the characters the class excludes turned into 'a'
    static const rc::Gen<char32_t> non_space =
        rc::gen::map(code_point(charset::any), [](char32_t cp) { return in_charset(charset::non_space, cp) ? cp : U'a'; });
    static const rc::Gen<char32_t> one_line = rc::gen::map(
        code_point(charset::any), [](char32_t cp) { return in_charset(charset::no_line_terminator, cp) ? cp : U'a'; });
    return set == charset::non_space ? non_space : one_line;
  }
  // One generated number per character (nested choices are slow to generate and to shrink):
  // its high part picks a class by weight, its low part the character in the class. Shrinking
  // the number goes towards 0, which is 'a'.
  struct range {
    std::size_t weight;
    char32_t first;
    std::size_t count;  ///< a run of code points, or an index into `listed` when first == 0 and count > 0
    const char32_t* listed;
  };
  static constexpr char32_t special[] = {U'"', U'\\', U'/', 0x7F};
  static constexpr char32_t separators[] = {0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE};
  static constexpr char32_t edges[] = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
  static constexpr range classes[] = {
      {30, U'a', 26, nullptr},                        // readable
      {10, 0x20, 0x7F - 0x20, nullptr},               // printable ASCII
      {6, 0, 4, special},                             // escaped, optionally escaped, DEL
      {6, 0x00, 0x20, nullptr},                       // C0 controls: must be escaped
      {3, 0, 5, separators},                          // U+2028, U+2029, BOM, replacement, noncharacter
      {8, 0x80, 0x800 - 0x80, nullptr},               // 2 bytes (C1 controls included)
      {8, 0x800, 0x10000 - 0x800 - 0x800, nullptr},   // 3 bytes, surrogates skipped below
      {8, 0x10000, 0x110000 - 0x10000, nullptr},      // 4 bytes (astral: surrogate pairs in \u form)
      {4, 0, 9, edges},                               // where the UTF-8 length changes
  };
  constexpr std::size_t unit = std::size_t{1} << 21;  // more than any class's size
  std::size_t total = 0;
  for (const range& r : classes) total += r.weight;
  static const rc::Gen<char32_t> any = rc::gen::map(detail::index(total * unit), [](std::size_t k) {
    std::size_t bucket = k / unit;
    const std::size_t within = k % unit;
    for (const range& r : classes) {
      if (bucket >= r.weight) {
        bucket -= r.weight;
        continue;
      }
      if (r.listed) return r.listed[within % r.count];
      const auto cp = static_cast<char32_t>(r.first + within % r.count);
      return cp >= 0xD800 && r.first == 0x800 ? static_cast<char32_t>(cp + 0x800) : cp;  // past the surrogates
    }
    return U'a';
  });
  return any;
}

/** UTF-8 of exactly `n` code points of `set`. Past 64 code points, the first 64 repeat: long
 *  texts are there for their length, and generating each of 2048 code points is slow. */
inline rc::Gen<std::string> text_of_length(std::size_t n, charset set = charset::any) {
  constexpr std::size_t distinct = 64;
  return rc::gen::map(rc::gen::container<std::vector<char32_t>>((std::min)(n, distinct), code_point(set)),
                      [n](std::vector<char32_t> cps) {
                        for (std::size_t i = cps.size(); i < n; ++i) cps.push_back(cps[i % distinct]);
                        return detail::to_utf8(cps);
                      });
}

/** The length bounds (in code points) a value of string shape S must keep: its length and
 *  its pattern's repetition count together. `hi` is `unbounded` when neither bounds it. */
template <class S>
constexpr std::pair<std::size_t, std::size_t> string_length_bounds() noexcept {
  constexpr string_constraints c = S::constraints;
  return {(std::max)(c.min_length, c.pattern.min_count), (std::min)(c.max_length, c.pattern.max_count)};
}

/** Strings of shape S (a type with `static constexpr string_constraints constraints`): valid
 *  by construction, lengths from the lower bound up, at the upper bound near the nominal
 *  size, characters from the pattern's charset. */
template <class S>
rc::Gen<S> string_shape() {
  constexpr auto bounds = string_length_bounds<S>();
  constexpr std::size_t lo = bounds.first, hi = bounds.second;
  static_assert(lo <= hi, "string_shape<S>: the length and the pattern of S leave no valid length");
  static_assert(!S::constraints.pattern.regex,
                "string_shape<S>: S's pattern is a regular expression, which no generic generator follows; "
                "specialize bedrock_agent::testing::leaf_generator<S> (as ClientToken's below)");
  constexpr charset set = S::constraints.pattern.chars;
  // An unbounded shape still gets long strings now and then, just not arbitrarily long ones.
  constexpr std::size_t top = hi == unbounded ? lo + 300 : hi;
  static const rc::Gen<S> cached = detail::per_size<S>([=](int size) {
    const auto sz = static_cast<std::size_t>(size < 0 ? 0 : size);
    const std::size_t short_top = (std::min)(top, lo + sz / 3 + 2);
    const bool big = size >= 95 && top > lo;  // the costly edge, only near the nominal size
    auto length = weighted<std::size_t>({
        {2, rc::gen::just(lo)},
        {12, rc::gen::inRange<std::size_t>(lo, short_top + 1)},  // sized, shrinks towards lo
        {big ? 1U : 0U, rc::gen::just(top)},
        {big ? 1U : 0U, rc::gen::inRange<std::size_t>(top - (std::min)(top - lo, std::size_t{3}), top + 1)},
    });
    return rc::gen::mapcat(length, [](std::size_t n) {
      return rc::gen::map(text_of_length(n, set), [](std::string s) { return S(std::move(s)); });
    });
  });
  return cached;
}

// ---- numbers, time, enums ------------------------------------------------------------------

/** Values of integer shape S (Smithy's `integer` with `@range`): both bounds, values next to
 *  them, and anything in between; shrinks towards the lower bound. */
template <class S>
rc::Gen<S> integer_shape_values() {
  constexpr integer_constraints c = S::constraints;
  static const rc::Gen<S> cached = rc::gen::map(
      weighted<std::int64_t>({
          {2, rc::gen::just(c.min)},
          {8, rc::gen::inRange<std::int64_t>(c.min, c.max + 1)},  // sized, shrinks towards min
          {2, rc::gen::resize(detail::nominal_size, rc::gen::inRange<std::int64_t>(c.min, c.max + 1))},
          {2, rc::gen::just(c.max)},
          {1, rc::gen::just(c.max > c.min ? c.max - 1 : c.max)},
      }),
      [](std::int64_t v) { return S(static_cast<std::int32_t>(v)); });
  return cached;
}

namespace detail {
/** Texts that match ClientToken's pattern (`^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$`, any length
 *  from 1 to 257 and more with dashes), of a length from `lengths`: runs of letters and digits
 *  joined by one or more dashes, never a dash first or last. */
inline rc::Gen<std::string> client_token_text(rc::Gen<std::size_t> lengths) {
  return rc::gen::mapcat(std::move(lengths), [](std::size_t n) {
    // each character after the first: a letter or digit (weight 4) or a dash (weight 1)
    const rc::Gen<char> dash_or_alnum = weighted<char>(
        {{4, rc::gen::map(detail::index(detail::alnum_chars.size()), [](std::size_t i) { return detail::alnum_chars[i]; })},
         {1, rc::gen::just('-')}});
    return rc::gen::map(rc::gen::container<std::string>(n, dash_or_alnum), [](std::string s) {
      if (s.front() == '-') s.front() = 'a';
      if (s.back() == '-') s.back() = 'z';
      return s;
    });
  });
}
}  // namespace detail

/** `ClientToken` (33..256 characters, `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$`): runs of letters
 *  and digits joined by one or more dashes, never a dash first or last; a UUID's length (what
 *  SDKs generate) now and then, and both length bounds. */
inline rc::Gen<ClientToken> client_token() {
  constexpr std::size_t lo = ClientToken::constraints.min_length, hi = ClientToken::constraints.max_length;
  static const rc::Gen<ClientToken> cached =
      rc::gen::map(detail::client_token_text(weighted<std::size_t>({{2, rc::gen::just(lo)},
                                                                    {2, rc::gen::just(std::size_t{36})},
                                                                    {8, rc::gen::inRange<std::size_t>(lo, hi + 1)},
                                                                    {1, rc::gen::just(hi)}})),
                   [](std::string s) { return ClientToken(std::move(s)); });
  return cached;
}

/** A document counter (PrimitiveLong): 0, small, large and the edges up to INT64_MAX
 *  (2^31, 2^32, 2^53 +- 1, 10^18). Never negative: the codec reports negative counters. */
inline rc::Gen<PrimitiveLong> counter() {
  using L = PrimitiveLong;
  constexpr L max = (std::numeric_limits<L>::max)();
  static const rc::Gen<L> cached = weighted<L>({
      {3, rc::gen::just(L{0})},
      {10, rc::gen::inRange<L>(0, 1000)},  // sized
      {3, rc::gen::resize(detail::nominal_size, rc::gen::inRange<L>(0, max))},
      {3, detail::entry_of<L>({1, 2147483647, 2147483648, 4294967295, 4294967296, 9007199254740991,
                               9007199254740992, 9007199254740993, 1000000000000000000, max - 1, max})},
  });
  return cached;
}

/** A timestamp anywhere in 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z, weighted
 *  towards recent years and the edges (both bounds, the epoch, leap days, century rules),
 *  with nanoseconds at every precision (none, milli, micro, nano). Shrinks towards the epoch. */
inline rc::Gen<timestamp> any_timestamp() {
  constexpr std::int64_t lo = timestamp::min_seconds, hi = timestamp::max_seconds;
  // Sized: near the epoch at small sizes, so shrinking ends at readable instants.
  auto around_epoch = rc::gen::mapcat(detail::index(2), [](std::size_t negative) {
    return negative == 0 ? rc::gen::inRange<std::int64_t>(0, hi + 1)
                         : rc::gen::map(rc::gen::inRange<std::int64_t>(1, -lo + 1), [](std::int64_t s) { return -s; });
  });
  auto seconds = weighted<std::int64_t>({
      {4, std::move(around_epoch)},
      {6, rc::gen::resize(detail::nominal_size, rc::gen::inRange<std::int64_t>(1420070400, 2082758400))},  // 2015..2036
      {5, rc::gen::resize(detail::nominal_size, rc::gen::inRange<std::int64_t>(lo, hi + 1))},
      {3, detail::entry_of<std::int64_t>({
              0, -1, lo, hi, lo + 86399, hi - 86399,
              951782400,     // 2000-02-29 (a leap day of a century divisible by 400)
              -2203891200,   // 1900-03-01 (1900 has no Feb 29)
              4107456000,    // 2100-02-28
              13574563200,   // 2400-02-29
              -12212553600,  // 1582-10-15 (no Julian calendar here)
              2147483647, 2147483648, 4102444799,
          })},
  });
  auto nanos = weighted<std::uint32_t>({
      {4, rc::gen::just(std::uint32_t{0})},
      {2, rc::gen::map(detail::index(1000), [](std::size_t v) { return static_cast<std::uint32_t>(v * 1000000); })},
      {2, rc::gen::map(detail::index(1000000), [](std::size_t v) { return static_cast<std::uint32_t>(v * 1000); })},
      {3, rc::gen::map(detail::index(1000000000), [](std::size_t v) { return static_cast<std::uint32_t>(v); })},
      {1, detail::entry_of<std::uint32_t>({1, 10, 100000000, 999999999, 500000000})},
  });
  return rc::gen::apply(
      [](std::int64_t s, std::uint32_t ns) {
        return *timestamp::from_parts(s, ns);  // both are in range by construction
      },
      std::move(seconds), std::move(nanos));
}

/** As any_timestamp(), built once. */
inline const rc::Gen<timestamp>& any_timestamp_cached() {
  static const rc::Gen<timestamp> cached = any_timestamp();
  return cached;
}

/** An enumerator of the described enum E, shrinking towards the first. */
template <class E>
rc::Gen<E> enumerator() {
  static_assert(detail::is_described_enum_v<E>, "enumerator<E>: E must be described with BOOST_DESCRIBE_ENUM");
  std::vector<E> all;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { all.push_back(d.value); });
  return detail::entry_of<E>(std::move(all));
}

/** A known enum_value<E>. */
template <class E>
rc::Gen<enum_value<E>> known_enum_value() {
  return rc::gen::map(enumerator<E>(), [](E e) { return enum_value<E>(e); });
}

/** A wire string that is NOT one of E's enumerators (only the client profile keeps these):
 *  case variants of known names ("stopped", "Stopped"), near misses ("STOPPED ", "STOP"),
 *  the empty string, and arbitrary text including characters that need escaping. */
template <class E>
rc::Gen<std::string> unknown_enum_string() {
  static const rc::Gen<std::string> cached = detail::make_unknown_enum_string<E>();
  return cached;
}

namespace detail {
template <class E>
rc::Gen<std::string> make_unknown_enum_string() {
  std::vector<std::string> names;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { names.emplace_back(d.name); });
  auto is_known = [names](const std::string& s) { return std::find(names.begin(), names.end(), s) != names.end(); };
  auto variant_of_known = rc::gen::map(rc::gen::pair(entry_of<std::string>(names), index(5)),
                                       [](std::pair<std::string, std::size_t> p) {
                                         std::string s = std::move(p.first);
                                         switch (p.second) {
                                           case 0: for (char& c : s) c = static_cast<char>(c - 'A' + 'a'); break;
                                           case 1: for (std::size_t i = 1; i < s.size(); ++i) if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a'); break;
                                           case 2: s += ' '; break;
                                           case 3: s.pop_back(); break;
                                           default: s = "NEW_" + s; break;
                                         }
                                         return s;
                                       });
  auto text = rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, 21), [](std::size_t n) { return text_of_length(n); });
  auto any = weighted<std::string>({
      {4, std::move(variant_of_known)},
      {1, rc::gen::just(std::string())},
      {4, std::move(text)},
  });
  return rc::gen::map(std::move(any), [is_known](std::string s) { return is_known(s) ? s + "_X" : s; });
}
}  // namespace detail

/** An unknown enum_value<E> (see unknown_enum_string). */
template <class E>
rc::Gen<enum_value<E>> unknown_enum_value() {
  return rc::gen::map(unknown_enum_string<E>(), [](std::string s) { return enum_value<E>::unknown(std::move(s)); });
}

// ---- lists and structures --------------------------------------------------------------------

/** Lists of shape L (a type with `static constexpr list_constraints constraints`): from the
 *  lower bound up; near the nominal size, now and then exactly at the upper bound (its items
 *  then generated at size 0, so they stay small). fill::complete: at least one item. */
template <class L, fill F = fill::arbitrary>
rc::Gen<L> list_shape() {
  using E = typename L::value_type;
  constexpr list_constraints c = L::constraints;
  constexpr std::size_t lo = (F == fill::complete && c.min_items == 0 && c.max_items > 0) ? 1 : c.min_items;
  constexpr std::size_t hi = c.max_items;
  static_assert(lo <= hi, "list_shape<L>: L admits no item count");
  static const rc::Gen<L> cached = detail::per_size<L>([=](int size) {
    const auto sz = static_cast<std::size_t>(size < 0 ? 0 : size);
    const std::size_t short_top = (std::min)(hi, lo + sz / 10 + 3);
    const bool big = hi != unbounded && hi > short_top && size >= 95;
    auto items = [](std::size_t n, rc::Gen<E> g) {
      return rc::gen::map(rc::gen::container<std::vector<E>>(n, std::move(g)),
                          [](std::vector<E> v) { return L(std::make_move_iterator(v.begin()), std::make_move_iterator(v.end())); });
    };
    auto small = rc::gen::mapcat(rc::gen::inRange<std::size_t>(lo, short_top + 1),
                                 [items](std::size_t n) { return items(n, arbitrary<E, F>()); });
    // At the bound: a few small items, repeated up to the count (generating 2048 is slow).
    auto at_bound = rc::gen::mapcat(detail::index(2), [=](std::size_t k) {
      const std::size_t count = hi - (k == 0 ? 0 : 1);
      return rc::gen::map(rc::gen::container<std::vector<E>>((std::min)(count, std::size_t{8}), rc::gen::resize(0, arbitrary<E, F>())),
                          [count](std::vector<E> few) {
                            L out;
                            out.reserve(count);
                            for (std::size_t i = 0; i < count; ++i) out.push_back(few[i % few.size()]);
                            return out;
                          });
    });
    return weighted<L>({
        {1, items(lo, arbitrary<E, F>())},
        {10, std::move(small)},
        {big ? 1U : 0U, std::move(at_bound)},
    });
  });
  return cached;
}

namespace detail {
template <class T, fill F, template <class...> class List, class... D>
rc::Gen<T> build_described(List<D...>) {
  return rc::gen::build<T>(rc::gen::set(D::pointer, arbitrary<member_t<T, D>, F>())...);
}
}  // namespace detail

/** Structures described with BOOST_DESCRIBE_STRUCT: each public member from arbitrary<M>(),
 *  combined with rc::gen::build so each member shrinks on its own. */
template <class T, fill F = fill::arbitrary>
rc::Gen<T> described_struct() {
  static_assert(is_described_struct_v<T>, "described_struct<T>: T must be described with BOOST_DESCRIBE_STRUCT");
  return detail::build_described<T, F>(boost::describe::describe_members<T, boost::describe::mod_public>{});
}

/// ClientToken's pattern is a regular expression: its generator is written by hand, and so is
/// what breaks its length (texts the pattern accepts, of a length outside 33..256).
template <>
struct leaf_generator<ClientToken> {
  static rc::Gen<ClientToken> valid() { return client_token(); }
  static std::vector<rule> breakable() { return {rules::constraint_length}; }
  static rc::Gen<leaf_break> breaking(rule) {
    constexpr std::size_t lo = ClientToken::constraints.min_length, hi = ClientToken::constraints.max_length;
    static const rc::Gen<leaf_break> cached = rc::gen::map(
        detail::client_token_text(weighted<std::size_t>({{2, rc::gen::just(lo - 1)},
                                                         {4, rc::gen::inRange<std::size_t>(1, lo)},
                                                         {2, rc::gen::just(hi + 1)}})),
        [](std::string s) {
          return leaf_break{"\"" + s + "\"", std::to_string(s.size()) + " characters", 0, 0};
        });
    return cached;
  }
};

namespace detail {
// The built-in leaf generators, one per kind of leaf, with leaf_generator's interface.
template <class S>
struct string_leaf_generator {
  static rc::Gen<S> valid() { return string_shape<S>(); }
};
/// The 64-bit integer is PrimitiveLong, which this model declares nonnegative.
struct int64_leaf_generator {
  static rc::Gen<std::int64_t> valid() { return counter(); }
};
/// Integer shapes break their range (when 32 bits hold a value outside it) and their 32 bits.
template <class S>
struct integer_leaf_generator {
  static constexpr integer_constraints c = S::constraints;
  static rc::Gen<S> valid() { return integer_shape_values<S>(); }
  static std::vector<rule> breakable() {
    if (out_of_range().empty()) return {rules::long_out_of_range};
    return {rules::constraint_range, rules::long_out_of_range};
  }
  static rc::Gen<std::string> breaking(rule r) {
    if (r == rules::constraint_range) return entry_of(out_of_range());
    return entry_of<std::string>({"2147483648", "-2147483649", "4294967296", "9223372036854775808",
                                  "-9223372036854775809", "18446744073709551616"});
  }
  /// Values within 32 bits and outside S's range: next to each bound, and the 32-bit bounds.
  static std::vector<std::string> out_of_range() {
    constexpr std::int64_t lowest = (std::numeric_limits<std::int32_t>::min)(), highest = (std::numeric_limits<std::int32_t>::max)();
    std::vector<std::string> bad;
    for (std::int64_t k = 1; k <= 3; ++k) {
      if (c.min - k >= lowest) bad.push_back(std::to_string(c.min - k));
      if (c.max + k <= highest) bad.push_back(std::to_string(c.max + k));
    }
    if (c.min > lowest) bad.push_back(std::to_string(lowest));
    if (c.max < highest) bad.push_back(std::to_string(highest));
    return bad;
  }
};
struct timestamp_leaf_generator {
  static rc::Gen<timestamp> valid() { return any_timestamp_cached(); }
};
template <class T>
struct enum_value_leaf_generator {
  static rc::Gen<T> valid() { return known_enum_value<typename is_enum_value<T>::enum_type>(); }
};
template <class E>
struct enum_leaf_generator {
  static rc::Gen<E> valid() { return enumerator<E>(); }
};
struct no_leaf_generator {};

/// T's leaf generator: the user's leaf_generator<T> first, then the built-in leaves.
template <class T>
using leaf_generator_of = boost::mp11::mp_cond<
    boost::mp11::mp_bool<has_user_leaf_generator_v<T>>, leaf_generator<T>,
    boost::mp11::mp_bool<is_string_shape_v<T>>, string_leaf_generator<T>,
    std::is_same<T, std::int64_t>, int64_leaf_generator,
    boost::mp11::mp_bool<is_integer_shape_v<T>>, integer_leaf_generator<T>,
    std::is_same<T, timestamp>, timestamp_leaf_generator,
    is_enum_value<T>, enum_value_leaf_generator<T>,
    boost::mp11::mp_bool<is_described_enum_v<T>>, enum_leaf_generator<T>,
    boost::mp11::mp_true, no_leaf_generator>;

template <class T>
inline constexpr bool has_leaf_generator_v = !std::is_same<leaf_generator_of<T>, no_leaf_generator>::value;
}  // namespace detail

/** The generator of T: a user's generator<T> specialization first, then optionals, then the
 *  leaf's generator (a user's leaf_generator<T>, then the built-in leaves: string shape,
 *  64-bit integer, integer shape, timestamp, enum_value, described enum), then list shapes and described
 *  structures. */
template <class T, fill F>
rc::Gen<T> arbitrary() {
  static const rc::Gen<T> cached = detail::make_arbitrary<T, F>();  // built once per type
  return cached;
}

namespace detail {
template <class T, fill F>
rc::Gen<T> make_arbitrary() {
  if constexpr (has_user_generator_v<T>) {
    return generator<T>::make();
  } else if constexpr (is_optional<T>::value) {
    return optional_of(arbitrary<typename T::value_type, F>(), F);
  } else if constexpr (has_leaf_generator_v<T>) {
    return leaf_generator_of<T>::valid();
  } else if constexpr (is_list_shape_v<T>) {
    return list_shape<T, F>();
  } else if constexpr (is_described_struct_v<T>) {
    return described_struct<T, F>();
  } else {
    static_assert(dependent_false<T>::value,
                  "bedrock_agent::testing::arbitrary<T>: no generator for T. For a leaf type (one with "
                  "bedrock_agent::leaf_traits<T>), specialize bedrock_agent::testing::leaf_generator<T> with "
                  "static rc::Gen<T> valid(). Otherwise make T a string shape, a list shape, an enum_value<E> "
                  "of a described enum or a described struct, or specialize "
                  "bedrock_agent::testing::generator<T> with static rc::Gen<T> make().");
    return rc::Gen<T>();
  }
}
}  // namespace detail

/** Values of T with every optional member present and every list non-empty (each part of
 *  the shape is there to be looked at, or broken). */
template <class T>
rc::Gen<T> complete() {
  return arbitrary<T, fill::complete>();
}

}  // namespace bedrock_agent::testing

// ---- rc::Arbitrary: so that properties can take shapes as parameters -----------------------

namespace rc {

/// String shapes.
template <class T>
struct Arbitrary<T, std::enable_if_t<bedrock_agent::is_string_shape_v<T>>> {
  static Gen<T> arbitrary() { return bedrock_agent::testing::arbitrary<T>(); }
};

/// Integer shapes.
template <class T>
struct Arbitrary<T, std::enable_if_t<bedrock_agent::is_integer_shape_v<T>>> {
  static Gen<T> arbitrary() { return bedrock_agent::testing::arbitrary<T>(); }
};

/// List shapes.
template <class T>
struct Arbitrary<T, std::enable_if_t<bedrock_agent::is_list_shape_v<T>>> {
  static Gen<T> arbitrary() { return bedrock_agent::testing::arbitrary<T>(); }
};

/// Shape structures: described structs with a `shape_name` (the library's convention).
template <class T>
struct Arbitrary<T, std::enable_if_t<bedrock_agent::is_described_struct_v<T> && !bedrock_agent::is_list_shape_v<T> &&
                                     !bedrock_agent::is_string_shape_v<T> &&
                                     std::is_convertible<decltype(T::shape_name), std::string_view>::value>> {
  static Gen<T> arbitrary() { return bedrock_agent::testing::arbitrary<T>(); }
};

/// Known enum values.
template <class E>
struct Arbitrary<bedrock_agent::enum_value<E>> {
  static Gen<bedrock_agent::enum_value<E>> arbitrary() {
    return bedrock_agent::testing::arbitrary<bedrock_agent::enum_value<E>>();
  }
};

template <>
struct Arbitrary<bedrock_agent::IngestionJobStatus> {
  static Gen<bedrock_agent::IngestionJobStatus> arbitrary() {
    return bedrock_agent::testing::enumerator<bedrock_agent::IngestionJobStatus>();
  }
};

template <>
struct Arbitrary<bedrock_agent::timestamp> {
  static Gen<bedrock_agent::timestamp> arbitrary() { return bedrock_agent::testing::any_timestamp(); }
};

}  // namespace rc

#endif  // BEDROCK_AGENT_TESTING_ARBITRARY_HPP_INCLUDED
