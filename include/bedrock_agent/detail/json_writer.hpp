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

#include <charconv>
#include <string>

namespace bedrock_agent::detail {

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
    out += '"';
    append_timestamp(out, v);
    out += '"';
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
      if (!first) out += ',';
      first = false;
      out += '"';
      out += d.name;  // described names are plain ASCII identifiers: nothing to escape
      out += "\":";
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
