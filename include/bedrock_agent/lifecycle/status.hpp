#ifndef BEDROCK_AGENT_STATUS_HPP_INCLUDED
#define BEDROCK_AGENT_STATUS_HPP_INCLUDED

// The ingestion job's status invariants: the lifecycle as a constexpr state machine, the
// rules one response must keep (status.*), the rules one request/response exchange must keep
// (exchange.id-mismatch), and the rules a sequence of observations of one job must keep
// (sequence.*). Findings are ordinary diagnostics with JSON Pointers; offset, line and column
// are 0 because these rules look at values, not text.

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/engine/sink.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <boost/container_hash/hash.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>
#include <boost/unordered/unordered_flat_set.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace bedrock_agent {

// ---- the lifecycle rules ---------------------------------------------------------------

namespace detail::rule_data {
inline constexpr rule_description status_time_order{"status.time-order", rule_source::semantic, false, severity::error,
    "startedAt is after updatedAt"};
inline constexpr rule_description status_stop_state{"status.stop-state", rule_source::semantic, false, severity::warning,
    "a stop response not in STOPPING or STOPPED"};
inline constexpr rule_description status_reasons_without_failure{"status.reasons-without-failure", rule_source::semantic, false, severity::warning,
    "failureReasons present but status is not FAILED"};
inline constexpr rule_description status_failure_without_reasons{"status.failure-without-reasons", rule_source::semantic, false, severity::warning,
    "status FAILED with no failureReasons"};
inline constexpr rule_description exchange_id_mismatch{"exchange.id-mismatch", rule_source::protocol, false, severity::error,
    "the response's ids differ from the request path's"};
inline constexpr rule_description exchange_status_shape{"exchange.status-shape", rule_source::protocol, false, severity::error,
    "the HTTP status disagrees with the body's shape"};
inline constexpr rule_description sequence_transition{"sequence.transition", rule_source::semantic, false, severity::error,
    "a status change the lifecycle does not allow"};
inline constexpr rule_description sequence_started_at_changed{"sequence.started-at-changed", rule_source::semantic, false, severity::error,
    "startedAt differs between observations of one job"};
inline constexpr rule_description sequence_updated_at_decreased{"sequence.updated-at-decreased", rule_source::semantic, false, severity::error,
    "updatedAt went back between observations"};
inline constexpr rule_description sequence_scanned_decreased{"sequence.scanned-decreased", rule_source::semantic, false, severity::warning,
    "numberOfDocumentsScanned went down"};
inline constexpr rule_description status_start_state{"status.start-state", rule_source::semantic, false, severity::warning,
    "a start response not in STARTING"};
inline constexpr rule_description status_start_counters{"status.start-counters", rule_source::semantic, false, severity::warning,
    "a start response with a statistics counter above 0"};
inline constexpr rule_description status_start_times{"status.start-times", rule_source::semantic, false, severity::warning,
    "a start response whose updatedAt is after its startedAt"};
inline constexpr rule_description list_max_results{"list.max-results", rule_source::protocol, false, severity::error,
    "more summaries than the request's maxResults"};
inline constexpr rule_description list_sort_order{"list.sort-order", rule_source::protocol, false, severity::error,
    "summaries out of the order the request's sortBy asks for"};
inline constexpr rule_description sequence_stop_after_terminal{"sequence.stop-after-terminal", rule_source::semantic, false, severity::error,
    "a stop answered with success for a job already COMPLETE, FAILED or STOPPED"};
}  // namespace detail::rule_data

namespace rules {
inline constexpr rule status_time_order{detail::rule_data::status_time_order};  ///< status.time-order: startedAt is after updatedAt
inline constexpr rule status_stop_state{detail::rule_data::status_stop_state};  ///< status.stop-state: a StopIngestionJob response not in STOPPING or STOPPED
inline constexpr rule status_reasons_without_failure{detail::rule_data::status_reasons_without_failure};  ///< status.reasons-without-failure: failureReasons present but status is not FAILED
inline constexpr rule status_failure_without_reasons{detail::rule_data::status_failure_without_reasons};  ///< status.failure-without-reasons: status FAILED with no failureReasons
inline constexpr rule exchange_id_mismatch{detail::rule_data::exchange_id_mismatch};  ///< exchange.id-mismatch: the response's ids differ from the request path's
inline constexpr rule exchange_status_shape{detail::rule_data::exchange_status_shape};  ///< exchange.status-shape: the HTTP status disagrees with the body's shape
inline constexpr rule sequence_transition{detail::rule_data::sequence_transition};  ///< sequence.transition: a status change the lifecycle does not allow
inline constexpr rule sequence_started_at_changed{detail::rule_data::sequence_started_at_changed};  ///< sequence.started-at-changed: startedAt differs between observations
inline constexpr rule sequence_updated_at_decreased{detail::rule_data::sequence_updated_at_decreased};  ///< sequence.updated-at-decreased: updatedAt went back
inline constexpr rule sequence_scanned_decreased{detail::rule_data::sequence_scanned_decreased};  ///< sequence.scanned-decreased: numberOfDocumentsScanned went down
inline constexpr rule status_start_state{detail::rule_data::status_start_state};  ///< status.start-state: a StartIngestionJob response not in STARTING
inline constexpr rule status_start_counters{detail::rule_data::status_start_counters};  ///< status.start-counters: a StartIngestionJob response with a counter above 0
inline constexpr rule status_start_times{detail::rule_data::status_start_times};  ///< status.start-times: a StartIngestionJob response updated after it started
inline constexpr rule list_max_results{detail::rule_data::list_max_results};  ///< list.max-results: more summaries than maxResults
inline constexpr rule list_sort_order{detail::rule_data::list_sort_order};  ///< list.sort-order: a page out of its request's sortBy order
inline constexpr rule sequence_stop_after_terminal{detail::rule_data::sequence_stop_after_terminal};  ///< sequence.stop-after-terminal: a successful stop of a finished job
}  // namespace rules

namespace detail {
/// The ingestion-job lifecycle rules, listed after the binding's. The rules of the whole API
/// (Start, Get, List) come after those of StopIngestionJob, so that every rule keeps the
/// index it had (SARIF ruleIndex, error_code values).
inline const bool status_rules_registered = register_rules(400, {
    rules::status_time_order, rules::status_stop_state, rules::status_reasons_without_failure,
    rules::status_failure_without_reasons, rules::exchange_id_mismatch, rules::exchange_status_shape,
    rules::sequence_transition, rules::sequence_started_at_changed,
    rules::sequence_updated_at_decreased, rules::sequence_scanned_decreased,
    rules::status_start_state, rules::status_start_counters, rules::status_start_times,
    rules::list_max_results, rules::list_sort_order, rules::sequence_stop_after_terminal
});
}  // namespace detail

// ---- the lifecycle ---------------------------------------------------------------------

/// How many IngestionJobStatus values the model has.
inline constexpr std::size_t ingestion_job_status_count = 6;

static_assert(boost::mp11::mp_size<boost::describe::describe_enumerators<IngestionJobStatus>>::value ==
                  ingestion_job_status_count,
              "status.hpp: the lifecycle table covers exactly the model's six statuses");

namespace detail {
/// The enumerators are 0..5 in model order; anything else (a cast from a bad integer) is
/// not a status, and every function below answers "no" for it instead of indexing past a table.
constexpr std::size_t status_index(IngestionJobStatus s) noexcept { return static_cast<std::size_t>(s); }
constexpr bool is_status(IngestionJobStatus s) noexcept {
  return status_index(s) < ingestion_job_status_count;
}
}  // namespace detail

/// A set of statuses, a 6-bit mask. Iterates in lifecycle order.
class status_set {
 public:
  class const_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = IngestionJobStatus;
    using difference_type = std::ptrdiff_t;
    using pointer = const IngestionJobStatus*;
    using reference = IngestionJobStatus;

