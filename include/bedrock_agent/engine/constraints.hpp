#ifndef BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED
#define BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED

// Compile-time constraint traits. The model attaches `length`, `pattern` and list bounds to
// shapes, not to members; so do we: each constrained shape type carries a static `constraints`
// value, and the codec, the generators and the docs read it through these traits.

#include <cstddef>
#include <limits>
#include <string_view>
#include <type_traits>

namespace bedrock_agent {

/// No upper bound.
inline constexpr std::size_t unbounded = (std::numeric_limits<std::size_t>::max)();

/// The character classes the model's patterns use.
enum class charset {
  any,          ///< any Unicode scalar value (the model's `[\s\S]`)
  ascii_alnum,  ///< 0-9, a-z, A-Z (the model's `[0-9a-zA-Z]`)
};

/// Does code point `cp` belong to `set`?
constexpr bool in_charset(charset set, char32_t cp) noexcept {
  switch (set) {
    case charset::ascii_alnum:
      return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
    case charset::any:
      break;
  }
  return true;
}

/// The model's patterns are all one character class repeated {min,max} times, so they are
/// represented exactly as that, with the model's text kept for messages and docs. They are
/// matched anchored, as the published API reference writes them.
struct string_pattern {
  charset chars = charset::any;
  std::size_t min_count = 0;
  std::size_t max_count = unbounded;
  std::string_view text{};  ///< the pattern as the API reference writes it; empty when none
};

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

/// The constraints of shape T (a string_constraints or list_constraints value).
template <class T>
inline constexpr auto constraints_of_v = T::constraints;

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_CONSTRAINTS_HPP_INCLUDED
