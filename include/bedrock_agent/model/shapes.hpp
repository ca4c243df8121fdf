// GENERATED FILE: do not edit. Written by codegen/generate_shapes.py from
// codegen/bedrock-agent-ingestion-jobs.model.json:
//
//     python3 codegen/generate_shapes.py
//
// ctest codegen.up-to-date fails when this file differs from the generator's output.
#ifndef BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
#define BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED

// The shapes of StartIngestionJob, GetIngestionJob, ListIngestionJobs, StopIngestionJob:
// one C++ type per model shape, with the model's names. Member and enumerator names are the
// wire names (Boost.Describe turns them into strings); a member whose name is a C++ keyword has
// a trailing '_' in C++ and is described by hand with its wire name. Members the model does not
// require are std::optional, except unboxed numbers (PrimitiveLong), which default to 0 as the
// model says; each structure declares its members' presence and HTTP binding in a
// member_metadata<T> after its Describe line. Members are in the model's order, which is the
// order the serializer writes. What the model cannot say is hand-written: see
// docs/shapes.md, "Generated from the model".

#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/model/semantic_rules.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/operators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), ...) passes nothing for the variadic base list, which clang
// calls a C++20 extension under -Wpedantic in C++17; the code is valid C++17 all the same.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent {

// ---- simple shapes -------------------------------------------------------------------------

/// `Id`: pattern `[0-9a-zA-Z]{10}`.
struct Id : string_shape<Id> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Id";
  static constexpr string_constraints constraints{0, unbounded, {charset::ascii_alnum, 10, 10, "^[0-9a-zA-Z]{10}$"}};
};

/// `ClientToken`: 33..256 code points, pattern `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}`.
struct ClientToken : string_shape<ClientToken> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "ClientToken";
  static constexpr string_constraints constraints{33, 256, regex_pattern("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$", {charset::ascii_alnum, '-', 256})};
};

/// `Description`: 1..200 code points.
struct Description : string_shape<Description> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Description";
  static constexpr string_constraints constraints{1, 200, {}};
};

/// `PrimitiveLong`: a signed 64-bit integer; members of this shape default to 0.
using PrimitiveLong = std::int64_t;

template <>
struct shape_info<PrimitiveLong> {
  static constexpr std::string_view shape_name = "PrimitiveLong";
  static constexpr std::string_view nonnegative = "a document counter";
  static constexpr rule nonnegative_rule = rules::semantic_negative_counter;
};

/// `FailureReason`: 0..2048 code points.
struct FailureReason : string_shape<FailureReason> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "FailureReason";
  static constexpr string_constraints constraints{0, 2048, {}};
};

/// `DateTimestamp`: an RFC 3339 date-time on the wire, exact to the nanosecond here.
using DateTimestamp = timestamp;

template <>
struct shape_info<DateTimestamp> {
  static constexpr std::string_view shape_name = "DateTimestamp";
};

/// `NonBlankString`: pattern `[\s\S]+`.
struct NonBlankString : string_shape<NonBlankString> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "NonBlankString";
  static constexpr string_constraints constraints{0, unbounded, {charset::any, 1, unbounded, "[\\s\\S]+"}};
};

/// `IngestionJobFilterValue`: 0..100 code points, pattern `.*`.
struct IngestionJobFilterValue : string_shape<IngestionJobFilterValue> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "IngestionJobFilterValue";
  static constexpr string_constraints constraints{0, 100, {charset::no_line_terminator, 0, unbounded, "^.*$"}};
};

/// `MaxResults`: a signed 32-bit integer, 1..1000 (boxed: members of this shape may be absent).
struct MaxResults : integer_shape<MaxResults> {
  using integer_shape::integer_shape;
  static constexpr std::string_view shape_name = "MaxResults";
  static constexpr integer_constraints constraints{1, 1000};
};

