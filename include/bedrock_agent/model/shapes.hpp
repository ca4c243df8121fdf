#ifndef BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
#define BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED

// The shapes reachable from StopIngestionJob, one C++ type per model shape, with the model's
// names. Member and enumerator names are the wire names (Boost.Describe turns them into
// strings). Members the model does not require are std::optional, except PrimitiveLong
// counters, which default to 0 as the model says; each structure declares its members'
// presence and HTTP binding in a member_metadata<T> after its Describe line. Declaration order is the order of the
// published API reference, and is the order the serializer writes.

#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/time.hpp>

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

// ---- the model's rules -----------------------------------------------------------------

namespace detail::rule_data {
inline constexpr rule_description semantic_negative_counter{"semantic.negative-counter", rule_source::semantic, false, severity::error,
    "a document counter below zero", false, true};
}  // namespace detail::rule_data

namespace rules {
inline constexpr rule semantic_negative_counter{detail::rule_data::semantic_negative_counter};  ///< semantic.negative-counter: a document counter below zero
}  // namespace rules

namespace detail {
/// The model's own rules, listed after the codec's.
inline const bool model_rules_registered = register_rules(200, {
    rules::semantic_negative_counter
});
}  // namespace detail

// ---- simple shapes ---------------------------------------------------------------------
struct Id : string_shape<Id> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Id";
  static constexpr string_constraints constraints{
      0, unbounded, {charset::ascii_alnum, 10, 10, "^[0-9a-zA-Z]{10}$"}};
};

/// `Description`: 1..200 code points.
struct Description : string_shape<Description> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Description";
  static constexpr string_constraints constraints{1, 200, {}};
};

/// `FailureReason`: 0..2048 code points.
struct FailureReason : string_shape<FailureReason> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "FailureReason";
  static constexpr string_constraints constraints{0, 2048, {}};
};

/// `NonBlankString`: at least one code point (the model's pattern `[\s\S]+`).
struct NonBlankString : string_shape<NonBlankString> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "NonBlankString";
  static constexpr string_constraints constraints{0, unbounded, {charset::any, 1, unbounded, "[\\s\\S]+"}};
};

/// `PrimitiveLong`: a signed 64-bit integer; members of this shape default to 0.
using PrimitiveLong = std::int64_t;

/// Every PrimitiveLong of this API counts documents, so none may be negative
/// (rule semantic.negative-counter); `nonnegative` names what the value is in that message.
template <>
struct shape_info<PrimitiveLong> {
  static constexpr std::string_view shape_name = "PrimitiveLong";
  static constexpr std::string_view nonnegative = "a document counter";
  static constexpr rule nonnegative_rule = rules::semantic_negative_counter;
};

/// `DateTimestamp`: an RFC 3339 date-time on the wire, exact to the nanosecond here.
using DateTimestamp = timestamp;

template <>
struct shape_info<DateTimestamp> {
  static constexpr std::string_view shape_name = "DateTimestamp";
};

/// `FailureReasons`: 0..2048 FailureReason items.
struct FailureReasons : std::vector<FailureReason> {
  using std::vector<FailureReason>::vector;
  static constexpr std::string_view shape_name = "FailureReasons";
  static constexpr list_constraints constraints{0, 2048};
};

// ---- enums -----------------------------------------------------------------------------

/// `IngestionJobStatus`; enumerator names are the wire values.
enum class IngestionJobStatus { STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED };
BOOST_DESCRIBE_ENUM(IngestionJobStatus, STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED)

template <>
struct shape_info<IngestionJobStatus> {
  static constexpr std::string_view shape_name = "IngestionJobStatus";
};

// ---- structures ------------------------------------------------------------------------

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

// ---- errors ----------------------------------------------------------------------------

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

/// `ValidationExceptionFieldList`: the model sets no bounds.
struct ValidationExceptionFieldList : std::vector<ValidationExceptionField> {
  using std::vector<ValidationExceptionField>::vector;
  static constexpr std::string_view shape_name = "ValidationExceptionFieldList";
  static constexpr list_constraints constraints{0, unbounded};
};

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

// ---- the operation ---------------------------------------------------------------------

/// StopIngestionJob: its input, output, errors and HTTP binding, as the model has them.
struct StopIngestionJob {
  using input = StopIngestionJobRequest;
  using output = StopIngestionJobResponse;
  using errors = boost::mp11::mp_list<ThrottlingException, AccessDeniedException, ValidationException,
                                      InternalServerException, ResourceNotFoundException,
                                      ConflictException>;
  static constexpr std::string_view name = "StopIngestionJob";
  static constexpr std::string_view http_method = "POST";
  static constexpr std::string_view http_uri =
      "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/{ingestionJobId}/stop";
  static constexpr int http_success_status = 202;
};

inline std::ostream& operator<<(std::ostream& os, IngestionJobStatus s) { return os << to_string(s); }

}  // namespace bedrock_agent

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_MODEL_SHAPES_HPP_INCLUDED
