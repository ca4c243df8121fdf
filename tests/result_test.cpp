// The result types as types: parse_result<T>, http_result<T> and error_response_result<Op> keep
// the interface, the layout and the value semantics they had before they shared their value part
// (basic_result<T>; commit 07cc1c5 had each write it out). Checked here at compile time, then at
// run time on real results.
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

/// The value part every result type has: ok(), explicit operator bool, value() on each value
/// category, operator->, all noexcept, with these exact types.
template <class R, class T>
constexpr bool has_value_part() {
  static_assert(std::is_same_v<decltype(std::declval<const R&>().ok()), bool>);
  static_assert(noexcept(std::declval<const R&>().ok()));
  static_assert(std::is_constructible_v<bool, const R&> && !std::is_convertible_v<const R&, bool>);
  static_assert(noexcept(static_cast<bool>(std::declval<const R&>())));
  static_assert(std::is_same_v<decltype(std::declval<R&>().value()), T&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().value()), const T&>);
  static_assert(std::is_same_v<decltype(std::declval<R&&>().value()), T&&>);
  static_assert(std::is_same_v<decltype(std::declval<const R&&>().value()), const T&>);
  static_assert(noexcept(std::declval<R&>().value()) && noexcept(std::declval<const R&>().value()) &&
                noexcept(std::declval<R&&>().value()));
  static_assert(std::is_same_v<decltype(std::declval<R&>().operator->()), T*>);
  static_assert(std::is_same_v<decltype(std::declval<const R&>().operator->()), const T*>);
  static_assert(noexcept(std::declval<R&>().operator->()) && noexcept(std::declval<const R&>().operator->()));
  // Value semantics: default-constructible (no value), copyable, movable without throwing.
  static_assert(std::is_default_constructible_v<R> && std::is_copy_constructible_v<R> && std::is_copy_assignable_v<R>);
  static_assert(std::is_nothrow_move_constructible_v<R> && std::is_nothrow_move_assignable_v<R>);
  static_assert(!std::is_aggregate_v<R> && !std::is_polymorphic_v<R>);
  return true;
}

// Layout: the members in the order they were declared, nothing added.
template <class T>
struct parse_result_layout {
  std::optional<T> value;
  diagnostic error;
  std::vector<diagnostic> warnings;
};
template <class T>
struct http_result_layout {
  std::optional<T> value;
  std::vector<diagnostic> diagnostics;
  std::size_t errors;
};
struct tail_padded {  // an optional<T> with tail padding a derived member could have reused
  std::int64_t a;
  char b;
};
template <class T>
constexpr bool has_layout() {
  static_assert(sizeof(parse_result<T>) == sizeof(parse_result_layout<T>));
  static_assert(alignof(parse_result<T>) == alignof(parse_result_layout<T>));
  static_assert(sizeof(http_result<T>) == sizeof(http_result_layout<T>));
  static_assert(alignof(http_result<T>) == alignof(http_result_layout<T>));
  return true;
}

using response = StopIngestionJobResponse;
using request = StopIngestionJobRequest;
using error_result = error_response_result<StopIngestionJob>;

static_assert(has_value_part<parse_result<response>, response>());
static_assert(has_value_part<http_result<request>, request>());
static_assert(has_value_part<http_result<response>, response>());
static_assert(has_value_part<error_result, error_variant_t<StopIngestionJob>>());
static_assert(has_layout<response>() && has_layout<request>() && has_layout<char>() && has_layout<tail_padded>());
struct error_result_layout {
  http_result_layout<error_variant_t<StopIngestionJob>> base;
  error_type type;
};
static_assert(sizeof(error_result) == sizeof(error_result_layout) &&
              alignof(error_result) == alignof(error_result_layout));
// Not kept: std::is_standard_layout (true before, when each class declared all its members;
// false now that the value is a base's member). Sizes, alignment and member order are the same.

// What differs stays in each.
static_assert(std::is_same_v<decltype(std::declval<const parse_result<response>&>().error()), const diagnostic&>);
static_assert(std::is_same_v<decltype(std::declval<const parse_result<response>&>().warnings()),
                             const std::vector<diagnostic>&>);
static_assert(std::is_same_v<decltype(std::declval<const http_result<request>&>().diagnostics()),
                             const std::vector<diagnostic>&>);
static_assert(std::is_same_v<decltype(std::declval<const http_result<request>&>().error_count()), std::size_t>);
static_assert(std::is_same_v<decltype(std::declval<const error_result&>().type()), const error_type&>);
static_assert(std::is_base_of_v<http_result<error_variant_t<StopIngestionJob>>, error_result>);
static_assert(!std::is_convertible_v<parse_result<response>*, http_result<response>*> &&
              !std::is_convertible_v<http_result<response>*, parse_result<response>*>);

}  // namespace

TEST_CASE("result types: the value part on a value and on none") {
  const parse_result<request> good = parse<request>(
      R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})");
  REQUIRE(good.ok());
  CHECK(static_cast<bool>(good));
  CHECK(good->dataSourceId == "DS12345678");
  CHECK(good.value().knowledgeBaseId == "KB12345678");
  parse_result<request> moved = good;
  const request taken = std::move(moved).value();
  CHECK(taken.ingestionJobId == "IJ12345678");

  const parse_result<request> bad = parse<request>(R"({"knowledgeBaseId":"KB1"})");
  CHECK(!bad.ok());
  CHECK(!static_cast<bool>(bad));
  CHECK(!bad.error().message.empty());

  const http_result<request> path = parse_request<StopIngestionJob>(
      "POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop");
  REQUIRE(path.ok());
  CHECK(path->ingestionJobId == "IJ12345678");
  CHECK(path.error_count() == 0);
  const http_result<request> none = parse_request<StopIngestionJob>("POST", "/knowledgebases/KB1/stop");
  CHECK(!none);
  CHECK(none.error_count() > 0);
  CHECK(!none.diagnostics().empty());
}
