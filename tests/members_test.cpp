// Member metadata (members.hpp): what each shape declares, what a declaration may say, that a
// declaration which disagrees with Describe is refused at compile time, and how the reader and
// the HTTP binding use it. docs/shapes.md ("Declaring member metadata") quotes this file.

#include <bedrock_agent/stop_ingestion_job.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"  // BOOST_DESCRIBE_STRUCT with no bases
#endif

using namespace bedrock_agent;
using P = member_presence;
using B = member_binding;

namespace members_test {

// [declared-members]
/// A count the model requires although it is a 64-bit integer, and a list that may be left out
/// (empty then) although it is no std::optional: what the member types alone would infer the
/// other way round.
struct Counted {
  std::int64_t total = 0;
  FailureReasons reasons;
  std::optional<Description> note;
  static constexpr std::string_view shape_name = "Counted";
};
BOOST_DESCRIBE_STRUCT(Counted, (), (total, reasons, note))
}  // namespace members_test

template <>
struct bedrock_agent::member_metadata<members_test::Counted> {
  static constexpr member_info members[] = {
      {"total", member_presence::required, member_binding::body},
      {"reasons", member_presence::defaulted, member_binding::body},
      {"note", member_presence::optional, member_binding::body},
  };
};
// [declared-members]

namespace members_test {
// Declarations that disagree with Describe or with the member types. Only checked here, never
// read (member_table<T> would static_assert), so they show what a build would refuse.
struct Two {
  Id a;
  std::optional<Id> b;
  static constexpr std::string_view shape_name = "Two";
};
BOOST_DESCRIBE_STRUCT(Two, (), (a, b))
#define MEMBERS_TEST_TWO(Name) \
  struct Name {                \
    Id a;                      \
    std::optional<Id> b;       \
  };                           \
  BOOST_DESCRIBE_STRUCT(Name, (), (a, b))
MEMBERS_TEST_TWO(TooFew)
MEMBERS_TEST_TWO(Swapped)
MEMBERS_TEST_TWO(NotOptional)
MEMBERS_TEST_TWO(RequiredOptional)
MEMBERS_TEST_TWO(OptionalLabel)
#undef MEMBERS_TEST_TWO

// An operation input with a declaration, for the URI template's cross-check.
struct Pair {
  Id left;
  Id right;
};
BOOST_DESCRIBE_STRUCT(Pair, (), (left, right))

// An idempotency token must be an optional string in the body.
struct Tokened {
  Id token;
};
BOOST_DESCRIBE_STRUCT(Tokened, (), (token))
}  // namespace members_test

template <>
struct bedrock_agent::member_metadata<members_test::Tokened> {
  static constexpr member_info members[] = {
      {"token", member_presence::required, member_binding::body, member_role::idempotency_token}};
};
static_assert(bedrock_agent::check_member_metadata<members_test::Tokened>() ==
              bedrock_agent::member_metadata_problem::token_not_optional_string);
static_assert(bedrock_agent::member_table<bedrock_agent::StartIngestionJobRequest>::members[2].role ==
              bedrock_agent::member_role::idempotency_token);

template <>
struct bedrock_agent::member_metadata<members_test::TooFew> {
  static constexpr member_info members[] = {{"a", P::required, B::body}};
};
template <>
struct bedrock_agent::member_metadata<members_test::Swapped> {
  static constexpr member_info members[] = {{"b", P::optional, B::body}, {"a", P::required, B::body}};
};
template <>
struct bedrock_agent::member_metadata<members_test::NotOptional> {
  static constexpr member_info members[] = {{"a", P::optional, B::body}, {"b", P::optional, B::body}};
};
template <>
struct bedrock_agent::member_metadata<members_test::RequiredOptional> {
  static constexpr member_info members[] = {{"a", P::required, B::body}, {"b", P::required, B::body}};
};
template <>
struct bedrock_agent::member_metadata<members_test::OptionalLabel> {
  static constexpr member_info members[] = {{"a", P::required, B::label}, {"b", P::optional, B::label}};
};
template <>
struct bedrock_agent::member_metadata<members_test::Pair> {
  static constexpr member_info members[] = {{"left", P::required, B::label}, {"right", P::required, B::body}};
};

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

namespace {
template <class T>
constexpr bool all_of(P p, B b) {
  for (const member_info& m : member_table<T>::members) {
    if (m.presence != p || m.binding != b) return false;
  }
  return true;
}
/** The declaration of T agrees with what the member types imply: declaring it changed nothing. */
template <class T>
constexpr bool same_as_inferred() {
  constexpr auto inferred = detail::inferred_member_infos<T>();
  for (std::size_t i = 0; i < inferred.size(); ++i) {
    if (inferred[i].name != member_table<T>::members[i].name ||
        inferred[i].presence != member_table<T>::members[i].presence)
      return false;
  }
  return true;
}
}  // namespace

