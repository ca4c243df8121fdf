#ifndef BEDROCK_AGENT_DETAIL_JSON_TEXT_HPP_INCLUDED
#define BEDROCK_AGENT_DETAIL_JSON_TEXT_HPP_INCLUDED

// The lexical layer the codec owns instead of trusting On-Demand: RFC 8259 strings (escapes,
// surrogate pairs, control characters), numbers and literals, and JSON string escaping for
// output. On-Demand validates UTF-8 and structure; these check each token exactly.

#include <bedrock_agent/engine/detail/text.hpp>
#include <bedrock_agent/engine/utf8.hpp>
#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bedrock_agent::detail {

/// What decoding one JSON string found.
struct string_scan {
  std::size_t raw_length = 0;   ///< bytes between the quotes
  std::size_t code_points = 0;  ///< decoded length
  rule error = rules::json_syntax;
  bool ok = true;
  bool escaped = false;         ///< a backslash escape occurred (decoded bytes differ from raw)
  std::size_t error_at = 0;     ///< byte offset from the first byte after the opening quote
};

inline unsigned hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
  return 16;
}

inline bool read_hex4(const char* p, unsigned& v) noexcept {
  v = 0;
  for (int i = 0; i < 4; ++i) {
    const unsigned h = hex_value(p[i]);
    if (h > 15) return false;
    v = (v << 4) | h;
  }
  return true;
}

/** The number of bytes of `m` with bit 7 set, when no other bit is (m & ~0x8080808080808080 == 0).
 *  One multiply: the popcount builtin is a library call on x86-64 builds without -mpopcnt. */
constexpr std::size_t count_byte_highs(std::uint64_t m) noexcept {
  return static_cast<std::size_t>(((m >> 7) * 0x0101010101010101u) >> 56);
}

/** Decodes the JSON string whose content starts at `p` (just after the opening quote) and ends
 *  at the first unescaped quote, which the caller guarantees exists (simdjson's stage 1 found
 *  it) and is followed by at least 7 readable bytes (simdjson's padding: the scan reads 8
 *  bytes at a time). Appends the decoded UTF-8 to `*out` unless `out` is null. Input bytes
 *  are UTF-8 (stage 1 validated them). */
inline string_scan decode_json_string(const char* p, std::string* out) {
  string_scan r;
  const char* const begin = p;
  constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  for (;;) {
    // Copy the run of bytes that need no decoding in one go. Eight bytes at a time while none
    // is '"', '\\' or below 0x20 (the tests are exact: "some byte is zero" and "some byte is
    // below n"); code points are the bytes that are not UTF-8 continuation bytes (10xxxxxx).
    const char* run = p;
    for (;;) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
      if ((((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs) break;
      r.code_points += 8 - count_byte_highs(w & ~(w << 1) & highs);
      p += 8;
    }
    while (true) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20) break;
      r.code_points += (c & 0xC0) != 0x80;
      ++p;
    }
    if (out && p != run) out->append(run, static_cast<std::size_t>(p - run));
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') break;
    if (c < 0x20) {
      r.ok = false;
      r.error = rules::json_control_character;
      r.error_at = static_cast<std::size_t>(p - begin);
      return r;
    }
    // a backslash escape
    r.escaped = true;
    const char* esc = p;
    const char e = p[1];
    char simple = 0;
    switch (e) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      case 'u': break;
      default:
        r.ok = false;
        r.error = rules::json_invalid_escape;
        r.error_at = static_cast<std::size_t>(esc - begin);
        return r;
    }
    if (simple) {
      if (out) *out += simple;
      ++r.code_points;
      p += 2;
      continue;
    }
    unsigned u;
    if (!read_hex4(p + 2, u)) {
      r.ok = false;
      r.error = rules::json_invalid_escape;
      r.error_at = static_cast<std::size_t>(esc - begin);
      return r;
    }
    p += 6;
    char32_t cp = u;
    if (u >= 0xD800 && u <= 0xDBFF) {  // high surrogate: a low one must follow as \uDC00..\uDFFF
      unsigned low;
      if (p[0] != '\\' || p[1] != 'u' || !read_hex4(p + 2, low) || low < 0xDC00 || low > 0xDFFF) {
        r.ok = false;
        r.error = rules::json_unpaired_surrogate;
        r.error_at = static_cast<std::size_t>(esc - begin);
        return r;
      }
      cp = 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
      p += 6;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      r.ok = false;
      r.error = rules::json_unpaired_surrogate;
      r.error_at = static_cast<std::size_t>(esc - begin);
      return r;
    }
    if (out) utf8_append(*out, cp);
    ++r.code_points;
  }
  r.raw_length = static_cast<std::size_t>(p - begin);
  return r;
}

