// Every code sample in docs/testing.md, compiled and run: how a consumer writes property-based
// tests with the generators of <bedrock_agent/testing/generators.hpp>. Returns 0 when every
// property holds.
//
// The asserts are the point of this program: keep them in release builds too.
#undef NDEBUG
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/operators.hpp>
#include <rapidcheck.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <string_view>

// [own-shape]
// A consumer's own shape, built from the contract's: it gets a generator, an rc::Arbitrary
// and a JSON codec without any hand code.
namespace my_app {
struct AuditRecord {
  bedrock_agent::Id ingestionJobId;
  bedrock_agent::DateTimestamp seenAt;
  std::optional<bedrock_agent::Description> note;
  static constexpr std::string_view shape_name = "AuditRecord";
};
BOOST_DESCRIBE_STRUCT(AuditRecord, (), (ingestionJobId, seenAt, note))
using boost::describe::operators::operator==;  // RC_ASSERT(a == b) finds it by ADL
}  // namespace my_app
// [own-shape]

// [override]
// Ticket numbers have a format the constraints do not say: override the built-in generator,
// once, before its first use.
namespace my_app {
struct Ticket : bedrock_agent::string_shape<Ticket> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Ticket";
  static constexpr bedrock_agent::string_constraints constraints{3, 12, {}};
};
}  // namespace my_app
namespace bedrock_agent::testing {
template <>
struct generator<my_app::Ticket> {
  static rc::Gen<my_app::Ticket> make() {
    return rc::gen::map(rc::gen::inRange(1, 1000000), [](int n) { return my_app::Ticket("T-" + std::to_string(n)); });
  }
};
}  // namespace bedrock_agent::testing
// [override]

namespace {

bool round_trip_example() {
  // [round-trip]
  using namespace bedrock_agent;
  return rc::check("a response survives to_json and parse", [](const StopIngestionJobResponse& r) {
    const result<StopIngestionJobResponse> back = parse<StopIngestionJobResponse>(to_json(r));
    RC_ASSERT(back.ok());
    RC_ASSERT(back.value() == r);
  });
  // [round-trip]
}

bool encodings_example() {
  // [encodings]
  using namespace bedrock_agent;
  return rc::check("every equivalent text reads the same", [](const IngestionJob& job) {
    const std::string text = *testing::encodings(job);  // shuffled, spaced, escaped, offset...
    RC_ASSERT(parse<IngestionJob>(text).value() == job);
  });
  // [encodings]
}

bool mutations_example() {
  // [mutations]
  using namespace bedrock_agent;
  return rc::check("a document missing a required member is rejected there", [] {
    const testing::mutation m = *testing::mutations<StopIngestionJobResponse>(rules::shape_missing_member);
    const auto report = validate<StopIngestionJobResponse>(m.document, m.options);
    RC_ASSERT(report.error_count() == 1u);
    RC_ASSERT(std::any_of(report.diagnostics().begin(), report.diagnostics().end(),
                          [&](const diagnostic& d) { return m.matches(d); }));
  });
  // [mutations]
}

bool lifecycle_example() {
  // [lifecycle]
  using namespace bedrock_agent;
  return rc::check("my poller accepts every legal history of a job", [] {
    const testing::lifecycle history = *testing::valid_lifecycle(transition_check::reachable);
    job_tracker tracker;  // stands in for the consumer's own bookkeeping
    for (const IngestionJob& observation : history.observations) RC_ASSERT(tracker.observe(observation).diagnostics().empty());
  });
  // [lifecycle]
}

bool own_shape_example() {
  // [own-shape-property]
  using namespace bedrock_agent;
  return rc::check("my own shape round-trips too", [](const my_app::AuditRecord& a, const my_app::Ticket& t) {
    RC_ASSERT(parse<my_app::AuditRecord>(to_json(a)).value() == a);
    RC_ASSERT(t.rfind("T-", 0) == 0);
  });
  // [own-shape-property]
}

void fixtures_example() {
  // [fixtures]
  using namespace bedrock_agent;
  namespace fx = testing::fixtures;  // plain values: no RapidCheck needed for these
  const StopIngestionJobResponse r = fx::stopped_response();
  assert(to_json(r) == fx::stopped_response_json());
  assert(check_status(r).diagnostics().empty());
  assert(check_exchange(fx::stop_request(), r).diagnostics().empty());
  // [fixtures]
}

}  // namespace

int main() {
  assert(round_trip_example());
  assert(encodings_example());
  assert(mutations_example());
  assert(lifecycle_example());
  assert(own_shape_example());
  fixtures_example();
  return 0;
}
