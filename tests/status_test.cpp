// Tests for include/bedrock_agent/lifecycle/status.hpp: the lifecycle state machine, the rules on one
// response, on one exchange, and on a sequence of observations.
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/fixtures.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace ba = bedrock_agent;
using ba::IngestionJob;
using ba::IngestionJobStatus;
using ba::rule;
namespace rules = ba::rules;
using ba::severity;
using ba::status_set;
using ba::timestamp;
using S = IngestionJobStatus;

constexpr std::size_t N = ba::ingestion_job_status_count;

// Written out by hand from the lifecycle (STARTING -> IN_PROGRESS -> COMPLETE | FAILED |
// STOPPING; STOPPING -> STOPPED; STARTING -> FAILED | STOPPING; staying allowed), rows
// `from`, columns `to`, both in the order below. Not computed from the library's table.
constexpr std::array<S, N> order{{S::STARTING, S::IN_PROGRESS, S::COMPLETE, S::FAILED, S::STOPPING, S::STOPPED}};
constexpr bool direct[N][N] = {
    //            STARTING IN_PROG COMPLETE FAILED STOPPING STOPPED
    /*STARTING*/ {true, true, false, true, true, false},
    /*IN_PROG */ {false, true, true, true, true, false},
    /*COMPLETE*/ {false, false, true, false, false, false},
    /*FAILED  */ {false, false, false, true, false, false},
    /*STOPPING*/ {false, false, false, false, true, true},
    /*STOPPED */ {false, false, false, false, false, true},
};
constexpr bool reach[N][N] = {
    //            STARTING IN_PROG COMPLETE FAILED STOPPING STOPPED
    /*STARTING*/ {true, true, true, true, true, true},
    /*IN_PROG */ {false, true, true, true, true, true},
    /*COMPLETE*/ {false, false, true, false, false, false},
    /*FAILED  */ {false, false, false, true, false, false},
    /*STOPPING*/ {false, false, false, false, true, true},
    /*STOPPED */ {false, false, false, false, false, true},
};

std::size_t pos(S s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (order[i] == s) return i;
  }
  FAIL("not a status");
  return 0;
}

timestamp ts(std::int64_t s) {
  const auto t = timestamp::from_parts(s, 0);
  REQUIRE(t.has_value());
  return *t;
}

constexpr std::int64_t t0 = 1700000000;  // 2023-11-14T22:13:20Z

IngestionJob make_job(S status, std::int64_t started, std::int64_t updated,
                      std::optional<std::int64_t> scanned = std::nullopt) {
  IngestionJob j;
  j.knowledgeBaseId = "KB12345678";
  j.dataSourceId = "DS12345678";
  j.ingestionJobId = "JOB1234567";
  j.status = status;
  j.startedAt = ts(started);
  j.updatedAt = ts(updated);
  if (scanned) {
    j.statistics.emplace();
    j.statistics->numberOfDocumentsScanned = *scanned;
  }
  if (status == S::FAILED) j.failureReasons = ba::FailureReasons{ba::FailureReason("access denied to bucket")};
  return j;
}

ba::StopIngestionJobResponse stop_response(S status) {
  ba::StopIngestionJobResponse r;
  r.ingestionJob = make_job(status, t0, t0 + 60, 10);
  return r;
}

std::size_t count_of(const std::vector<ba::diagnostic>& ds, rule r) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.id == r ? 1 : 0;
  return n;
}

std::string dump(const std::vector<ba::diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += ba::to_string(d) + "\n";
  return s;
}

// ---- the state machine ------------------------------------------------------------------

TEST_CASE("status: can_transition matches the written-out matrix on all 36 pairs") {
  std::size_t checked = 0;
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < N; ++j) {
      INFO(order[i], " -> ", order[j]);
      CHECK(ba::can_transition(order[i], order[j]) == direct[i][j]);
      ++checked;
    }
  }
  CHECK(checked == 36);
  // The edge list is exactly the off-diagonal trues.
  std::size_t edges = 0;
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < N; ++j) edges += (i != j && direct[i][j]) ? 1 : 0;
  }
  CHECK(ba::lifecycle_transitions().size() == edges);
  for (const auto& e : ba::lifecycle_transitions()) CHECK(direct[pos(e.from)][pos(e.to)]);
}

TEST_CASE("status: is_reachable matches the written-out closure on all 36 pairs") {
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < N; ++j) {
      INFO(order[i], " ->* ", order[j]);
      CHECK(ba::is_reachable(order[i], order[j]) == reach[i][j]);
    }
  }
}

TEST_CASE("status: terminal states have no exits") {
  for (std::size_t i = 0; i < N; ++i) {
    const S s = order[i];
    const bool terminal = s == S::COMPLETE || s == S::FAILED || s == S::STOPPED;
    INFO(s);
    CHECK(ba::is_terminal(s) == terminal);
    CHECK(ba::successors(s).empty() == terminal);
    if (!terminal) continue;
    for (std::size_t j = 0; j < N; ++j) {
      CHECK(ba::can_transition(s, order[j]) == (i == j));
      CHECK(ba::is_reachable(s, order[j]) == (i == j));
    }
  }
}

TEST_CASE("status: every state is reachable from STARTING, and STARTING from none other") {
  for (S s : order) {
    INFO(s);
    CHECK(ba::is_reachable(S::STARTING, s));
    CHECK(ba::is_reachable(s, S::STARTING) == (s == S::STARTING));
  }
}

TEST_CASE("status: successors are one step of the lifecycle, self excluded") {
  CHECK(ba::successors(S::STARTING) == status_set{S::IN_PROGRESS, S::FAILED, S::STOPPING});
  CHECK(ba::successors(S::IN_PROGRESS) == status_set{S::COMPLETE, S::FAILED, S::STOPPING});
  CHECK(ba::successors(S::STOPPING) == status_set{S::STOPPED});
  for (std::size_t i = 0; i < N; ++i) {
    const status_set next = ba::successors(order[i]);
    CHECK_FALSE(next.contains(order[i]));
    for (std::size_t j = 0; j < N; ++j) CHECK(next.contains(order[j]) == (i != j && direct[i][j]));
  }
  // Usable in constant expressions.
  static_assert(ba::successors(S::STOPPING).size() == 1, "");
  static_assert(ba::is_terminal(S::STOPPED) && !ba::is_terminal(S::STOPPING), "");
  static_assert(ba::can_transition(S::STARTING, S::STOPPING) && !ba::can_transition(S::STOPPED, S::STOPPING), "");
  static_assert(ba::is_reachable(S::STARTING, S::STOPPED) && !ba::is_reachable(S::STOPPING, S::COMPLETE), "");
  static_assert(ba::lifecycle_order()[0] == S::STARTING, "");
}

TEST_CASE("status: lifecycle_order lists every status once, edges going forward") {
  const auto lo = ba::lifecycle_order();
  CHECK(lo == order);
  for (const auto& e : ba::lifecycle_transitions()) CHECK(pos(e.from) < pos(e.to));
}

TEST_CASE("status: values outside the enum are not statuses and never index a table") {
  const S bad[] = {static_cast<S>(6), static_cast<S>(-1), static_cast<S>(255)};
  for (S b : bad) {
    CHECK_FALSE(ba::is_terminal(b));
    CHECK(ba::successors(b).empty());
    CHECK_FALSE(ba::can_transition(b, b));
    CHECK_FALSE(ba::is_reachable(b, b));
    for (S s : order) {
      CHECK_FALSE(ba::can_transition(s, b));
      CHECK_FALSE(ba::can_transition(b, s));
      CHECK_FALSE(ba::is_reachable(S::STARTING, b));
    }
    status_set set;
    set.insert(b);
    CHECK(set.empty());
    CHECK_FALSE(set.contains(b));
  }
}

TEST_CASE("status: status_set inserts, iterates in lifecycle order and prints") {
  status_set set{S::STOPPED, S::STARTING, S::FAILED};
  CHECK(set.size() == 3);
  std::vector<S> seen(set.begin(), set.end());
  CHECK(seen == std::vector<S>{S::STARTING, S::FAILED, S::STOPPED});
  CHECK(status_set::from_bits(0xFF).size() == 6);  // bits 6 and 7 dropped
  CHECK((status_set{S::STARTING} | status_set{S::STOPPED}) == status_set{S::STOPPED, S::STARTING});
  std::ostringstream os;
  os << set << status_set{};
  CHECK(os.str() == "{STARTING, FAILED, STOPPED}{}");
}

// ---- rules on one response ----------------------------------------------------------------

TEST_CASE("status: time-order, updatedAt before startedAt is an error") {
  const auto bad = ba::check_status(make_job(S::IN_PROGRESS, t0 + 10, t0 + 9)).diagnostics();
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].id == rules::status_time_order);
  CHECK(bad[0].level == severity::error);
  CHECK(bad[0].pointer == "/updatedAt");
  CHECK(bad[0].offset == 0);
  CHECK(bad[0].line == 0);
  CHECK(bad[0].column == 0);
  CHECK(bad[0].found == "2023-11-14T22:13:29Z");
  CHECK(bad[0].message ==
        "updatedAt 2023-11-14T22:13:29Z is before startedAt 2023-11-14T22:13:30Z: a job cannot be updated "
        "before it started");
  CHECK(ba::check_status(make_job(S::IN_PROGRESS, t0, t0)).diagnostics().empty());  // equal is fine
  CHECK(ba::check_status(make_job(S::IN_PROGRESS, t0, t0 + 1)).diagnostics().empty());
}

