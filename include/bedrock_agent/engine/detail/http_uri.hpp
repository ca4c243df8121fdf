#ifndef BEDROCK_AGENT_DETAIL_HTTP_URI_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_HTTP_URI_HPP_INCLUDED

// The URI template of an operation, read at compile time: its segments, which member of the
// described input each label binds, and static_asserts that name what is wrong with a
// template, cross-checked against the input's declared member_metadata when it has one (members
// it does not bind are body members). Plus RFC 3986 percent-encoding for path segments.

#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/detail/text.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace bedrock_agent::detail {

inline constexpr std::size_t no_member = static_cast<std::size_t>(-1);

/// One segment of a URI template: a literal, or a label bound to input member `member`.
struct uri_segment {
  std::string_view text{};         ///< the literal, or the label's name (without braces)
  std::size_t member = no_member;  ///< index in the described public members; no_member for a literal
  bool is_label() const noexcept { return member != no_member; }
};

/// What is wrong with a URI template (uri_template_ok::ok when nothing is).
enum class uri_template_problem {
  ok,
  no_leading_slash,
  empty_segment,
  query_in_template,
  brace_in_literal,
  greedy_label,
  label_not_a_member,
  label_not_a_string,
  label_twice,
  member_not_bound,
  label_not_declared_label,  ///< a template label names a member declared body, query or header
  declared_label_unbound,    ///< a member declared binding label is not in the template
  binding_not_supported,     ///< a member declared query or header (not yet bound by this engine)
};

template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/** Index of T's public described member called `name`; no_member when there is none. */
template <class T>
constexpr std::size_t member_index(std::string_view name) {
  std::size_t found = no_member;
  std::size_t i = 0;
  boost::mp11::mp_for_each<described_members<T>>([&](auto d) {
    if (found == no_member && name == std::string_view(d.name)) found = i;
    ++i;
  });
  return found;
}

/** True when T's member number `index` is a string shape. */
template <class T>
constexpr bool member_is_string_shape(std::size_t index) {
  bool yes = false;
  std::size_t i = 0;
  boost::mp11::mp_for_each<described_members<T>>([&](auto d) {
    using M = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<T&>().*d.pointer)>>;
    if (i == index) yes = is_string_shape_v<M>;
    ++i;
  });
  return yes;
}

/** True when template `tpl` ends with a '/' after at least one segment ("/a/b/"): the
 *  AWS models write the templates of Start and List that way, and clients send that slash. */
constexpr bool uri_trailing_slash(std::string_view tpl) { return tpl.size() > 1 && tpl.back() == '/'; }

/** Number of '/'-separated segments of a template that starts with '/', not counting the
 *  empty one after a trailing slash. */
constexpr std::size_t uri_segment_count(std::string_view tpl) {
  std::size_t n = 0;
  for (char c : tpl) n += c == '/';
  return n - (uri_trailing_slash(tpl) ? 1 : 0);
}

/** The segments of `tpl`, labels resolved against Input's members. */
template <class Input, std::size_t N>
constexpr std::array<uri_segment, N> uri_segments(std::string_view tpl) {
  std::array<uri_segment, N> out{};
  std::size_t pos = 1;
  for (std::size_t k = 0; k < N; ++k) {
    std::size_t end = pos;
    while (end < tpl.size() && tpl[end] != '/') ++end;
    std::string_view s = tpl.substr(pos, end - pos);
    if (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
      s = s.substr(1, s.size() - 2);
      out[k] = uri_segment{s, member_index<Input>(s)};
    } else {
      out[k] = uri_segment{s, no_member};
    }
    pos = end + 1;
  }
  return out;
}

