// NDJSON through the validator: byte 0 picks the settings (validator_common.hpp), byte 1 the
// line_reader's chunk size (1..64 bytes, so lines straddle chunks), the rest is the stream,
// read through fmemopen like a file. Oracles: line_reader yields exactly the lines of a plain
// split ('\n', one '\r' before it dropped, a last line without '\n'), counts every byte; the
// runner checks one document per non-blank line, and every finding is on its document's line.

#include "validator_common.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace fz = bedrock_agent::fuzz;
namespace bv = bedrock_agent::validator;

namespace {

/** The lines as a reference split sees them. */
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

struct memory_file {
  explicit memory_file(std::string_view s) : text(s), f(fmemopen(text.data(), text.size(), "r")) {}
  ~memory_file() {
    if (f) std::fclose(f);
  }
  memory_file(const memory_file&) = delete;
  memory_file& operator=(const memory_file&) = delete;
  std::string text;
  std::FILE* f;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const bv::settings settings = fz::settings_from(in.byte());
  const std::size_t chunk = 1 + in.byte() % 64;
  const std::string_view stream = in.rest();
  const std::string input(stream);

  const std::vector<std::string_view> want = split_lines(stream);
  {
    memory_file file(stream);
    BEDROCK_AGENT_FUZZ_CHECK(file.f != nullptr, "fmemopen failed");
    bv::line_reader lines(file.f, {}, chunk);
    std::string_view line;
    std::size_t number = 0, k = 0;
    while (lines.next(line, number)) {
      BEDROCK_AGENT_FUZZ_CHECK(k < want.size() && line == want[k] && number == k + 1,
                               "line " + std::to_string(number) + " is [" + std::string(line) + "], expected [" +
                                   (k < want.size() ? std::string(want[k]) : std::string("no line")) + "] in " + input);
      ++k;
    }
    BEDROCK_AGENT_FUZZ_CHECK(k == want.size() && !lines.error() && lines.bytes_read() == stream.size(),
                             "line_reader stopped early or miscounted: " + input);
  }

  std::size_t documents = 0;
  for (std::string_view l : want) documents += !bv::is_blank(l);
  // A prefix already read (as main() sniffs the head) changes nothing.
  const std::size_t cut = stream.size() / 2;
  memory_file file(stream.substr(cut));
  BEDROCK_AGENT_FUZZ_CHECK(file.f != nullptr, "fmemopen failed");
  bv::line_reader lines(file.f, std::string(stream.substr(0, cut)), chunk);
  fz::finding_log log;
  bv::runner r(settings, [&log](bv::finding&& f) { log(std::move(f)); });
  r.begin_file();
  r.check_ndjson(lines, "fuzz.ndjson");
  fz::check_summary(r.totals(), log, input);
  BEDROCK_AGENT_FUZZ_CHECK(r.totals().documents == documents, "documents " + std::to_string(r.totals().documents) +
                                                                  ", non-blank lines " + std::to_string(documents));
  for (const bv::finding& f : log.all) {
    BEDROCK_AGENT_FUZZ_CHECK(f.what.line == f.where.line && f.where.line >= 1 && f.where.line <= want.size() &&
                                 !bv::is_blank(want[f.where.line - 1]),
                             "finding on line " + std::to_string(f.what.line) + " for the document on line " +
                                 std::to_string(f.where.line) + ": " + fz::describe(f.what));
  }
  return 0;
}
