#ifndef BEDROCK_AGENT_FUZZ_VALIDATOR_COMMON_HPP_INCLUDED
#define BEDROCK_AGENT_FUZZ_VALIDATOR_COMMON_HPP_INCLUDED

// What the validator targets share: settings from one option byte, and a sink that checks
// every finding as it comes and counts them.

#include "fuzz_common.hpp"

#include "runner.hpp"  // tools/validator

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bedrock_agent::fuzz {

/** bit 0 the client profile, bit 1 warnings as errors, bits 2..3 the shape (auto, request,
 *  response, error), bit 4 a small max_input_bytes (64). */
inline validator::settings settings_from(std::uint8_t b) {
  validator::settings s;
  s.client_profile = b & 1;
  s.options = s.client_profile ? parse_options::client() : parse_options::contract();
  s.warnings_as_errors = b & 2;
  s.shape = static_cast<validator::shape_kind>((b >> 2) & 3);
  if (b & 16) s.options.max_input_bytes = 64;
  s.progress = false;
  return s;
}

/// Counts findings by level and checks each: a known rule, a position (line and column 1 or
/// more: the runner points document-level findings at the document).
struct finding_log {
  std::size_t errors = 0, warnings = 0;
  std::vector<validator::finding> all;
  void operator()(validator::finding&& f) {
    BEDROCK_AGENT_FUZZ_CHECK(rule_index(f.what.id) < registered_rules().size(), "unknown rule in a finding");
    BEDROCK_AGENT_FUZZ_CHECK(f.what.line >= 1 && f.what.column >= 1,
                             "a finding without a place: " + describe(f.what));
    ++(f.what.level == severity::error ? errors : warnings);
    all.push_back(std::move(f));
  }
};

/** The run's summary agrees with what reached the sink. */
inline void check_summary(const validator::summary& s, const finding_log& log, const std::string& input) {
  BEDROCK_AGENT_FUZZ_CHECK(s.errors == log.errors && s.warnings == log.warnings,
                           "summary counts differ from the findings: " + input);
  BEDROCK_AGENT_FUZZ_CHECK(s.valid + s.invalid == s.documents, "valid + invalid != documents: " + input);
  BEDROCK_AGENT_FUZZ_CHECK(s.invalid <= s.errors + s.warnings, "an invalid document without a finding: " + input);
}

}  // namespace bedrock_agent::fuzz

#endif  // BEDROCK_AGENT_FUZZ_VALIDATOR_COMMON_HPP_INCLUDED
