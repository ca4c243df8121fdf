// The in-process fake service (testing/fake.hpp): each behaviour of docs/fake.md, and every
// response it sends read back with the library's own contract checks.
#include "fake_support.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace bedrock_agent;
using namespace bedrock_agent::testing;
using fake_support::client;

namespace {

constexpr std::string_view kb = "KB7X2Q9M1A";
constexpr std::string_view ds = "DSR4T8W1ZC";

StartIngestionJobRequest start_request(std::optional<std::string> token = std::nullopt,
                                       std::optional<std::string> description = std::nullopt) {
  StartIngestionJobRequest r;
  r.knowledgeBaseId = Id(std::string(kb));
  r.dataSourceId = Id(std::string(ds));
  if (token) r.clientToken = ClientToken(*token);
  if (description) r.description = Description(*description);
  return r;
}

template <class Request>
Request job_request(const IngestionJob& job) {
  Request r;
  r.knowledgeBaseId = job.knowledgeBaseId;
  r.dataSourceId = job.dataSourceId;
  r.ingestionJobId = job.ingestionJobId;
  return r;
}

ListIngestionJobsRequest list_request() {
  ListIngestionJobsRequest r;
  r.knowledgeBaseId = Id(std::string(kb));
  r.dataSourceId = Id(std::string(ds));
  return r;
}

std::string status_of(const IngestionJob& j) { return std::string(j.status.wire_name()); }

const std::string token_a(40, 'a');

}  // namespace

TEST_CASE("fake: a job starts, is polled to COMPLETE with growing counters, and a stop then is a conflict") {
  client c;
  const IngestionJob started = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(status_of(started) == "STARTING");
  CHECK(started.statistics->numberOfDocumentsScanned == 0);
  CHECK(started.startedAt == started.updatedAt);
  std::vector<std::string> seen;
  PrimitiveLong scanned = 0;
  for (int i = 0; i < 3; ++i) {
    const IngestionJob j = c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(started)).ingestionJob;
    seen.push_back(status_of(j));
    CHECK(j.statistics->numberOfDocumentsScanned > scanned);
    scanned = j.statistics->numberOfDocumentsScanned;
    CHECK(started.startedAt < j.updatedAt);
  }
  CHECK(seen == std::vector<std::string>{"IN_PROGRESS", "IN_PROGRESS", "COMPLETE"});
  const auto conflict = c.error<StopIngestionJob>(job_request<StopIngestionJobRequest>(started));
  CHECK(conflict.index() == 5);  // ConflictException
  CHECK(c.responses == c.checked);
}

TEST_CASE("fake: a running job stops: STOPPING, then STOPPED on the next poll, and a second stop is a conflict") {
  client c;
  const IngestionJob started = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(status_of(c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(started)).ingestionJob) == "IN_PROGRESS");
  CHECK(status_of(c.ok<StopIngestionJob>(job_request<StopIngestionJobRequest>(started)).ingestionJob) == "STOPPING");
  // A stop of a job already stopping is answered with the job as it is.
  CHECK(status_of(c.ok<StopIngestionJob>(job_request<StopIngestionJobRequest>(started)).ingestionJob) == "STOPPING");
  CHECK(status_of(c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(started)).ingestionJob) == "STOPPED");
  CHECK(status_of(c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(started)).ingestionJob) == "STOPPED");
  const auto conflict = c.error<StopIngestionJob>(job_request<StopIngestionJobRequest>(started));
  REQUIRE(conflict.index() == 5);
  CHECK(std::get<5>(conflict).message->find("already STOPPED") != std::string::npos);
}

TEST_CASE("fake: a STARTING job stops straight away") {
  client c;
  const IngestionJob started = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(status_of(c.ok<StopIngestionJob>(job_request<StopIngestionJobRequest>(started)).ingestionJob) == "STOPPING");
  CHECK(status_of(c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(started)).ingestionJob) == "STOPPED");
}

