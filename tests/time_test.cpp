// Tests for include/bedrock_agent/engine/time.hpp (timestamp, RFC 3339 parse/format,
// sys_time conversions).
#include <bedrock_agent/engine/time.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <ratio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using bedrock_agent::format_timestamp;
using bedrock_agent::parse_timestamp;
using bedrock_agent::time_errc;
using bedrock_agent::timestamp;

timestamp ts(std::int64_t s, std::uint32_t ns = 0) {
  const auto t = timestamp::from_parts(s, ns);
  REQUIRE(t.has_value());
  return *t;
}

timestamp parsed(std::string_view text) {
  const auto r = parse_timestamp(text);
  INFO("input: ", std::string(text));
  if (!r) FAIL("unexpected parse error: ", r.error());
  return *r;
}

struct reject_case {
  const char* text;
  time_errc kind;
  std::size_t position;
};

void check_reject(const reject_case& c) {
  INFO("input: \"", c.text, "\"");
  const auto r = parse_timestamp(c.text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == c.kind);
  CHECK(r.error().position == c.position);
  CHECK_FALSE(r.error().message.empty());
}

#if defined(__unix__) || defined(__APPLE__)
// Independent reference for formatting: POSIX gmtime_r (proleptic Gregorian in glibc).
std::string libc_format_seconds(std::int64_t s) {
  const auto tt = static_cast<std::time_t>(s);
  std::tm tm{};
  REQUIRE(gmtime_r(&tt, &tm) != nullptr);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}
#endif

// Deterministic 64-bit LCG (Knuth MMIX constants).
struct lcg {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 11;  // drop the weak low bits
  }
};

constexpr std::uint32_t pow10[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

timestamp random_timestamp(lcg& g) {
  constexpr std::uint64_t span = static_cast<std::uint64_t>(timestamp::max_seconds - timestamp::min_seconds) + 1;
  const auto s = timestamp::min_seconds + static_cast<std::int64_t>(g.next() % span);
  std::uint32_t ns = static_cast<std::uint32_t>(g.next() % 1000000000);
  switch (g.next() % 4) {  // exercise every fraction length, including none
    case 0: ns = 0; break;
    case 1: ns -= ns % 1000000; break;
    case 2: ns -= ns % pow10[g.next() % 10]; break;
    default: break;
  }
  return ts(s, ns);
}

}  // namespace

// ---------------------------------------------------------------------------
// Test vectors: Smithy protocol tests (Apache-2.0): restJson1 datetime-offsets,
// fractional-seconds, malformed-timestamp-body; smithy-rs
// date_time_format_test_suite.
// ---------------------------------------------------------------------------

TEST_CASE("time: Smithy vectors parse to the expected epoch seconds and nanos") {
  struct vector {
    const char* text;
    std::int64_t seconds;
    std::uint32_t nanos;
  };
  const vector vectors[] = {
      {"2019-12-16T22:48:18-01:00", 1576540098, 0},
      {"2019-12-17T00:48:18+01:00", 1576540098, 0},
      {"2000-01-02T20:34:56.123Z", 946845296, 123000000},
      {"2014-04-29T18:30:38Z", 1398796238, 0},
      {"0001-01-25T11:23:19.0001Z", -62133482201, 100000},
      {"0001-02-01T12:24:12.000234Z", -62132873748, 234000},
      {"0100-01-06T23:35:55Z", -59010942245, 0},
      {"1584-02-29T23:59:59.999Z", -12175833601, 999000000},
      {"1969-12-29T22:58:14.0001Z", -176506, 100000},
      {"1970-02-09T00:00:00Z", 3369600, 0},
      {"2004-02-29T23:59:59.999Z", 1078099199, 999000000},
      {"2038-01-23T23:23:19.0001Z", 2147901799, 100000},
      {"9999-01-04T11:35:55Z", 253371065755, 0},
      {"9999-12-15T22:46:38.000001Z", 253400913998, 1000},
      {"1985-04-12T21:20:51-02:00", 482196051, 0},
      {"1985-04-12t23:20:50Z", 482196050, 0},
      {"1985-04-12t23:20:50-02:00", 482203250, 0},
  };
  for (const auto& v : vectors) {
    INFO("input: ", v.text);
    const auto r = parse_timestamp(v.text);
    REQUIRE(r.has_value());
    CHECK(r->seconds() == v.seconds);
    CHECK(r->nanoseconds() == v.nanos);
  }
}

TEST_CASE("time: Smithy malformed timestamps are rejected with kind and position") {
  const reject_case cases[] = {
      {"Tue, 29 Apr 2014 18:30:38 GMT", time_errc::leading_characters, 0},
      {"1515531081.1234", time_errc::expected_separator, 4},
      {"1515531081", time_errc::expected_separator, 4},
      {"1996-12-19T16:39:57+00", time_errc::truncated, 22},
      {"1996-12-19T16:39:57+00Z", time_errc::expected_separator, 22},
      {"1996-12-19T16:39:57", time_errc::missing_offset, 19},
      {"1996-12-19T163957", time_errc::expected_separator, 13},
      {"19961219T163957Z", time_errc::expected_separator, 4},
      {"19961219T163957", time_errc::expected_separator, 4},
      {"19961219T16:39:57Z", time_errc::expected_separator, 4},
      {"1996-12-19T16:39Z", time_errc::missing_seconds, 16},
      {"1996-12-19T16:39", time_errc::missing_seconds, 16},
      {"1996-12-19T1639", time_errc::expected_separator, 13},
      {"1996-12-19T16Z", time_errc::expected_separator, 13},
      {"1996-12-19T16", time_errc::truncated, 13},
      {"1996-12-19 16:39:57Z", time_errc::invalid_date_time_separator, 10},
      {"2011-12-03T10:15:30+01:00[Europe/Paris]", time_errc::trailing_characters, 25},
      {"1985-04-12x23:20:50Z", time_errc::invalid_date_time_separator, 10},
      {"1985-04-12a23:20:50-02:00", time_errc::invalid_date_time_separator, 10},
  };
  for (const auto& c : cases) check_reject(c);
}

// ---------------------------------------------------------------------------
// timestamp value type
// ---------------------------------------------------------------------------

TEST_CASE("time: default timestamp is the Unix epoch") {
  constexpr timestamp t{};
  static_assert(t.seconds() == 0 && t.nanoseconds() == 0, "epoch");
  CHECK(format_timestamp(t) == "1970-01-01T00:00:00Z");
}

