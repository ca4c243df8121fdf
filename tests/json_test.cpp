// The strict JSON codec: every rule it produces, the bounds on both sides, both profiles,
// parse_into reuse, equivalent encodings, the canonical form, check_value, the text form of
// diagnostics, allocation on the hot path, and that docs/rules.md documents every rule.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <new>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// ---- allocation counting (not under AddressSanitizer, which owns operator new) ---------------

#if defined(__SANITIZE_ADDRESS__)
#define BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS 0
#endif
#endif
#ifndef BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS
#define BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS 1
#endif

#if BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS
namespace {
thread_local bool counting_allocations = false;
thread_local std::size_t allocations = 0;
}  // namespace
// Replaces the global allocator for the whole test binary: it only counts, and only while a
// test of this file asks it to. g++ 12 at -O2 sees the inlined malloc/free pair through the
// replaced operators and calls it a mismatch; new and delete are replaced together here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  if (counting_allocations) ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

namespace {

using namespace bedrock_agent;

// ---- documents ---------------------------------------------------------------------------

/// A StopIngestionJobResponse document built member by member (raw JSON values), so that each
/// test changes exactly what it is about.
struct job_doc {
  std::vector<std::pair<std::string, std::string>> members{
      {"knowledgeBaseId", R"("KB12345678")"}, {"dataSourceId", R"("DS12345678")"},
      {"ingestionJobId", R"("IJ12345678")"},  {"status", R"("STOPPED")"},
      {"startedAt", R"("2024-01-01T00:00:00Z")"}, {"updatedAt", R"("2024-01-01T00:00:01Z")"}};

  job_doc& set(const std::string& name, std::string raw) {
    for (auto& m : members) {
      if (m.first == name) {
        m.second = std::move(raw);
        return *this;
      }
    }
    members.emplace_back(name, std::move(raw));
    return *this;
  }
  job_doc& erase(const std::string& name) {
    members.erase(std::remove_if(members.begin(), members.end(), [&](const auto& m) { return m.first == name; }),
                  members.end());
    return *this;
  }
  std::string str() const {
    std::string s = R"({"ingestionJob":{)";
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) s += ',';
      s += '"' + members[i].first + "\":" + members[i].second;
    }
    return s + "}}";
  }
};

std::string quoted(const std::string& s) { return '"' + s + '"'; }

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// `n` JSON strings "r" as an array.
std::string string_array(std::size_t n) {
  std::string s = "[";
  for (std::size_t i = 0; i < n; ++i) s += i ? ",\"r\"" : "\"r\"";
  return s + "]";
}

const std::string smile = "\xF0\x9F\x98\x80";  // U+1F600, 4 bytes of UTF-8

std::vector<diagnostic> errors_of(const result<void>& r) {
  std::vector<diagnostic> out;
  for (const auto& d : r.diagnostics())
    if (d.level == severity::error) out.push_back(d);
  return out;
}

std::string listing(const std::vector<diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += "\n  " + to_string(d);
  return s;
}

/** Checks that `doc` breaks exactly one rule at error level, `r` at `pointer`, in validate()
 *  and in parse() (which then holds no value); returns that diagnostic. */
template <class T = StopIngestionJobResponse>
diagnostic expect_only(const std::string& doc, rule r, const std::string& pointer,
                       const parse_options& options = {}) {
  INFO("document: ", detail::excerpt(doc, 300));
  const auto report = validate<T>(doc, options);
  const auto errors = errors_of(report);
  CHECK_MESSAGE(errors.size() == 1, listing(report.diagnostics()));
  CHECK(!report.ok());
  CHECK(report.error_count() == errors.size());
  if (errors.empty()) return {};
  CHECK(errors[0].id == r);
  CHECK(errors[0].pointer == pointer);
  const auto parsed = parse<T>(doc, options);
  REQUIRE(!parsed.ok());
  CHECK(parsed.error().id == r);
  CHECK(parsed.error().pointer == pointer);
  CHECK(parsed.error().offset == errors[0].offset);
  CHECK(parsed.error().message == errors[0].message);
  return errors[0];
}

/** Checks that `doc` is valid as a T (no error; warnings allowed) and parses. */
template <class T = StopIngestionJobResponse>
T expect_valid(const std::string& doc, const parse_options& options = {}) {
  INFO("document: ", detail::excerpt(doc, 300));
  const auto report = validate<T>(doc, options);
  CHECK_MESSAGE(report.ok(), listing(report.diagnostics()));
  auto parsed = parse<T>(doc, options);
  REQUIRE_MESSAGE(parsed.ok(), to_string(parsed.error()));
  return std::move(parsed).value();
}

parse_options only(bool parse_options::*leniency) {
  parse_options o;
  o.*leniency = true;
  return o;
}

/// The rules and pointers of `ds`, for comparing sets.
std::set<std::pair<rule, std::string>> rules_at(const std::vector<diagnostic>& ds) {
  std::set<std::pair<rule, std::string>> out;
  for (const auto& d : ds) out.emplace(d.id, d.pointer);
  return out;
}

timestamp ts(std::string_view text) {
  const auto r = parse_timestamp(text);
  REQUIRE(r.has_value());
  return *r;
}

/// A StopIngestionJobResponse with every member set.
StopIngestionJobResponse full_response() {
  StopIngestionJobResponse r;
  IngestionJob& j = r.ingestionJob;
  j.knowledgeBaseId = "KB12345678";
  j.dataSourceId = "DS12345678";
  j.ingestionJobId = "IJ12345678";
  j.description = Description("nightly sync \"docs\" \\ caf\xC3\xA9 " + smile);
  j.status = IngestionJobStatus::FAILED;
  j.statistics.emplace();
  j.statistics->numberOfDocumentsScanned = 9223372036854775807;
  j.statistics->numberOfMetadataDocumentsScanned = 2;
  j.statistics->numberOfNewDocumentsIndexed = 3;
  j.statistics->numberOfModifiedDocumentsIndexed = 4;
  j.statistics->numberOfMetadataDocumentsModified = 5;
  j.statistics->numberOfDocumentsDeleted = 6;
  j.statistics->numberOfDocumentsFailed = 7;
  j.statistics->numberOfDocumentsSkipped = 0;
  j.failureReasons = FailureReasons{FailureReason("line\nbreak"), FailureReason(""), FailureReason("tab\there")};
  j.startedAt = ts("2024-03-14T09:26:53.589Z");
  j.updatedAt = ts("9999-12-31T23:59:59.999999999Z");
  return r;
}

}  // namespace

// ---- every rule, a minimal violating document -----------------------------------------------

TEST_CASE("json: the JSON syntax rules, each from a minimal document") {
  // ValidationException has only optional members: a document need hold nothing else.
  using VE = ValidationException;
  CHECK(expect_only<VE>(R"({"message":"m",})", rules::json_syntax, "").offset == 15);
  CHECK(expect_only<VE>("{\"message\":\"\xFF\"}", rules::json_invalid_utf8, "").offset == 12);
  CHECK(expect_only<VE>(R"({"message":"a\x"})", rules::json_invalid_escape, "/message").offset == 13);
  CHECK(expect_only<VE>(R"({"message":"\uD800"})", rules::json_unpaired_surrogate, "/message").offset == 12);
  CHECK(expect_only<VE>(R"({"message":"\uDC00\uD800"})", rules::json_unpaired_surrogate, "/message").offset == 12);
  CHECK(expect_only<VE>("{\"message\":\"a\tb\"}", rules::json_control_character, "").offset == 13);
  CHECK(expect_only<VE>(R"({"x":01})", rules::json_invalid_number, "/x", parse_options::client()).offset == 5);
  CHECK(expect_only<VE>(R"({"x":nul})", rules::json_invalid_literal, "/x", parse_options::client()).offset == 5);
  CHECK(expect_only<VE>(R"({} x)", rules::json_trailing_content, "").offset == 3);
  CHECK(expect_only<VE>(R"([])", rules::json_root_not_object, "").offset == 0);
  CHECK(expect_only<VE>(R"({"message":"a","message":"b"})", rules::json_duplicate_member, "/message").offset == 15);
}

TEST_CASE("json: malformed JSON in various places gets the rule that names the mistake") {
  using VE = ValidationException;
  const auto client = parse_options::client();
  // every one of these is inside a value nobody keeps (client profile: unknown members skipped)
  expect_only<VE>(R"({"x":[1,]})", rules::json_syntax, "/x/1", client);
  expect_only<VE>(R"({"x":{"a":1,}})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":[1 2]})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":{"a":1]})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":[1}})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":{"a" 1}})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":{1:1}})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":1 2})", rules::json_syntax, "", client);
  expect_only<VE>(R"({"x":True})", rules::json_invalid_literal, "/x", client);
  expect_only<VE>(R"({"x":[NaN]})", rules::json_invalid_literal, "/x/0", client);
  expect_only<VE>(R"({"x":truex})", rules::json_invalid_literal, "/x", client);
  expect_only<VE>(R"({"x":+1})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":.5})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":1.})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":1e})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":-})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":0x1})", rules::json_invalid_number, "/x", client);
  expect_only<VE>(R"({"x":"\u12"})", rules::json_invalid_escape, "/x", client);
  expect_only<VE>(R"({"x":"\'"})", rules::json_invalid_escape, "/x", client);
  expect_only<VE>(R"({"x":{"\uDFFF":1}})", rules::json_unpaired_surrogate, "/x", client);
  expect_only<VE>(R"({"a\q":1})", rules::json_invalid_escape, "", client);
  expect_only<VE>("{\"x\":\"\xED\xA0\x80\"}", rules::json_invalid_utf8, "", client);  // UTF-8 of a surrogate
  expect_only<VE>("{\"x\":\"\xC0\xAF\"}", rules::json_invalid_utf8, "", client);      // overlong
  expect_only<VE>("{\"x\":\"\x01\"}", rules::json_control_character, "", client);
  expect_only<VE>("\xEF\xBB\xBF{}", rules::json_syntax, "", client);                    // byte order mark
  expect_only<VE>("", rules::json_syntax, "", client);
  expect_only<VE>(" \n\t", rules::json_syntax, "", client);
  expect_only<VE>(R"({"x":"abc)", rules::json_syntax, "", client);                    // unclosed string
  expect_only<VE>(R"({"x":[)", rules::json_syntax, "/x/0", client);                   // unclosed
  expect_only<VE>(R"({"x":1)", rules::json_syntax, "", client);
  expect_only<VE>(R"({"x":{})", rules::json_syntax, "", client);                     // one '}' short
  expect_only<VE>(R"({"x":[1}])", rules::json_syntax, "/x", client);                  // brackets crossed
  expect_only<VE>(R"({"x":1}])", rules::json_trailing_content, "", client);
  expect_only<VE>(R"({"x":1}})", rules::json_trailing_content, "", client);
  expect_only<VE>(R"({"x":1}{})", rules::json_trailing_content, "", client);
  expect_only<VE>(R"({"x":1}  "a")", rules::json_trailing_content, "", client);
  expect_only<VE>(R"(nul)", rules::json_invalid_literal, "", client);
  expect_only<VE>(R"(01)", rules::json_invalid_number, "", client);
  expect_only<VE>(R"("abc")", rules::json_root_not_object, "", client);
  expect_only<VE>(R"(null)", rules::json_root_not_object, "", client);
  expect_only<VE>(R"([1] x)", rules::json_root_not_object, "", client);
  // a comma left out between a number or literal and a string: stage 1 makes them one token
  CHECK(expect_only<VE>(R"({"x":0"y":1})", rules::json_syntax, "/x", client).offset == 6);
  CHECK(expect_only<VE>(R"({"x":[1"a"]})", rules::json_syntax, "/x/0", client).offset == 7);
  expect_only<VE>(R"({"x":true"y":1})", rules::json_syntax, "/x", client);
  expect_only<VE>(R"({"x":[null"a"]})", rules::json_syntax, "/x/0", client);
  expect_only(job_doc().set("statistics", R"({"numberOfDocumentsScanned":0"numberOfDocumentsFailed":1})").str(),
              rules::json_syntax, "/ingestionJob/statistics/numberOfDocumentsScanned");
  // whitespace is RFC 8259's four characters only
  expect_only<VE>("{\"x\":\f1}", rules::json_syntax, "/x", client);
  expect_valid<VE>(" \t\r\n{ \t\r\n\"x\" \t\r\n: \t\r\n[ 1 , 2 ] \t\r\n} \t\r\n", client);
}

