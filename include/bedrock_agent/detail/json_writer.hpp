#ifndef BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED

// The generic writer: compact JSON, members in declaration (model) order, absent optional
// members left out, counters always written. Its output is the canonical form.

#include <bedrock_agent/detail/json_reader.hpp>
#include <bedrock_agent/detail/json_text.hpp>
#include <bedrock_agent/shapes.hpp>
#include <bedrock_agent/time.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <charconv>
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
void write_value(std::string& out, const T& v) {
  constexpr category c = category_trait<T>::value;
  if constexpr (c == category::string_shape) {
    append_json_string(out, v);
  } else if constexpr (c == category::long_integer) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  } else if constexpr (c == category::time) {
    char buf[timestamp_max_chars + 2];  // quoted, one append
    buf[0] = '"';
    char* end = write_timestamp(buf + 1, v);
    *end++ = '"';
    out.append(buf, static_cast<std::size_t>(end - buf));
  } else if constexpr (c == category::enumeration) {
    append_json_string(out, v.wire_name());
  } else if constexpr (c == category::list) {
    out += '[';
    bool first = true;
    for (const auto& item : v) {
      if (!first) out += ',';
      first = false;
      write_value(out, item);
    }
    out += ']';
  } else if constexpr (c == category::structure) {
    out += '{';
    bool first = true;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      const auto& m = v.*d.pointer;
      using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
      if constexpr (is_optional<M>::value) {
        if (!m) return;
      }
      using key = member_key<decltype(d)>;
      out += first ? key::first() : key::with_comma();
      first = false;
      if constexpr (is_optional<M>::value) write_value(out, *m);
      else write_value(out, m);
    });
    out += '}';
  } else {
    static_assert(c != category::optional, "write_value: optional members are written by their structure");
  }
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_JSON_WRITER_HPP_INCLUDED
