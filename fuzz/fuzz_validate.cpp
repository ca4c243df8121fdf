// validate() and parse() with options taken from the first bytes of the input, then the
// document:
//   byte 0: bits 0..3 the four leniencies (ignore_unknown_members, null_as_absent,
//           constraints_as_warnings, keep_unknown_enum_values), bits 4..6 the shape
//   byte 1: max_depth (255: 1024, else 0..11)
//   byte 2: max_diagnostics (255: 100, else 0..15)
//   bytes 3, 4: a rule to disable each (ignored unless it names a rule)
//   byte 5: max_input_bytes (0: the default, else 8 times the byte)
// Oracles: those of fuzz_common's check_codec (agreement, first error, counts, positions,
// disabled rules never reported, round trip, check_value, DOM values for the response and
// request), and the same verdict from the
// convenience overload as from a caller-owned parser on caller-padded input.

#include "fuzz_common.hpp"

#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace fz = bedrock_agent::fuzz;
namespace ba = bedrock_agent;

namespace {

template <class T>
void run(std::string_view json, const ba::parse_options& opt) {
  const auto parsed = fz::check_codec<T>(json, opt);
  if constexpr (std::is_same_v<T, ba::StopIngestionJobResponse> || std::is_same_v<T, ba::StopIngestionJobRequest>) {
    if (parsed.ok()) fz::check_against_dom(parsed.value(), json, opt);
  }
  // The padded-input overloads with the caller's parser see the same thing.
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(json);
  const auto a = ba::validate<T>(json, opt);
  const auto b = ba::validate<T>(parser, padded, opt);
  BEDROCK_AGENT_FUZZ_CHECK(a.ok() == b.ok() && a.error_count() == b.error_count() && a.warning_count() == b.warning_count() &&
                               a.diagnostics().size() == b.diagnostics().size(),
                           "validate differs between the string and padded overloads: " + std::string(json));
  for (std::size_t i = 0; i < a.diagnostics().size(); ++i) {
    BEDROCK_AGENT_FUZZ_CHECK(a.diagnostics()[i].id == b.diagnostics()[i].id && a.diagnostics()[i].offset == b.diagnostics()[i].offset,
                             "validate differs between the overloads: " + fz::describe(a.diagnostics()) + " vs " +
                                 fz::describe(b.diagnostics()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const std::uint8_t flags = in.byte();
  const std::uint8_t depth = in.byte();
  const std::uint8_t diags = in.byte();
  const std::uint8_t off1 = in.byte();
  const std::uint8_t off2 = in.byte();
  const std::uint8_t bytes = in.byte();
  ba::parse_options opt;
  opt.ignore_unknown_members = flags & 1;
  opt.null_as_absent = flags & 2;
  opt.constraints_as_warnings = flags & 4;
  opt.keep_unknown_enum_values = flags & 8;
  opt.max_depth = depth == 255 ? 1024 : depth % 12;
  opt.max_diagnostics = diags == 255 ? 100 : diags % 16;
  const std::vector<ba::rule> all_rules = ba::registered_rules();
  for (std::uint8_t r : {off1, off2}) {
    if (r < all_rules.size()) opt.disabled.insert(all_rules[r]);
  }
  if (bytes != 0) opt.max_input_bytes = std::size_t{8} * bytes;
  const std::string_view json = in.rest();

  switch ((flags >> 4) & 7) {
    case 0: case 1: case 2: run<ba::StopIngestionJobResponse>(json, opt); break;
    case 3: case 4: run<ba::StopIngestionJobRequest>(json, opt); break;
    case 5: run<ba::IngestionJob>(json, opt); break;
    case 6: run<ba::ValidationException>(json, opt); break;
    default: run<ba::ConflictException>(json, opt); break;
  }
  return 0;
}
