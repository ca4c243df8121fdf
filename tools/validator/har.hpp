#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_HAR_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_HAR_HPP_INCLUDED

// HAR 1.2 (what browsers, mitmproxy and other proxies export), described as shapes and read by
// the library's own engine in the client profile: what the validator needs of a HAR file is
// data like any other, and its JSON gets the same precise diagnostics. The shapes the fake's
// record shares (strings, headers, postData) are in tools/common/har.hpp.

#include "../common/har.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// As in shapes.hpp: clang -Wpedantic in C++17 calls Describe's empty base list a C++20 extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent::validator {

using tools::har_header;
using tools::har_headers;
using tools::har_post_data;
using tools::har_string;

struct har_request {
  har_string method;
  har_string url;
  std::optional<har_headers> headers;
  std::optional<har_post_data> postData;
  static constexpr std::string_view shape_name = "request";
};
BOOST_DESCRIBE_STRUCT(har_request, (), (method, url, headers, postData))

struct har_content {
  std::optional<har_string> mimeType;
  std::optional<har_string> text;
  std::optional<har_string> encoding;
  static constexpr std::string_view shape_name = "content";
};
BOOST_DESCRIBE_STRUCT(har_content, (), (mimeType, text, encoding))

struct har_response {
  PrimitiveLong status = 0;
  std::optional<har_headers> headers;
  std::optional<har_content> content;
  static constexpr std::string_view shape_name = "response";
};
BOOST_DESCRIBE_STRUCT(har_response, (), (status, headers, content))

struct har_entry {
  har_request request;
  har_response response;
  static constexpr std::string_view shape_name = "entry";
  static constexpr std::string_view list_name = "entries";
};
BOOST_DESCRIBE_STRUCT(har_entry, (), (request, response))
using har_entries = tools::har_list<har_entry>;

struct har_log {
  har_entries entries;
  static constexpr std::string_view shape_name = "log";
};
BOOST_DESCRIBE_STRUCT(har_log, (), (entries))

struct har_file {
  har_log log;
  static constexpr std::string_view shape_name = "HAR";
};
BOOST_DESCRIBE_STRUCT(har_file, (), (log))

/** How HAR files are read: leniently (unknown members are HAR's business), within bounds. */
inline parse_options har_options(std::size_t max_bytes) {
  parse_options o = parse_options::client();
  o.max_input_bytes = max_bytes;
  o.max_depth = 64;
  return o;
}

/** The path and query of a HAR request URL ("https://host/p?q" -> "/p?q"). */
inline std::string_view url_path(std::string_view url) noexcept {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return url;
  const std::size_t slash = url.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
}

/** Decodes RFC 4648 base64 (padding optional, no whitespace); false when it is not base64. */
inline bool base64_decode(std::string_view in, std::string& out) {
  out.clear();
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (!in.empty() && in.back() == '=') {  // padded: a whole number of quads, at most "=="
    if (in.size() % 4 != 0) return false;
    in.remove_suffix(in.size() >= 2 && in[in.size() - 2] == '=' ? 2 : 1);
  }
  if (in.size() % 4 == 1) return false;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return true;
}

}  // namespace bedrock_agent::validator

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_HAR_HPP_INCLUDED
