#ifndef BEDROCK_AGENT_TESTING_LIFECYCLE_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_LIFECYCLE_HPP_INCLUDED

// Generators of coherent ingestion jobs and of sequences of observations of one job:
// sequences that follow the lifecycle of status.hpp (its successors() and is_reachable(), not a
// copy of its table), with updatedAt and numberOfDocumentsScanned never going back, and
// sequences with exactly one illegal step, paired with the rule and pointer it must produce.
// Histories of a few jobs seen through the outputs of all four operations (Start, Get, List,
// Stop), legal or with one stop of a finished job planted.
//
// Test-only: needs RapidCheck.

#include <bedrock_agent/testing/arbitrary.hpp>
#include <bedrock_agent/testing/fixtures.hpp>

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <rapidcheck.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace bedrock_agent::testing {

namespace detail {

/** `t` plus `ns` nanoseconds, at most timestamp::max(). */
inline timestamp later(timestamp t, std::uint64_t ns) {
  const std::uint64_t total = t.nanoseconds() + ns % 1000000000;
  std::int64_t s = t.seconds() + static_cast<std::int64_t>(ns / 1000000000) + static_cast<std::int64_t>(total / 1000000000);
  if (s > timestamp::max_seconds) return timestamp::max();
  return *timestamp::from_parts(s, static_cast<std::uint32_t>(total % 1000000000));
}

/** A gap between two observations: none, nanoseconds, seconds, hours or years. */
inline rc::Gen<std::uint64_t> gap() {
  static const rc::Gen<std::uint64_t> cached = weighted<std::uint64_t>({
      {2, rc::gen::just(std::uint64_t{0})},
      {1, rc::gen::inRange<std::uint64_t>(1, 1000)},
      {4, rc::gen::map(rc::gen::inRange<std::uint64_t>(1, 3600), [](std::uint64_t s) { return s * 1000000000; })},
      {2, rc::gen::resize(nominal_size, rc::gen::inRange<std::uint64_t>(1, std::uint64_t{400} * 86400 * 1000000000))},
  });
  return cached;
}

/** failureReasons as a job in `s` must have them: present and non-empty exactly when FAILED. */
inline rc::Gen<std::optional<FailureReasons>> reasons_for(IngestionJobStatus s) {
  static const rc::Gen<std::optional<FailureReasons>> none = rc::gen::just(std::optional<FailureReasons>());
  static const rc::Gen<std::optional<FailureReasons>> some = rc::gen::map(
      rc::gen::scale(0.5, complete<FailureReasons>()), [](FailureReasons r) { return std::optional<FailureReasons>(std::move(r)); });
  return s == IngestionJobStatus::FAILED ? some : none;
}

}  // namespace detail

/** A timestamp early enough to leave centuries of room after it (for updatedAt). */
inline rc::Gen<timestamp> start_time() {
  static const rc::Gen<timestamp> cached = rc::gen::map(any_timestamp(), [](timestamp t) {
    constexpr std::int64_t room = std::int64_t{500} * 366 * 86400;
    return t.seconds() > timestamp::max_seconds - room ? *timestamp::from_parts(t.seconds() - room, t.nanoseconds()) : t;
  });
  return cached;
}

/** A job in status `s` that keeps every single-response rule (check_status finds nothing):
 *  updatedAt at or after startedAt, failureReasons present and non-empty exactly when FAILED. */
inline rc::Gen<IngestionJob> job_in(IngestionJobStatus s) {
  return rc::gen::exec([s] {
    // at half the size: the failureReasons and statistics it draws are replaced or beside the point
    IngestionJob job = *rc::gen::scale(0.5, arbitrary<IngestionJob>());
    job.status = s;
    job.startedAt = *start_time();
    job.updatedAt = detail::later(job.startedAt, *detail::gap());
    job.failureReasons = *detail::reasons_for(s);
    return job;
  });
}

/** Coherent jobs in any status. */
inline rc::Gen<IngestionJob> coherent_job() {
  return rc::gen::mapcat(enumerator<IngestionJobStatus>(), [](IngestionJobStatus s) { return job_in(s); });
}

/** StopIngestionJob responses that keep every single-response rule: STOPPING or STOPPED,
 *  startedAt <= updatedAt, no failureReasons (only a FAILED job has them). */
inline rc::Gen<StopIngestionJobResponse> stop_response() {
  return rc::gen::mapcat(detail::entry_of<IngestionJobStatus>({IngestionJobStatus::STOPPED, IngestionJobStatus::STOPPING}),
                         [](IngestionJobStatus s) {
                           return rc::gen::map(job_in(s), [](IngestionJob j) { return StopIngestionJobResponse{std::move(j)}; });
                         });
}

// ---- sequences ----------------------------------------------------------------------------------

/// Observations of one job, in order.
struct lifecycle {
  std::vector<IngestionJob> observations;
  transition_check mode = transition_check::reachable;  ///< what the steps follow
};

/// Observations of one job with exactly one illegal step.
struct broken_lifecycle {
  std::vector<IngestionJob> observations;
  transition_check mode = transition_check::reachable;
  std::size_t bad_step = 0;           ///< the observation the one finding is about
  rule expected = rules::sequence_transition;
  std::string pointer;                ///< relative to the job: "/status", "/startedAt", ...
};

namespace detail {
inline void print_observations(std::ostream& os, const std::vector<IngestionJob>& v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    os << "\n  #" << i << " " << v[i].status << " startedAt " << v[i].startedAt << " updatedAt " << v[i].updatedAt;
    if (v[i].statistics) os << " scanned " << v[i].statistics->numberOfDocumentsScanned;
    if (v[i].failureReasons) os << " reasons " << v[i].failureReasons->size();
  }
}
}  // namespace detail