    constexpr const_iterator() noexcept = default;
    constexpr IngestionJobStatus operator*() const noexcept { return static_cast<IngestionJobStatus>(i_); }
    constexpr const_iterator& operator++() noexcept {
      ++i_;
      skip();
      return *this;
    }
    constexpr const_iterator operator++(int) noexcept {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    friend constexpr bool operator==(const_iterator a, const_iterator b) noexcept { return a.i_ == b.i_; }
    friend constexpr bool operator!=(const_iterator a, const_iterator b) noexcept { return a.i_ != b.i_; }

   private:
    friend class status_set;
    constexpr const_iterator(std::uint8_t bits, std::size_t i) noexcept : bits_(bits), i_(i) { skip(); }
    constexpr void skip() noexcept {
      while (i_ < ingestion_job_status_count && ((bits_ >> i_) & 1U) == 0) ++i_;
    }
    std::uint8_t bits_ = 0;
    std::size_t i_ = ingestion_job_status_count;
  };

  constexpr status_set() noexcept = default;
  constexpr status_set(std::initializer_list<IngestionJobStatus> statuses) noexcept {
    for (IngestionJobStatus s : statuses) insert(s);
  }

  /** The set whose mask is `bits` (bit i: the status with enumerator value i); bits 6 and 7
   *  are dropped. */
  static constexpr status_set from_bits(std::uint8_t bits) noexcept {
    status_set set;
    set.bits_ = static_cast<std::uint8_t>(bits & 0x3FU);
    return set;
  }
  /** Adds `s`; a value that is not a status is ignored. */
  constexpr void insert(IngestionJobStatus s) noexcept {
    if (detail::is_status(s)) bits_ = static_cast<std::uint8_t>(bits_ | (1U << detail::status_index(s)));
  }
  /** True when `s` is in the set (never for a value that is not a status). */
  constexpr bool contains(IngestionJobStatus s) const noexcept {
    return detail::is_status(s) && ((bits_ >> detail::status_index(s)) & 1U) != 0;
  }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (std::uint8_t b = bits_; b != 0; b = static_cast<std::uint8_t>(b & (b - 1))) ++n;
    return n;
  }
  /** The mask: bit i is the status with enumerator value i. */
  constexpr std::uint8_t bits() const noexcept { return bits_; }
  constexpr const_iterator begin() const noexcept { return const_iterator(bits_, 0); }
  constexpr const_iterator end() const noexcept { return const_iterator(bits_, ingestion_job_status_count); }

  constexpr status_set& operator|=(status_set other) noexcept {
    bits_ = static_cast<std::uint8_t>(bits_ | other.bits_);
    return *this;
  }
  friend constexpr status_set operator|(status_set a, status_set b) noexcept { return a |= b; }
  friend constexpr bool operator==(status_set a, status_set b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(status_set a, status_set b) noexcept { return a.bits_ != b.bits_; }

 private:
  std::uint8_t bits_ = 0;
};

/** Prints `{IN_PROGRESS, FAILED, STOPPING}` (test failure messages). */
inline std::ostream& operator<<(std::ostream& os, status_set set) {
  os << '{';
  const char* sep = "";
  for (IngestionJobStatus s : set) {
    os << sep << to_string(s);
    sep = ", ";
  }
  return os << '}';
}

/// One edge of the lifecycle.
struct status_transition {
  IngestionJobStatus from;
  IngestionJobStatus to;
};

/** The lifecycle's edges, the one source of truth every function below is computed from:
 *  STARTING -> IN_PROGRESS | FAILED | STOPPING; IN_PROGRESS -> COMPLETE | FAILED | STOPPING;
 *  STOPPING -> STOPPED. Staying in a state is not an edge (it is always allowed). */
constexpr std::array<status_transition, 7> lifecycle_transitions() noexcept {
  using S = IngestionJobStatus;
  return {{
      {S::STARTING, S::IN_PROGRESS},
      {S::STARTING, S::FAILED},
      {S::STARTING, S::STOPPING},
      {S::IN_PROGRESS, S::COMPLETE},
      {S::IN_PROGRESS, S::FAILED},
      {S::IN_PROGRESS, S::STOPPING},
      {S::STOPPING, S::STOPPED},
  }};
}

/** The statuses in lifecycle order: the model's enum order, which is also the order of the
 *  longest path from STARTING, so every edge goes from an earlier to a later status. */
constexpr std::array<IngestionJobStatus, ingestion_job_status_count> lifecycle_order() noexcept {
  using S = IngestionJobStatus;
  return {{S::STARTING, S::IN_PROGRESS, S::COMPLETE, S::FAILED, S::STOPPING, S::STOPPED}};
}

namespace detail {
// The tables are plain masks: GCC 12 rejects constexpr copies out of a value-initialized
// std::array of a class with constructors ("modification of ... is not a constant expression").
using status_table = std::array<std::uint8_t, ingestion_job_status_count>;

constexpr std::uint8_t status_bit(IngestionJobStatus s) noexcept {
  return static_cast<std::uint8_t>(1U << status_index(s));
}

constexpr status_table successor_table() noexcept {
  status_table t{};
  for (const status_transition& e : lifecycle_transitions()) {
    t[status_index(e.from)] = static_cast<std::uint8_t>(t[status_index(e.from)] | status_bit(e.to));
  }
  return t;
}

/// Reflexive-transitive closure of the edges (Warshall's algorithm on 6x6 bits).
constexpr status_table reachable_table() noexcept {
  status_table t = successor_table();
  for (std::size_t i = 0; i < ingestion_job_status_count; ++i) t[i] = static_cast<std::uint8_t>(t[i] | (1U << i));
  for (std::size_t k = 0; k < ingestion_job_status_count; ++k) {
    for (std::size_t i = 0; i < ingestion_job_status_count; ++i) {
      if ((t[i] >> k) & 1U) t[i] = static_cast<std::uint8_t>(t[i] | t[k]);
    }
  }
  return t;
}

inline constexpr status_table successors_v = successor_table();
inline constexpr status_table reachable_v = reachable_table();

constexpr bool lifecycle_order_is_topological() noexcept {
  const auto order = lifecycle_order();
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (status_index(order[i]) != i) return false;  // the tables are indexed by this order
  }
  for (const status_transition& e : lifecycle_transitions()) {
    if (status_index(e.from) >= status_index(e.to)) return false;
  }
  return true;
}
static_assert(lifecycle_order_is_topological(), "every lifecycle edge must go forward in lifecycle_order()");
}  // namespace detail

/** The statuses `s` may change to in one step, excluding `s` itself (staying is always
 *  allowed); empty for a terminal status and for a value that is not a status. */
constexpr status_set successors(IngestionJobStatus s) noexcept {
  return status_set::from_bits(detail::is_status(s) ? detail::successors_v[detail::status_index(s)] : 0);
}

/** True for COMPLETE, FAILED and STOPPED: statuses with no successor. False for a value that
 *  is not a status. */
constexpr bool is_terminal(IngestionJobStatus s) noexcept { return detail::is_status(s) && successors(s).empty(); }

/** True when one observation of `from` may be directly followed by one of `to`: the same
 *  status (an observation repeated) or one edge of the lifecycle. False when either value is
 *  not a status. */
constexpr bool can_transition(IngestionJobStatus from, IngestionJobStatus to) noexcept {
  return detail::is_status(from) && detail::is_status(to) && (from == to || successors(from).contains(to));
}

/** True when `to` can be reached from `from` in zero or more steps (so is_reachable(s, s)).
 *  False when either value is not a status. */
constexpr bool is_reachable(IngestionJobStatus from, IngestionJobStatus to) noexcept {
  return detail::is_status(from) && status_set::from_bits(detail::reachable_v[detail::status_index(from)]).contains(to);
}

// ---- findings --------------------------------------------------------------------------

