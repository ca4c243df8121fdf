// Every code sample in docs/status.md, compiled and checked. Returns 0 when the documentation
// is telling the truth. The asserts are the point of this program: keep them in release builds.
#undef NDEBUG
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

namespace {

void machine_example() {
  // [machine]
  using bedrock_agent::IngestionJobStatus;
  using S = IngestionJobStatus;
  namespace ba = bedrock_agent;

  static_assert(ba::can_transition(S::IN_PROGRESS, S::STOPPING), "one edge");
  static_assert(ba::can_transition(S::STOPPING, S::STOPPING), "an observation repeated");
  static_assert(!ba::can_transition(S::STARTING, S::COMPLETE), "not one edge: IN_PROGRESS is skipped");
  static_assert(ba::is_reachable(S::STARTING, S::COMPLETE), "...but reachable");
  static_assert(ba::is_terminal(S::STOPPED) && !ba::is_terminal(S::STOPPING), "");
  static_assert(ba::successors(S::STARTING) == ba::status_set{S::IN_PROGRESS, S::FAILED, S::STOPPING}, "");

  std::string names;
  for (S s : ba::lifecycle_order()) names += std::string(ba::to_string(s)) + " ";
  assert(names == "STARTING IN_PROGRESS COMPLETE FAILED STOPPING STOPPED ");
  // [machine]
}

void response_example() {
  // [response]
  namespace ba = bedrock_agent;
  const auto response = ba::parse<ba::StopIngestionJobResponse>(R"({"ingestionJob": {
      "knowledgeBaseId": "KB12345678", "dataSourceId": "DS12345678", "ingestionJobId": "JOB1234567",
      "status": "COMPLETE", "startedAt": "2024-05-01T10:00:00Z", "updatedAt": "2024-05-01T09:59:00Z"}})");
  assert(response.ok());  // well-formed and within the model...

  const ba::result<void> checked = ba::check_status(response.value());
  assert(!checked.ok() && checked.error_count() == 1 && checked.warning_count() == 1);
  const std::vector<ba::diagnostic>& found = checked.diagnostics();
  assert(found.size() == 2);  // ...but not a plausible answer to a stop
  assert(found[0].id == ba::rules::status_stop_state);
  assert(found[0].level == ba::severity::warning);
  assert(ba::to_string(found[0]) ==
         "0:0: warning[status.stop-state]: a StopIngestionJob response reports status COMPLETE; a job that was "
         "just stopped is STOPPING or STOPPED (at /ingestionJob/status)");
  assert(found[1].id == ba::rules::status_time_order);
  assert(found[1].pointer == "/ingestionJob/updatedAt");

  ba::parse_options options;  // switch a rule off
  options.disabled.insert(ba::rules::status_stop_state);
  assert(ba::check_status(response.value(), options).diagnostics().size() == 1);
  // [response]
}

void exchange_example() {
  // [exchange]
  namespace ba = bedrock_agent;
  const ba::StopIngestionJobRequest request{"KB12345678", "DS12345678", "JOB1234567"};
  ba::StopIngestionJobResponse response;
  response.ingestionJob.knowledgeBaseId = "KB12345678";
  response.ingestionJob.dataSourceId = "DS12345678";
  response.ingestionJob.ingestionJobId = "JOB7654321";
  response.ingestionJob.status = ba::IngestionJobStatus::STOPPING;

  const auto found = ba::check_exchange(request, response).diagnostics();
  assert(found.size() == 1);
  assert(found[0].id == ba::rules::exchange_id_mismatch);
  assert(found[0].pointer == "/ingestionJob/ingestionJobId");
  assert(found[0].message == "the response's ingestionJobId is \"JOB7654321\" but the request asked for \"JOB1234567\"");
  // [exchange]
}