TEST_CASE("fake: clientToken: the same token and input is the same job; another input with it is a conflict") {
  client c;
  const IngestionJob first = c.ok<StartIngestionJob>(start_request(token_a, "nightly")).ingestionJob;
  const IngestionJob again = c.ok<StartIngestionJob>(start_request(token_a, "nightly")).ingestionJob;
  CHECK(again.ingestionJobId == first.ingestionJobId);
  CHECK(again.startedAt == first.startedAt);
  const auto conflict = c.error<StartIngestionJob>(start_request(token_a, "weekly"));
  REQUIRE(conflict.index() == 5);
  CHECK(std::get<5>(conflict).message->find(first.ingestionJobId) != std::string::npos);
  // Another token, or none (write_request then makes a fresh one, as SDKs do): a new job.
  const IngestionJob other = c.ok<StartIngestionJob>(start_request(std::string(40, 'b'), "weekly")).ingestionJob;
  CHECK(other.ingestionJobId != first.ingestionJobId);
  const IngestionJob fresh = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(fresh.ingestionJobId != first.ingestionJobId);
  CHECK(fresh.ingestionJobId != other.ingestionJobId);
}

TEST_CASE("fake: unknown jobs and, once seeded, unknown knowledge bases and data sources are 404") {
  client c;
  IngestionJob ghost;
  ghost.knowledgeBaseId = Id(std::string(kb));
  ghost.dataSourceId = Id(std::string(ds));
  ghost.ingestionJobId = Id("NOSUCHJOB0");
  CHECK(c.error<GetIngestionJob>(job_request<GetIngestionJobRequest>(ghost)).index() == 4);
  CHECK(c.error<StopIngestionJob>(job_request<StopIngestionJobRequest>(ghost)).index() == 4);
  // A job is found only under its own knowledge base and data source.
  const IngestionJob started = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  IngestionJob elsewhere = started;
  elsewhere.dataSourceId = Id("OTHERDS000");
  CHECK(c.error<GetIngestionJob>(job_request<GetIngestionJobRequest>(elsewhere)).index() == 4);

  client seeded;
  seeded.fake.add_data_source(kb, ds);
  CHECK_FALSE(seeded.fake.options().any_id_exists);
  seeded.ok<StartIngestionJob>(start_request());
  StartIngestionJobRequest wrong = start_request();
  wrong.knowledgeBaseId = Id("KBUNKNOWN0");
  const auto e = seeded.error<StartIngestionJob>(wrong);
  REQUIRE(e.index() == 4);
  CHECK(std::get<4>(e).message->find("Knowledge base KBUNKNOWN0") != std::string::npos);
  wrong = start_request();
  wrong.dataSourceId = Id("DSUNKNOWN0");
  CHECK(seeded.error<StartIngestionJob>(wrong).index() == 4);
}

TEST_CASE("fake: a malformed request is a ValidationException whose fieldList names each bad member") {
  fake_service f;
  const std::string base = "/knowledgebases/" + std::string(kb) + "/datasources/" + std::string(ds) + "/ingestionjobs/";
  fake_reply r = f.handle("POST", base, R"({"maxResults":0,"sortBy":{"attribute":"NAME","order":"ASCENDING"},"x":1})");
  CHECK(r.operation == "ListIngestionJobs");
  REQUIRE(r.response.status == 400);
  auto e = parse<ValidationException>(r.response.body);
  REQUIRE(e);
  REQUIRE(e->fieldList);
  std::set<std::string> got;
  for (const auto& field : *e->fieldList) got.insert(std::string(field.name));
  CHECK(got == std::set<std::string>{"maxResults", "sortBy.attribute", "x"});
  CHECK(e->message->rfind("3 validation errors detected", 0) == 0);

  r = f.handle("GET", "/knowledgebases/SHORT/datasources/" + std::string(ds) + "/ingestionjobs/ABCDEFGHIJ", "");
  REQUIRE(r.response.status == 400);
  e = parse<ValidationException>(r.response.body);
  REQUIRE(e);
  REQUIRE(e->fieldList->size() == 1);
  CHECK((*e->fieldList)[0].name == "knowledgeBaseId");

  // A member named "": its field is named `""` (a field's name cannot be blank; found by fuzz_fake).
  r = f.handle("PUT", base, R"({"":1})");
  REQUIRE(r.response.status == 400);
  e = parse<ValidationException>(r.response.body);
  REQUIRE(e);
  CHECK((*e->fieldList)[0].name == "\"\"");

  r = f.handle("PUT", base, "{not json");
  REQUIRE(r.response.status == 400);
  e = parse<ValidationException>(r.response.body);
  REQUIRE(e);
  CHECK((*e->fieldList)[0].name == "body");

  // Lenient when asked: unknown members pass with the client profile.
  fake_options o;
  o.request_options = parse_options::client();
  fake_service lenient(o);
  CHECK(lenient.handle("POST", base, R"({"x":1})").response.status == 200);
  // ... but never a broken constraint: the answer would echo it (found by fuzz_fake).
  o.request_options.constraints_as_warnings = true;
  fake_service echoing(o);
  r = echoing.handle("PUT", "/knowledgebases/KB7X2Q'M1A/datasources/" + std::string(ds) + "/ingestionjobs/", "");
  REQUIRE(r.response.status == 400);
  e = parse<ValidationException>(r.response.body);
  REQUIRE(e);
  CHECK((*e->fieldList)[0].name == "knowledgeBaseId");
}