namespace detail {
/** `base` + `member`: a JSON Pointer below `base` (member names here need no escaping). */
inline std::string status_pointer(std::string_view base, std::string_view member) {
  std::string s;
  s.reserve(base.size() + member.size());
  s.append(base).append(member);
  return s;
}

/** A finding of `r` into `sink`, at `base` + `member`; `text()` is called only when the
 *  finding is kept. */
template <class Text>
void add_status_finding(diagnostic_sink& sink, rule r, std::string_view base, std::string_view member, Text&& text) {
  sink.add(r, [&](diagnostic& d) {
    d.pointer = status_pointer(base, member);
    set_text(d, text());
  });
}

/** "IN_PROGRESS, FAILED or STOPPING"; "nothing" for an empty set. */
inline std::string status_words(status_set set) {
  if (set.empty()) return "nothing";
  std::string s;
  std::size_t left = set.size();
  for (IngestionJobStatus st : set) {
    s += to_string(st);
    --left;
    if (left > 1) s += ", ";
    if (left == 1) s += " or ";
  }
  return s;
}

/// The two shapes that describe one job: an IngestionJob (Start, Get and Stop responses) and
/// an IngestionJobSummary (a List page). check_status, check_exchange and the sequence rules
/// are written once against both.
template <class T>
struct is_job_record : std::false_type {};
template <>
struct is_job_record<IngestionJob> : std::true_type {};
template <>
struct is_job_record<IngestionJobSummary> : std::true_type {};
template <class T>
using enable_if_job_record = std::enable_if_t<is_job_record<T>::value, int>;

template <class Operation>
using operation_output = typename Operation::output;
template <class Operation>
using operation_input = typename Operation::input;
/// True for the output shape of one of the model's `operations`.
template <class T>
using is_operation_output = boost::mp11::mp_contains<boost::mp11::mp_transform<operation_output, operations>, T>;
template <class T>
using enable_if_operation_output = std::enable_if_t<is_operation_output<T>::value, int>;
/// True when Response is the output of the operation whose input is Request.
template <class Request, class Response>
using is_exchange = std::is_same<
    boost::mp11::mp_at<boost::mp11::mp_push_back<boost::mp11::mp_transform<operation_output, operations>, void>,
                       boost::mp11::mp_find<boost::mp11::mp_transform<operation_input, operations>, Request>>,
    Response>;

/** "/ingestionJobSummaries/" followed by `i`, into `out` (reused from summary to summary: no
 *  allocation once it is long enough). */
inline void summary_pointer(std::string& out, std::size_t i) {
  out.assign("/ingestionJobSummaries/");
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
  out.append(digits, end);
}

/** The rules on one job or summary located at `at`. A summary has no failureReasons, so only
 *  time-order applies to it. */
template <class Record>
void check_job(const Record& job, std::string_view at, diagnostic_sink& sink) {
  if (job.updatedAt < job.startedAt) {
    add_status_finding(sink, rules::status_time_order, at, "/updatedAt", [&] {
      const std::string started = format_timestamp(job.startedAt), updated = format_timestamp(job.updatedAt);
      return finding_text{"a time at or after startedAt " + started, updated,
                          "updatedAt " + updated + " is before startedAt " + started +
                              ": a job cannot be updated before it started"};
    });
  }
  if constexpr (std::is_same<Record, IngestionJob>::value) {
    // An unknown status says nothing about failure either way (it may be a state added after
    // this model), so both failure rules look at known statuses only.
    const std::optional<IngestionJobStatus> status = job.status.known();
    if (!status) return;
    const std::size_t reasons = job.failureReasons ? job.failureReasons->size() : 0;
    if (reasons > 0 && *status != IngestionJobStatus::FAILED) {
      add_status_finding(sink, rules::status_reasons_without_failure, at, "/failureReasons", [&] {
        return finding_text{"no failureReasons unless status is FAILED",
                            std::to_string(reasons) + (reasons == 1 ? " reason" : " reasons"),
                            "failureReasons has " + std::to_string(reasons) + (reasons == 1 ? " entry" : " entries") +
                                " but status is " + std::string(to_string(*status)) +
                                "; only a FAILED job has reasons for failing"};
      });
    }
    if (*status == IngestionJobStatus::FAILED && reasons == 0) {
      add_status_finding(sink, rules::status_failure_without_reasons, at, "/status", [&] {
        const char* what = job.failureReasons ? "empty" : "absent";
        return finding_text{"failureReasons with at least one entry", std::string("failureReasons ") + what,
                            std::string("status is FAILED but failureReasons is ") + what +
                                "; a failed job should say why it failed"};
      });
    }
  }
}

/** check_status(StartIngestionJobResponse) into `out`: start-state, start-counters,
 *  start-times, then the job's rules. */
inline void check_output(const StartIngestionJobResponse& response, diagnostic_sink& sink) {
  const IngestionJob& job = response.ingestionJob;
  const std::optional<IngestionJobStatus> status = job.status.known();
  if (status && *status != IngestionJobStatus::STARTING) {
    add_status_finding(sink, rules::status_start_state, "/ingestionJob/status", "", [&] {
      return finding_text{"STARTING", std::string(to_string(*status)),
                          "a StartIngestionJob response reports status " + std::string(to_string(*status)) +
                              "; a job that was just started is STARTING"};
    });
  }
  if (job.statistics) {
    boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
        [&](auto member) {
          const PrimitiveLong n = (*job.statistics).*member.pointer;
          if (n > 0) {
            add_status_finding(sink, rules::status_start_counters, "/ingestionJob/statistics/", member.name, [&] {
              return finding_text{"0", std::to_string(n),
                                  std::string(member.name) + " is " + std::to_string(n) +
                                      " in a StartIngestionJob response; a job that was just started has not "
                                      "counted any document yet"};
            });
          }
        });
  }
  if (job.startedAt < job.updatedAt) {
    add_status_finding(sink, rules::status_start_times, "/ingestionJob/updatedAt", "", [&] {
      const std::string started = format_timestamp(job.startedAt), updated = format_timestamp(job.updatedAt);
      return finding_text{"startedAt " + started, updated,
                          "updatedAt " + updated + " is after startedAt " + started +
                              " in a StartIngestionJob response; a job that was just started has not been updated since"};
    });
  }
  check_job(job, "/ingestionJob", sink);
}

/** check_status(GetIngestionJobResponse) into `out`: the job's rules. */
inline void check_output(const GetIngestionJobResponse& response, diagnostic_sink& sink) {
  check_job(response.ingestionJob, "/ingestionJob", sink);
}

/** check_status(ListIngestionJobsResponse) into `out`: each summary's rules, in page order. */
inline void check_output(const ListIngestionJobsResponse& response, diagnostic_sink& sink) {
  std::string at;
  for (std::size_t i = 0; i < response.ingestionJobSummaries.size(); ++i) {
    summary_pointer(at, i);
    check_job(response.ingestionJobSummaries[i], at, sink);
  }
}

/** check_status(StopIngestionJobResponse) into `out`: stop-state, then the job's rules. */
inline void check_output(const StopIngestionJobResponse& response, diagnostic_sink& sink) {
  const IngestionJob& job = response.ingestionJob;
  const std::optional<IngestionJobStatus> status = job.status.known();
  if (status && *status != IngestionJobStatus::STOPPING && *status != IngestionJobStatus::STOPPED) {
    add_status_finding(sink, rules::status_stop_state, "/ingestionJob/status", "", [&] {
      return finding_text{"STOPPING or STOPPED", std::string(to_string(*status)),
                          "a StopIngestionJob response reports status " + std::string(to_string(*status)) +
                              "; a job that was just stopped is STOPPING or STOPPED"};
    });
  }
  check_job(job, "/ingestionJob", sink);
}
}  // namespace detail

/** The rules on one ingestion job or List summary, wherever it came from: status.time-order
 *  (updatedAt before startedAt, error) on both; on an IngestionJob also
 *  status.reasons-without-failure and status.failure-without-reasons (warnings; a summary has
 *  no failureReasons). `Record` is IngestionJob or IngestionJobSummary. `pointer` is the JSON
 *  Pointer of `job` in its document ("" when it is the root); findings point below it. Rules
 *  in options.disabled are skipped. Counters are not checked here: the codec and check_value()
 *  report semantic.negative-counter. Returns the findings (ok() when none is an error). */
