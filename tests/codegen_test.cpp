// The generated model/shapes.hpp against the model JSON it was generated from (the
// repository's copy, codegen/bedrock-agent-ingestion-jobs.model.json): every structure's members
// in order with their presence and binding, every enum's values, every constraint. The
// generator's output is checked byte for byte by ctest codegen.up-to-date; this checks that
// what it writes means what the model says, in the compiler's own terms.
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/testing/mutations.hpp>  // operation_structs

#include <doctest/doctest.h>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <simdjson.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace bedrock_agent;

namespace {

simdjson::dom::element model_shapes() {
  static simdjson::dom::parser parser;
  static const simdjson::dom::element model = parser.load(BEDROCK_AGENT_MODEL_JSON);
  return model["shapes"];
}

simdjson::dom::object shape(std::string_view name) {
  simdjson::dom::object o;
  REQUIRE_MESSAGE(model_shapes()[name].get(o) == simdjson::SUCCESS, name);
  return o;
}

template <class T>
void check_structure() {
  const std::string_view name = T::shape_name;
  INFO(name);
  const simdjson::dom::object s = shape(name);
  std::set<std::string_view> required;
  simdjson::dom::array req;
  if (s["required"].get(req) == simdjson::SUCCESS) {
    for (auto r : req) required.insert(std::string_view(r));
  }
  std::vector<std::string_view> model_members;
  for (auto field : simdjson::dom::object(s["members"])) model_members.push_back(field.key);
  std::vector<std::string_view> described;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto d) { described.push_back(d.name); });
  CHECK(described == model_members);
  const auto& table = member_table<T>::members;
  REQUIRE(table.size() == model_members.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const simdjson::dom::object m = s["members"][model_members[i]];
    const std::string_view target = m["shape"];
    std::string_view location;
    const bool bound = m["location"].get(location) == simdjson::SUCCESS;
    INFO(model_members[i]);
    const member_presence expected = required.count(model_members[i]) ? member_presence::required
                                     : target == "PrimitiveLong"       ? member_presence::defaulted
                                                                       : member_presence::optional;
    CHECK(table[i].presence == expected);
    CHECK(table[i].binding == (!bound ? member_binding::body : location == "uri" ? member_binding::label : member_binding::query));
  }
  bool exception = false;
  if (s["exception"].get(exception) != simdjson::SUCCESS) exception = false;
  if constexpr (is_error_shape<T>::value) {
    CHECK(exception);
    CHECK(T::http_status == std::int64_t(s["error"]["httpStatusCode"]));
    bool fault = false;
    if (s["fault"].get(fault) != simdjson::SUCCESS) fault = false;
    CHECK((T::fault == error_fault::server) == fault);
  } else {
    CHECK(!exception);
  }
}

template <class E>
void check_enum() {
  INFO(shape_info<E>::shape_name);
  std::vector<std::string_view> model_values;
  for (auto v : simdjson::dom::array(shape(shape_info<E>::shape_name)["enum"])) model_values.push_back(std::string_view(v));
  std::vector<std::string_view> described;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { described.push_back(d.name); });
  CHECK(described == model_values);
}

template <class S>
void check_bounds(std::size_t lo, std::size_t hi) {
  INFO(S::shape_name);
  const simdjson::dom::object s = shape(S::shape_name);
  std::uint64_t v = 0;
  CHECK(lo == (s["min"].get(v) == simdjson::SUCCESS ? v : 0));
  CHECK(hi == (s["max"].get(v) == simdjson::SUCCESS ? v : unbounded));
}

template <class S>
void check_string() {
  constexpr string_constraints c = S::constraints;
  check_bounds<S>(c.min_length, c.max_length);
  std::string_view pattern;
  if (shape(S::shape_name)["pattern"].get(pattern) == simdjson::SUCCESS) {
    CHECK((c.pattern.text == "^" + std::string(pattern) + "$" || c.pattern.text == pattern));
  } else {
    CHECK(c.pattern.text.empty());
  }
}

using all_structs = boost::mp11::mp_unique<boost::mp11::mp_append<
    testing::operation_structs<StartIngestionJob>, testing::operation_structs<GetIngestionJob>,
    testing::operation_structs<ListIngestionJobs>, testing::operation_structs<StopIngestionJob>>>;

}  // namespace

TEST_CASE("codegen: every structure's members, presence, bindings and error traits are the model's") {
  std::size_t n = 0;
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, all_structs>>([&](auto type) {
    check_structure<typename decltype(type)::type>();
    ++n;
  });
  std::size_t model_structures = 0;
  for (auto field : simdjson::dom::object(model_shapes())) model_structures += std::string_view(field.value["type"]) == "structure";
  CHECK(n == model_structures);
}

TEST_CASE("codegen: every enum's values, every constraint are the model's") {
  check_enum<IngestionJobStatus>();
  check_enum<IngestionJobFilterAttribute>();
  check_enum<IngestionJobFilterOperator>();
  check_enum<IngestionJobSortByAttribute>();
  check_enum<SortOrder>();
  check_string<Id>();
  check_string<ClientToken>();
  check_string<Description>();
  check_string<FailureReason>();
  check_string<NonBlankString>();
  check_string<IngestionJobFilterValue>();
  check_string<NextToken>();
  check_bounds<FailureReasons>(constraints_of_v<FailureReasons>.min_items, constraints_of_v<FailureReasons>.max_items);
  check_bounds<IngestionJobFilterValues>(constraints_of_v<IngestionJobFilterValues>.min_items,
                                         constraints_of_v<IngestionJobFilterValues>.max_items);
  check_bounds<IngestionJobFilters>(constraints_of_v<IngestionJobFilters>.min_items,
                                    constraints_of_v<IngestionJobFilters>.max_items);
  check_bounds<IngestionJobSummaries>(0, unbounded);
  check_bounds<ValidationExceptionFieldList>(0, unbounded);
  const simdjson::dom::object max_results = shape("MaxResults");
  CHECK(constraints_of_v<MaxResults>.min == std::int64_t(max_results["min"]));
  CHECK(constraints_of_v<MaxResults>.max == std::int64_t(max_results["max"]));
  CHECK(bool(max_results["box"]));
  CHECK(std::string_view(shape("PrimitiveLong")["type"]) == "long");
  CHECK(std::string_view(shape("DateTimestamp")["timestampFormat"]) == "iso8601");
  // 41 shapes: the structures above, 5 enums, 7 strings, 1 integer, 1 long, 1 timestamp, 5 lists
  CHECK(simdjson::dom::object(model_shapes()).size() == 41);
}
