// Timestamps: the library's parse_timestamp (every RFC 3339 check) and append_timestamp against
// date::parse / date::format, strptime + timegm / gmtime_r + strftime, and a bare
// digits-and-ranges floor. Every peer reads the same 16 strings, cycled, and must agree with
// the library on each before it is timed.

#include <chrono>

// date.h's from_stream reads `long double S` for %S even after reading it failed (it rounds S
// before checking the stream), which g++ -O2 reports as -Wmaybe-uninitialized inside <chrono>.
// At -O3 g++ 12 also reports a false -Wstringop-overflow in date.h's digit reversal (a buffer
// of 11 chars "written at offset 32"). Both are in date.h, not here, so they are silenced for
// that header alone: it is included first, inside the pragma, and every later include of it is
// a no-op. (date::parse is a peer here; the library never calls it.)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
#include <date/date.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "bench_common.hpp"
#include "floors.hpp"

#include <bedrock_agent/engine/time.hpp>

#include <benchmark/benchmark.h>
#include <date/date.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace bedrock_agent;
using sys_ns = date::sys_time<std::chrono::nanoseconds>;

/// "YYYY-MM-DDThh:mm:ss.fffffffffZ" style strings, fraction lengths 0, 3, 6 and 9.
const std::vector<std::string>& time_inputs() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out;
    const char* bases[] = {"2024-03-14T09:26:53", "1999-12-31T23:59:59", "2038-01-19T03:14:07", "2000-02-29T12:00:00"};
    const char* fractions[] = {"", ".589", ".589793", ".589793238"};
    for (const char* b : bases)
      for (const char* f : fractions) out.push_back(std::string(b) + f + "Z");
    return out;
  }();
  return v;
}

timestamp expected(const std::string& s) { return *parse_timestamp(s); }

template <class F>
void run_time_parse(benchmark::State& state, F parse) {
  const auto& in = time_inputs();
  for (const std::string& s : in) {
    const std::optional<timestamp> t = parse(s);
    if (!t || *t != expected(s)) {
      state.SkipWithError(("the peer read a different instant from " + s).c_str());
      return;
    }
  }
  bench::allocation_meter meter(state);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& s = in[i++ & 15];
    benchmark::DoNotOptimize(s.data());
    auto t = parse(s);
    benchmark::DoNotOptimize(t);
  }
  meter.report();
}

// ---- parse peers ------------------------------------------------------------------------------

std::optional<timestamp> ours_parse(const std::string& s) {
  const auto r = parse_timestamp(s);
  if (!r) return std::nullopt;
  return *r;
}

std::optional<timestamp> from_ns(sys_ns tp) {
  const auto r = from_sys_time(tp);
  if (!r) return std::nullopt;
  return *r;
}

/// date::parse with one istringstream reused (the fastest way to call it).
struct date_parse_reused {
  std::istringstream in;
  std::optional<timestamp> operator()(const std::string& s) {
    in.clear();
    in.str(s);
    sys_ns tp{};  // read only when the parse succeeded; initialized all the same
    in >> date::parse("%FT%TZ", tp);
    if (in.fail()) return std::nullopt;
    return from_ns(tp);
  }
};

/// date::parse with a new istringstream per call (what most callers write).
std::optional<timestamp> date_parse_new(const std::string& s) {
  std::istringstream in(s);
  sys_ns tp{};  // read only when the parse succeeded; initialized all the same
  in >> date::parse("%FT%TZ", tp);
  if (in.fail()) return std::nullopt;
  return from_ns(tp);
}

/// strptime for the date and time, the fraction and 'Z' by hand, timegm for the instant.
std::optional<timestamp> strptime_timegm(const std::string& s) {
  std::tm tm{};
  const char* p = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (!p) return std::nullopt;
  std::uint32_t nanos = 0;
  if (*p == '.') {
    int digits = 0;
    for (++p; *p >= '0' && *p <= '9'; ++p, ++digits)
      if (digits < 9) nanos = nanos * 10 + static_cast<std::uint32_t>(*p - '0');
    if (digits == 0 || digits > 9) return std::nullopt;
    for (; digits < 9; ++digits) nanos *= 10;
  }
  if (p[0] != 'Z' || p[1] != '\0') return std::nullopt;
  const std::time_t t = timegm(&tm);
  return timestamp::from_parts(static_cast<std::int64_t>(t), nanos);
}

// ---- format peers -----------------------------------------------------------------------------

template <class F>
void run_time_format(benchmark::State& state, F format) {
  std::vector<timestamp> values;
  for (const std::string& s : time_inputs()) values.push_back(expected(s));
  std::string out;
  for (const timestamp t : values) {
    out.clear();
    format(t, out);
    if (!(parse_timestamp(out) && *parse_timestamp(out) == t)) {
      state.SkipWithError(("the peer wrote " + out + ", which is not the same instant").c_str());
      return;
    }
  }
  bench::allocation_meter meter(state);
  std::size_t i = 0;
  for (auto _ : state) {
    timestamp t = values[i++ & 15];
    benchmark::DoNotOptimize(t);
    out.clear();
    format(t, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  meter.report();
}

sys_ns to_ns(timestamp t) { return *to_sys_time<std::chrono::nanoseconds>(t); }

void date_format(timestamp t, std::string& out) { out = date::format("%FT%TZ", to_ns(t)); }

void strftime_format(timestamp t, std::string& out) {
  const std::time_t secs = static_cast<std::time_t>(t.seconds());
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  n += static_cast<std::size_t>(std::snprintf(buf + n, sizeof buf - n, ".%09uZ", static_cast<unsigned>(t.nanoseconds())));
  out.assign(buf, n);
}

const bool registered = [] {
  benchmark::RegisterBenchmark("time/parse/ours", [](benchmark::State& s) { run_time_parse(s, ours_parse); });
  benchmark::RegisterBenchmark("time/parse/floor_bare", [](benchmark::State& s) {
    run_time_parse(s, [](const std::string& x) { return bench::floor::bare_timestamp(x); });
  });
  benchmark::RegisterBenchmark("time/parse/strptime_timegm",
                               [](benchmark::State& s) { run_time_parse(s, strptime_timegm); });
  benchmark::RegisterBenchmark("time/parse/date_parse", [](benchmark::State& s) {
    date_parse_reused p;
    run_time_parse(s, [&](const std::string& x) { return p(x); });
  });
  benchmark::RegisterBenchmark("time/parse/date_parse_new_stream",
                               [](benchmark::State& s) { run_time_parse(s, date_parse_new); });
  benchmark::RegisterBenchmark("time/format/ours", [](benchmark::State& s) {
    run_time_format(s, [](timestamp t, std::string& out) { append_timestamp(out, t); });
  });
  benchmark::RegisterBenchmark("time/format/strftime", [](benchmark::State& s) { run_time_format(s, strftime_format); });
  benchmark::RegisterBenchmark("time/format/date_format", [](benchmark::State& s) { run_time_format(s, date_format); });
  return true;
}();

}  // namespace