template <class Record, detail::enable_if_job_record<Record> = 0>
[[nodiscard]] result<void> check_status(const Record& job, const parse_options& options = {},
                                        std::string_view pointer = "") {
  result<void> r;
  diagnostic_sink sink(detail::result_access::diagnostics(r), options, diagnostic_sink::bound::none);
  detail::check_job(job, pointer, sink);
  detail::result_access::count(r);
  return r;
}

/** The rules on the output of one operation (`Output` is StartIngestionJobResponse,
 *  GetIngestionJobResponse, ListIngestionJobsResponse or StopIngestionJobResponse): those of
 *  check_status(job) at /ingestionJob, or at /ingestionJobSummaries/N for each summary of a
 *  List page, plus, for a StopIngestionJob response, status.stop-state (warning: the job a stop
 *  returns is STOPPING or STOPPED), and for a StartIngestionJob response status.start-state,
 *  status.start-counters and status.start-times (warnings: a job just started is STARTING, has
 *  counted nothing and has not been updated since it started). An unknown status is not
 *  reported by these rules (the codec already warned about it with constraint.enum). Returns
 *  the findings (ok() when none is an error). */
template <class Output, detail::enable_if_operation_output<Output> = 0>
[[nodiscard]] result<void> check_status(const Output& output, const parse_options& options = {}) {
  result<void> r;
  diagnostic_sink sink(detail::result_access::diagnostics(r), options, diagnostic_sink::bound::none);
  detail::check_output(output, sink);
  detail::result_access::count(r);
  return r;
}

/** check_status(Output) into the caller's `out`: the findings are appended, so one vector
 *  serves many responses. When `count_warnings_only` is not null, warning-level findings are
 *  not built: each adds one to `*count_warnings_only` instead (a caller that shows no warnings
 *  but counts them). */
template <class Output, detail::enable_if_operation_output<Output> = 0>
void check_status(const Output& output, const parse_options& options, std::vector<diagnostic>& out,
                  std::size_t* count_warnings_only = nullptr) {
  diagnostic_sink sink(out, options, diagnostic_sink::bound::none);
  sink.count_warnings_only(count_warnings_only != nullptr);
  detail::check_output(output, sink);
  if (count_warnings_only) *count_warnings_only += sink.warnings();
}

namespace detail {
template <class T>
using ingestion_job_id_member = decltype(std::declval<const T&>().ingestionJobId);

/** exchange.id-mismatch for one job or summary at `at`: its knowledgeBaseId and dataSourceId,
 *  and its ingestionJobId when the request names one (Get, Stop), against the request's.
 *  `whose()` starts the message ("the response's", "summary 3's"); it is called only for a
 *  finding that is kept. */
template <class Request, class Record, class Whose>
void compare_ids(const Request& request, const Record& job, std::string_view at, const Whose& whose,
                 diagnostic_sink& sink) {
  // `member` is "/name": the pointer's last step
  const auto compare = [&](std::string_view member, const Id& asked, const Id& got) {
    if (asked == got) return;
    add_status_finding(sink, rules::exchange_id_mismatch, at, member, [&] {
      const std::string shown_asked = excerpt(asked), shown_got = excerpt(got);
      return finding_text{"\"" + shown_asked + "\"", "\"" + shown_got + "\"",
                          whose() + " " + std::string(member.substr(1)) + " is \"" + shown_got +
                              "\" but the request asked for \"" + shown_asked + "\""};
    });
  };
  compare("/knowledgeBaseId", request.knowledgeBaseId, job.knowledgeBaseId);
  compare("/dataSourceId", request.dataSourceId, job.dataSourceId);
  if constexpr (boost::mp11::mp_valid<ingestion_job_id_member, Request>::value) {
    compare("/ingestionJobId", request.ingestionJobId, job.ingestionJobId);
  }
}

/** check_exchange for Start, Get and Stop: one job at /ingestionJob. */
template <class Request, class Response>
void check_exchange_into(const Request& request, const Response& response, diagnostic_sink& sink) {
  compare_ids(request, response.ingestionJob, "/ingestionJob", [] { return std::string("the response's"); }, sink);
}

/** list.sort-order on a page sorted by STARTED_AT: the first step that goes the wrong way,
 *  and how many do. */
inline void check_started_at_order(const IngestionJobSummaries& page, bool ascending, diagnostic_sink& sink) {
  std::size_t first = 0, breaks = 0;
  for (std::size_t i = 1; i < page.size(); ++i) {
    const bool wrong = ascending ? page[i].startedAt < page[i - 1].startedAt : page[i - 1].startedAt < page[i].startedAt;
    if (wrong && breaks++ == 0) first = i;
  }
  if (breaks == 0) return;
  std::string at;
  summary_pointer(at, first);
  add_status_finding(sink, rules::list_sort_order, at, "/startedAt", [&] {
    const std::string here = format_timestamp(page[first].startedAt),
                      before = format_timestamp(page[first - 1].startedAt);
    const char* order = ascending ? "ASCENDING" : "DESCENDING";
    return finding_text{std::string(ascending ? "a time at or after " : "a time at or before ") + before, here,
                        "summary " + std::to_string(first) + "'s startedAt " + here + " is " +
                            (ascending ? "before" : "after") + " summary " + std::to_string(first - 1) + "'s " +
                            before + ", but the request sorts by STARTED_AT " + order +
                            " (the page is out of order at " + std::to_string(breaks) +
                            (breaks == 1 ? " place)" : " places)")};
  });
}

/** list.sort-order on a page sorted by STATUS. Which order the service gives the statuses is
 *  not documented (the model's, or the names' alphabetical order?), so only what every order
 *  implies is checked: the summaries of one status stand together. A status that comes back
 *  after another one is out of order whatever the order; ASCENDING and DESCENDING are told
 *  apart by no status order known, so both are checked alike. */
inline void check_status_order(const IngestionJobSummaries& page, diagnostic_sink& sink) {
  std::uint8_t ended_known = 0;          // statuses whose run has ended
  std::vector<std::string_view> ended_unknown;  // wire names of unknown statuses whose run ended
  const auto ended = [&](const enum_value<IngestionJobStatus>& s) {
    if (const auto k = s.known()) return ((ended_known >> status_index(*k)) & 1U) != 0;
    return std::find(ended_unknown.begin(), ended_unknown.end(), s.wire_name()) != ended_unknown.end();
  };
  std::size_t first = 0, breaks = 0;
  for (std::size_t i = 1; i < page.size(); ++i) {
    const auto& prev = page[i - 1].status;
    const auto& here = page[i].status;
    if (prev == here) continue;
    if (const auto k = prev.known()) {
      ended_known = static_cast<std::uint8_t>(ended_known | status_bit(*k));
    } else if (!ended(prev)) {
      ended_unknown.push_back(prev.wire_name());
    }
    if (ended(here) && breaks++ == 0) first = i;
  }
  if (breaks == 0) return;
  std::string at;
  summary_pointer(at, first);
  add_status_finding(sink, rules::list_sort_order, at, "/status", [&] {
    const std::string here = excerpt(page[first].status.wire_name()), before = excerpt(page[first - 1].status.wire_name());
    return finding_text{"the " + here + " summaries next to each other", here + " again after " + before,
                        "summary " + std::to_string(first) + "'s status " + here + " comes again after summary " +
                            std::to_string(first - 1) + "'s " + before +
                            ", but the request sorts by STATUS: in any order of the statuses the jobs of one status "
                            "stand together (the page is out of order at " +
                            std::to_string(breaks) + (breaks == 1 ? " place)" : " places)")};
  });
}

/** check_exchange for List: each summary's ids, the page's size, its order. */
inline void check_exchange_into(const ListIngestionJobsRequest& request, const ListIngestionJobsResponse& response,
                                diagnostic_sink& sink) {
  const IngestionJobSummaries& page = response.ingestionJobSummaries;
  std::string at;
  for (std::size_t i = 0; i < page.size(); ++i) {
    summary_pointer(at, i);
    compare_ids(request, page[i], at, [i] { return "summary " + std::to_string(i) + "'s"; }, sink);
  }
  if (request.maxResults && page.size() > static_cast<std::size_t>(std::max<std::int32_t>(*request.maxResults, 0))) {
    add_status_finding(sink, rules::list_max_results, "/ingestionJobSummaries", "", [&] {
      const std::string most = std::to_string(static_cast<std::int32_t>(*request.maxResults));
      return finding_text{"at most " + most + " summaries", std::to_string(page.size()) + " summaries",
                          "the page has " + std::to_string(page.size()) +
                              " summaries but the request's maxResults is " + most};
    });
  }
  if (!request.sortBy) return;
  const std::optional<IngestionJobSortByAttribute> attribute = request.sortBy->attribute.known();
  const std::optional<SortOrder> order = request.sortBy->order.known();
  if (!attribute || !order) return;  // a sort this model does not know: nothing to check it against
  if (*attribute == IngestionJobSortByAttribute::STARTED_AT) {
    check_started_at_order(page, *order == SortOrder::ASCENDING, sink);
  } else {
    check_status_order(page, sink);
  }
}
}  // namespace detail