/** Length of the JSON number at the start of `s` per RFC 8259's grammar
 *  `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; 0 when none starts there.
 *  `is_integer` is set when it has neither fraction nor exponent. */
inline std::size_t scan_json_number(std::string_view s, bool& is_integer) noexcept {
  std::size_t i = 0;
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  is_integer = true;
  if (i < s.size() && s[i] == '-') ++i;
  if (!digit(i)) return 0;
  if (s[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digit(i)) return 0;
    while (digit(i)) ++i;
    is_integer = false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return 0;
    while (digit(i)) ++i;
    is_integer = false;
  }
  return i;
}

/** `s` with RFC 8259 whitespace removed from its end. */
inline std::string_view trim_json_whitespace(std::string_view s) noexcept {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/** True when the string token `tok` (a string value's raw_json_token(): its opening quote up to
 *  the next structural character, whitespace included) holds no backslash: the bytes between
 *  the quotes are then the value itself, `content` is set to them and `code_points` to their
 *  number. False for any string with an escape (decode it with decode_json_string). Valid only
 *  after stage 1 accepted the input: it has rejected invalid UTF-8 and unescaped control
 *  characters, and a token with no backslash ends at its first '"' after the opening one.
 *  Reads up to 15 bytes past the closing quote: `tok` must lie in a simdjson-padded buffer. */
inline bool plain_string_token(std::string_view tok, std::string_view& content, std::size_t& code_points) noexcept {
  if (tok.empty() || tok.front() != '"') return false;
  const char* p = tok.data() + 1;
#if defined(__SSE2__)
  // Sixteen bytes at a time up to the first quote or backslash, which ends the scan: so the
  // token's end (and its trailing whitespace) is never looked for. Continuation bytes
  // (10xxxxxx) are, as signed bytes, those below -64; their count stays in a vector (two 64-bit
  // sums of 0/1 bytes), so no popcount instruction is needed.
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), below = _mm_set1_epi8(-64),
                one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
  const __m128i lane = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  __m128i counts = zero;
  for (std::size_t i = 0;; i += 16) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i continuation = _mm_and_si128(_mm_cmplt_epi8(w, below), one);
    const unsigned quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(w, quote)));
    const unsigned backslashes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(w, backslash)));
    if ((quotes | backslashes) == 0) {
      counts = _mm_add_epi64(counts, _mm_sad_epu8(continuation, zero));
      continue;
    }
    const unsigned before_quote = (quotes & (0u - quotes)) - 1;  // lanes before the first quote (all if none)
    if (quotes == 0 || (backslashes & before_quote) != 0) return false;
    const int end = __builtin_ctz(quotes);
    const __m128i kept = _mm_and_si128(continuation, _mm_cmplt_epi8(lane, _mm_set1_epi8(static_cast<char>(end))));
    counts = _mm_add_epi64(counts, _mm_sad_epu8(kept, zero));
    std::uint64_t sums[2];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(sums), counts);
    const std::size_t size = i + static_cast<std::size_t>(end);
    content = std::string_view(p, size);
    code_points = size - static_cast<std::size_t>(sums[0] + sums[1]);
    return true;
  }
#else
  tok = trim_json_whitespace(tok);
  if (tok.size() < 2 || tok.back() != '"') return false;
  const std::size_t size = tok.size() - 2;
  std::size_t continuation = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '\\') return false;
    continuation += (c & 0xC0) == 0x80;
  }
  content = std::string_view(p, size);
  code_points = size - continuation;
  return true;
#endif
}

/** True when every byte of `s` is an ASCII letter or digit (the model's `[0-9a-zA-Z]`), eight
 *  bytes at a time. */
inline bool all_ascii_alnum(std::string_view s) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  // For bytes below 0x80, bit 7 of ((x | 0x80) - lo) is set when x >= lo, and bit 7 of
  // ((0x80 + hi) - x) when x <= hi; neither subtraction borrows across bytes.
  const auto word_ok = [](std::uint64_t x) {
    if (x & highs) return false;
    const auto at_least = [](std::uint64_t v, unsigned lo) { return ((v | highs) - ones * lo) & highs; };
    const auto at_most = [](std::uint64_t v, unsigned hi) { return (ones * (0x80 + hi) - v) & highs; };
    const std::uint64_t folded = x | (ones * 0x20);  // 'A'..'Z' to 'a'..'z'
    const std::uint64_t digit = at_least(x, '0') & at_most(x, '9');
    const std::uint64_t letter = at_least(folded, 'a') & at_most(folded, 'z');
    return (digit | letter) == highs;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, sizeof w);
    if (!word_ok(w)) return false;
  }
  if (i == s.size()) return true;
  std::uint64_t w = ones * '0';  // the tail, filled up with digits
  std::memcpy(&w, s.data() + i, s.size() - i);
  return word_ok(w);
}

