// The whole-process validator benchmark's other half (bench/time_validator.py runs both):
//
//   bedrock_agent_validator_floor generate distinct|polled LINES PATH
//     writes a corpus of StopIngestionJob responses, one per line: `distinct` gives every line
//     its own job; `polled` is LINES observations of 50 jobs in turn, each a later observation
//     of its job (updatedAt and numberOfDocumentsScanned rising), so the sequence rules pass.
//     Every line is valid under the contract profile and raises no finding.
//   bedrock_agent_validator_floor read PATH
//     the floor: reads PATH as the validator does (256 KiB chunks into one padded buffer, a
//     partial last line carried into the next chunk), runs simdjson iterate_many (one thread)
//     over the complete lines of each chunk and touches every value: every string, number,
//     nested object and array. No checks, no findings.
//   bedrock_agent_validator_floor checked PATH
//     the same read, but each line is read into a StopIngestionJobResponse (reused from line to
//     line) by hand-written code that also makes the checks a valid line passes in the
//     validator: no unknown, duplicate or missing member, ids of ten letters or digits, the
//     description's and failure reasons' lengths in code points, the status an
//     IngestionJobStatus, counters that are integers, timestamps in UTC (the library's
//     parse_timestamp, whose common layout has a fast path). A failed check counts the line as
//     bad; no findings are built, and nothing is remembered from line to line (no sequence rules).

#include "floors.hpp"

#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/engine/utf8.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using bench::floor::chunk_size;
constexpr std::size_t polled_jobs = 50;

/// One response line: the job's ids from `job`, observation `step` of it.
std::string response_line(std::size_t job, std::size_t step) {
  const bedrock_agent::timestamp started = *bedrock_agent::parse_timestamp("2024-03-14T09:26:53.589793238Z");
  const bedrock_agent::timestamp updated =
      *bedrock_agent::timestamp::from_parts(started.seconds() + 60 + static_cast<std::int64_t>(step),
                                            static_cast<std::uint32_t>((job * 7919 + step * 104729) % 1000000000));
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "{\"ingestionJob\":{\"knowledgeBaseId\":\"KB%08zu\",\"dataSourceId\":\"DS%08zu\","
                "\"ingestionJobId\":\"IJ%08zu\",\"description\":\"Nightly re-sync of the product documentation "
                "bucket after the catalogue migration\",\"status\":\"STOPPING\",\"statistics\":{"
                "\"numberOfDocumentsScanned\":%zu,\"numberOfMetadataDocumentsScanned\":1200,"
                "\"numberOfNewDocumentsIndexed\":842,\"numberOfModifiedDocumentsIndexed\":311,"
                "\"numberOfMetadataDocumentsModified\":57,\"numberOfDocumentsDeleted\":12,"
                "\"numberOfDocumentsFailed\":0,\"numberOfDocumentsSkipped\":4},\"failureReasons\":[],"
                "\"startedAt\":\"%s\",\"updatedAt\":\"%s\"}}\n",
                12345678 + job % 1000, 87654321 - job % 997, 10000000 + job, 15234 + step * 3,
                bedrock_agent::format_timestamp(started).c_str(), bedrock_agent::format_timestamp(updated).c_str());
  return buf;
}

int generate(std::string_view kind, std::size_t lines, const char* path) {
  if (kind != "distinct" && kind != "polled") return 2;
  std::FILE* f = std::fopen(path, "wb");
  if (!f) {
    std::perror(path);
    return 2;
  }
  for (std::size_t n = 0; n < lines; ++n) {
    const std::string line =
        kind == "distinct" ? response_line(n, 0) : response_line(n % polled_jobs, n / polled_jobs);
    std::fwrite(line.data(), 1, line.size(), f);
  }
  return std::fclose(f) == 0 ? 0 : 2;
}

