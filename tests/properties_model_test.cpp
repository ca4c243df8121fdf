// Properties of the shapes of StartIngestionJob, GetIngestionJob and ListIngestionJobs: every
// generated value of each of their structures passes check_value and round-trips through
// to_json and parse in both profiles; every generated ClientToken matches its pattern.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <boost/mp11/algorithm.hpp>
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <string>

namespace {

using namespace bedrock_agent;
/// The structures of the three operations that StopIngestionJob's do not hold already.
using shapes = boost::mp11::mp_unique<boost::mp11::mp_append<
    testing::operation_structs<StartIngestionJob>, testing::operation_structs<GetIngestionJob>,
    testing::operation_structs<ListIngestionJobs>>>;

template <class T>
void round_trips(const T& x) {
  const result<void> checked = check_value(x);
  RC_LOG() << (checked.diagnostics().empty() ? std::string("checked") : to_string(checked.diagnostics().front())) << "\n";
  RC_ASSERT(checked.ok());
  RC_ASSERT(checked.diagnostics().empty());
  const std::string json = to_json(x);
  RC_LOG() << json << "\n";
  const result<T> strict = parse<T>(json);
  RC_LOG() << "contract: " << (strict.ok() ? std::string("ok") : to_string(strict.error())) << "\n";
  RC_ASSERT(strict.ok());
  RC_ASSERT(strict.value() == x);
  RC_ASSERT(strict.diagnostics().empty());
  const result<T> client = parse<T>(json, parse_options::client());
  RC_ASSERT(client.ok());
  RC_ASSERT(client.value() == x);
}

}  // namespace

/** Inside a property: one structure T of Start, Get or List, picked per case, and a value of
 *  it from `complete` (every optional member present, lists non-empty) or arbitrary<T>(). */
void a_new_shape_round_trips(bool complete) {
  constexpr std::size_t n = boost::mp11::mp_size<shapes>::value;
  boost::mp11::mp_with_index<n>(*testing::detail::index(n), [complete](auto k) {
    using T = boost::mp11::mp_at_c<shapes, decltype(k)::value>;
    RC_LOG() << T::shape_name << "\n";
    round_trips(complete ? *testing::complete<T>() : *rc::gen::arbitrary<T>());
  });
}

TEST_CASE("properties: every generated structure of Start, Get and List passes check_value and round-trips") {
  rc_doctest::check("new shapes round trip", [] { a_new_shape_round_trips(false); });
}

TEST_CASE("properties: complete values (every optional member, non-empty lists) of Start, Get and List round-trip") {
  rc_doctest::check("complete new shapes round trip", [] { a_new_shape_round_trips(true); });
}

TEST_CASE("properties: generated ClientTokens, MaxResults, NextTokens and filter values are valid leaves") {
  rc_doctest::check("new leaves", [] {
    StartIngestionJobRequest start{"KB12345678", "DS12345678", *rc::gen::arbitrary<ClientToken>(), std::nullopt};
    RC_LOG() << *start.clientToken << "\n";
    RC_ASSERT(check_value(start).diagnostics().empty());
    ListIngestionJobsRequest list{"KB12345678", "DS12345678", std::nullopt, std::nullopt,
                                  *rc::gen::arbitrary<MaxResults>(), *rc::gen::arbitrary<NextToken>()};
    RC_ASSERT(check_value(list).diagnostics().empty());
    RC_ASSERT(*list.maxResults >= 1 && *list.maxResults <= 1000);
  });
}
