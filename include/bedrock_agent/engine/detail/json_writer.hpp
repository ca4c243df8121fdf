#ifndef BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED

// The generic writer: compact JSON, members in declaration (model) order, absent optional
// members left out, counters always written. Its output is the canonical form.

#include <bedrock_agent/engine/detail/json_reader.hpp>
#include <bedrock_agent/engine/detail/json_text.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace bedrock_agent::detail {

/// `,"name":` of a described member, built at compile time so that each member costs one
/// append. Described names are plain ASCII identifiers: nothing to escape.
template <class D>
struct member_key {
  static constexpr std::size_t name_size = std::char_traits<char>::length(D::name);
  static constexpr std::array<char, name_size + 4> make() noexcept {
    std::array<char, name_size + 4> k{};
    k[0] = ',';
    k[1] = '"';
    for (std::size_t i = 0; i < name_size; ++i) k[i + 2] = D::name[i];
    k[name_size + 2] = '"';
    k[name_size + 3] = ':';
    return k;
  }
  static constexpr std::array<char, name_size + 4> text = make();
  /// With the leading comma (every member but the first written) or without.
  static std::string_view with_comma() noexcept { return {text.data(), text.size()}; }
  static std::string_view first() noexcept { return {text.data() + 1, text.size() - 1}; }
};

template <class T>
void write_value(std::string& out, const T& v);

/** Appends structure `v` as a JSON object, member by member (absent optional members left
 *  out); with `BodyOnly`, only the members member_table<T> binds to the body (an operation
 *  input's HTTP body: its labels are in the path). */
template <bool BodyOnly, class T>
void write_struct(std::string& out, const T& v) {
  out += '{';
  bool first = true;
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<boost::mp11::mp_size<public_members<T>>::value>>([&](auto i) {
    if constexpr (!BodyOnly || member_table<T>::members[i].binding == member_binding::body) {
      using D = boost::mp11::mp_at_c<public_members<T>, i>;
      const auto& m = v.*D::pointer;
      using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
      if constexpr (is_optional<M>::value && !is_leaf_v<M>) {
        if (!m) return;
      }
      using key = member_key<D>;
      out += first ? key::first() : key::with_comma();
      first = false;
      if constexpr (is_optional<M>::value && !is_leaf_v<M>) write_value(out, *m);
      else write_value(out, m);
    }
  });
  out += '}';
}

/** Appends `v` as compact JSON: a leaf by its leaf_traits' write(), a structure member by
 *  member (absent optional members left out). */
template <class T>
void write_value(std::string& out, const T& v) {
  static_assert(is_leaf_v<T> || !is_optional<T>::value, "write_value: optional members are written by their structure");
  if constexpr (is_leaf_v<T>) {
    leaf_of<T>::write(out, v);
  } else {
    write_struct<false>(out, v);
  }
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED
