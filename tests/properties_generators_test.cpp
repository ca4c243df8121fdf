// The generators themselves (include/bedrock_agent/testing/): valid by construction, reaching
// the edges they promise; the fixtures; and the RapidCheck-to-doctest bridge.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <boost/mp11/algorithm.hpp>
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace bedrock_agent;
using shape_types = boost::mp11::mp_transform<boost::mp11::mp_identity, testing::operation_structs<StopIngestionJob>>;

/** `n` values of `g`, at sizes cycling 0..100 as a RapidCheck run does. Deterministic. */
template <class T>
std::vector<T> sample(const rc::Gen<T>& g, int n) {
  std::vector<T> out;
  rc::Random random(12345);
  for (int i = 0; i < n; ++i) out.push_back(g(random.split(), i % 101).value());
  return out;
}

std::size_t utf8_width(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

}  // namespace

TEST_CASE("properties: generated values of every shape are valid in the contract profile") {
  constexpr std::size_t n = boost::mp11::mp_size<shape_types>::value;
  rc_doctest::check("valid by construction", [] {
    boost::mp11::mp_with_index<n>(*testing::detail::index(n), [](auto k) {
      using T = typename boost::mp11::mp_at_c<shape_types, decltype(k)::value>::type;
      RC_LOG() << T::shape_name << "\n";
      const T x = *rc::gen::arbitrary<T>();
      const auto r = check_value(x);
      for (const diagnostic& d : r.diagnostics()) RC_LOG() << d << "\n";
      RC_ASSERT(r.diagnostics().empty());
      const T full = *testing::complete<T>();
      RC_ASSERT(check_value(full).diagnostics().empty());
    });
  });
}