/** Parses the integer literal `s` (already checked by scan_json_number) into `out`;
 *  false when it is outside signed 64 bits. */
inline bool parse_int64(std::string_view s, std::int64_t& out) noexcept {
  const bool negative = !s.empty() && s[0] == '-';
  std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  std::uint64_t v = 0;
  for (std::size_t i = negative; i < s.size(); ++i) {
    const unsigned d = static_cast<unsigned>(s[i] - '0');
    if (v > (limit - d) / 10) return false;
    v = v * 10 + d;
  }
  // two's complement: negating the magnitude 2^63 is INT64_MIN, computed without overflow
  out = negative ? static_cast<std::int64_t>(~v + 1) : static_cast<std::int64_t>(v);
  return true;
}

// ---- error-path scanners ----------------------------------------------------------------
// On-Demand's stage 1 reports an unescaped control character or an unclosed string for the
// whole input, without a position. This scanner finds the position, the way stage 1 sees the
// text: a '"' opens or closes a string unless a backslash escapes it. It runs only after
// stage 1 has already rejected the input.

/// Where scan_strings() found the first problem of each kind (npos: none).
struct string_spans {
  std::size_t control_at = std::string_view::npos;   ///< first U+0000..U+001F inside a string
  std::size_t unclosed_at = std::string_view::npos;  ///< opening quote of a string never closed
};

inline string_spans scan_strings(std::string_view in) noexcept {
  string_spans r;
  bool inside = false;
  std::size_t open = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '\\') {
      ++i;  // the escaped byte is never a delimiter
      if (inside && i < in.size() && static_cast<unsigned char>(in[i]) < 0x20 &&
          r.control_at == std::string_view::npos)
        r.control_at = i;
    } else if (c == '"') {
      inside = !inside;
      open = i;
    } else if (inside && c < 0x20 && r.control_at == std::string_view::npos) {
      r.control_at = i;
    }
  }
  if (inside) r.unclosed_at = open;
  return r;
}

/** Offset of the first byte at or after `from` that is not RFC 8259 whitespace. */
inline std::size_t skip_json_whitespace(std::string_view in, std::size_t from) noexcept {
  while (from < in.size() && (in[from] == ' ' || in[from] == '\t' || in[from] == '\n' || in[from] == '\r')) ++from;
  return from;
}

/** The scalar token at `from` as stage 1 cuts it: up to whitespace, a structural character
 *  or a quote, at least one byte, at most `max_bytes`. */
inline std::string_view token_at(std::string_view in, std::size_t from, std::size_t max_bytes = 24) noexcept {
  if (from >= in.size()) return {};
  std::size_t end = from + 1;
  auto ends = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '[' || c == ']' ||
           c == '{' || c == '}' || c == '"';
  };
  if (!ends(in[from])) {
    while (end < in.size() && end - from < max_bytes && !ends(in[end])) ++end;
  }
  return in.substr(from, end - from);
}

/** Appends `s` as a JSON string (with quotes): escapes '"', '\' and U+0000..U+001F, the
 *  common ones in their short form; everything else, U+2028 included, is written raw. */
inline void append_json_string(std::string& out, std::string_view s) {
  constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  out += '"';
  const char* const p = s.data();
  const std::size_t n = s.size();
  std::size_t run = 0, i = 0;
  for (;;) {
    // Skip eight bytes at a time while none is below 0x20, '"' or '\\' (each test is exact
    // for the word as a whole), then find the byte in the word that stopped the scan.
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, sizeof w);
      const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
      if (((w - ones * 0x20) & ~w & highs) | ((q - ones) & ~q & highs) | ((b - ones) & ~b & highs)) break;
    }
    for (; i < n; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (c < 0x20 || c == '"' || c == '\\') break;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(p[i]);
    out.append(p + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', hex_digit(c >> 4u), hex_digit(c)};
        out.append(u, 6);
      }
    }
  }
  out.append(p + run, n - run);
  out += '"';
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_DETAIL_JSON_TEXT_HPP_INCLUDED
