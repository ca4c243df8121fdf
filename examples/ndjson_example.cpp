// The NDJSON samples of docs/json.md, compiled and checked: validate_ndjson over a stream of
// stop responses, one per line, and the same stream read in chunks line by line. The asserts are the point of this program: keep them in
// release builds too.
#undef NDEBUG
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <simdjson.h>

#include <cassert>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

int main() {
  // [ndjson]
  using namespace bedrock_agent;
  const std::string job =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","status":"STOPPING",)"
      R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})";
  std::string bad = job;
  bad.replace(bad.find("STOPPING"), 8, "Stopping");
  const std::string stream = job + "\r\n" + "\n" + bad + "\n" + job;  // CRLF, a blank line, no final newline

  std::vector<std::string> findings;
  simdjson::ondemand::parser parser;
  const simdjson::padded_string input(stream);  // padded once; every line is read in place
  const ndjson_summary s = validate_ndjson<StopIngestionJobResponse>(
      parser, simdjson::padded_string_view(input), parse_options::contract(), [&](const ndjson_line& line) {
        for (const diagnostic& d : line.report->diagnostics()) {
          // d.offset, d.line and d.column are relative to the line
          findings.push_back("line " + std::to_string(line.number) + ", byte " + std::to_string(line.offset + d.offset) +
                             ": " + std::string(rule_id(d.id)));
        }
      });
  assert(s.lines == 4 && s.blank == 1 && s.documents == 3 && s.invalid == 1);
  assert(s.end.offset == stream.size());
  assert(findings.size() == 1);
  assert(findings[0] == "line 3, byte " + std::to_string(job.size() + 3 + bad.find("Stopping") - 1) +
                            ": constraint.enum");
  // [ndjson]

  // [ndjson-stream]
  // A stream read in chunks (here from a FILE*), each line read as the caller chooses: for
  // each document line, `padded` is the line in place with readable bytes after it.
  std::FILE* in = std::tmpfile();
  assert(in);
  std::fputs(stream.c_str(), in);
  std::rewind(in);
  std::size_t valid = 0;
  StopIngestionJobResponse response;  // reused for every line
  result<void> report;           // reused for every line
  const ndjson_summary t = for_each_ndjson_line_in_stream(
      [&](char* into, std::size_t max) { return std::fread(into, 1, max, in); },
      [&](const ndjson_line& line) {
        if (validate_into(parser, line.padded, response, report)) ++valid;  // the value is there to use
      });
  std::fclose(in);
  assert(t.lines == 4 && t.documents == 3 && t.end.offset == stream.size());
  assert(valid == 2);
  // [ndjson-stream]
  return 0;
}