TEST_CASE("status: time-order compares to the nanosecond") {
  IngestionJob j = make_job(S::IN_PROGRESS, t0, t0);
  j.startedAt = *timestamp::from_parts(t0, 1);
  CHECK(count_of(ba::check_status(j).diagnostics(), rules::status_time_order) == 1);
  j.updatedAt = *timestamp::from_parts(t0, 1);
  CHECK(ba::check_status(j).diagnostics().empty());
}

TEST_CASE("status: reasons-without-failure, failureReasons on a job that did not fail") {
  IngestionJob j = make_job(S::COMPLETE, t0, t0 + 5);
  j.failureReasons = ba::FailureReasons{ba::FailureReason("x"), ba::FailureReason("y")};
  const auto bad = ba::check_status(j).diagnostics();
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].id == rules::status_reasons_without_failure);
  CHECK(bad[0].level == severity::warning);
  CHECK(bad[0].pointer == "/failureReasons");
  CHECK(bad[0].message == "failureReasons has 2 entries but status is COMPLETE; only a FAILED job has reasons for failing");
  j.failureReasons = ba::FailureReasons{};  // present but empty: nothing claimed
  CHECK(ba::check_status(j).diagnostics().empty());
  j.failureReasons.reset();
  CHECK(ba::check_status(j).diagnostics().empty());
}

TEST_CASE("status: failure-without-reasons, FAILED with no or empty failureReasons") {
  IngestionJob j = make_job(S::FAILED, t0, t0 + 5);
  CHECK(ba::check_status(j).diagnostics().empty());  // make_job gives FAILED one reason
  j.failureReasons.reset();
  auto bad = ba::check_status(j).diagnostics();
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].id == rules::status_failure_without_reasons);
  CHECK(bad[0].level == severity::warning);
  CHECK(bad[0].pointer == "/status");
  CHECK(bad[0].message == "status is FAILED but failureReasons is absent; a failed job should say why it failed");
  j.failureReasons = ba::FailureReasons{};
  bad = ba::check_status(j).diagnostics();
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].found == "failureReasons empty");
}

TEST_CASE("status: stop-state, only on a StopIngestionJob response") {
  for (S s : order) {
    INFO(s);
    const auto r = stop_response(s);
    const auto found = ba::check_status(r).diagnostics();
    const bool stop_like = s == S::STOPPING || s == S::STOPPED;
    REQUIRE(count_of(found, rules::status_stop_state) == (stop_like ? 0U : 1U));
    if (!stop_like) {
      CHECK(found[0].pointer == "/ingestionJob/status");
      CHECK(found[0].level == severity::warning);
      CHECK(found[0].message == "a StopIngestionJob response reports status " + std::string(ba::to_string(s)) +
                                    "; a job that was just stopped is STOPPING or STOPPED");
    }
    // The same job outside a stop response is not held to it.
    CHECK(count_of(ba::check_status(r.ingestionJob).diagnostics(), rules::status_stop_state) == 0);
  }
}

TEST_CASE("status: a stop response carries the job rules under /ingestionJob") {
  auto r = stop_response(S::STOPPED);
  r.ingestionJob.updatedAt = ts(t0 - 1);
  const auto found = ba::check_status(r).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::status_time_order);
  CHECK(found[0].pointer == "/ingestionJob/updatedAt");
}

TEST_CASE("status: the pointer argument places findings inside a larger document") {
  const auto found = ba::check_status(make_job(S::STOPPED, t0 + 1, t0), {}, "/jobs/3").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/jobs/3/updatedAt");
}

TEST_CASE("status: an unknown status is not judged by the status rules") {
  IngestionJob j = make_job(S::COMPLETE, t0, t0 + 5);
  j.status = ba::enum_value<S>::unknown("PAUSED");
  j.failureReasons = ba::FailureReasons{ba::FailureReason("x")};
  ba::StopIngestionJobResponse r;
  r.ingestionJob = j;
  CHECK(ba::check_status(j).diagnostics().empty());
  CHECK(ba::check_status(r).diagnostics().empty());
  // ...but the time rule still is.
  r.ingestionJob.updatedAt = ts(t0 - 1);
  CHECK(count_of(ba::check_status(r).diagnostics(), rules::status_time_order) == 1);
}

TEST_CASE("status: disabled rules are not reported") {
  IngestionJob j = make_job(S::COMPLETE, t0 + 1, t0);
  j.failureReasons = ba::FailureReasons{ba::FailureReason("x")};
  ba::StopIngestionJobResponse r;
  r.ingestionJob = j;
  CHECK(ba::check_status(r).diagnostics().size() == 3);
  ba::parse_options o;
  o.disabled.insert(rules::status_stop_state);
  o.disabled.insert(rules::status_time_order);
  const auto found = ba::check_status(r, o).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::status_reasons_without_failure);
}

TEST_CASE("status: negative counters are check_value's, not check_status's") {
  IngestionJob j = make_job(S::IN_PROGRESS, t0, t0, -1);
  CHECK(ba::check_status(j).diagnostics().empty());
  const auto report = ba::check_value(j);
  CHECK_FALSE(report.ok());
  bool negative = false;
  for (const auto& d : report.diagnostics()) negative = negative || d.id == rules::semantic_negative_counter;
  CHECK(negative);
}

// ---- rules on an exchange -------------------------------------------------------------------

TEST_CASE("status: exchange.id-mismatch, one finding per differing id") {
  const ba::StopIngestionJobRequest req{"KB12345678", "DS12345678", "JOB1234567"};
  auto resp = stop_response(S::STOPPING);
  CHECK(ba::check_exchange(req, resp).diagnostics().empty());

  resp.ingestionJob.dataSourceId = "DS00000000";
  auto found = ba::check_exchange(req, resp).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::exchange_id_mismatch);
  CHECK(found[0].level == severity::error);
  CHECK(found[0].pointer == "/ingestionJob/dataSourceId");
  CHECK(found[0].expected == "\"DS12345678\"");
  CHECK(found[0].found == "\"DS00000000\"");
  CHECK(found[0].message == "the response's dataSourceId is \"DS00000000\" but the request asked for \"DS12345678\"");

  resp.ingestionJob.knowledgeBaseId = "kb12345678";  // ids are case-sensitive
  resp.ingestionJob.ingestionJobId = "JOB123456";
  found = ba::check_exchange(req, resp).diagnostics();
  REQUIRE(found.size() == 3);
  CHECK(found[0].pointer == "/ingestionJob/knowledgeBaseId");
  CHECK(found[1].pointer == "/ingestionJob/dataSourceId");
  CHECK(found[2].pointer == "/ingestionJob/ingestionJobId");

  ba::parse_options o;
  o.disabled.insert(rules::exchange_id_mismatch);
  CHECK(ba::check_exchange(req, resp, o).diagnostics().empty());
}

TEST_CASE("status: exchange messages escape ids that are not text") {
  const ba::StopIngestionJobRequest req{"KB12345678", "DS12345678", "JOB1234567"};
  auto resp = stop_response(S::STOPPING);
  resp.ingestionJob.ingestionJobId = ba::Id(std::string("JOB\n\"\xff", 6));
  const auto found = ba::check_exchange(req, resp).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].found == "\"JOB\\n\"\\xff\"");
}

// ---- sequences ------------------------------------------------------------------------------

/// A realistic stop: STARTING with no statistics yet, then rising times and counters.
std::vector<IngestionJob> stopped_run() {
  return {
      make_job(S::STARTING, t0, t0),
      make_job(S::IN_PROGRESS, t0, t0 + 30, 10),
      make_job(S::IN_PROGRESS, t0, t0 + 60, 250),
      make_job(S::STOPPING, t0, t0 + 61, 300),
      make_job(S::STOPPING, t0, t0 + 61, 300),  // the same observation, repeated
      make_job(S::STOPPED, t0, t0 + 75, 300),
  };
}

std::vector<ba::diagnostic> run(const std::vector<IngestionJob>& seq,
                                ba::transition_check mode = ba::transition_check::reachable,
                                std::vector<std::size_t>* steps = nullptr) {
  ba::job_tracker tracker({}, mode);
  std::vector<ba::diagnostic> all;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    for (auto& d : tracker.observe(seq[i]).diagnostics()) {
      all.push_back(std::move(d));
      if (steps) steps->push_back(i);
    }
  }
  CHECK(tracker.observations() == seq.size());
  return all;
}

TEST_CASE("status: the tracker accepts realistic sequences in both modes") {
  const std::vector<std::vector<IngestionJob>> runs = {
      stopped_run(),
      {make_job(S::STARTING, t0, t0), make_job(S::IN_PROGRESS, t0, t0 + 1, 0), make_job(S::COMPLETE, t0, t0 + 9, 42)},
      {make_job(S::STARTING, t0, t0), make_job(S::FAILED, t0, t0 + 2)},
      {make_job(S::STARTING, t0, t0), make_job(S::STOPPING, t0, t0 + 1), make_job(S::STOPPED, t0, t0 + 2)},
  };
  for (const auto& seq : runs) {
    for (auto mode : {ba::transition_check::reachable, ba::transition_check::direct}) {
      const auto found = run(seq, mode);
      INFO(dump(found));
      CHECK(found.empty());
    }
  }
}