TEST_CASE("time: min_seconds and max_seconds are the 0001 and 9999 bounds") {
  CHECK(timestamp::min_seconds == -62135596800);
  CHECK(timestamp::max_seconds == 253402300799);
  CHECK(parsed("0001-01-01T00:00:00Z") == timestamp::min());
  CHECK(parsed("9999-12-31T23:59:59.999999999Z") == timestamp::max());
  CHECK(timestamp::max().seconds() == timestamp::max_seconds);
  CHECK(timestamp::max().nanoseconds() == 999999999u);
}

TEST_CASE("time: from_parts accepts the full range and rejects outside it") {
  CHECK(timestamp::from_parts(timestamp::min_seconds, 0).has_value());
  CHECK(timestamp::from_parts(timestamp::max_seconds, 999999999).has_value());
  CHECK_FALSE(timestamp::from_parts(timestamp::min_seconds - 1, 999999999).has_value());
  CHECK_FALSE(timestamp::from_parts(timestamp::max_seconds + 1, 0).has_value());
  CHECK_FALSE(timestamp::from_parts(0, 1000000000).has_value());
  CHECK_FALSE(timestamp::from_parts(INT64_MIN, 0).has_value());
  CHECK_FALSE(timestamp::from_parts(INT64_MAX, 0).has_value());
  const auto t = timestamp::from_parts(-1, 5);
  REQUIRE(t.has_value());
  CHECK(t->seconds() == -1);
  CHECK(t->nanoseconds() == 5u);
}

TEST_CASE("time: all six comparison operators are constexpr and consistent") {
  constexpr timestamp a = *timestamp::from_parts(-1, 999999999);
  constexpr timestamp b = *timestamp::from_parts(0, 0);
  constexpr timestamp c = *timestamp::from_parts(0, 1);
  static_assert(a < b && b < c && a < c, "<");
  static_assert(c > b && !(b > c), ">");
  static_assert(a <= a && a <= b && !(b <= a), "<=");
  static_assert(b >= b && c >= b && !(a >= b), ">=");
  static_assert(b == timestamp{} && !(a == b), "==");
  static_assert(a != b && !(b != timestamp{}), "!=");
  static_assert(noexcept(a < b) && noexcept(a == b), "noexcept");
  CHECK(timestamp::min() < timestamp::max());
}

TEST_CASE("time: parse_timestamp is usable in constant expressions") {
  static_assert(parse_timestamp("2014-04-29T18:30:38Z")->seconds() == 1398796238, "constexpr parse");
  static_assert(parse_timestamp("1996-12-19T16:39:60Z").error().kind == time_errc::leap_second, "constexpr error");
  static_assert(noexcept(parse_timestamp("")), "parse is noexcept");
  CHECK(true);
}

TEST_CASE("time: time_result value_or and error access") {
  const auto good = parse_timestamp("1970-01-01T00:00:01Z");
  const auto bad = parse_timestamp("nope");
  CHECK(static_cast<bool>(good));
  CHECK_FALSE(static_cast<bool>(bad));
  CHECK(good.ok());  // result<T>'s word, beside std::optional's has_value()
  CHECK_FALSE(bad.ok());
  static_assert(parse_timestamp("1970-01-01T00:00:01Z").ok() && !parse_timestamp("nope").ok(), "constexpr ok()");
  CHECK(good.value_or(timestamp{}) == ts(1));
  CHECK(bad.value_or(ts(7)) == ts(7));
  CHECK(bad.error().kind == time_errc::leading_characters);
}

TEST_CASE("time: every time_errc has a distinct stable name") {
  std::vector<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(time_errc::precision_loss); ++k) {
    const auto name = bedrock_agent::time_errc_name(static_cast<time_errc>(k));
    CHECK(name != "unknown");
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK(bedrock_agent::time_errc_name(time_errc::leap_second) == "leap_second");
  CHECK(bedrock_agent::time_errc_name(static_cast<time_errc>(200)) == "unknown");
}

// ---------------------------------------------------------------------------
// Parsing: accepted forms
// ---------------------------------------------------------------------------

TEST_CASE("time: lowercase t and z are accepted") {
  CHECK(parsed("2019-12-16t22:48:18z") == parsed("2019-12-16T22:48:18Z"));
}

TEST_CASE("time: numeric offsets +00:00 and -00:00 mean UTC") {
  CHECK(parsed("2019-12-16T22:48:18+00:00") == parsed("2019-12-16T22:48:18Z"));
  CHECK(parsed("2019-12-16T22:48:18-00:00") == parsed("2019-12-16T22:48:18Z"));
}

TEST_CASE("time: extreme offsets +23:59 and -23:59 are accepted") {
  CHECK(parsed("2020-06-15T12:00:00+23:59") == parsed("2020-06-14T12:01:00Z"));
  CHECK(parsed("2020-06-15T12:00:00-23:59") == parsed("2020-06-16T11:59:00Z"));
}

TEST_CASE("time: fraction of 1 to 9 digits scales to nanoseconds") {
  CHECK(parsed("1970-01-01T00:00:00.5Z").nanoseconds() == 500000000u);
  CHECK(parsed("1970-01-01T00:00:00.05Z").nanoseconds() == 50000000u);
  CHECK(parsed("1970-01-01T00:00:00.123456Z").nanoseconds() == 123456000u);
  CHECK(parsed("1970-01-01T00:00:00.123456789Z").nanoseconds() == 123456789u);
  CHECK(parsed("1970-01-01T00:00:00.000000001Z").nanoseconds() == 1u);
  CHECK(parsed("1970-01-01T00:00:00.0Z") == timestamp{});
}

TEST_CASE("time: more than 9 fraction digits are accepted when the extra digits are zero") {
  CHECK(parsed("1970-01-01T00:00:00.1234567890Z").nanoseconds() == 123456789u);
  CHECK(parsed("1970-01-01T00:00:00.123456789000000000000Z").nanoseconds() == 123456789u);
  CHECK(parsed("1970-01-01T00:00:00.0000000000+01:00") == ts(-3600));
}

TEST_CASE("time: fraction keeps its nanoseconds through a negative offset") {
  const auto t = parsed("1970-01-01T00:00:00.25-00:30");
  CHECK(t.seconds() == 1800);
  CHECK(t.nanoseconds() == 250000000u);
}

