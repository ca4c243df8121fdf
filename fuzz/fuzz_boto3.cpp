// boto3 dumps through the validator (runner::check_boto3): byte 0 picks the settings
// (validator_common.hpp), the rest is the dump. Oracles: one document; the summary agrees
// with the findings; every finding's offset is inside the text (the Python datetime fix-up
// keeps positions); text that is not JSON is invalid.

#include "validator_common.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
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
  r.check_boto3(text, bv::source{"fuzz.json", 1, 0, std::nullopt, {}});
  const bv::summary& s = r.totals();
  fz::check_summary(s, log, input);
  BEDROCK_AGENT_FUZZ_CHECK(s.documents == 1, "a boto3 dump is one document: " + input);
  BEDROCK_AGENT_FUZZ_CHECK((s.valid == 1) == (log.errors == 0 && (!settings.warnings_as_errors || log.warnings == 0)),
                           "validity disagrees with the findings: " + input);
  for (const bv::finding& f : log.all) {
    BEDROCK_AGENT_FUZZ_CHECK(f.what.offset <= text.size(), "offset past the text: " + fz::describe(f.what));
  }
  if (fz::codec_verdict(text) == fz::verdict::malformed) {
    BEDROCK_AGENT_FUZZ_CHECK(s.invalid == 1, "text that is not JSON passed as a boto3 dump: " + input);
  }
  return 0;
}