TEST_CASE("status: one illegal status step at each position, every target, both modes") {
  const auto base = stopped_run();
  std::size_t illegal_cases = 0;
  for (std::size_t k = 1; k < base.size(); ++k) {
    const S prev = *base[k - 1].status.known();
    for (S bad : order) {
      // The prefix, then `bad` from position k on: only the step k-1 -> k may be illegal.
      auto seq = base;
      for (std::size_t i = k; i < seq.size(); ++i) {
        seq[i].status = bad;
        seq[i].failureReasons.reset();
      }
      for (auto mode : {ba::transition_check::reachable, ba::transition_check::direct}) {
        const bool illegal = mode == ba::transition_check::direct ? !direct[pos(prev)][pos(bad)]
                                                                    : !reach[pos(prev)][pos(bad)];
        std::vector<std::size_t> steps;
        const auto found = run(seq, mode, &steps);
        INFO("position ", k, ": ", prev, " -> ", bad, (mode == ba::transition_check::direct ? " direct" : " reachable"),
             "\n", dump(found));
        REQUIRE(found.size() == (illegal ? 1U : 0U));
        if (!illegal) continue;
        ++illegal_cases;
        CHECK(found[0].id == rules::sequence_transition);
        CHECK(found[0].level == severity::error);
        CHECK(found[0].pointer == "/status");
        CHECK(steps[0] == k);
      }
    }
  }
  CHECK(illegal_cases > 20);  // the loop above did test something
}

/// Runs `seq` and requires exactly one finding, of rule `r`, at step `k`, pointing at `pointer`.
void require_one(const std::vector<IngestionJob>& seq, std::size_t k, rule r, const char* pointer) {
  std::vector<std::size_t> steps;
  const auto found = run(seq, ba::transition_check::direct, &steps);
  INFO("position ", k, "\n", dump(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == r);
  CHECK(found[0].level == ba::rule_info(r).level);
  CHECK(found[0].pointer == pointer);
  CHECK(steps[0] == k);
}

TEST_CASE("status: one startedAt change at each position") {
  const auto base = stopped_run();
  for (std::size_t k = 1; k < base.size(); ++k) {
    auto seq = base;
    for (std::size_t i = k; i < seq.size(); ++i) seq[i].startedAt = ts(t0 - 3600);
    require_one(seq, k, rules::sequence_started_at_changed, "/startedAt");
  }
  CHECK(ba::rule_info(rules::sequence_started_at_changed).level == severity::error);
}

TEST_CASE("status: one updatedAt going back at each position") {
  const auto base = stopped_run();
  for (std::size_t k = 1; k < base.size(); ++k) {
    auto seq = base;
    // From k on, times rise again but start below every earlier one.
    for (std::size_t i = k; i < seq.size(); ++i) seq[i].updatedAt = ts(t0 - 1000 + static_cast<std::int64_t>(i));
    require_one(seq, k, rules::sequence_updated_at_decreased, "/updatedAt");
  }
  CHECK(ba::rule_info(rules::sequence_updated_at_decreased).level == severity::error);
}

TEST_CASE("status: one numberOfDocumentsScanned drop at each position") {
  const auto base = stopped_run();
  std::size_t tested = 0;
  for (std::size_t k = 2; k < base.size(); ++k) {  // observation 0 has no statistics to compare with
    REQUIRE(base[k - 1].statistics);
    auto seq = base;
    const std::int64_t lower = base[k - 1].statistics->numberOfDocumentsScanned - 1;
    for (std::size_t i = k; i < seq.size(); ++i) seq[i].statistics->numberOfDocumentsScanned = lower;
    require_one(seq, k, rules::sequence_scanned_decreased, "/statistics/numberOfDocumentsScanned");
    ++tested;
  }
  CHECK(tested == base.size() - 2);
  CHECK(ba::rule_info(rules::sequence_scanned_decreased).level == severity::warning);
}

TEST_CASE("status: the tracker's messages say what happened") {
  ba::job_tracker t;
  CHECK(t.observe(make_job(S::COMPLETE, t0, t0 + 5, 7)).diagnostics().empty());
  auto found = t.observe(make_job(S::IN_PROGRESS, t0 + 1, t0 + 4, 6), "resp.jsonl:2").diagnostics();
  REQUIRE(found.size() == 4);
  CHECK(found[0].message ==
        "status went from COMPLETE (observation #1) to IN_PROGRESS (resp.jsonl:2), but COMPLETE is terminal");
  CHECK(found[0].expected == "COMPLETE (terminal)");
  CHECK(found[0].found == "IN_PROGRESS");
  CHECK(found[1].message ==
        "startedAt changed from 2023-11-14T22:13:20Z (observation #1) to 2023-11-14T22:13:21Z (resp.jsonl:2); a "
        "job's start time never changes, even when it is stopped");
  CHECK(found[2].message ==
        "updatedAt went back from 2023-11-14T22:13:25Z (observation #1) to 2023-11-14T22:13:24Z (resp.jsonl:2)");
  CHECK(found[3].message ==
        "numberOfDocumentsScanned went down from 7 (observation #1) to 6 (resp.jsonl:2); a job does not unscan "
        "documents");
  for (const auto& d : found) CHECK(d.line == 0);

  ba::job_tracker r;
  (void)r.observe(make_job(S::STOPPING, t0, t0));
  found = r.observe(make_job(S::IN_PROGRESS, t0, t0)).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "status went from STOPPING (observation #1) to IN_PROGRESS (observation #2), but from STOPPING the "
        "lifecycle only leads to STOPPED");

  ba::job_tracker d({}, ba::transition_check::direct);
  (void)d.observe(make_job(S::STARTING, t0, t0));
  found = d.observe(make_job(S::COMPLETE, t0, t0)).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "status went from STARTING (observation #1) to COMPLETE (observation #2), but STARTING can only change to "
        "IN_PROGRESS, FAILED or STOPPING");
  CHECK(found[0].expected == "STARTING or IN_PROGRESS, FAILED or STOPPING");
}

TEST_CASE("status: skipped states are fine when observations are samples, not in direct mode") {
  const std::vector<IngestionJob> seq = {make_job(S::STARTING, t0, t0), make_job(S::COMPLETE, t0, t0 + 1)};
  CHECK(run(seq, ba::transition_check::reachable).empty());
  CHECK(count_of(run(seq, ba::transition_check::direct), rules::sequence_transition) == 1);
}

TEST_CASE("status: absent statistics are no information, not zero") {
  std::vector<IngestionJob> seq = {
      make_job(S::IN_PROGRESS, t0, t0, 100),
      make_job(S::IN_PROGRESS, t0, t0 + 1),  // no statistics: not "0 scanned"
      make_job(S::IN_PROGRESS, t0, t0 + 2, 150),
  };
  CHECK(run(seq).empty());
  // A decrease across a gap is still a decrease, reported against the last known count.
  seq[2].statistics->numberOfDocumentsScanned = 90;
  std::vector<std::size_t> steps;
  const auto found = run(seq, ba::transition_check::reachable, &steps);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_scanned_decreased);
  CHECK(steps[0] == 2);
  CHECK(found[0].message.find("from 100 (observation #1) to 90 (observation #3)") != std::string::npos);
}

TEST_CASE("status: steps into or out of an unknown status are not judged") {
  auto paused = make_job(S::IN_PROGRESS, t0, t0 + 2);
  paused.status = ba::enum_value<S>::unknown("PAUSED");
  // COMPLETE -> PAUSED -> IN_PROGRESS: nothing is known about PAUSED, so neither step is judged.
  std::vector<IngestionJob> seq = {make_job(S::COMPLETE, t0, t0 + 1), paused, make_job(S::IN_PROGRESS, t0, t0 + 3)};
  CHECK(run(seq, ba::transition_check::direct).empty());
  // The other rules still apply to an observation with an unknown status.
  seq[1].updatedAt = ts(t0);
  const auto found = run(seq);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_updated_at_decreased);
}

TEST_CASE("status: the tracker honours disabled rules and reset") {
  ba::parse_options o;
  o.disabled.insert(rules::sequence_transition);
  ba::job_tracker t(o);
  (void)t.observe(make_job(S::COMPLETE, t0, t0 + 5));
  auto found = t.observe(make_job(S::STARTING, t0, t0 + 4)).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_updated_at_decreased);
  t.reset();
  CHECK(t.observations() == 0);
  CHECK(t.observe(make_job(S::COMPLETE, t0, t0 + 1)).diagnostics().empty());
}

TEST_CASE("status: the tracker takes stop responses, pointing under /ingestionJob") {
  ba::job_tracker t;
  CHECK(t.observe(stop_response(S::STOPPED)).diagnostics().empty());
  const auto found = t.observe(stop_response(S::STOPPING), "second stop").diagnostics();
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == rules::sequence_stop_after_terminal);  // a stop of a STOPPED job succeeded
  CHECK(found[0].pointer == "");
  CHECK(found[1].id == rules::sequence_transition);
  CHECK(found[1].pointer == "/ingestionJob/status");
}

