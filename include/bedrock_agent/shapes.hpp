#ifndef BEDROCK_AGENT_SHAPES_HPP_INCLUDED
#define BEDROCK_AGENT_SHAPES_HPP_INCLUDED

// The shapes reachable from StopIngestionJob, one C++ type per model shape, with the model's
// names. Member and enumerator names are the wire names (Boost.Describe turns them into
// strings). Members the model does not require are std::optional, except PrimitiveLong
// counters, which default to 0 as the model says; each structure declares its members'
// presence and HTTP binding in a member_metadata<T> after its Describe line. Declaration order is the order of the
// published API reference, and is the order the serializer writes.

#include <bedrock_agent/constraints.hpp>
#include <bedrock_agent/diagnostics.hpp>
#include <bedrock_agent/members.hpp>
#include <bedrock_agent/time.hpp>

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

/// The base of a string shape: a std::string that converts like one. A shape is its name and
/// constraints and nothing more:
///
///     struct Id : string_shape<Id> {
///       using string_shape::string_shape;
///       static constexpr std::string_view shape_name = "Id";
///       static constexpr string_constraints constraints{...};
///     };
///
/// Its constructors are std::string's and one from std::string itself (implicit: any string,
/// including another string shape, converts; the codec checks constraints, not the type).
/// `Shape` makes each shape's base a distinct type, so that string shapes share no base but
/// std::string.
template <class Shape>
struct string_shape : std::string {
  using std::string::string;
  string_shape() = default;
  string_shape(std::string s) : std::string(std::move(s)) {}  // NOLINT: implicit on purpose
};

/// `Id`: exactly 10 ASCII letters or digits.
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

/** The wire name of a described enumerator; empty when `e` is not a described value. */
template <class E>
constexpr std::string_view to_string(E e) noexcept {
  std::string_view name;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (d.value == e) name = d.name;
  });
  return name;
}

/** The enumerator whose wire name is exactly `s` (case matters); nullopt when none is. */
template <class E>
constexpr std::optional<E> enum_from_string(std::string_view s) noexcept {
  // Two plain locals, the optional made only at the return: the reader calls this on every
  // status, and this form is the fast one (docs/performance.md).
  E value{};
  bool known = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!known && s == d.name) {
      value = d.value;
      known = true;
    }
  });
  return known ? std::optional<E>(value) : std::nullopt;
}

/// An enum member as received: a known enumerator, or (only where the client profile's
/// `keep_unknown_enum_values` allowed it) an unknown wire string kept verbatim so that it is
/// written back unchanged and never mapped to some other value.
template <class E>
class enum_value {
 public:
  constexpr enum_value() noexcept = default;
  constexpr enum_value(E e) noexcept : known_(e) {}  // NOLINT: implicit, a known value is a value

  /** An unknown value carrying its raw wire string. */
  static enum_value unknown(std::string raw) {
    enum_value v;
    v.raw_ = std::move(raw);
    v.is_known_ = false;
    return v;
  }
  constexpr bool is_known() const noexcept { return is_known_; }
  /** The known enumerator; nullopt for an unknown value. */
  constexpr std::optional<E> known() const noexcept {
    return is_known_ ? std::optional<E>(known_) : std::nullopt;
  }
  /** The wire string: the enumerator's name or the raw unknown string. */
  std::string_view wire_name() const noexcept { return is_known_ ? to_string(known_) : std::string_view(raw_); }

  friend bool operator==(const enum_value& a, const enum_value& b) noexcept {
    return a.is_known_ == b.is_known_ && (a.is_known_ ? a.known_ == b.known_ : a.raw_ == b.raw_);
  }
  friend bool operator!=(const enum_value& a, const enum_value& b) noexcept { return !(a == b); }
  friend bool operator==(const enum_value& a, E b) noexcept { return a.is_known_ && a.known_ == b; }
  friend bool operator!=(const enum_value& a, E b) noexcept { return !(a == b); }
#if __cplusplus < 202002L  // C++20 rewrites the reversed forms itself
  friend bool operator==(E a, const enum_value& b) noexcept { return b == a; }
  friend bool operator!=(E a, const enum_value& b) noexcept { return !(b == a); }
#endif

 private:
  E known_{};
  bool is_known_ = true;
  std::string raw_;
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

/// Who is at fault for an error, as the model says (`senderFault` / `fault`).
enum class error_fault { client, server };

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

/// Value equality of every described structure, member by member.
using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

// ---- traits the generic engine reads -----------------------------------------------------

template <class T>
inline constexpr bool is_described_struct_v =
    boost::describe::has_describe_members<T>::value && std::is_class<T>::value;

template <class T, class = void>
struct is_error_shape : std::false_type {};
template <class T>
struct is_error_shape<T, std::void_t<decltype(T::http_status)>> : std::true_type {};

// ---- printing (doctest and RapidCheck show values with operator<<) -------------------------

namespace detail {
inline void print_quoted(std::ostream& os, std::string_view s) {
  os << '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      os << '\\' << ch;
    } else if (c < 0x20) {
      os << "\\u00" << hex_digit(c >> 4u) << hex_digit(c);
    } else {
      os << ch;
    }
  }
  os << '"';
}
template <class T>
void print_value(std::ostream& os, const T& v);
template <class T>
void print_value(std::ostream& os, const std::optional<T>& v) {
  if (v) print_value(os, *v); else os << "absent";
}
template <class E>
void print_value(std::ostream& os, const enum_value<E>& v) {
  if (v.is_known()) os << v.wire_name(); else { os << "unknown "; print_quoted(os, v.wire_name()); }
}
template <class T>
void print_value(std::ostream& os, const T& v) {
  if constexpr (is_string_shape_v<T>) {
    print_quoted(os, v);
  } else if constexpr (is_list_shape_v<T>) {
    os << '[';
    const char* sep = "";
    for (const auto& item : v) { os << sep; print_value(os, item); sep = ", "; }
    os << ']';
  } else if constexpr (is_described_struct_v<T>) {
    os << T::shape_name << '{';
    const char* sep = "";
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto d) {
          os << sep << d.name << ": ";
          print_value(os, v.*d.pointer);
          sep = ", ";
        });
    os << '}';
  } else {
    os << v;  // integers, timestamps
  }
}
}  // namespace detail

/** Prints a described shape readably, e.g. `IngestionJob{knowledgeBaseId: "KB12345678", ...}`. */
template <class T, std::enable_if_t<is_described_struct_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& v) {
  detail::print_value(os, v);
  return os;
}
template <class E>
std::ostream& operator<<(std::ostream& os, const enum_value<E>& v) {
  detail::print_value(os, v);
  return os;
}
inline std::ostream& operator<<(std::ostream& os, IngestionJobStatus s) { return os << to_string(s); }
template <class T, std::enable_if_t<is_list_shape_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& v) {
  detail::print_value(os, v);
  return os;
}

}  // namespace bedrock_agent

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_SHAPES_HPP_INCLUDED
