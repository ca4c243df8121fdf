// NDJSON through the validator: byte 0 picks the settings (validator_common.hpp), byte 1 the
// stream's chunk size (1..64 bytes, so lines straddle chunks), the rest is the stream, read
// through fmemopen like a file. Oracles: for_each_ndjson_line_in_stream yields exactly the
// non-blank lines of a plain split ('\n', one '\r' before it or at the end dropped, a last line
// without '\n') with their numbers and offsets, and counts every line and byte; the runner
// checks one document per non-blank line, and every finding is on its document's line.

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

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

struct memory_file {
  explicit memory_file(std::string_view s) : text(s), f(fmemopen(text.data(), text.size(), "r")) {}
  ~memory_file() {
    if (f) std::fclose(f);
  }
  memory_file(const memory_file&) = delete;
  memory_file& operator=(const memory_file&) = delete;
  /** A read function for the stream overloads. */
  auto reader() {
    return [this](char* into, std::size_t max) { return std::fread(into, 1, max, f); };
  }
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
    std::size_t k = 0, offset = 0;  // want[k] starts at `offset`
    const bedrock_agent::ndjson_summary sum = bedrock_agent::for_each_ndjson_line_in_stream(
        file.reader(),
        [&](const bedrock_agent::ndjson_line& line) {
          for (; k < want.size() && is_blank(want[k]); ++k) offset = stream.find('\n', offset) + 1;
          BEDROCK_AGENT_FUZZ_CHECK(k < want.size() && line.text == want[k] && line.number == k + 1 &&
                                       line.offset == offset,
                                   "line " + std::to_string(line.number) + " is [" + std::string(line.text) +
                                       "], expected [" + (k < want.size() ? std::string(want[k]) : std::string("no line")) +
                                       "] in " + input);
          ++k;
          offset = stream.find('\n', offset) + 1;  // npos + 1 == 0 after the last line: not used again
        },
        {}, chunk);
    BEDROCK_AGENT_FUZZ_CHECK(sum.lines == want.size() && sum.end.offset == stream.size() && !std::ferror(file.f),
                             "the stream stopped early or miscounted: " + input);
  }

  std::size_t documents = 0;
  for (std::string_view l : want) documents += !is_blank(l);
  // A prefix already read (as main() sniffs the head) changes nothing.
  const std::size_t cut = stream.size() / 2;
  memory_file file(stream.substr(cut));
  BEDROCK_AGENT_FUZZ_CHECK(file.f != nullptr, "fmemopen failed");
  fz::finding_log log;
  bv::runner r(settings, [&log](bv::finding&& f) { log(std::move(f)); });
  r.begin_file();
  r.check_ndjson(file.reader(), stream.substr(0, cut), "fuzz.ndjson", chunk);
  fz::check_summary(r.totals(), log, input);
  BEDROCK_AGENT_FUZZ_CHECK(r.totals().documents == documents, "documents " + std::to_string(r.totals().documents) +
                                                                  ", non-blank lines " + std::to_string(documents));
  for (const bv::finding& f : log.all) {
    BEDROCK_AGENT_FUZZ_CHECK(f.what.line == f.where.line && f.where.line >= 1 && f.where.line <= want.size() &&
                                 !is_blank(want[f.where.line - 1]),
                             "finding on line " + std::to_string(f.what.line) + " for the document on line " +
                                 std::to_string(f.where.line) + ": " + fz::describe(f.what));
  }
  return 0;
}