// ---- many jobs ----------------------------------------------------------------------------

IngestionJob with_ids(IngestionJob j, const char* kb, const char* ds, const char* id) {
  j.knowledgeBaseId = kb;
  j.dataSourceId = ds;
  j.ingestionJobId = id;
  return j;
}

TEST_CASE("status: sequence_checker keeps interleaved jobs apart, keyed by all three ids") {
  ba::sequence_checker c;
  const auto a = [](S s, std::int64_t u) { return with_ids(make_job(s, t0, u), "KBAAAAAAAA", "DSAAAAAAAA", "JOBAAAAAAA"); };
  // Same ingestionJobId under another data source: another job.
  const auto b = [](S s, std::int64_t u) { return with_ids(make_job(s, t0, u), "KBAAAAAAAA", "DSBBBBBBBB", "JOBAAAAAAA"); };
  CHECK(c.observe(a(S::STARTING, t0)).diagnostics().empty());
  CHECK(c.observe(b(S::COMPLETE, t0 + 50)).diagnostics().empty());
  CHECK(c.observe(a(S::IN_PROGRESS, t0 + 10)).diagnostics().empty());  // not compared with b's COMPLETE or time
  CHECK(c.tracked_jobs() == 2);
  CHECK(c.is_tracked("KBAAAAAAAA", "DSBBBBBBBB", "JOBAAAAAAA"));
  CHECK_FALSE(c.is_tracked("KBBBBBBBBB", "DSBBBBBBBB", "JOBAAAAAAA"));
  const auto found = c.observe(b(S::IN_PROGRESS, t0 + 60), "line 4").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_transition);
  CHECK(found[0].message.find("(observation #1) to IN_PROGRESS (line 4)") != std::string::npos);
}

TEST_CASE("status: sequence_checker takes a label as a prefix and a number, with the same messages") {
  // Labels that end in digits, or in a number with a leading zero, or none: each observed both
  // ways, the messages must be the same text.
  const std::pair<const char*, std::uint64_t> labels[] = {{"r.jsonl:", 17}, {"r1", 7}, {"x:0", 42}, {"", 3},
                                                          {"r.jsonl:", 0},  {"e:entry ", 18446744073709551615ULL}};
  for (const auto& [prefix, number] : labels) {
    CAPTURE(prefix);
    ba::sequence_checker whole, parts;
    const std::string label = prefix + std::to_string(number);
    const IngestionJob first = make_job(S::COMPLETE, t0, t0 + 5, 7);
    const IngestionJob second = make_job(S::IN_PROGRESS, t0 + 1, t0 + 4, 6);
    CHECK(whole.observe(first, label).diagnostics().empty());
    CHECK(parts.observe(first, prefix, number).diagnostics().empty());
    const auto want = whole.observe(second, "next").diagnostics();
    const auto got = parts.observe(second, "next").diagnostics();
    REQUIRE(want.size() == 4);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i].message == want[i].message);
    CHECK(want[0].message.find("(" + label + ")") != std::string::npos);
  }
}

TEST_CASE("status: sequence_checker forgets the least recently observed job past max_jobs") {
  ba::sequence_options so;
  so.max_jobs = 2;
  ba::sequence_checker c({}, so);
  const auto job = [](const char* id, S s) { return with_ids(make_job(s, t0, t0), "KB12345678", "DS12345678", id); };
  CHECK(c.observe(job("JOBAAAAAAA", S::COMPLETE)).diagnostics().empty());
  CHECK(c.observe(job("JOBBBBBBBB", S::COMPLETE)).diagnostics().empty());
  CHECK(c.observe(job("JOBAAAAAAA", S::COMPLETE)).diagnostics().empty());  // A is now the most recent
  CHECK(c.observe(job("JOBCCCCCCC", S::COMPLETE)).diagnostics().empty());  // B goes
  CHECK(c.tracked_jobs() == 2);
  CHECK(c.forgotten_jobs() == 1);
  CHECK_FALSE(c.is_tracked("KB12345678", "DS12345678", "JOBBBBBBBB"));
  // A is still remembered: leaving COMPLETE is caught.
  CHECK(count_of(c.observe(job("JOBAAAAAAA", S::IN_PROGRESS)).diagnostics(), rules::sequence_transition) == 1);
  // B was forgotten: its next observation starts afresh, so nothing is reported (less
  // checking, never a wrong finding).
  CHECK(c.observe(job("JOBBBBBBBB", S::IN_PROGRESS)).diagnostics().empty());
  CHECK(c.forgotten_jobs() == 2);  // C went to make room
  CHECK(c.tracked_jobs() == 2);

  c.clear();
  CHECK(c.tracked_jobs() == 0);
  CHECK(c.forgotten_jobs() == 2);
}

TEST_CASE("status: sequence_checker with max_jobs 0 remembers nothing") {
  ba::sequence_options so;
  so.max_jobs = 0;
  ba::sequence_checker c({}, so);
  CHECK(c.observe(make_job(S::COMPLETE, t0, t0)).diagnostics().empty());
  CHECK(c.observe(make_job(S::STARTING, t0 + 1, t0)).diagnostics().empty());
  CHECK(c.tracked_jobs() == 0);
}

TEST_CASE("status: sequence_checker stays bounded over many jobs and survives a move") {
  ba::sequence_options so;
  so.max_jobs = 100;
  ba::sequence_checker c({}, so);
  for (int i = 0; i < 1000; ++i) {
    std::string id = "JOB" + std::to_string(1000000 + i);  // 10 characters
    CHECK(c.observe(with_ids(make_job(S::STARTING, t0, t0), "KB12345678", "DS12345678", id.c_str())).diagnostics().empty());
  }
  CHECK(c.tracked_jobs() == 100);
  CHECK(c.forgotten_jobs() == 900);
  ba::sequence_checker moved(std::move(c));
  CHECK(moved.is_tracked("KB12345678", "DS12345678", "JOB1000999"));
  const auto found = moved.observe(
      with_ids(make_job(S::STARTING, t0, t0 - 1), "KB12345678", "DS12345678", "JOB1000999")).diagnostics();
  CHECK(count_of(found, rules::sequence_updated_at_decreased) == 1);
}

TEST_CASE("status: sequence_checker reads stop responses with the mode it was given") {
  ba::sequence_options so;
  so.transitions = ba::transition_check::direct;
  ba::sequence_checker c({}, so);
  auto first = stop_response(S::STARTING);
  auto second = stop_response(S::STOPPED);  // STOPPING skipped
  CHECK(c.observe(first).diagnostics().empty());
  const auto found = c.observe(second).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/ingestionJob/status");
}

// ---- the flat job index, labels ---------------------------------------------------------

TEST_CASE("status: sequence_checker forgets at exactly max_jobs + 1 jobs, by last observation") {
  for (std::size_t max_jobs : {1U, 2U, 3U, 5U}) {
    CAPTURE(max_jobs);
    ba::sequence_options so;
    so.max_jobs = max_jobs;
    ba::sequence_checker c({}, so);
    const auto id = [](std::size_t i) { return "JOB" + std::to_string(1000000 + i); };
    const auto job = [&](std::size_t i, S s) {
      const std::string j = id(i);
      return with_ids(make_job(s, t0, t0), "KB12345678", "DS12345678", j.c_str());
    };
    for (std::size_t i = 0; i < max_jobs; ++i) CHECK(c.observe(job(i, S::COMPLETE)).diagnostics().empty());
    CHECK(c.tracked_jobs() == max_jobs);
    CHECK(c.forgotten_jobs() == 0);  // exactly max_jobs: nothing forgotten
    // Observe the first job again: it becomes the most recent, so the second is the one to go.
    CHECK(c.observe(job(0, S::COMPLETE)).diagnostics().empty());
    CHECK(c.observe(job(max_jobs, S::COMPLETE)).diagnostics().empty());
    CHECK(c.tracked_jobs() == max_jobs);
    CHECK(c.forgotten_jobs() == 1);
    const std::size_t gone = max_jobs == 1 ? 0 : 1;
    CHECK_FALSE(c.is_tracked("KB12345678", "DS12345678", id(gone)));
    for (std::size_t i = 0; i <= max_jobs; ++i) {
      if (i != gone) CHECK(c.is_tracked("KB12345678", "DS12345678", id(i)));
    }
    // A remembered job still has its state; the forgotten one starts afresh.
    if (max_jobs > 1) CHECK(count_of(c.observe(job(0, S::STARTING)).diagnostics(), rules::sequence_transition) == 1);
    CHECK(c.observe(job(gone, S::STARTING)).diagnostics().empty());
  }
}

/// A reference LRU (std::list, most recent first) to check the flat index against.
struct reference_lru {
  std::list<std::array<std::string, 3>> order;
  std::size_t forgotten = 0;
  // true when the key was remembered
  bool touch(const std::array<std::string, 3>& key, std::size_t limit) {
    for (auto it = order.begin(); it != order.end(); ++it) {
      if (*it == key) {
        order.splice(order.begin(), order, it);
        return true;
      }
    }
    if (order.size() >= limit) {
      order.pop_back();
      ++forgotten;
    }
    order.push_front(key);
    return false;
  }
};