TEST_CASE("time: leap years 2000 and 2024 have Feb 29") {
  CHECK(parsed("2000-02-29T00:00:00Z") == ts(951782400));
  CHECK(parsed("2024-02-29T12:00:00Z") == ts(1709208000));
  CHECK(parsed("2000-03-01T00:00:00Z") == ts(951782400 + 86400));
}

TEST_CASE("time: last day of every month is accepted") {
  CHECK(parse_timestamp("2023-01-31T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-02-28T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-04-30T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-06-30T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-09-30T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-11-30T00:00:00Z").has_value());
  CHECK(parse_timestamp("2023-12-31T00:00:00Z").has_value());
}

TEST_CASE("time: offset crossing a day boundary normalizes to the previous day") {
  CHECK(parsed("2024-03-01T00:30:00+01:00") == parsed("2024-02-29T23:30:00Z"));
  CHECK(format_timestamp(parsed("2024-03-01T00:30:00+01:00")) == "2024-02-29T23:30:00Z");
}

TEST_CASE("time: offset crossing a year boundary normalizes both ways") {
  CHECK(format_timestamp(parsed("2025-01-01T00:30:00+02:00")) == "2024-12-31T22:30:00Z");
  CHECK(format_timestamp(parsed("2024-12-31T23:30:00-01:00")) == "2025-01-01T00:30:00Z");
}

TEST_CASE("time: 0001 lower bound reached exactly through a positive offset") {
  CHECK(parsed("0001-01-01T01:00:00+01:00") == timestamp::min());
  CHECK(parsed("0001-01-01T00:00:00-00:00") == timestamp::min());
}

TEST_CASE("time: 9999 upper bound reached exactly through a negative offset") {
  CHECK(parsed("9999-12-31T22:59:59.999999999-01:00") == timestamp::max());
  CHECK(parsed("9999-12-31T23:59:59.999999999+00:00") == timestamp::max());
}

// ---------------------------------------------------------------------------
// Parsing: rejections (kind and exact position)
// ---------------------------------------------------------------------------

TEST_CASE("time: empty string is rejected") { check_reject({"", time_errc::empty_input, 0}); }

TEST_CASE("time: leading whitespace and leading characters are rejected at 0") {
  check_reject({" 2019-12-16T22:48:18Z", time_errc::leading_characters, 0});
  check_reject({"\t2019-12-16T22:48:18Z", time_errc::leading_characters, 0});
  check_reject({"+2019-12-16T22:48:18Z", time_errc::leading_characters, 0});
  check_reject({"\"2019-12-16T22:48:18Z\"", time_errc::leading_characters, 0});
  CHECK(parse_timestamp(" 2019-12-16T22:48:18Z").error().message.find("whitespace") != std::string_view::npos);
}

TEST_CASE("time: trailing space and trailing characters are rejected") {
  check_reject({"2019-12-16T22:48:18Z ", time_errc::trailing_characters, 20});
  check_reject({"2019-12-16T22:48:18+01:00 ", time_errc::trailing_characters, 25});
  check_reject({"2019-12-16T22:48:18ZZ", time_errc::trailing_characters, 20});
  check_reject({"2019-12-16T22:48:18.5Z\n", time_errc::trailing_characters, 22});
}

TEST_CASE("time: embedded NUL is a trailing character, not a terminator") {
  const std::string_view text("2019-12-16T22:48:18Z\0junk", 25);
  const auto r = parse_timestamp(text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == time_errc::trailing_characters);
  CHECK(r.error().position == 20u);
}

TEST_CASE("time: missing offset is rejected at the end or at the unexpected character") {
  check_reject({"2019-12-16T22:48:18", time_errc::missing_offset, 19});
  check_reject({"2019-12-16T22:48:18.5", time_errc::missing_offset, 21});
  check_reject({"2019-12-16T22:48:18 Z", time_errc::missing_offset, 19});
  check_reject({"2019-12-16T22:48:18UTC", time_errc::missing_offset, 19});
}

TEST_CASE("time: missing seconds is rejected") {
  check_reject({"2019-12-16T22:48Z", time_errc::missing_seconds, 16});
  check_reject({"2019-12-16T22:48+01:00", time_errc::missing_seconds, 16});
  check_reject({"2019-12-16T22:48.5Z", time_errc::missing_seconds, 16});
  check_reject({"2019-12-16T22:48", time_errc::missing_seconds, 16});
}

TEST_CASE("time: empty fraction is rejected at the position after the dot") {
  check_reject({"2019-12-16T22:48:18.Z", time_errc::empty_fraction, 20});
  check_reject({"2019-12-16T22:48:18.", time_errc::empty_fraction, 20});
  check_reject({"2019-12-16T22:48:18.+01:00", time_errc::empty_fraction, 20});
}

TEST_CASE("time: fraction with a nonzero digit beyond the 9th is rejected, never truncated") {
  check_reject({"2019-12-16T22:48:18.1234567891Z", time_errc::excess_precision, 29});
  check_reject({"2019-12-16T22:48:18.9999999999Z", time_errc::excess_precision, 29});
  check_reject({"2019-12-16T22:48:18.12345678900000000001Z", time_errc::excess_precision, 39});
}

TEST_CASE("time: a space or other separator instead of T is rejected") {
  check_reject({"2019-12-16 22:48:18Z", time_errc::invalid_date_time_separator, 10});
  check_reject({"2019-12-16_22:48:18Z", time_errc::invalid_date_time_separator, 10});
  check_reject({"2019-12-1622:48:18Z", time_errc::invalid_date_time_separator, 10});
}

TEST_CASE("time: month 0 and month 13 are rejected") {
  check_reject({"2019-00-16T22:48:18Z", time_errc::invalid_month, 5});
  check_reject({"2019-13-16T22:48:18Z", time_errc::invalid_month, 5});
  check_reject({"2019-99-16T22:48:18Z", time_errc::invalid_month, 5});
}

TEST_CASE("time: day 0 and days past the end of the month are rejected") {
  check_reject({"2019-12-00T22:48:18Z", time_errc::invalid_day, 8});
  check_reject({"2019-12-32T22:48:18Z", time_errc::invalid_day, 8});
  check_reject({"2019-02-30T22:48:18Z", time_errc::invalid_day, 8});
  check_reject({"2019-04-31T22:48:18Z", time_errc::invalid_day, 8});
  check_reject({"2019-11-31T22:48:18Z", time_errc::invalid_day, 8});
}

