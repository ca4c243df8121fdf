// NDJSON validation throughput on the generated corpus (100 MiB by default): the library's
// streaming path, validate_ndjson (a line splitter, one reused parser, value and report; each
// line is a view into the padded corpus, so nothing is copied) against simdjson iterate_many
// touching every value.

#include "bench_common.hpp"
#include "floors.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstring>

namespace {

using namespace bedrock_agent;

/// Calls `f(line_view)` for each non-empty line of the corpus; returns the number of lines.
template <class F>
std::size_t for_each_line(const simdjson::padded_string& corpus, F&& f) {
  const char* p = corpus.data();
  const char* const end = p + corpus.size();
  const char* const capacity_end = end + simdjson::SIMDJSON_PADDING;
  std::size_t lines = 0;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) nl = end;
    if (nl != p) {
      // The bytes after the line (the next lines, then the corpus padding) are readable: that
      // is all SIMDJSON_PADDING asks for.
      f(simdjson::padded_string_view(p, static_cast<std::size_t>(nl - p), static_cast<std::size_t>(capacity_end - p)));
      ++lines;
    }
    p = nl + 1;
  }
  return lines;
}

void finish(benchmark::State& state, const simdjson::padded_string& corpus, std::size_t lines, std::size_t bad) {
  if (bad) state.SkipWithError("a line of the corpus was rejected");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.size()));
  state.counters["lines"] = static_cast<double>(lines);
}

/// The library's streaming path: validate_ndjson over the whole corpus.
void ours_validate(benchmark::State& state) {
  const auto& corpus = bench::ndjson_corpus();
  simdjson::ondemand::parser parser;
  std::size_t lines = 0, bad = 0;
  bench::allocation_meter meter(state);
  for (auto _ : state) {
    std::size_t errors = 0;
    const ndjson_summary s = validate_ndjson<StopIngestionJobResponse>(
        parser, bench::view(corpus), parse_options{}, [&](const ndjson_line& l) { errors += l.report->error_count(); });
    lines = s.documents;
    bad += s.invalid + errors;
  }
  meter.report();
  finish(state, corpus, lines, bad);
}

/// validate() called per line with the bench's own splitter (a new value and report per line).
void ours_validate_lines(benchmark::State& state) {
  const auto& corpus = bench::ndjson_corpus();
  simdjson::ondemand::parser parser;
  std::size_t lines = 0, bad = 0;
  bench::allocation_meter meter(state);
  for (auto _ : state) {
    lines = for_each_line(corpus, [&](simdjson::padded_string_view line) {
      bad += !validate<StopIngestionJobResponse>(parser, line).ok();
    });
  }
  meter.report();
  finish(state, corpus, lines, bad);
}

void ours_parse_into(benchmark::State& state) {
  const auto& corpus = bench::ndjson_corpus();
  simdjson::ondemand::parser parser;
  StopIngestionJobResponse out;
  std::size_t lines = 0, bad = 0;
  bench::allocation_meter meter(state);
  for (auto _ : state) {
    lines = for_each_line(corpus, [&](simdjson::padded_string_view line) {
      bad += !parse_into(parser, line, out).ok();
    });
  }
  meter.report();
  finish(state, corpus, lines, bad);
}

/// The floor's extraction (floors.hpp) per line with the same splitter as the library: what
/// one iterate() per line costs, against iterate_many's batched stage 1.
void floor_lines(benchmark::State& state) {
  const auto& corpus = bench::ndjson_corpus();
  simdjson::ondemand::parser parser;
  StopIngestionJobResponse out;
  std::size_t lines = 0, bad = 0;
  bench::allocation_meter meter(state);
  for (auto _ : state) {
    lines = for_each_line(corpus, [&](simdjson::padded_string_view line) {
      bad += !bench::floor::read_response(parser, line, out);
    });
  }
  meter.report();
  finish(state, corpus, lines, bad);
}

void floor_iterate_many(benchmark::State& state) {
  const auto& corpus = bench::ndjson_corpus();
  simdjson::ondemand::parser parser;
  // One thread, like every path it is compared with: with threads enabled (as Debian builds
  // simdjson), iterate_many runs stage 1 of the next batch on a second thread, whose CPU time the
  // benchmark's per-thread CPU time would leave out.
  parser.threaded = false;
  std::size_t lines = 0, bad = 0;
  std::uint64_t sum = 0;
  bench::allocation_meter meter(state);
  for (auto _ : state) {
    simdjson::ondemand::document_stream stream;
    if (parser.iterate_many(corpus.data(), corpus.size(), std::size_t{1} << 20).get(stream)) bench::fail("iterate_many");
    lines = 0;
    for (auto doc : stream) {
      simdjson::ondemand::value root;
      ++lines;
      if (doc.get_value().get(root) || !bench::floor::touch(root, sum)) ++bad;
    }
    benchmark::DoNotOptimize(sum);
  }
  meter.report();
  finish(state, corpus, lines, bad);
}

const bool registered = [] {
  benchmark::RegisterBenchmark("ndjson/floor_iterate_many", floor_iterate_many)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ndjson/floor_lines", floor_lines)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ndjson/ours_validate", ours_validate)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ndjson/ours_validate_lines", ours_validate_lines)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ndjson/ours_parse_into", ours_parse_into)->Unit(benchmark::kMillisecond);
  return true;
}();

}  // namespace
