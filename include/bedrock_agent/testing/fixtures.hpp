#ifndef BEDROCK_AGENT_TESTING_FIXTURES_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_FIXTURES_HPP_INCLUDED

// Named, realistic sample values and documents for tests: a stop request, the jobs of each
// status, stop responses, the exceptions, and whole lifecycles. Every value keeps every rule
// of the contract (the library's own tests check that), and each *_json() text is exactly
// to_json() of its value. Needs no RapidCheck.

#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <cstdlib>
#include <string_view>
#include <vector>

namespace bedrock_agent::testing::fixtures {

/** The timestamp an RFC 3339 literal names; aborts on a malformed literal (a fixture bug). */
inline timestamp at(std::string_view rfc3339) {
  const auto t = parse_timestamp(rfc3339);
  if (!t) std::abort();
  return *t;
}

inline constexpr std::string_view knowledge_base_id = "KB7X2Q9M1A";
inline constexpr std::string_view data_source_id = "DSR4T8W1ZC";
inline constexpr std::string_view ingestion_job_id = "IJ5N3H6Y0E";

/** The request that stops the job every fixture job is. */
inline StopIngestionJobRequest stop_request() {
  return {Id(std::string(knowledge_base_id)), Id(std::string(data_source_id)), Id(std::string(ingestion_job_id))};
}

/** The job in `status` at `updated_at`, with the fixture ids, description and start. */
inline IngestionJob job(IngestionJobStatus status, std::string_view updated_at) {
  IngestionJob j;
  j.knowledgeBaseId = Id(std::string(knowledge_base_id));
  j.dataSourceId = Id(std::string(data_source_id));
  j.ingestionJobId = Id(std::string(ingestion_job_id));
  j.description = Description("Nightly sync of the product-docs S3 bucket");
  j.status = status;
  j.startedAt = at("2024-03-14T09:26:53.589Z");
  j.updatedAt = at(updated_at);
  return j;
}

/** Statistics after `scanned` documents (some new, some modified, a few failed). */
inline IngestionJobStatistics statistics(PrimitiveLong scanned) {
  IngestionJobStatistics s;
  s.numberOfDocumentsScanned = scanned;
  s.numberOfMetadataDocumentsScanned = scanned / 10;
  s.numberOfNewDocumentsIndexed = scanned / 2;
  s.numberOfModifiedDocumentsIndexed = scanned / 4;
  s.numberOfMetadataDocumentsModified = scanned / 20;
  s.numberOfDocumentsDeleted = scanned / 50;
  s.numberOfDocumentsFailed = scanned / 100;
  s.numberOfDocumentsSkipped = scanned - scanned / 2 - scanned / 4 - scanned / 100;
  return s;
}

inline IngestionJob starting_job() { return job(IngestionJobStatus::STARTING, "2024-03-14T09:26:53.589Z"); }

inline IngestionJob in_progress_job() {
  IngestionJob j = job(IngestionJobStatus::IN_PROGRESS, "2024-03-14T09:31:07.12Z");
  j.statistics = statistics(1200);
  return j;
}

inline IngestionJob complete_job() {
  IngestionJob j = job(IngestionJobStatus::COMPLETE, "2024-03-14T10:02:41Z");
  j.statistics = statistics(5000);
  return j;
}

inline IngestionJob failed_job() {
  IngestionJob j = job(IngestionJobStatus::FAILED, "2024-03-14T09:40:00.000000001Z");
  j.statistics = statistics(2400);
  j.failureReasons = FailureReasons{
      FailureReason("Access denied to s3://product-docs/private/ (AccessDenied)"),
      FailureReason("The embedding model quota was exceeded; retry later"),
  };
  return j;
}

inline IngestionJob stopping_job() {
  IngestionJob j = job(IngestionJobStatus::STOPPING, "2024-03-14T09:35:12.5Z");
  j.statistics = statistics(1800);
  return j;
}

inline IngestionJob stopped_job() {
  IngestionJob j = job(IngestionJobStatus::STOPPED, "2024-03-14T09:36:00Z");
  j.statistics = statistics(1800);
  return j;
}

/** What StopIngestionJob returns right away: the job is stopping. */
inline StopIngestionJobResponse stopping_response() { return {stopping_job()}; }

/** What StopIngestionJob returns once the job has stopped. */
inline StopIngestionJobResponse stopped_response() { return {stopped_job()}; }

/** to_json(stopped_response()). */
inline constexpr std::string_view stopped_response_json() {
  return R"({"ingestionJob":{"knowledgeBaseId":"KB7X2Q9M1A","dataSourceId":"DSR4T8W1ZC","ingestionJobId":"IJ5N3H6Y0E",)"
         R"("description":"Nightly sync of the product-docs S3 bucket","status":"STOPPED","statistics":)"
         R"({"numberOfDocumentsScanned":1800,"numberOfMetadataDocumentsScanned":180,"numberOfNewDocumentsIndexed":900,)"
         R"("numberOfModifiedDocumentsIndexed":450,"numberOfMetadataDocumentsModified":90,"numberOfDocumentsDeleted":36,)"
         R"("numberOfDocumentsFailed":18,"numberOfDocumentsSkipped":432},"startedAt":"2024-03-14T09:26:53.589Z",)"
         R"("updatedAt":"2024-03-14T09:36:00Z"}})";
}

inline ThrottlingException throttling_error() {
  return {NonBlankString("Rate exceeded for StopIngestionJob; retry with backoff")};
}
inline AccessDeniedException access_denied_error() {
  return {NonBlankString("User is not authorized to perform: bedrock:StopIngestionJob")};
}
inline ResourceNotFoundException resource_not_found_error() {
  return {NonBlankString("Ingestion job IJ5N3H6Y0E was not found in data source DSR4T8W1ZC")};
}
inline ConflictException conflict_error() {
  return {NonBlankString("The ingestion job is already COMPLETE and cannot be stopped")};
}
inline InternalServerException internal_server_error() { return {NonBlankString("Internal server error")}; }
inline ValidationException validation_error() {
  ValidationException e;
  e.message = NonBlankString("1 validation error detected");
  e.fieldList = ValidationExceptionFieldList{
      ValidationExceptionField{NonBlankString("ingestionJobId"),
                               NonBlankString("Value 'IJ-123' failed to satisfy constraint: must match [0-9a-zA-Z]{10}")}};
  return e;
}

/** to_json(validation_error()). */
inline constexpr std::string_view validation_error_json() {
  return R"({"message":"1 validation error detected","fieldList":[{"name":"ingestionJobId",)"
         R"("message":"Value 'IJ-123' failed to satisfy constraint: must match [0-9a-zA-Z]{10}"}]})";
}

/** `job` as a ListIngestionJobs page summarizes it: every member but failureReasons (a
 *  summary has none). */
inline IngestionJobSummary summary_of(const IngestionJob& job) {
  IngestionJobSummary s;
  s.knowledgeBaseId = job.knowledgeBaseId;
  s.dataSourceId = job.dataSourceId;
  s.ingestionJobId = job.ingestionJobId;
  s.description = job.description;
  s.status = job.status;
  s.startedAt = job.startedAt;
  s.updatedAt = job.updatedAt;
  s.statistics = job.statistics;
  return s;
}

/** Observations of a job that was stopped: STARTING, IN_PROGRESS, STOPPING, STOPPED. */
inline std::vector<IngestionJob> stopped_lifecycle() {
  return {starting_job(), in_progress_job(), stopping_job(), stopped_job()};
}

/** Observations of a job that completed: STARTING, IN_PROGRESS, COMPLETE. */
inline std::vector<IngestionJob> completed_lifecycle() { return {starting_job(), in_progress_job(), complete_job()}; }

/** Observations of a job that failed: STARTING, IN_PROGRESS, FAILED. */
inline std::vector<IngestionJob> failed_lifecycle() { return {starting_job(), in_progress_job(), failed_job()}; }

}  // namespace bedrock_agent::testing::fixtures

#endif  // BEDROCK_AGENT_TESTING_FIXTURES_HPP_INCLUDED
