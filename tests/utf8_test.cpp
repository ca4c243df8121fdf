// detail/utf8.hpp: the one UTF-8 encoder (the codec's \u escapes, the generators and the interop
// driver all use it) against bytes written out by hand from RFC 3629's table, at each length and
// on both sides of each length boundary; and the strict decoder on the same bytes.
#include <bedrock_agent/engine/detail/utf8.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace {
using bedrock_agent::detail::utf8_append;
using bedrock_agent::detail::utf8_decode;

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