TEST_CASE("properties: string generators reach every UTF-8 length and the escapes and both length bounds") {
  const std::vector<FailureReason> reasons = sample(rc::gen::arbitrary<FailureReason>(), 3000);
  std::set<std::size_t> widths;
  std::set<char32_t> escapes;
  std::size_t longest = 0;
  bool empty = false;
  for (const FailureReason& s : reasons) {
    empty = empty || s.empty();
    std::size_t cps = 0;
    for (std::size_t i = 0; i < s.size(); i += utf8_width(static_cast<unsigned char>(s[i]))) {
      ++cps;
      const auto b = static_cast<unsigned char>(s[i]);
      widths.insert(utf8_width(b));
      if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) escapes.insert(b);
      if (s.compare(i, 3, "\xe2\x80\xa8") == 0) escapes.insert(0x2028);
    }
    longest = std::max(longest, cps);
  }
  CHECK(widths == std::set<std::size_t>{1, 2, 3, 4});
  CHECK(escapes.count(U'"') == 1);
  CHECK(escapes.count(U'\\') == 1);
  CHECK(escapes.count(0x7F) == 1);
  CHECK(escapes.count(0x2028) == 1);
  CHECK(std::count_if(escapes.begin(), escapes.end(), [](char32_t c) { return c < 0x20; }) >= 16);
  CHECK(empty);
  CHECK(longest == FailureReason::constraints.max_length);

  const std::vector<Description> descriptions = sample(rc::gen::arbitrary<Description>(), 3000);
  std::size_t shortest_d = 1000, longest_d = 0;
  for (const Description& d : descriptions) {
    const std::size_t cps = static_cast<std::size_t>(
        std::count_if(d.begin(), d.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    shortest_d = std::min(shortest_d, cps);
    longest_d = std::max(longest_d, cps);
  }
  CHECK(shortest_d == 1);
  CHECK(longest_d == 200);

  std::set<char> id_chars;
  for (const Id& id : sample(rc::gen::arbitrary<Id>(), 500)) {
    CHECK(id.size() == 10);
    id_chars.insert(id.begin(), id.end());
  }
  CHECK(id_chars.size() == 62);  // the whole charset
}

TEST_CASE("properties: timestamp/counter/status/list generators reach their edges") {
  std::set<int> years;
  bool nanos = false, millis = false, min = false, max = false;
  for (const timestamp& t : sample(testing::any_timestamp(), 3000)) {
    const std::string s = format_timestamp(t);
    years.insert(std::stoi(s.substr(0, 4)) / 1000);
    nanos = nanos || s.size() == 30;
    millis = millis || s.size() == 24;
    min = min || t == timestamp::min();
    max = max || t.seconds() == timestamp::max_seconds;
  }
  CHECK(years == std::set<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(nanos);
  CHECK(millis);
  CHECK(min);
  CHECK(max);

  std::set<PrimitiveLong> counters;
  for (PrimitiveLong c : sample(testing::counter(), 2000)) {
    CHECK(c >= 0);
    counters.insert(c);
  }
  CHECK(counters.count(0) == 1);
  CHECK(counters.count(std::numeric_limits<PrimitiveLong>::max()) == 1);
  CHECK(*counters.rbegin() == std::numeric_limits<PrimitiveLong>::max());

  std::set<IngestionJobStatus> statuses;
  bool with_description = false, without_description = false, at_bound = false, empty_list = false;
  for (const IngestionJob& j : sample(rc::gen::arbitrary<IngestionJob>(), 3000)) {
    statuses.insert(*j.status.known());
    (j.description ? with_description : without_description) = true;
    if (j.failureReasons) {
      at_bound = at_bound || j.failureReasons->size() == FailureReasons::constraints.max_items;
      empty_list = empty_list || j.failureReasons->empty();
    }
  }
  CHECK(statuses.size() == ingestion_job_status_count);
  CHECK(with_description);
  CHECK(without_description);
  CHECK(at_bound);
  CHECK(empty_list);
}

TEST_CASE("properties: fixtures keep every rule and their JSON texts are to_json of their values") {
  namespace fx = testing::fixtures;
  CHECK(to_json(fx::stopped_response()) == fx::stopped_response_json());
  CHECK(to_json(fx::validation_error()) == fx::validation_error_json());
  CHECK(parse<StopIngestionJobResponse>(fx::stopped_response_json()).value() == fx::stopped_response());
  CHECK(check_value(fx::stop_request()).diagnostics().empty());
  for (const StopIngestionJobResponse& r : {fx::stopping_response(), fx::stopped_response()}) {
    CHECK(check_value(r).diagnostics().empty());
    CHECK(check_status(r).diagnostics().empty());
    CHECK(check_exchange(fx::stop_request(), r).diagnostics().empty());
  }
  for (const auto& lifecycle : {fx::stopped_lifecycle(), fx::completed_lifecycle(), fx::failed_lifecycle()}) {
    job_tracker tracker({}, transition_check::direct);
    for (const IngestionJob& j : lifecycle) {
      CHECK(check_value(j).diagnostics().empty());
      CHECK(check_status(j).diagnostics().empty());
      CHECK(tracker.observe(j).diagnostics().empty());
    }
  }
  CHECK(check_value(fx::throttling_error()).diagnostics().empty());
  CHECK(check_value(fx::access_denied_error()).diagnostics().empty());
  CHECK(check_value(fx::resource_not_found_error()).diagnostics().empty());
  CHECK(check_value(fx::conflict_error()).diagnostics().empty());
  CHECK(check_value(fx::internal_server_error()).diagnostics().empty());
}

TEST_CASE("properties: the bridge reports the shrunk counterexample and the seed and an RC_PARAMS that replays it") {
  rc::detail::Configuration config;
  config.testParams.seed = 42;
  const auto property = [](int x) { RC_ASSERT(x < 100); };
  const rc_doctest::outcome failed = rc_doctest::run("bridge demo", property, 1000, config, false);
  REQUIRE_FALSE(failed.passed);
  CHECK(failed.message.find("Falsifiable") != std::string::npos);
  CHECK(failed.message.find("\n(100)\n") != std::string::npos);  // shrunk to the smallest failing value
  CHECK(failed.message.find("seed 42") != std::string::npos);
  const std::size_t at = failed.message.find("RC_PARAMS=\"");
  REQUIRE(at != std::string::npos);
  const std::size_t begin = at + 11, end = failed.message.find('"', begin);
  const std::string params = failed.message.substr(begin, end - begin);
  CHECK(rc_doctest::params_set(params, "reproduce"));

  // Replaying with that RC_PARAMS runs the failing case at once, and only for this property.
  const rc::detail::Configuration replay = rc::detail::configFromString(params);
  const rc_doctest::outcome again = rc_doctest::run("bridge demo", property, 1000, replay, false);
  REQUIRE_FALSE(again.passed);
  CHECK(again.message.find("\n(100)\n") != std::string::npos);
  CHECK(again.message.find("Falsifiable after 1 tests") != std::string::npos);
  CHECK(again.cases == 0);

  const rc_doctest::outcome passed = rc_doctest::run("bridge pass", [](int x) { RC_ASSERT(x == x); }, 250, config, false);
  CHECK(passed.passed);
  CHECK(passed.cases == 250);
  CHECK(rc_doctest::params_set("seed=1 max_success=5", "max_success"));
  CHECK_FALSE(rc_doctest::params_set("seed=1 not_max_success=5", "max_success"));
}
