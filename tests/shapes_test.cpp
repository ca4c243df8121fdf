// The shapes: names, members, required-ness, constraint traits, error traits, value semantics.
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <doctest/doctest.h>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace bedrock_agent;

namespace {
template <class T>
std::vector<std::string> member_names() {
  std::vector<std::string> names;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto d) { names.emplace_back(d.name); });
  return names;
}
template <class T>
std::vector<std::string> required_names() {
  std::vector<std::string> names;
  for (const member_info& m : member_table<T>::members) {
    if (m.presence == member_presence::required) names.emplace_back(m.name);
  }
  return names;
}
template <class T>
std::string printed(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}
IngestionJob sample_job() {
  IngestionJob job;
  job.knowledgeBaseId = "KB12345678";
  job.dataSourceId = "DS12345678";
  job.ingestionJobId = "IJ12345678";
  job.status = IngestionJobStatus::STOPPED;
  job.startedAt = *timestamp::from_parts(1710408413, 589793000);
  job.updatedAt = *timestamp::from_parts(1710408420, 0);
  return job;
}
}  // namespace

TEST_CASE("shapes: member names are the model's wire names, in API reference order") {
  CHECK(member_names<StopIngestionJobRequest>() ==
        std::vector<std::string>{"knowledgeBaseId", "dataSourceId", "ingestionJobId"});
  CHECK(member_names<StopIngestionJobResponse>() == std::vector<std::string>{"ingestionJob"});
  CHECK(member_names<IngestionJob>() ==
        std::vector<std::string>{"knowledgeBaseId", "dataSourceId", "ingestionJobId", "description", "status",
                                 "statistics", "failureReasons", "startedAt", "updatedAt"});
  CHECK(member_names<IngestionJobStatistics>() ==
        std::vector<std::string>{"numberOfDocumentsScanned", "numberOfMetadataDocumentsScanned",
                                 "numberOfNewDocumentsIndexed", "numberOfModifiedDocumentsIndexed",
                                 "numberOfMetadataDocumentsModified", "numberOfDocumentsDeleted",
                                 "numberOfDocumentsFailed", "numberOfDocumentsSkipped"});
  CHECK(member_names<ValidationException>() == std::vector<std::string>{"message", "fieldList"});
  CHECK(member_names<ValidationExceptionField>() == std::vector<std::string>{"name", "message"});
  for (auto names : {member_names<ThrottlingException>(), member_names<AccessDeniedException>(),
                     member_names<InternalServerException>(), member_names<ResourceNotFoundException>(),
                     member_names<ConflictException>()}) {
    CHECK(names == std::vector<std::string>{"message"});
  }
}

TEST_CASE("shapes: required members follow the model's required lists") {
  CHECK(required_names<StopIngestionJobRequest>() ==
        std::vector<std::string>{"knowledgeBaseId", "dataSourceId", "ingestionJobId"});
  CHECK(required_names<StopIngestionJobResponse>() == std::vector<std::string>{"ingestionJob"});
  CHECK(required_names<IngestionJob>() == std::vector<std::string>{"knowledgeBaseId", "dataSourceId",
                                                                   "ingestionJobId", "status", "startedAt",
                                                                   "updatedAt"});
  CHECK(required_names<IngestionJobStatistics>().empty());  // PrimitiveLong counters default to 0
  CHECK(required_names<ValidationExceptionField>() == std::vector<std::string>{"name", "message"});
  CHECK(required_names<ValidationException>().empty());
  IngestionJobStatistics stats;
  CHECK(stats.numberOfDocumentsSkipped == 0);
  CHECK(stats.numberOfDocumentsScanned == 0);
}

TEST_CASE("shapes: constraint traits carry the model's length and pattern") {
  static_assert(is_string_shape_v<Id> && is_string_shape_v<Description> && is_string_shape_v<FailureReason> &&
                is_string_shape_v<NonBlankString>);
  static_assert(is_list_shape_v<FailureReasons> && is_list_shape_v<ValidationExceptionFieldList>);
  static_assert(!is_string_shape_v<FailureReasons> && !is_list_shape_v<Id> && !is_string_shape_v<std::string>);
  constexpr auto id = constraints_of_v<Id>;
  CHECK(id.pattern.chars == charset::ascii_alnum);
  CHECK(id.pattern.min_count == 10);
  CHECK(id.pattern.max_count == 10);
  CHECK(id.pattern.text == "^[0-9a-zA-Z]{10}$");
  constexpr auto description = constraints_of_v<Description>;
  CHECK(description.min_length == 1);
  CHECK(description.max_length == 200);
  constexpr auto reason = constraints_of_v<FailureReason>;
  CHECK(reason.min_length == 0);
  CHECK(reason.max_length == 2048);
  constexpr auto reasons = constraints_of_v<FailureReasons>;
  CHECK(reasons.min_items == 0);
  CHECK(reasons.max_items == 2048);
  constexpr auto non_blank = constraints_of_v<NonBlankString>;
  CHECK(non_blank.pattern.min_count == 1);
  CHECK(non_blank.pattern.max_count == unbounded);
  CHECK(constraints_of_v<ValidationExceptionFieldList>.max_items == unbounded);
  CHECK(in_charset(charset::ascii_alnum, U'z'));
  CHECK(in_charset(charset::ascii_alnum, U'0'));
  CHECK_FALSE(in_charset(charset::ascii_alnum, U'_'));
  CHECK_FALSE(in_charset(charset::ascii_alnum, U'\u00e9'));
  CHECK(in_charset(charset::any, U'\U0001F600'));
}

