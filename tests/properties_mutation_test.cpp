// Property 4: every single-rule mutation of a valid document fails the fail-fast parse, and
// validate() reports that rule at that pointer and offset, and no other error. One TEST_CASE
// per rule, over every structure of the operation that can break it.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <boost/mp11/algorithm.hpp>
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace bedrock_agent;

/** The mutation property of rule `r`: 1000 documents, each of a structure picked among those
 *  that can break `r`; each must fail the fail-fast parse with exactly the expected finding,
 *  and validate() must report it and no other error. */
template <class Op = StopIngestionJob>
void mutation_property(rule r) {
  const rc::Gen<testing::mutation> mutations = testing::operation_mutations<Op>(r);
  rc_doctest::check(std::string(rule_id(r)), [&mutations] {
    const testing::mutation m = *mutations;
    RC_LOG() << m << "\n";
    const testing::mutation_verdict v = testing::judge<Op>(m);
    for (const diagnostic& d : v.report.diagnostics()) RC_LOG() << "  validate: " << d << " (offset " << d.offset << ")\n";
    RC_LOG() << "  parse: " << (v.parse_error ? to_string(*v.parse_error) : std::string("ok")) << "\n";
    RC_ASSERT(v.parse_error.has_value());
    RC_ASSERT(m.matches(*v.parse_error));
    RC_ASSERT(v.report.error_count() == 1u);  // nothing at error level the mutation did not cause
    RC_ASSERT(v.as_expected(m));
  });
}

}  // namespace

#define BEDROCK_AGENT_MUTATION_PROPERTY(rule_enum, id)                                                    \
  TEST_CASE("properties: a document breaking only " id " is reported as " id " at its pointer") {        \
    REQUIRE(rule_id(rules::rule_enum) == id);                                                             \
    mutation_property(rules::rule_enum);                                                                  \
  }

// The same property over the structures of another operation: the rules its new leaves
// (MaxResults, NextToken, IngestionJobFilterValue, ClientToken) and lists can break.
#define BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(op, rule_enum, id)                                         \
  TEST_CASE("properties: a " #op " document breaking only " id " is reported as " id " at its pointer") { \
    REQUIRE(rule_id(rules::rule_enum) == id);                                                               \
    mutation_property<op>(rules::rule_enum);                                                                \
  }

BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, constraint_range, "constraint.range")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, long_not_integer, "long.not-integer")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, long_out_of_range, "long.out-of-range")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, constraint_pattern, "constraint.pattern")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, constraint_length, "constraint.length")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(ListIngestionJobs, constraint_list_length, "constraint.list-length")
BEDROCK_AGENT_OPERATION_MUTATION_PROPERTY(StartIngestionJob, constraint_length, "constraint.length")

BEDROCK_AGENT_MUTATION_PROPERTY(json_syntax, "json.syntax")
BEDROCK_AGENT_MUTATION_PROPERTY(json_invalid_utf8, "json.utf8")
BEDROCK_AGENT_MUTATION_PROPERTY(json_invalid_escape, "json.escape")
BEDROCK_AGENT_MUTATION_PROPERTY(json_unpaired_surrogate, "json.surrogate")
BEDROCK_AGENT_MUTATION_PROPERTY(json_control_character, "json.control-character")
BEDROCK_AGENT_MUTATION_PROPERTY(json_invalid_number, "json.number")
BEDROCK_AGENT_MUTATION_PROPERTY(json_invalid_literal, "json.literal")
BEDROCK_AGENT_MUTATION_PROPERTY(json_trailing_content, "json.trailing-content")
BEDROCK_AGENT_MUTATION_PROPERTY(json_root_not_object, "json.root-not-object")
BEDROCK_AGENT_MUTATION_PROPERTY(json_duplicate_member, "json.duplicate-member")
BEDROCK_AGENT_MUTATION_PROPERTY(limit_input_size, "limit.input-size")
BEDROCK_AGENT_MUTATION_PROPERTY(limit_depth, "limit.depth")
BEDROCK_AGENT_MUTATION_PROPERTY(shape_missing_member, "shape.missing-member")
BEDROCK_AGENT_MUTATION_PROPERTY(shape_unknown_member, "shape.unknown-member")
BEDROCK_AGENT_MUTATION_PROPERTY(shape_wrong_type, "shape.wrong-type")
BEDROCK_AGENT_MUTATION_PROPERTY(shape_null, "shape.null")
BEDROCK_AGENT_MUTATION_PROPERTY(long_not_integer, "long.not-integer")
BEDROCK_AGENT_MUTATION_PROPERTY(long_out_of_range, "long.out-of-range")
BEDROCK_AGENT_MUTATION_PROPERTY(constraint_length, "constraint.length")
BEDROCK_AGENT_MUTATION_PROPERTY(constraint_pattern, "constraint.pattern")
BEDROCK_AGENT_MUTATION_PROPERTY(constraint_list_length, "constraint.list-length")
BEDROCK_AGENT_MUTATION_PROPERTY(constraint_enum, "constraint.enum")
BEDROCK_AGENT_MUTATION_PROPERTY(time_invalid, "time.invalid")
BEDROCK_AGENT_MUTATION_PROPERTY(semantic_negative_counter, "semantic.negative-counter")

TEST_CASE("properties: every rule a document can break has a mutation generator") {
  std::vector<rule> covered;  // over every operation of the model
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, operations>>([&](auto op) {
    for (rule r : testing::operation_breakable_rules<typename decltype(op)::type>()) covered.push_back(r);
  });
  // Every rule whose source is JSON syntax, a resource bound, the model or the document's
  // semantics, except limit.diagnostics (a property of validate(), not of a document).
  for (rule r : registered_rules()) {
    if (rule_id(r).substr(0, 5) == "test.") continue;  // tests/rules_test.cpp's own module
    if (rule_id(r).substr(0, 6) == "input.") continue;  // the validator's, about files (docs/rules.md)
    const rule_source src = rule_info(r).source;
    const bool document_rule = src == rule_source::json_syntax || src == rule_source::resource_bound ||
                               src == rule_source::model || (src == rule_source::semantic && r == rules::semantic_negative_counter);
    if (!document_rule || r == rules::limit_diagnostics) continue;
    CHECK_MESSAGE(std::find(covered.begin(), covered.end(), r) != covered.end(), rule_id(r) << " has no mutation");
  }
}