TEST_CASE("time: Feb 29 of non-leap years 1900 and 2023 is rejected") {
  check_reject({"1900-02-29T00:00:00Z", time_errc::invalid_day, 8});
  check_reject({"2023-02-29T00:00:00Z", time_errc::invalid_day, 8});
  check_reject({"2100-02-29T00:00:00Z", time_errc::invalid_day, 8});
}

TEST_CASE("time: hour 24 is rejected") {
  check_reject({"2019-12-16T24:00:00Z", time_errc::invalid_hour, 11});
  check_reject({"2019-12-16T99:00:00Z", time_errc::invalid_hour, 11});
}

TEST_CASE("time: minute 60 is rejected") { check_reject({"2019-12-16T22:60:00Z", time_errc::invalid_minute, 14}); }

TEST_CASE("time: leap second 60 has its own kind and message") {
  check_reject({"2016-12-31T23:59:60Z", time_errc::leap_second, 17});
  const auto r = parse_timestamp("2016-12-31T23:59:60Z");
  CHECK(r.error().message == "leap second 60 is not representable");
}

TEST_CASE("time: second 61 and above is an invalid second") {
  check_reject({"2016-12-31T23:59:61Z", time_errc::invalid_second, 17});
}

TEST_CASE("time: offset hour 24 is rejected") {
  check_reject({"2019-12-16T22:48:18+24:00", time_errc::invalid_offset_hour, 20});
  check_reject({"2019-12-16T22:48:18.5-24:00", time_errc::invalid_offset_hour, 22});
}

TEST_CASE("time: offset minute 60 is rejected") {
  check_reject({"2019-12-16T22:48:18+01:60", time_errc::invalid_offset_minute, 23});
  check_reject({"2019-12-16T22:48:18-00:99", time_errc::invalid_offset_minute, 23});
}

TEST_CASE("time: malformed offsets are rejected at the offending character") {
  check_reject({"2019-12-16T22:48:18+0100", time_errc::expected_separator, 22});
  check_reject({"2019-12-16T22:48:18+1:00", time_errc::expected_digit, 21});
  check_reject({"2019-12-16T22:48:18+01:0", time_errc::truncated, 24});
  check_reject({"2019-12-16T22:48:18+01:0x", time_errc::expected_digit, 24});
  check_reject({"2019-12-16T22:48:18+", time_errc::truncated, 20});
}

TEST_CASE("time: non-digits where digits are required are rejected") {
  check_reject({"20a9-12-16T22:48:18Z", time_errc::expected_digit, 2});
  check_reject({"2019-1x-16T22:48:18Z", time_errc::expected_digit, 6});
  check_reject({"2019-12-1 T22:48:18Z", time_errc::expected_digit, 9});
  check_reject({"2019-12-16T2:48:18Z", time_errc::expected_digit, 12});
  check_reject({"2019-12-16T22:4:18Z", time_errc::expected_digit, 15});
  check_reject({"2019-12-16T22:48:1Z", time_errc::expected_digit, 18});
  check_reject({"2019-12-16T22:48:18.5x", time_errc::missing_offset, 21});
  check_reject({"201-12-16T22:48:18Z", time_errc::expected_digit, 3});
}

TEST_CASE("time: five-digit and signed years are rejected") {
  check_reject({"10000-01-01T00:00:00Z", time_errc::expected_separator, 4});
  check_reject({"-0001-01-01T00:00:00Z", time_errc::leading_characters, 0});
}

TEST_CASE("time: input ending early is truncated at the input length") {
  check_reject({"2", time_errc::truncated, 1});
  check_reject({"2019", time_errc::truncated, 4});
  check_reject({"2019-12", time_errc::truncated, 7});
  check_reject({"2019-12-16", time_errc::truncated, 10});
  check_reject({"2019-12-16T", time_errc::truncated, 11});
  check_reject({"2019-12-16T22:4", time_errc::truncated, 15});
  check_reject({"2019-12-16T22:48:1", time_errc::truncated, 18});
}

TEST_CASE("time: year 0000 is out of range") {
  check_reject({"0000-01-01T00:00:00Z", time_errc::out_of_range, 0});
  check_reject({"0000-12-31T23:59:59-01:00", time_errc::out_of_range, 0});
}

TEST_CASE("time: offsets pushing before 0001-01-01 are out of range") {
  check_reject({"0001-01-01T00:30:00+01:00", time_errc::out_of_range, 0});
  check_reject({"0001-01-01T00:59:59+01:00", time_errc::out_of_range, 0});             // one second early
  check_reject({"0001-01-01T00:59:59.999999999+01:00", time_errc::out_of_range, 0});   // one nanosecond early
}

TEST_CASE("time: offsets pushing past 9999-12-31 are out of range") {
  check_reject({"9999-12-31T23:30:00-01:00", time_errc::out_of_range, 0});
  check_reject({"9999-12-31T23:00:00-01:00", time_errc::out_of_range, 0});             // one nanosecond late
  check_reject({"9999-12-31T23:00:00.999999999-01:00", time_errc::out_of_range, 0});   // one second late
}

