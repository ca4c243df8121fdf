// Properties of the lifecycle and the single-response invariants over generated jobs and
// generated sequences of observations.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace {

using namespace bedrock_agent;

/** Statuses reachable from `from` by following successors() (breadth first): computed
 *  here, not by is_reachable(), so the two can be compared. */
std::set<IngestionJobStatus> walk(IngestionJobStatus from) {
  std::set<IngestionJobStatus> seen{from};
  std::vector<IngestionJobStatus> todo{from};
  while (!todo.empty()) {
    const IngestionJobStatus s = todo.back();
    todo.pop_back();
    for (IngestionJobStatus next : successors(s)) {
      if (seen.insert(next).second) todo.push_back(next);
    }
  }
  return seen;
}

}  // namespace

/** Inside a property: a transition_check mode, generated. */
transition_check some_mode() {
  return *testing::detail::entry_of<transition_check>({transition_check::reachable, transition_check::direct});
}

TEST_CASE("properties: lifecycle: generated valid sequences pass every sequence rule") {
  rc_doctest::check("valid lifecycle", [] {
    const transition_check mode = some_mode();
    const testing::lifecycle l = *testing::valid_lifecycle(mode);
    RC_LOG() << l << "\n";
    job_tracker tracker({}, mode);
    sequence_checker checker({}, sequence_options{mode, 100000, std::nullopt});
    for (std::size_t i = 0; i < l.observations.size(); ++i) {
      const IngestionJob& job = l.observations[i];
      for (const diagnostic& d : tracker.observe(job).diagnostics()) RC_FAIL("#" + std::to_string(i) + ": " + to_string(d));
      RC_ASSERT(checker.observe(job).diagnostics().empty());
      for (const diagnostic& d : check_status(job).diagnostics()) RC_FAIL("#" + std::to_string(i) + " incoherent: " + to_string(d));
      if (i > 0) {
        const IngestionJobStatus from = *l.observations[i - 1].status.known(), to = *job.status.known();
        const bool legal = mode == transition_check::direct ? can_transition(from, to) : is_reachable(from, to);
        RC_ASSERT(legal);
      }
    }
  });
}

TEST_CASE("properties: lifecycle: a sequence with one illegal step gives exactly that one finding") {
  for (rule r : testing::lifecycle_rules()) {
    rc_doctest::check("illegal step " + std::string(rule_id(r)), [r] {
      const transition_check mode = some_mode();
      const testing::broken_lifecycle l = *testing::lifecycle_with_illegal_step(mode, r);
      RC_LOG() << l << "\n";
      job_tracker tracker({}, mode);
      std::vector<std::pair<std::size_t, diagnostic>> found;
      for (std::size_t i = 0; i < l.observations.size(); ++i) {
        RC_ASSERT(check_status(l.observations[i]).diagnostics().empty());  // each observation is coherent on its own
        for (diagnostic& d : tracker.observe(l.observations[i]).diagnostics()) found.emplace_back(i, std::move(d));
      }
      for (const auto& f : found) RC_LOG() << "#" << f.first << ": " << f.second << "\n";
      RC_ASSERT(found.size() == 1u);
      RC_ASSERT(found[0].first == l.bad_step);
      RC_ASSERT(found[0].second.id == l.expected);
      RC_ASSERT(found[0].second.pointer == l.pointer);
      RC_ASSERT(found[0].second.level == rule_info(l.expected).level);
    });
  }
}

