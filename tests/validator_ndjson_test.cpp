// The validator's NDJSON path (tools/validator): runner::check_ndjson, which streams the input
// through the library's for_each_ndjson_line_in_stream and reads each line in place into one
// reused value, reports exactly what check_document (a fresh value and a padded copy per line)
// reports on the same lines; --quiet's drop_warnings counts what it drops. (The stream's line
// splitting itself is tested in ndjson_test.cpp.)

#include "../tools/validator/runner.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace bv = bedrock_agent::validator;
using bedrock_agent::diagnostic;

/// The lines of `s` as NDJSON defines them: split at '\n', a '\r' before it dropped, a last
/// line without '\n' kept (and its trailing '\r' dropped).
std::vector<std::string> expected_lines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

const std::string response_line =
    R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
    R"("status":"STOPPING","startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})";

/// A response line for job `job` with the members that the reused value must not carry over.
std::string job_line(int job, const char* status, int reasons, bool statistics, bool scanned, int minute) {
  const std::string id = std::to_string(job);
  std::string s = R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ)" +
                  std::string(8 - id.size(), '0') + id + R"(","status":")" + status + "\"";
  if (reasons >= 0) {
    s += R"(,"failureReasons":[)";
    for (int i = 0; i < reasons; ++i) {
      s += (i ? ",\"" : "\"") + std::string("reason ") + std::to_string(i) + " given at length to need the heap\"";
    }
    s += "]";
  }
  if (statistics) {
    s += R"(,"statistics":{)";
    s += scanned ? R"("numberOfDocumentsScanned":)" + std::to_string(100 - minute) + "," : std::string();
    s += R"("numberOfDocumentsFailed":0})";
  }
  s += R"(,"startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T10:)" + std::to_string(10 + minute % 50) +
       R"(:00Z"}})";
  return s;
}

struct collected {
  std::vector<bv::finding> findings;
  bv::summary totals;
};

collected run_ndjson(const bv::settings& s, const std::string& data, bool drop_warnings = false) {
  collected c;
  bv::runner r(s, [&c](bv::finding&& f) { c.findings.push_back(std::move(f)); });
  if (drop_warnings) r.drop_warnings();
  std::string_view rest = data;
  const auto read = [&rest](char* into, std::size_t max) {
    const std::size_t n = rest.copy(into, max);
    rest.remove_prefix(n);
    return n;
  };
  r.begin_file();
  r.check_ndjson(read, {}, "in.ndjson", 128);  // small chunks: lines straddle them
  c.totals = r.totals();
  return c;
}

/// The oracle: check_document on each non-blank line in order (a fresh value, a padded copy).
collected run_documents(const bv::settings& s, const std::string& data) {
  collected c;
  bv::runner r(s, [&c](bv::finding&& f) { c.findings.push_back(std::move(f)); });
  r.begin_file();
  const std::vector<std::string> lines = expected_lines(data);
  std::size_t index = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_blank(lines[i])) continue;
    r.check_document(lines[i], bv::source{"in.ndjson", i + 1, index++, std::nullopt, {}});
  }
  c.totals = r.totals();
  return c;
}

std::string describe(const bv::finding& f) {
  const diagnostic& d = f.what;
  return f.where.file + ":" + std::to_string(f.where.line) + "#" + std::to_string(f.where.document) + " " +
         std::to_string(d.line) + ":" + std::to_string(d.column) + "@" + std::to_string(d.offset) + " " +
         std::string(bedrock_agent::rule_id(d.id)) + " " + std::string(bedrock_agent::to_string(d.level)) + " " +
         d.pointer + " | " + d.message + " | " + d.expected + " | " + d.found;
}

void check_same(const collected& got, const collected& want) {
  REQUIRE(got.findings.size() == want.findings.size());
  for (std::size_t i = 0; i < got.findings.size(); ++i) CHECK(describe(got.findings[i]) == describe(want.findings[i]));
  CHECK(got.totals.documents == want.totals.documents);
  CHECK(got.totals.valid == want.totals.valid);
  CHECK(got.totals.invalid == want.totals.invalid);
  CHECK(got.totals.errors == want.totals.errors);
  CHECK(got.totals.warnings == want.totals.warnings);
}