TEST_CASE("time: the first error from the left wins") {
  check_reject({"2019-13-32T25:61:61+25:61", time_errc::invalid_month, 5});
  check_reject({"2019-12-16T22:48:60.Z", time_errc::leap_second, 17});
  check_reject({"0001-01-01T00:00:00+01:00 ", time_errc::trailing_characters, 25});
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

TEST_CASE("time: format uses the shortest exact fraction") {
  CHECK(format_timestamp(ts(0, 0)) == "1970-01-01T00:00:00Z");
  CHECK(format_timestamp(ts(0, 500000000)) == "1970-01-01T00:00:00.5Z");
  CHECK(format_timestamp(ts(0, 123000000)) == "1970-01-01T00:00:00.123Z");
  CHECK(format_timestamp(ts(0, 1)) == "1970-01-01T00:00:00.000000001Z");
  CHECK(format_timestamp(ts(0, 100000)) == "1970-01-01T00:00:00.0001Z");
  CHECK(format_timestamp(ts(0, 120)) == "1970-01-01T00:00:00.00000012Z");
  CHECK(format_timestamp(ts(0, 999999999)) == "1970-01-01T00:00:00.999999999Z");
}

TEST_CASE("time: format of min, max and values just before the epoch") {
  CHECK(format_timestamp(timestamp::min()) == "0001-01-01T00:00:00Z");
  CHECK(format_timestamp(timestamp::max()) == "9999-12-31T23:59:59.999999999Z");
  CHECK(format_timestamp(timestamp::max()).size() == bedrock_agent::timestamp_max_chars);
  CHECK(format_timestamp(ts(-1)) == "1969-12-31T23:59:59Z");
  CHECK(format_timestamp(ts(-1, 999999999)) == "1969-12-31T23:59:59.999999999Z");
  CHECK(format_timestamp(ts(-86400)) == "1969-12-31T00:00:00Z");
  CHECK(format_timestamp(ts(-86401)) == "1969-12-30T23:59:59Z");
}

TEST_CASE("time: format of the Smithy vectors is canonical UTC") {
  CHECK(format_timestamp(parsed("2019-12-16T22:48:18-01:00")) == "2019-12-16T23:48:18Z");
  CHECK(format_timestamp(parsed("0001-02-01T12:24:12.000234Z")) == "0001-02-01T12:24:12.000234Z");
  CHECK(format_timestamp(parsed("1584-02-29T23:59:59.999Z")) == "1584-02-29T23:59:59.999Z");
  CHECK(format_timestamp(parsed("1985-04-12t23:20:50-02:00")) == "1985-04-13T01:20:50Z");
  CHECK(format_timestamp(parsed("1970-01-01T00:00:00.1234567890Z")) == "1970-01-01T00:00:00.123456789Z");
}

TEST_CASE("time: append_timestamp appends without touching existing content") {
  std::string out = "at=";
  bedrock_agent::append_timestamp(out, ts(1398796238, 5000000));
  CHECK(out == "at=2014-04-29T18:30:38.005Z");
  bedrock_agent::append_timestamp(out, timestamp{});
  CHECK(out == "at=2014-04-29T18:30:38.005Z1970-01-01T00:00:00Z");
}

TEST_CASE("time: write_timestamp returns the end and writes no terminator") {
  char buf[bedrock_agent::timestamp_max_chars + 1];
  buf[20] = '#';
  char* end = bedrock_agent::write_timestamp(buf, timestamp{});
  CHECK(end - buf == 20);
  CHECK(std::string_view(buf, 20) == "1970-01-01T00:00:00Z");
  CHECK(buf[20] == '#');
}

TEST_CASE("time: operator<< prints the canonical form and errors readably") {
  std::ostringstream os;
  os << ts(946845296, 123000000) << ' ' << time_errc::leap_second;
  CHECK(os.str() == "2000-01-02T20:34:56.123Z leap_second");
  std::ostringstream es;
  es << parse_timestamp("2019-12-16T24:00:00Z").error();
  CHECK(es.str() == "invalid_hour at position 11: hour must be 00..23");
}

TEST_CASE("time: parse(format(t)) == t over a deterministic sweep of the whole range") {
  lcg g{0x5eed};
  std::string text;
  for (int k = 0; k < 300000; ++k) {
    const timestamp t = random_timestamp(g);
    text.clear();
    bedrock_agent::append_timestamp(text, t);
    const auto back = parse_timestamp(text);
    if (!back || *back != t) {
      INFO("formatted: ", text, " seconds=", t.seconds(), " nanos=", t.nanoseconds());
      REQUIRE(back.has_value());
      REQUIRE(*back == t);
    }
  }
  CHECK(true);
}

#if defined(__unix__) || defined(__APPLE__)
TEST_CASE("time: format agrees with libc gmtime_r over a deterministic sweep") {
  lcg g{42};
  for (int k = 0; k < 20000; ++k) {
    const timestamp t = random_timestamp(g);
    const std::string mine = format_timestamp(t).substr(0, 19);
    const std::string ref = libc_format_seconds(t.seconds());
    if (mine != ref) {
      INFO("seconds=", t.seconds());
      REQUIRE(mine == ref);
    }
  }
  CHECK(libc_format_seconds(timestamp::min_seconds) == "0001-01-01T00:00:00");
  CHECK(libc_format_seconds(timestamp::max_seconds) == "9999-12-31T23:59:59");
}
#endif

TEST_CASE("time: ordering is preserved through format and parse") {
  lcg g{7};
  std::vector<timestamp> values;
  for (int k = 0; k < 2000; ++k) values.push_back(random_timestamp(g));
  values.push_back(timestamp::min());
  values.push_back(timestamp::max());
  values.push_back(ts(0, 1));
  values.push_back(ts(0, 0));
  values.push_back(ts(-1, 999999999));
  std::sort(values.begin(), values.end());
  for (std::size_t k = 1; k < values.size(); ++k) {
    const timestamp a = parsed(format_timestamp(values[k - 1]));
    const timestamp b = parsed(format_timestamp(values[k]));
    CHECK(a <= b);
    CHECK((a < b) == (values[k - 1] < values[k]));
    const bool pair_less = a.seconds() < b.seconds() || (a.seconds() == b.seconds() && a.nanoseconds() < b.nanoseconds());
    CHECK((a < b) == pair_less);
  }
}

// ---------------------------------------------------------------------------
// std::chrono::system_clock conversions
// ---------------------------------------------------------------------------

namespace {
template <class D>
using sys_time = std::chrono::time_point<std::chrono::system_clock, D>;
using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;
using picoseconds = std::chrono::duration<std::int64_t, std::pico>;
}  // namespace

TEST_CASE("time: to_sys_time and from_sys_time round-trip in nanoseconds") {
  const timestamp t = parsed("2000-01-02T20:34:56.123456789Z");
  const auto tp = bedrock_agent::to_sys_time<nanoseconds>(t);
  REQUIRE(tp.has_value());
  CHECK(tp->time_since_epoch().count() == 946845296123456789);
  const auto back = bedrock_agent::from_sys_time(*tp);
  REQUIRE(back.has_value());
  CHECK(*back == t);
}

TEST_CASE("time: to_sys_time handles negative instants with floor semantics") {
  const auto ns = bedrock_agent::to_sys_time<nanoseconds>(ts(-1, 999999999));
  REQUIRE(ns.has_value());
  CHECK(ns->time_since_epoch().count() == -1);
  const auto min = bedrock_agent::to_sys_time<minutes>(ts(-60));
  REQUIRE(min.has_value());
  CHECK(min->time_since_epoch().count() == -1);
  const auto half = bedrock_agent::to_sys_time<minutes>(ts(-30));
  REQUIRE_FALSE(half.has_value());
  CHECK(half.error().kind == time_errc::precision_loss);
}

TEST_CASE("time: to_sys_time refuses to truncate") {
  const auto half = bedrock_agent::to_sys_time<seconds>(ts(0, 500000000));
  REQUIRE_FALSE(half.has_value());
  CHECK(half.error().kind == time_errc::precision_loss);
  CHECK_FALSE(half.error().message.empty());
  CHECK(bedrock_agent::to_sys_time<milliseconds>(ts(0, 123456000)).error().kind == time_errc::precision_loss);
  const auto us = bedrock_agent::to_sys_time<microseconds>(ts(0, 123456000));
  REQUIRE(us.has_value());
  CHECK(us->time_since_epoch().count() == 123456);
  const auto whole = bedrock_agent::to_sys_time<seconds>(ts(1398796238));
  REQUIRE(whole.has_value());
  CHECK(whole->time_since_epoch().count() == 1398796238);
}

TEST_CASE("time: to_sys_time in int64 nanoseconds overflows at year 0001 and 9999") {
  CHECK(bedrock_agent::to_sys_time<nanoseconds>(timestamp::min()).error().kind == time_errc::overflow);
  CHECK(bedrock_agent::to_sys_time<nanoseconds>(timestamp::max()).error().kind == time_errc::overflow);
  // Exact int64 nanosecond limits: 1677-09-21T00:12:43.145224192Z .. 2262-04-11T23:47:16.854775807Z.
  const auto lo = bedrock_agent::to_sys_time<nanoseconds>(ts(-9223372037, 145224192));
  REQUIRE(lo.has_value());
  CHECK(lo->time_since_epoch().count() == INT64_MIN);
  CHECK(bedrock_agent::to_sys_time<nanoseconds>(ts(-9223372037, 145224191)).error().kind == time_errc::overflow);
  const auto hi = bedrock_agent::to_sys_time<nanoseconds>(ts(9223372036, 854775807));
  REQUIRE(hi.has_value());
  CHECK(hi->time_since_epoch().count() == INT64_MAX);
  CHECK(bedrock_agent::to_sys_time<nanoseconds>(ts(9223372036, 854775808)).error().kind == time_errc::overflow);
}

TEST_CASE("time: to_sys_time overflows a 32-bit seconds rep after 2038-01-19T03:14:07Z") {
  using seconds32 = std::chrono::duration<std::int32_t>;
  const auto ok = bedrock_agent::to_sys_time<seconds32>(parsed("2038-01-19T03:14:07Z"));
  REQUIRE(ok.has_value());
  CHECK(ok->time_since_epoch().count() == INT32_MAX);
  CHECK(bedrock_agent::to_sys_time<seconds32>(parsed("2038-01-19T03:14:08Z")).error().kind == time_errc::overflow);
}

TEST_CASE("time: to_sys_time with an unsigned rep rejects instants before the epoch") {
  using useconds = std::chrono::duration<std::uint64_t>;
  CHECK(bedrock_agent::to_sys_time<useconds>(ts(-1)).error().kind == time_errc::overflow);
  const auto ok = bedrock_agent::to_sys_time<useconds>(ts(5));
  REQUIRE(ok.has_value());
  CHECK(ok->time_since_epoch().count() == 5u);
}

TEST_CASE("time: to_sys_time covers the whole range in seconds, days and picoseconds") {
  const auto lo = bedrock_agent::to_sys_time<seconds>(timestamp::min());
  REQUIRE(lo.has_value());
  CHECK(lo->time_since_epoch().count() == timestamp::min_seconds);
  const auto d = bedrock_agent::to_sys_time<date::days>(parsed("0001-01-01T00:00:00Z"));
  REQUIRE(d.has_value());
  CHECK(d->time_since_epoch().count() == -719162);
  CHECK(bedrock_agent::to_sys_time<date::days>(parsed("2024-02-29T12:00:00Z")).error().kind ==
        time_errc::precision_loss);
  const auto ps = bedrock_agent::to_sys_time<picoseconds>(ts(1, 1));
  REQUIRE(ps.has_value());
  CHECK(ps->time_since_epoch().count() == 1000000001000);
  CHECK(bedrock_agent::to_sys_time<picoseconds>(parsed("2000-01-01T00:00:00Z")).error().kind == time_errc::overflow);
}

TEST_CASE("time: to_sys_time with non-decimal periods is exact") {
  using thirds = std::chrono::duration<std::int64_t, std::ratio<1, 3>>;
  using threes = std::chrono::duration<std::int64_t, std::ratio<3>>;
  using three_ms = std::chrono::duration<std::int64_t, std::ratio<3, 1000>>;
  CHECK(bedrock_agent::to_sys_time<thirds>(ts(2))->time_since_epoch().count() == 6);
  CHECK(bedrock_agent::to_sys_time<thirds>(ts(2, 500000000)).error().kind == time_errc::precision_loss);
  CHECK(bedrock_agent::to_sys_time<threes>(ts(-6))->time_since_epoch().count() == -2);
  CHECK(bedrock_agent::to_sys_time<threes>(ts(-7)).error().kind == time_errc::precision_loss);
  CHECK(bedrock_agent::to_sys_time<three_ms>(ts(-1, 994000000))->time_since_epoch().count() == -2);
  CHECK(bedrock_agent::to_sys_time<three_ms>(ts(0, 4000000)).error().kind == time_errc::precision_loss);
}

TEST_CASE("time: from_sys_time accepts the range bounds and rejects one tick outside") {
  CHECK(*bedrock_agent::from_sys_time(sys_time<seconds>{seconds{timestamp::min_seconds}}) == timestamp::min());
  CHECK(*bedrock_agent::from_sys_time(sys_time<seconds>{seconds{timestamp::max_seconds}}) == ts(timestamp::max_seconds));
  CHECK(bedrock_agent::from_sys_time(sys_time<seconds>{seconds{timestamp::min_seconds - 1}}).error().kind ==
        time_errc::out_of_range);
  CHECK(bedrock_agent::from_sys_time(sys_time<seconds>{seconds{timestamp::max_seconds + 1}}).error().kind ==
        time_errc::out_of_range);
  const auto max_ms = sys_time<milliseconds>{milliseconds{timestamp::max_seconds * 1000 + 999}};
  CHECK(*bedrock_agent::from_sys_time(max_ms) == ts(timestamp::max_seconds, 999000000));
  CHECK(bedrock_agent::from_sys_time(max_ms + milliseconds{1}).error().kind == time_errc::out_of_range);
  CHECK(bedrock_agent::from_sys_time(sys_time<seconds>{seconds{INT64_MIN}}).error().kind == time_errc::out_of_range);
  CHECK(bedrock_agent::from_sys_time(sys_time<seconds>{seconds{INT64_MAX}}).error().kind == time_errc::out_of_range);
}

TEST_CASE("time: from_sys_time with days and calendar dates") {
  const date::sys_days y1 = date::year{1} / 1 / 1;
  CHECK(*bedrock_agent::from_sys_time(y1) == timestamp::min());
  const date::sys_days y0 = date::year{0} / 12 / 31;
  CHECK(bedrock_agent::from_sys_time(y0).error().kind == time_errc::out_of_range);
  const date::sys_days y10000 = date::year{10000} / 1 / 1;
  CHECK(bedrock_agent::from_sys_time(y10000).error().kind == time_errc::out_of_range);
  const date::sys_days leap = date::year{2024} / 2 / 29;
  CHECK(*bedrock_agent::from_sys_time(leap) == parsed("2024-02-29T00:00:00Z"));
}

TEST_CASE("time: from_sys_time rejects sub-nanosecond remainders") {
  CHECK(*bedrock_agent::from_sys_time(sys_time<picoseconds>{picoseconds{1000}}) == ts(0, 1));
  CHECK(*bedrock_agent::from_sys_time(sys_time<picoseconds>{picoseconds{-1000}}) == ts(-1, 999999999));
  const auto r = bedrock_agent::from_sys_time(sys_time<picoseconds>{picoseconds{1500}});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == time_errc::precision_loss);
  CHECK(bedrock_agent::from_sys_time(sys_time<picoseconds>{picoseconds{-1}}).error().kind == time_errc::precision_loss);
  using thirds = std::chrono::duration<std::int64_t, std::ratio<1, 3>>;
  CHECK(bedrock_agent::from_sys_time(sys_time<thirds>{thirds{1}}).error().kind == time_errc::precision_loss);
  CHECK(*bedrock_agent::from_sys_time(sys_time<thirds>{thirds{-3}}) == ts(-1));
}

