// Shared by every benchmark translation unit: the inputs (the same bytes for every peer), the
// allocation counter (a replaced operator new in bench_main.cpp) and small helpers.
#ifndef BEDROCK_AGENT_BENCH_COMMON_HPP_INCLUDED
#define BEDROCK_AGENT_BENCH_COMMON_HPP_INCLUDED

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace bench {

// ---- allocation counting --------------------------------------------------------------------

/// Allocations made by the calling thread so far (operator new and the counting RapidJSON
/// allocator both add to it). Not atomic: a benchmark counts on its own thread, and a locked
/// increment would slow the peers that allocate most.
std::uint64_t& allocation_count() noexcept;

/// Counts allocations between construction and report(); adds "allocs/op" to the state.
class allocation_meter {
 public:
  explicit allocation_meter(benchmark::State& s) : state_(s), start_(allocation_count()) {}
  void report() {
    const double n = static_cast<double>(allocation_count() - start_);
    state_.counters["allocs_per_op"] = benchmark::Counter(n, benchmark::Counter::kAvgIterations);
  }

 private:
  benchmark::State& state_;
  std::uint64_t start_;
};

/// Name of the simdjson kernel On-Demand was compiled with in this binary (decided at compile
/// time by the -march flags; "fallback" is the slow portable one).
inline const char* ondemand_kernel() noexcept { return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

/// Aborts the run: a benchmark whose input does not parse measures nothing.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  // Not "%.*s": a default string_view's data() is null, and %s with a null pointer is undefined
  // even at precision 0 (C11 7.21.6.1p8), which is what g++ -O2 -Wformat-overflow reports.
  std::fprintf(stderr, "bench: %s", what);
  if (!detail.empty()) {
    std::fputc(' ', stderr);
    std::fwrite(detail.data(), 1, detail.size(), stderr);
  }
  std::fputc('\n', stderr);
  std::abort();
}

inline simdjson::padded_string_view view(const simdjson::padded_string& s) noexcept {
  return simdjson::padded_string_view(s.data(), s.size(), s.size() + simdjson::SIMDJSON_PADDING);
}
inline std::string_view text(const simdjson::padded_string& s) noexcept { return {s.data(), s.size()}; }

// ---- inputs -----------------------------------------------------------------------------------

/// A realistic failure reason, varied by `i` so that no two are equal.
inline std::string failure_reason(std::size_t i) {
  static constexpr const char* templates[] = {
      "Document s3://docs-prod/manuals/part-%05zu.pdf exceeds the 50 MB size limit",
      "Unsupported file type for s3://docs-prod/archive/item-%05zu.xlsb",
      "Access denied reading s3://docs-prod/restricted/%05zu.docx (kms:Decrypt)",
      "Metadata file %05zu.metadata.json is not valid JSON: unexpected end of input",
  };
  char buf[160];
  std::snprintf(buf, sizeof buf, templates[i % 4], i);
  return buf;
}

/// The JSON of a StopIngestionJob response. `reasons` failure reasons (none: the member is
/// left out when `all_members` is false), a description of `description_chars` ASCII
/// characters, nanosecond timestamps.
inline std::string response_json(bool all_members, std::size_t reasons, std::size_t description_chars,
                                 std::size_t seed = 0, std::size_t reason_chars = 0) {
  char ids[3][11];
  std::snprintf(ids[0], sizeof ids[0], "KB%08zu", 12345678 + seed % 1000);
  std::snprintf(ids[1], sizeof ids[1], "DS%08zu", 87654321 - seed % 1000);
  std::snprintf(ids[2], sizeof ids[2], "IJ%08zu", 10000000 + seed % 89999999);
  std::string j = "{\"ingestionJob\":{\"knowledgeBaseId\":\"";
  j += ids[0];
  j += "\",\"dataSourceId\":\"";
  j += ids[1];
  j += "\",\"ingestionJobId\":\"";
  j += ids[2];
  j += '"';
  if (all_members) {
    static constexpr std::string_view words =
        "Nightly re-sync of the product documentation bucket after the catalogue migration; "
        "stopped by the operator because the source bucket is being re-indexed by another job "
        "and would double the cost of this one. ";
    std::string d;
    while (d.size() < description_chars) d += words.substr(0, description_chars - d.size());
    j += ",\"description\":\"" + d + '"';
  }
  j += ",\"status\":\"STOPPING\"";
  if (all_members) {
    char stats[400];
    std::snprintf(stats, sizeof stats,
                  ",\"statistics\":{\"numberOfDocumentsScanned\":%zu,\"numberOfMetadataDocumentsScanned\":1200,"
                  "\"numberOfNewDocumentsIndexed\":842,\"numberOfModifiedDocumentsIndexed\":311,"
                  "\"numberOfMetadataDocumentsModified\":57,\"numberOfDocumentsDeleted\":12,"
                  "\"numberOfDocumentsFailed\":%zu,\"numberOfDocumentsSkipped\":4}",
                  15234 + seed % 100000, reasons);
    j += stats;
    j += ",\"failureReasons\":[";
    for (std::size_t i = 0; i < reasons; ++i) {
      if (i) j += ',';
      std::string r = failure_reason(i + seed);
      if (reason_chars) {
        while (r.size() < reason_chars) r += " / " + failure_reason(i + r.size());
        r.resize(reason_chars);
      }
      j += '"' + r + '"';
    }
    j += ']';
  }
  j += ",\"startedAt\":\"2024-03-14T09:26:53.589793238Z\",\"updatedAt\":\"2024-03-14T09:31:07.123456789Z\"}}";
  return j;
}

/// Required members only.
inline const simdjson::padded_string& small_input() {
  static const simdjson::padded_string s(response_json(false, 0, 0));
  return s;
}
/// Every member, a one-sentence description, one failure reason: ~700 bytes, what a typical
/// stopped job returns.
inline const simdjson::padded_string& typical_input() {
  static const simdjson::padded_string s(response_json(true, 1, 90));
  return s;
}
/// The model's maximum list: 2048 failure reasons.
inline const simdjson::padded_string& large_input() {
  static const simdjson::padded_string s(response_json(true, 2048, 140));
  return s;
}

struct named_input {
  const char* name;
  const simdjson::padded_string& (*get)();
};
inline constexpr named_input inputs[] = {{"small", small_input}, {"typical", typical_input}, {"large", large_input}};

/// The JSON of a ListIngestionJobs response: a page of `count` summaries and a nextToken, made
/// deterministically from `seed`. Like a real page: ids varied (a few knowledge bases and data
/// sources, a new job id each), every status, timestamps days apart with 0, 3, 6 or 9 fraction
/// digits, a description on about one summary in three, statistics on all but the jobs still
/// STARTING.
inline std::string list_json(std::size_t count, std::size_t seed = 0) {
  static constexpr const char* statuses[] = {"COMPLETE", "COMPLETE", "FAILED",   "IN_PROGRESS",
                                             "STOPPED",  "COMPLETE", "STARTING", "STOPPING"};
  static constexpr const char* fractions[] = {"", ".250", ".589793", ".123456789"};
  static constexpr std::string_view words =
      "Scheduled sync of the support knowledge base from s3://docs-prod/manuals after the weekly "
      "export; triggered by the release pipeline. ";
  std::string j = "{\"ingestionJobSummaries\":[";
  std::uint64_t state = 0x2545F4914F6CDD1Du ^ seed;
  for (std::size_t i = 0; i < count; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const std::size_t k = i + seed;
    const char* status = statuses[state % 8];
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "%s{\"knowledgeBaseId\":\"KB%08zu\",\"dataSourceId\":\"DS%08zu\",\"ingestionJobId\":\"%c%c%08zu\"",
                  i ? "," : "", 12345678 + k % 3, 87654321 - k % 7, "ABCDEFGHJK"[k % 10],
                  "0123456789ZYXWVUTSRQ"[(state >> 8) % 20], 99999999 - k * 7919 % 90000000);
    j += buf;
    if (state % 3 == 0) {
      const std::size_t len = 20 + (state >> 16) % 181;  // 20..200 code points (the model's bound)
      std::string d;
      while (d.size() < len) d += words.substr(0, len - d.size());
      j += ",\"description\":\"" + d + '"';
    }
    j += ",\"status\":\"";
    j += status;
    j += '"';
    // startedAt: one job every few hours going back from 2024-12-31; updatedAt minutes later.
    const std::int64_t start = 1735603200 - static_cast<std::int64_t>(k) * 9973 - static_cast<std::int64_t>(state % 3600);
    const std::int64_t update = start + 30 + static_cast<std::int64_t>((state >> 20) % 7200);
    for (const auto& [name, t] : {std::pair<const char*, std::int64_t>{"startedAt", start}, {"updatedAt", update}}) {
      const std::int64_t days = t / 86400, secs = t % 86400;
      // civil_from_days (Hinnant), for days after 1970 only.
      const std::int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
      const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
      const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
      const std::int64_t y = yoe + era * 400 + (m <= 2);
      std::snprintf(buf, sizeof buf, ",\"%s\":\"%04d-%02d-%02dT%02d:%02d:%02d%sZ\"", name, static_cast<int>(y),
                    static_cast<int>(m), static_cast<int>(d), static_cast<int>(secs / 3600),
                    static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), fractions[(state >> 4) % 4]);
      j += buf;
    }
    if (std::string_view(status) != "STARTING") {
      const std::size_t scanned = (state >> 24) % 50000;
      std::snprintf(buf, sizeof buf,
                    ",\"statistics\":{\"numberOfDocumentsScanned\":%zu,\"numberOfMetadataDocumentsScanned\":%zu,"
                    "\"numberOfNewDocumentsIndexed\":%zu,\"numberOfModifiedDocumentsIndexed\":%zu,"
                    "\"numberOfMetadataDocumentsModified\":%zu,\"numberOfDocumentsDeleted\":%zu,"
                    "\"numberOfDocumentsFailed\":%zu,\"numberOfDocumentsSkipped\":%zu}",
                    scanned, scanned / 10, scanned / 2, scanned / 5, scanned / 40, scanned / 100,
                    std::string_view(status) == "FAILED" ? scanned / 3 : scanned % 3, scanned / 250);
      j += buf;
    }
    j += '}';
  }
  j += "],\"nextToken\":\"eyJ2ZXJzaW9uIjoxLCJvZmZzZXQiOjEwMDAsInNvcnQiOiJTVEFSVEVEX0FUIn0=\"}";
  return j;
}