// Hashes that make keys collide, as a crafted file would try to with a hash it knows.
struct constant_hash {  // every key the same hash: one probe sequence, equal tags
  std::uint64_t operator()(const ba::detail::job_key_view&) const noexcept { return 42; }
};
struct two_hashes {  // every key one of two hashes
  std::uint64_t operator()(const ba::detail::job_key_view& k) const noexcept {
    return k.ingestion_job_id.empty() || (k.ingestion_job_id.back() & 1) ? 0xFFFFFFFFU : 0xFFFFFFFEU;
  }
};
struct low_bits_equal {  // hashes equal in their low 20 bits
  std::uint64_t operator()(const ba::detail::job_key_view& k) const noexcept {
    return ba::detail::job_key_hash{7}(k) << 20;
  }
};

template <class Hash>
void check_index_against_reference(std::uint64_t seed, const Hash& hash = Hash{}) {
  std::uint64_t state = seed;
  const auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (std::size_t limit : {1U, 2U, 3U, 7U, 31U, 32U, 33U, 100U}) {
    CAPTURE(limit);
    ba::detail::basic_job_index<Hash> index(hash);
    ba::detail::label_pool labels;
    reference_lru ref;
    const std::size_t universe = limit * 3 + 5;
    const auto key_of = [](std::size_t i) -> std::array<std::string, 3> {
      // Ids of several lengths (past the inline buffer too), and ids that only differ in where
      // one ends and the next begins.
      const std::string n = std::to_string(i);
      if (i % 5 == 0) return {"KB" + n, "D", "S"};
      if (i % 5 == 1) return {"KB" + n + "D", "", "S"};
      if (i % 5 == 2) return {"KB", n, std::string(40, 'x') + n};
      return {"KB12345678", "DS12345678", "JOB" + std::string(i % 3, '0') + n};
    };
    for (int step = 0; step < 3000; ++step) {
      const std::size_t i = static_cast<std::size_t>(next() % universe);
      const auto key = key_of(i);
      const ba::detail::job_key_view view{key[0], key[1], key[2]};
      bool forgot = false;
      const std::size_t forgotten_before = ref.forgotten;
      const bool known = ref.touch(key, limit);
      ba::detail::job_state& st = index.find_or_insert(view, limit, labels, forgot);
      // The state is the job's own: its count goes on where it stopped, or starts at 0.
      if (known) REQUIRE(st.count > 0);
      else REQUIRE(st.count == 0);
      REQUIRE(st.started_at == (known ? ts(static_cast<std::int64_t>(i)) : timestamp{}));
      // As observe_job does: the state keeps its label in the pool the index releases it into.
      if (st.count > 0) {
        REQUIRE(labels.text(st.label) == "job " + std::to_string(i));
        labels.release(st.label);
      }
      st.label = labels.keep("job " + std::to_string(i));
      ++st.count;
      st.started_at = ts(static_cast<std::int64_t>(i));
      REQUIRE(forgot == (ref.forgotten != forgotten_before));
      REQUIRE(index.size() == ref.order.size());
      if (step % 50 == 0 || limit <= 3) {
        std::vector<std::array<std::string, 3>> got;
        index.for_each_recent([&](const ba::detail::job_key_view& k) {
          got.push_back({std::string(k.knowledge_base_id), std::string(k.data_source_id),
                         std::string(k.ingestion_job_id)});
        });
        REQUIRE(got == std::vector<std::array<std::string, 3>>(ref.order.begin(), ref.order.end()));
        for (std::size_t u = 0; u < universe; ++u) {
          const auto k = key_of(u);
          const bool in_ref = std::find(ref.order.begin(), ref.order.end(), k) != ref.order.end();
          REQUIRE(index.contains(ba::detail::job_key_view{k[0], k[1], k[2]}) == in_ref);
        }
      }
    }
    CHECK(labels.size() == (ref.order.empty() ? 0U : 1U));  // one prefix, "job ", while jobs are kept
    index.clear();
    labels.clear();
    CHECK(index.size() == 0);
    CHECK_FALSE(index.contains(ba::detail::job_key_view{"KB", "0", std::string(40, 'x') + "0"}));
    // Usable again after clear, and after a move (the moved-from index is empty and usable).
    bool forgot = false;
    index.find_or_insert(ba::detail::job_key_view{"a", "b", "c"}, limit, labels, forgot);
    ba::detail::basic_job_index<Hash> moved(std::move(index));
    CHECK(moved.contains(ba::detail::job_key_view{"a", "b", "c"}));
    CHECK(index.size() == 0);  // NOLINT(bugprone-use-after-move): a moved-from index is empty
    index.find_or_insert(ba::detail::job_key_view{"a", "b", "c"}, limit, labels, forgot);
    CHECK(index.size() == 1);
  }
}

TEST_CASE("status: the flat job index keeps least-recently-observed order, with any hash collisions") {
  check_index_against_reference<ba::detail::job_key_hash>(1);  // the process's seed
  check_index_against_reference(5, ba::detail::job_key_hash{0});
  check_index_against_reference(6, ba::detail::job_key_hash{0x9E3779B97F4A7C15U});
  check_index_against_reference<constant_hash>(2);
  check_index_against_reference<two_hashes>(3);
  check_index_against_reference<low_bits_equal>(4);
}

TEST_CASE("status: the job hash is seeded, and the seed changes no finding") {
  using ba::detail::job_key_hash;
  using ba::detail::job_key_view;
  const job_key_view k{"KB12345678", "DS12345678", "JOB1234567"};
  // Deterministic for a seed; another seed, another hash.
  CHECK(job_key_hash{1}(k) == job_key_hash{1}(k));
  CHECK(job_key_hash{1}(k) != job_key_hash{2}(k));
  // The default seed is drawn once per process.
  CHECK(job_key_hash{}.seed == ba::detail::process_hash_seed());
  CHECK(job_key_hash{}(k) == job_key_hash{ba::detail::process_hash_seed()}(k));
  // Where one id ends and the next begins is part of the key.
  CHECK(job_key_hash{1}(job_key_view{"KB1", "2", "3"}) != job_key_hash{1}(job_key_view{"KB", "12", "3"}));
  CHECK(job_key_hash{1}(job_key_view{"", "", "ab"}) != job_key_hash{1}(job_key_view{"", "a", "b"}));

  // The same observations under several seeds (and the process's): the same findings, the
  // same jobs remembered and forgotten.
  const auto run = [](std::optional<std::uint64_t> seed) {
    ba::sequence_options so;
    so.max_jobs = 7;
    so.hash_seed = seed;
    ba::sequence_checker c({}, so);
    std::string out;
    std::uint64_t state = 88172645463325252U;
    for (int i = 0; i < 2000; ++i) {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      const std::string id = "JOB" + std::to_string(1000000 + state % 11);
      const S status = static_cast<S>(state / 11 % 6);
      const auto found = c.observe(
          with_ids(make_job(status, t0, t0 + static_cast<std::int64_t>(state / 66 % 50)), "KB12345678", "DS12345678",
                   id.c_str()),
          "line " + std::to_string(i)).diagnostics();
      out += dump(found);
    }
    return out + std::to_string(c.tracked_jobs()) + "/" + std::to_string(c.forgotten_jobs());
  };
  const std::string reference = run(0);
  CHECK(reference.size() > 1000);  // the run does find things
  CHECK(run(1) == reference);
  CHECK(run(0xFFFFFFFFFFFFFFFFU) == reference);
  CHECK(run(std::nullopt) == reference);
}

TEST_CASE("status: labels come back byte for byte in messages") {
  // Each label is used for a first observation and named in the next one's finding.
  const std::vector<std::string> labels = {
      "responses.jsonl:17", "line 007", "0", "00", "x0", "poll", "18446744073709551615", "18446744073709551616",
      "99999999999999999999", "file:entry 3", "a1b2", std::string("nul\0byte 5", 10), ""};
  for (const std::string& first : labels) {
    for (const std::string& second : labels) {
      CAPTURE(first);
      CAPTURE(second);
      ba::sequence_checker c;
      CHECK(c.observe(make_job(S::COMPLETE, t0, t0 + 5, 10), first).diagnostics().empty());
      const auto found = c.observe(make_job(S::STARTING, t0, t0 + 4, 9), second).diagnostics();
      REQUIRE(found.size() == 3);
      const std::string a = first.empty() ? "observation #1" : first;
      const std::string b = second.empty() ? "observation #2" : second;
      CHECK(found[0].message == "status went from COMPLETE (" + a + ") to STARTING (" + b + "), but COMPLETE is terminal");
      CHECK(found[1].message.find("(" + a + ") to 2023-11-14T22:13:24Z (" + b + ")") != std::string::npos);
      CHECK(found[2].message == "numberOfDocumentsScanned went down from 10 (" + a + ") to 9 (" + b +
                                    "); a job does not unscan documents");
    }
  }
}

