// The one result type: result<T> (a value or none, and every finding), result<void> (the
// findings), and response_result<V> (result<V> plus a response's kind and error type). Checked
// here at compile time, then on the results of every entry point.
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace {
using namespace bedrock_agent;

/// The findings every result has, all noexcept, with these exact types.
template <class R>
constexpr bool has_findings() {
  static_assert(std::is_same_v<decltype(std::declval<const R&>().ok()), bool>);
  static_assert(noexcept(std::declval<const R&>().ok()));
  static_assert(std::is_constructible_v<bool, const R&> && !std::is_convertible_v<const R&, bool>);
  static_assert(noexcept(static_cast<bool>(std::declval<const R&>())));
  static_assert(std::is_same_v<decltype(std::declval<const R&>().diagnostics()), const std::vector<diagnostic>&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().error()), const diagnostic&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().error_count()), std::size_t>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().warning_count()), std::size_t>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().truncated()), bool>);
  static_assert(noexcept(std::declval<const R&>().diagnostics()) && noexcept(std::declval<const R&>().error()) &&
                noexcept(std::declval<const R&>().error_count()) &&
                noexcept(std::declval<const R&>().warning_count()) && noexcept(std::declval<const R&>().truncated()));
  // Value semantics: default-constructible (ok, no value), copyable, movable without throwing.
  static_assert(std::is_default_constructible_v<R> && std::is_copy_constructible_v<R> && std::is_copy_assignable_v<R>);
  static_assert(std::is_nothrow_move_constructible_v<R> && std::is_nothrow_move_assignable_v<R>);
  static_assert(!std::is_aggregate_v<R> && !std::is_polymorphic_v<R>);
  // Every result is a result<void>: what reads findings takes any of them.
  static_assert(std::is_convertible_v<const R&, const result<void>&>);
  return true;
}

/// The value part of result<T>: has_value(), value() on each value category, operator*,
/// operator->, value_or().
template <class R, class T>
constexpr bool has_value_part() {
  static_assert(has_findings<R>());
  static_assert(std::is_same_v<decltype(std::declval<const R&>().has_value()), bool>);
  static_assert(std::is_same_v<decltype(std::declval<R&>().value()), T&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().value()), const T&>);
  static_assert(std::is_same_v<decltype(std::declval<R&&>().value()), T&&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&&>().value()), const T&>);
  static_assert(noexcept(std::declval<R&>().value()) && noexcept(std::declval<const R&>().value()) &&
                noexcept(std::declval<R&&>().value()));
  static_assert(std::is_same_v<decltype(*std::declval<R&>()), T&>);
  static_assert(std::is_same_v<decltype(*std::declval<const R&>()), const T&>);
  static_assert(std::is_same_v<decltype(*std::declval<R&&>()), T&&>);
  static_assert(std::is_same_v<decltype(std::declval<R&>().operator->()), T*>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().operator->()), const T*>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().value_or(std::declval<T>())), T>);
  return true;
}

using response = StopIngestionJobResponse;
using request = StopIngestionJobRequest;
using error_result = error_response_result<StopIngestionJob>;
using classified = decltype(classify_response<StopIngestionJob>(0, {}, ""));

static_assert(has_findings<result<void>>());
static_assert(has_value_part<result<response>, response>());
static_assert(has_value_part<result<request>, request>());
static_assert(has_value_part<error_result, error_variant_t<StopIngestionJob>>());
static_assert(has_value_part<classified, response_variant_t<StopIngestionJob>>());
static_assert(std::is_same_v<classified, response_result<std::variant<response, error_variant_t<StopIngestionJob>>>>);

// One result type for every entry point.
static_assert(std::is_same_v<decltype(parse<response>("")), result<response>>);
static_assert(std::is_same_v<decltype(validate<response>("")), result<void>>);
static_assert(std::is_same_v<decltype(parse_into("", std::declval<response&>())), result<void>>);
static_assert(std::is_same_v<decltype(check_value(std::declval<const response&>())), result<void>>);
static_assert(std::is_same_v<decltype(parse_request<StopIngestionJob>("", "")), result<request>>);
static_assert(std::is_same_v<decltype(parse_error_response<StopIngestionJob>(0, {}, "")), error_result>);
static_assert(std::is_same_v<decltype(check_status(std::declval<const response&>())), result<void>>);
static_assert(std::is_same_v<decltype(check_status(std::declval<const IngestionJob&>())), result<void>>);
static_assert(
    std::is_same_v<decltype(check_exchange(std::declval<const request&>(), std::declval<const response&>())),
                   result<void>>);

