// engine/utf8.hpp: the one UTF-8 encoder (the codec's \u escapes, the generators, the interop
// driver and the tools all use it) against bytes written out by hand from RFC 3629's table, at
// each length and on both sides of each length boundary; the strict decoder on the same bytes;
// and is_utf8 and utf8_append against the copies the tools had before they used this header.
#include <bedrock_agent/engine/utf8.hpp>

#include <doctest/doctest.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace {
using bedrock_agent::is_utf8;
using bedrock_agent::utf8_append;
using bedrock_agent::utf8_decode;

struct utf8_case {
  char32_t cp;
  std::string_view bytes;
};

// RFC 3629 section 3: U+0000..007F 0xxxxxxx; U+0080..07FF 110xxxxx 10xxxxxx;
// U+0800..FFFF 1110xxxx 10xxxxxx 10xxxxxx; U+10000..10FFFF 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx.
constexpr utf8_case cases[] = {
    {0x0000, std::string_view("\x00", 1)},
    {0x0041, "\x41"},
    {0x007F, "\x7F"},                  // the last 1-byte
    {0x0080, "\xC2\x80"},              // the first 2-byte
    {0x00E9, "\xC3\xA9"},
    {0x07FF, "\xDF\xBF"},              // the last 2-byte
    {0x0800, "\xE0\xA0\x80"},          // the first 3-byte
    {0x20AC, "\xE2\x82\xAC"},
    {0xD7FF, "\xED\x9F\xBF"},          // below the surrogates
    {0xE000, "\xEE\x80\x80"},          // above them
    {0xFFFD, "\xEF\xBF\xBD"},
    {0xFFFF, "\xEF\xBF\xBF"},          // the last 3-byte
    {0x10000, "\xF0\x90\x80\x80"},     // the first 4-byte
    {0x1F600, "\xF0\x9F\x98\x80"},
    {0x10FFFF, "\xF4\x8F\xBF\xBF"},    // the last code point
};
}  // namespace

TEST_CASE("utf8: utf8_append writes RFC 3629's bytes at every length and boundary") {
  for (const utf8_case& c : cases) {
    CAPTURE(static_cast<unsigned long>(c.cp));
    std::string out = "x";  // appends, keeping what is there
    utf8_append(out, c.cp);
    CHECK(out.size() == 1 + c.bytes.size());
    CHECK(std::string_view(out).substr(0, 1) == "x");
    CHECK(std::string_view(out).substr(1) == c.bytes);
  }
  std::string all;
  for (const utf8_case& c : cases) utf8_append(all, c.cp);
  std::string expected;
  for (const utf8_case& c : cases) expected += c.bytes;
  CHECK(all == expected);
}

TEST_CASE("utf8: utf8_decode reads the same bytes back") {
  for (const utf8_case& c : cases) {
    CAPTURE(static_cast<unsigned long>(c.cp));
    char32_t cp = 0;
    CHECK(utf8_decode(c.bytes, 0, cp) == c.bytes.size());
    CHECK(cp == c.cp);
  }
}

namespace {
// The fake's is_utf8 (tools/fake/har.hpp) before it used the public one: the reference.
bool fake_is_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

// Counts the strings on which is_utf8 disagrees with the fake's copy or with simdjson's
// validate_utf8 (the validator On-Demand runs on every document).
struct verdicts {
  std::size_t checked = 0, valid = 0, differ = 0;
  void operator()(std::string_view s) {
    const bool v = is_utf8(s);
    ++checked;
    valid += v;
    if (v != fake_is_utf8(s) || v != simdjson::validate_utf8(s.data(), s.size())) {
      if (differ++ == 0) FAIL_CHECK("is_utf8 disagrees on " << doctest::toString(std::string(s)));
    }
  }
};
}  // namespace

TEST_CASE("utf8: is_utf8 gives the fake's and simdjson's verdicts on every string of up to 3 bytes and on 4-byte forms") {
  verdicts check;
  check("");
  char b[4];
  for (unsigned x = 0; x < 256; ++x) {
    b[0] = static_cast<char>(x);
    check(std::string_view(b, 1));
    for (unsigned y = 0; y < 256; ++y) {
      b[1] = static_cast<char>(y);
      check(std::string_view(b, 2));
      for (unsigned z = 0; z < 256; ++z) {
        b[2] = static_cast<char>(z);
        check(std::string_view(b, 3));
      }
    }
  }
  // Four bytes: every lead past ASCII and every second byte, then bytes on each side of the
  // continuation range (and ASCII) in the last two places.
  constexpr unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xF4, 0xFF};
  for (unsigned x = 0x80; x < 256; ++x)
    for (unsigned y = 0; y < 256; ++y)
      for (unsigned char z : edges)
        for (unsigned char w : edges) {
          b[0] = static_cast<char>(x);
          b[1] = static_cast<char>(y);
          b[2] = static_cast<char>(z);
          b[3] = static_cast<char>(w);
          check(std::string_view(b, 4));
        }
  // Longer strings: valid characters of every length with now and then a byte that may break them.
  std::mt19937 rng(14);
  for (int n = 0; n < 200000; ++n) {
    std::string s;
    const std::size_t len = rng() % 24;
    while (s.size() < len) {
      if (rng() % 8 == 0) s += static_cast<char>(rng() % 256);
      else utf8_append(s, static_cast<char32_t>(rng() % 0x110000));
    }
    check(s);
  }
  CHECK(check.differ == 0);
  CHECK(check.valid > 1000000);  // the valid ones are not a rarity the comparison skips
  CHECK(check.checked > 21000000);
}

namespace {
// The validator's append_utf8 (tools/validator/wire_exchange.hpp) before it used utf8_append.
void validator_append_utf8(std::string& out, std::uint32_t cp) {
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
}  // namespace

TEST_CASE("utf8: utf8_append writes the validator's former bytes for every code point and past U+10FFFF") {
  std::size_t differ = 0;
  std::string a, b;
  auto same = [&](std::uint32_t cp) {
    a.clear();
    b.clear();
    utf8_append(a, cp);
    validator_append_utf8(b, cp);
    if (a != b && differ++ == 0) FAIL_CHECK("utf8_append differs at " << cp);
  };
  for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) same(cp);
  for (std::uint32_t cp : {0x110000u, 0x1FFFFFu, 0x200000u, 0xFFFFFFu, 0xFFFFFFFFu}) {  // \U escapes the tools read
    same(cp);
    a.clear();
    utf8_append(a, cp);
    CHECK_FALSE(is_utf8(a));
  }
  CHECK(differ == 0);
}