/** The rules on one exchange: a request and the success response it got (`Request` is the
 *  input of one of the model's operations, `Response` that operation's output).
 *  exchange.id-mismatch (error): the response's knowledgeBaseId and dataSourceId, and its
 *  ingestionJobId for Get and Stop, must equal the request's (byte for byte: ids are
 *  case-sensitive); for List, those of every summary. One finding per differing id, pointing
 *  at the response member. For List also list.max-results (error: more summaries than the
 *  request's maxResults; nothing when it is absent) and list.sort-order (error: the page breaks
 *  the request's sortBy; nothing without sortBy). (exchange.status-shape belongs to the HTTP
 *  layer.) Returns the findings (ok() when none is an error). */
template <class Request, class Response,
          std::enable_if_t<detail::is_exchange<Request, Response>::value, int> = 0>
[[nodiscard]] result<void> check_exchange(const Request& request, const Response& response,
                                          const parse_options& options = {}) {
  result<void> r;
  diagnostic_sink sink(detail::result_access::diagnostics(r), options, diagnostic_sink::bound::none);
  detail::check_exchange_into(request, response, sink);
  detail::result_access::count(r);
  return r;
}

// ---- sequences of observations ---------------------------------------------------------

/// What a status change between two consecutive observations is checked against.
enum class transition_check : std::uint8_t {
  /// The observations are samples (a client polling GetIngestionJob): a step may skip
  /// statuses the job passed through unseen, so it is legal when `to` is reachable from
  /// `from` (STARTING -> COMPLETE is fine, COMPLETE -> anything else and IN_PROGRESS ->
  /// STARTING are not).
  reachable,
  /// The observations are every change (an event log): a step must stay or follow one edge
  /// (STARTING -> COMPLETE is an error: IN_PROGRESS was skipped).
  direct,
};

/// How sequences are checked.
struct sequence_options {
  transition_check transitions = transition_check::reachable;
  /// sequence_checker only: how many jobs it remembers. Past it, the job observed least
  /// recently is forgotten (forgotten_jobs() counts them); its next observation starts a
  /// new sequence, so nothing is reported wrongly, only less is checked. 0 remembers none.
  std::size_t max_jobs = 100000;
  /// sequence_checker only: the seed of the hash of the jobs' ids. Unset, a seed drawn once per
  /// process from std::random_device, so that a crafted file cannot choose ids that collide.
  /// Findings never depend on it: it only decides where a job sits in the hash table.
  std::optional<std::uint64_t> hash_seed;
};

namespace detail {
/// An observation's label as a job keeps it: a prefix shared through a label_pool and, when the
/// label ends in a decimal number without leading zeros, that number ("responses.jsonl:17" is
/// "responses.jsonl:" and 17). A job keeps two labels without a string of its own, and a
/// message spells them back byte for byte.
struct kept_label {
  std::uint32_t prefix = 0;  ///< index in the pool
  bool has_number = false;
  std::uint64_t number = 0;
};

/// The prefixes of kept labels, each stored once and counted: a prefix goes when the last label
/// using it is released, so the pool never holds more than the labels kept.
class label_pool {
 public:
  label_pool() = default;
  label_pool(const label_pool&) = default;
  label_pool& operator=(const label_pool&) = default;
  label_pool(label_pool&& other) noexcept
      : prefixes_(std::move(other.prefixes_)), free_(std::move(other.free_)), index_(std::move(other.index_)),
        last_(other.last_) {
    other.clear();
  }
  label_pool& operator=(label_pool&& other) noexcept {
    if (this != &other) {
      prefixes_ = std::move(other.prefixes_);
      free_ = std::move(other.free_);
      index_ = std::move(other.index_);
      last_ = other.last_;
      other.clear();
    }
    return *this;
  }
  ~label_pool() = default;

  /** Keeps `label`: one more reference to its prefix. */
  kept_label keep(std::string_view label) {
    // The trailing digits are split off when to_string gives them back exactly: 1 to 19 of
    // them (below 2^64), and no leading zero unless the number is 0.
    std::size_t digits = 0;
    while (digits < label.size() && label[label.size() - 1 - digits] >= '0' &&
           label[label.size() - 1 - digits] <= '9') {
      ++digits;
    }
    const std::string_view number = label.substr(label.size() - digits);
    if (digits == 0 || digits > 19 || (digits > 1 && number[0] == '0')) return keep_prefix(label, false, 0);
    std::uint64_t n = 0;
    for (char c : number) n = n * 10 + static_cast<std::uint64_t>(c - '0');
    return keep_prefix(label.substr(0, label.size() - digits), true, n);
  }
  /** Keeps the label `prefix` followed by `number` in decimal. */
  kept_label keep(std::string_view prefix, std::uint64_t number) { return keep_prefix(prefix, true, number); }
  /** One more reference to what `l` refers to (a second job field keeping the same label). */
  kept_label share(const kept_label& l) noexcept {
    ++prefixes_[l.prefix].refs;
    return l;
  }
  /** Drops one reference taken by keep() or share(). */
  void release(const kept_label& l) noexcept {
    prefix& p = prefixes_[l.prefix];
    if (--p.refs != 0) return;
    if (last_ == l.prefix) last_ = npos;
    index_.erase(p.text);
    free_.push_back(l.prefix);  // never throws: reserved when the prefix was added
  }
  /** The label as it was given. */
  std::string text(const kept_label& l) const {
    std::string s = prefixes_[l.prefix].text;
    if (l.has_number) s += std::to_string(l.number);
    return s;
  }
  /** Prefixes held now. */
  std::size_t size() const noexcept { return index_.size(); }
  /** Drops every prefix (every kept label becomes invalid). */
  void clear() noexcept {
    prefixes_.clear();
    free_.clear();
    index_.clear();
    last_ = npos;
  }

 private:
  static constexpr std::uint32_t npos = 0xFFFFFFFFU;
  struct prefix {
    std::string text;
    std::size_t refs = 0;
  };

  kept_label keep_prefix(std::string_view text, bool has_number, std::uint64_t number) {
    std::uint32_t at = last_;
    // The common case is a run of labels with one prefix (a file name): one comparison.
    if (at == npos || prefixes_[at].text != text) {
      std::string key(text);
      const auto found = index_.find(key);
      if (found != index_.end()) {
        at = found->second;
      } else {
        if (free_.empty()) {
          free_.reserve(prefixes_.size() + 1);  // so that release() never allocates
          prefixes_.emplace_back();
          at = static_cast<std::uint32_t>(prefixes_.size() - 1);
          index_.emplace(key, at);
        } else {
          at = free_.back();
          index_.emplace(key, at);
          free_.pop_back();
        }
        prefixes_[at].text = std::move(key);
        prefixes_[at].refs = 0;
      }
      last_ = at;
    }
    ++prefixes_[at].refs;
    return kept_label{at, has_number, number};
  }

