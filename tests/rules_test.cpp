// The rule registry: rules are data that each module registers; rule_set and the options
// apply to any number of them, in one place (finding_severity, through diagnostic_sink).
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <doctest/doctest.h>

#include <string>
#include <system_error>
#include <vector>

namespace ba = bedrock_agent;

namespace {
namespace data {
inline constexpr ba::rule_description extra_one{"test.extra-one", ba::rule_source::semantic, false,
                                                ba::severity::error, "a test rule"};
inline constexpr ba::rule_description extra_two{"test.extra-two", ba::rule_source::model, false,
                                                ba::severity::error, "a test constraint", false, true};
inline constexpr ba::rule_description clash{"json.syntax", ba::rule_source::semantic, false,
                                            ba::severity::warning, "an id already taken"};
inline constexpr ba::rule_description late{"test.late", ba::rule_source::semantic, false, ba::severity::warning,
                                           "registered by the test itself"};
}  // namespace data
inline constexpr ba::rule extra_one{data::extra_one};
inline constexpr ba::rule extra_two{data::extra_two};
inline constexpr ba::rule clash{data::clash};
inline constexpr ba::rule late{data::late};
const bool extras_registered = ba::register_rules(900, {extra_one, extra_two});

std::vector<std::string> ids(const std::vector<ba::rule>& rs) {
  std::vector<std::string> out;
  for (ba::rule r : rs) out.emplace_back(ba::rule_id(r));
  return out;
}
}  // namespace

// constraint.range (issue 15) lists with the codec's constraints, so the rules after it moved by
// one (SARIF rule indexes, error_code values); every other rule keeps its place. Rules added
// since list after all of these: the lifecycle rules of Start, Get and List (at the end of
// order 400), then the binding's body rules (order 500).
TEST_CASE("rules: the library's rules list in the order they always had (SARIF rule indexes)") {
  const std::vector<std::string> library{
      "json.syntax", "json.utf8", "json.escape", "json.surrogate", "json.control-character", "json.number",
      "json.literal", "json.trailing-content", "json.root-not-object", "json.duplicate-member",
      "limit.input-size", "limit.depth", "limit.diagnostics", "shape.missing-member", "shape.unknown-member",
      "shape.wrong-type", "shape.null", "long.not-integer", "long.out-of-range", "constraint.length",
      "constraint.pattern", "constraint.list-length", "constraint.range", "constraint.enum", "time.invalid",
      "semantic.negative-counter", "http.method", "http.path-literal", "http.path-missing-segment",
      "http.path-extra-segment", "http.path-empty-label", "http.percent-encoding", "http.encoded-slash",
      "error.unknown-type", "error.missing-type", "error.status-mismatch", "error.success-status",
      "error.type-disagreement", "status.time-order", "status.stop-state", "status.reasons-without-failure",
      "status.failure-without-reasons", "exchange.id-mismatch", "exchange.status-shape", "sequence.transition",
      "sequence.started-at-changed", "sequence.updated-at-decreased", "sequence.scanned-decreased",
      "status.start-state", "status.start-counters", "status.start-times", "list.max-results", "list.sort-order",
      "sequence.stop-after-terminal", "http.trailing-slash", "http.label-in-body"};
  std::vector<std::string> all = ids(ba::registered_rules());
  REQUIRE(all.size() >= library.size());
  all.resize(library.size());
  CHECK(all == library);
  for (std::size_t i = 0; i < library.size(); ++i) CHECK(ba::rule_index(ba::registered_rules()[i]) == i);
}

