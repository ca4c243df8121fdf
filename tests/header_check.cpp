// Every public header, compiled in the language standard the test binary does not use (C++20
// under g++, C++17 under clang in CI), with the project's warnings as errors: with the main
// builds this covers both standards under both compilers.
#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/regex_pattern.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/engine/shape.hpp>
#include <bedrock_agent/engine/sink.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/stop_ingestion_job.hpp>
#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/engine/utf8.hpp>
#if defined(BEDROCK_AGENT_HEADER_CHECK_TESTING)
#include <bedrock_agent/testing/generators.hpp>
#endif

int main() {
  const auto r = bedrock_agent::parse<bedrock_agent::StopIngestionJobRequest>(
      R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})");
  return r.ok() ? 0 : 1;
}