  std::vector<prefix> prefixes_;
  std::vector<std::uint32_t> free_;  // indices in prefixes_ of released prefixes
  std::unordered_map<std::string, std::uint32_t> index_;
  std::uint32_t last_ = npos;  // the prefix found last
};

/// What one job's next observation is compared with: a few values and two labels (in the
/// label_pool of the tracker or checker that holds the state).
struct job_state {
  std::size_t count = 0;  ///< observations so far
  std::optional<IngestionJobStatus> status;  ///< the previous observation's, nullopt when unknown
  timestamp started_at{};
  timestamp updated_at{};
  kept_label label;  ///< the previous observation's label (when count > 0)
  std::optional<PrimitiveLong> scanned;  ///< from the last observation that had statistics
  kept_label scanned_label;  ///< that observation's label (when scanned)
  std::optional<IngestionJobStatus> terminal;  ///< the first terminal status observed
  kept_label terminal_label;  ///< that observation's label (when terminal)
};

/** Releases the labels `st` keeps in `labels` and makes it a fresh state. */
inline void reset_job_state(job_state& st, label_pool& labels) noexcept {
  if (st.count > 0) labels.release(st.label);
  if (st.scanned) labels.release(st.scanned_label);
  if (st.terminal) labels.release(st.terminal_label);
  st = job_state{};
}

/// An observation's label as its caller has it: `text`, or `text` followed by `number` in
/// decimal when `numbered` ("responses.jsonl:" and 17 for "responses.jsonl:17"), so that a
/// caller that numbers its observations need not print the number for every one.
struct observation_label {
  std::string_view text;
  bool numbered = false;
  std::uint64_t number = 0;
};

/** Compares `job` (an IngestionJob or a summary, at JSON Pointer `at`, called `label` in
 *  messages) with the previous observation in `st`, adds the findings to `sink`, and makes
 *  `job` the previous one. `stop`: the observation is a StopIngestionJob response. The labels
 *  are kept in `labels`; the strings of messages are only built for a finding the sink keeps. */
template <class Record>
void observe_job(job_state& st, label_pool& labels, const Record& job, const observation_label& label,
                 std::string_view at, bool stop, transition_check mode, diagnostic_sink& sink) {
  const kept_label here = label.numbered       ? labels.keep(label.text, label.number)
                          : label.text.empty() ? labels.keep("observation #", st.count + 1)
                                               : labels.keep(label.text);
  const std::optional<IngestionJobStatus> status = job.status.known();
  if (stop && st.terminal) {
    // The service refuses to stop a job that has finished (ConflictException, HTTP 409): a
    // success here contradicts an earlier observation, whatever status the response reports.
    add_status_finding(sink, rules::sequence_stop_after_terminal, "", "", [&] {
      return finding_text{"ConflictException (HTTP 409)", "a StopIngestionJob response",
                          "StopIngestionJob succeeded (" + labels.text(here) + ") for a job already " +
                              std::string(to_string(*st.terminal)) + " (" + labels.text(st.terminal_label) +
                              "); a finished job cannot be stopped, the service answers ConflictException (HTTP 409)"};
    });
  }
  if (st.count > 0) {
    // Unknown statuses are opaque: a step into or out of one is not judged, since the model
    // says nothing about them (and the step after an unknown one has no known `from`).
    if (st.status && status) {
      const IngestionJobStatus from = *st.status, to = *status;
      const bool ok = mode == transition_check::direct ? can_transition(from, to) : is_reachable(from, to);
      if (!ok) {
        add_status_finding(sink, rules::sequence_transition, at, "/status", [&] {
          const std::string from_name(to_string(from)), to_name(to_string(to));
          std::string why;
          std::string expected;
          if (is_terminal(from)) {
            why = "but " + from_name + " is terminal";
            expected = from_name + " (terminal)";
          } else {
            status_set next = mode == transition_check::direct ? successors(from)
                                                                : status_set::from_bits(reachable_v[status_index(from)]);
            status_set others;
            for (IngestionJobStatus s : next) {
              if (s != from) others.insert(s);
            }
            why = mode == transition_check::direct ? "but " + from_name + " can only change to " + status_words(others)
                                                   : "but from " + from_name + " the lifecycle only leads to " +
                                                         status_words(others);
            expected = from_name + " or " + status_words(others);
          }
          return finding_text{std::move(expected), to_name,
                              "status went from " + from_name + " (" + labels.text(st.label) + ") to " + to_name +
                                  " (" + labels.text(here) + "), " + why};
        });
      }
    }
    if (job.startedAt != st.started_at) {
      add_status_finding(sink, rules::sequence_started_at_changed, at, "/startedAt", [&] {
        const std::string was = format_timestamp(st.started_at), now = format_timestamp(job.startedAt);
        return finding_text{was, now,
                            "startedAt changed from " + was + " (" + labels.text(st.label) + ") to " + now + " (" +
                                labels.text(here) + "); a job's start time never changes, even when it is stopped"};
      });
    }
    if (job.updatedAt < st.updated_at) {
      add_status_finding(sink, rules::sequence_updated_at_decreased, at, "/updatedAt", [&] {
        const std::string was = format_timestamp(st.updated_at), now = format_timestamp(job.updatedAt);
        return finding_text{"a time at or after " + was, now,
                            "updatedAt went back from " + was + " (" + labels.text(st.label) + ") to " + now + " (" +
                                labels.text(here) + ")"};
      });
    }
  }
  // Absent statistics are no information (not zero): compare with the last observation
  // that had them.
  if (job.statistics) {
    const PrimitiveLong scanned = job.statistics->numberOfDocumentsScanned;
    if (st.scanned && scanned < *st.scanned) {
      add_status_finding(sink, rules::sequence_scanned_decreased, at, "/statistics/numberOfDocumentsScanned", [&] {
        return finding_text{"at least " + std::to_string(*st.scanned), std::to_string(scanned),
                            "numberOfDocumentsScanned went down from " + std::to_string(*st.scanned) + " (" +
                                labels.text(st.scanned_label) + ") to " + std::to_string(scanned) + " (" +
                                labels.text(here) + "); a job does not unscan documents"};
      });
    }
    if (st.scanned) labels.release(st.scanned_label);
    st.scanned = scanned;
    st.scanned_label = labels.share(here);
  }
  if (status && !st.terminal && is_terminal(*status)) {
    st.terminal = status;
    st.terminal_label = labels.share(here);
  }
  if (st.count > 0) labels.release(st.label);
  ++st.count;
  st.status = status;
  st.started_at = job.startedAt;
  st.updated_at = job.updatedAt;
  st.label = here;
}

/// What observe() takes: a job or summary, or the output of one operation. A List page is
/// observations of many jobs, so only a sequence_checker takes it.
template <class T>
using is_observation = boost::mp11::mp_or<is_job_record<T>, is_operation_output<T>>;
template <class T>
using enable_if_observation = std::enable_if_t<is_observation<T>::value, int>;
template <class T>
using enable_if_one_job_observation =
    std::enable_if_t<is_observation<T>::value && !std::is_same<T, ListIngestionJobsResponse>::value, int>;

/** Calls f(record, at, stop) for each job or summary `observed` holds, in document order: `at`
 *  is its JSON Pointer, `stop` whether it is a StopIngestionJob response's. */
template <class Record, class F, enable_if_job_record<Record> = 0>
void for_each_observation(const Record& job, F&& f) {
  f(job, std::string_view(), false);
}
template <class Response, class F, enable_if_operation_output<Response> = 0>
void for_each_observation(const Response& response, F&& f) {
  f(response.ingestionJob, std::string_view("/ingestionJob"), std::is_same<Response, StopIngestionJobResponse>::value);
}
template <class F>
void for_each_observation(const ListIngestionJobsResponse& response, F&& f) {
  std::string at;
  for (const IngestionJobSummary& summary : response.ingestionJobSummaries) {
    summary_pointer(at, static_cast<std::size_t>(&summary - response.ingestionJobSummaries.data()));
    f(summary, std::string_view(at), false);
  }
}
}  // namespace detail

/// The sequence rules for the observations of ONE job, fed in order. Each rule compares an
/// observation with the one just before it (numberOfDocumentsScanned: with the last one that
/// had statistics), so one bad step gives one finding. It does not look at the ids: use
/// sequence_checker to route observations of many jobs. Not thread-safe.
class job_tracker {
 public:
  /** A tracker that honours options.disabled and checks status changes per `mode`. */
  explicit job_tracker(const parse_options& options = {},
                       transition_check mode = transition_check::reachable) noexcept
      : options_(options), mode_(mode) {}

