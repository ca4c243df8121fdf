// A client of the library: parses a stop response and writes it back.
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <cstdio>

int main() {
  using namespace bedrock_agent;
  const char* json =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","status":"STOPPING",)"
      R"("startedAt":"2026-03-14T09:26:53.589793+00:00","updatedAt":"2026-03-14T09:27:00Z"}})";
  auto r = parse<StopIngestionJobResponse>(json);
  if (!r) {
    std::fprintf(stderr, "%s\n", to_string(r.error()).c_str());
    return 1;
  }
  const std::string out = to_json(r.value());
  std::printf("%s\n", out.c_str());
  return r->ingestionJob.status == IngestionJobStatus::STOPPING ? 0 : 1;
}
