#ifndef BEDROCK_AGENT_MEMBERS_HPP_INCLUDED
#define BEDROCK_AGENT_MEMBERS_HPP_INCLUDED

// Member metadata: whether each member of a described structure is required, optional or
// defaulted, and where it binds in an HTTP request (body, path label, query, header). Declared
// next to BOOST_DESCRIBE_STRUCT by a member_metadata<T> specialization; a structure without one
// falls back to inference from the member types, so users' own shapes keep working.

#include <bedrock_agent/engine/constraints.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

namespace bedrock_agent {

/// Whether a member must be present.
enum class member_presence : unsigned char {
  required,   ///< absent is shape.missing-member
  optional,   ///< a std::optional; absent resets it
  defaulted,  ///< a plain value; absent (or null under null_as_absent) is its value-initialized default
};

/// Where a member of an operation's input binds in an HTTP request.
enum class member_binding : unsigned char {
  body,    ///< a member of the JSON body (every member of a structure that is not an input)
  label,   ///< a path label of the URI template
  query,   ///< a query-string parameter (not yet supported by the HTTP binding)
  header,  ///< an HTTP header (not yet supported by the HTTP binding)
};

/// What else the model says of a member.
enum class member_role : unsigned char {
  plain,
  /// Smithy's idempotencyToken: a client that leaves it out gets one generated
  /// (write_request), so that a retried call is recognized as the same call.
  idempotency_token,
};

/// One member's declared metadata.
struct member_info {
  std::string_view name;  ///< the member's name, as Boost.Describe lists it
  member_presence presence = member_presence::required;
  member_binding binding = member_binding::body;
  member_role role = member_role::plain;
};

/// Specialize for a described structure T, next to BOOST_DESCRIBE_STRUCT, with one entry per
/// described public member in Describe's order:
///
///     template <>
///     struct bedrock_agent::member_metadata<Thing> {
///       static constexpr member_info members[] = {
///           {"thingId", member_presence::required, member_binding::label},
///           {"note", member_presence::optional, member_binding::body},
///       };
///     };
///
/// check_member_metadata<T>() says what is wrong with a declaration; member_table<T>
/// static_asserts on it, so a declaration that disagrees with Describe does not compile.
template <class T>
struct member_metadata {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

namespace detail {
template <class T>
struct optional_inner { using type = T; };
template <class T>
struct optional_inner<std::optional<T>> { using type = T; };
}  // namespace detail

/** The inference used where no member_metadata<T> is declared: a member is required unless it
 *  is std::optional or a 64-bit integer (the model's PrimitiveLong, which defaults to 0). */
template <class Member>
inline constexpr bool is_required_member_v =
    !is_optional<Member>::value && !std::is_same<Member, std::int64_t>::value;

template <class T, class = void>
struct has_member_metadata : std::false_type {};
template <class T>
struct has_member_metadata<T, std::void_t<decltype(member_metadata<T>::members)>> : std::true_type {};

/// What is wrong with a member_metadata<T> declaration (ok when nothing is).
enum class member_metadata_problem {
  ok,
  count_differs,           ///< not one entry per described public member
  name_differs,            ///< an entry names another member than Describe's at that position
  optional_not_optional,   ///< declared optional, but the type is not std::optional
  optional_type_required,  ///< declared required or defaulted, but the type is std::optional
  label_not_required,      ///< a path label must be required (Smithy's httpLabel)
  token_not_optional_string,  ///< an idempotency token must be an optional string shape in the body
};

namespace detail {

template <class T>
using metadata_members = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class T, class D>
using metadata_member_type = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<T&>().*D::pointer)>>;

/** The metadata inferred from the member types: required unless is_required_member_v says
 *  otherwise, every member in the body. */
template <class T>
constexpr auto inferred_member_infos() {
  std::array<member_info, boost::mp11::mp_size<metadata_members<T>>::value> out{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<metadata_members<T>>([&](auto d) {
    using M = metadata_member_type<T, decltype(d)>;
    out[i++] = member_info{d.name,
                           is_optional<M>::value         ? member_presence::optional
                           : is_required_member_v<M>     ? member_presence::required
                                                         : member_presence::defaulted,
                           member_binding::body};
  });
  return out;
}

}  // namespace detail

/** The first problem of member_metadata<T> against T's Describe members and member types;
 *  ok when T declares nothing (inference is always consistent). */
template <class T>
constexpr member_metadata_problem check_member_metadata() {
  using P = member_metadata_problem;
  if constexpr (!has_member_metadata<T>::value) {
    return P::ok;
  } else {
    constexpr auto& declared = member_metadata<T>::members;
    constexpr std::size_t n = boost::mp11::mp_size<detail::metadata_members<T>>::value;
    if (std::size(declared) != n) return P::count_differs;
    P problem = P::ok;
    std::size_t i = 0;
    boost::mp11::mp_for_each<detail::metadata_members<T>>([&](auto d) {
      using M = detail::metadata_member_type<T, decltype(d)>;
      const member_info& m = declared[i++];
      if (problem != P::ok) return;
      if (m.name != std::string_view(d.name)) problem = P::name_differs;
      else if (m.presence == member_presence::optional && !is_optional<M>::value) problem = P::optional_not_optional;
      else if (m.presence != member_presence::optional && is_optional<M>::value) problem = P::optional_type_required;
      else if (m.binding == member_binding::label && m.presence != member_presence::required) problem = P::label_not_required;
      else if (m.role == member_role::idempotency_token &&
               (m.presence != member_presence::optional || m.binding != member_binding::body ||
                !is_string_shape_v<typename detail::optional_inner<M>::type>))
        problem = P::token_not_optional_string;
    });
    return problem;
  }
}

/// The checked metadata of T's members (declared, else inferred), in Describe's order, and the
/// compile-time mask of its required members that the reader tests.
template <class T>
struct member_table {
  static constexpr member_metadata_problem problem = check_member_metadata<T>();
  static_assert(problem != member_metadata_problem::count_differs,
                "member_metadata<T>::members must have one entry per member of BOOST_DESCRIBE_STRUCT(T, ...)");
  static_assert(problem != member_metadata_problem::name_differs,
                "member_metadata<T>::members must name Describe's members in Describe's order");
  static_assert(problem != member_metadata_problem::optional_not_optional,
                "a member declared member_presence::optional must be a std::optional");
  static_assert(problem != member_metadata_problem::optional_type_required,
                "a std::optional member must be declared member_presence::optional");
  static_assert(problem != member_metadata_problem::label_not_required,
                "a member declared member_binding::label must be member_presence::required");
  static_assert(problem != member_metadata_problem::token_not_optional_string,
                "a member declared member_role::idempotency_token must be an optional string shape in the body");

  static constexpr std::size_t size = boost::mp11::mp_size<detail::metadata_members<T>>::value;
  static_assert(size <= 64, "at most 64 members");

  static constexpr std::array<member_info, size> members = [] {
    if constexpr (has_member_metadata<T>::value) {
      std::array<member_info, size> out{};
      for (std::size_t i = 0; i < size; ++i) out[i] = member_metadata<T>::members[i];
      return out;
    } else {
      return detail::inferred_member_infos<T>();
    }
  }();

  /// Bit i set when member i is required.
  static constexpr std::uint64_t required_mask = [] {
    std::uint64_t mask = 0;
    for (std::size_t i = 0; i < size; ++i) {
      if (members[i].presence == member_presence::required) mask |= std::uint64_t{1} << i;
    }
    return mask;
  }();
};

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_MEMBERS_HPP_INCLUDED