TEST_CASE("status: scanned-decreased names the last observation that had statistics") {
  ba::sequence_checker c;
  CHECK(c.observe(make_job(S::IN_PROGRESS, t0, t0 + 1, 10), "f:1").diagnostics().empty());
  CHECK(c.observe(make_job(S::IN_PROGRESS, t0, t0 + 2), "g:2").diagnostics().empty());  // no statistics
  const auto found = c.observe(make_job(S::IN_PROGRESS, t0, t0 + 3, 5), "h:3").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "numberOfDocumentsScanned went down from 10 (f:1) to 5 (h:3); a job does not unscan documents");
}

TEST_CASE("status: the label pool holds only the prefixes of labels still kept") {
  ba::detail::label_pool pool;
  const auto a = pool.keep("file.ndjson:12");
  const auto b = pool.keep("file.ndjson:13");
  const auto c = pool.keep("other:1");
  const auto d = pool.share(c);
  CHECK(pool.size() == 2);
  CHECK(pool.text(a) == "file.ndjson:12");
  CHECK(pool.text(b) == "file.ndjson:13");
  CHECK(pool.text(d) == "other:1");
  pool.release(a);
  pool.release(c);
  CHECK(pool.size() == 2);
  pool.release(b);
  CHECK(pool.size() == 1);
  const auto e = pool.keep("third 9");  // takes the freed prefix's place
  CHECK(pool.text(e) == "third 9");
  CHECK(pool.text(d) == "other:1");
  pool.release(d);
  pool.release(e);
  CHECK(pool.size() == 0);

  // A checker that forgets jobs releases their labels, and the labels it keeps stay right while
  // the prefixes of forgotten ones are freed and reused.
  ba::sequence_options so;
  so.max_jobs = 4;
  ba::sequence_checker checker({}, so);
  for (int i = 0; i < 200; ++i) {
    const std::string id = "JOB" + std::to_string(1000000 + i);
    const std::string label = "file" + std::to_string(i) + ".ndjson:7";
    CHECK(checker.observe(with_ids(make_job(S::STARTING, t0, t0, 1), "KB12345678", "DS12345678", id.c_str()), label).diagnostics()
              .empty());
  }
  CHECK(checker.tracked_jobs() == 4);
  const auto found =
      checker.observe(with_ids(make_job(S::STARTING, t0, t0 - 1), "KB12345678", "DS12345678", "JOB1000199"), "last").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("(file199.ndjson:7) to") != std::string::npos);
}

TEST_CASE("status: a moved-from sequence_checker is empty and usable") {
  ba::sequence_checker c;
  CHECK(c.observe(make_job(S::COMPLETE, t0, t0), "a:1").diagnostics().empty());
  ba::sequence_checker d(std::move(c));
  CHECK(d.tracked_jobs() == 1);
  CHECK(c.tracked_jobs() == 0);  // NOLINT(bugprone-use-after-move)
  CHECK(c.observe(make_job(S::COMPLETE, t0, t0), "b:1").diagnostics().empty());
  CHECK(count_of(c.observe(make_job(S::STARTING, t0, t0), "b:2").diagnostics(), rules::sequence_transition) == 1);
  ba::sequence_checker e;
  e = std::move(d);
  const auto found = e.observe(make_job(S::STARTING, t0, t0), "c:1").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "status went from COMPLETE (a:1) to STARTING (c:1), but COMPLETE is terminal");
}

TEST_CASE("status: warnings can be counted instead of built, errors are still built") {
  // A stop response in IN_PROGRESS (status.stop-state, warning), updatedAt before startedAt
  // (status.time-order, error), and reasons on a job that is not FAILED (warning).
  ba::StopIngestionJobResponse r;
  r.ingestionJob = make_job(S::IN_PROGRESS, t0 + 10, t0 + 9);
  r.ingestionJob.failureReasons = ba::FailureReasons{ba::FailureReason("disk full")};
  for (bool disable_one : {false, true}) {
    ba::parse_options o;
    if (disable_one) o.disabled.insert(rules::status_stop_state);
    const ba::result<void> checked = ba::check_status(r, o);
    const std::vector<ba::diagnostic>& all = checked.diagnostics();
    CHECK(!checked.ok());
    CHECK(checked.error_count() == 1);
    std::vector<ba::diagnostic> built;
    std::size_t counted = 0;
    ba::check_status(r, o, built, &counted);
    std::size_t warnings = 0;
    for (const auto& d : all) warnings += d.level == severity::warning ? 1 : 0;
    CHECK(warnings == (disable_one ? 1U : 2U));
    CHECK(checked.warning_count() == warnings);
    CHECK(counted == warnings);  // disabled rules are neither built nor counted
    REQUIRE(built.size() == all.size() - warnings);
    REQUIRE(built.size() == 1);
    CHECK(built[0].id == rules::status_time_order);
    CHECK(built[0].message == all[disable_one ? 0 : 1].message);
    std::vector<ba::diagnostic> same;
    ba::check_status(r, o, same);  // no counter: everything is built
    CHECK(dump(same) == dump(all));
    ba::check_status(r, o, same);  // appended: one vector serves many responses
    CHECK(same.size() == 2 * all.size());
  }
}


// ---- the whole API: Start, Get and List outputs --------------------------------------------

ba::StartIngestionJobResponse start_response(S status = S::STARTING) {
  ba::StartIngestionJobResponse r;
  r.ingestionJob = make_job(status, t0, t0, 0);
  return r;
}

using ba::testing::fixtures::summary_of;

/** A List page of jobs JOB0000000, JOB0000001, ... started at t0 + started[i], in `statuses[i]`. */
ba::ListIngestionJobsResponse page_of(const std::vector<std::int64_t>& started, const std::vector<S>& statuses) {
  ba::ListIngestionJobsResponse r;
  for (std::size_t i = 0; i < started.size(); ++i) {
    const std::string id = "JOB000000" + std::to_string(i % 10);
    r.ingestionJobSummaries.push_back(summary_of(
        with_ids(make_job(statuses[i % statuses.size()], t0 + started[i], t0 + started[i] + 5), "KB12345678",
                 "DS12345678", id.c_str())));
  }
  return r;
}

ba::ListIngestionJobsRequest list_request() {
  ba::ListIngestionJobsRequest q;
  q.knowledgeBaseId = "KB12345678";
  q.dataSourceId = "DS12345678";
  return q;
}

ba::ListIngestionJobsRequest sorted_by(ba::IngestionJobSortByAttribute a, ba::SortOrder o) {
  ba::ListIngestionJobsRequest q = list_request();
  q.sortBy = ba::IngestionJobSortBy{a, o};
  return q;
}

TEST_CASE("status: a fresh StartIngestionJob response passes every rule") {
  CHECK(ba::check_status(start_response()).diagnostics().empty());
  auto r = start_response();
  r.ingestionJob.statistics.reset();  // absent statistics claim nothing
  CHECK(ba::check_status(r).diagnostics().empty());
}

TEST_CASE("status: start-state, a StartIngestionJob response not in STARTING") {
  for (S s : order) {
    INFO(s);
    const auto found = ba::check_status(start_response(s)).diagnostics();
    REQUIRE(count_of(found, rules::status_start_state) == (s == S::STARTING ? 0U : 1U));
    if (s == S::STARTING) continue;
    CHECK(found[0].id == rules::status_start_state);
    CHECK(found[0].pointer == "/ingestionJob/status");
    CHECK(found[0].level == severity::warning);
    CHECK(found[0].expected == "STARTING");
    CHECK(found[0].found == std::string(ba::to_string(s)));
    CHECK(found[0].message == "a StartIngestionJob response reports status " + std::string(ba::to_string(s)) +
                                  "; a job that was just started is STARTING");
    // The same job from GetIngestionJob is not held to it.
    CHECK(count_of(ba::check_status(ba::GetIngestionJobResponse{start_response(s).ingestionJob}).diagnostics(),
                   rules::status_start_state) == 0);
  }
  auto unknown = start_response();
  unknown.ingestionJob.status = ba::enum_value<S>::unknown("QUEUED");
  CHECK(ba::check_status(unknown).diagnostics().empty());
}

TEST_CASE("status: start-counters, one finding per counter above 0") {
  auto r = start_response();
  r.ingestionJob.statistics->numberOfDocumentsScanned = 5;
  r.ingestionJob.statistics->numberOfDocumentsFailed = 2;
  r.ingestionJob.statistics->numberOfDocumentsDeleted = -1;  // semantic.negative-counter's, not this rule's
  const ba::result<void> checked = ba::check_status(r);
  CHECK(checked.ok());
  const auto& found = checked.diagnostics();
  REQUIRE(found.size() == 2);
  CHECK(checked.warning_count() == 2);
  CHECK(found[0].id == rules::status_start_counters);
  CHECK(found[0].pointer == "/ingestionJob/statistics/numberOfDocumentsScanned");
  CHECK(found[0].expected == "0");
  CHECK(found[0].found == "5");
  CHECK(found[0].message == "numberOfDocumentsScanned is 5 in a StartIngestionJob response; a job that was just "
                            "started has not counted any document yet");
  CHECK(found[1].pointer == "/ingestionJob/statistics/numberOfDocumentsFailed");
  CHECK(found[1].level == severity::warning);
  ba::parse_options o;
  o.disabled.insert(rules::status_start_counters);
  CHECK(ba::check_status(r, o).diagnostics().empty());
}

