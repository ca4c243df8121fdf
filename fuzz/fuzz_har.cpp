// HAR files through the validator (runner::check_har): byte 0 picks the settings
// (validator_common.hpp), the rest is the file. Oracles: the summary agrees with the
// findings; text that is not JSON is one invalid document; a HAR the runner could read has
// every finding in an entry and accounts for every entry simdjson's DOM sees (checked or
// skipped); a HAR it could not read has its findings placed in the file's text.

#include "validator_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fz = bedrock_agent::fuzz;
namespace bv = bedrock_agent::validator;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const bv::settings settings = fz::settings_from(in.byte());
  const std::string_view text = in.rest();
  const std::string input(text);

  fz::finding_log log;
  bv::runner r(settings, [&log](bv::finding&& f) { log(std::move(f)); });
  r.begin_file();
  r.check_har(text, "fuzz.har");
  const bv::summary& s = r.totals();
  fz::check_summary(s, log, input);

  bool broken = false;
  for (const bv::finding& f : log.all) broken = broken || !f.where.entry;
  if (broken) {
    BEDROCK_AGENT_FUZZ_CHECK(s.documents == 1 && s.invalid == 1 && s.skipped == 0,
                             "a broken HAR is one invalid document: " + input);
    for (const bv::finding& f : log.all) {
      BEDROCK_AGENT_FUZZ_CHECK(!f.where.entry && f.what.offset <= text.size(),
                               "a broken HAR's findings are in its text: " + fz::describe(f.what));
    }
  }
  if (fz::codec_verdict(text) == fz::verdict::malformed) {
    BEDROCK_AGENT_FUZZ_CHECK(broken, "text that is not JSON was read as a HAR: " + input);
  }
  if (!broken) {
    simdjson::dom::parser dom;
    simdjson::dom::array entries;
    if (dom.parse(text.data(), text.size())["log"]["entries"].get_array().get(entries) == simdjson::SUCCESS) {
      BEDROCK_AGENT_FUZZ_CHECK(s.documents + s.skipped == entries.size(),
                               std::to_string(s.documents) + " checked + " + std::to_string(s.skipped) +
                                   " skipped entries, the DOM has " + std::to_string(entries.size()) + ": " + input);
    }
  }
  return 0;
}