/// `NextToken`: 1..2048 code points, pattern `\S*`.
struct NextToken : string_shape<NextToken> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "NextToken";
  static constexpr string_constraints constraints{1, 2048, {charset::non_space, 0, unbounded, "^\\S*$"}};
};

// ---- enums ---------------------------------------------------------------------------------

/// `IngestionJobStatus`; enumerator names are the wire values.
enum class IngestionJobStatus { STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED };
BOOST_DESCRIBE_ENUM(IngestionJobStatus, STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED)

template <>
struct shape_info<IngestionJobStatus> {
  static constexpr std::string_view shape_name = "IngestionJobStatus";
};

inline std::ostream& operator<<(std::ostream& os, IngestionJobStatus v) { return os << to_string(v); }

/// `IngestionJobFilterAttribute`; enumerator names are the wire values.
enum class IngestionJobFilterAttribute { STATUS };
BOOST_DESCRIBE_ENUM(IngestionJobFilterAttribute, STATUS)

template <>
struct shape_info<IngestionJobFilterAttribute> {
  static constexpr std::string_view shape_name = "IngestionJobFilterAttribute";
};

inline std::ostream& operator<<(std::ostream& os, IngestionJobFilterAttribute v) { return os << to_string(v); }

/// `IngestionJobFilterOperator`; enumerator names are the wire values.
enum class IngestionJobFilterOperator { EQ };
BOOST_DESCRIBE_ENUM(IngestionJobFilterOperator, EQ)

template <>
struct shape_info<IngestionJobFilterOperator> {
  static constexpr std::string_view shape_name = "IngestionJobFilterOperator";
};

inline std::ostream& operator<<(std::ostream& os, IngestionJobFilterOperator v) { return os << to_string(v); }

/// `IngestionJobSortByAttribute`; enumerator names are the wire values.
enum class IngestionJobSortByAttribute { STATUS, STARTED_AT };
BOOST_DESCRIBE_ENUM(IngestionJobSortByAttribute, STATUS, STARTED_AT)

template <>
struct shape_info<IngestionJobSortByAttribute> {
  static constexpr std::string_view shape_name = "IngestionJobSortByAttribute";
};

inline std::ostream& operator<<(std::ostream& os, IngestionJobSortByAttribute v) { return os << to_string(v); }

/// `SortOrder`; enumerator names are the wire values.
enum class SortOrder { ASCENDING, DESCENDING };
BOOST_DESCRIBE_ENUM(SortOrder, ASCENDING, DESCENDING)

template <>
struct shape_info<SortOrder> {
  static constexpr std::string_view shape_name = "SortOrder";
};

inline std::ostream& operator<<(std::ostream& os, SortOrder v) { return os << to_string(v); }

// ---- structures and lists ------------------------------------------------------------------

/// `StartIngestionJobRequest`: 2 required, 2 optional.
struct StartIngestionJobRequest {
  Id knowledgeBaseId;
  Id dataSourceId;
  std::optional<ClientToken> clientToken;  // the model's idempotency token
  std::optional<Description> description;
  static constexpr std::string_view shape_name = "StartIngestionJobRequest";
};
BOOST_DESCRIBE_STRUCT(StartIngestionJobRequest, (),
                      (knowledgeBaseId, dataSourceId, clientToken, description))
template <>
struct member_metadata<StartIngestionJobRequest> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::label},
    {"dataSourceId", member_presence::required, member_binding::label},
    {"clientToken", member_presence::optional, member_binding::body, member_role::idempotency_token},
    {"description", member_presence::optional, member_binding::body},
  };
};