inline std::ostream& operator<<(std::ostream& os, const lifecycle& l) {
  os << "lifecycle (" << (l.mode == transition_check::direct ? "direct" : "reachable") << ")";
  detail::print_observations(os, l.observations);
  return os;
}
inline std::ostream& operator<<(std::ostream& os, const broken_lifecycle& l) {
  os << "lifecycle (" << (l.mode == transition_check::direct ? "direct" : "reachable") << ") breaking "
     << rule_id(l.expected) << " at #" << l.bad_step << " " << l.pointer;
  detail::print_observations(os, l.observations);
  return os;
}

namespace detail {

/** Statuses `from` may legally be followed by under `mode`, itself excluded. */
inline std::vector<IngestionJobStatus> legal_next(IngestionJobStatus from, transition_check mode) {
  std::vector<IngestionJobStatus> out;
  for (IngestionJobStatus to : lifecycle_order()) {
    if (to == from) continue;
    if (mode == transition_check::direct ? can_transition(from, to) : is_reachable(from, to)) out.push_back(to);
  }
  return out;
}

/** Statuses `from` may NOT be followed by under `mode`. */
inline std::vector<IngestionJobStatus> illegal_next(IngestionJobStatus from, transition_check mode) {
  std::vector<IngestionJobStatus> out;
  for (IngestionJobStatus to : lifecycle_order()) {
    if (!(mode == transition_check::direct ? can_transition(from, to) : is_reachable(from, to))) out.push_back(to);
  }
  return out;
}

/// Builds observations of one job inside rc::gen::exec, each legal after the one before.
class lifecycle_builder {
 public:
  explicit lifecycle_builder(transition_check mode) : mode_(mode) {
    base_ = *rc::gen::scale(0.25, arbitrary<IngestionJob>());
    base_.startedAt = *start_time();
    stats_ = *rc::gen::scale(0.25, arbitrary<IngestionJobStatistics>());
    status_ = choose_index(2) == 0 ? IngestionJobStatus::STARTING : *enumerator<IngestionJobStatus>();
    updated_ = later(base_.startedAt, *gap());
  }

  /** The next observation in `s` (legal after the current status: the caller's business),
   *  `gap_ns` after the last one. */
  IngestionJob observe(IngestionJobStatus s, std::uint64_t gap_ns) {
    status_ = s;
    if (!out_.empty()) updated_ = later(updated_, gap_ns);
    IngestionJob job = base_;
    job.status = s;
    job.updatedAt = updated_;
    job.failureReasons = *reasons_for(s);
    job.statistics.reset();
    if (choose_index(3) != 0) {  // absent statistics say nothing; present ones never go down
      IngestionJobStatistics st = stats_;  // the other counters may do anything; scanned never goes down
      st.numberOfDocumentsFailed = static_cast<PrimitiveLong>(choose_index(1000));
      scanned_ = scanned_ + static_cast<PrimitiveLong>(choose_index(1000));
      st.numberOfDocumentsScanned = scanned_;
      job.statistics = st;
    }
    out_.push_back(job);
    return job;
  }
  /** A legal next observation: the same status again, or a legal change. */
  void step() {
    const std::vector<IngestionJobStatus> next = legal_next(status_, mode_);
    const IngestionJobStatus s = next.empty() || choose_index(3) == 0 ? status_ : next[choose_index(next.size())];
    observe(s, *gap());
  }
  /** A legal change into a status from which `wanted` has candidates. */
  template <class Predicate>
  void step_until(Predicate wanted) {
    for (int guard = 0; guard < 8 && !wanted(status_); ++guard) {
      const std::vector<IngestionJobStatus> next = legal_next(status_, mode_);
      observe(next[choose_index(next.size())], *gap());
    }
  }

