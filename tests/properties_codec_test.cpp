// Properties of the JSON codec over generated values of every shape: round trips in both
// profiles, the canonical form, equivalent encodings, and the client profile's losslessness.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <boost/mp11/algorithm.hpp>
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <string>

namespace {

using namespace bedrock_agent;
using shapes = testing::operation_structs<StopIngestionJob>;

/** Inside a property: calls f(mp_identity<T>{}) for one structure T of the operation, picked
 *  per case (StopIngestionJobResponse, the document that holds all the others, one time in
 *  three). One property covers every shape in its 1000 cases. */
template <class F>
void for_a_shape(F&& f) {
  constexpr std::size_t n = boost::mp11::mp_size<shapes>::value;
  constexpr std::size_t response = boost::mp11::mp_find<shapes, StopIngestionJobResponse>::value;
  std::size_t i = *testing::detail::index(n + n / 2);
  if (i >= n) i = response;
  boost::mp11::mp_with_index<n>(i, [&](auto k) {
    using T = boost::mp11::mp_at_c<shapes, decltype(k)::value>;
    RC_LOG() << T::shape_name << "\n";
    f(boost::mp11::mp_identity<T>{});
  });
}

template <class T>
std::string shown(const result<T>& r) {
  return r.ok() ? std::string("ok") : to_string(r.error());
}

}  // namespace

TEST_CASE("properties: parse(to_json(x)) == x for every shape in both profiles") {
  rc_doctest::check("round trip", [] {
    for_a_shape([](auto type) {
      using T = typename decltype(type)::type;
      const T x = *rc::gen::arbitrary<T>();
      const std::string json = to_json(x);
      RC_LOG() << json << "\n";
      const result<T> strict = parse<T>(json);
      RC_LOG() << "contract: " << shown(strict) << "\n";
      RC_ASSERT(strict.ok());
      RC_ASSERT(strict.value() == x);
      RC_ASSERT(strict.diagnostics().empty());
      const result<T> client = parse<T>(json, parse_options::client());
      RC_LOG() << "client: " << shown(client) << "\n";
      RC_ASSERT(client.ok());
      RC_ASSERT(client.value() == x);
      RC_ASSERT(client.diagnostics().empty());
    });
  });
}

TEST_CASE("properties: to_json is canonical: to_json(parse(to_json(x))) == to_json(x) == the generator's canonical form") {
  rc_doctest::check("canonical", [] {
    for_a_shape([](auto type) {
      using T = typename decltype(type)::type;
      const T x = *rc::gen::arbitrary<T>();
      const std::string json = to_json(x);
      const result<T> back = parse<T>(json);
      RC_LOG() << json << "\n" << shown(back) << "\n";
      RC_ASSERT(back.ok());
      RC_ASSERT(to_json(back.value()) == json);
      // written independently by the generator: compact, model order, shortest exact
      // timestamps, only the escapes JSON requires
      RC_ASSERT(testing::canonical_json(x) == json);
    });
  });
}

TEST_CASE("properties: every generated encoding of x parses to x (member order/whitespace/escapes/offsets/fractions)") {
  rc_doctest::check("encodings", [] {
    for_a_shape([](auto type) {
      using T = typename decltype(type)::type;
      const T x = *rc::gen::arbitrary<T>();
      const std::string doc = *testing::encodings(x);
      RC_LOG() << "document: " << doc << "\n";
      const result<T> strict = parse<T>(doc);
      RC_LOG() << "contract: " << shown(strict) << "\n";
      RC_ASSERT(strict.ok());
      RC_ASSERT(strict.value() == x);
      const result<T> client = parse<T>(doc, parse_options::client());
      RC_ASSERT(client.ok());
      RC_ASSERT(client.value() == x);
      const auto report = validate<T>(doc);
      RC_ASSERT(report.diagnostics().empty());
    });
  });
}

TEST_CASE("properties: client profile ignores unknown members and reads null as absent without losing anything") {
  rc_doctest::check("client extras", [] {
    for_a_shape([](auto type) {
      using T = typename decltype(type)::type;
      const T x = *rc::gen::arbitrary<T>();
      const std::string doc = *testing::client_encodings(x);
      RC_LOG() << "document: " << doc << "\n";
      const result<T> client = parse<T>(doc, parse_options::client());
      RC_LOG() << "client: " << shown(client) << "\n";
      RC_ASSERT(client.ok());
      RC_ASSERT(client.value() == x);
      RC_ASSERT(client.diagnostics().empty());
      RC_ASSERT(to_json(client.value()) == to_json(x));
    });
  });
}

TEST_CASE("properties: client profile keeps an unknown status verbatim through parse and to_json") {
  rc_doctest::check("unknown status survives", [](StopIngestionJobResponse x) {
    x.ingestionJob.status = *testing::unknown_enum_value<IngestionJobStatus>();
    const std::string json = to_json(x);
    const std::string doc = *testing::encodings(x);
    RC_LOG() << json << "\n" << doc << "\n";
    for (const std::string& text : {json, doc}) {
      const result<StopIngestionJobResponse> r = parse<StopIngestionJobResponse>(text, parse_options::client());
      RC_LOG() << shown(r) << "\n";
      RC_ASSERT(r.ok());
      RC_ASSERT(r.value() == x);
      RC_ASSERT(!r.value().ingestionJob.status.is_known());
      RC_ASSERT(r.value().ingestionJob.status.wire_name() == x.ingestionJob.status.wire_name());
      RC_ASSERT(to_json(r.value()) == json);
      // exactly one finding: the warning that says the value is not in the model
      RC_ASSERT(r.diagnostics().size() == 1u);
      RC_ASSERT(r.diagnostics()[0].id == rules::constraint_enum);
      RC_ASSERT(r.diagnostics()[0].level == severity::warning);
      RC_ASSERT(r.diagnostics()[0].pointer == std::string("/ingestionJob/status"));
    }
    // the contract profile rejects it, at the same place
    const result<StopIngestionJobResponse> strict = parse<StopIngestionJobResponse>(json);
    RC_ASSERT(!strict.ok());
    RC_ASSERT(strict.error().id == rules::constraint_enum);
    RC_ASSERT(strict.error().pointer == std::string("/ingestionJob/status"));
  });
}
