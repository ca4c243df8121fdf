// parse_timestamp against a reference written here: the RFC 3339 date-time grammar checked
// character by character, with this library's documented policies (years 0001..9999 as
// written and after the offset, no leap second, at most nanosecond precision: digits past
// the 9th must be 0), and the calendar and value from date::parse with a fixed numeric
// format. Accepted timestamps round-trip through format_timestamp and the chrono
// conversions.

// g++ 12 at -O2 warns "'S' may be used uninitialized" inside date::from_stream (date.h and
// <chrono>, inlined here), a false positive in code this harness does not own.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "fuzz_common.hpp"

#include <bedrock_agent/engine/time.hpp>

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace fz = bedrock_agent::fuzz;
using bedrock_agent::timestamp;

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t count) {
  if (at + count > s.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

unsigned number(std::string_view s, std::size_t at, std::size_t count) {
  unsigned v = 0;
  for (std::size_t i = at; i < at + count; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
  return v;
}

/** The instant `s` denotes, or nullopt when the library must refuse it. */
std::optional<timestamp> reference(std::string_view s) {
  // full-date "T" partial-time: YYYY-MM-DDThh:mm:ss at fixed places ('t' allowed, RFC 3339 5.6 note).
  if (!digits(s, 0, 4) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2) ||
      (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2) || s[16] != ':' ||
      !digits(s, 17, 2)) {
    return std::nullopt;
  }
  if (number(s, 0, 4) == 0) return std::nullopt;                       // year 0000
  if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59) return std::nullopt;
  if (number(s, 17, 2) > 59) return std::nullopt;                      // 60: leap second, not representable
  std::size_t i = 19;
  std::uint32_t nanos = 0;
  if (i < s.size() && s[i] == '.') {
    std::size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    const std::string_view frac = s.substr(i + 1, j - i - 1);
    if (frac.empty()) return std::nullopt;
    if (frac.size() > 9 && frac.substr(9).find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    for (std::size_t k = 0; k < 9; ++k) nanos = nanos * 10 + (k < frac.size() ? static_cast<std::uint32_t>(frac[k] - '0') : 0);
    i = j;
  }
  std::int64_t offset = 0;  // seconds east of UTC
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (!digits(s, i + 1, 2) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2)) return std::nullopt;
    const unsigned oh = number(s, i + 1, 2), om = number(s, i + 4, 2);
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (s[i] == '-' ? -1 : 1) * static_cast<std::int64_t>(oh * 3600 + om * 60);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;

  // The calendar (month 01..12, day within its month, leap years) and the count of seconds:
  // date::parse, on the digits the grammar has already fixed in place.
  std::istringstream text(std::string(s.substr(0, 10)) + " " + std::string(s.substr(11, 8)));
  date::sys_seconds tp;
  text >> date::parse("%Y-%m-%d %H:%M:%S", tp);
  if (text.fail()) return std::nullopt;
  const std::int64_t secs = tp.time_since_epoch().count() - offset;
  return timestamp::from_parts(secs, nanos);  // nullopt outside 0001..9999 after the offset
}

/** The canonical form: YYYY-MM-DDThh:mm:ss, a fraction without trailing zeros, 'Z'. */
bool canonical_shape(std::string_view f) {
  if (f.size() < 20 || f.back() != 'Z' || f[10] != 'T') return false;
  if (f.size() == 20) return true;
  return f[19] == '.' && f.size() >= 22 && f.size() <= 30 && f[f.size() - 2] != '0' && digits(f, 20, f.size() - 21);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto got = bedrock_agent::parse_timestamp(text);
  const auto want = reference(text);
  BEDROCK_AGENT_FUZZ_CHECK(got.has_value() == want.has_value(),
                           std::string("parse_timestamp ") + (got ? "accepts" : "rejects") + ", the reference " +
                               (want ? "accepts" : "rejects") + ": \"" + std::string(text) + "\"" +
                               (got ? std::string() : " (" + std::string(got.error().message) + ")"));
  if (!got) {
    BEDROCK_AGENT_FUZZ_CHECK(got.error().position <= size, "error position past the input");
    return 0;
  }
  const timestamp t = *got;
  BEDROCK_AGENT_FUZZ_CHECK(t == *want, "value " + bedrock_agent::format_timestamp(t) + ", the reference says " +
                                           bedrock_agent::format_timestamp(*want) + " for \"" + std::string(text) + "\"");

  const std::string f = bedrock_agent::format_timestamp(t);
  BEDROCK_AGENT_FUZZ_CHECK(f.size() <= bedrock_agent::timestamp_max_chars && canonical_shape(f), "not canonical: " + f);
  const auto again = bedrock_agent::parse_timestamp(f);
  BEDROCK_AGENT_FUZZ_CHECK(again && *again == t && reference(f) == t, "canonical form does not read back: " + f);

  // Nanoseconds since the epoch overflow int64 exactly outside
  // [-9223372037 s + 145224192 ns, 9223372036 s + 854775807 ns].
  const std::int64_t s = t.seconds();
  const std::uint32_t ns = t.nanoseconds();
  const bool fits_ns = (s > -9223372037 && s < 9223372036) || (s == 9223372036 && ns <= 854775807) ||
                       (s == -9223372037 && ns >= 145224192);
  const auto as_ns = bedrock_agent::to_sys_time<std::chrono::nanoseconds>(t);
  BEDROCK_AGENT_FUZZ_CHECK(as_ns.has_value() == fits_ns &&
                               (fits_ns || as_ns.error().kind == bedrock_agent::time_errc::overflow),
                           "to_sys_time<nanoseconds> of " + f);
  if (as_ns) {
    const auto back = bedrock_agent::from_sys_time(*as_ns);
    BEDROCK_AGENT_FUZZ_CHECK(back && *back == t, "nanoseconds do not convert back: " + f);
  }
  const auto as_us = bedrock_agent::to_sys_time<std::chrono::microseconds>(t);
  BEDROCK_AGENT_FUZZ_CHECK(as_us.has_value() == (ns % 1000 == 0) &&
                               (as_us || as_us.error().kind == bedrock_agent::time_errc::precision_loss),
                           "to_sys_time<microseconds> of " + f);
  if (as_us) {
    const auto back = bedrock_agent::from_sys_time(*as_us);
    BEDROCK_AGENT_FUZZ_CHECK(back && *back == t, "microseconds do not convert back: " + f);
  }
  return 0;
}
