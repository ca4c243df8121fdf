// Suite "responses": success responses written by the project (write_success_response, i.e.
// to_json with status 202) from generated values and from the example recordings, read by the
// SDK's StopIngestionJobCommand, and every field compared with the project's value.

#include "generator.hpp"
#include "interop.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

constexpr std::size_t generated_count = 2000;
constexpr std::uint64_t seed = 20240601;

/** A case whose canned response is the project's success response for `v`. */
interop_case success_case(std::string name, const ba::StopIngestionJobResponse& v) {
  interop_case c;
  c.name = std::move(name);
  const ba::http_response wire = ba::write_success_response<ba::StopIngestionJob>(v);
  c.status = wire.status;
  c.headers = wire.headers;
  c.body = wire.body;
  c.check = [v, body = wire.body](element obs, case_report& r) {
    // The project must read its own bytes back as the same value, or the comparison is moot.
    const auto self = ba::parse<ba::StopIngestionJobResponse>(body);
    if (!self || !(self.value() == v)) {
      r.disagree("project", "(not consulted)", self ? "parse(to_json(v)) != v" : to_string(self.error()));
    }
    std::string_view outcome;
    if (obs["outcome"].get(outcome) || outcome != "ok") {
      r.disagree("outcome", show(member(obs, "error")), "a StopIngestionJobResponse");
      return;
    }
    compare(v, member(obs, "output"), "", r);
  };
  return c;
}

}  // namespace

std::vector<interop_case> response_cases() {
  std::vector<interop_case> cases;
  generator g(seed);
  for (std::size_t i = 0; i < generated_count; ++i) {
    cases.push_back(success_case("generated/" + std::to_string(i), g.response()));
  }
  return cases;
}

}  // namespace interop
