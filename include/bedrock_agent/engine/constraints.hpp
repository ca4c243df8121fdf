#ifndef BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED
#define BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED

// Compile-time constraint traits. The model attaches `length`, `pattern` and list bounds to
// shapes, not to members; so do we: each constrained shape type carries a static `constraints`
// value, and the codec, the generators and the docs read it through these traits.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

namespace bedrock_agent {

/// No upper bound.
inline constexpr std::size_t unbounded = (std::numeric_limits<std::size_t>::max)();

/// The character classes of the model's patterns that are one class repeated (ECMA-262
/// meanings, as Smithy's patterns are ECMA-262 regular expressions).
enum class charset {
  any,                 ///< any Unicode scalar value (the model's `[\s\S]`)
  ascii_alnum,         ///< 0-9, a-z, A-Z (the model's `[0-9a-zA-Z]`)
  non_space,           ///< not ECMA-262 white space or a line terminator (the model's `\S`)
  no_line_terminator,  ///< not U+000A, U+000D, U+2028 or U+2029 (the model's `.`)
};

/// Is `cp` ECMA-262 white space or a line terminator (what `\s` matches)?
constexpr bool is_ecma_space(char32_t cp) noexcept {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/// Does code point `cp` belong to `set`?
constexpr bool in_charset(charset set, char32_t cp) noexcept {
  switch (set) {
    case charset::ascii_alnum:
      return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
    case charset::non_space:
      return !is_ecma_space(cp);
    case charset::no_line_terminator:
      return cp != 0x0A && cp != 0x0D && cp != 0x2028 && cp != 0x2029;
    case charset::any:
      break;
  }
  return true;
}

/// A regular expression known to be runs of one ASCII class joined by any number of one
/// separator, `C(S*C){0,max_joins}` (the AWS idempotency-token pattern, ClientToken's): the codec
/// matches this form itself in one pass. `separator` '\0' means no such form is known.
struct joined_runs {
  charset chars = charset::any;
  char separator = '\0';
  std::size_t max_joins = 0;
};

/// A pattern. Most of the model's patterns are one character class repeated {min,max} times,
/// represented exactly as that (`regex` false) and matched by the codec's own code; the others
/// (`ClientToken`'s) set `regex`: `text` is their definition, matched by Boost.Regex unless the
/// generator recognized a `form` the codec matches itself (a test matches both on the same
/// strings). All are matched anchored, as the published API reference writes them; `text` is
/// also what messages show.
struct string_pattern {
  charset chars = charset::any;
  std::size_t min_count = 0;
  std::size_t max_count = unbounded;
  std::string_view text{};  ///< the pattern as the API reference writes it; empty when none
  bool regex = false;       ///< `text` is a regular expression (ASCII-only patterns)
  joined_runs form{};       ///< with `regex`: the form the codec matches instead, if known
};

/** A pattern that is not one character class repeated: a regular expression (ECMA-262 syntax,
 *  anchored; only ASCII literals and classes, as it is matched on UTF-8 bytes), with the form
 *  it is known to have, if any. Without a form, Boost.Regex matches it: a shape with such a
 *  pattern needs <bedrock_agent/engine/regex_pattern.hpp>, or the codec does not compile for it. */
constexpr string_pattern regex_pattern(std::string_view text, joined_runs form = {}) noexcept {
  return string_pattern{charset::any, 0, unbounded, text, true, form};
}

/// Smithy's `@length` on a string (in Unicode code points, never bytes) and `@pattern`.
struct string_constraints {
  std::size_t min_length = 0;
  std::size_t max_length = unbounded;
  string_pattern pattern{};
};

/// Smithy's `@length` on a list (in items).
struct list_constraints {
  std::size_t min_items = 0;
  std::size_t max_items = unbounded;
};

/// Smithy's `@range` on an integer shape (Smithy's `integer`: signed 32 bits).
struct integer_constraints {
  std::int64_t min = (std::numeric_limits<std::int32_t>::min)();
  std::int64_t max = (std::numeric_limits<std::int32_t>::max)();
};

namespace detail {
template <class T, class = void>
struct has_constraints : std::false_type {};
template <class T>
struct has_constraints<T, std::void_t<decltype(T::constraints)>> : std::true_type {};
template <class T, class C, bool = has_constraints<T>::value>
struct constraints_are : std::false_type {};
template <class T, class C>
struct constraints_are<T, C, true>
    : std::is_same<std::remove_cv_t<decltype(T::constraints)>, C> {};
}  // namespace detail

/// The model's words for a shape that is a plain C++ type (an integer, a timestamp, a described
/// enum) and so cannot carry its own `static constexpr std::string_view shape_name`.
/// Specialize it next to the shape; the codec names the shape with it in messages.
template <class T>
struct shape_info {};

/// True for string shapes (types with `static constexpr string_constraints constraints`).
template <class T>
inline constexpr bool is_string_shape_v = detail::constraints_are<T, string_constraints>::value;

/// True for list shapes (types with `static constexpr list_constraints constraints`).
template <class T>
inline constexpr bool is_list_shape_v = detail::constraints_are<T, list_constraints>::value;

/// True for integer shapes (types with `static constexpr integer_constraints constraints`).
template <class T>
inline constexpr bool is_integer_shape_v = detail::constraints_are<T, integer_constraints>::value;

/// The constraints of shape T (a string_constraints, list_constraints or integer_constraints value).
template <class T>
inline constexpr auto constraints_of_v = T::constraints;

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED
