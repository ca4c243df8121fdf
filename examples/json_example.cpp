// Every code sample in docs/json.md, compiled and checked. Returns 0 when the documentation
// is telling the truth. The asserts are the point of this program: keep them in release
// builds too.
#undef NDEBUG
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <simdjson.h>

#include <cassert>
#include <string>
#include <string_view>
#include <vector>

namespace {

void parse_example() {
  // [parse]
  using namespace bedrock_agent;
  const std::string body =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","status":"STOPPED",)"
      R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00.5+01:00"}})";
  const result<StopIngestionJobResponse> r = parse<StopIngestionJobResponse>(body);
  assert(r.ok());
  const IngestionJob& job = r->ingestionJob;
  assert(job.status == IngestionJobStatus::STOPPED);
  assert(!job.description);                                     // optional, absent
  assert(format_timestamp(job.updatedAt) == "2024-03-14T08:30:00.5Z");  // UTC, exact
  // [parse]
}

void error_example() {
  // [error]
  using namespace bedrock_agent;
  const std::string body =
      "{\"ingestionJob\":{\"knowledgeBaseId\":\"KB12345678\",\"dataSourceId\":\"DS12345678\",\n"
      " \"ingestionJobId\":\"IJ12345678\",\"status\":\"Stopped\",\n"
      " \"startedAt\":\"2024-03-14T09:26:53Z\",\"updatedAt\":\"2024-03-14T09:30:00Z\"}}";
  const auto r = parse<StopIngestionJobResponse>(body);
  assert(!r.ok());  // fail-fast: no value, the first error
  const diagnostic& d = r.error();
  assert(d.id == rules::constraint_enum);
  assert(rule_id(d.id) == "constraint.enum");
  assert(d.level == severity::error);
  assert(d.pointer == "/ingestionJob/status");
  assert(d.offset == 117 && d.line == 2 && d.column == 41);
  assert(d.expected == "one of STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED");
  assert(d.found == "\"Stopped\"");
  assert(to_string(d) ==
         "2:41: error[constraint.enum]: \"Stopped\" is not a known value (one of STARTING, IN_PROGRESS, "
         "COMPLETE, FAILED, STOPPING, STOPPED; case matters) (at /ingestionJob/status)");
  // [error]
}

void validate_example() {
  // [validate]
  using namespace bedrock_agent;
  const std::string body =
      R"({"ingestionJob":{"knowledgeBaseId":"KB-1","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      R"("status":"STOPPED","statistics":{"numberOfDocumentsScanned":1.5},"startedAt":1710408413,"extra":[1,]}})";
  const auto report = validate<StopIngestionJobResponse>(body);
  assert(!report.ok());
  assert(report.error_count() == 5 && report.diagnostics().size() == 5);
  assert(report.diagnostics()[0].id == rules::constraint_pattern);   // /ingestionJob/knowledgeBaseId
  assert(report.diagnostics()[1].id == rules::long_not_integer);     // .../numberOfDocumentsScanned
  assert(report.diagnostics()[2].id == rules::shape_wrong_type);     // /ingestionJob/startedAt
  assert(report.diagnostics()[3].id == rules::shape_unknown_member); // /ingestionJob/extra
  assert(report.diagnostics()[4].id == rules::json_syntax);          // /ingestionJob/extra/1: fatal, the end
  assert(report.diagnostics()[4].pointer == "/ingestionJob/extra/1");
  // [validate]
}

void client_example() {
  // [client]
  using namespace bedrock_agent;
  const std::string body =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      R"("status":"PAUSED","startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})";
  assert(!parse<StopIngestionJobResponse>(body).ok());  // contract profile: constraint.enum
  const auto r = parse<StopIngestionJobResponse>(body, parse_options::client());
  assert(r.ok());
  assert(!r->ingestionJob.status.is_known());
  assert(r->ingestionJob.status.wire_name() == "PAUSED");
  assert(r.diagnostics().size() == 1 && r.diagnostics()[0].id == rules::constraint_enum);
  assert(to_json(r.value()) == body);  // kept, and written back unchanged
  // [client]
}

