#ifndef BEDROCK_AGENT_TOOLS_COMMON_HAR_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_COMMON_HAR_HPP_INCLUDED

// The HAR 1.2 shapes both tools use alike, described for the library's own engine:
// bedrock-agent-validate reads them (tools/validator/har.hpp), bedrock-agent-fake writes them
// (tools/fake/har.hpp). Each tool describes its own entry: the validator a lenient subset of it
// (what it checks), the fake the whole of it (what a HAR reader expects).

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string_view>
#include <vector>

// As in shapes.hpp: clang -Wpedantic in C++17 calls Describe's empty base list a C++20 extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent::tools {

/// Any HAR string (no constraints; the fake only stores UTF-8 in it).
struct har_string : string_shape<har_string> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "string";
  static constexpr string_constraints constraints{};
};

/// A HAR array of T, named by T::list_name (HAR's arrays have no bounds).
template <class T>
struct har_list : std::vector<T> {
  using std::vector<T>::vector;
  static constexpr std::string_view shape_name = T::list_name;
  static constexpr list_constraints constraints{};
};

/// HAR's name/value pair: a header (and, in the fake's record, a query parameter and a cookie's
/// required members).
struct har_header {
  har_string name;
  har_string value;
  static constexpr std::string_view shape_name = "header";
  static constexpr std::string_view list_name = "headers";
};
BOOST_DESCRIBE_STRUCT(har_header, (), (name, value))
using har_headers = har_list<har_header>;

/// A request body (HAR leaves both members out of a body-less request; the fake sets both).
struct har_post_data {
  std::optional<har_string> mimeType;
  std::optional<har_string> text;
  static constexpr std::string_view shape_name = "postData";
};
BOOST_DESCRIBE_STRUCT(har_post_data, (), (mimeType, text))

}  // namespace bedrock_agent::tools

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_TOOLS_COMMON_HAR_HPP_INCLUDED