// response_result adds the kind and the error type, nothing else of the value's.
static_assert(std::is_same_v<decltype(std::declval<const error_result&>().type()), const error_type&>);
static_assert(std::is_same_v<decltype(std::declval<const classified&>().kind()), response_kind>);
static_assert(std::is_base_of_v<result<error_variant_t<StopIngestionJob>>, error_result>);

const std::string good_request =
    R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})";

}  // namespace

TEST_CASE("result: a value, with no finding and no allocation") {
  const result<request> good = parse<request>(good_request);
  REQUIRE(good.ok());
  CHECK(good.has_value());
  CHECK(static_cast<bool>(good));
  CHECK(good->dataSourceId == "DS12345678");
  CHECK((*good).knowledgeBaseId == "KB12345678");
  CHECK(good.value().knowledgeBaseId == "KB12345678");
  CHECK(good.diagnostics().empty());
  CHECK(good.diagnostics().capacity() == 0);  // nothing found: nothing allocated for findings
  CHECK(good.error_count() == 0);
  CHECK(good.warning_count() == 0);
  CHECK(!good.truncated());
  CHECK(good.value_or(request{}).ingestionJobId == "IJ12345678");
  result<request> moved = good;
  const request taken = std::move(moved).value();
  CHECK(taken.ingestionJobId == "IJ12345678");
  const result<void>& findings = good;  // any result is its findings
  CHECK(findings.ok());
}

TEST_CASE("result: parse is fail-fast, the warnings first and then the error") {
  const result<request> bad = parse<request>(R"({"knowledgeBaseId":"KB1"})");
  CHECK(!bad.ok());
  CHECK(!bad.has_value());
  CHECK(!static_cast<bool>(bad));
  REQUIRE(bad.diagnostics().size() == 1);
  CHECK(&bad.error() == &bad.diagnostics()[0]);
  CHECK(bad.error_count() == 1);
  CHECK(bad.value_or(request{}).knowledgeBaseId.empty());

  // the client profile turns a constraint into a warning; the missing member stays an error
  const auto mixed = parse<request>(R"({"knowledgeBaseId":"KB1","dataSourceId":"DS12345678"})",
                                    parse_options::client());
  REQUIRE(!mixed.ok());
  REQUIRE(mixed.diagnostics().size() == 2);
  CHECK(mixed.diagnostics()[0].level == severity::warning);
  CHECK(mixed.diagnostics()[0].id == rules::constraint_pattern);
  CHECK(&mixed.error() == &mixed.diagnostics()[1]);
  CHECK(mixed.error().id == rules::shape_missing_member);
  CHECK(mixed.error_count() == 1);
  CHECK(mixed.warning_count() == 1);

  // parse_into says the same, without a value of its own
  request out;
  const result<void> into = parse_into(R"({"knowledgeBaseId":"KB1","dataSourceId":"DS12345678"})", out,
                                       parse_options::client());
  CHECK(!into.ok());
  REQUIRE(into.diagnostics().size() == 2);
  CHECK(into.error().id == rules::shape_missing_member);
  CHECK(into.warning_count() == 1);
}

TEST_CASE("result: validate gives every finding, validate_into the value too") {
  const auto all = validate<request>(R"({"knowledgeBaseId":"KB1","dataSourceId":"DS1"})");
  CHECK(!all.ok());
  CHECK(all.error_count() == 3);  // two patterns and the missing ingestionJobId
  CHECK(all.diagnostics().size() == 3);
  CHECK(all.error().id == rules::constraint_pattern);
  CHECK(all.error().pointer == "/knowledgeBaseId");

  request kept;
  result<void> report;
  REQUIRE(validate_into(R"({"knowledgeBaseId":"KB1","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})",
                        kept, report, parse_options::client()));
  CHECK(report.ok());
  CHECK(kept.knowledgeBaseId == "KB1");
  CHECK(report.warning_count() == 1);
  CHECK(report.diagnostics().size() == 1);

  parse_options few;
  few.max_diagnostics = 1;
  const auto cut = validate<request>("{}", few);
  CHECK(!cut.ok());
  CHECK(cut.truncated());
  CHECK(cut.error_count() == 3);
  REQUIRE(cut.diagnostics().size() == 2);
  CHECK(cut.diagnostics().back().id == rules::limit_diagnostics);
  CHECK(cut.error().id == rules::shape_missing_member);
}