  static std::size_t choose_index(std::size_t n) { return n <= 1 ? 0 : *index(n); }

  transition_check mode_;
  IngestionJob base_;
  IngestionJobStatistics stats_;
  IngestionJobStatus status_;
  timestamp updated_;
  PrimitiveLong scanned_ = 0;
  std::vector<IngestionJob> out_;
};

}  // namespace detail

/** Sequences of observations of one job that keep every sequence rule under `mode`: statuses
 *  that stay or change as the lifecycle allows, one startedAt, updatedAt never earlier,
 *  numberOfDocumentsScanned never lower (statistics may be absent). Each observation is a
 *  coherent job (job_in). From 1 to about 12 observations. */
inline rc::Gen<lifecycle> valid_lifecycle(transition_check mode) {
  return rc::gen::exec([mode] {
    detail::lifecycle_builder b(mode);
    b.observe(b.status_, 0);
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 12); i < n; ++i) b.step();
    return lifecycle{std::move(b.out_), mode};
  });
}

/** The rules a sequence of observations can break, one at a time. */
inline std::vector<rule> lifecycle_rules() {
  return {rules::sequence_transition, rules::sequence_started_at_changed, rules::sequence_updated_at_decreased,
          rules::sequence_scanned_decreased};
}

/** Sequences with exactly one illegal step breaking `r` (one of lifecycle_rules()): a legal
 *  prefix, the bad observation, and a legal continuation from it. */
inline rc::Gen<broken_lifecycle> lifecycle_with_illegal_step(transition_check mode, rule r) {
  return rc::gen::exec([mode, r] {
    using detail::lifecycle_builder;
    lifecycle_builder b(mode);
    b.observe(b.status_, 0);
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 5); i < n; ++i) b.step();
    broken_lifecycle out;
    out.mode = mode;
    out.expected = r;
    if (r == rules::sequence_transition) {
      b.step_until([&](IngestionJobStatus s) { return !detail::illegal_next(s, mode).empty(); });
      const auto bad = detail::illegal_next(b.status_, mode);
      b.observe(bad[lifecycle_builder::choose_index(bad.size())], *detail::gap());
      out.pointer = "/status";
    } else if (r == rules::sequence_started_at_changed) {
      const std::uint64_t step = *detail::gap();
      timestamp changed = *start_time();
      if (changed == b.base_.startedAt) changed = detail::later(changed, 1);
      b.base_.startedAt = changed;  // from here on, the new start is the one
      const timestamp next_update = detail::later(b.updated_, step);
      if (next_update < changed) b.updated_ = changed;  // keep startedAt <= updatedAt
      b.observe(b.status_, b.updated_ == changed ? 0 : step);
      out.pointer = "/startedAt";
    } else if (r == rules::sequence_updated_at_decreased) {
      if (b.updated_ == b.base_.startedAt) b.observe(b.status_, 1 + lifecycle_builder::choose_index(1000000));
      // back by 1 ns .. all the way to startedAt
      const timestamp lo = b.base_.startedAt, hi = b.updated_;
      const std::int64_t span_s = hi.seconds() - lo.seconds();
      timestamp back = lo;
      if (lifecycle_builder::choose_index(2) == 0) {
        back = hi.nanoseconds() > 0 ? *timestamp::from_parts(hi.seconds(), hi.nanoseconds() - 1)
                                    : *timestamp::from_parts(hi.seconds() - 1, 999999999);
      } else if (span_s > 1) {
        back = *timestamp::from_parts(lo.seconds() + 1 + static_cast<std::int64_t>(lifecycle_builder::choose_index(
                                                            static_cast<std::size_t>(span_s - 1))),
                                      0);
      }
      if (back < lo) back = lo;
      b.updated_ = back;
      b.observe(b.status_, 0);
      out.pointer = "/updatedAt";
    } else {
      // sequence.scanned-decreased
      IngestionJob last = b.observe(b.status_, *detail::gap());
      if (!last.statistics || last.statistics->numberOfDocumentsScanned == 0) {
        IngestionJobStatistics st = b.stats_;
        b.scanned_ += 1 + static_cast<PrimitiveLong>(lifecycle_builder::choose_index(1000));
        st.numberOfDocumentsScanned = b.scanned_;
        b.out_.back().statistics = st;
      }
      const PrimitiveLong before = b.out_.back().statistics->numberOfDocumentsScanned;
      IngestionJob bad = b.observe(b.status_, *detail::gap());
      IngestionJobStatistics st = bad.statistics ? *bad.statistics : b.stats_;
      st.numberOfDocumentsScanned = static_cast<PrimitiveLong>(lifecycle_builder::choose_index(static_cast<std::size_t>(before)));
      b.out_.back().statistics = st;
      b.scanned_ = st.numberOfDocumentsScanned;
      out.pointer = "/statistics/numberOfDocumentsScanned";
    }
    out.bad_step = b.out_.size() - 1;
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 4); i < n; ++i) b.step();
    out.observations = std::move(b.out_);
    return out;
  });
}