/// `IngestionJobStatistics`: 0 required, 0 optional, 8 defaulted.
struct IngestionJobStatistics {
  PrimitiveLong numberOfDocumentsScanned = 0;
  PrimitiveLong numberOfMetadataDocumentsScanned = 0;
  PrimitiveLong numberOfNewDocumentsIndexed = 0;
  PrimitiveLong numberOfModifiedDocumentsIndexed = 0;
  PrimitiveLong numberOfMetadataDocumentsModified = 0;
  PrimitiveLong numberOfDocumentsDeleted = 0;
  PrimitiveLong numberOfDocumentsFailed = 0;
  PrimitiveLong numberOfDocumentsSkipped = 0;
  static constexpr std::string_view shape_name = "IngestionJobStatistics";
};
BOOST_DESCRIBE_STRUCT(IngestionJobStatistics, (),
                      (numberOfDocumentsScanned, numberOfMetadataDocumentsScanned,
                       numberOfNewDocumentsIndexed, numberOfModifiedDocumentsIndexed,
                       numberOfMetadataDocumentsModified, numberOfDocumentsDeleted,
                       numberOfDocumentsFailed, numberOfDocumentsSkipped))
template <>
struct member_metadata<IngestionJobStatistics> {
  static constexpr member_info members[] = {
    {"numberOfDocumentsScanned", member_presence::defaulted, member_binding::body},
    {"numberOfMetadataDocumentsScanned", member_presence::defaulted, member_binding::body},
    {"numberOfNewDocumentsIndexed", member_presence::defaulted, member_binding::body},
    {"numberOfModifiedDocumentsIndexed", member_presence::defaulted, member_binding::body},
    {"numberOfMetadataDocumentsModified", member_presence::defaulted, member_binding::body},
    {"numberOfDocumentsDeleted", member_presence::defaulted, member_binding::body},
    {"numberOfDocumentsFailed", member_presence::defaulted, member_binding::body},
    {"numberOfDocumentsSkipped", member_presence::defaulted, member_binding::body},
  };
};

/// `FailureReasons`: 0..2048 FailureReason items.
struct FailureReasons : std::vector<FailureReason> {
  using std::vector<FailureReason>::vector;
  static constexpr std::string_view shape_name = "FailureReasons";
  static constexpr list_constraints constraints{0, 2048};
};

/// `IngestionJob`: 6 required, 3 optional.
struct IngestionJob {
  Id knowledgeBaseId;
  Id dataSourceId;
  Id ingestionJobId;
  std::optional<Description> description;
  enum_value<IngestionJobStatus> status;
  std::optional<IngestionJobStatistics> statistics;
  std::optional<FailureReasons> failureReasons;
  DateTimestamp startedAt;
  DateTimestamp updatedAt;
  static constexpr std::string_view shape_name = "IngestionJob";
};
BOOST_DESCRIBE_STRUCT(IngestionJob, (),
                      (knowledgeBaseId, dataSourceId, ingestionJobId, description, status,
                       statistics, failureReasons, startedAt, updatedAt))
template <>
struct member_metadata<IngestionJob> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::body},
    {"dataSourceId", member_presence::required, member_binding::body},
    {"ingestionJobId", member_presence::required, member_binding::body},
    {"description", member_presence::optional, member_binding::body},
    {"status", member_presence::required, member_binding::body},
    {"statistics", member_presence::optional, member_binding::body},
    {"failureReasons", member_presence::optional, member_binding::body},
    {"startedAt", member_presence::required, member_binding::body},
    {"updatedAt", member_presence::required, member_binding::body},
  };
};

/// `StartIngestionJobResponse`: 1 required, 0 optional.
struct StartIngestionJobResponse {
  IngestionJob ingestionJob;
  static constexpr std::string_view shape_name = "StartIngestionJobResponse";
};
BOOST_DESCRIBE_STRUCT(StartIngestionJobResponse, (), (ingestionJob))
template <>
struct member_metadata<StartIngestionJobResponse> {
  static constexpr member_info members[] = {
    {"ingestionJob", member_presence::required, member_binding::body},
  };
};