TEST_CASE("rules: a module registers its own rules; they list after the library's, by order") {
  REQUIRE(extras_registered);
  const std::vector<ba::rule> all = ba::registered_rules();
  const auto one = ba::rule_index(extra_one), two = ba::rule_index(extra_two);
  CHECK(one + 1 == two);
  CHECK(one > ba::rule_index(ba::rules::sequence_stop_after_terminal));
  ba::rule found;
  CHECK(ba::rule_from_id("test.extra-two", found));
  CHECK(found == extra_two);
  CHECK_FALSE(ba::rule_from_id("test.nowhere", found));
  // Registering again is harmless; an id taken by another description is refused whole.
  CHECK(ba::register_rules(900, {extra_one}));
  CHECK(ba::registered_rules().size() == all.size());
  CHECK_FALSE(ba::register_rules(950, {late, clash}));
  CHECK(ba::registered_rules().size() == all.size());
  CHECK_FALSE(ba::rule_from_id("test.late", found));
  CHECK_FALSE(ba::register_rules(950, {late, late}) );
  CHECK_FALSE(ba::register_rules(950, {ba::rule{}}));
  // A lower order lists before a higher one, whenever it registers.
  CHECK(ba::register_rules(850, {late}));
  CHECK(ba::rule_index(late) < ba::rule_index(extra_one));
  CHECK(ba::rule_index(late) > ba::rule_index(ba::rules::sequence_stop_after_terminal));
}

TEST_CASE("rules: rule_set holds any number of rules") {
  ba::rule_set set;
  const std::vector<ba::rule> all = ba::registered_rules();
  REQUIRE(all.size() > 48);
  for (ba::rule r : all) set.insert(r);
  for (ba::rule r : all) CHECK(set.contains(r));
  set.erase(ba::rules::json_duplicate_member);
  CHECK_FALSE(set.contains(ba::rules::json_duplicate_member));
  CHECK(set.contains(extra_two));
  set.insert(extra_two);  // once
  set.erase(extra_two);
  CHECK_FALSE(set.contains(extra_two));
}

TEST_CASE("rules: finding_severity applies disabled and constraints_as_warnings to every module alike") {
  ba::parse_options o;
  CHECK(ba::finding_severity(extra_two, o) == ba::severity::error);
  CHECK(ba::finding_severity(ba::rules::status_stop_state, o) == ba::severity::warning);
  o.constraints_as_warnings = true;
  CHECK(ba::finding_severity(extra_two, o) == ba::severity::warning);            // a constraint
  CHECK(ba::finding_severity(ba::rules::constraint_length, o) == ba::severity::warning);
  CHECK(ba::finding_severity(extra_one, o) == ba::severity::error);              // not one
  CHECK(ba::finding_severity(ba::rules::status_time_order, o) == ba::severity::error);
  o.disabled.insert(extra_one);
  o.disabled.insert(ba::rules::http_method);
  o.disabled.insert(ba::rules::json_syntax);        // fatal: stays
  o.disabled.insert(ba::rules::shape_missing_member);  // refuses a value: stays
  CHECK_FALSE(ba::finding_severity(extra_one, o));
  CHECK_FALSE(ba::finding_severity(ba::rules::http_method, o));
  CHECK(ba::finding_severity(ba::rules::json_syntax, o) == ba::severity::error);
  CHECK(ba::finding_severity(ba::rules::shape_missing_member, o) == ba::severity::error);
}