  /** Checks one observation of the job against the previous one and remembers it.
   *  `observed` is an IngestionJob, an IngestionJobSummary, or a Start, Get or Stop response
   *  (pointers under /ingestionJob). `label` names the observation in messages (an index,
   *  "file:line"); empty means "observation #N". Returns sequence.transition,
   *  sequence.started-at-changed, sequence.updated-at-decreased, sequence.stop-after-terminal
   *  (errors) and sequence.scanned-decreased (warning) findings, with pointers relative to
   *  `observed`; none for the first observation. */
  template <class Observed, detail::enable_if_one_job_observation<Observed> = 0>
  result<void> observe(const Observed& observed, std::string_view label = "") {
    result<void> r;
    diagnostic_sink sink(detail::result_access::diagnostics(r), options_, diagnostic_sink::bound::none);
    detail::for_each_observation(observed, [&](const auto& job, std::string_view at, bool stop) {
      detail::observe_job(state_, labels_, job, detail::observation_label{label, false, 0}, at, stop, mode_, sink);
    });
    detail::result_access::count(r);
    return r;
  }
  /** How many observations were fed. */
  std::size_t observations() const noexcept { return state_.count; }
  /** Forgets every observation (the next one is a first one). */
  void reset() {
    state_ = detail::job_state{};
    labels_.clear();
  }

 private:
  parse_options options_;
  transition_check mode_;
  detail::label_pool labels_;
  detail::job_state state_;
};

namespace detail {
struct job_key_view {
  std::string_view knowledge_base_id, data_source_id, ingestion_job_id;
  friend bool operator==(const job_key_view& a, const job_key_view& b) noexcept {
    return a.ingestion_job_id == b.ingestion_job_id && a.data_source_id == b.data_source_id &&
           a.knowledge_base_id == b.knowledge_base_id;
  }
};

/** A seed for job_key_hash that a crafted file cannot know in advance: drawn from
 *  std::random_device once per process (the OS's random source), or, where that throws, the
 *  address of a static (which ASLR moves) mixed with the clock. */
inline std::uint64_t process_hash_seed() noexcept {
  static const std::uint64_t seed = [] {
    try {
      std::random_device device;
      return (static_cast<std::uint64_t>(device()) << 32) ^ device();
    } catch (...) {
      static const char here = 0;
      std::size_t s = static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(&here));
      boost::hash_combine(s, std::chrono::steady_clock::now().time_since_epoch().count());
      return static_cast<std::uint64_t>(s);
    }
  }();
  return seed;
}

/// The hash of the three ids: each id eight bytes at a time into boost::hash_combine, from a
/// seed (three chains, one per id, so that they run side by side; then combined). Each id's
/// length goes into its last word, so moving a byte from one id to the next changes the hash.
struct job_key_hash {
  std::uint64_t seed = process_hash_seed();

  static std::size_t add(std::size_t h, std::string_view id) noexcept {
    const char* p = id.data();
    std::size_t n = id.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      boost::hash_combine(h, w);
    }
    std::uint64_t w = static_cast<std::uint64_t>(n) << 56;  // n < 8: the top byte keeps the length
    for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    boost::hash_combine(h, w);
    return h;
  }
  std::uint64_t operator()(const job_key_view& k) const noexcept {
    const std::size_t s = static_cast<std::size_t>(seed);
    std::size_t h = add(s, k.knowledge_base_id);
    boost::hash_combine(h, add(s + 1, k.data_source_id));
    boost::hash_combine(h, add(s + 2, k.ingestion_job_id));
    return h;
  }
};

/** Asks the kernel to back the whole 2 MiB pages inside [p, p + n), memory not yet touched,
 *  with transparent huge pages (Linux; a hint, which may be ignored): a large index then
 *  takes a page fault per 2 MiB instead of one per 4 KiB as it fills. */
inline void advise_huge_pages(void* p, std::size_t n) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(p) + huge - 1) & ~(huge - 1);
  const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(p) + n) & ~(huge - 1);
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p;
  (void)n;
#endif
}

/// The three ids of a remembered job, in one buffer: inline when they fit (ten-byte ids do),
/// else on the heap.
class job_key_store {
 public:
  void assign(const job_key_view& k) {
    kb_ = k.knowledge_base_id.size();
    ds_ = k.data_source_id.size();
    size_ = kb_ + ds_ + k.ingestion_job_id.size();
    long_.reset();
    char* p = inline_;
    if (size_ > sizeof inline_) {
      long_.reset(new char[size_]);
      p = long_.get();
    }
    // memcpy of an empty view (whose data() may be null) is avoided: it is undefined
    if (kb_) std::memcpy(p, k.knowledge_base_id.data(), kb_);
    if (ds_) std::memcpy(p + kb_, k.data_source_id.data(), ds_);
    if (size_ > kb_ + ds_) std::memcpy(p + kb_ + ds_, k.ingestion_job_id.data(), size_ - kb_ - ds_);
  }
  job_key_view view() const noexcept {
    const char* p = data();
    return {{p, kb_}, {p + kb_, ds_}, {p + kb_ + ds_, size_ - kb_ - ds_}};
  }

 private:
  const char* data() const noexcept { return long_ ? long_.get() : inline_; }

  std::size_t kb_ = 0, ds_ = 0, size_ = 0;
  char inline_[32];  // [0, size_) is written before it is read
  std::unique_ptr<char[]> long_;
};

/// The jobs a sequence_checker remembers: an LRU map from the three ids to a job_state.
/// Slots live in one vector and are chained most recently observed first by index (no node per
/// job); a full index reuses the least recently observed job's slot. The hash table is a
/// boost::unordered_flat_set of (slot number, hash) entries: the ids are stored once, in the
/// slots; an entry is found by ids through heterogeneous lookup, and rehashing reads only the
/// entries. `Hash` maps a job_key_view to 64 bits; the index is built with one (job_key_hash:
/// seeded), and the tests pass hashes that make keys collide.
template <class Hash = job_key_hash>
class basic_job_index {
 public:
  /// Slot numbers are 32-bit: at most this many jobs are remembered, whatever the limit.
  static constexpr std::size_t max_size = 0xFFFFFFFEU;

  explicit basic_job_index(Hash hash = Hash{}) : hash_(std::move(hash)) {}
  basic_job_index(const basic_job_index&) = delete;
  basic_job_index& operator=(const basic_job_index&) = delete;
  // The table's equality points into *core_, which a move does not relocate. A moved-from
  // index has no core: it is empty, and makes a new one when a job is inserted.
  basic_job_index(basic_job_index&&) noexcept = default;
  basic_job_index& operator=(basic_job_index&&) noexcept = default;
  ~basic_job_index() = default;

  /** The state of the job `key`, now the most recently observed. A job not remembered gets a
   *  fresh state; when `limit` (> 0) jobs are remembered, the least recently observed one is
   *  forgotten first (its labels released into `labels`) and `forgot` is set. */
  job_state& find_or_insert(const job_key_view& key, std::size_t limit, label_pool& labels, bool& forgot) {
    forgot = false;
    if (!core_) core_ = std::make_unique<core>();
    core& c = *core_;
    const std::uint32_t h = hash_of(key);
    const auto found = c.table.find(lookup{key, h});
    if (found != c.table.end()) {
      c.to_front(found->slot);
      return c.slots[found->slot].state;
    }
    if (limit > max_size) limit = max_size;
    std::uint32_t s;
    if (c.slots.size() >= limit) {  // full: the least recently observed job's slot is reused
      s = c.tail;
      c.table.erase(entry{s, c.slots[s].hash});
      c.unlink(s);
      reset_job_state(c.slots[s].state, labels);
      forgot = true;
    } else {
      if (c.slots.capacity() == c.slots.size()) {
        // One reservation up to a bound, then doubling: pages no job reaches are never touched.
        c.slots.reserve(std::min(limit, std::max(std::size_t{1} << 17, c.slots.size() * 2)));
        advise_huge_pages(c.slots.data() + c.slots.size(), (c.slots.capacity() - c.slots.size()) * sizeof(slot));
      }
      // At a few thousand jobs the table is sized for twice the slots reserved: it does not
      // rehash on the way there (a file of a few jobs does not pay for a table of max_jobs),
      // and, half full at most, it keeps few overflowed groups, whose erasures make it rehash.
      if (c.slots.size() == std::size_t{1} << 12) c.table.reserve(2 * c.slots.capacity());
      c.slots.emplace_back();
      s = static_cast<std::uint32_t>(c.slots.size() - 1);
    }
    slot& sl = c.slots[s];
    sl.key.assign(key);
    sl.hash = h;
    c.table.insert(entry{s, h});
    c.push_front(s);
    return sl.state;
  }