/// `ValidationExceptionField`: 2 required, 0 optional.
struct ValidationExceptionField {
  NonBlankString name;
  NonBlankString message;
  static constexpr std::string_view shape_name = "ValidationExceptionField";
};
BOOST_DESCRIBE_STRUCT(ValidationExceptionField, (), (name, message))
template <>
struct member_metadata<ValidationExceptionField> {
  static constexpr member_info members[] = {
    {"name", member_presence::required, member_binding::body},
    {"message", member_presence::required, member_binding::body},
  };
};

/// `GetIngestionJobRequest`: 3 required, 0 optional.
struct GetIngestionJobRequest {
  Id knowledgeBaseId;
  Id dataSourceId;
  Id ingestionJobId;
  static constexpr std::string_view shape_name = "GetIngestionJobRequest";
};
BOOST_DESCRIBE_STRUCT(GetIngestionJobRequest, (), (knowledgeBaseId, dataSourceId, ingestionJobId))
template <>
struct member_metadata<GetIngestionJobRequest> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::label},
    {"dataSourceId", member_presence::required, member_binding::label},
    {"ingestionJobId", member_presence::required, member_binding::label},
  };
};

/// `GetIngestionJobResponse`: 1 required, 0 optional.
struct GetIngestionJobResponse {
  IngestionJob ingestionJob;
  static constexpr std::string_view shape_name = "GetIngestionJobResponse";
};
BOOST_DESCRIBE_STRUCT(GetIngestionJobResponse, (), (ingestionJob))
template <>
struct member_metadata<GetIngestionJobResponse> {
  static constexpr member_info members[] = {
    {"ingestionJob", member_presence::required, member_binding::body},
  };
};

/// `IngestionJobFilterValues`: 0..10 IngestionJobFilterValue items.
struct IngestionJobFilterValues : std::vector<IngestionJobFilterValue> {
  using std::vector<IngestionJobFilterValue>::vector;
  static constexpr std::string_view shape_name = "IngestionJobFilterValues";
  static constexpr list_constraints constraints{0, 10};
};

/// `IngestionJobFilter`: 3 required, 0 optional.
struct IngestionJobFilter {
  enum_value<IngestionJobFilterAttribute> attribute;
  enum_value<IngestionJobFilterOperator> operator_;  // "operator" on the wire: a C++ keyword
  IngestionJobFilterValues values;
  static constexpr std::string_view shape_name = "IngestionJobFilter";
};
// Described by hand: BOOST_DESCRIBE_STRUCT would name each member by its C++ name.
inline auto boost_base_descriptor_fn(IngestionJobFilter**) { return boost::describe::detail::list<>(); }
inline auto boost_public_member_descriptor_fn(IngestionJobFilter**) {
  struct member_attribute {
    static constexpr auto pointer() noexcept { return &IngestionJobFilter::attribute; }
    static constexpr auto name() noexcept { return "attribute"; }
  };
  struct member_operator {
    static constexpr auto pointer() noexcept { return &IngestionJobFilter::operator_; }
    static constexpr auto name() noexcept { return "operator"; }
  };
  struct member_values {
    static constexpr auto pointer() noexcept { return &IngestionJobFilter::values; }
    static constexpr auto name() noexcept { return "values"; }
  };
  return boost::describe::detail::member_descriptor_fn_impl<boost::describe::mod_public>(
      0, member_attribute(), member_operator(), member_values());
}
inline auto boost_protected_member_descriptor_fn(IngestionJobFilter**) { return boost::describe::detail::list<>(); }
inline auto boost_private_member_descriptor_fn(IngestionJobFilter**) { return boost::describe::detail::list<>(); }
template <>
struct member_metadata<IngestionJobFilter> {
  static constexpr member_info members[] = {
    {"attribute", member_presence::required, member_binding::body},
    {"operator", member_presence::required, member_binding::body},
    {"values", member_presence::required, member_binding::body},
  };
};