/** Sequences with exactly one illegal step, of any rule of lifecycle_rules(). */
inline rc::Gen<broken_lifecycle> lifecycle_with_illegal_step(transition_check mode) {
  return rc::gen::mapcat(detail::entry_of(lifecycle_rules()),
                         [mode](rule r) { return lifecycle_with_illegal_step(mode, r); });
}

// ---- histories through the four operations ------------------------------------------------------

/// The output of one operation: one observation of a history.
using api_output = std::variant<StartIngestionJobResponse, GetIngestionJobResponse, ListIngestionJobsResponse,
                                StopIngestionJobResponse>;

/// Observations of one to three jobs of one data source, interleaved, as the four operations
/// return them, in file order: a StartIngestionJob response only as a job's first observation,
/// GetIngestionJob responses, List pages (each summary a new observation of its job, one
/// summary per job and page), and StopIngestionJob responses.
struct api_history {
  std::vector<api_output> observations;
  transition_check mode = transition_check::reachable;
  /// The one StopIngestionJob response of a job already finished (sequence.stop-after-terminal),
  /// when one was planted.
  std::optional<std::size_t> planted_stop;
};

/// `job` as a List page summarizes it (fixtures.hpp, which needs no RapidCheck, has it).
using fixtures::summary_of;

namespace detail {
struct print_output {
  std::ostream& os;
  void job(const char* kind, const Id& id, const enum_value<IngestionJobStatus>& status, timestamp updated) const {
    os << " " << kind << " " << id << " " << status << " updatedAt " << updated;
  }
  void operator()(const StartIngestionJobResponse& r) const {
    job("start", r.ingestionJob.ingestionJobId, r.ingestionJob.status, r.ingestionJob.updatedAt);
  }
  void operator()(const GetIngestionJobResponse& r) const {
    job("get", r.ingestionJob.ingestionJobId, r.ingestionJob.status, r.ingestionJob.updatedAt);
  }
  void operator()(const StopIngestionJobResponse& r) const {
    job("stop", r.ingestionJob.ingestionJobId, r.ingestionJob.status, r.ingestionJob.updatedAt);
  }
  void operator()(const ListIngestionJobsResponse& r) const {
    os << " list [";
    for (const IngestionJobSummary& s : r.ingestionJobSummaries) job("", s.ingestionJobId, s.status, s.updatedAt);
    os << " ]";
  }
};
}  // namespace detail

inline std::ostream& operator<<(std::ostream& os, const api_history& h) {
  os << "history (" << (h.mode == transition_check::direct ? "direct" : "reachable") << ")";
  if (h.planted_stop) os << " with a stop after the end at #" << *h.planted_stop;
  for (std::size_t i = 0; i < h.observations.size(); ++i) {
    os << "\n  #" << i;
    std::visit(detail::print_output{os}, h.observations[i]);
  }
  return os;
}

namespace detail {
/// Builds a history of a few jobs inside rc::gen::exec: one lifecycle_builder per job, each
/// observation legal after the job's one before.
class api_history_builder {
 public:
  explicit api_history_builder(transition_check mode) : mode_(mode) {
    const std::size_t n = 1 + lifecycle_builder::choose_index(3);
    for (std::size_t i = 0; i < n; ++i) {
      jobs_.emplace_back(mode);
      lifecycle_builder& b = jobs_.back();
      b.base_.knowledgeBaseId = jobs_[0].base_.knowledgeBaseId;  // one data source: one List covers them all
      b.base_.dataSourceId = jobs_[0].base_.dataSourceId;
      b.base_.ingestionJobId = std::string("JOB000000") + static_cast<char>('0' + i);
    }
    seen_.assign(n, false);
  }