/// A page of 1000 summaries (ListIngestionJobs with maxResults at the model's maximum).
inline const simdjson::padded_string& list_input() {
  static const simdjson::padded_string s(list_json(1000));
  return s;
}

/// GetIngestionJob answers with the shape of StopIngestionJob ({"ingestionJob": ...}), so the
/// typical input serves both; the List page is its own input.
inline constexpr named_input get_typical{"typical", typical_input};
inline constexpr named_input list_page{"page1000", list_input};

/// Parses `json` with the library (contract profile), aborting when it is not valid: every
/// benchmark input must be a valid response, or the peers would be compared on errors.
template <class T = bedrock_agent::StopIngestionJobResponse>
T reference_value(const simdjson::padded_string& json) {
  auto r = bedrock_agent::parse<T>(text(json));
  if (!r) fail("input is not a valid response:", r.error().message);
  return std::move(r).value();
}

/// Scaling axes (also read by the report script through the benchmark names).
inline constexpr std::size_t reason_counts[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048};
inline constexpr std::size_t description_lengths[] = {1, 25, 50, 75, 100, 125, 150, 175, 200};
inline constexpr std::size_t reason_lengths[] = {16, 256, 512, 768, 1024, 1280, 1536, 1792, 2048};

/// The path of the generated NDJSON file (BEDROCK_AGENT_BENCH_NDJSON, default in the current
/// directory) and its size in MiB (BEDROCK_AGENT_BENCH_NDJSON_MB, default 100).
std::string ndjson_path();
std::size_t ndjson_mib();
/// The NDJSON corpus, generated on first use when the file is missing or of another size.
const simdjson::padded_string& ndjson_corpus();

}  // namespace bench

#endif  // BEDROCK_AGENT_BENCH_COMMON_HPP_INCLUDED