TEST_CASE("fake: a request for no operation of the model is 404 UnknownOperationException") {
  fake_service f;
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/"}, {"GET", "/knowledgebases"}, {"DELETE", "/knowledgebases/KB7X2Q9M1A/datasources/DSR4T8W1ZC/ingestionjobs/"}}) {
    const fake_reply r = f.handle(method, target, "");
    CHECK(r.operation.empty());
    CHECK(r.response.status == 404);
    CHECK(find_header(r.response.headers, "x-amzn-errortype") == "UnknownOperationException");
    CHECK(find_header(r.response.headers, "x-amzn-requestid").value_or("").size() == 36);
  }
}

TEST_CASE("fake: List pages with maxResults and nextToken, filters by status and sorts") {
  client c;
  std::vector<IngestionJob> jobs;
  for (int i = 0; i < 5; ++i) jobs.push_back(c.ok<StartIngestionJob>(start_request()).ingestionJob);
  c.ok<StopIngestionJob>(job_request<StopIngestionJobRequest>(jobs[1]));
  c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(jobs[3]));

  // Default order: newest first. Pages of 2 cover every job once.
  ListIngestionJobsRequest q = list_request();
  q.maxResults = MaxResults(2);
  std::vector<std::string> ids;
  int pages = 0;
  for (;;) {
    const ListIngestionJobsResponse page = c.ok<ListIngestionJobs>(q);
    ++pages;
    CHECK(page.ingestionJobSummaries.size() <= 2);
    for (const auto& s : page.ingestionJobSummaries) ids.push_back(s.ingestionJobId);
    if (!page.nextToken) break;
    q.nextToken = page.nextToken;
  }
  CHECK(pages == 3);
  CHECK(ids == std::vector<std::string>{jobs[4].ingestionJobId, jobs[3].ingestionJobId, jobs[2].ingestionJobId,
                                        jobs[1].ingestionJobId, jobs[0].ingestionJobId});

  // A token is bound to its query: another query, or a made-up token, is a ValidationException.
  q = list_request();
  q.maxResults = MaxResults(2);
  const ListIngestionJobsResponse first = c.ok<ListIngestionJobs>(q);
  REQUIRE(first.nextToken);
  ListIngestionJobsRequest other = list_request();
  other.maxResults = MaxResults(3);
  other.nextToken = first.nextToken;
  auto e = c.error<ListIngestionJobs>(other);
  REQUIRE(e.index() == 2);
  CHECK((*std::get<2>(e).fieldList)[0].name == "nextToken");
  other.nextToken = NextToken("page-2-0000000000000000");
  CHECK(c.error<ListIngestionJobs>(other).index() == 2);

  // Filters: STATUS EQ any of the values.
  q = list_request();
  q.filters = IngestionJobFilters{IngestionJobFilter{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ,
                                                     IngestionJobFilterValues{IngestionJobFilterValue("STOPPING"),
                                                                              IngestionJobFilterValue("IN_PROGRESS")}}};
  const ListIngestionJobsResponse filtered = c.ok<ListIngestionJobs>(q);
  std::set<std::string> statuses;
  for (const auto& s : filtered.ingestionJobSummaries) statuses.insert(std::string(s.status.wire_name()));
  CHECK(filtered.ingestionJobSummaries.size() == 2);
  CHECK(statuses == std::set<std::string>{"STOPPING", "IN_PROGRESS"});

  // Sorts: STARTED_AT ASCENDING gives the start order; STATUS groups (checked by list.sort-order).
  q = list_request();
  q.sortBy = IngestionJobSortBy{IngestionJobSortByAttribute::STARTED_AT, SortOrder::ASCENDING};
  const ListIngestionJobsResponse ascending = c.ok<ListIngestionJobs>(q);
  REQUIRE(ascending.ingestionJobSummaries.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(ascending.ingestionJobSummaries[i].ingestionJobId == jobs[i].ingestionJobId);
  q.sortBy = IngestionJobSortBy{IngestionJobSortByAttribute::STATUS, SortOrder::DESCENDING};
  const ListIngestionJobsResponse by_status = c.ok<ListIngestionJobs>(q);
  CHECK(by_status.ingestionJobSummaries.front().status.wire_name() == "STOPPING");
  CHECK(by_status.ingestionJobSummaries.back().status.wire_name() == "STARTING");
  CHECK(c.responses == c.checked);
}

