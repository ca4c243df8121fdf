// Every code sample in docs/extending.md, compiled and checked. Returns 0 when the
// documentation is telling the truth. The asserts are the point of this program: keep them in
// release builds too.
#undef NDEBUG
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cassert>
#include <string>
#include <vector>

// [rule]
// A module of its own: a rule that a recorded job's description names no ticket. The
// description is data with static storage; the handle is what code passes around.
namespace my_checks {
namespace data {
inline constexpr bedrock_agent::rule_description description_has_ticket{
    "my.description-ticket", bedrock_agent::rule_source::semantic, /*fatal=*/false,
    bedrock_agent::severity::warning, "a job description that names no ticket"};
}  // namespace data
inline constexpr bedrock_agent::rule description_has_ticket{data::description_has_ticket};

// Listed after the library's rules (their orders are 100..400); false if the id were taken.
inline const bool registered = bedrock_agent::register_rules(1000, {description_has_ticket});

/** Appends a finding when `job`'s description does not mention "TICKET-". The options decide,
 *  as for every library rule, whether the finding is kept and at which severity. */
inline void check(const bedrock_agent::IngestionJob& job, const bedrock_agent::parse_options& options,
                  std::vector<bedrock_agent::diagnostic>& out) {
  if (job.description && job.description->find("TICKET-") != std::string::npos) return;
  // The sink drops the finding if the rule is disabled and sets its severity; the text is only
  // built for a finding that is kept.
  bedrock_agent::diagnostic_sink sink(out, options);
  sink.add(description_has_ticket, [&](bedrock_agent::diagnostic& d) {
    d.pointer = "/ingestionJob/description";
    d.message = "the description names no ticket";
  });
}
}  // namespace my_checks
// [rule]

namespace {

void rule_example() {
  // [rule-use]
  using namespace bedrock_agent;
  assert(my_checks::registered);
  rule found;
  assert(rule_from_id("my.description-ticket", found) && found == my_checks::description_has_ticket);
  assert(registered_rules().back() == my_checks::description_has_ticket);  // after the library's

  const auto r = parse<StopIngestionJobResponse>(
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","status":"STOPPED","description":"nightly",)"
      R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})");
  assert(r.ok());
  std::vector<diagnostic> findings;
  my_checks::check(r->ingestionJob, parse_options::contract(), findings);
  assert(findings.size() == 1 && to_string(findings[0]) ==
         "0:0: warning[my.description-ticket]: the description names no ticket (at /ingestionJob/description)");

  parse_options quiet;                                 // disabled like any library rule
  quiet.disabled.insert(my_checks::description_has_ticket);
  findings.clear();
  my_checks::check(r->ingestionJob, quiet, findings);
  assert(findings.empty());
  // [rule-use]
}

}  // namespace

int main() {
  rule_example();
  return 0;
}