/// `IngestionJobFilters`: exactly 1 IngestionJobFilter item.
struct IngestionJobFilters : std::vector<IngestionJobFilter> {
  using std::vector<IngestionJobFilter>::vector;
  static constexpr std::string_view shape_name = "IngestionJobFilters";
  static constexpr list_constraints constraints{1, 1};
};

/// `IngestionJobSortBy`: 2 required, 0 optional.
struct IngestionJobSortBy {
  enum_value<IngestionJobSortByAttribute> attribute;
  enum_value<SortOrder> order;
  static constexpr std::string_view shape_name = "IngestionJobSortBy";
};
BOOST_DESCRIBE_STRUCT(IngestionJobSortBy, (), (attribute, order))
template <>
struct member_metadata<IngestionJobSortBy> {
  static constexpr member_info members[] = {
    {"attribute", member_presence::required, member_binding::body},
    {"order", member_presence::required, member_binding::body},
  };
};

/// `ListIngestionJobsRequest`: 2 required, 4 optional.
struct ListIngestionJobsRequest {
  Id knowledgeBaseId;
  Id dataSourceId;
  std::optional<IngestionJobFilters> filters;
  std::optional<IngestionJobSortBy> sortBy;
  std::optional<MaxResults> maxResults;
  std::optional<NextToken> nextToken;
  static constexpr std::string_view shape_name = "ListIngestionJobsRequest";
};
BOOST_DESCRIBE_STRUCT(ListIngestionJobsRequest, (),
                      (knowledgeBaseId, dataSourceId, filters, sortBy, maxResults, nextToken))
template <>
struct member_metadata<ListIngestionJobsRequest> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::label},
    {"dataSourceId", member_presence::required, member_binding::label},
    {"filters", member_presence::optional, member_binding::body},
    {"sortBy", member_presence::optional, member_binding::body},
    {"maxResults", member_presence::optional, member_binding::body},
    {"nextToken", member_presence::optional, member_binding::body},
  };
};

/// `IngestionJobSummary`: 6 required, 2 optional.
struct IngestionJobSummary {
  Id knowledgeBaseId;
  Id dataSourceId;
  Id ingestionJobId;
  std::optional<Description> description;
  enum_value<IngestionJobStatus> status;
  DateTimestamp startedAt;
  DateTimestamp updatedAt;
  std::optional<IngestionJobStatistics> statistics;
  static constexpr std::string_view shape_name = "IngestionJobSummary";
};
BOOST_DESCRIBE_STRUCT(IngestionJobSummary, (),
                      (knowledgeBaseId, dataSourceId, ingestionJobId, description, status,
                       startedAt, updatedAt, statistics))
template <>
struct member_metadata<IngestionJobSummary> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::body},
    {"dataSourceId", member_presence::required, member_binding::body},
    {"ingestionJobId", member_presence::required, member_binding::body},
    {"description", member_presence::optional, member_binding::body},
    {"status", member_presence::required, member_binding::body},
    {"startedAt", member_presence::required, member_binding::body},
    {"updatedAt", member_presence::required, member_binding::body},
    {"statistics", member_presence::optional, member_binding::body},
  };
};

/// `IngestionJobSummaries`: IngestionJobSummary items; the model sets no bounds.
struct IngestionJobSummaries : std::vector<IngestionJobSummary> {
  using std::vector<IngestionJobSummary>::vector;
  static constexpr std::string_view shape_name = "IngestionJobSummaries";
  static constexpr list_constraints constraints{0, unbounded};
};

/// `ListIngestionJobsResponse`: 1 required, 1 optional.
struct ListIngestionJobsResponse {
  IngestionJobSummaries ingestionJobSummaries;
  std::optional<NextToken> nextToken;
  static constexpr std::string_view shape_name = "ListIngestionJobsResponse";
};
BOOST_DESCRIBE_STRUCT(ListIngestionJobsResponse, (), (ingestionJobSummaries, nextToken))
template <>
struct member_metadata<ListIngestionJobsResponse> {
  static constexpr member_info members[] = {
    {"ingestionJobSummaries", member_presence::required, member_binding::body},
    {"nextToken", member_presence::optional, member_binding::body},
  };
};