TEST_CASE("fake: the manual clock moves jobs by the durations only when advanced") {
  fake_options o;
  o.clock = fake_clock::manual;
  o.starting_for = std::chrono::milliseconds(1000);
  o.in_progress_for = std::chrono::milliseconds(3000);
  o.stopping_for = std::chrono::milliseconds(500);
  client c(o);
  const IngestionJob a = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  const auto get = [&](const IngestionJob& j) {
    return c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(j)).ingestionJob;
  };
  CHECK(status_of(get(a)) == "STARTING");
  CHECK(status_of(get(a)) == "STARTING");  // polling alone moves nothing
  c.fake.advance(std::chrono::milliseconds(1000));
  IngestionJob j = get(a);
  CHECK(status_of(j) == "IN_PROGRESS");
  CHECK(j.updatedAt == fixtures::at("2026-01-01T00:00:01Z"));
  c.fake.advance(std::chrono::milliseconds(1500));
  j = get(a);
  CHECK(status_of(j) == "IN_PROGRESS");
  CHECK(j.statistics->numberOfDocumentsScanned == 200);
  CHECK(j.updatedAt == fixtures::at("2026-01-01T00:00:02Z"));  // counters move in whole seconds
  c.fake.advance(std::chrono::milliseconds(10000));
  j = get(a);
  CHECK(status_of(j) == "COMPLETE");
  CHECK(j.updatedAt == fixtures::at("2026-01-01T00:00:04Z"));  // when it finished, not when polled

  const IngestionJob b = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(status_of(c.ok<StopIngestionJob>(job_request<StopIngestionJobRequest>(b)).ingestionJob) == "STOPPING");
  c.fake.advance(std::chrono::milliseconds(499));
  CHECK(status_of(get(b)) == "STOPPING");
  c.fake.advance(std::chrono::milliseconds(1));
  CHECK(status_of(get(b)) == "STOPPED");
}

TEST_CASE("fake: the real clock with zero durations finishes a job by its first poll") {
  fake_options o;
  o.clock = fake_clock::real;
  o.starting_for = o.in_progress_for = o.stopping_for = std::chrono::milliseconds(0);
  client c(o);
  const IngestionJob a = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  CHECK(status_of(c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(a)).ingestionJob) == "COMPLETE");
}

TEST_CASE("fake: faults: throttling, server errors and access denied hit the calls they select") {
  fake_options o;
  o.faults.throttle.every = 3;
  o.faults.server_error.calls = {4};
  o.faults.access_denied.calls = {5};
  client c(o);
  CHECK(c.ok<StartIngestionJob>(start_request()).ingestionJob.status.wire_name() == "STARTING");  // call 1
  c.ok<StartIngestionJob>(start_request());                                                         // call 2
  CHECK(c.error<StartIngestionJob>(start_request()).index() == 0);  // 3: ThrottlingException
  CHECK(c.error<StartIngestionJob>(start_request()).index() == 3);  // 4: InternalServerException
  CHECK(c.error<StartIngestionJob>(start_request()).index() == 1);  // 5: AccessDeniedException
  CHECK(c.error<ListIngestionJobs>(list_request()).index() == 0);   // 6: throttled again
  CHECK(c.fake.calls() == 6);
}