namespace checked {
namespace od = simdjson::ondemand;

bool id_ok(std::string_view s) {
  if (s.size() != 10) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

/// Calls member(key, value) for each member of `o`, in order, until it returns false.
template <class F>
bool members(od::object o, F&& member) {
  for (auto fr : o) {
    od::field f;
    if (std::move(fr).get(f) || !member(f.key(), f.value())) return false;
  }
  return true;
}

bool put_time(od::value v, bedrock_agent::timestamp& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  const auto t = bedrock_agent::parse_timestamp(s);
  if (!t || s.back() != 'Z') return false;  // the model's date-time: UTC, as the validator requires
  out = *t;
  return true;
}

template <class S>
bool put_id(od::value v, S& out) {
  std::string_view s;
  if (v.get_string().get(s) || !id_ok(s)) return false;
  bench::floor::put(out, s);
  return true;
}

bool stats(od::object o, bedrock_agent::IngestionJobStatistics& st) {
  static constexpr std::string_view names[] = {
      "numberOfDocumentsScanned",          "numberOfMetadataDocumentsScanned", "numberOfNewDocumentsIndexed",
      "numberOfModifiedDocumentsIndexed",  "numberOfMetadataDocumentsModified", "numberOfDocumentsDeleted",
      "numberOfDocumentsFailed",           "numberOfDocumentsSkipped"};
  std::int64_t* const fields[] = {&st.numberOfDocumentsScanned,          &st.numberOfMetadataDocumentsScanned,
                                  &st.numberOfNewDocumentsIndexed,       &st.numberOfModifiedDocumentsIndexed,
                                  &st.numberOfMetadataDocumentsModified, &st.numberOfDocumentsDeleted,
                                  &st.numberOfDocumentsFailed,           &st.numberOfDocumentsSkipped};
  unsigned seen = 0;
  const bool ok = members(o, [&](od::raw_json_string k, od::value v) {
    std::size_t i = 0;
    while (i < 8 && !k.unsafe_is_equal(names[i])) ++i;
    if (i == 8 || (seen & (1u << i))) return false;  // unknown or duplicate
    seen |= 1u << i;
    return !v.get_int64().get(*fields[i]);
  });
  if (!ok) return false;
  for (std::size_t i = 0; i < 8; ++i) {
    if (!(seen & (1u << i))) *fields[i] = 0;  // absent: the model's default
  }
  return true;
}

bool job(od::object o, bedrock_agent::IngestionJob& j) {
  enum : unsigned { kb = 1, ds = 2, ij = 4, desc = 8, status = 16, st = 32, reasons = 64, started = 128, updated = 256 };
  unsigned seen = 0;
  const bool read = members(o, [&](od::raw_json_string k, od::value v) {
    std::string_view s;
    unsigned bit = 0;
    bool ok = false;
    if (k.unsafe_is_equal("knowledgeBaseId")) {
      bit = kb;
      ok = put_id(v, j.knowledgeBaseId);
    } else if (k.unsafe_is_equal("dataSourceId")) {
      bit = ds;
      ok = put_id(v, j.dataSourceId);
    } else if (k.unsafe_is_equal("ingestionJobId")) {
      bit = ij;
      ok = put_id(v, j.ingestionJobId);
    } else if (k.unsafe_is_equal("description")) {
      bit = desc;
      if (!v.get_string().get(s)) {
        const std::size_t n = bedrock_agent::utf8_length(s);
        ok = n >= 1 && n <= 200;
        if (!j.description) j.description.emplace();
        bench::floor::put(*j.description, s);
      }
    } else if (k.unsafe_is_equal("status")) {
      bit = status;
      if (!v.get_string().get(s)) {
        const auto e = bedrock_agent::enum_from_string<bedrock_agent::IngestionJobStatus>(s);
        ok = e.has_value();
        if (ok) j.status = *e;
      }
    } else if (k.unsafe_is_equal("statistics")) {
      bit = st;
      od::object so;
      if (!v.get_object().get(so)) {
        if (!j.statistics) j.statistics.emplace();
        ok = stats(so, *j.statistics);
      }
    } else if (k.unsafe_is_equal("failureReasons")) {
      bit = reasons;
      od::array a;
      if (!v.get_array().get(a)) {
        if (!j.failureReasons) j.failureReasons.emplace();
        auto& list = *j.failureReasons;
        std::size_t n = 0;
        ok = true;
        for (auto item : a) {
          if (item.get_string().get(s) || bedrock_agent::utf8_length(s) > 2048 || n == 2048) {
            ok = false;
            break;
          }
          if (n == list.size()) list.emplace_back();
          bench::floor::put(list[n++], s);
        }
        list.resize(n);
      }
    } else if (k.unsafe_is_equal("startedAt")) {
      bit = started;
      ok = put_time(v, j.startedAt);
    } else if (k.unsafe_is_equal("updatedAt")) {
      bit = updated;
      ok = put_time(v, j.updatedAt);
    }
    if (!ok || (seen & bit)) return false;  // unknown member (bit 0), duplicate or bad value
    seen |= bit;
    return true;
  });
  if (!read) return false;
  if (!(seen & desc)) j.description.reset();
  if (!(seen & st)) j.statistics.reset();
  if (!(seen & reasons)) j.failureReasons.reset();
  constexpr unsigned required = kb | ds | ij | status | started | updated;
  return (seen & required) == required;
}

bool response(od::value root, bedrock_agent::StopIngestionJobResponse& out) {
  od::object o;
  if (root.get_object().get(o)) return false;
  bool seen = false;
  return members(o,
                 [&](od::raw_json_string k, od::value v) {
                   if (!k.unsafe_is_equal("ingestionJob") || seen) return false;
                   seen = true;
                   od::object jo;
                   return !v.get_object().get(jo) && job(jo, out.ingestionJob);
                 }) &&
         seen;
}
}  // namespace checked

template <class Check>
int read_with(const char* path, const char* label, Check&& check) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::perror(path);
    return 2;
  }
  simdjson::ondemand::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
  parser.threaded = false;  // the validator runs on one thread