TEST_CASE("json: structural diagnostics say what was due and what was found") {
  using VE = ValidationException;
  const auto client = parse_options::client();
  auto d = expect_only<VE>(R"({"x":[1 2]})", rules::json_syntax, "/x", client);
  CHECK(d.offset == 8);
  CHECK(d.expected == "',' or ']' after an array item");
  CHECK(d.found == "'2'");
  d = expect_only<VE>(R"({"x":{"a" 1}})", rules::json_syntax, "/x", client);
  CHECK(d.expected == "':' after the member name");
  CHECK(d.found == "'1'");
  d = expect_only<VE>(R"({"x":{"a":"b" "c"}})", rules::json_syntax, "/x", client);
  CHECK(d.expected == "',' or '}' after a member");
  d = expect_only<VE>(R"({"x":{,}})", rules::json_syntax, "/x", client);
  CHECK(d.expected == "a member name (a string)");
  CHECK(d.found == "','");
  d = expect_only<VE>(R"({"x":[1,]})", rules::json_syntax, "/x/1", client);
  CHECK(d.expected == "a JSON value");
  CHECK(d.message == "expected a JSON value, found ']'");
  d = expect_only<VE>(R"({"x":{"a":[]})", rules::json_syntax, "", client);
  CHECK(d.offset == 13);
  CHECK(d.found == "the end of the input");
  d = expect_only<VE>(R"({"x":[[1]})", rules::json_syntax, "/x", client);
  CHECK(d.offset == 9);  // the '}' where ']' was due
  CHECK(d.message == "expected ',' or ']' after an array item, found '}'");
  d = expect_only<VE>(R"({"x":[1}])", rules::json_syntax, "/x", client);  // the last token is not '}'
  CHECK(d.offset == 7);
  CHECK(d.message == "expected ',' or ']' after an array item, found '}'");
  d = expect_only<VE>(R"({"x":{"y":[)", rules::json_syntax, "/x/y/0", client);
  CHECK(d.offset == 11);
  CHECK(d.message == "expected a JSON value, found the end of the input");
  d = expect_only<VE>(R"({"x":"abc)", rules::json_syntax, "", client);
  CHECK(d.offset == 5);  // the opening quote
  d = expect_only<VE>("{\"x\":1}\n\n  junk", rules::json_trailing_content, "", client);
  CHECK(d.offset == 11);
  CHECK(d.line == 3);
  CHECK(d.column == 3);
  CHECK(d.found == "'junk'");
}

TEST_CASE("json: resource bounds") {
  using VE = ValidationException;
  SUBCASE("max_input_bytes: the size itself passes, one byte more does not") {
    const std::string doc = R"({"message":"abcdef"})";
    parse_options o;
    o.max_input_bytes = doc.size();
    expect_valid<VE>(doc, o);
    o.max_input_bytes = doc.size() - 1;
    const auto d = expect_only<VE>(doc, rules::limit_input_size, "", o);
    CHECK(d.offset == 0);
    CHECK(d.found == std::to_string(doc.size()) + " bytes");
    CHECK(parse_options{}.max_input_bytes == 16u << 20);
  }
  SUBCASE("max_depth: 64 levels pass, 65 do not (the root object is level 1)") {
    const auto nested = [](std::size_t levels) {  // root, ingestionJob, then arrays
      return job_doc().set("x", std::string(levels - 2, '[') + std::string(levels - 2, ']')).str();
    };
    CHECK(parse_options{}.max_depth == 64);
    expect_valid(nested(64), parse_options::client());
    const std::string deep = nested(65);
    const auto d = expect_only(deep, rules::limit_depth, "/ingestionJob/x" + repeat("/0", 62), parse_options::client());
    CHECK(d.offset == deep.find('[') + 62);
    // in known shapes too: a list is a level
    parse_options o;
    o.max_depth = 2;
    expect_only(job_doc().set("failureReasons", "[]").str(), rules::limit_depth, "/ingestionJob/failureReasons", o);
    o.max_depth = 3;
    expect_valid(job_doc().set("failureReasons", "[]").str(), o);
  }
  SUBCASE("max_diagnostics: the report is cut, says so, and still counts every error") {
    std::string doc = "{";
    for (int i = 0; i < 10; ++i) doc += (i ? "," : "") + std::string("\"u") + std::to_string(i) + "\":1";
    doc += "}";
    parse_options o;
    o.max_diagnostics = 3;
    const auto report = validate<VE>(doc, o);
    REQUIRE(report.diagnostics().size() == 4);
    CHECK(report.truncated());
    CHECK(report.error_count() == 10);
    CHECK(!report.ok());
    for (int i = 0; i < 3; ++i) CHECK(report.diagnostics()[i].id == rules::shape_unknown_member);
    const diagnostic& note = report.diagnostics().back();
    CHECK(note.id == rules::limit_diagnostics);
    CHECK(note.level == severity::warning);
    CHECK(note.level == rule_info(rules::limit_diagnostics).level);  // the table says what the note is
    CHECK_FALSE(rule_info(rules::limit_diagnostics).fatal);
    CHECK(note.message == "7 more diagnostics were found but not kept (max_diagnostics is 3)");
    o.max_diagnostics = 10;
    const auto all = validate<VE>(doc, o);
    CHECK(all.diagnostics().size() == 10);
    CHECK(!all.truncated());
    CHECK(parse_options{}.max_diagnostics == 100);
  }
  SUBCASE("100000 nested arrays in an unknown member are rejected at level 65, quickly") {
    const std::string doc = job_doc().set("x", std::string(100000, '[') + std::string(100000, ']')).str();
    const auto start = std::chrono::steady_clock::now();
    const auto d = expect_only(doc, rules::limit_depth, "/ingestionJob/x" + repeat("/0", 62), parse_options::client());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(d.offset == doc.find('[') + 62);
    CHECK(d.message == "nesting is deeper than max_depth (64)");
    CHECK(elapsed < std::chrono::seconds(2));  // milliseconds in practice; generous for sanitizers
    // a max_depth beyond what the parser supports acts as its max_depth() - 1: bounded stack
    parse_options unbounded_depth = parse_options::client();
    unbounded_depth.max_depth = std::size_t{1} << 40;
    const auto capped = expect_only(doc, rules::limit_depth, "/ingestionJob/x" + repeat("/0", 1021), unbounded_depth);
    CHECK(capped.offset == doc.find('[') + 1021);
    CHECK(capped.message == "nesting is deeper than max_depth (1023)");
    // unclosed, as JSONTestSuite's n_structure_100000_opening_arrays
    expect_only(job_doc().set("x", std::string(100000, '[')).str(), rules::limit_depth,
                "/ingestionJob/x" + repeat("/0", 62), parse_options::client());
  }
}

TEST_CASE("json: shape rules") {
  SUBCASE("a required member missing, at the object that lacks it") {
    const std::string doc = job_doc().erase("status").str();
    const auto d = expect_only(doc, rules::shape_missing_member, "/ingestionJob");
    CHECK(d.offset == doc.find("{\"knowledge"));
    CHECK(d.expected == "member \"status\"");
    expect_only("{}", rules::shape_missing_member, "");
    expect_only<ValidationException>(R"({"fieldList":[{"name":"n"}]})", rules::shape_missing_member, "/fieldList/0");
  }
  SUBCASE("an unknown member") {
    const auto d = expect_only(job_doc().set("Status", R"("STOPPED")").str(), rules::shape_unknown_member,
                               "/ingestionJob/Status");
    CHECK(d.found == "\"Status\"");
    expect_only<ThrottlingException>(R"({"message":"m","__type":"x"})", rules::shape_unknown_member, "/__type");
    // names with '~' and '/' are escaped in the pointer (RFC 6901)
    expect_only<ThrottlingException>(R"({"a/b~c":1})", rules::shape_unknown_member, "/a~1b~0c");
  }
  SUBCASE("the wrong JSON type") {
    expect_only(job_doc().set("knowledgeBaseId", "1234567890").str(), rules::shape_wrong_type, "/ingestionJob/knowledgeBaseId");
    expect_only(job_doc().set("status", "[]").str(), rules::shape_wrong_type, "/ingestionJob/status");
    expect_only(job_doc().set("statistics", "[]").str(), rules::shape_wrong_type, "/ingestionJob/statistics");
    expect_only(job_doc().set("failureReasons", R"("a")").str(), rules::shape_wrong_type, "/ingestionJob/failureReasons");
    expect_only(job_doc().set("failureReasons", R"([1])").str(), rules::shape_wrong_type, "/ingestionJob/failureReasons/0");
    expect_only(job_doc().set("description", "true").str(), rules::shape_wrong_type, "/ingestionJob/description");
    expect_only(R"({"ingestionJob":"x"})", rules::shape_wrong_type, "/ingestionJob");
    const auto d = expect_only(job_doc().set("startedAt", "1710408413").str(), rules::shape_wrong_type,
                               "/ingestionJob/startedAt");  // epoch seconds are not this model's format
    CHECK(d.message.find("never epoch seconds") != std::string::npos);
    // a wrong-typed value is still checked as JSON (validate goes on after the type error)
    const auto report = validate<StopIngestionJobResponse>(job_doc().set("status", "[1,]").str());
    REQUIRE(report.diagnostics().size() == 2);
    CHECK(report.diagnostics()[0].id == rules::shape_wrong_type);
    CHECK(report.diagnostics()[1].id == rules::json_syntax);
    CHECK(report.diagnostics()[1].pointer == "/ingestionJob/status/1");
  }
  SUBCASE("null, anywhere the model has a value") {
    expect_only(job_doc().set("status", "null").str(), rules::shape_null, "/ingestionJob/status");
    expect_only(job_doc().set("description", "null").str(), rules::shape_null, "/ingestionJob/description");
    expect_only(job_doc().set("statistics", "null").str(), rules::shape_null, "/ingestionJob/statistics");
    expect_only(job_doc().set("statistics", R"({"numberOfDocumentsScanned":null})").str(), rules::shape_null,
                "/ingestionJob/statistics/numberOfDocumentsScanned");
    expect_only(job_doc().set("failureReasons", R"(["a",null])").str(), rules::shape_null, "/ingestionJob/failureReasons/1");
    expect_only(R"({"ingestionJob":null})", rules::shape_null, "/ingestionJob");
  }
}

