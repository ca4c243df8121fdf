// Every code sample in docs/time.md, compiled and checked. Returns 0 when the
// documentation is telling the truth.
//
// Build: c++ -std=c++17 -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 -Iinclude examples/time_example.cpp
// The asserts are the point of this program: keep them in release builds too.
#undef NDEBUG
#include <bedrock_agent/engine/time.hpp>

#include <cassert>
#include <chrono>
#include <cstdint>
#include <string>

namespace {

void parse_example() {
  // [parse]
  const auto r = bedrock_agent::parse_timestamp("2019-12-17T00:48:18+01:00");
  assert(r.has_value());
  assert(r->seconds() == 1576540098);  // 2019-12-16T23:48:18Z
  assert(r->nanoseconds() == 0);
  // [parse]
}

void error_example() {
  // [errors]
  const auto r = bedrock_agent::parse_timestamp("2016-12-31T23:59:60Z");
  assert(!r.has_value());
  assert(r.error().kind == bedrock_agent::time_errc::leap_second);
  assert(r.error().position == 17);  // index of the first digit of "60"
  assert(r.error().message == "leap second 60 is not representable");
  assert(bedrock_agent::time_errc_name(r.error().kind) == "leap_second");
  // [errors]
}

void fraction_example() {
  // [fraction]
  using bedrock_agent::parse_timestamp;
  using bedrock_agent::time_errc;
  assert(parse_timestamp("2000-01-02T20:34:56.123Z")->nanoseconds() == 123000000);
  assert(parse_timestamp("2000-01-02T20:34:56.1234567890Z")->nanoseconds() == 123456789);
  assert(parse_timestamp("2000-01-02T20:34:56.1234567891Z").error().kind == time_errc::excess_precision);
  assert(parse_timestamp("2000-01-02T20:34:56.Z").error().kind == time_errc::empty_fraction);
  // [fraction]
}

void range_example() {
  // [range]
  using bedrock_agent::parse_timestamp;
  using bedrock_agent::time_errc;
  using bedrock_agent::timestamp;
  assert(*parse_timestamp("0001-01-01T01:00:00+01:00") == timestamp::min());
  assert(parse_timestamp("0001-01-01T00:30:00+01:00").error().kind == time_errc::out_of_range);
  assert(parse_timestamp("9999-12-31T23:30:00-01:00").error().kind == time_errc::out_of_range);
  assert(parse_timestamp("0000-06-01T00:00:00Z").error().kind == time_errc::out_of_range);
  // [range]
}

void format_example() {
  // [format]
  using bedrock_agent::format_timestamp;
  using bedrock_agent::timestamp;
  assert(format_timestamp(*timestamp::from_parts(0, 500000000)) == "1970-01-01T00:00:00.5Z");
  assert(format_timestamp(*timestamp::from_parts(0, 1)) == "1970-01-01T00:00:00.000000001Z");
  assert(format_timestamp(timestamp::max()) == "9999-12-31T23:59:59.999999999Z");

  std::string body = "{\"at\":\"";
  bedrock_agent::append_timestamp(body, timestamp{});
  body += "\"}";
  assert(body == "{\"at\":\"1970-01-01T00:00:00Z\"}");

  char buf[bedrock_agent::timestamp_max_chars];
  char* end = bedrock_agent::write_timestamp(buf, timestamp::min());
  assert(std::string(buf, end) == "0001-01-01T00:00:00Z");
  // [format]
}

void parts_example() {
  // [parts]
  using bedrock_agent::timestamp;
  const auto t = timestamp::from_parts(-1, 999999999);  // 1969-12-31T23:59:59.999999999Z
  assert(t.has_value() && *t < timestamp{});
  assert(!timestamp::from_parts(0, 1000000000).has_value());
  assert(!timestamp::from_parts(timestamp::max_seconds + 1, 0).has_value());
  // [parts]
}

void chrono_example() {
  // [chrono]
  using namespace std::chrono;
  using bedrock_agent::time_errc;
  const auto t = *bedrock_agent::parse_timestamp("2000-01-02T20:34:56.5Z");

  const auto ms = bedrock_agent::to_sys_time<milliseconds>(t);
  assert(ms.has_value() && ms->time_since_epoch().count() == 946845296500);
  assert(bedrock_agent::to_sys_time<seconds>(t).error().kind == time_errc::precision_loss);

  const auto y1 = *bedrock_agent::parse_timestamp("0001-01-01T00:00:00Z");
  assert(bedrock_agent::to_sys_time<nanoseconds>(y1).error().kind == time_errc::overflow);

  const auto back = bedrock_agent::from_sys_time(*ms);
  assert(back.has_value() && *back == t);
  const time_point<system_clock, seconds> far{seconds{300000000000}};  // year ~11476
  assert(bedrock_agent::from_sys_time(far).error().kind == time_errc::out_of_range);
  // [chrono]
}

}  // namespace

int main() {
  parse_example();
  error_example();
  fraction_example();
  range_example();
  format_example();
  parts_example();
  chrono_example();
  return 0;
}