TEST_CASE("time: from_sys_time with unusual periods and reps") {
  using threes = std::chrono::duration<std::int64_t, std::ratio<3>>;
  CHECK(*bedrock_agent::from_sys_time(sys_time<threes>{threes{5}}) == ts(15));
  CHECK(*bedrock_agent::from_sys_time(sys_time<threes>{threes{-5}}) == ts(-15));
  using three_ms = std::chrono::duration<std::int64_t, std::ratio<3, 1000>>;
  CHECK(*bedrock_agent::from_sys_time(sys_time<three_ms>{three_ms{-1}}) == ts(-1, 997000000));
  using useconds = std::chrono::duration<std::uint64_t>;
  CHECK(*bedrock_agent::from_sys_time(sys_time<useconds>{useconds{42}}) == ts(42));
  CHECK(bedrock_agent::from_sys_time(sys_time<useconds>{useconds{UINT64_MAX}}).error().kind == time_errc::out_of_range);
  using atto = std::chrono::duration<std::uint64_t, std::atto>;
  CHECK(*bedrock_agent::from_sys_time(sys_time<atto>{atto{UINT64_MAX - UINT64_MAX % 1000000000}}) ==
        ts(18, 446744073));
  using short_hours = std::chrono::duration<std::int16_t, std::ratio<3600>>;
  CHECK(*bedrock_agent::from_sys_time(sys_time<short_hours>{short_hours{-2}}) == ts(-7200));
}