TEST_CASE("status: start-times, a StartIngestionJob response updated after it started") {
  auto r = start_response();
  r.ingestionJob.updatedAt = ts(t0 + 90);
  auto found = ba::check_status(r).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::status_start_times);
  CHECK(found[0].pointer == "/ingestionJob/updatedAt");
  CHECK(found[0].level == severity::warning);
  CHECK(found[0].expected == "startedAt 2023-11-14T22:13:20Z");
  CHECK(found[0].found == "2023-11-14T22:14:50Z");
  CHECK(ba::to_string(found[0]) ==
        "0:0: warning[status.start-times]: updatedAt 2023-11-14T22:14:50Z is after startedAt 2023-11-14T22:13:20Z in "
        "a StartIngestionJob response; a job that was just started has not been updated since (at "
        "/ingestionJob/updatedAt)");
  ba::parse_options o;
  o.disabled.insert(rules::status_start_times);
  CHECK(ba::check_status(r, o).diagnostics().empty());
  // Updated before it started: status.time-order says so, once.
  r.ingestionJob.updatedAt = ts(t0 - 1);
  found = ba::check_status(r).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::status_time_order);
}

TEST_CASE("status: start findings come in a fixed order, before the job's; warnings can be counted") {
  auto r = start_response(S::FAILED);  // start-state, and FAILED with reasons is coherent
  r.ingestionJob.statistics->numberOfDocumentsSkipped = 1;
  r.ingestionJob.updatedAt = ts(t0 + 1);
  r.ingestionJob.failureReasons.reset();  // failure-without-reasons
  const auto found = ba::check_status(r).diagnostics();
  REQUIRE(found.size() == 4);
  CHECK(found[0].id == rules::status_start_state);
  CHECK(found[1].id == rules::status_start_counters);
  CHECK(found[2].id == rules::status_start_times);
  CHECK(found[3].id == rules::status_failure_without_reasons);
  std::vector<ba::diagnostic> built;
  std::size_t counted = 0;
  ba::check_status(r, {}, built, &counted);
  CHECK(built.empty());
  CHECK(counted == 4);
}

TEST_CASE("status: a GetIngestionJob response carries the job rules under /ingestionJob, nothing more") {
  ba::GetIngestionJobResponse r{make_job(S::COMPLETE, t0, t0 + 60, 10)};
  CHECK(ba::check_status(r).diagnostics().empty());
  r.ingestionJob.updatedAt = ts(t0 - 1);
  r.ingestionJob.failureReasons = ba::FailureReasons{ba::FailureReason("late")};
  const auto found = ba::check_status(r).diagnostics();
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == rules::status_time_order);
  CHECK(found[0].pointer == "/ingestionJob/updatedAt");
  CHECK(found[1].id == rules::status_reasons_without_failure);
  CHECK(found[1].pointer == "/ingestionJob/failureReasons");
}

TEST_CASE("status: a List page checks each summary at /ingestionJobSummaries/N") {
  auto page = page_of({0, 10, 20}, {S::COMPLETE, S::FAILED, S::STARTING});
  CHECK(ba::check_status(page).diagnostics().empty());  // a FAILED summary has no failureReasons to miss
  page.ingestionJobSummaries[2].updatedAt = ts(t0);
  const auto found = ba::check_status(page).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::status_time_order);
  CHECK(found[0].pointer == "/ingestionJobSummaries/2/updatedAt");
  CHECK(ba::check_status(page.ingestionJobSummaries[2], {}, "/x").diagnostics()[0].pointer == "/x/updatedAt");
  CHECK(ba::check_status(ba::ListIngestionJobsResponse{}).diagnostics().empty());
}

// ---- the whole API: exchanges ---------------------------------------------------------------

TEST_CASE("status: exchange.id-mismatch on Start and Get") {
  const ba::StartIngestionJobRequest start{"KB12345678", "DS12345678", std::nullopt, std::nullopt};
  auto started = start_response();
  CHECK(ba::check_exchange(start, started).diagnostics().empty());
  started.ingestionJob.ingestionJobId = "ANYJOB0000";  // a new job: any id
  CHECK(ba::check_exchange(start, started).diagnostics().empty());
  started.ingestionJob.knowledgeBaseId = "KB00000000";
  auto found = ba::check_exchange(start, started).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/ingestionJob/knowledgeBaseId");
  CHECK(found[0].message == "the response's knowledgeBaseId is \"KB00000000\" but the request asked for \"KB12345678\"");

  const ba::GetIngestionJobRequest get{"KB12345678", "DS12345678", "JOB1234567"};
  ba::GetIngestionJobResponse got{make_job(S::COMPLETE, t0, t0 + 1)};
  CHECK(ba::check_exchange(get, got).diagnostics().empty());
  got.ingestionJob.ingestionJobId = "JOB7654321";
  got.ingestionJob.dataSourceId = "DS00000000";
  found = ba::check_exchange(get, got).diagnostics();
  REQUIRE(found.size() == 2);
  CHECK(found[0].pointer == "/ingestionJob/dataSourceId");
  CHECK(found[1].pointer == "/ingestionJob/ingestionJobId");
  CHECK(found[1].level == severity::error);
  ba::parse_options o;
  o.disabled.insert(rules::exchange_id_mismatch);
  CHECK(ba::check_exchange(get, got, o).diagnostics().empty());
}

TEST_CASE("status: exchange.id-mismatch on every summary of a List page") {
  auto page = page_of({0, 10, 20}, {S::COMPLETE});
  CHECK(ba::check_exchange(list_request(), page).diagnostics().empty());
  page.ingestionJobSummaries[1].dataSourceId = "DS00000000";
  page.ingestionJobSummaries[2].knowledgeBaseId = "KB00000000";
  const auto found = ba::check_exchange(list_request(), page).diagnostics();
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == rules::exchange_id_mismatch);
  CHECK(found[0].pointer == "/ingestionJobSummaries/1/dataSourceId");
  CHECK(found[0].message == "summary 1's dataSourceId is \"DS00000000\" but the request asked for \"DS12345678\"");
  CHECK(found[1].pointer == "/ingestionJobSummaries/2/knowledgeBaseId");
}

TEST_CASE("status: list.max-results, more summaries than maxResults") {
  const auto page = page_of({0, 10, 20}, {S::COMPLETE});
  auto q = list_request();
  CHECK(ba::check_exchange(q, page).diagnostics().empty());  // absent: the service picks
  q.maxResults = 3;
  CHECK(ba::check_exchange(q, page).diagnostics().empty());
  q.maxResults = 1000;
  CHECK(ba::check_exchange(q, page).diagnostics().empty());
  q.maxResults = 2;
  const ba::result<void> checked = ba::check_exchange(q, page);
  CHECK(!checked.ok());
  REQUIRE(checked.diagnostics().size() == 1);
  const ba::diagnostic& d = checked.diagnostics()[0];
  CHECK(d.id == rules::list_max_results);
  CHECK(d.level == severity::error);
  CHECK(d.pointer == "/ingestionJobSummaries");
  CHECK(d.expected == "at most 2 summaries");
  CHECK(d.found == "3 summaries");
  CHECK(d.message == "the page has 3 summaries but the request's maxResults is 2");
  q.maxResults = 0;  // outside the range (constraint.range's): still more than asked for
  CHECK(count_of(ba::check_exchange(q, page).diagnostics(), rules::list_max_results) == 1);
  ba::parse_options o;
  o.disabled.insert(rules::list_max_results);
  CHECK(ba::check_exchange(q, page, o).diagnostics().empty());
}

TEST_CASE("status: list.sort-order by STARTED_AT, ties allowed") {
  using A = ba::IngestionJobSortByAttribute;
  using O = ba::SortOrder;
  const auto up = page_of({0, 10, 10, 20}, {S::COMPLETE});
  const auto down = page_of({20, 10, 10, 0}, {S::COMPLETE});
  CHECK(ba::check_exchange(sorted_by(A::STARTED_AT, O::ASCENDING), up).diagnostics().empty());
  CHECK(ba::check_exchange(sorted_by(A::STARTED_AT, O::DESCENDING), down).diagnostics().empty());
  CHECK(ba::check_exchange(list_request(), down).diagnostics().empty());  // no sortBy, no order to keep

  auto found = ba::check_exchange(sorted_by(A::STARTED_AT, O::ASCENDING), down).diagnostics();
  REQUIRE(found.size() == 1);  // the first place it breaks, and how many there are
  CHECK(found[0].id == rules::list_sort_order);
  CHECK(found[0].level == severity::error);
  CHECK(found[0].pointer == "/ingestionJobSummaries/1/startedAt");
  CHECK(found[0].expected == "a time at or after 2023-11-14T22:13:40Z");
  CHECK(found[0].found == "2023-11-14T22:13:30Z");
  CHECK(found[0].message == "summary 1's startedAt 2023-11-14T22:13:30Z is before summary 0's 2023-11-14T22:13:40Z, "
                            "but the request sorts by STARTED_AT ASCENDING (the page is out of order at 2 places)");

  found = ba::check_exchange(sorted_by(A::STARTED_AT, O::DESCENDING), page_of({0, 10, 5}, {S::COMPLETE})).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/ingestionJobSummaries/1/startedAt");
  CHECK(found[0].message == "summary 1's startedAt 2023-11-14T22:13:30Z is after summary 0's 2023-11-14T22:13:20Z, "
                            "but the request sorts by STARTED_AT DESCENDING (the page is out of order at 1 place)");

  ba::parse_options o;
  o.disabled.insert(rules::list_sort_order);
  CHECK(ba::check_exchange(sorted_by(A::STARTED_AT, O::ASCENDING), down, o).diagnostics().empty());
  auto unknown = sorted_by(A::STARTED_AT, O::ASCENDING);
  unknown.sortBy->order = ba::enum_value<O>::unknown("RANDOM");
  CHECK(ba::check_exchange(unknown, down).diagnostics().empty());
}