void sequence_example() {
  // [sequence]
  namespace ba = bedrock_agent;
  using S = ba::IngestionJobStatus;
  const auto observed = [](S status, const char* updated_at, std::int64_t scanned) {
    ba::IngestionJob job;
    job.knowledgeBaseId = "KB12345678";
    job.dataSourceId = "DS12345678";
    job.ingestionJobId = "JOB1234567";
    job.status = status;
    job.startedAt = *ba::parse_timestamp("2024-05-01T10:00:00Z");
    job.updatedAt = *ba::parse_timestamp(updated_at);
    job.statistics.emplace();
    job.statistics->numberOfDocumentsScanned = scanned;
    return job;
  };

  ba::sequence_checker checker;  // observations are samples: skipped statuses are fine
  assert(checker.observe(observed(S::IN_PROGRESS, "2024-05-01T10:01:00Z", 40), "poll 1").diagnostics().empty());
  assert(checker.observe(observed(S::STOPPED, "2024-05-01T10:02:00Z", 55), "poll 2").diagnostics().empty());

  const auto found = checker.observe(observed(S::IN_PROGRESS, "2024-05-01T10:01:30Z", 50), "poll 3").diagnostics();
  assert(found.size() == 3);
  assert(found[0].message == "status went from STOPPED (poll 2) to IN_PROGRESS (poll 3), but STOPPED is terminal");
  assert(found[1].message == "updatedAt went back from 2024-05-01T10:02:00Z (poll 2) to 2024-05-01T10:01:30Z (poll 3)");
  assert(found[2].id == ba::rules::sequence_scanned_decreased);
  assert(found[2].level == ba::severity::warning);

  // An event log has every change, so there a skipped status is an error.
  ba::job_tracker tracker({}, ba::transition_check::direct);
  assert(tracker.observe(observed(S::IN_PROGRESS, "2024-05-01T10:01:00Z", 40)).diagnostics().empty());
  const auto skipped = tracker.observe(observed(S::STOPPED, "2024-05-01T10:02:00Z", 55)).diagnostics();
  assert(skipped.size() == 1);
  assert(skipped[0].message ==
         "status went from IN_PROGRESS (observation #1) to STOPPED (observation #2), but IN_PROGRESS can only "
         "change to COMPLETE, FAILED or STOPPING");
  // [sequence]
}

void api_example() {
  // [api]
  namespace ba = bedrock_agent;
  using S = ba::IngestionJobStatus;
  const auto summary = [](const char* id, S status, const char* started_at) {
    ba::IngestionJobSummary s;
    s.knowledgeBaseId = "KB12345678";
    s.dataSourceId = "DS12345678";
    s.ingestionJobId = id;
    s.status = status;
    s.startedAt = s.updatedAt = *ba::parse_timestamp(started_at);
    return s;
  };

  // A List page against its request: at most maxResults summaries, in the sortBy order.
  ba::ListIngestionJobsRequest request;
  request.knowledgeBaseId = "KB12345678";
  request.dataSourceId = "DS12345678";
  request.maxResults = 2;
  request.sortBy = ba::IngestionJobSortBy{ba::IngestionJobSortByAttribute::STARTED_AT, ba::SortOrder::DESCENDING};
  ba::ListIngestionJobsResponse page;
  page.ingestionJobSummaries = {summary("JOBAAAAAAA", S::COMPLETE, "2024-05-01T09:00:00Z"),
                                summary("JOBBBBBBBB", S::IN_PROGRESS, "2024-05-01T10:00:00Z"),
                                summary("JOBCCCCCCC", S::COMPLETE, "2024-05-01T08:00:00Z")};
  const auto found = ba::check_exchange(request, page).diagnostics();
  assert(found.size() == 2);
  assert(found[0].id == ba::rules::list_max_results);
  assert(found[0].message == "the page has 3 summaries but the request's maxResults is 2");
  assert(found[1].id == ba::rules::list_sort_order);
  assert(found[1].pointer == "/ingestionJobSummaries/1/startedAt");

  // The same jobs through the other operations: a stop of a job the page showed COMPLETE.
  ba::sequence_checker checker;
  assert(checker.observe(page, "list").diagnostics().empty());
  ba::StopIngestionJobResponse stop;
  stop.ingestionJob.knowledgeBaseId = "KB12345678";
  stop.ingestionJob.dataSourceId = "DS12345678";
  stop.ingestionJob.ingestionJobId = "JOBAAAAAAA";
  stop.ingestionJob.status = S::STOPPED;
  stop.ingestionJob.startedAt = *ba::parse_timestamp("2024-05-01T09:00:00Z");
  stop.ingestionJob.updatedAt = *ba::parse_timestamp("2024-05-01T11:00:00Z");
  const ba::result<void> stopped = checker.observe(stop, "stop");
  assert(!stopped.ok() && stopped.error_count() == 2);
  assert(stopped.diagnostics()[0].id == ba::rules::sequence_stop_after_terminal);
  assert(stopped.diagnostics()[0].message ==
         "StopIngestionJob succeeded (stop) for a job already COMPLETE (list); a finished job cannot be stopped, "
         "the service answers ConflictException (HTTP 409)");
  assert(stopped.diagnostics()[1].id == ba::rules::sequence_transition);  // COMPLETE -> STOPPED
  // [api]
}

}  // namespace

int main() {
  machine_example();
  response_example();
  exchange_example();
  sequence_example();
  api_example();
  return 0;
}
