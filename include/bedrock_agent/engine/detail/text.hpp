#ifndef BEDROCK_AGENT_DETAIL_TEXT_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_TEXT_HPP_INCLUDED

// Small text helpers every layer writes with: hex digits (JSON \u escapes, percent-encoding,
// display excerpts) and RFC 6901 JSON Pointer segments. One of each, so their outputs agree.

#include <string>
#include <string_view>

namespace bedrock_agent::detail {

/** The hex digit of the low four bits of `v`. */
constexpr char hex_digit(unsigned v, bool upper = false) noexcept {
  return (upper ? "0123456789ABCDEF" : "0123456789abcdef")[v & 15];
}

/** Appends the two hex digits of `byte`. */
inline void append_hex_byte(std::string& out, unsigned char byte, bool upper = false) {
  out += hex_digit(byte >> 4u, upper);
  out += hex_digit(byte, upper);
}

/** Appends `name` as one RFC 6901 JSON Pointer segment: '~' as "~0", '/' as "~1". */
inline void append_pointer_segment(std::string& out, std::string_view name) {
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_TEXT_HPP_INCLUDED