TEST_CASE("json: PrimitiveLong takes only an integer literal in signed 64 bits") {
  const auto counter = [](const std::string& raw) {
    return job_doc().set("statistics", R"({"numberOfDocumentsScanned":)" + raw + "}").str();
  };
  const std::string at = "/ingestionJob/statistics/numberOfDocumentsScanned";
  CHECK(expect_valid(counter("9223372036854775807")).ingestionJob.statistics->numberOfDocumentsScanned ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(expect_valid(counter("0")).ingestionJob.statistics->numberOfDocumentsScanned == 0);
  CHECK(expect_valid(counter("-0")).ingestionJob.statistics->numberOfDocumentsScanned == 0);
  expect_only(counter("9223372036854775808"), rules::long_out_of_range, at);
  expect_only(counter("99999999999999999999999"), rules::long_out_of_range, at);
  expect_only(counter("-9223372036854775809"), rules::long_out_of_range, at);
  expect_only(counter("1.0"), rules::long_not_integer, at);
  expect_only(counter("1e3"), rules::long_not_integer, at);
  expect_only(counter("1E+0"), rules::long_not_integer, at);
  expect_only(counter("0.5"), rules::long_not_integer, at);
  expect_only(counter(R"("5")"), rules::shape_wrong_type, at);
  expect_only(counter("true"), rules::shape_wrong_type, at);
  expect_only(counter("05"), rules::json_invalid_number, at);
  expect_only(counter("1.e3"), rules::json_invalid_number, at);
  // int64 min is in range, but a document counter below zero breaks the semantic rule
  const auto d = expect_only(counter("-9223372036854775808"), rules::semantic_negative_counter, at);
  CHECK(d.found == "-9223372036854775808");
  expect_only(counter("-1"), rules::semantic_negative_counter, at);
  // the client profile keeps the value, with a warning
  const auto kept = parse<StopIngestionJobResponse>(counter("-9223372036854775808"), parse_options::client());
  REQUIRE(kept.ok());
  CHECK(kept->ingestionJob.statistics->numberOfDocumentsScanned == std::numeric_limits<std::int64_t>::min());
  REQUIRE(kept.diagnostics().size() == 1);
  CHECK(kept.diagnostics()[0].id == rules::semantic_negative_counter);
}

TEST_CASE("json: constraints on strings, lists and enums, just inside and just outside") {
  SUBCASE("Description: 1..200 code points, counted as code points (U+1F600 is 4 bytes)") {
    const auto desc = [](std::size_t n) { return job_doc().set("description", quoted(repeat(smile, n))).str(); };
    CHECK(expect_valid(desc(200)).ingestionJob.description->size() == 800);
    expect_valid(desc(1));
    auto d = expect_only(desc(201), rules::constraint_length, "/ingestionJob/description");
    CHECK(d.found == "201 code points");
    CHECK(d.expected == "1..200 code points");
    expect_only(desc(0), rules::constraint_length, "/ingestionJob/description");
    // escapes count as the code points they stand for: a surrogate pair is one
    expect_valid(job_doc().set("description", quoted(repeat("\\ud83d\\ude00", 200))).str());
    expect_only(job_doc().set("description", quoted(repeat("\\ud83d\\ude00", 201))).str(), rules::constraint_length,
                "/ingestionJob/description");
  }
  SUBCASE("FailureReason: 0..2048 code points; FailureReasons: 0..2048 items") {
    const auto reason = [](std::size_t n) {
      return job_doc().set("failureReasons", "[" + quoted(repeat("\xC3\xA9", n)) + "]").str();
    };
    expect_valid(reason(2048));
    expect_valid(reason(0));
    expect_only(reason(2049), rules::constraint_length, "/ingestionJob/failureReasons/0");
    const auto reasons = [](std::size_t n) { return job_doc().set("failureReasons", string_array(n)).str(); };
    CHECK(expect_valid(reasons(2048)).ingestionJob.failureReasons->size() == 2048);
    expect_valid(reasons(0));
    const auto d = expect_only(reasons(2049), rules::constraint_list_length, "/ingestionJob/failureReasons");
    CHECK(d.found == "2049 items");
    CHECK(d.expected == "0..2048 items");
  }
  SUBCASE("Id: exactly 10 ASCII letters or digits") {
    const auto id = [](const std::string& v) { return job_doc().set("ingestionJobId", quoted(v)).str(); };
    expect_valid(id("0123456789"));
    expect_valid(id("abcdeFGHIJ"));
    expect_only(id("012345678"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    expect_only(id("0123456789A"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    expect_only(id(""), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    // 10 letters, but not ASCII ones (10 code points, 11 and 20 bytes)
    expect_only(id("\xC3\xA9" "bcdefghij"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    expect_only(id(repeat("\xC3\xA9", 10)), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    expect_only(id("abcde-ghij"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    expect_only(id("abcde ghij"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    // an escaped letter is the letter
    expect_valid(id("\\u0041BCDEFGHIJ"));
    const auto d = expect_only(id("012345678"), rules::constraint_pattern, "/ingestionJob/ingestionJobId");
    CHECK(d.expected == "^[0-9a-zA-Z]{10}$");
    CHECK(d.found == "\"012345678\"");
  }
  SUBCASE("NonBlankString: at least one code point") {
    using VE = ValidationException;
    expect_only<VE>(R"({"fieldList":[{"name":"","message":"m"}]})", rules::constraint_pattern, "/fieldList/0/name");
    expect_only<VE>(R"({"message":""})", rules::constraint_pattern, "/message");
    expect_valid<VE>(R"({"fieldList":[{"name":" ","message":"m"}]})");
    expect_valid<VE>(R"({"fieldList":[]})");
  }
  SUBCASE("IngestionJobStatus: the model's values, case matters") {
    for (const char* s : {"STARTING", "IN_PROGRESS", "COMPLETE", "FAILED", "STOPPING", "STOPPED"})
      CHECK(expect_valid(job_doc().set("status", quoted(s)).str()).ingestionJob.status.wire_name() == s);
    for (const char* s : {"stopped", "Stopped", "STOPPED ", "", "PAUSED"}) {
      const auto d = expect_only(job_doc().set("status", quoted(s)).str(), rules::constraint_enum, "/ingestionJob/status");
      CHECK(d.found == quoted(s));
    }
    CHECK(expect_valid(job_doc().set("status", R"("\u0053TOPPED")").str()).ingestionJob.status ==
          IngestionJobStatus::STOPPED);
  }
}

TEST_CASE("json: timestamps go through the time rules") {
  const auto at = [](const std::string& raw) { return job_doc().set("startedAt", raw).str(); };
  const std::string ptr = "/ingestionJob/startedAt";
  for (const char* bad : {"2024-02-30T00:00:00Z", "2024-01-01T00:00:60Z", "2024-01-01 00:00:00Z",
                          "2024-01-01T00:00:00", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "",
                          "2024-01-01T00:00:00.1234567891Z", "2024-01-01T00:00Z"}) {
    expect_only(at(quoted(bad)), rules::time_invalid, ptr);
  }
  const std::string doc = at(R"("2024-02-30T00:00:00Z")");
  const auto d = expect_only(doc, rules::time_invalid, ptr);
  CHECK(d.offset == doc.find("2024-02-30") + 8);  // the day
  CHECK(d.message.find("(character 9)") != std::string::npos);
  expect_only(at("1710408413"), rules::shape_wrong_type, ptr);
  expect_only(at("1710408413.5"), rules::shape_wrong_type, ptr);
  // offsets move the instant to UTC; lower-case t and z are RFC 3339
  CHECK(expect_valid(at(R"("2024-01-01t01:30:00+01:30")")).ingestionJob.startedAt == ts("2024-01-01T00:00:00Z"));
  CHECK(expect_valid(at(R"("2024-01-01T00:00:00z")")).ingestionJob.startedAt == ts("2024-01-01T00:00:00Z"));
}

// ---- positions ---------------------------------------------------------------------------

TEST_CASE("json: offsets and line:column in multi-line documents") {
  const std::string doc =
      "{\n"
      "  \"ingestionJob\": {\n"
      "    \"knowledgeBaseId\": \"KB1234567\",\n"
      "    \"dataSourceId\": \"DS12345678\",\n"
      "    \"ingestionJobId\": \"IJ12345678\",\n"
      "    \"description\": \"caf\xC3\xA9 \xF0\x9F\x98\x80\", \"status\": \"paused\",\n"
      "    \"startedAt\": \"2024-01-01T00:00:00Z\",\n"
      "\t\"updatedAt\": 17\n"
      "  }\n"
      "}\n";
  const auto report = validate<StopIngestionJobResponse>(doc);
  const auto errors = errors_of(report);
  REQUIRE_MESSAGE(errors.size() == 3, listing(report.diagnostics()));
  CHECK(errors[0].id == rules::constraint_pattern);
  CHECK(errors[0].offset == doc.find("\"KB1234567\""));
  CHECK(errors[0].line == 3);
  CHECK(errors[0].column == 24);
  CHECK(errors[1].id == rules::constraint_enum);
  CHECK(errors[1].offset == doc.find("\"paused\""));
  CHECK(errors[1].line == 6);
  CHECK(errors[1].column == 40);  // columns count code points: é and U+1F600 are one each
  CHECK(errors[2].id == rules::shape_wrong_type);
  CHECK(errors[2].offset == doc.find("17"));
  CHECK(errors[2].line == 8);
  CHECK(errors[2].column == 15);  // a tab is one column
  const std::string crlf = "{\r\n\"message\":\r\n  1}";
  const auto d = expect_only<ValidationException>(crlf, rules::shape_wrong_type, "/message");
  CHECK(d.line == 3);
  CHECK(d.column == 3);
  CHECK(to_string(d) == "3:3: error[shape.wrong-type]: expected a string (NonBlankString), found a number (at /message)");
}

TEST_CASE("json: validate reports every error in one pass; parse stops at the first") {
  const std::string doc = job_doc()
                              .set("knowledgeBaseId", R"("short")")
                              .set("status", R"("stopped")")
                              .set("statistics", R"({"numberOfDocumentsScanned":-1,"numberOfDocumentsFailed":1.5,"x":1})")
                              .set("failureReasons", R"(["ok",null])")
                              .erase("updatedAt")
                              .set("description", R"("")")
                              .set("startedAt", "0")
                              .str();
  const auto report = validate<StopIngestionJobResponse>(doc);
  const auto errors = errors_of(report);
  const std::set<std::pair<rule, std::string>> expected{
      {rules::constraint_pattern, "/ingestionJob/knowledgeBaseId"},
      {rules::constraint_enum, "/ingestionJob/status"},
      {rules::semantic_negative_counter, "/ingestionJob/statistics/numberOfDocumentsScanned"},
      {rules::long_not_integer, "/ingestionJob/statistics/numberOfDocumentsFailed"},
      {rules::shape_unknown_member, "/ingestionJob/statistics/x"},
      {rules::shape_null, "/ingestionJob/failureReasons/1"},
      {rules::constraint_length, "/ingestionJob/description"},
      {rules::shape_wrong_type, "/ingestionJob/startedAt"},
      {rules::shape_missing_member, "/ingestionJob"},
  };
  CHECK_MESSAGE(rules_at(errors) == expected, listing(report.diagnostics()));
  CHECK(errors.size() == expected.size());
  CHECK(report.error_count() == expected.size());
  CHECK(report.warning_count() == 0);
  // in input order, with the missing member when its object ends
  for (std::size_t i = 1; i + 1 < errors.size(); ++i) CHECK(errors[i - 1].offset < errors[i].offset);
  CHECK(errors.back().id == rules::shape_missing_member);
  // fail-fast: the first in input order, and no value
  const auto parsed = parse<StopIngestionJobResponse>(doc);
  REQUIRE(!parsed.ok());
  CHECK(parsed.error().id == rules::constraint_pattern);
  CHECK(parsed.error().pointer == "/ingestionJob/knowledgeBaseId");
  // a fatal error ends validate() too: nothing after it is reported
  const auto broken = validate<StopIngestionJobResponse>(
      job_doc().set("knowledgeBaseId", R"("short")").set("x", "[1,]").set("y", R"("after")").str());
  REQUIRE(broken.diagnostics().size() == 3);
  CHECK(broken.diagnostics()[0].id == rules::constraint_pattern);
  CHECK(broken.diagnostics()[1].id == rules::shape_unknown_member);
  CHECK(broken.diagnostics()[2].id == rules::json_syntax);
}

TEST_CASE("json: disabled rules are dropped, fatal ones cannot be") {
  parse_options o;
  o.disabled.insert(rules::shape_unknown_member);
  o.disabled.insert(rules::json_trailing_content);
  expect_valid(job_doc().set("x", "1").str(), o);
  expect_only(job_doc().str() + "x", rules::json_trailing_content, "", o);
  expect_only(job_doc().set("x", "[1,]").str(), rules::json_syntax, "/ingestionJob/x/1", o);
}

TEST_CASE("json: rules that refuse a value stay in force when disabled (no value is made up)") {
  // Each document breaks one value-refusing rule; with every rule in `disabled` it is still
  // refused with that rule, by parse() (no value) and by validate().
  parse_options all;
  for (rule r : registered_rules()) all.disabled.insert(r);
  const std::vector<std::tuple<std::string, rule, std::string>> cases{
      {job_doc().erase("status").str(), rules::shape_missing_member, "/ingestionJob"},
      {job_doc().set("startedAt", "5").str(), rules::shape_wrong_type, "/ingestionJob/startedAt"},
      {job_doc().set("status", "null").str(), rules::shape_null, "/ingestionJob/status"},
      {job_doc().set("statistics", R"({"numberOfDocumentsScanned":1.0})").str(), rules::long_not_integer,
       "/ingestionJob/statistics/numberOfDocumentsScanned"},
      {job_doc().set("statistics", R"({"numberOfDocumentsScanned":9223372036854775808})").str(),
       rules::long_out_of_range, "/ingestionJob/statistics/numberOfDocumentsScanned"},
      {job_doc().set("startedAt", R"("2024-02-30T00:00:00Z")").str(), rules::time_invalid, "/ingestionJob/startedAt"},
  };
  for (const auto& [doc, r, pointer] : cases) {
    CAPTURE(rule_id(r));
    CHECK_FALSE(rule_can_be_disabled(r));
    CHECK(rule_refuses_value(r));
    expect_only(doc, r, pointer, all);
  }
  // The rules that remain disableable judge a value that is kept either way.
  for (rule r : {rules::shape_unknown_member, rules::json_duplicate_member, rules::constraint_length,
                 rules::constraint_pattern, rules::constraint_list_length, rules::constraint_enum,
                 rules::semantic_negative_counter, rules::http_method, rules::error_status_mismatch,
                 rules::status_stop_state, rules::sequence_transition}) {
    CAPTURE(rule_id(r));
    CHECK(rule_can_be_disabled(r));
  }
  for (rule r : {rules::json_syntax, rules::limit_depth, rules::limit_diagnostics, rules::limit_input_size,
                 rules::http_path_literal, rules::http_percent_encoding, rules::error_unknown_type}) {
    CAPTURE(rule_id(r));
    CHECK_FALSE(rule_can_be_disabled(r));
  }
}

TEST_CASE("json: a disabled constraint.enum keeps the unknown value verbatim") {
  parse_options o;
  o.disabled.insert(rules::constraint_enum);
  const std::string doc = job_doc().set("status", R"("BOGUS")").str();
  const auto v = expect_valid(doc, o);
  CHECK_FALSE(v.ingestionJob.status.is_known());
  CHECK(v.ingestionJob.status.wire_name() == "BOGUS");
  CHECK(to_json(v).find(R"("status":"BOGUS")") != std::string::npos);
  CHECK(validate<StopIngestionJobResponse>(doc, o).diagnostics().empty());
}

// ---- the client profile -------------------------------------------------------------------

TEST_CASE("json: client profile, each leniency alone and all together") {
  const parse_options contract;
  SUBCASE("ignore_unknown_members") {
    const auto o = only(&parse_options::ignore_unknown_members);
    const std::string doc = job_doc().set("newMember", R"({"a":[1,{"b":null}]})").str();
    expect_only(doc, rules::shape_unknown_member, "/ingestionJob/newMember", contract);
    const auto report = validate<StopIngestionJobResponse>(doc, o);
    CHECK(report.diagnostics().empty());
    expect_valid(doc, o);
    // skipped, but still JSON; and the other leniencies are off
    expect_only(job_doc().set("newMember", "[01]").str(), rules::json_invalid_number, "/ingestionJob/newMember/0", o);
    expect_only(job_doc().set("description", "null").str(), rules::shape_null, "/ingestionJob/description", o);
  }
  SUBCASE("null_as_absent") {
    const auto o = only(&parse_options::null_as_absent);
    const std::string doc = job_doc()
                                .set("description", "null")
                                .set("statistics", R"({"numberOfDocumentsScanned":null,"numberOfDocumentsFailed":3})")
                                .set("failureReasons", "null")
                                .str();
    const auto v = expect_valid(doc, o);
    CHECK(!v.ingestionJob.description);
    CHECK(!v.ingestionJob.failureReasons);
    CHECK(v.ingestionJob.statistics->numberOfDocumentsScanned == 0);
    CHECK(v.ingestionJob.statistics->numberOfDocumentsFailed == 3);
    CHECK(validate<StopIngestionJobResponse>(doc, o).diagnostics().empty());
    // a required member is never null; a list item is not a member
    expect_only(job_doc().set("status", "null").str(), rules::shape_null, "/ingestionJob/status", o);
    expect_only(job_doc().set("failureReasons", "[null]").str(), rules::shape_null, "/ingestionJob/failureReasons/0", o);
    expect_only(job_doc().set("description", "nul").str(), rules::json_invalid_literal, "/ingestionJob/description", o);
  }
  SUBCASE("constraints_as_warnings") {
    const auto o = only(&parse_options::constraints_as_warnings);
    const std::string doc = job_doc()
                                .set("knowledgeBaseId", R"("KB-1")")
                                .set("description", R"("")")
                                .set("failureReasons", string_array(2049))
                                .set("statistics", R"({"numberOfDocumentsFailed":-2})")
                                .str();
    const auto report = validate<StopIngestionJobResponse>(doc, o);
    CHECK(report.ok());
    CHECK(report.warning_count() == 4);
    CHECK(rules_at(report.diagnostics()) ==
          std::set<std::pair<rule, std::string>>{
              {rules::constraint_pattern, "/ingestionJob/knowledgeBaseId"},
              {rules::constraint_length, "/ingestionJob/description"},
              {rules::constraint_list_length, "/ingestionJob/failureReasons"},
              {rules::semantic_negative_counter, "/ingestionJob/statistics/numberOfDocumentsFailed"}});
    for (const auto& d : report.diagnostics()) CHECK(d.level == severity::warning);
    const auto parsed = parse<StopIngestionJobResponse>(doc, o);
    REQUIRE(parsed.ok());
    CHECK(parsed.diagnostics().size() == 4);
    CHECK(parsed->ingestionJob.knowledgeBaseId == "KB-1");  // kept as received
    CHECK(parsed->ingestionJob.description == Description(""));
    CHECK(parsed->ingestionJob.failureReasons->size() == 2049);
    CHECK(parsed->ingestionJob.statistics->numberOfDocumentsFailed == -2);
    // an enum value outside the model is not a "constraint" here: it needs its own leniency
    expect_only(job_doc().set("status", R"("PAUSED")").str(), rules::constraint_enum, "/ingestionJob/status", o);
  }
  SUBCASE("keep_unknown_enum_values") {
    const auto o = only(&parse_options::keep_unknown_enum_values);
    const auto parsed = parse<StopIngestionJobResponse>(job_doc().set("status", R"("PAUSED")").str(), o);
    REQUIRE(parsed.ok());
    CHECK(!parsed->ingestionJob.status.is_known());
    CHECK(parsed->ingestionJob.status.wire_name() == "PAUSED");
    CHECK(parsed->ingestionJob.status != IngestionJobStatus::STOPPED);
    REQUIRE(parsed.diagnostics().size() == 1);
    CHECK(parsed.diagnostics()[0].id == rules::constraint_enum);
    CHECK(parsed.diagnostics()[0].level == severity::warning);
    CHECK(parsed.diagnostics()[0].pointer == "/ingestionJob/status");
    expect_only(job_doc().set("knowledgeBaseId", R"("KB-1")").str(), rules::constraint_pattern,
                "/ingestionJob/knowledgeBaseId", o);
  }
  SUBCASE("all together: the client profile") {
    const auto o = parse_options::client();
    CHECK(o.ignore_unknown_members);
    CHECK(o.null_as_absent);
    CHECK(o.constraints_as_warnings);
    CHECK(o.keep_unknown_enum_values);
    const std::string doc = job_doc()
                                .set("status", R"("PAUSED")")
                                .set("description", "null")
                                .set("dataSourceId", R"("ds")")
                                .set("futureField", R"({"nested":[true]})")
                                .str();
    const auto parsed = parse<StopIngestionJobResponse>(doc, o);
    REQUIRE(parsed.ok());
    CHECK(parsed->ingestionJob.status.wire_name() == "PAUSED");
    CHECK(!parsed->ingestionJob.description);
    CHECK(parsed->ingestionJob.dataSourceId == "ds");
    CHECK(rules_at(parsed.diagnostics()) == std::set<std::pair<rule, std::string>>{
                                             {rules::constraint_pattern, "/ingestionJob/dataSourceId"},
                                             {rules::constraint_enum, "/ingestionJob/status"}});
    const auto report = validate<StopIngestionJobResponse>(doc, o);
    CHECK(report.ok());
    CHECK(report.warning_count() == 2);
  }
}

TEST_CASE("json: the client profile never relaxes syntax, bounds or required members") {
  const auto o = parse_options::client();
  expect_only(job_doc().erase("knowledgeBaseId").str(), rules::shape_missing_member, "/ingestionJob", o);
  expect_only(job_doc().set("startedAt", "null").str(), rules::shape_null, "/ingestionJob/startedAt", o);
  expect_only(job_doc().set("startedAt", R"("yesterday")").str(), rules::time_invalid, "/ingestionJob/startedAt", o);
  expect_only(job_doc().set("status", "1").str(), rules::shape_wrong_type, "/ingestionJob/status", o);
  expect_only(job_doc().set("x", "[1,]").str(), rules::json_syntax, "/ingestionJob/x/1", o);
  expect_only(job_doc().str() + "{}", rules::json_trailing_content, "", o);
  job_doc twice;
  twice.members.emplace_back("status", R"("STOPPED")");
  expect_only(twice.str(), rules::json_duplicate_member, "/ingestionJob/status", o);
  parse_options tight = o;
  tight.max_depth = 3;
  expect_only(job_doc().set("x", "[[]]").str(), rules::limit_depth, "/ingestionJob/x/0", tight);
  tight.max_input_bytes = 10;
  expect_only(job_doc().str(), rules::limit_input_size, "", tight);
}

TEST_CASE("json: an unknown status round-trips byte for byte in the client profile") {
  const std::string doc =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      R"("status":"PAUSED_BY_\"OPERATOR\"_\u00e9","startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01Z"}})";
  const auto parsed = parse<StopIngestionJobResponse>(doc, parse_options::client());
  REQUIRE(parsed.ok());
  CHECK(parsed->ingestionJob.status.wire_name() == "PAUSED_BY_\"OPERATOR\"_\xC3\xA9");
  // written back unchanged, except that \u00e9 is written as the character itself (canonical)
  const std::string canonical =
      R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
      "\"status\":\"PAUSED_BY_\\\"OPERATOR\\\"_\xC3\xA9\",\"startedAt\":\"2024-01-01T00:00:00Z\","
      R"("updatedAt":"2024-01-01T00:00:01Z"}})";
  CHECK(to_json(parsed.value()) == canonical);
  const auto again = parse<StopIngestionJobResponse>(canonical, parse_options::client());
  REQUIRE(again.ok());
  CHECK(to_json(again.value()) == canonical);  // byte for byte
  CHECK(again.value() == parsed.value());
  // the strict checker of a value built from it flags the unknown value
  const auto report = check_value(parsed.value());
  REQUIRE(report.diagnostics().size() == 1);
  CHECK(report.diagnostics()[0].id == rules::constraint_enum);
}

// ---- parse_into ---------------------------------------------------------------------------

TEST_CASE("json: parse_into a reused target leaves nothing stale") {
  const std::string big = job_doc()
                              .set("description", R"("a long description that does not fit in any small buffer")")
                              .set("status", R"("FAILED")")
                              .set("statistics", R"({"numberOfDocumentsScanned":5,"numberOfDocumentsFailed":4,)"
                                                 R"("numberOfDocumentsSkipped":3})")
                              .set("failureReasons", R"(["one","two","three"])")
                              .str();
  const std::string small = job_doc()
                                .set("knowledgeBaseId", R"("KBsmall000")")
                                .set("statistics", R"({"numberOfDocumentsFailed":1})")
                                .set("failureReasons", R"(["only"])")
                                .str();
  const std::string smallest = job_doc().str();
  StopIngestionJobResponse target;
  REQUIRE(parse_into(big, target));
  CHECK(target.ingestionJob.description);
  CHECK(target.ingestionJob.failureReasons->size() == 3);
  REQUIRE(parse_into(small, target));
  CHECK(target == parse<StopIngestionJobResponse>(small).value());
  CHECK(!target.ingestionJob.description);
  CHECK(target.ingestionJob.status == IngestionJobStatus::STOPPED);
  CHECK(target.ingestionJob.statistics->numberOfDocumentsScanned == 0);
  CHECK(target.ingestionJob.statistics->numberOfDocumentsSkipped == 0);
  CHECK(target.ingestionJob.statistics->numberOfDocumentsFailed == 1);
  CHECK(target.ingestionJob.failureReasons->size() == 1);
  CHECK(target.ingestionJob.knowledgeBaseId == "KBsmall000");
  REQUIRE(parse_into(smallest, target));
  CHECK(target == parse<StopIngestionJobResponse>(smallest).value());
  CHECK(!target.ingestionJob.statistics);
  CHECK(!target.ingestionJob.failureReasons);
  // an unknown enum value kept by a first parse does not survive a second
  REQUIRE(parse_into(job_doc().set("status", R"("NEW")").str(), target, parse_options::client()));
  CHECK(!target.ingestionJob.status.is_known());
  REQUIRE(parse_into(smallest, target));
  CHECK(target.ingestionJob.status == IngestionJobStatus::STOPPED);
  // the error of a failed parse_into is the fail-fast error; warnings are in the result too
  const auto err = parse_into(job_doc().set("status", "1").str(), target);
  REQUIRE(!err.ok());
  CHECK(err.error().id == rules::shape_wrong_type);
  const auto warned = parse_into(job_doc().set("dataSourceId", R"("x")").str(), target, parse_options::client());
  CHECK(warned.ok());
  REQUIRE(warned.diagnostics().size() == 1);
  CHECK(warned.warning_count() == 1);
  CHECK(warned.diagnostics()[0].id == rules::constraint_pattern);
}

TEST_CASE("json: overloads with the caller's parser and a padded view parse in place") {
  const std::string doc = job_doc().set("description", R"("in place")").str();
  simdjson::padded_string padded(doc);
  simdjson::ondemand::parser parser;
  const auto a = parse<StopIngestionJobResponse>(parser, padded);
  REQUIRE(a.ok());
  CHECK(*a->ingestionJob.description == "in place");
  // a view into a larger buffer: the bytes after the document are the padding
  std::string buffer = doc + std::string(simdjson::SIMDJSON_PADDING, '}');
  const auto b = parse<StopIngestionJobResponse>(parser, simdjson::padded_string_view(buffer.data(), doc.size(), buffer.size()));
  REQUIRE(b.ok());
  CHECK(b.value() == a.value());
  const auto report = validate<StopIngestionJobResponse>(parser, padded);
  CHECK(report.diagnostics().empty());
  // a view that promises no padding is read from a copy, not past its end
  const auto c = parse<StopIngestionJobResponse>(parser, simdjson::padded_string_view(doc.data(), doc.size(), doc.size()));
  REQUIRE(c.ok());
  CHECK(c.value() == a.value());
  const std::string broken = doc.substr(0, doc.size() - 1);
  const auto d = validate<StopIngestionJobResponse>(parser, simdjson::padded_string_view(broken.data(), broken.size(), broken.size()));
  REQUIRE(d.diagnostics().size() == 1);
  CHECK(d.diagnostics()[0].id == rules::json_syntax);
  CHECK(d.diagnostics()[0].offset == broken.size());
  // a caller's parser with a smaller max_depth lowers the limit to its max_depth() - 1
  simdjson::ondemand::parser shallow;
  REQUIRE(shallow.allocate(1 << 16, 8) == simdjson::SUCCESS);
  const auto nested = [](std::size_t levels) {
    return job_doc().set("x", std::string(levels - 2, '[') + std::string(levels - 2, ']')).str();
  };
  const simdjson::padded_string seven(nested(7)), eight(nested(8));
  CHECK(validate<StopIngestionJobResponse>(shallow, seven, parse_options::client()).ok());
  const auto too_deep = validate<StopIngestionJobResponse>(shallow, eight, parse_options::client());
  REQUIRE(too_deep.diagnostics().size() == 1);
  CHECK(too_deep.diagnostics()[0].id == rules::limit_depth);
  CHECK(too_deep.diagnostics()[0].message == "nesting is deeper than max_depth (7)");
  // an input over max_input_bytes is refused by its size, before it is copied or read
  parse_options small;
  small.max_input_bytes = 8;
  CHECK(parse<StopIngestionJobResponse>(doc, small).error().id == rules::limit_input_size);
  StopIngestionJobResponse target;
  CHECK(parse_into(parser, padded, target).ok());
  CHECK(target == a.value());
}

// ---- equivalent encodings -----------------------------------------------------------------

TEST_CASE("json: equivalent encodings parse to the same value") {
  const auto base = expect_valid(job_doc().set("description", "\"caf\xC3\xA9 " + smile + "\"").str());
  // member order and whitespace
  const std::string reordered =
      "\n{ \"ingestionJob\" :\t{ \"updatedAt\":\"2024-01-01T00:00:01Z\" , \"status\" : \"STOPPED\",\r\n"
      "\"description\":\"caf\xC3\xA9 " + smile + "\", \"startedAt\":\"2024-01-01T00:00:00Z\",\"ingestionJobId\":\"IJ12345678\","
      "\"dataSourceId\":\"DS12345678\",   \"knowledgeBaseId\":\"KB12345678\" } }  \n";
  CHECK(expect_valid(reordered) == base);
  // \u escapes (either case of hex) and surrogate pairs, in values and in member names
  const std::string escaped =
      R"({"\u0069ngestionJob":{"knowledgeBaseId":"\u004bB12345678","dataSourceId":"DS12345678",)"
      R"("ingestionJobId":"IJ12345678","\u0073tatus":"STOPPED","descr\u0069ption":"caf\u00E9 \ud83d\uDE00",)"
      R"("startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024\u002d01-01T00:00:01Z"}})";
  CHECK(expect_valid(escaped) == base);
  // timestamps: offsets and Z, fraction digits with trailing zeros
  const std::string times = job_doc()
                                .set("description", "\"caf\xC3\xA9 " + smile + "\"")
                                .set("startedAt", R"("2024-01-01T05:30:00.000+05:30")")
                                .set("updatedAt", R"("2023-12-31T23:00:01.000000000-01:00")")
                                .str();
  CHECK(expect_valid(times) == base);
  const auto frac_a = expect_valid(job_doc().set("updatedAt", R"("2024-01-01T00:00:01.5Z")").str());
  const auto frac_b = expect_valid(job_doc().set("updatedAt", R"("2024-01-01T00:00:01.500000000Z")").str());
  CHECK(frac_a == frac_b);
  CHECK(frac_a.ingestionJob.updatedAt.nanoseconds() == 500000000);
  // escapes that stand for the same characters: \/ and /, \u0022 and \"
  using VE = ValidationException;
  CHECK(expect_valid<VE>(R"({"message":"a\/b \u0022q\u0022"})") == expect_valid<VE>(R"({"message":"a/b \"q\""})"));
}

TEST_CASE("json: a member name twice is found however it is spelled") {
  const std::string doc = R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
                          R"("ingestionJobId":"IJ12345678","status":"STOPPED","\u0073tatus":"STOPPED",)"
                          R"("startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01Z"}})";
  const auto d = expect_only(doc, rules::json_duplicate_member, "/ingestionJob/status");
  CHECK(d.offset == doc.find(R"("\u0073tatus")"));
  expect_only(doc, rules::json_duplicate_member, "/ingestionJob/status", parse_options::client());
  expect_only<ValidationException>(R"({"fieldList":[{"name":"a","message":"b","name":"c"}]})",
                                   rules::json_duplicate_member, "/fieldList/0/name");
  // Escaped first, plain second, and the other way round: a name matched raw (and read at its
  // match) and a name matched after decoding share one record of the members seen.
  CHECK(expect_only<ValidationException>(R"({"\u006dessage":"a","message":"b"})", rules::json_duplicate_member,
                                         "/message")
            .offset == 20);
  CHECK(expect_only<ValidationException>(R"({"message":"a","\u006dessage":"b"})", rules::json_duplicate_member,
                                         "/message")
            .offset == 15);
  // An escaped key alone is that member, read like any other.
  CHECK(expect_valid<ValidationException>(R"({"\u006dessage":"a"})").message == "a");
}

// ---- writing ------------------------------------------------------------------------------

TEST_CASE("json: parse(to_json(x)) == x for every shape") {
  StopIngestionJobRequest request{Id("KB12345678"), Id("DS12345678"), Id("IJ12345678")};
  CHECK(parse<StopIngestionJobRequest>(to_json(request)).value() == request);
  const StopIngestionJobResponse response = full_response();
  const auto back = parse<StopIngestionJobResponse>(to_json(response));
  REQUIRE_MESSAGE(back.ok(), to_string(back.error()));
  CHECK(back.value() == response);
  const auto round = [](const auto& value) {
    using T = std::decay_t<decltype(value)>;
    const auto parsed = parse<T>(to_json(value));
    REQUIRE_MESSAGE(parsed.ok(), to_string(parsed.error()));
    CHECK(parsed.value() == value);
  };
  round(ThrottlingException{NonBlankString("slow down")});
  round(AccessDeniedException{NonBlankString("no")});
  round(InternalServerException{NonBlankString("oops \xE2\x80\xA8")});
  round(ResourceNotFoundException{NonBlankString("gone")});
  round(ConflictException{NonBlankString("busy")});
  round(ConflictException{});
  round(ValidationException{NonBlankString("bad"),
                            ValidationExceptionFieldList{{NonBlankString("knowledgeBaseId"), NonBlankString("too short")},
                                                         {NonBlankString("a"), NonBlankString("\x7f")}}});
  round(ValidationException{std::nullopt, ValidationExceptionFieldList{}});
}

TEST_CASE("json: to_json writes the canonical form") {
  CHECK(to_json(StopIngestionJobRequest{Id("KB12345678"), Id("DS12345678"), Id("IJ12345678")}) ==
        R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})");
  // whitespace gone, members in model order, escapes decoded where not needed, timestamps in
  // UTC with the shortest exact fraction, every counter written
  const std::string messy =
      "{ \"ingestionJob\" : { \"updatedAt\" : \"2024-01-01T01:00:01.250000+01:00\",\n"
      "  \"failureReasons\" : [ \"\\u0061\" ], \"statistics\" : { \"numberOfDocumentsFailed\" : 2 },\n"
      "  \"status\" : \"STOPPED\", \"startedAt\" : \"2024-01-01T00:00:00.000Z\", \"ingestionJobId\":\"IJ12345678\",\n"
      "  \"description\" : \"\\/\\u00e9\", \"dataSourceId\" : \"DS12345678\", \"knowledgeBaseId\" : \"KB12345678\" } }";
  CHECK(to_json(expect_valid(messy)) ==
        R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
        "\"description\":\"/\xC3\xA9\",\"status\":\"STOPPED\","
        R"("statistics":{"numberOfDocumentsScanned":0,"numberOfMetadataDocumentsScanned":0,"numberOfNewDocumentsIndexed":0,)"
        R"("numberOfModifiedDocumentsIndexed":0,"numberOfMetadataDocumentsModified":0,"numberOfDocumentsDeleted":0,)"
        R"("numberOfDocumentsFailed":2,"numberOfDocumentsSkipped":0},"failureReasons":["a"],)"
        R"("startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01.25Z"}})");
  CHECK(to_json(ValidationException{}) == "{}");
  CHECK(to_json(ValidationException{std::nullopt, ValidationExceptionFieldList{}}) == R"({"fieldList":[]})");
  CHECK(to_json(ValidationException{NonBlankString("m"), ValidationExceptionFieldList{{NonBlankString("n"), NonBlankString("q")}}}) ==
        R"({"message":"m","fieldList":[{"name":"n","message":"q"}]})");
  // canonical text is a fixed point
  const std::string canonical = to_json(full_response());
  CHECK(to_json(expect_valid(canonical)) == canonical);
  std::string appended = "prefix:";
  append_json(appended, ConflictException{NonBlankString("c")});
  CHECK(appended == R"(prefix:{"message":"c"})");
}

TEST_CASE("json: strings that need escapes are written as JSON requires, and read back") {
  const auto written = [](const std::string& s) { return to_json(ThrottlingException{NonBlankString(s)}); };
  CHECK(written("q\"b\\s") == R"({"message":"q\"b\\s"})");
  CHECK(written("\b\f\n\r\t") == R"({"message":"\b\f\n\r\t"})");
  CHECK(written(std::string("\x00\x01\x1f", 3)) == R"({"message":"\u0000\u0001\u001f"})");
  // U+2028, U+2029 and DEL are valid in JSON strings: written as they are
  CHECK(written("\xE2\x80\xA8\xE2\x80\xA9\x7f") == "{\"message\":\"\xE2\x80\xA8\xE2\x80\xA9\x7f\"}");
  CHECK(written("/") == R"({"message":"/"})");
  for (const std::string& s : {std::string("q\"b\\s"), std::string("\b\f\n\r\t"), std::string("\x00\x01\x1f", 3),
                              std::string("\xE2\x80\xA8\x7f"), smile}) {
    const auto back = parse<ThrottlingException>(written(s));
    REQUIRE(back.ok());
    CHECK(*back->message == s);
  }
}

// ---- check_value ----------------------------------------------------------------------------

TEST_CASE("json: check_value reports the rules and pointers of a value built in code") {
  CHECK(check_value(full_response()).diagnostics().empty());
  StopIngestionJobResponse r = full_response();
  r.ingestionJob.knowledgeBaseId = "KB-1";
  r.ingestionJob.description = Description(repeat(smile, 201));
  r.ingestionJob.statistics->numberOfDocumentsDeleted = -1;
  r.ingestionJob.failureReasons->push_back(FailureReason(repeat("x", 2049)));
  r.ingestionJob.failureReasons->insert(r.ingestionJob.failureReasons->end(), 2045, FailureReason("r"));
  r.ingestionJob.status = enum_value<IngestionJobStatus>::unknown("PAUSED");
  r.ingestionJob.dataSourceId = "DS1234567\xFF";
  const auto report = check_value(r);
  CHECK(rules_at(report.diagnostics()) ==
        std::set<std::pair<rule, std::string>>{
            {rules::constraint_pattern, "/ingestionJob/knowledgeBaseId"},
            {rules::json_invalid_utf8, "/ingestionJob/dataSourceId"},
            {rules::constraint_length, "/ingestionJob/description"},
            {rules::constraint_enum, "/ingestionJob/status"},
            {rules::semantic_negative_counter, "/ingestionJob/statistics/numberOfDocumentsDeleted"},
            {rules::constraint_list_length, "/ingestionJob/failureReasons"},
            {rules::constraint_length, "/ingestionJob/failureReasons/3"}});
  CHECK(report.error_count() == 7);
  for (const auto& d : report.diagnostics()) {
    CHECK(d.offset == 0);
    CHECK(d.line == 0);
    CHECK(d.column == 0);
  }
  // the client profile makes the constraint findings warnings
  const auto lenient = check_value(r, parse_options::client());
  CHECK(lenient.error_count() == 1);  // the bytes that are not UTF-8 stay an error
  CHECK(lenient.warning_count() == 6);
  // NonBlankString and the exceptions
  const auto field = check_value(ValidationException{
      std::nullopt, ValidationExceptionFieldList{{NonBlankString(""), NonBlankString("m")}}});
  REQUIRE(field.diagnostics().size() == 1);
  CHECK(field.diagnostics()[0].id == rules::constraint_pattern);
  CHECK(field.diagnostics()[0].pointer == "/fieldList/0/name");
  CHECK(check_value(StopIngestionJobRequest{}).error_count() == 3);  // three empty Ids
}

// ---- text form, allocation, docs ---------------------------------------------------------------

TEST_CASE("json: a diagnostic carries rule, severity, pointer, position, expected, found and message") {
  const std::string doc = job_doc().set("status", R"("Stopped")").str();
  const auto d = expect_only(doc, rules::constraint_enum, "/ingestionJob/status");
  CHECK(d.level == severity::error);
  CHECK(d.offset == doc.find("\"Stopped\""));
  CHECK(d.line == 1);
  CHECK(d.column == d.offset + 1);
  CHECK(d.expected == "one of STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED");
  CHECK(d.found == "\"Stopped\"");
  CHECK(to_string(d) == "1:" + std::to_string(d.column) +
                            ": error[constraint.enum]: \"Stopped\" is not a known value (one of STARTING, "
                            "IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED; case matters) (at /ingestionJob/status)");
  // found is an escaped excerpt, cut
  const auto long_id = expect_only(job_doc().set("dataSourceId", quoted(repeat("\\n", 100))).str(),
                                   rules::constraint_pattern, "/ingestionJob/dataSourceId");
  CHECK(long_id.found.size() < 100);
  CHECK(long_id.found.find("\\n...") != std::string::npos);
  CHECK(long_id.found.find('\n') == std::string::npos);
}

TEST_CASE("json: parsing into a warm target does not allocate") {
#if BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS
  const std::string doc = job_doc()
                              .set("description", R"("caf\u00e9: a description longer than a small string")")
                              .set("statistics", R"({"numberOfDocumentsScanned":12,"numberOfDocumentsFailed":1})")
                              .set("failureReasons", R"(["a reason longer than fifteen bytes","b"])")
                              .set("futureMember", R"({"k":[1,2.5,"a string that needs no decoding",null,true]})")
                              .str();
  StopIngestionJobResponse target;
  REQUIRE(parse_into(doc, target, parse_options::client()));  // warms the parser, buffer, target
  allocations = 0;
  counting_allocations = true;
  const auto first = parse_into(doc, target, parse_options::client());
  const auto second = parse_into(doc, target, parse_options::client());
  const auto report = validate<ThrottlingException>(R"({"message":"short"})");
  counting_allocations = false;
  CHECK(first.ok());
  CHECK(second.ok());
  CHECK(report.ok());
  CHECK(allocations == 0);
  // the counter does count: a string too long for the small-string buffer is one allocation
  counting_allocations = true;
  const std::string control(100, 'x');
  counting_allocations = false;
  CHECK(control.size() == 100);
  CHECK(allocations == 1);
#else
  MESSAGE("allocation counting is off under AddressSanitizer");
#endif
}

namespace {
std::string rules_md() {
  std::ifstream f(BEDROCK_AGENT_TEST_DATA_DIR "/../../docs/rules.md", std::ios::binary);
  REQUIRE(f);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

/// The text between `open` and the next `close` after position `from`; npos-safe.
std::string between(const std::string& text, std::size_t from, const std::string& open, const std::string& close,
                    std::size_t* end = nullptr) {
  const std::size_t a = text.find(open, from);
  if (a == std::string::npos) return {};
  const std::size_t b = text.find(close, a + open.size());
  if (b == std::string::npos) return {};
  if (end) *end = b + close.size();
  return text.substr(a + open.size(), b - a - open.size());
}

template <class T>
result<void> validate_as(const std::string& doc, const parse_options& o) {
  return validate<T>(doc, o);
}
}  // namespace

TEST_CASE("json: docs/rules.md documents every rule id") {
  const std::string text = rules_md();
  for (rule r : registered_rules()) {
    const auto& info = rule_info(r);
    if (info.id.substr(0, 5) == "test.") continue;  // tests/rules_test.cpp's own module
    CHECK_MESSAGE(text.find("`" + std::string(info.id) + "`") != std::string::npos, info.id);
  }
}

TEST_CASE("json: the table of docs/rules.md says what rule_info and rule_can_be_disabled say") {
  const std::string text = rules_md();
  for (rule r : registered_rules()) {
    const auto& info = rule_info(r);
    if (info.id.substr(0, 5) == "test.") continue;  // tests/rules_test.cpp's own module
    const std::string row = std::string("| `") + std::string(info.id) + "` | " + std::string(to_string(info.level)) +
                            " | " + (info.fatal ? "yes" : "no") + " | " + (rule_can_be_disabled(r) ? "no" : "yes") +
                            " | " + std::string(to_string(info.source)) + " | " + std::string(info.summary) + " |\n";
    CHECK_MESSAGE(text.find(row) != std::string::npos, row);
  }
}

TEST_CASE("json: the examples of docs/rules.md give the diagnostics it shows") {
  // Each "### `rule`" section may hold: "Example, read as `Shape` with the PROFILE profile[ and
  // OPTION = N]:", a ```json block, and "Diagnostic: `TEXT`". The document, read so, must give
  // a diagnostic of that rule whose text form is TEXT.
  const std::string text = rules_md();
  std::size_t checked = 0;
  for (std::size_t pos = text.find("\n### `"); pos != std::string::npos; pos = text.find("\n### `", pos + 1)) {
    const std::size_t next = text.find("\n### `", pos + 1);
    const std::string section = text.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    const std::string id = between(section, 0, "### `", "`");
    const std::size_t example = section.find("Example, read as `");
    if (example == std::string::npos) continue;
    const std::string shape = between(section, example, "Example, read as `", "`");
    const std::string how = between(section, example, "` with the ", ":\n");
    const std::string doc = between(section, example, "```json\n", "\n```");
    const std::string shown = between(section, example, "\nDiagnostic: `", "`\n");
    INFO("rule ", id);
    REQUIRE(!doc.empty());
    REQUIRE(!shown.empty());
    parse_options o = how.compare(0, 14, "client profile") == 0 ? parse_options::client() : parse_options::contract();
    CHECK((how.compare(0, 14, "client profile") == 0 || how.compare(0, 16, "contract profile") == 0));
    const auto number_after = [&](const std::string& key) -> std::size_t {
      const std::size_t k = how.find(key + " = ");
      return k == std::string::npos ? 0 : std::stoul(how.substr(k + key.size() + 3));
    };
    if (number_after("max_depth")) o.max_depth = number_after("max_depth");
    if (number_after("max_input_bytes")) o.max_input_bytes = number_after("max_input_bytes");
    if (number_after("max_diagnostics")) o.max_diagnostics = number_after("max_diagnostics");
    result<void> report;
    if (shape == "StopIngestionJobResponse") report = validate_as<StopIngestionJobResponse>(doc, o);
    else if (shape == "StopIngestionJobRequest") report = validate_as<StopIngestionJobRequest>(doc, o);
    else if (shape == "ListIngestionJobsRequest") report = validate_as<ListIngestionJobsRequest>(doc, o);
    else if (shape == "ValidationException") report = validate_as<ValidationException>(doc, o);
    else if (shape == "ThrottlingException") report = validate_as<ThrottlingException>(doc, o);
    else FAIL("unknown shape ", shape);
    const bool found = std::any_of(report.diagnostics().begin(), report.diagnostics().end(), [&](const diagnostic& d) {
      return rule_id(d.id) == id && to_string(d) == shown;
    });
    CHECK_MESSAGE(found, "shown: ", shown, listing(report.diagnostics()));
    ++checked;
  }
  CHECK(checked == 24);  // every codec rule but json.utf8 and constraint.list-length, checked below
  const auto utf8 = validate<ValidationException>("{\"message\":\"caf\xE9\"}");
  REQUIRE(utf8.diagnostics().size() == 1);
  const std::string utf8_text = to_string(utf8.diagnostics()[0]);
  CHECK(text.find("`" + utf8_text + "`") != std::string::npos);
  const auto list = validate<StopIngestionJobResponse>(job_doc().set("failureReasons", string_array(2049)).str());
  REQUIRE(list.diagnostics().size() == 1);
  CHECK(text.find("`error[constraint.list-length]: " + list.diagnostics()[0].message + "`") != std::string::npos);
}

namespace {
/// The escaper as RFC 8259 and the canonical form say, one byte at a time: the reference that
/// the word-at-a-time append_json_string must equal.
std::string reference_json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}
}  // namespace

TEST_CASE("json: append_json_string equals a byte-by-byte escaper (every byte at every position)") {
  std::size_t checked = 0;
  for (std::size_t len : {1u, 7u, 8u, 9u, 15u, 16u, 17u, 20u}) {
    for (std::size_t pos = 0; pos < len; ++pos) {
      for (int b = 0; b < 256; ++b) {
        std::string s(len, 'a');
        s[pos] = static_cast<char>(b);
        std::string out = "x";  // appends after what is there
        detail::append_json_string(out, s);
        REQUIRE_MESSAGE(out == "x" + reference_json_string(s), "byte ", b, " at ", pos, " of ", len);
        ++checked;
      }
    }
  }
  // mixed strings: runs of plain bytes between several escapes, non-ASCII, U+2028 (kept raw)
  std::uint64_t state = 42;
  const std::string alphabet = std::string("ab\"\\\n\x01\x1f\x7f", 8) + "\xC3\xA9\xE2\x80\xA8 ";
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    state = state * 6364136223846793005u + 1442695040888963407u;
    const std::size_t len = (state >> 33) % 70;
    for (std::size_t i = 0; i < len; ++i) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      s += alphabet[(state >> 33) % alphabet.size()];
    }
    std::string out;
    detail::append_json_string(out, s);
    REQUIRE(out == reference_json_string(s));
    ++checked;
  }
  CHECK(checked == 20000 + 256 * (1 + 7 + 8 + 9 + 15 + 16 + 17 + 20));
}

TEST_CASE("json: plain_string_token equals a byte-by-byte scan (every byte class at every position)") {
  // The scan reads whole words, its last one past the closing quote: what follows the token
  // (here backslashes and continuation bytes, then the padding) must change nothing.
  const auto reference = [](std::string_view content, std::string_view& out, std::size_t& code_points) {
    if (content.find('\\') != std::string_view::npos) return false;
    out = content;
    code_points = static_cast<std::size_t>(
        std::count_if(content.begin(), content.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return true;
  };
  std::size_t checked = 0;
  for (std::size_t len = 0; len <= 40; ++len) {
    for (std::size_t pos = 0; pos <= len; ++pos) {
      for (const std::string_view put : {"a", "\\", "\xC3\xA9", "\xE2\x80\xA8", "\x7F"}) {
        std::string content(len, 'a');
        if (pos < len) content.replace(pos, 1, put);
        for (const std::string_view whitespace : {"", " \n"}) {  // a token ends at the next structural character
          const std::string token = "\"" + content + "\"" + std::string(whitespace);
          const simdjson::padded_string buffer(token + ",\\\x80\x80\\\\\x80\\\\\\\\\x80\\\x80\\");
          std::string_view got, want;
          std::size_t got_cp = 0, want_cp = 0;
          const bool ok = detail::plain_string_token(std::string_view(buffer.data(), token.size()), got, got_cp);
          REQUIRE_MESSAGE(ok == reference(content, want, want_cp), "length ", len, " position ", pos);
          if (ok) {
            REQUIRE(got == want);
            REQUIRE(got_cp == want_cp);
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 2 * 5 * (41 * 42 / 2));  // lengths 0..40, positions 0..length
}

TEST_CASE("json: all_ascii_alnum equals in_charset (every byte at every position)") {
  std::size_t checked = 0;
  for (std::size_t len = 1; len <= 25; ++len) {
    for (std::size_t pos = 0; pos < len; ++pos) {
      for (int b = 0; b < 256; ++b) {
        std::string s(len, 'Z');
        s[pos] = static_cast<char>(b);
        const bool want = in_charset(charset::ascii_alnum, static_cast<unsigned char>(b));
        REQUIRE_MESSAGE(detail::all_ascii_alnum(s) == want, "byte ", b, " at ", pos, " of ", len);
        ++checked;
      }
    }
  }
  CHECK(detail::all_ascii_alnum(""));
  CHECK(detail::all_ascii_alnum("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  CHECK(checked == 256 * 25 * 26 / 2);
}

TEST_CASE("json: an Id is checked the same on the common path and the long way") {
  // Each edge of [0-9a-zA-Z] at each position, in a plain string (read whole, eight bytes at a
  // time) and spelled with an escape (decoded, then checked byte by byte): same verdict.
  for (std::size_t pos = 0; pos < 10; ++pos) {
    for (const char c : std::string("/0:9@AZ[`az{~ -_.")) {
      std::string id = "A1b2C3d4E5";
      id[pos] = c;
      const bool alnum = in_charset(charset::ascii_alnum, static_cast<unsigned char>(c));
      const std::string tail = R"(","knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","status":"STOPPED",)"
                               R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:27:53Z"}})";
      const std::string plain = R"({"ingestionJob":{"ingestionJobId":")" + id + tail;
      std::string escaped_id = id;
      escaped_id.replace(pos, 1, "\\u00" + std::string(1, "0123456789abcdef"[(c >> 4) & 15]) +
                                     std::string(1, "0123456789abcdef"[c & 15]));
      const std::string escaped = R"({"ingestionJob":{"ingestionJobId":")" + escaped_id + tail;
      for (const std::string& doc : {plain, escaped}) {
        const auto r = parse<StopIngestionJobResponse>(doc);
        REQUIRE_MESSAGE(static_cast<bool>(r) == alnum, doc);
        if (r) {
          CHECK(r.value().ingestionJob.ingestionJobId == id);
        } else {
          CHECK(r.error().id == rules::constraint_pattern);
          CHECK(r.error().pointer == "/ingestionJob/ingestionJobId");
        }
      }
    }
  }
}

// ---- reading into the caller's report and value ---------------------------------------------

TEST_CASE("json: validate_into reports what validate reports and keeps the value of a valid document") {
  const std::vector<std::string> docs = {
      job_doc().set("description", R"("a description")").set("failureReasons", R"(["a","b"])").str(),
      job_doc().str(),
      job_doc().set("status", R"("stopped")").set("bogus", "1").erase("dataSourceId").str(),
      job_doc().set("failureReasons", R"(["only"])").str(),
      R"({"ingestionJob":)",
      job_doc().set("statistics", R"({"numberOfDocumentsScanned":-3})").str(),
      job_doc().set("description", R"("again")").str(),
  };
  for (const parse_options& options : {parse_options::contract(), parse_options::client()}) {
    simdjson::ondemand::parser parser;
    result<void> report;
    StopIngestionJobResponse value;
    for (const std::string& doc : docs) {
      CAPTURE(doc);
      const auto want = validate<StopIngestionJobResponse>(doc, options);
      const simdjson::padded_string padded(doc);
      const bool ok = validate_into(parser, simdjson::padded_string_view(padded), value, report, options);
      CHECK(ok == want.ok());
      CHECK(report.error_count() == want.error_count());
      CHECK(report.warning_count() == want.warning_count());
      REQUIRE(report.diagnostics().size() == want.diagnostics().size());
      for (std::size_t i = 0; i < want.diagnostics().size(); ++i)
        CHECK(to_string(report.diagnostics()[i]) == to_string(want.diagnostics()[i]));
      if (ok) {  // the reused value is exactly what a fresh parse gives
        const auto fresh = parse<StopIngestionJobResponse>(doc, options);
        REQUIRE(fresh.ok());
        CHECK(to_json(value) == to_json(fresh.value()));
      }
      // the string_view overload (a padded copy) agrees
      StopIngestionJobResponse other;
      result<void> copy_report;
      CHECK(validate_into(std::string_view(doc), other, copy_report, options) == ok);
      CHECK(copy_report.diagnostics().size() == report.diagnostics().size());
    }
  }
}

TEST_CASE("json: validate_into with a warm parser, report and value does not allocate") {
#if BEDROCK_AGENT_JSON_TEST_COUNTS_ALLOCATIONS
  static constexpr std::string_view wrapper[] = {"ResponseMetadata"};
  parse_options options;
  options.protocol_members = wrapper;
  const std::string body = job_doc()
                               .set("description", R"("a description longer than a small string")")
                               .set("failureReasons", R"(["a reason longer than fifteen bytes","b"])")
                               .str();
  const std::string doc = body.substr(0, body.size() - 1) + R"(,"ResponseMetadata":{"RequestId":"r-1"}})";
  simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(doc);
  StopIngestionJobResponse value;
  result<void> report;
  REQUIRE(validate_into(parser, simdjson::padded_string_view(padded), value, report, options));  // warms them
  allocations = 0;
  counting_allocations = true;
  const bool first = validate_into(parser, simdjson::padded_string_view(padded), value, report, options);
  const bool second = validate_into(parser, simdjson::padded_string_view(padded), value, report, options);
  counting_allocations = false;
  CHECK(first);
  CHECK(second);
  CHECK(allocations == 0);
#else
  MESSAGE("allocation counting is off under AddressSanitizer");
#endif
}

TEST_CASE("json: protocol_members exempts the root's wrapper members from shape.unknown-member") {
  static constexpr std::string_view wrapper[] = {"ResponseMetadata", "Error"};
  parse_options options;
  options.protocol_members = wrapper;
  CHECK(options.protocol_members.contains("Error"));
  CHECK_FALSE(options.protocol_members.contains("error"));
  const std::string body = job_doc().str();
  const std::string meta = R"({"HTTPStatusCode":200,"HTTPHeaders":{"a":"b"},"RetryAttempts":0})";
  const std::string wrapped = body.substr(0, body.size() - 1) + R"(,"ResponseMetadata":)" + meta + "}";
  CHECK_FALSE(validate<StopIngestionJobResponse>(wrapped).ok());
  CHECK(validate<StopIngestionJobResponse>(wrapped, options).ok());
  // matched after unescaping, the same as a plain key
  std::string escaped = wrapped;
  escaped.replace(escaped.find("\"ResponseMetadata\""), 18, R"("Response\u004detadata")");
  CHECK(validate<StopIngestionJobResponse>(escaped, options).ok());
  // the value is still checked to be JSON
  std::string broken = wrapped;
  broken.replace(broken.find("\"RetryAttempts\":0"), 17, "\"RetryAttempts\":01");
  const auto bad = validate<StopIngestionJobResponse>(broken, options);
  REQUIRE(bad.diagnostics().size() == 1);
  CHECK(bad.diagnostics()[0].id == rules::json_invalid_number);
  // only at the root: the same name inside the job is an unknown member
  const std::string nested = job_doc().set("ResponseMetadata", "{}").str();
  const auto inner = validate<StopIngestionJobResponse>(nested, options);
  REQUIRE(inner.diagnostics().size() == 1);
  CHECK(inner.diagnostics()[0].id == rules::shape_unknown_member);
  CHECK(inner.diagnostics()[0].pointer == "/ingestionJob/ResponseMetadata");
  // other unknown root members are still reported, and the fail-fast parse agrees
  const std::string other = wrapped.substr(0, wrapped.size() - 1) + R"(,"Other":1})";
  const auto rest = validate<StopIngestionJobResponse>(other, options);
  REQUIRE(rest.diagnostics().size() == 1);
  CHECK(rest.diagnostics()[0].pointer == "/Other");
  CHECK(parse<StopIngestionJobResponse>(wrapped, options).ok());
  CHECK_FALSE(parse<StopIngestionJobResponse>(other, options).ok());
}

TEST_CASE("json: the public append_json_string and excerpt are the ones the diagnostics use") {
  std::string out = "x";
  append_json_string(out, std::string_view("a\"b\\c\n\x01\xC3\xA9", 9));
  CHECK(out == "x\"a\\\"b\\\\c\\n\\u0001\xC3\xA9\"");
  CHECK(excerpt("caf\xC3\xA9\t\x7F\xFF") == "caf\xC3\xA9\\t\\x7f\\xff");
  CHECK(excerpt(std::string(50, 'a')) == std::string(40, 'a') + "...");
  CHECK(excerpt("abcdef", 3) == "abc...");
}
