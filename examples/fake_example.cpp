// A client's whole flow against the in-process fake service, with no socket: start a job, poll
// it, stop it, poll until STOPPED, list, and see a second stop refused. docs/fake.md quotes it.
#include <bedrock_agent/ingestion_jobs.hpp>
#include <bedrock_agent/testing/fake.hpp>

#include <cassert>
#include <iostream>
#include <string>
#include <variant>

using namespace bedrock_agent;

namespace {

testing::fake_service service;  // step clock: each poll moves a running job one step

/** What a client does per call: write the request, send it, read the response. */
template <class Op>
response_variant_t<Op> call(const typename Op::input& input) {
  const http_request request = write_request<Op>(input);
  const http_response response = service.handle(request).response;
  auto read = classify_response<Op>(response.status, response.headers, response.body);
  assert(read.ok());  // the fake's responses keep the contract
  return std::move(*read);
}

template <class Request>
Request for_job(const IngestionJob& job) {
  Request r;
  r.knowledgeBaseId = job.knowledgeBaseId;
  r.dataSourceId = job.dataSourceId;
  r.ingestionJobId = job.ingestionJobId;
  return r;
}

}  // namespace

int main() {
  StartIngestionJobRequest start;
  start.knowledgeBaseId = Id("KB7X2Q9M1A");  // any well-formed id exists unless seeded
  start.dataSourceId = Id("DSR4T8W1ZC");
  start.description = Description("nightly sync");
  IngestionJob job = std::get<0>(call<StartIngestionJob>(start)).ingestionJob;
  assert(job.status == IngestionJobStatus::STARTING);

  job = std::get<0>(call<GetIngestionJob>(for_job<GetIngestionJobRequest>(job))).ingestionJob;
  assert(job.status == IngestionJobStatus::IN_PROGRESS);

  job = std::get<0>(call<StopIngestionJob>(for_job<StopIngestionJobRequest>(job))).ingestionJob;
  assert(job.status == IngestionJobStatus::STOPPING);

  int polls = 0;
  while (job.status != IngestionJobStatus::STOPPED) {
    job = std::get<0>(call<GetIngestionJob>(for_job<GetIngestionJobRequest>(job))).ingestionJob;
    ++polls;
  }
  assert(polls == 1);

  ListIngestionJobsRequest list;
  list.knowledgeBaseId = job.knowledgeBaseId;
  list.dataSourceId = job.dataSourceId;
  const ListIngestionJobsResponse page = std::get<0>(call<ListIngestionJobs>(list));
  assert(page.ingestionJobSummaries.size() == 1);
  assert(page.ingestionJobSummaries[0].status == IngestionJobStatus::STOPPED);

  // A stopped job cannot be stopped again: 409 ConflictException (index 5 of Stop's errors).
  const auto again = call<StopIngestionJob>(for_job<StopIngestionJobRequest>(job));
  assert(again.index() == 1 && std::get<1>(again).index() == 5);

  std::cout << "job " << job.ingestionJobId << " stopped after " << service.calls() << " calls\n";
}