TEST_CASE("rules: the sink counts every finding, keeps up to its bound, and builds text only for kept ones") {
  ba::parse_options o;
  o.max_diagnostics = 2;
  o.disabled.insert(extra_one);
  std::vector<ba::diagnostic> out;
  ba::diagnostic_sink sink(out, o);
  int built = 0;
  const auto fill = [&](ba::diagnostic& d) {
    ++built;
    d.message = "finding " + std::to_string(built);
  };
  CHECK_FALSE(sink.add(extra_one, fill));  // disabled: not counted, not built
  CHECK(sink.add(extra_two, fill) == ba::severity::error);
  CHECK(sink.add(ba::rules::status_stop_state, fill) == ba::severity::warning);
  CHECK(sink.add(extra_two, fill) == ba::severity::error);  // beyond max_diagnostics: counted only
  CHECK(sink.add(extra_two, fill, ba::severity::warning) == ba::severity::warning);  // a case's own level
  CHECK(built == 2);
  CHECK(sink.errors() == 2);
  CHECK(sink.warnings() == 2);
  CHECK(sink.suppressed() == 2);
  CHECK(sink.truncated());
  sink.finish();
  REQUIRE(out.size() == 3);
  CHECK(out[0].id == extra_two);
  CHECK(out[0].level == ba::severity::error);
  CHECK(out[0].message == "finding 1");
  CHECK(out[1].id == ba::rules::status_stop_state);
  CHECK(out[1].level == ba::severity::warning);
  CHECK(out[2].id == ba::rules::limit_diagnostics);
  CHECK(out[2].message == "2 more diagnostics were found but not kept (max_diagnostics is 2)");

  std::vector<ba::diagnostic> unbounded;
  ba::diagnostic_sink all(unbounded, o, ba::diagnostic_sink::bound::none);
  all.count_warnings_only(true);
  for (int i = 0; i < 5; ++i) {
    all.add(extra_two, fill);
    all.add(ba::rules::status_stop_state, fill);  // counted, never built
  }
  CHECK(built == 7);
  CHECK(unbounded.size() == 5);
  CHECK(all.warnings() == 5);
  CHECK_FALSE(all.truncated());
}

TEST_CASE("rules: the codec builds no message for a finding it drops") {
  // Eight unknown members and a bad enum: with the rules disabled, or with max_diagnostics 1,
  // the same counts; the messages kept are the first ones, word for word.
  const std::string doc = R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
                          R"("ingestionJobId":"IJ12345678","status":"weird","startedAt":"2024-03-14T09:26:53Z",)"
                          R"("updatedAt":"2024-03-14T09:26:53Z","a":1,"b":2,"c":3}})";
  const auto all = ba::validate<ba::StopIngestionJobResponse>(doc);
  REQUIRE(all.diagnostics().size() == 4);
  ba::parse_options one;
  one.max_diagnostics = 1;
  const auto first = ba::validate<ba::StopIngestionJobResponse>(doc, one);
  CHECK(first.error_count() == all.error_count());
  CHECK(first.truncated());
  REQUIRE(first.diagnostics().size() == 2);
  CHECK(first.diagnostics()[0].message == all.diagnostics()[0].message);
  CHECK(first.diagnostics()[0].line == all.diagnostics()[0].line);
  CHECK(first.diagnostics()[0].column == all.diagnostics()[0].column);
  ba::parse_options off;
  off.disabled.insert(ba::rules::shape_unknown_member);
  const auto rest = ba::validate<ba::StopIngestionJobResponse>(doc, off);
  REQUIRE(rest.diagnostics().size() == 1);
  CHECK(rest.diagnostics()[0].id == ba::rules::constraint_enum);
  CHECK(rest.diagnostics()[0].message == all.diagnostics()[0].message);
}

TEST_CASE("rules: std::error_code carries the rule's index and says its id") {
  const std::error_code ec = ba::rules::constraint_enum;
  CHECK(ec.category() == ba::rule_category());
  CHECK(static_cast<std::size_t>(ec.value()) == ba::rule_index(ba::rules::constraint_enum));
  CHECK(ec.message() == "constraint.enum: a string not among the enum's values");
  const std::error_code mine = extra_one;
  CHECK(mine.message() == "test.extra-one: a test rule");
  CHECK(ba::rule_category().message(-1) == "unknown bedrock_agent rule");
}

TEST_CASE("rules: a rule is a handle: compared by identity, default names none") {
  constexpr ba::rule none;
  static_assert(none.empty());
  static_assert(ba::rules::json_syntax == ba::rules::json_syntax);
  static_assert(ba::rules::json_syntax != ba::rules::json_duplicate_member);
  static_assert(ba::rule_id(ba::rules::limit_depth) == "limit.depth");
  static_assert(!ba::rule_can_be_disabled(ba::rules::time_invalid));
  static_assert(ba::rule_can_be_disabled(ba::rules::constraint_enum));
  CHECK(ba::rule_id(none) == "");
  // Same id, other description: a different rule (the registry refuses to list both).
  CHECK(clash != ba::rules::json_syntax);
}