TEST_CASE("status: list.sort-order by STATUS, the summaries of one status together") {
  using A = ba::IngestionJobSortByAttribute;
  using O = ba::SortOrder;
  const std::vector<std::int64_t> five{0, 1, 2, 3, 4};
  for (O o : {O::ASCENDING, O::DESCENDING}) {
    INFO(ba::to_string(o));
    const auto q = sorted_by(A::STATUS, o);
    // The service's order of the statuses is not documented: any order that groups them passes.
    CHECK(ba::check_exchange(q, page_of(five, {S::STARTING, S::STARTING, S::IN_PROGRESS, S::COMPLETE, S::STOPPED}))
              .diagnostics().empty());
    CHECK(ba::check_exchange(q, page_of(five, {S::STOPPED, S::COMPLETE, S::COMPLETE, S::IN_PROGRESS, S::STARTING}))
              .diagnostics().empty());
    const auto found =
        ba::check_exchange(q, page_of(five, {S::COMPLETE, S::IN_PROGRESS, S::COMPLETE, S::IN_PROGRESS, S::FAILED}))
            .diagnostics();
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == rules::list_sort_order);
    CHECK(found[0].pointer == "/ingestionJobSummaries/2/status");
    CHECK(found[0].expected == "the COMPLETE summaries next to each other");
    CHECK(found[0].found == "COMPLETE again after IN_PROGRESS");
    CHECK(found[0].message == "summary 2's status COMPLETE comes again after summary 1's IN_PROGRESS, but the "
                              "request sorts by STATUS: in any order of the statuses the jobs of one status stand "
                              "together (the page is out of order at 2 places)");
  }
  // Unknown statuses are grouped by their wire name.
  auto page = page_of({0, 1, 2}, {S::COMPLETE});
  page.ingestionJobSummaries[0].status = ba::enum_value<S>::unknown("QUEUED");
  page.ingestionJobSummaries[2].status = ba::enum_value<S>::unknown("QUEUED");
  const auto found = ba::check_exchange(sorted_by(A::STATUS, O::ASCENDING), page).diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].found == "QUEUED again after COMPLETE");
  page.ingestionJobSummaries[2].status = ba::enum_value<S>::unknown("PAUSED");
  CHECK(ba::check_exchange(sorted_by(A::STATUS, O::ASCENDING), page).diagnostics().empty());
}

// ---- the whole API: sequences ---------------------------------------------------------------

TEST_CASE("status: sequence_checker observes Start, Get, List and Stop outputs as one job's story") {
  ba::sequence_checker c;
  CHECK(c.observe(start_response(), "start").diagnostics().empty());
  auto page = page_of({0}, {S::IN_PROGRESS});
  page.ingestionJobSummaries.insert(page.ingestionJobSummaries.begin(),
                                    summary_of(with_ids(make_job(S::COMPLETE, t0 - 100, t0 - 50), "KB12345678",
                                                        "DS12345678", "JOB0000009")));
  page.ingestionJobSummaries[1].ingestionJobId = "JOB1234567";  // the started job, second on the page
  CHECK(c.observe(page, "list").diagnostics().empty());
  CHECK(c.tracked_jobs() == 2);
  // A summary that goes back is found at its place on the page.
  page.ingestionJobSummaries[1].status = S::STARTING;
  auto found = c.observe(page, "list again").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_transition);
  CHECK(found[0].pointer == "/ingestionJobSummaries/1/status");
  CHECK(found[0].message == "status went from IN_PROGRESS (list) to STARTING (list again), but from IN_PROGRESS the "
                            "lifecycle only leads to COMPLETE, FAILED, STOPPING or STOPPED");
  CHECK(c.observe(ba::GetIngestionJobResponse{make_job(S::IN_PROGRESS, t0, t0 + 20)}, "get").diagnostics().empty());
  found = c.observe(ba::GetIngestionJobResponse{make_job(S::IN_PROGRESS, t0, t0 + 10)}, "get 2").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_updated_at_decreased);
  CHECK(found[0].pointer == "/ingestionJob/updatedAt");
}

TEST_CASE("status: sequence.stop-after-terminal, a successful stop of a finished job") {
  for (S terminal : {S::COMPLETE, S::FAILED, S::STOPPED}) {
    INFO(terminal);
    ba::sequence_checker c;
    CHECK(c.observe(start_response(), "start").diagnostics().empty());
    CHECK(c.observe(ba::GetIngestionJobResponse{make_job(terminal, t0, t0 + 60, 10)}, "get").diagnostics().empty());
    ba::StopIngestionJobResponse stop{make_job(terminal, t0, t0 + 60, 10)};  // the job as it was
    const ba::result<void> checked = c.observe(stop, "stop");
    CHECK(!checked.ok());
    REQUIRE(checked.diagnostics().size() == 1);
    const ba::diagnostic& d = checked.diagnostics()[0];
    CHECK(d.id == rules::sequence_stop_after_terminal);
    CHECK(d.level == severity::error);
    CHECK(d.pointer == "");
    CHECK(d.expected == "ConflictException (HTTP 409)");
    CHECK(d.found == "a StopIngestionJob response");
    CHECK(d.message == "StopIngestionJob succeeded (stop) for a job already " + std::string(ba::to_string(terminal)) +
                           " (get); a finished job cannot be stopped, the service answers ConflictException (HTTP 409)");
    // A Get that shows it again is fine; another stop is the same error.
    CHECK(c.observe(ba::GetIngestionJobResponse{make_job(terminal, t0, t0 + 60, 10)}).diagnostics().empty());
    CHECK(count_of(c.observe(stop).diagnostics(), rules::sequence_stop_after_terminal) == 1);
    ba::parse_options o;
    o.disabled.insert(rules::sequence_stop_after_terminal);
    ba::job_tracker t(o);
    CHECK(t.observe(make_job(terminal, t0, t0 + 60, 10)).diagnostics().empty());
    CHECK(t.observe(stop).diagnostics().empty());
  }
}

TEST_CASE("status: a stop of a job not yet finished is fine, and STOPPED after it too") {
  ba::job_tracker t;
  CHECK(t.observe(make_job(S::IN_PROGRESS, t0, t0 + 10, 5)).diagnostics().empty());
  CHECK(t.observe(ba::StopIngestionJobResponse{make_job(S::STOPPING, t0, t0 + 20, 6)}).diagnostics().empty());
  CHECK(t.observe(ba::StopIngestionJobResponse{make_job(S::STOPPED, t0, t0 + 30, 6)}).diagnostics().empty());
  CHECK(t.observe(ba::GetIngestionJobResponse{make_job(S::STOPPED, t0, t0 + 30, 6)}).diagnostics().empty());
  CHECK(t.observe(summary_of(make_job(S::STOPPED, t0, t0 + 30, 6))).diagnostics().empty());
  // The stop that answered STOPPED made the job terminal: stopping it again is the error.
  const auto found = t.observe(ba::StopIngestionJobResponse{make_job(S::STOPPED, t0, t0 + 30, 6)}, "again").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_stop_after_terminal);
  CHECK(found[0].message == "StopIngestionJob succeeded (again) for a job already STOPPED (observation #3); a finished "
                            "job cannot be stopped, the service answers ConflictException (HTTP 409)");
  // A first observation that is a stop has nothing to contradict.
  ba::job_tracker fresh;
  CHECK(fresh.observe(ba::StopIngestionJobResponse{make_job(S::STOPPED, t0, t0 + 30)}).diagnostics().empty());
}

TEST_CASE("status: stop-after-terminal remembers the first terminal observation, past a bad step") {
  ba::job_tracker t;
  CHECK(t.observe(make_job(S::COMPLETE, t0, t0 + 10), "done").diagnostics().empty());
  CHECK(count_of(t.observe(make_job(S::IN_PROGRESS, t0, t0 + 20), "odd").diagnostics(), rules::sequence_transition) == 1);
  const auto found = t.observe(ba::StopIngestionJobResponse{make_job(S::STOPPING, t0, t0 + 30)}, "stop").diagnostics();
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == rules::sequence_stop_after_terminal);
  CHECK(found[0].message.find("already COMPLETE (done)") != std::string::npos);
  t.reset();
  CHECK(t.observe(ba::StopIngestionJobResponse{make_job(S::STOPPING, t0, t0 + 30)}).diagnostics().empty());
}

}  // namespace
