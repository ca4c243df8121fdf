// StopIngestionJobResponse documents through the codec, in both profiles: parse and validate
// agree, a parsed value round-trips and says what simdjson's DOM reads, the contract profile
// accepts nothing the client profile refuses, and JSON well-formedness agrees with simdjson
// and an RFC 8259 recognizer.

#include "fuzz_common.hpp"

#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fz = bedrock_agent::fuzz;
using bedrock_agent::parse_options;
using bedrock_agent::StopIngestionJobResponse;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const parse_options contract = parse_options::contract(), client = parse_options::client();

  const auto strict = fz::check_codec<StopIngestionJobResponse>(json, contract);
  const auto lenient = fz::check_codec<StopIngestionJobResponse>(json, client);
  if (strict.ok()) {
    fz::check_against_dom(strict.value(), json, contract);
    (void)bedrock_agent::check_status(strict.value(), contract);
    // Every leniency only widens: what the contract accepts, the client reads the same way,
    // with nothing to warn about.
    BEDROCK_AGENT_FUZZ_CHECK(lenient.ok() && lenient.value() == strict.value() && lenient.diagnostics().empty(),
                             "the client profile reads a contract-valid document differently: " + std::string(json));
  }
  if (lenient.ok()) {
    fz::check_against_dom(lenient.value(), json, client);
    (void)bedrock_agent::check_status(lenient.value(), client);
  }

  fz::check_json_syntax(json);
  const std::size_t root = bedrock_agent::detail::skip_json_whitespace(json, 0);
  if (root >= json.size() || json[root] != '{') fz::check_json_syntax(fz::as_member_value(json));
  return 0;
}
