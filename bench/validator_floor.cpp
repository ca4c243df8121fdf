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

#include "floors.hpp"

#include <bedrock_agent/engine/time.hpp>
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

int read(const char* path) {
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
      if (doc.get_value().get(root) || !bench::floor::touch(root, sum)) ++bad;
    }
  });
  std::fclose(f);
  std::printf("floor: %zu documents, %zu bad, checksum %llu\n", lines, bad, static_cast<unsigned long long>(sum));
  return bad ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string_view(argv[1]) == "generate") {
    return generate(argv[2], std::strtoull(argv[3], nullptr, 10), argv[4]);
  }
  if (argc == 3 && std::string_view(argv[1]) == "read") return read(argv[2]);
  std::fprintf(stderr,
               "usage: bedrock_agent_validator_floor generate distinct|polled LINES PATH\n"
               "       bedrock_agent_validator_floor read PATH\n");
  return 2;
}