TEST_CASE("shapes: each exception knows its HTTP status and fault at compile time") {
  static_assert(ThrottlingException::http_status == 429 && ThrottlingException::fault == error_fault::client);
  static_assert(AccessDeniedException::http_status == 403 && AccessDeniedException::fault == error_fault::client);
  static_assert(ValidationException::http_status == 400 && ValidationException::fault == error_fault::client);
  static_assert(InternalServerException::http_status == 500 && InternalServerException::fault == error_fault::server);
  static_assert(ResourceNotFoundException::http_status == 404 &&
                ResourceNotFoundException::fault == error_fault::client);
  static_assert(ConflictException::http_status == 409 && ConflictException::fault == error_fault::client);
  static_assert(boost::mp11::mp_size<StopIngestionJob::errors>::value == 6);
  static_assert(StopIngestionJob::http_success_status == 202);
  static_assert(is_error_shape<ConflictException>::value && !is_error_shape<IngestionJob>::value);
  CHECK(StopIngestionJob::http_method == "POST");
  CHECK(ThrottlingException::shape_name == "ThrottlingException");
}

TEST_CASE("shapes: IngestionJobStatus converts to and from its wire string") {
  CHECK(to_string(IngestionJobStatus::IN_PROGRESS) == "IN_PROGRESS");
  CHECK(to_string(IngestionJobStatus::STOPPED) == "STOPPED");
  for (auto s : {IngestionJobStatus::STARTING, IngestionJobStatus::IN_PROGRESS, IngestionJobStatus::COMPLETE,
                 IngestionJobStatus::FAILED, IngestionJobStatus::STOPPING, IngestionJobStatus::STOPPED}) {
    CHECK(enum_from_string<IngestionJobStatus>(to_string(s)) == s);
  }
  CHECK_FALSE(enum_from_string<IngestionJobStatus>("stopped").has_value());  // case matters
  CHECK_FALSE(enum_from_string<IngestionJobStatus>("").has_value());
  CHECK_FALSE(enum_from_string<IngestionJobStatus>("STOPPED ").has_value());
  CHECK(to_string(static_cast<IngestionJobStatus>(42)).empty());
}

TEST_CASE("shapes: enum_value keeps a known value or an unknown raw string") {
  enum_value<IngestionJobStatus> known = IngestionJobStatus::FAILED;
  CHECK(known.is_known());
  CHECK(known == IngestionJobStatus::FAILED);
  CHECK(known != IngestionJobStatus::STOPPED);
  CHECK(known.wire_name() == "FAILED");
  auto unknown = enum_value<IngestionJobStatus>::unknown("PAUSED");
  CHECK_FALSE(unknown.is_known());
  CHECK_FALSE(unknown.known().has_value());
  CHECK(unknown.wire_name() == "PAUSED");
  CHECK(unknown != IngestionJobStatus::STARTING);  // never mapped to some other value
  CHECK(unknown == enum_value<IngestionJobStatus>::unknown("PAUSED"));
  CHECK(unknown != enum_value<IngestionJobStatus>::unknown("paused"));
  CHECK(printed(unknown) == "unknown \"PAUSED\"");
}

TEST_CASE("shapes: equality compares every member") {
  IngestionJob a = sample_job();
  IngestionJob b = sample_job();
  CHECK(a == b);
  b.description = "nightly sync";
  CHECK(a != b);
  b = a;
  b.statistics.emplace();
  CHECK(a != b);
  a.statistics.emplace();
  CHECK(a == b);
  b.statistics->numberOfDocumentsSkipped = 1;
  CHECK(a != b);
  b = a;
  b.updatedAt = *timestamp::from_parts(1710408420, 1);
  CHECK(a != b);
  StopIngestionJobResponse ra{a}, rb{a};
  CHECK(ra == rb);
  ValidationException va, vb;
  va.fieldList = ValidationExceptionFieldList{{"knowledgeBaseId", "bad id"}};
  CHECK(va != vb);
  vb.fieldList = ValidationExceptionFieldList{{"knowledgeBaseId", "bad id"}};
  CHECK(va == vb);
}

TEST_CASE("shapes: the printer shows every member readably") {
  IngestionJob job = sample_job();
  job.failureReasons = FailureReasons{"disk \"full\"", "line\nbreak"};
  const std::string s = printed(job);
  CHECK(s ==
        "IngestionJob{knowledgeBaseId: \"KB12345678\", dataSourceId: \"DS12345678\", ingestionJobId: "
        "\"IJ12345678\", description: absent, status: STOPPED, statistics: absent, failureReasons: "
        "[\"disk \\\"full\\\"\", \"line\\u000abreak\"], startedAt: 2024-03-14T09:26:53.589793Z, updatedAt: "
        "2024-03-14T09:27:00Z}");
  CHECK(printed(StopIngestionJobRequest{"KB12345678", "DS12345678", "IJ12345678"}) ==
        "StopIngestionJobRequest{knowledgeBaseId: \"KB12345678\", dataSourceId: \"DS12345678\", ingestionJobId: "
        "\"IJ12345678\"}");
  CHECK(printed(IngestionJobStatus::COMPLETE) == "COMPLETE");
}

TEST_CASE("shapes: string shapes behave as strings") {
  Id id = "KB12345678";
  CHECK(id == "KB12345678");
  CHECK(id.size() == 10);
  Description d(std::string(3, 'x'));
  CHECK(d == "xxx");
  std::optional<Description> maybe;
  maybe = "text";
  CHECK(*maybe == "text");
}