  /** One legal observation of a job picked at random, through a random operation. */
  void step() {
    const std::size_t j = lifecycle_builder::choose_index(jobs_.size());
    switch (lifecycle_builder::choose_index(4)) {
      case 0: list(); break;
      case 1: stop(j); break;
      default: start_or_get(j); break;
    }
  }

  /** Drives job `j` to a terminal status, then plants a successful stop of it that repeats
   *  its last observation (so that no other rule fires); returns its index. */
  std::size_t plant_stop_after_terminal() {
    const std::size_t j = lifecycle_builder::choose_index(jobs_.size());
    lifecycle_builder& b = jobs_[j];
    if (!seen_[j] || !is_terminal(b.status_)) {
      start_or_get(j);
      while (!is_terminal(b.status_)) {
        const std::vector<IngestionJobStatus> next = legal_next(b.status_, mode_);
        out_.emplace_back(GetIngestionJobResponse{b.observe(next[lifecycle_builder::choose_index(next.size())], *gap())});
      }
    }
    out_.emplace_back(StopIngestionJobResponse{b.observe(b.status_, 0)});
    return out_.size() - 1;
  }

  std::vector<api_output> out_;

 private:
  /** A legal next observation of job `j` (its first: in the status it was drawn with). */
  IngestionJob next_of(std::size_t j) {
    lifecycle_builder& b = jobs_[j];
    if (!seen_[j]) {
      seen_[j] = true;
      return b.observe(b.status_, 0);
    }
    b.step();
    return b.out_.back();
  }

  void start_or_get(std::size_t j) {
    lifecycle_builder& b = jobs_[j];
    if (!seen_[j] && b.status_ == IngestionJobStatus::STARTING && lifecycle_builder::choose_index(2) == 0) {
      // A StartIngestionJob response: STARTING, nothing counted, not updated since it started.
      seen_[j] = true;
      b.updated_ = b.base_.startedAt;
      IngestionJob job = b.observe(IngestionJobStatus::STARTING, 0);
      if (job.statistics) job.statistics = IngestionJobStatistics{};
      b.out_.back() = job;
      out_.emplace_back(StartIngestionJobResponse{std::move(job)});
      return;
    }
    out_.emplace_back(GetIngestionJobResponse{next_of(j)});
  }

  void stop(std::size_t j) {
    lifecycle_builder& b = jobs_[j];
    if (!seen_[j] || is_terminal(b.status_)) return start_or_get(j);  // a stop would be refused
    std::vector<IngestionJobStatus> targets;
    for (IngestionJobStatus t : {IngestionJobStatus::STOPPING, IngestionJobStatus::STOPPED}) {
      if (t == b.status_ || (mode_ == transition_check::direct ? can_transition(b.status_, t) : is_reachable(b.status_, t)))
        targets.push_back(t);
    }
    if (targets.empty()) return start_or_get(j);
    out_.emplace_back(StopIngestionJobResponse{b.observe(targets[lifecycle_builder::choose_index(targets.size())], *gap())});
  }

  void list() {
    ListIngestionJobsResponse page;
    for (std::size_t j = 0; j < jobs_.size(); ++j) {
      if (lifecycle_builder::choose_index(2) == 0) page.ingestionJobSummaries.push_back(summary_of(next_of(j)));
    }
    out_.emplace_back(std::move(page));  // an empty page is a page too
  }

  transition_check mode_;
  std::vector<lifecycle_builder> jobs_;
  std::vector<bool> seen_;
};
}  // namespace detail

/** Histories that keep every sequence rule under `mode` (and each output every rule of
 *  check_status): 1 to about 16 observations of 1 to 3 jobs. */
inline rc::Gen<api_history> valid_api_history(transition_check mode) {
  return rc::gen::exec([mode] {
    detail::api_history_builder b(mode);
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(1, 16); i < n; ++i) b.step();
    return api_history{std::move(b.out_), mode, std::nullopt};
  });
}

/** Histories with exactly one defect: a StopIngestionJob response that succeeds for a job an
 *  earlier observation showed COMPLETE, FAILED or STOPPED (sequence.stop-after-terminal),
 *  repeating that job's last observation; legal observations before and after it. */
inline rc::Gen<api_history> api_history_with_stop_after_terminal(transition_check mode) {
  return rc::gen::exec([mode] {
    detail::api_history_builder b(mode);
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 8); i < n; ++i) b.step();
    const std::size_t planted = b.plant_stop_after_terminal();
    for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 8); i < n; ++i) b.step();
    return api_history{std::move(b.out_), mode, planted};
  });
}

}  // namespace bedrock_agent::testing

#endif  // BEDROCK_AGENT_TESTING_LIFECYCLE_HPP_INCLUDED
