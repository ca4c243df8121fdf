// The botocore debug log benchmark's other half (bench/time_validator.py runs both; the command
// is in docs/performance.md):
//
//   bedrock_agent_botocore_log_floor generate SOURCE.log MEGABYTES PATH
//     writes a log of about MEGABYTES MB made of SOURCE.log (a real `aws ... --debug` log of
//     tests/validator/data/sdk/) repeated, each copy a different job: the job id IJ4RT8ZK0W is
//     replaced by IJ<8 digits> of the copy (same length, so every column stays where it was),
//     so that the sequence rules see many jobs, each with one valid history.
//   bedrock_agent_botocore_log_floor read PATH
//     the floor: reads PATH as the validator does (bench::floor::read_chunks: 256 KiB chunks, a
//     partial last line carried into the next chunk), finds every line and touches its bytes
//     (a checksum). No parsing.

#include "floors.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

int generate(const char* source, std::size_t megabytes, const char* path) {
  std::FILE* in = std::fopen(source, "rb");
  if (!in) {
    std::perror(source);
    return 2;
  }
  std::string log;
  char buf[1 << 16];
  for (std::size_t got; (got = std::fread(buf, 1, sizeof buf, in)) > 0;) log.append(buf, got);
  std::fclose(in);
  std::FILE* out = std::fopen(path, "wb");
  if (!out) {
    std::perror(path);
    return 2;
  }
  const std::string_view job = "IJ4RT8ZK0W";
  const std::size_t target = megabytes << 20;
  std::string copy;
  for (std::size_t n = 0, written = 0; written < target; ++n) {
    copy = log;
    char id[16];
    std::snprintf(id, sizeof id, "IJ%08zu", n % 100000000);
    for (std::size_t at = copy.find(job); at != std::string::npos; at = copy.find(job, at + job.size()))
      copy.replace(at, job.size(), id);
    std::fwrite(copy.data(), 1, copy.size(), out);
    written += copy.size();
  }
  return std::fclose(out) == 0 ? 0 : 2;
}

int read(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::perror(path);
    return 2;
  }
  std::size_t lines = 0;
  std::uint64_t sum = 0;
  bench::floor::read_chunks(f, [&](const char* data, std::size_t whole, bool eof) {
    std::size_t start = 0;
    for (;;) {
      const void* nl = std::memchr(data + start, '\n', whole - start);
      if (!nl) break;
      const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
      // touch the line: its length and its first and last bytes
      sum += (end - start) + static_cast<unsigned char>(data[start]) + static_cast<unsigned char>(data[end]);
      ++lines;
      start = end + 1;
    }
    if (eof && start < whole) ++lines;  // the last line, with no newline
  });
  std::fclose(f);
  std::printf("floor: %zu lines, checksum %llu\n", lines, static_cast<unsigned long long>(sum));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string_view(argv[1]) == "generate") {
    return generate(argv[2], std::strtoull(argv[3], nullptr, 10), argv[4]);
  }
  if (argc == 3 && std::string_view(argv[1]) == "read") return read(argv[2]);
  std::fprintf(stderr,
               "usage: bedrock_agent_botocore_log_floor generate SOURCE.log MEGABYTES PATH\n"
               "       bedrock_agent_botocore_log_floor read PATH\n");
  return 2;
}