TEST_CASE("result: drain hands every finding over and keeps the storage for the next read") {
  request kept;
  result<void> report;
  const std::string bad = R"({"knowledgeBaseId":"KB1","dataSourceId":"DS1"})";
  REQUIRE(!validate_into(bad, kept, report));
  REQUIRE(report.diagnostics().size() == 3);
  const std::vector<diagnostic> want = report.diagnostics();
  const std::size_t capacity = report.diagnostics().capacity();
  const diagnostic* storage = report.diagnostics().data();

  std::vector<diagnostic> got;
  report.drain([&got](diagnostic&& d) { got.push_back(std::move(d)); });
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].id == want[i].id);
    CHECK(got[i].pointer == want[i].pointer);
    CHECK(got[i].message == want[i].message);
  }
  CHECK(report.ok());
  CHECK(report.diagnostics().empty());
  CHECK(report.error_count() == 0);
  CHECK(report.warning_count() == 0);
  CHECK(!report.truncated());
  CHECK(report.diagnostics().capacity() == capacity);  // moving diagnostics() out would leave 0

  // The next read reuses the same storage: no new vector for the same number of findings.
  REQUIRE(!validate_into(bad, kept, report));
  CHECK(report.diagnostics().size() == 3);
  CHECK(report.diagnostics().data() == storage);
  CHECK(report.error_count() == 3);
}

TEST_CASE("result: the HTTP binding and the lifecycle rules answer with the same type") {
  const result<request> path = parse_request<StopIngestionJob>(
      "POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop");
  REQUIRE(path.ok());
  CHECK(path->ingestionJobId == "IJ12345678");
  CHECK(path.error_count() == 0);
  const result<request> none = parse_request<StopIngestionJob>("POST", "/knowledgebases/KB1/stop");
  CHECK(!none);
  CHECK(none.error_count() > 0);
  CHECK(!none.diagnostics().empty());
  CHECK(none.error().level == severity::error);

  response stopped;
  stopped.ingestionJob.status = IngestionJobStatus::STOPPED;
  stopped.ingestionJob.knowledgeBaseId = "KB00000000";
  const result<void> status = check_status(stopped);
  CHECK(status.ok());
  CHECK(status.diagnostics().empty());
  const result<void> exchange = check_exchange(parse<request>(good_request).value(), stopped);
  CHECK(!exchange.ok());
  CHECK(exchange.error_count() == 3);
  CHECK(exchange.error().id == rules::exchange_id_mismatch);
}

TEST_CASE("result: a response is a variant, with its kind and error type also when it did not parse") {
  const auto error = parse_error_response<StopIngestionJob>(429, {{"X-Amzn-Errortype", "ThrottlingException"}},
                                                            R"({"message":"slow down"})");
  REQUIRE(error.ok());
  CHECK(error.kind() == response_kind::error);
  CHECK(error.type().name == "ThrottlingException");
  CHECK(std::holds_alternative<ThrottlingException>(error.value()));

  const auto unknown = parse_error_response<StopIngestionJob>(400, {{"X-Amzn-Errortype", "NoSuchThing"}}, "");
  CHECK(!unknown.ok());
  CHECK(unknown.type().name == "NoSuchThing");  // known although nothing was parsed
  CHECK(unknown.error().id == rules::error_unknown_type);

  const auto as_error = classify_response<StopIngestionJob>(429, {{"X-Amzn-Errortype", "ThrottlingException"}},
                                                            R"({"message":"slow down"})");
  REQUIRE(as_error.ok());
  CHECK(as_error.kind() == response_kind::error);
  CHECK(as_error.type().name == "ThrottlingException");
  REQUIRE(as_error->index() == 1);
  CHECK(std::holds_alternative<ThrottlingException>(std::get<1>(*as_error)));

  const auto failed = classify_response<StopIngestionJob>(400, {{"X-Amzn-Errortype", "NoSuchThing"}}, "");
  CHECK(!failed.ok());
  CHECK(failed.kind() == response_kind::error);
  CHECK(failed.type().name == "NoSuchThing");
  CHECK(failed.diagnostics().size() == unknown.diagnostics().size());

  const auto success = classify_response<StopIngestionJob>(202, {}, "{}");
  CHECK(!success.ok());  // the body misses ingestionJob
  CHECK(success.kind() == response_kind::success);
  CHECK(success.type().source == error_type_source::none);
  CHECK(success.error().id == rules::shape_missing_member);
}
