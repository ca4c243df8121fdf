// docs/shapes.md quotes this file: the shapes, their traits and value semantics.
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cassert>
#include <iostream>

using namespace bedrock_agent;

int main() {
  // [build]
  IngestionJob job;
  job.knowledgeBaseId = "KB12345678";
  job.dataSourceId = "DS12345678";
  job.ingestionJobId = "IJ12345678";
  job.status = IngestionJobStatus::STOPPING;
  job.startedAt = *timestamp::from_parts(1773480413, 589793000);  // 2026-03-14T09:26:53.589793Z
  job.updatedAt = job.startedAt;
  job.statistics.emplace();  // optional member: absent until set
  job.statistics->numberOfDocumentsScanned = 12;  // PrimitiveLong counters default to 0
  // [build]

  // [traits]
  static_assert(constraints_of_v<Id>.pattern.min_count == 10);
  static_assert(constraints_of_v<Description>.max_length == 200);  // code points, not bytes
  static_assert(constraints_of_v<FailureReasons>.max_items == 2048);
  static_assert(ConflictException::http_status == 409);
  static_assert(InternalServerException::fault == error_fault::server);
  static_assert(is_required_member_v<Id> && !is_required_member_v<std::optional<Description>>);
  // [traits]

  // [enum]
  assert(to_string(IngestionJobStatus::IN_PROGRESS) == "IN_PROGRESS");
  assert(enum_from_string<IngestionJobStatus>("STOPPED") == IngestionJobStatus::STOPPED);
  assert(!enum_from_string<IngestionJobStatus>("Stopped"));  // case matters
  assert(job.status == IngestionJobStatus::STOPPING);
  // [enum]

  // [values]
  IngestionJob copy = job;
  assert(copy == job);
  copy.description = "nightly sync";
  assert(copy != job);
  std::cout << StopIngestionJobRequest{"KB12345678", "DS12345678", "IJ12345678"} << "\n";
  // prints StopIngestionJobRequest{knowledgeBaseId: "KB12345678", dataSourceId: "DS12345678", ingestionJobId: "IJ12345678"}
  // [values]

  // [new-shapes]
  ListIngestionJobsRequest list{"KB12345678", "DS12345678", std::nullopt, std::nullopt, MaxResults(100), std::nullopt};
  list.filters = IngestionJobFilters{{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ, {"COMPLETE"}}};
  assert(to_json(list) == R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
                          R"("filters":[{"attribute":"STATUS","operator":"EQ","values":["COMPLETE"]}],"maxResults":100})");
  static_assert(constraints_of_v<MaxResults>.min == 1 && constraints_of_v<MaxResults>.max == 1000);
  static_assert(constraints_of_v<ClientToken>.pattern.regex);  // a regular expression of a known form
  static_assert(constraints_of_v<NextToken>.pattern.chars == charset::non_space);  // the codec's own matcher
  static_assert(ServiceQuotaExceededException::http_status == 402);
  static_assert(ListIngestionJobs::http_method == "POST" && StartIngestionJob::http_success_status == 202);
  // [new-shapes]

  // [check]
  IngestionJob bad = job;
  bad.knowledgeBaseId = "kb-1";
  const auto report = check_value(bad);
  assert(!report.ok());
  assert(report.diagnostics().at(0).id == rules::constraint_pattern);
  assert(report.diagnostics().at(0).pointer == "/knowledgeBaseId");
  // [check]
  return 0;
}