/** The first problem of template `tpl` for input Input. */
template <class Input>
constexpr uri_template_problem check_uri_template(std::string_view tpl) {
  using P = uri_template_problem;
  if (tpl.empty() || tpl.front() != '/') return P::no_leading_slash;
  constexpr std::size_t n_members = boost::mp11::mp_size<described_members<Input>>::value;
  std::array<bool, n_members + 1> bound{};  // +1: no zero-length array for an empty input
  std::size_t pos = 1;
  const std::size_t stop = tpl.size() - (uri_trailing_slash(tpl) ? 1 : 0);
  while (pos <= stop) {
    std::size_t end = pos;
    while (end < stop && tpl[end] != '/') ++end;
    std::string_view s = tpl.substr(pos, end - pos);
    if (s.empty()) return P::empty_segment;
    for (char c : s) {
      if (c == '?' || c == '#') return P::query_in_template;
    }
    if (s.front() == '{' && s.size() >= 2 && s.back() == '}') {
      s = s.substr(1, s.size() - 2);
      if (!s.empty() && s.back() == '+') return P::greedy_label;
      const std::size_t m = member_index<Input>(s);
      if (m == no_member) return P::label_not_a_member;
      if (!member_is_string_shape<Input>(m)) return P::label_not_a_string;
      if (bound[m]) return P::label_twice;
      if (has_member_metadata<Input>::value && member_table<Input>::members[m].binding != member_binding::label)
        return P::label_not_declared_label;
      bound[m] = true;
    } else {
      for (char c : s) {
        if (c == '{' || c == '}') return P::brace_in_literal;
      }
    }
    pos = end + 1;
  }
  for (std::size_t m = 0; m < n_members; ++m) {
    if (bound[m]) continue;
    const member_binding b = member_table<Input>::members[m].binding;
    if (b == member_binding::label) return P::declared_label_unbound;
    if (!has_member_metadata<Input>::value) return P::member_not_bound;
    if (b != member_binding::body) return P::binding_not_supported;
  }
  return P::ok;
}

/// The compile-time reading of Op's URI template. Instantiating it checks the template.
template <class Op>
struct uri_binding {
  using input = typename Op::input;
  static constexpr std::string_view tpl = Op::http_uri;
  static constexpr uri_template_problem problem = check_uri_template<input>(tpl);
  static_assert(problem != uri_template_problem::no_leading_slash, "http_uri must start with '/'");
  static_assert(problem != uri_template_problem::empty_segment, "http_uri has an empty segment ('//')");
  static_assert(problem != uri_template_problem::query_in_template,
                "http_uri has a query or fragment; this engine binds path labels only");
  static_assert(problem != uri_template_problem::brace_in_literal,
                "a label must be a whole segment: '{name}' between two '/'");
  static_assert(problem != uri_template_problem::greedy_label, "greedy labels ({name+}) are not supported");
  static_assert(problem != uri_template_problem::label_not_a_member,
                "a label of http_uri is not the name of a described public member of Op::input");
  static_assert(problem != uri_template_problem::label_not_a_string,
                "a label is bound to a member that is not a string shape; only string labels are supported");
  static_assert(problem != uri_template_problem::label_twice, "a member is bound by two labels");
  static_assert(problem != uri_template_problem::member_not_bound,
                "a member of Op::input is not a label, and Op::input declares no member_metadata that would "
                "bind it to the body");
  static_assert(problem != uri_template_problem::binding_not_supported,
                "a member of Op::input is declared member_binding::query or ::header; this engine binds path "
                "labels and body members only");
  static_assert(problem != uri_template_problem::label_not_declared_label,
                "a label of http_uri names a member that member_metadata<Op::input> does not declare member_binding::label");
  static_assert(problem != uri_template_problem::declared_label_unbound,
                "a member declared member_binding::label in member_metadata<Op::input> is not a label of http_uri");
  static constexpr std::size_t count = uri_segment_count(tpl);
  /// The template ends with '/' (written after the last segment, and matched leniently: see
  /// http.trailing-slash).
  static constexpr bool trailing_slash = uri_trailing_slash(tpl);
  /// Some member binds to the JSON body (only an input that declares member_metadata can
  /// have one: without it, every member must be a label).
  static constexpr bool has_body_members = [] {
    if (!has_member_metadata<input>::value) return false;
    for (const member_info& m : member_table<input>::members) {
      if (m.binding == member_binding::body) return true;
    }
    return false;
  }();
  static constexpr std::array<uri_segment, count> segments = uri_segments<input, count>(tpl);
};

// ---- RFC 3986 percent-encoding ---------------------------------------------------------

/** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

/** May `c` appear unencoded in a path segment (RFC 3986 pchar, without '%')? */
constexpr bool is_pchar(unsigned char c) noexcept {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';':
    case '=': case ':': case '@':
      return true;
    default:
      return is_unreserved(c);
  }
}

/** Appends `s` with every byte except the unreserved ones as %XX (uppercase hex). */
inline void append_percent_encoded(std::string& out, std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      append_hex_byte(out, c, /*upper=*/true);
    }
  }
}

constexpr int uri_hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_HTTP_URI_HPP_INCLUDED