TEST_CASE("time: from_sys_time accepts system_clock::now()") {
  const auto now = std::chrono::system_clock::now();
  const auto t = bedrock_agent::from_sys_time(now);
  REQUIRE(t.has_value());
  CHECK(t->seconds() > 1500000000);
}

TEST_CASE("time: sys_time round trips over a deterministic sweep") {
  lcg g{99};
  for (int k = 0; k < 20000; ++k) {
    const timestamp t = random_timestamp(g);
    const auto us = bedrock_agent::to_sys_time<microseconds>(t);
    if (t.nanoseconds() % 1000 != 0) {
      REQUIRE_FALSE(us.has_value());
      REQUIRE(us.error().kind == time_errc::precision_loss);
      continue;
    }
    REQUIRE(us.has_value());
    REQUIRE(*bedrock_agent::from_sys_time(*us) == t);
  }
  CHECK(true);
}

// ---------------------------------------------------------------------------
// Fast paths. parse_timestamp tries detail::parse_timestamp_fast (the common
// YYYY-MM-DDThh:mm:ss[.f]Z layout) and falls back to the general parser for
// anything else; write_timestamp writes words at a time. These tests hold them
// to the general parser and to the previous byte-by-byte writer.
// ---------------------------------------------------------------------------

namespace {

namespace detail = bedrock_agent::detail;

/// parse_timestamp and the general parser agree on value, or on kind, position and message.
void check_same_as_general(const std::string& s) {
  const auto fast = parse_timestamp(s);
  const auto general = detail::parse_timestamp_general(s);
  if (fast.has_value() != general.has_value() ||
      (fast && *fast != *general) ||
      (!fast && (fast.error().kind != general.error().kind || fast.error().position != general.error().position ||
                 fast.error().message != general.error().message))) {
    std::ostringstream what;
    what << "input \"" << s << "\" (" << s.size() << " bytes): parse_timestamp ";
    if (fast) what << *fast;
    else what << fast.error();
    what << "; general ";
    if (general) what << *general;
    else what << general.error();
    FAIL("parse_timestamp differs from the general parser: ", what.str());
  }
  // The fast path alone never accepts what the general parser refuses or reads differently.
  timestamp t;
  if (detail::parse_timestamp_fast(s.data(), s.size(), t)) {
    if (!general || *general != t) {
      INFO("input: \"", s, "\"");
      FAIL("the fast path accepted a string the general parser reads differently");
    }
  }
}

/// The previous writer, digit by digit through date's year_month_day: the reference.
std::string reference_format(timestamp t) {
  const std::int64_t days = detail::floor_div(t.seconds(), 86400);
  const auto sod = static_cast<unsigned>(t.seconds() - days * 86400);
  const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(days)}}};
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u", static_cast<int>(ymd.year()),
                              static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), sod / 3600,
                              sod / 60 % 60, sod % 60);
  std::string out(buf, static_cast<std::size_t>(n));
  if (t.nanoseconds() != 0) {
    std::snprintf(buf, sizeof buf, ".%09u", static_cast<unsigned>(t.nanoseconds()));
    std::string f = buf;
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  return out + "Z";
}

}  // namespace

