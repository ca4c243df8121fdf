// StopIngestionJobRequest documents through the codec, in both profiles: the oracles of
// fuzz_response, and a parsed request also round-trips through the HTTP binding
// (build_path, then parse_request gives the same request back).

#include "fuzz_common.hpp"

#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fz = bedrock_agent::fuzz;
using bedrock_agent::parse_options;
using bedrock_agent::StopIngestionJob;
using bedrock_agent::StopIngestionJobRequest;

namespace {

/** The request's labels travel in the path: build_path, then parse_request. A label that is
 *  empty (http.path-empty-label) or holds a '/' (encoded as %2F: http.encoded-slash) cannot
 *  travel; the contract profile's Ids never are. */
void check_path_round_trip(const StopIngestionJobRequest& r, const parse_options& opt) {
  const std::string path = bedrock_agent::build_path<StopIngestionJob>(r);
  auto back = bedrock_agent::parse_request<StopIngestionJob>("POST", path, opt);
  bool travels = true;
  for (const std::string* label : {&static_cast<const std::string&>(r.knowledgeBaseId),
                                   &static_cast<const std::string&>(r.dataSourceId),
                                   &static_cast<const std::string&>(r.ingestionJobId)}) {
    travels = travels && !label->empty() && label->find('/') == std::string::npos;
  }
  if (path.size() > opt.max_input_bytes) travels = false;
  BEDROCK_AGENT_FUZZ_CHECK(back.ok() == travels, "path " + path + " parses " + (back.ok() ? "ok" : "with errors") +
                                                     ": " + fz::describe(back.diagnostics()));
  if (back.ok()) BEDROCK_AGENT_FUZZ_CHECK(back.value() == r, "the path round trip changed the request: " + path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const parse_options contract = parse_options::contract(), client = parse_options::client();

  const auto strict = fz::check_codec<StopIngestionJobRequest>(json, contract);
  const auto lenient = fz::check_codec<StopIngestionJobRequest>(json, client);
  if (strict.ok()) {
    fz::check_against_dom(strict.value(), json, contract);
    check_path_round_trip(strict.value(), contract);
    BEDROCK_AGENT_FUZZ_CHECK(lenient.ok() && lenient.value() == strict.value() && lenient.diagnostics().empty(),
                             "the client profile reads a contract-valid request differently: " + std::string(json));
  }
  if (lenient.ok()) {
    fz::check_against_dom(lenient.value(), json, client);
    check_path_round_trip(lenient.value(), client);
  }

  fz::check_json_syntax(json);
  const std::size_t root = bedrock_agent::detail::skip_json_whitespace(json, 0);
  if (root >= json.size() || json[root] != '{') fz::check_json_syntax(fz::as_member_value(json));
  return 0;
}