void options_example() {
  // [options]
  using namespace bedrock_agent;
  parse_options o;                    // the contract profile: strict
  o.ignore_unknown_members = true;    // one leniency only
  o.max_depth = 16;                   // a tighter bound
  o.disabled.insert(rules::semantic_negative_counter);
  const std::string body = R"({"message":"slow down","retryAfterSeconds":3})";
  assert(validate<ThrottlingException>(body).error_count() == 1);  // shape.unknown-member
  assert(validate<ThrottlingException>(body, o).ok());
  // [options]
}

void parse_into_example() {
  // [parse_into]
  using namespace bedrock_agent;
  simdjson::ondemand::parser parser;  // reuse one parser: it keeps its buffers
  StopIngestionJobResponse job;       // reuse one target: strings and lists keep their capacity
  const std::vector<std::string> bodies = {
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      R"("status":"FAILED","failureReasons":["disk full","quota"],"statistics":{"numberOfDocumentsFailed":2},)"
      R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})",
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      R"("status":"STOPPED","startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:31:00Z"}})"};
  for (const std::string& body : bodies) {
    const simdjson::padded_string padded(body);  // or a padded_string_view of your own buffer
    const result<void> r = parse_into(parser, padded, job);
    assert(r.ok());
  }
  assert(job.ingestionJob.status == IngestionJobStatus::STOPPED);
  assert(!job.ingestionJob.failureReasons && !job.ingestionJob.statistics);  // nothing stale
  // [parse_into]
}

void to_json_example() {
  // [to_json]
  using namespace bedrock_agent;
  ValidationException e;
  e.message = NonBlankString("1 validation error: \"knowledgeBaseId\"\n");
  e.fieldList = ValidationExceptionFieldList{{NonBlankString("knowledgeBaseId"), NonBlankString("too short")}};
  assert(to_json(e) ==
         R"({"message":"1 validation error: \"knowledgeBaseId\"\n",)"
         R"("fieldList":[{"name":"knowledgeBaseId","message":"too short"}]})");
  std::string out = "body=";
  append_json(out, ConflictException{});  // absent optional members are left out
  assert(out == "body={}");
  // [to_json]
}

void check_value_example() {
  // [check_value]
  using namespace bedrock_agent;
  StopIngestionJobRequest request{Id("KB12345678"), Id("ds-1"), Id("IJ12345678")};
  const auto report = check_value(request);
  assert(report.error_count() == 1);
  assert(report.diagnostics()[0].id == rules::constraint_pattern);
  assert(report.diagnostics()[0].pointer == "/dataSourceId");
  assert(report.diagnostics()[0].offset == 0 && report.diagnostics()[0].line == 0);  // no text
  // [check_value]
}

void validate_into_example() {
  // [validate_into]
  using namespace bedrock_agent;
  // boto3's json.dumps(response): the shape's members, and ResponseMetadata beside them
  const std::string dump =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","status":"STOPPED","startedAt":"2024-03-14T09:26:53Z",)"
      R"("updatedAt":"2024-03-14T09:30:00Z"},"ResponseMetadata":{"HTTPStatusCode":200}})";
  static constexpr std::string_view boto3_members[] = {"ResponseMetadata"};
  parse_options options;
  options.protocol_members = boto3_members;  // not the shape's, not unknown either

  StopIngestionJobResponse response;  // reused from document to document
  result<void> report;           // likewise: cleared by each call, its capacity kept
  assert(validate_into(dump, response, report, options));
  assert(response.ingestionJob.status == IngestionJobStatus::STOPPED);
  assert(!validate_into(dump, response, report));  // without it: shape.unknown-member
  assert(report.diagnostics()[0].pointer == "/ResponseMetadata");
  // [validate_into]
}

}  // namespace

int main() {
  parse_example();
  error_example();
  validate_example();
  client_example();
  options_example();
  parse_into_example();
  to_json_example();
  check_value_example();
  validate_into_example();
  return 0;
}