TEST_CASE("time: the fast path takes every canonical string and reads it as the general parser does") {
  lcg g{0xfa57};
  std::string text;
  for (int k = 0; k < 100000; ++k) {
    const timestamp t = random_timestamp(g);
    text = format_timestamp(t);
    timestamp got;
    // Canonical output of years 0001..9999 is the common layout, so the fast path must take it.
    REQUIRE(detail::parse_timestamp_fast(text.data(), text.size(), got));
    REQUIRE(got == t);
    check_same_as_general(text);
  }
  // Every fraction length 1..9, both ends of the range, Feb 29 of leap years only.
  for (const char* s : {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.1Z",
                        "2024-02-29T00:00:00.12Z", "1970-01-01T00:00:00.123Z", "1969-12-31T23:59:59.1234Z",
                        "2038-01-19T03:14:07.12345Z", "2000-01-31T00:00:00.123456Z",
                        "2000-04-30T00:00:00.1234567Z", "2000-12-31T00:00:00.12345678Z"}) {
    timestamp got;
    CHECK(detail::parse_timestamp_fast(s, std::char_traits<char>::length(s), got));
    check_same_as_general(s);
  }
}

TEST_CASE("time: parse_timestamp matches the general parser on a mutated corpus, errors included") {
  // Seeds in every layout the grammar allows, then every single-byte substitution, deletion,
  // insertion and truncation of each: the fast path must refuse (or agree on) all of them.
  std::vector<std::string> seeds = {
      "2024-03-14T09:26:53Z",          "2024-03-14T09:26:53.589Z",   "2024-03-14T09:26:53.589793238Z",
      "1999-12-31T23:59:59.9Z",        "2000-02-29T12:00:00.58979323Z", "1900-02-28T00:00:00Z",
      "2023-02-28t23:59:59z",          "2024-03-14T09:26:53+05:30",  "2024-03-14T09:26:53.5-23:59",
      "2024-03-14T09:26:53.1234567890Z", "0001-01-01T00:00:00Z",     "9999-12-31T23:59:59.999999999Z",
      "2024-04-30T00:00:00.000000001Z"};
  lcg g{0xd1ff};
  for (int k = 0; k < 40; ++k) seeds.push_back(format_timestamp(random_timestamp(g)));
  const char alphabet[] = {'0', '1', '2', '3', '5', '6', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ',
                           '\0', 'a', '/', '\x7f', '\x80', '\xff', ';', '@'};
  std::size_t checked = 0;
  for (const std::string& seed : seeds) {
    for (std::size_t i = 0; i <= seed.size(); ++i) {
      check_same_as_general(seed.substr(0, i));  // truncations
      if (i < seed.size()) check_same_as_general(seed.substr(0, i) + seed.substr(i + 1));  // deletion
      for (const char c : alphabet) {
        std::string s = seed;
        if (i < seed.size()) {
          s[i] = c;  // substitution
          check_same_as_general(s);
        }
        s = seed;
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), c);  // insertion
        check_same_as_general(s);
        checked += 2;
      }
    }
  }
  // Two-digit fields through every value, so each range bound is crossed on both sides.
  for (unsigned v = 0; v < 100; ++v) {
    for (std::size_t at : {5, 8, 11, 14, 17}) {
      std::string s = "2024-02-29T09:26:53.5Z";
      s[at] = static_cast<char>('0' + v / 10);
      s[at + 1] = static_cast<char>('0' + v % 10);
      check_same_as_general(s);
      ++checked;
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("time: table-free calendar arithmetic agrees with date on every day of 0001..9999") {
  const date::sys_days first{date::year{1} / 1 / 1};
  const date::sys_days last{date::year{9999} / 12 / 31};
  std::uint32_t n = 0;
  for (date::sys_days d = first; d <= last; d += date::days{1}, ++n) {
    const date::year_month_day ymd{d};
    const auto y = static_cast<unsigned>(static_cast<int>(ymd.year()));
    const auto m = static_cast<unsigned>(ymd.month());
    const auto dd = static_cast<unsigned>(ymd.day());
    const detail::civil_date c = detail::civil_from_days(n);
    if (detail::days_from_civil(y, m, dd) != d.time_since_epoch().count() || c.year != y || c.month != m ||
        c.day != dd ||
        detail::days_in_month(y, m) != static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day())) {
      INFO("date: ", y, "-", m, "-", dd);
      FAIL("calendar arithmetic differs from date");
    }
  }
  CHECK(n == 3652059);
}

TEST_CASE("time: word-at-a-time formatting writes what the previous writer wrote") {
  lcg g{0xf0f0};
  for (int k = 0; k < 200000; ++k) {
    const timestamp t = random_timestamp(g);
    const std::string mine = format_timestamp(t);
    const std::string ref = reference_format(t);
    if (mine != ref) {
      INFO("seconds=", t.seconds(), " nanos=", t.nanoseconds());
      REQUIRE(mine == ref);
    }
  }
  // Every count of trailing zeros in the fraction, and the bounds.
  for (std::uint32_t ns : {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 999999999u,
                           120000000u, 100000001u, 900000000u, 10203040u}) {
    CHECK(format_timestamp(ts(0, ns)) == reference_format(ts(0, ns)));
  }
  CHECK(format_timestamp(timestamp::min()) == reference_format(timestamp::min()));
  CHECK(format_timestamp(timestamp::max()) == reference_format(timestamp::max()));
  for (std::uint32_t v = 0; v < 100000000; v += 9973) {  // digits8 over its range, in steps
    const std::uint64_t d = detail::digits8(v);
    std::uint32_t back = 0;
    for (int k = 0; k < 8; ++k) back = back * 10 + static_cast<std::uint32_t>((d >> (8 * k)) & 0xFF);
    if (back != v) {
      INFO("v=", v);
      REQUIRE(back == v);
    }
  }
}