/// `StopIngestionJobRequest`: 3 required, 0 optional.
struct StopIngestionJobRequest {
  Id knowledgeBaseId;
  Id dataSourceId;
  Id ingestionJobId;
  static constexpr std::string_view shape_name = "StopIngestionJobRequest";
};
BOOST_DESCRIBE_STRUCT(StopIngestionJobRequest, (), (knowledgeBaseId, dataSourceId, ingestionJobId))
template <>
struct member_metadata<StopIngestionJobRequest> {
  static constexpr member_info members[] = {
    {"knowledgeBaseId", member_presence::required, member_binding::label},
    {"dataSourceId", member_presence::required, member_binding::label},
    {"ingestionJobId", member_presence::required, member_binding::label},
  };
};

/// `StopIngestionJobResponse`: 1 required, 0 optional.
struct StopIngestionJobResponse {
  IngestionJob ingestionJob;
  static constexpr std::string_view shape_name = "StopIngestionJobResponse";
};
BOOST_DESCRIBE_STRUCT(StopIngestionJobResponse, (), (ingestionJob))
template <>
struct member_metadata<StopIngestionJobResponse> {
  static constexpr member_info members[] = {
    {"ingestionJob", member_presence::required, member_binding::body},
  };
};

// ---- errors --------------------------------------------------------------------------------

/// `ThrottlingException`: HTTP 429, client fault.
struct ThrottlingException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "ThrottlingException";
  static constexpr int http_status = 429;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(ThrottlingException, (), (message))
template <>
struct member_metadata<ThrottlingException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

/// `AccessDeniedException`: HTTP 403, client fault.
struct AccessDeniedException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "AccessDeniedException";
  static constexpr int http_status = 403;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(AccessDeniedException, (), (message))
template <>
struct member_metadata<AccessDeniedException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

/// `ValidationExceptionFieldList`: ValidationExceptionField items; the model sets no bounds.
struct ValidationExceptionFieldList : std::vector<ValidationExceptionField> {
  using std::vector<ValidationExceptionField>::vector;
  static constexpr std::string_view shape_name = "ValidationExceptionFieldList";
  static constexpr list_constraints constraints{0, unbounded};
};

/// `ValidationException`: HTTP 400, client fault.
struct ValidationException {
  std::optional<NonBlankString> message;
  std::optional<ValidationExceptionFieldList> fieldList;
  static constexpr std::string_view shape_name = "ValidationException";
  static constexpr int http_status = 400;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(ValidationException, (), (message, fieldList))
template <>
struct member_metadata<ValidationException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
    {"fieldList", member_presence::optional, member_binding::body},
  };
};

/// `InternalServerException`: HTTP 500, server fault.
struct InternalServerException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "InternalServerException";
  static constexpr int http_status = 500;
  static constexpr error_fault fault = error_fault::server;
};
BOOST_DESCRIBE_STRUCT(InternalServerException, (), (message))
template <>
struct member_metadata<InternalServerException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

/// `ResourceNotFoundException`: HTTP 404, client fault.
struct ResourceNotFoundException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "ResourceNotFoundException";
  static constexpr int http_status = 404;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(ResourceNotFoundException, (), (message))
template <>
struct member_metadata<ResourceNotFoundException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

/// `ConflictException`: HTTP 409, client fault.
struct ConflictException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "ConflictException";
  static constexpr int http_status = 409;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(ConflictException, (), (message))
template <>
struct member_metadata<ConflictException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