#endif
  std::size_t lines = 0, bad = 0;
  std::uint64_t sum = 0;
  // What follows the complete lines in the buffer (the partial line, then the spare bytes) is
  // the padding simdjson reads past the end.
  bench::floor::read_chunks(f, [&](const char* data, std::size_t whole, bool) {
    simdjson::ondemand::document_stream stream;
    if (parser.iterate_many(data, whole, std::max(whole, chunk_size)).get(stream)) {
      ++bad;
      return;
    }
    for (auto doc : stream) {
      simdjson::ondemand::value root;
      ++lines;
      if (doc.get_value().get(root) || !check(root, sum)) ++bad;
    }
  });
  std::fclose(f);
  std::printf("%s: %zu documents, %zu bad, checksum %llu\n", label, lines, bad, static_cast<unsigned long long>(sum));
  return bad ? 1 : 0;
}

int read(const char* path) {
  return read_with(path, "floor", [](simdjson::ondemand::value root, std::uint64_t& sum) {
    return bench::floor::touch(root, sum);
  });
}

int read_checked(const char* path) {
  bedrock_agent::StopIngestionJobResponse value;
  return read_with(path, "checked floor", [&value](simdjson::ondemand::value root, std::uint64_t& sum) {
    if (!checked::response(root, value)) return false;
    sum += value.ingestionJob.ingestionJobId.size() + static_cast<std::uint64_t>(value.ingestionJob.updatedAt.seconds());
    return true;
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string_view(argv[1]) == "generate") {
    return generate(argv[2], std::strtoull(argv[3], nullptr, 10), argv[4]);
  }
  if (argc == 3 && std::string_view(argv[1]) == "read") return read(argv[2]);
  if (argc == 3 && std::string_view(argv[1]) == "checked") return read_checked(argv[2]);
  std::fprintf(stderr,
               "usage: bedrock_agent_validator_floor generate distinct|polled LINES PATH\n"
               "       bedrock_agent_validator_floor read|checked PATH\n");
  return 2;
}
