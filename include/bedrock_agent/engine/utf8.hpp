#ifndef BEDROCK_AGENT_UTF8_HPP_INCLUDED
#define BEDROCK_AGENT_UTF8_HPP_INCLUDED

// UTF-8 (RFC 3629) for the codec and its clients: decode one code point, find the first byte that
// is not UTF-8, append one code point, count code points. Strict: overlong forms, surrogates
// (U+D800..DFFF) and code points above U+10FFFF are not UTF-8.

#include <cstddef>
#include <string>
#include <string_view>

namespace bedrock_agent {

/** Decodes one code point at s[i] (i < s.size()); returns its byte length (1..4), or 0 when the bytes there
 *  are not UTF-8 (then `cp` is unspecified). */
inline std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const std::size_t n = s.size() - i;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) ^ 0x80u; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (n < 2 || cont(1) > 0x3F) return 0;
    cp = (char32_t(b0 & 0x1F) << 6) | cont(1);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (n < 3 || cont(1) > 0x3F || cont(2) > 0x3F) return 0;
    cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(cont(1)) << 6) | cont(2);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong, surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (n < 4 || cont(1) > 0x3F || cont(2) > 0x3F || cont(3) > 0x3F) return 0;
    cp = (char32_t(b0 & 0x07) << 18) | (char32_t(cont(1)) << 12) | (char32_t(cont(2)) << 6) | cont(3);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;  // overlong, beyond Unicode
    return 4;
  }
  return 0;  // continuation byte, C0, C1, F5..FF
}

/** Offset of the first byte that is not UTF-8, or npos when all of `s` is. */
inline std::size_t utf8_first_invalid(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = utf8_decode(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

/** True when all of `s` is UTF-8 (the empty string is). */
inline bool is_utf8(std::string_view s) noexcept { return utf8_first_invalid(s) == std::string_view::npos; }

/** Appends `cp` to `out`: its UTF-8 form when `cp` is a Unicode scalar value. A surrogate gets
 *  the three bytes of its bit pattern and a value above U+10FFFF four bytes, neither of which
 *  is UTF-8 (is_utf8() says so): a caller that must write UTF-8 checks `cp` first. */
inline void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/** Number of code points in valid UTF-8 `s` (counts lead bytes). */
inline std::size_t utf8_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_UTF8_HPP_INCLUDED
