// validator.ndjson-100k: a 100000-line NDJSON file with a few bad lines. Every bad line is
// reported at its line, every other line is checked, and memory stays bounded: the peak RSS
// on 100000 lines is within a few MiB of the peak on 1000 lines (the file is ~60 times larger).
#include <cstdio>
#include <fcntl.h>
#include <iterator>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
    ++failures;
  }
}

// Ten jobs polled in turn; each line is a later observation of its job (STOPPING, times and
// counters rising), so the sequence rules pass on the good lines.
std::string good_line(std::size_t n) {
  const std::size_t job = n % 10, step = n / 10;
  char ts[64];
  std::snprintf(ts, sizeof ts, "2026-03-14T%02zu:%02zu:%02zu.%09zuZ", 10 + step / 3600 % 12, step / 60 % 60,
                step % 60, n % 1000000000);
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "{\"ingestionJob\":{\"knowledgeBaseId\":\"KBX3U9Q2LA\",\"dataSourceId\":\"DS7HC2M1QP\","
                "\"ingestionJobId\":\"IJ%08zu\",\"description\":\"Nightly sync of the product-manuals bucket\","
                "\"status\":\"STOPPING\",\"statistics\":{\"numberOfDocumentsScanned\":%zu,"
                "\"numberOfMetadataDocumentsScanned\":0,\"numberOfNewDocumentsIndexed\":312,"
                "\"numberOfModifiedDocumentsIndexed\":41,\"numberOfMetadataDocumentsModified\":0,"
                "\"numberOfDocumentsDeleted\":3,\"numberOfDocumentsFailed\":0,\"numberOfDocumentsSkipped\":7},"
                "\"startedAt\":\"2026-03-14T09:26:53.589793123Z\",\"updatedAt\":\"%s\"}}",
                job, step, ts);
  return buf;
}

// line number (1-based) -> the rule it must produce
const std::map<std::size_t, std::string> bad_lines = {
    {7, "json.syntax"}, {31337, "constraint.enum"}, {65536, "long.out-of-range"}, {100000, "shape.missing-member"}};

std::string bad_line(std::size_t n) {
  std::string s = good_line(n - 1);
  switch (n) {
    case 7: return s.substr(0, s.size() / 2);
    case 31337: return s.replace(s.find("STOPPING"), 8, "Stopping");
    case 65536: return s.replace(s.find(":312"), 4, ":9223372036854775808");
    default: {
      const std::size_t from = s.find(",\"updatedAt\":\"");
      return s.erase(from, s.find('"', from + 14) + 1 - from);
    }
  }
}

void write_file(const std::string& path, std::size_t lines, bool with_bad) {
  std::ofstream out(path, std::ios::binary);
  for (std::size_t n = 1; n <= lines; ++n) {
    out << (with_bad && bad_lines.count(n) ? bad_line(n) : good_line(n - 1)) << '\n';
  }
}

struct run_result {
  int status = -1;
  long max_rss_kib = 0;
  std::string output;
};

run_result run(const std::string& exe, const std::string& input, const std::string& output) {
  run_result r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> args = {exe, "--no-progress", input};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ) != 0) return r;
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.max_rss_kib = usage.ru_maxrss;
  std::ifstream in(output);
  r.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: ndjson_stress VALIDATOR WORKDIR SANITIZED(0|1)\n");
    return 2;
  }
  const std::string exe = argv[1], dir = argv[2];
  const bool sanitized = std::string(argv[3]) == "1";
  const std::string big = dir + "/stress-100k.ndjson", small = dir + "/stress-1k.ndjson";
  write_file(big, 100000, true);
  write_file(small, 1000, false);

  const run_result r = run(exe, big, dir + "/stress-100k.out");
  check(r.status == 1, "exit status " + std::to_string(r.status) + ", expected 1");
  std::set<std::size_t> reported;
  std::size_t pos = 0;
  while ((pos = r.output.find(big + ":", pos)) != std::string::npos) {
    pos += big.size() + 1;
    const std::size_t line = std::strtoul(r.output.c_str() + pos, nullptr, 10);
    const std::size_t open = r.output.find('[', pos), close = r.output.find(']', pos);
    const std::string rule = r.output.substr(open + 1, close - open - 1);
    const auto want = bad_lines.find(line);
    check(want != bad_lines.end() && want->second == rule,
          "unexpected finding on line " + std::to_string(line) + ": " + rule);
    reported.insert(line);
  }
  for (const auto& [line, rule] : bad_lines) {
    check(reported.count(line) == 1, "line " + std::to_string(line) + " (" + rule + ") was not reported");
  }
  check(r.output.find("summary: 100000 documents, 99996 valid, 4 invalid, 0 warnings, 0 skipped") !=
            std::string::npos,
        "summary line: " + r.output.substr(r.output.rfind("summary:")));

  const run_result s = run(exe, small, dir + "/stress-1k.out");
  check(s.status == 0, "1000 good lines: exit status " + std::to_string(s.status));
  std::printf("peak RSS: %ld KiB on 100000 lines, %ld KiB on 1000 lines\n", r.max_rss_kib, s.max_rss_kib);
  if (sanitized) {
    std::printf("sanitized build: the memory bound is not asserted (ASan's quarantine grows by design)\n");
  } else {
    check(r.max_rss_kib - s.max_rss_kib < 8 * 1024,
          "memory grew with the file: " + std::to_string(r.max_rss_kib - s.max_rss_kib) + " KiB more");
  }
  std::remove(big.c_str());
  std::remove(small.c_str());
  std::printf(failures ? "ndjson stress: FAILED\n" : "ndjson stress: passed\n");
  return failures ? 1 : 0;
}