TEST_CASE("members: each shape of the model declares its members") {
  static_assert(has_member_metadata<StopIngestionJobRequest>::value);
  static_assert(all_of<StopIngestionJobRequest>(P::required, B::label));
  static_assert(all_of<IngestionJobStatistics>(P::defaulted, B::body));
  static_assert(all_of<StopIngestionJobResponse>(P::required, B::body));
  static_assert(all_of<ThrottlingException>(P::optional, B::body));
  static_assert(all_of<AccessDeniedException>(P::optional, B::body));
  static_assert(all_of<ValidationException>(P::optional, B::body));
  static_assert(all_of<InternalServerException>(P::optional, B::body));
  static_assert(all_of<ResourceNotFoundException>(P::optional, B::body));
  static_assert(all_of<ConflictException>(P::optional, B::body));
  static_assert(all_of<ValidationExceptionField>(P::required, B::body));
  // IngestionJob: knowledgeBaseId, dataSourceId, ingestionJobId, status, startedAt, updatedAt.
  static_assert(member_table<IngestionJob>::required_mask == 0b110010111u);
  static_assert(member_table<IngestionJob>::members[3].name == "description");
  static_assert(member_table<IngestionJob>::members[3].presence == P::optional);
  static_assert(member_table<IngestionJobStatistics>::required_mask == 0);
  static_assert(member_table<StopIngestionJobRequest>::required_mask == 0b111u);
  // The model's declarations say what the types implied before: the reader's behaviour is the same.
  static_assert(same_as_inferred<StopIngestionJobRequest>() && same_as_inferred<StopIngestionJobResponse>() &&
                same_as_inferred<IngestionJob>() && same_as_inferred<IngestionJobStatistics>() &&
                same_as_inferred<ValidationException>() && same_as_inferred<ValidationExceptionField>() &&
                same_as_inferred<ConflictException>());
  CHECK(member_table<IngestionJob>::members[8].name == "updatedAt");
}

TEST_CASE("members: a structure without a declaration falls back to its member types") {
  using T = members_test::Two;
  static_assert(!has_member_metadata<T>::value);
  static_assert(check_member_metadata<T>() == member_metadata_problem::ok);
  static_assert(member_table<T>::members[0].presence == P::required);
  static_assert(member_table<T>::members[1].presence == P::optional);
  static_assert(member_table<T>::members[1].binding == B::body);
  static_assert(member_table<T>::required_mask == 1u);
  const auto r = parse<T>(R"({"b":"BB12345678"})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().id == rules::shape_missing_member);
}

TEST_CASE("members: a declaration that disagrees with Describe or the member types does not compile") {
  // member_table<T> static_asserts on each of these problems; the check itself is constexpr.
  using Problem = member_metadata_problem;
  static_assert(check_member_metadata<members_test::Counted>() == Problem::ok);
  static_assert(check_member_metadata<members_test::TooFew>() == Problem::count_differs);
  static_assert(check_member_metadata<members_test::Swapped>() == Problem::name_differs);
  static_assert(check_member_metadata<members_test::NotOptional>() == Problem::optional_not_optional);
  static_assert(check_member_metadata<members_test::RequiredOptional>() == Problem::optional_type_required);
  static_assert(check_member_metadata<members_test::OptionalLabel>() == Problem::label_not_required);
  CHECK(true);
}

TEST_CASE("members: the reader follows the declared presence, not the member type") {
  using members_test::Counted;
  // A required int64 is missing when absent; a defaulted list is not.
  const auto missing = parse<Counted>(R"({"reasons":["x"]})");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().id == rules::shape_missing_member);
  CHECK(missing.error().message == "Counted requires member \"total\"");
  const auto defaulted = parse<Counted>(R"({"total":3})");
  REQUIRE(defaulted.ok());
  CHECK(defaulted->total == 3);
  CHECK(defaulted->reasons.empty());
  CHECK_FALSE(defaulted->note);

  // null: shape.null for both by default; null_as_absent gives the defaulted member its default
  // and still refuses null for the required one.
  CHECK(parse<Counted>(R"({"total":3,"reasons":null})").error().id == rules::shape_null);
  parse_options lenient;
  lenient.null_as_absent = true;
  const auto absent = parse<Counted>(R"({"total":3,"reasons":null,"note":null})", lenient);
  REQUIRE(absent.ok());
  CHECK(absent->reasons.empty());
  const auto null_total = parse<Counted>(R"({"total":null})", lenient);
  REQUIRE_FALSE(null_total.ok());
  CHECK(null_total.error().id == rules::shape_null);
  CHECK(null_total.error().pointer == "/total");

  // A reused target: an absent defaulted member is reset, as an absent optional one is.
  Counted reused;
  reused.reasons = {FailureReason("stale")};
  reused.note = Description("stale");
  REQUIRE(parse_into(R"({"total":1})", reused).ok());
  CHECK(reused.reasons.empty());
  CHECK_FALSE(reused.note);
}

TEST_CASE("members: the URI template and the declared labels must agree") {
  using detail::check_uri_template;
  using Problem = detail::uri_template_problem;
  static_assert(check_uri_template<StopIngestionJobRequest>(StopIngestionJob::http_uri) == Problem::ok);
  // Pair declares left a label and right a body member.
  static_assert(check_uri_template<members_test::Pair>("/pairs/{right}") == Problem::label_not_declared_label);
  static_assert(check_uri_template<members_test::Pair>("/pairs/all") == Problem::declared_label_unbound);
  // right is declared body: it goes in the JSON body; a trailing '/' is allowed, '//' is not.
  static_assert(check_uri_template<members_test::Pair>("/pairs/{left}") == Problem::ok);
  static_assert(check_uri_template<members_test::Pair>("/pairs/{left}/") == Problem::ok);
  static_assert(check_uri_template<members_test::Pair>("/pairs//{left}") == Problem::empty_segment);
  // A member declared a label must be in the template.
  static_assert(check_uri_template<StopIngestionJobRequest>("/jobs/{knowledgeBaseId}/{dataSourceId}") ==
                Problem::declared_label_unbound);
  static_assert(detail::uri_binding<StartIngestionJob>::trailing_slash);
  static_assert(detail::uri_binding<StartIngestionJob>::has_body_members);
  static_assert(!detail::uri_binding<GetIngestionJob>::has_body_members);
  CHECK(true);
}