TEST_CASE("fake: fail_jobs: every Nth job ends FAILED with failureReasons") {
  fake_options o;
  o.faults.fail_jobs = 2;
  o.in_progress_steps = 1;
  client c(o);
  const IngestionJob a = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  const IngestionJob b = c.ok<StartIngestionJob>(start_request()).ingestionJob;
  const auto finish = [&](const IngestionJob& j) {
    c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(j));
    return c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(j)).ingestionJob;
  };
  CHECK(status_of(finish(a)) == "COMPLETE");
  const IngestionJob failed = finish(b);
  CHECK(status_of(failed) == "FAILED");
  REQUIRE(failed.failureReasons);
  CHECK(failed.failureReasons->size() == 1);
}

TEST_CASE("fake: each contract break is reported by the rule it breaks") {
  const std::vector<std::pair<contract_break, std::string_view>> expected = {
      {contract_break::lowercase_status, "constraint.enum"},
      {contract_break::wrong_job_id, "exchange.id-mismatch"},
      {contract_break::missing_updated_at, "shape.missing-member"},
      {contract_break::bad_timestamp, "time.invalid"},
      {contract_break::undeclared_error, "error.unknown-type"},
  };
  for (const auto& [kind, rule] : expected) {
    CAPTURE(rule);
    fake_options o;
    o.faults.break_kind = kind;
    o.faults.break_calls.calls = {2};  // only the Get
    client c(o);
    const IngestionJob a = c.ok<StartIngestionJob>(start_request()).ingestionJob;
    const std::vector<std::string> found = c.findings<GetIngestionJob>(job_request<GetIngestionJobRequest>(a));
    CHECK(std::find(found.begin(), found.end(), std::string(rule)) != found.end());
    // Calls the selector leaves alone keep the contract.
    c.ok<GetIngestionJob>(job_request<GetIngestionJobRequest>(a));
  }
  // Every break has a name and every name one break.
  std::set<std::string_view> names;
  for (const auto& [kind, name] : contract_break_names) names.insert(name);
  CHECK(names.size() == expected.size());
}

TEST_CASE("fake: a seed adds knowledge bases, data sources and jobs; a bad seed is diagnosed") {
  fake_service f;
  const result<void> r = f.load_seed(R"({"knowledgeBases":[{"knowledgeBaseId":"KB7X2Q9M1A","dataSourceIds":["DSR4T8W1ZC"]}],)"
                                     R"("ingestionJobs":[)" +
                                     to_json(fixtures::stopped_job()) + "]}");
  for (const auto& d : r.diagnostics()) MESSAGE(to_string(d));
  REQUIRE(r.ok());
  CHECK_FALSE(f.options().any_id_exists);
  REQUIRE(f.job(fixtures::ingestion_job_id));
  CHECK(f.job(fixtures::ingestion_job_id)->status.wire_name() == "STOPPED");
  const std::string job_path = "/knowledgebases/KB7X2Q9M1A/datasources/DSR4T8W1ZC/ingestionjobs/IJ5N3H6Y0E";
  CHECK(f.handle("GET", job_path, "").response.status == 200);
  CHECK(f.handle("POST", job_path + "/stop", "").response.status == 409);
  CHECK(f.handle("GET", "/knowledgebases/KBOTHER000/datasources/DSR4T8W1ZC/ingestionjobs/IJ5N3H6Y0E", "").response.status ==
        404);

  const result<void> bad = f.load_seed(R"({"knowledgeBases":[{"knowledgeBaseId":"short"}]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(rule_id(bad.error().id) == "constraint.pattern");
}

TEST_CASE("fake: the same seed and calls give the same answers") {
  fake_options o;
  o.seed = 42;
  fake_service a(o), b(o);
  const std::string target = "/knowledgebases/KB7X2Q9M1A/datasources/DSR4T8W1ZC/ingestionjobs/";
  for (int i = 0; i < 3; ++i) {
    const fake_reply x = a.handle("PUT", target, ""), y = b.handle("PUT", target, "");
    CHECK(x.response.body == y.response.body);
    CHECK(x.response.headers == y.response.headers);
  }
  o.seed = 43;
  fake_service c(o);
  fake_service d(fake_options{});
  CHECK(c.handle("PUT", target, "").response.body != d.handle("PUT", target, "").response.body);
}