/// `ServiceQuotaExceededException`: HTTP 402, client fault.
struct ServiceQuotaExceededException {
  std::optional<NonBlankString> message;
  static constexpr std::string_view shape_name = "ServiceQuotaExceededException";
  static constexpr int http_status = 402;
  static constexpr error_fault fault = error_fault::client;
};
BOOST_DESCRIBE_STRUCT(ServiceQuotaExceededException, (), (message))
template <>
struct member_metadata<ServiceQuotaExceededException> {
  static constexpr member_info members[] = {
    {"message", member_presence::optional, member_binding::body},
  };
};

// ---- operations ---------------------------------------------------------------------------

/// StartIngestionJob: its input, output, errors and HTTP binding, as the model has them.
struct StartIngestionJob {
  using input = StartIngestionJobRequest;
  using output = StartIngestionJobResponse;
  using errors = boost::mp11::mp_list<ThrottlingException, AccessDeniedException,
                                      ValidationException, InternalServerException,
                                      ResourceNotFoundException, ConflictException,
                                      ServiceQuotaExceededException>;
  static constexpr std::string_view name = "StartIngestionJob";
  static constexpr std::string_view http_method = "PUT";
  static constexpr std::string_view http_uri =
      "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/";
  static constexpr int http_success_status = 202;
};

/// GetIngestionJob: its input, output, errors and HTTP binding, as the model has them.
struct GetIngestionJob {
  using input = GetIngestionJobRequest;
  using output = GetIngestionJobResponse;
  using errors = boost::mp11::mp_list<ThrottlingException, AccessDeniedException,
                                      ValidationException, InternalServerException,
                                      ResourceNotFoundException>;
  static constexpr std::string_view name = "GetIngestionJob";
  static constexpr std::string_view http_method = "GET";
  static constexpr std::string_view http_uri =
      "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/{ingestionJobId}";
  static constexpr int http_success_status = 200;
};

/// ListIngestionJobs: its input, output, errors and HTTP binding, as the model has them.
struct ListIngestionJobs {
  using input = ListIngestionJobsRequest;
  using output = ListIngestionJobsResponse;
  using errors = boost::mp11::mp_list<ThrottlingException, AccessDeniedException,
                                      ValidationException, InternalServerException,
                                      ResourceNotFoundException>;
  static constexpr std::string_view name = "ListIngestionJobs";
  static constexpr std::string_view http_method = "POST";
  static constexpr std::string_view http_uri =
      "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/";
  static constexpr int http_success_status = 200;
};

/// StopIngestionJob: its input, output, errors and HTTP binding, as the model has them.
struct StopIngestionJob {
  using input = StopIngestionJobRequest;
  using output = StopIngestionJobResponse;
  using errors = boost::mp11::mp_list<ThrottlingException, AccessDeniedException,
                                      ValidationException, InternalServerException,
                                      ResourceNotFoundException, ConflictException>;
  static constexpr std::string_view name = "StopIngestionJob";
  static constexpr std::string_view http_method = "POST";
  static constexpr std::string_view http_uri =
      "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/{ingestionJobId}/stop";
  static constexpr int http_success_status = 202;
};

/// Every operation above, in the generator's order.
using operations = boost::mp11::mp_list<StartIngestionJob, GetIngestionJob, ListIngestionJobs,
                                        StopIngestionJob>;

/// Every structure above (errors included), in the model's order: what a document can be.
using structures = boost::mp11::mp_list<StartIngestionJobRequest, IngestionJobStatistics,
                                        IngestionJob, StartIngestionJobResponse,
                                        ThrottlingException, AccessDeniedException,
                                        ValidationExceptionField, ValidationException,
                                        InternalServerException, ResourceNotFoundException,
                                        ConflictException, ServiceQuotaExceededException,
                                        GetIngestionJobRequest, GetIngestionJobResponse,
                                        IngestionJobFilter, IngestionJobSortBy,
                                        ListIngestionJobsRequest, IngestionJobSummary,
                                        ListIngestionJobsResponse, StopIngestionJobRequest,
                                        StopIngestionJobResponse>;

}  // namespace bedrock_agent

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