/// Lines that make a reused value go through every change: lists growing and shrinking,
/// optional members coming and going, invalid lines between valid ones, blank lines, CRLF. Even
/// lines are observations of three jobs (sequence findings); odd lines are first observations.
std::string changing_stream() {
  const char* statuses[] = {"STOPPING", "STOPPED", "FAILED", "IN_PROGRESS", "COMPLETE"};
  const int reasons[] = {3, -1, 0, 40, 1, -1, 2, 0, 7, -1};
  std::string data;
  for (int i = 0; i < 60; ++i) {
    std::string line = i % 2 == 0 ? job_line(i % 3, statuses[(i * 7) % 5], reasons[i % 10], i % 4 != 1, i % 5 != 2, i * 3 % 17)
                                  : job_line(100 + i, "STOPPING", reasons[i % 10], i % 4 != 1, i % 5 != 2, 0);
    if (i % 11 == 5) line = line.substr(0, line.size() / 2);                         // cut: json.syntax
    if (i % 13 == 7) line.replace(line.find("\"status\":\"") + 10, 1, "s");            // constraint.enum
    if (i % 17 == 3) line.insert(line.find("\"startedAt\""), "\"bogus\":1,");         // shape.unknown-member
    data += line;
    data += i % 6 == 0 ? "\r\n" : "\n";
    if (i % 9 == 4) data += "  \t\n\n";
  }
  data += response_line;  // the last line without a terminator
  return data;
}

}  // namespace

TEST_CASE("validator: check_ndjson reports what check_document reports on each line") {
  const std::string data = changing_stream();
  bv::settings contract;
  contract.shape = bv::shape_kind::response;
  const collected got = run_ndjson(contract, data);
  check_same(got, run_documents(contract, data));
  // The stream exercises what it means to: valid and invalid lines, status and sequence rules.
  CHECK(got.totals.documents == 61);
  CHECK(got.totals.valid > 10);
  CHECK(got.totals.invalid > 10);
  bool has_status = false, has_sequence = false, has_syntax = false;
  for (const bv::finding& f : got.findings) {
    const std::string_view id = bedrock_agent::rule_id(f.what.id);
    has_status = has_status || id.substr(0, 7) == "status.";
    has_sequence = has_sequence || id.substr(0, 9) == "sequence.";
    has_syntax = has_syntax || id == "json.syntax";
  }
  CHECK(has_status);
  CHECK(has_sequence);
  CHECK(has_syntax);

  bv::settings detect;  // shapes detected per line: requests and errors between responses
  const std::string mixed = data + "\n" +
                            R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ1"})" +
                            "\n" + R"({"message":"no","__type":"ConflictException"})" + "\n" + data;
  check_same(run_ndjson(detect, mixed), run_documents(detect, mixed));

  bv::settings client;
  client.options = bedrock_agent::parse_options::client();
  client.shape = bv::shape_kind::response;
  check_same(run_ndjson(client, data), run_documents(client, data));
}

TEST_CASE("validator: drop_warnings counts the warnings it does not hand to the sink") {
  const std::string data = changing_stream();
  bv::settings s;
  s.shape = bv::shape_kind::response;
  const collected all = run_ndjson(s, data);
  const collected quiet = run_ndjson(s, data, true);
  std::vector<bv::finding> errors;
  for (const bv::finding& f : all.findings) {
    if (f.what.level == bedrock_agent::severity::error) errors.push_back(f);
  }
  REQUIRE(all.totals.warnings > 0);
  REQUIRE(quiet.findings.size() == errors.size());
  for (std::size_t i = 0; i < errors.size(); ++i) CHECK(describe(quiet.findings[i]) == describe(errors[i]));
  CHECK(quiet.totals.warnings == all.totals.warnings);
  CHECK(quiet.totals.errors == all.totals.errors);
  CHECK(quiet.totals.invalid == all.totals.invalid);
}