  bool contains(const job_key_view& key) const {
    return core_ && core_->table.contains(lookup{key, hash_of(key)});
  }
  std::size_t size() const noexcept { return core_ ? core_->slots.size() : 0; }
  /** Forgets every job; the memory is kept for the next ones. */
  void clear() noexcept {
    if (!core_) return;
    core_->slots.clear();
    core_->table.clear();
    core_->head = core_->tail = none;
  }
  /** Calls f(job_key_view) for each job, most recently observed first. */
  template <class F>
  void for_each_recent(F&& f) const {
    if (!core_) return;
    for (std::uint32_t s = core_->head; s != none; s = core_->slots[s].next) f(core_->slots[s].key.view());
  }

 private:
  static constexpr std::uint32_t none = 0xFFFFFFFFU;
  struct slot {
    job_key_store key;
    std::uint32_t hash = 0;  // of key: the table entry is found again without hashing the ids
    std::uint32_t prev = none, next = none;  // towards more / less recently observed
    job_state state;
  };
  /// A table entry: a slot number and the hash of its ids (32 bits of Hash, folded).
  struct entry {
    std::uint32_t slot;
    std::uint32_t hash;
  };
  /// A lookup by ids, with their hash computed once.
  struct lookup {
    job_key_view key;
    std::uint32_t hash;
  };
  struct entry_hash {
    using is_transparent = void;
    std::size_t operator()(const entry& e) const noexcept { return e.hash; }
    std::size_t operator()(const lookup& k) const noexcept { return k.hash; }
  };
  /// Entries are equal when their slots are; ids are compared only when the hashes are equal.
  struct entry_equal {
    using is_transparent = void;
    const std::vector<slot>* slots;
    bool operator()(const entry& a, const entry& b) const noexcept { return a.slot == b.slot; }
    bool operator()(const lookup& k, const entry& e) const noexcept {
      return e.hash == k.hash && (*slots)[e.slot].key.view() == k.key;
    }
    bool operator()(const entry& e, const lookup& k) const noexcept { return (*this)(k, e); }
  };
  using table_type = boost::unordered_flat_set<entry, entry_hash, entry_equal>;

  struct core {
    core() : table(0, entry_hash{}, entry_equal{&slots}) {}
    core(const core&) = delete;
    core& operator=(const core&) = delete;
    core(core&&) = delete;
    core& operator=(core&&) = delete;
    ~core() = default;

    void unlink(std::uint32_t s) noexcept {
      slot& sl = slots[s];
      (sl.prev == none ? head : slots[sl.prev].next) = sl.next;
      (sl.next == none ? tail : slots[sl.next].prev) = sl.prev;
      sl.prev = sl.next = none;
    }
    void push_front(std::uint32_t s) noexcept {
      slot& sl = slots[s];
      sl.prev = none;
      sl.next = head;
      (head == none ? tail : slots[head].prev) = s;
      head = s;
    }
    void to_front(std::uint32_t s) noexcept {
      if (s == head) return;
      unlink(s);
      push_front(s);
    }

    std::vector<slot> slots;
    table_type table;  // after slots: its equality points at them
    std::uint32_t head = none, tail = none;  // most and least recently observed
  };

  std::uint32_t hash_of(const job_key_view& key) const noexcept {
    const std::uint64_t h = hash_(key);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  Hash hash_;
  std::unique_ptr<core> core_;
};
using job_index = basic_job_index<>;
}  // namespace detail

/// The sequence rules for observations of many jobs, interleaved. A job is the triple
/// (knowledgeBaseId, dataSourceId, ingestionJobId), the three ids every ingestion job
/// operation takes: the same ingestionJobId under another data source is another job, checked
/// on its own. At most sequence_options::max_jobs jobs are remembered; past that, the least
/// recently observed one is forgotten. Not thread-safe.
class sequence_checker {
 public:
  explicit sequence_checker(const parse_options& options = {}, const sequence_options& sequence = {})
      : options_(options),
        sequence_(sequence),
        jobs_(detail::job_key_hash{sequence.hash_seed ? *sequence.hash_seed : detail::process_hash_seed()}) {}
  // Up to max_jobs jobs: a copy is never what is meant.
  sequence_checker(const sequence_checker&) = delete;
  sequence_checker& operator=(const sequence_checker&) = delete;
  sequence_checker(sequence_checker&&) = default;
  sequence_checker& operator=(sequence_checker&&) = default;

  /** Checks each job `observed` holds against the previous observation of the same job (see
   *  job_tracker) and remembers it. `observed` is an IngestionJob, an IngestionJobSummary, or
   *  the output of one operation: a Start, Get or Stop response (one job, at /ingestionJob) or
   *  a List page (each summary in page order, at /ingestionJobSummaries/N, all called `label`).
   *  Returns the findings, with pointers relative to `observed`. */
  template <class Observed, detail::enable_if_observation<Observed> = 0>
  result<void> observe(const Observed& observed, std::string_view label = "") {
    return observe_as(observed, detail::observation_label{label, false, 0});
  }
  /** As above, the observation called `label_prefix` followed by `label_number` in decimal
   *  ("responses.jsonl:" and 17 for "responses.jsonl:17"): the same findings and messages,
   *  without a label string built for each observation. */
  template <class Observed, detail::enable_if_observation<Observed> = 0>
  result<void> observe(const Observed& observed, std::string_view label_prefix, std::uint64_t label_number) {
    return observe_as(observed, detail::observation_label{label_prefix, true, label_number});
  }
  /** How many jobs are remembered now (at most max_jobs). */
  std::size_t tracked_jobs() const noexcept { return jobs_.size(); }
  /** How many jobs were forgotten to stay within max_jobs. */
  std::size_t forgotten_jobs() const noexcept { return forgotten_; }
  /** True when the job with these ids is remembered. */
  bool is_tracked(std::string_view knowledge_base_id, std::string_view data_source_id,
                  std::string_view ingestion_job_id) const {
    return jobs_.contains(detail::job_key_view{knowledge_base_id, data_source_id, ingestion_job_id});
  }
  /** Forgets every job (forgotten_jobs() is kept). */
  void clear() noexcept {
    jobs_.clear();
    labels_.clear();
  }

 private:
  template <class Observed>
  result<void> observe_as(const Observed& observed, const detail::observation_label& label) {
    result<void> r;
    diagnostic_sink sink(detail::result_access::diagnostics(r), options_, diagnostic_sink::bound::none);
    if (sequence_.max_jobs != 0) {
      detail::for_each_observation(observed, [&](const auto& job, std::string_view at, bool stop) {
        bool forgot = false;
        detail::job_state& st = jobs_.find_or_insert(
            detail::job_key_view{job.knowledgeBaseId, job.dataSourceId, job.ingestionJobId}, sequence_.max_jobs,
            labels_, forgot);
        forgotten_ += forgot;
        detail::observe_job(st, labels_, job, label, at, stop, sequence_.transitions, sink);
      });
    }
    detail::result_access::count(r);
    return r;
  }

  parse_options options_;
  sequence_options sequence_;
  detail::label_pool labels_;
  detail::job_index jobs_;
  std::size_t forgotten_ = 0;
};

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_STATUS_HPP_INCLUDED
