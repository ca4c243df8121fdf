#ifndef BEDROCK_AGENT_ENGINE_SHAPE_HPP_INCLUDED
#define BEDROCK_AGENT_ENGINE_SHAPE_HPP_INCLUDED

// What every model's shapes are made of: string shapes, integer shapes, described enums and enum_value,
// the traits the engine reads (is_described_struct_v, is_error_shape), value equality and
// printing. Nothing here names a shape of this API; model/shapes.hpp declares those.

#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/detail/text.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/describe/operators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace bedrock_agent {

// ---- string shapes ---------------------------------------------------------------------

/// The base of a string shape: a std::string that converts like one. A shape is its name and
/// constraints and nothing more:
///
///     struct Id : string_shape<Id> {
///       using string_shape::string_shape;
///       static constexpr std::string_view shape_name = "Id";
///       static constexpr string_constraints constraints{...};
///     };
///
/// Its constructors are std::string's and one from std::string itself (implicit: any string,
/// including another string shape, converts; the codec checks constraints, not the type).
/// `Shape` makes each shape's base a distinct type, so that string shapes share no base but
/// std::string.
template <class Shape>
struct string_shape : std::string {
  using std::string::string;
  string_shape() = default;
  string_shape(std::string s) : std::string(std::move(s)) {}  // NOLINT: implicit on purpose
};

/// The base of an integer shape (Smithy's `integer`, signed 32 bits, with its `@range` in
/// `static constexpr integer_constraints constraints`): holds the value, converts to and from
/// std::int32_t implicitly. A shape is its name and constraints:
///
///     struct MaxResults : integer_shape<MaxResults> {
///       using integer_shape::integer_shape;
///       static constexpr std::string_view shape_name = "MaxResults";
///       static constexpr integer_constraints constraints{1, 1000};
///     };
template <class Shape>
struct integer_shape {
  std::int32_t value = 0;
  constexpr integer_shape() noexcept = default;
  constexpr integer_shape(std::int32_t v) noexcept : value(v) {}  // NOLINT: implicit on purpose
  constexpr operator std::int32_t() const noexcept { return value; }  // NOLINT: implicit on purpose
};

// ---- enums -----------------------------------------------------------------------------

/** The wire name of a described enumerator; empty when `e` is not a described value. */
template <class E>
constexpr std::string_view to_string(E e) noexcept {
  std::string_view name;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (d.value == e) name = d.name;
  });
  return name;
}

/** The enumerator whose wire name is exactly `s` (case matters); nullopt when none is. */
template <class E>
constexpr std::optional<E> enum_from_string(std::string_view s) noexcept {
  // Two plain locals, the optional made only at the return: the reader calls this on every
  // status, and this form is the fast one (docs/performance.md).
  E value{};
  bool known = false;
  // Each name's length is a constant, so a string of another length costs one compare even
  // where g++ calls operator== out of line.
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    constexpr std::string_view name = decltype(d)::name;
    if (!known && s.size() == name.size() && std::char_traits<char>::compare(s.data(), name.data(), name.size()) == 0) {
      value = d.value;
      known = true;
    }
  });
  return known ? std::optional<E>(value) : std::nullopt;
}

/// An enum member as received: a known enumerator, or (only where the client profile's
/// `keep_unknown_enum_values` allowed it) an unknown wire string kept verbatim so that it is
/// written back unchanged and never mapped to some other value.
template <class E>
class enum_value {
 public:
  constexpr enum_value() noexcept = default;
  constexpr enum_value(E e) noexcept : known_(e) {}  // NOLINT: implicit, a known value is a value

  /** An unknown value carrying its raw wire string. */
  static enum_value unknown(std::string raw) {
    enum_value v;
    v.raw_ = std::move(raw);
    v.is_known_ = false;
    return v;
  }
  constexpr bool is_known() const noexcept { return is_known_; }
  /** The known enumerator; nullopt for an unknown value. */
  constexpr std::optional<E> known() const noexcept {
    return is_known_ ? std::optional<E>(known_) : std::nullopt;
  }
  /** The wire string: the enumerator's name or the raw unknown string. */
  std::string_view wire_name() const noexcept { return is_known_ ? to_string(known_) : std::string_view(raw_); }

  friend bool operator==(const enum_value& a, const enum_value& b) noexcept {
    return a.is_known_ == b.is_known_ && (a.is_known_ ? a.known_ == b.known_ : a.raw_ == b.raw_);
  }
  friend bool operator!=(const enum_value& a, const enum_value& b) noexcept { return !(a == b); }
  friend bool operator==(const enum_value& a, E b) noexcept { return a.is_known_ && a.known_ == b; }
  friend bool operator!=(const enum_value& a, E b) noexcept { return !(a == b); }
#if __cplusplus < 202002L  // C++20 rewrites the reversed forms itself
  friend bool operator==(E a, const enum_value& b) noexcept { return b == a; }
  friend bool operator!=(E a, const enum_value& b) noexcept { return !(b == a); }
#endif

 private:
  E known_{};
  bool is_known_ = true;
  std::string raw_;
};

// ---- errors ----------------------------------------------------------------------------

/// Who is at fault for an error, as the model says (`senderFault` / `fault`).
enum class error_fault { client, server };


/// Value equality of every described structure, member by member.
using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

// ---- traits the generic engine reads -----------------------------------------------------

template <class T>
inline constexpr bool is_described_struct_v =
    boost::describe::has_describe_members<T>::value && std::is_class<T>::value;

template <class T, class = void>
struct is_error_shape : std::false_type {};
template <class T>
struct is_error_shape<T, std::void_t<decltype(T::http_status)>> : std::true_type {};

// ---- printing (doctest and RapidCheck show values with operator<<) -------------------------

namespace detail {
inline void print_quoted(std::ostream& os, std::string_view s) {
  os << '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      os << '\\' << ch;
    } else if (c < 0x20) {
      os << "\\u00" << hex_digit(c >> 4u) << hex_digit(c);
    } else {
      os << ch;
    }
  }
  os << '"';
}
template <class T>
void print_value(std::ostream& os, const T& v);
template <class T>
void print_value(std::ostream& os, const std::optional<T>& v) {
  if (v) print_value(os, *v); else os << "absent";
}
template <class E>
void print_value(std::ostream& os, const enum_value<E>& v) {
  if (v.is_known()) os << v.wire_name(); else { os << "unknown "; print_quoted(os, v.wire_name()); }
}
template <class T>
void print_value(std::ostream& os, const T& v) {
  if constexpr (is_string_shape_v<T>) {
    print_quoted(os, v);
  } else if constexpr (is_list_shape_v<T>) {
    os << '[';
    const char* sep = "";
    for (const auto& item : v) { os << sep; print_value(os, item); sep = ", "; }
    os << ']';
  } else if constexpr (is_described_struct_v<T>) {
    os << T::shape_name << '{';
    const char* sep = "";
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto d) {
          os << sep << d.name << ": ";
          print_value(os, v.*d.pointer);
          sep = ", ";
        });
    os << '}';
  } else {
    os << v;  // integers, timestamps
  }
}
}  // namespace detail

/** Prints a described shape readably, e.g. `IngestionJob{knowledgeBaseId: "KB12345678", ...}`. */
template <class T, std::enable_if_t<is_described_struct_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& v) {
  detail::print_value(os, v);
  return os;
}
template <class E>
std::ostream& operator<<(std::ostream& os, const enum_value<E>& v) {
  detail::print_value(os, v);
  return os;
}
template <class T, std::enable_if_t<is_list_shape_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& v) {
  detail::print_value(os, v);
  return os;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_ENGINE_SHAPE_HPP_INCLUDED