TEST_CASE("properties: lifecycle: terminal states have no exits and every state is reachable from STARTING") {
  rc_doctest::check("lifecycle structure", [](IngestionJobStatus from, IngestionJobStatus to) {
    const std::set<IngestionJobStatus> from_here = walk(from);
    RC_ASSERT(is_reachable(from, to) == (from_here.count(to) == 1));
    RC_ASSERT(walk(IngestionJobStatus::STARTING).count(to) == 1u);
    RC_ASSERT(is_reachable(IngestionJobStatus::STARTING, to));
    if (is_terminal(from)) {
      RC_ASSERT(successors(from).empty());
      RC_ASSERT(can_transition(from, to) == (from == to));
      RC_ASSERT(is_reachable(from, to) == (from == to));
      // observed: leaving a terminal state is a sequence.transition, in either mode
      if (from != to) {
        for (transition_check mode : {transition_check::direct, transition_check::reachable}) {
          job_tracker tracker({}, mode);
          IngestionJob a = *testing::job_in(from);
          IngestionJob b = *testing::job_in(to);
          b.knowledgeBaseId = a.knowledgeBaseId;
          b.dataSourceId = a.dataSourceId;
          b.ingestionJobId = a.ingestionJobId;
          b.startedAt = a.startedAt;
          b.updatedAt = a.updatedAt;
          b.statistics.reset();
          RC_ASSERT(tracker.observe(a).diagnostics().empty());
          const std::vector<diagnostic> d = tracker.observe(b).diagnostics();
          RC_ASSERT(d.size() == 1u);
          RC_ASSERT(d[0].id == rules::sequence_transition);
        }
      }
    } else {
      RC_ASSERT(!successors(from).empty());
    }
  });
  CHECK(walk(IngestionJobStatus::STARTING).size() == ingestion_job_status_count);
}

TEST_CASE("properties: generated stop responses keep every single-response invariant") {
  rc_doctest::check("coherent stop responses", [] {
    const StopIngestionJobResponse r = *testing::stop_response();
    RC_LOG() << r << "\n";
    for (const diagnostic& d : check_status(r).diagnostics()) RC_FAIL(to_string(d));
    const std::optional<IngestionJobStatus> s = r.ingestionJob.status.known();
    RC_ASSERT(s == IngestionJobStatus::STOPPING || s == IngestionJobStatus::STOPPED);
    RC_ASSERT(r.ingestionJob.startedAt <= r.ingestionJob.updatedAt);
    RC_ASSERT(!r.ingestionJob.failureReasons.has_value());
    RC_ASSERT(check_value(r).diagnostics().empty());
  });
  rc_doctest::check("coherent jobs", [] {
    const IngestionJob j = *testing::coherent_job();
    for (const diagnostic& d : check_status(j).diagnostics()) RC_FAIL(to_string(d));
    RC_ASSERT(check_value(j).diagnostics().empty());
  });
}

namespace {
/** Feeds each output of `h` to `checker` (labelled by its index) and to check_status; returns
 *  the sequence findings with the index of the observation they are about. */
std::vector<std::pair<std::size_t, diagnostic>> run_history(const testing::api_history& h, bool check_outputs) {
  sequence_checker checker({}, sequence_options{h.mode, 100000, std::nullopt});
  std::vector<std::pair<std::size_t, diagnostic>> found;
  for (std::size_t i = 0; i < h.observations.size(); ++i) {
    std::visit(
        [&](const auto& output) {
          if (check_outputs) {
            for (const diagnostic& d : check_status(output).diagnostics())
              RC_FAIL("#" + std::to_string(i) + " incoherent: " + to_string(d));
          }
          for (diagnostic& d : checker.observe(output, "#" + std::to_string(i)).diagnostics())
            found.emplace_back(i, std::move(d));
        },
        h.observations[i]);
  }
  return found;
}
}  // namespace

TEST_CASE("properties: lifecycle: Start, Get, List and Stop histories that keep the lifecycle give no finding") {
  rc_doctest::check("valid api history", [] {
    const testing::api_history h = *testing::valid_api_history(some_mode());
    RC_LOG() << h << "\n";
    for (const auto& f : run_history(h, true)) RC_FAIL("#" + std::to_string(f.first) + ": " + to_string(f.second));
  });
}

TEST_CASE("properties: lifecycle: a planted stop of a finished job gives exactly sequence.stop-after-terminal") {
  rc_doctest::check("stop after terminal", [] {
    const testing::api_history h = *testing::api_history_with_stop_after_terminal(some_mode());
    RC_LOG() << h << "\n";
    RC_ASSERT(h.planted_stop.has_value());
    const auto found = run_history(h, false);
    for (const auto& f : found) RC_LOG() << "#" << f.first << ": " << f.second << "\n";
    RC_ASSERT(found.size() == 1u);
    RC_ASSERT(found[0].first == *h.planted_stop);
    RC_ASSERT(found[0].second.id == rules::sequence_stop_after_terminal);
    RC_ASSERT(found[0].second.pointer.empty());
    RC_ASSERT(found[0].second.level == severity::error);
  });
}
