#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_WIRE_EXCHANGE_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_WIRE_EXCHANGE_HPP_INCLUDED

// One HTTP exchange read from an SDK's own record of it (a botocore debug log, a vcrpy
// cassette): the wire bytes of the request line, request body, status, response headers and
// response body, and where each of them stands in the original file, byte by byte for the
// bodies, so that a finding inside a body points at the file's line:column.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bedrock_agent::validator {

/// A 1-based line and column (in code points) in the original file; line 0: unknown.
struct text_position {
  std::size_t line = 0;
  std::size_t column = 0;
};

/// A decoded body and, for each of its bytes and one past its end, the place in the file the
/// byte was decoded from (an escape such as \xc3 gives its byte the escape's first column).
struct placed_text {
  std::string bytes;
  mutable std::vector<text_position> at;  ///< bytes.size() + 1 entries, or empty when nothing is known
  text_position start;            ///< where the literal (or the value) begins
  /// A map made only when a finding asks for it: `source` is the literal's text on line
  /// start.line from column start.column, and `remap(source, start, at)` fills `at` from it.
  std::string source;
  void (*remap)(std::string_view source, text_position start, std::vector<text_position>& at) = nullptr;

  void clear() {
    bytes.clear();
    at.clear();
    source.clear();
    remap = nullptr;
    start = {};
  }
  /** The place of byte `offset` (clamped to the end); `start` when no map is kept. */
  text_position place(std::size_t offset) const {
    if (at.empty() && remap) remap(source, start, at);
    if (at.empty()) return start;
    return at[offset < at.size() ? offset : at.size() - 1];
  }
};

struct wire_exchange {
  std::string method;
  std::string url;
  text_position request_at;  ///< the request line (method and URL)
  placed_text request_body;
  bool has_response = false;  ///< a status, headers or body was recorded
  std::optional<int> status;  ///< absent when the record does not carry it (boto3 without urllib3's log)
  text_position status_at;
  http_headers response_headers;
  text_position headers_at;
  placed_text response_body;

  /** The first line of the file that belongs to this exchange. */
  std::size_t first_line() const noexcept {
    std::size_t l = request_at.line;
    if (request_body.start.line && request_body.start.line < l) l = request_body.start.line;
    return l ? l : 1;
  }
};

/** The 1-based column, in code points, of byte `offset` of `line` (UTF-8 continuation bytes
 *  do not start a column). */
inline std::size_t column_of(std::string_view line, std::size_t offset) noexcept {
  std::size_t col = 1;
  const std::size_t end = offset < line.size() ? offset : line.size();
  std::size_t i = 0;
  for (; i + 8 <= end; i += 8) {  // ASCII eight bytes at a time (log lines mostly are)
    std::uint64_t w;
    std::memcpy(&w, line.data() + i, 8);
    if ((w & 0x8080808080808080ull) != 0) break;
    col += 8;
  }
  for (; i < end; ++i) col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return col + (offset - end);
}

inline int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_WIRE_EXCHANGE_HPP_INCLUDED
