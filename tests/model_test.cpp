// The shapes generated for StartIngestionJob, GetIngestionJob and ListIngestionJobs: the new
// leaves (MaxResults, ClientToken, NextToken, IngestionJobFilterValue) at and just outside
// their bounds, with the rule, pointer and message; a round trip of each new structure; the
// member whose wire name is a C++ keyword; the operation descriptors.
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/regex_pattern.hpp>  // detail::regex_full_match, the reference for ClientToken's form
#include <bedrock_agent/model/shapes.hpp>

#include <doctest/doctest.h>

#include <boost/mp11/algorithm.hpp>

#include <string>
#include <type_traits>
#include <vector>

using namespace bedrock_agent;

namespace {

ListIngestionJobsRequest list_request() {
  ListIngestionJobsRequest r;
  r.knowledgeBaseId = "KB12345678";
  r.dataSourceId = "DS12345678";
  return r;
}

/** The first diagnostic of check_value(v), as "rule|pointer|message"; "ok" when none. */
template <class T>
std::string first_finding(const T& v) {
  const result<void> report = check_value(v);
  if (report.diagnostics().empty()) return "ok";
  const diagnostic& d = report.diagnostics().front();
  return std::string(rule_id(d.id)) + "|" + d.pointer + "|" + d.message;
}

/** The error of parse<T>(json), as "line:column rule|pointer|message"; "ok" when none. */
template <class T>
std::string parse_error(const std::string& json) {
  const result<T> r = parse<T>(json);
  if (r.ok()) return "ok";
  const diagnostic& d = r.error();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + " " + std::string(rule_id(d.id)) + "|" + d.pointer +
         "|" + d.message;
}

std::string list_with(const std::string& member) {
  return R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)" + member + "}";
}

IngestionJobSummary summary() {
  IngestionJobSummary s;
  s.knowledgeBaseId = "KB12345678";
  s.dataSourceId = "DS12345678";
  s.ingestionJobId = "IJ12345678";
  s.status = IngestionJobStatus::COMPLETE;
  s.startedAt = *timestamp::from_parts(1773480413, 589793000);
  s.updatedAt = *timestamp::from_parts(1773480513, 0);
  return s;
}

template <class T>
void check_round_trip(const T& x) {
  const std::string json = to_json(x);
  INFO(json);
  CHECK(first_finding(x) == "ok");
  const result<T> r = parse<T>(json);
  REQUIRE(r.ok());
  CHECK(r.value() == x);
  CHECK(to_json(r.value()) == json);
}

}  // namespace

TEST_CASE("model: MaxResults is an integer 1..1000; outside is constraint.range") {
  static_assert(is_integer_shape_v<MaxResults> && constraints_of_v<MaxResults>.min == 1 &&
                constraints_of_v<MaxResults>.max == 1000);
  static_assert(std::is_same<decltype(ListIngestionJobsRequest::maxResults), std::optional<MaxResults>>::value,
                "boxed: the member may be absent");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":1)")) == "ok");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":1000)")) == "ok");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":0)")) ==
        "1:74 constraint.range|/maxResults|MaxResults must be 1..1000; this one is 0");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":1001)")) ==
        "1:74 constraint.range|/maxResults|MaxResults must be 1..1000; this one is 1001");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":-1)")) ==
        "1:74 constraint.range|/maxResults|MaxResults must be 1..1000; this one is -1");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":10.0)")) ==
        "1:74 long.not-integer|/maxResults|MaxResults takes an integer literal; '10.0' has a fraction or an exponent");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":2147483648)")) ==
        "1:74 long.out-of-range|/maxResults|'2147483648' is outside MaxResults's signed 32-bit range");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("maxResults":"10")")) ==
        "1:74 shape.wrong-type|/maxResults|expected an integer (MaxResults), found a string: a number in quotes is a string");
  ListIngestionJobsRequest r = list_request();
  r.maxResults = 1000;
  CHECK(first_finding(r) == "ok");
  r.maxResults = 1001;
  CHECK(first_finding(r) == "constraint.range|/maxResults|MaxResults must be 1..1000; this one is 1001");
  r.maxResults = 0;
  CHECK(first_finding(r) == "constraint.range|/maxResults|MaxResults must be 1..1000; this one is 0");
}

TEST_CASE("model: constraint.range is a constraint: lowered by the client profile, kept when disabled") {
  const result<ListIngestionJobsRequest> lowered =
      parse<ListIngestionJobsRequest>(list_with(R"("maxResults":5000)"), parse_options::client());
  REQUIRE(lowered.ok());
  CHECK(lowered.value().maxResults == MaxResults(5000));
  REQUIRE(lowered.diagnostics().size() == 1);
  CHECK(lowered.diagnostics()[0].id == rules::constraint_range);
  parse_options quiet;
  quiet.disabled.insert(rules::constraint_range);
  const result<ListIngestionJobsRequest> kept = parse<ListIngestionJobsRequest>(list_with(R"("maxResults":0)"), quiet);
  REQUIRE(kept.ok());
  CHECK(kept.value().maxResults == MaxResults(0));
  CHECK(rule_can_be_disabled(rules::constraint_range));
  rule found;
  CHECK((rule_from_id("constraint.range", found) && found == rules::constraint_range));
}

TEST_CASE("model: ClientToken's pattern is known as joined runs, and matching that form agrees with Boost.Regex") {
  constexpr string_pattern p = constraints_of_v<ClientToken>.pattern;
  static_assert(p.regex && p.form.chars == charset::ascii_alnum && p.form.separator == '-' && p.form.max_joins == 256);
  // every string of up to 6 characters over letters, digits, the separator, another ASCII
  // mark, a space and a two-byte letter, then long ones around the count of 257 members
  const std::string_view pieces[] = {"a", "Z", "7", "-", "_", " ", "\xC3\xA9"};
  std::vector<std::string> all{""};
  std::size_t compared = 0, matched = 0;
  const auto compare = [&](const std::string& s) {
    const bool by_regex = detail::regex_full_match<ClientToken>(s);
    CHECK_MESSAGE(detail::string_pattern_ok<ClientToken>(s, s.size()) == by_regex, s);
    ++compared;
    matched += by_regex;
  };
  for (std::size_t round = 0; round < 6; ++round) {
    std::vector<std::string> longer;
    for (const std::string& s : all)
      for (std::string_view c : pieces) longer.push_back(s + std::string(c));
    for (const std::string& s : longer) compare(s);
    all = std::move(longer);
  }
  for (const std::size_t members : {256, 257, 258}) {
    std::string run(members, 'a');
    compare(run);
    for (std::size_t at = 1; at < members; at += 7) run.insert(at, at % 3 ? "-" : "--");
    compare(run);
    compare(run + "-");
  }
  CHECK(compared == 137256 + 9);
  CHECK(matched > 1000);  // both sides of the answer were exercised
}

TEST_CASE("model: ClientToken is 33..256 characters matching its pattern") {
  static_assert(constraints_of_v<ClientToken>.pattern.regex);
  static_assert(constraints_of_v<ClientToken>.min_length == 33 && constraints_of_v<ClientToken>.max_length == 256);
  const std::string pad(32, 'x');  // 32 + the 3 characters below: within 33..256
  StartIngestionJobRequest r{"KB12345678", "DS12345678", std::nullopt, std::nullopt};
  for (const char* good : {"a-b", "a--b", "abc", "0-9"}) {
    r.clientToken = pad + good;
    CHECK_MESSAGE(first_finding(r) == "ok", good);
    r.clientToken = std::string(good) + pad;
    CHECK_MESSAGE(first_finding(r) == "ok", good);
  }
  for (const char* bad : {"-a", "a-", "a_b"}) {
    const std::string token = std::string(bad) == "a-" ? pad + bad : std::string(bad) + pad;
    r.clientToken = token;
    CHECK_MESSAGE(first_finding(r) == "constraint.pattern|/clientToken|ClientToken must match "
                                      "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$; \"" +
                                          token + "\" does not",
                  bad);
  }
  r.clientToken = std::string(33, 'a');
  CHECK(first_finding(r) == "ok");
  r.clientToken = std::string(256, 'a');
  CHECK(first_finding(r) == "ok");
  r.clientToken = std::string(32, 'a');
  CHECK(first_finding(r) == "constraint.length|/clientToken|ClientToken must be 33..256 code points long; this one has 32");
  r.clientToken = std::string(257, 'a');
  CHECK(first_finding(r) == "constraint.length|/clientToken|ClientToken must be 33..256 code points long; this one has 257");
  r.clientToken = pad + "-\xC3\xA9";  // a letter, but not an ASCII one
  CHECK(first_finding(r).substr(0, 31) == "constraint.pattern|/clientToken");
  // read from JSON too, with the offset of the value
  CHECK(parse_error<StartIngestionJobRequest>(R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","clientToken":")" +
                                              pad + R"(a_b"})") ==
        "1:75 constraint.pattern|/clientToken|ClientToken must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$; \"" +
            pad + "a_b\" does not");
  // a 36-character UUID, what SDKs generate for a missing token
  CHECK(parse_error<StartIngestionJobRequest>(
            R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","clientToken":"0f8fad5b-d9cb-469f-a165-70867728950e"})") ==
        "ok");
}

TEST_CASE("model: NextToken is 1..2048 characters of \\S; IngestionJobFilterValue 0..100 of .") {
  static_assert(constraints_of_v<NextToken>.pattern.chars == charset::non_space);
  static_assert(constraints_of_v<IngestionJobFilterValue>.pattern.chars == charset::no_line_terminator);
  ListIngestionJobsRequest r = list_request();
  r.nextToken = "x";
  CHECK(first_finding(r) == "ok");
  r.nextToken = std::string(2048, 'x');
  CHECK(first_finding(r) == "ok");
  r.nextToken = "";
  CHECK(first_finding(r) == "constraint.length|/nextToken|NextToken must be 1..2048 code points long; this one has 0");
  r.nextToken = std::string(2049, 'x');
  CHECK(first_finding(r) == "constraint.length|/nextToken|NextToken must be 1..2048 code points long; this one has 2049");
  for (const char* bad : {"a b", "a\tb", "\xC2\xA0", "\xE2\x80\xA8", "\xEF\xBB\xBF"}) {
    r.nextToken = bad;
    CHECK_MESSAGE(first_finding(r).substr(0, 29) == "constraint.pattern|/nextToken", bad);
  }
  r.nextToken = "caf\xC3\xA9/+=";  // any other character is \S
  CHECK(first_finding(r) == "ok");
  CHECK(parse_error<ListIngestionJobsRequest>(list_with(R"("nextToken":"a\u0020b")")) ==
        "1:73 constraint.pattern|/nextToken|NextToken must match ^\\S*$; \"a b\" does not");

  r = list_request();
  r.filters = IngestionJobFilters{{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ, {}}};
  CHECK(first_finding(r) == "ok");
  r.filters->at(0).values = {"", std::string(100, 'v'), "IN_PROGRESS \xE2\x80\x94 \t tab"};
  CHECK(first_finding(r) == "ok");
  r.filters->at(0).values = {std::string(101, 'v')};
  CHECK(first_finding(r) ==
        "constraint.length|/filters/0/values/0|IngestionJobFilterValue must be 0..100 code points long; this one has 101");
  r.filters->at(0).values = {"two\nlines"};
  CHECK(first_finding(r) == "constraint.pattern|/filters/0/values/0|IngestionJobFilterValue must match ^.*$; \"two\\nlines\" does not");
  r.filters->at(0).values = IngestionJobFilterValues(11, "x");
  CHECK(first_finding(r) == "constraint.list-length|/filters/0/values|IngestionJobFilterValues must have 0..10 items; this one has 11");
  r.filters = IngestionJobFilters{};
  CHECK(first_finding(r) == "constraint.list-length|/filters|IngestionJobFilters must have exactly 1 items; this one has 0");
}

TEST_CASE("model: IngestionJobFilter's member `operator` is operator_ in C++ and \"operator\" on the wire") {
  IngestionJobFilter f{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ, {"COMPLETE"}};
  CHECK(to_json(f) == R"({"attribute":"STATUS","operator":"EQ","values":["COMPLETE"]})");
  CHECK(parse_error<IngestionJobFilter>(R"({"attribute":"STATUS","operator_":"EQ","values":[]})") ==
        "1:23 shape.unknown-member|/operator_|IngestionJobFilter has no member \"operator_\"");
  CHECK(parse_error<IngestionJobFilter>(R"({"attribute":"STATUS","values":[]})") ==
        "1:1 shape.missing-member||IngestionJobFilter requires member \"operator\"");
  CHECK(parse_error<IngestionJobFilter>(R"({"attribute":"STATUS","operator":"NE","values":[]})") ==
        "1:34 constraint.enum|/operator|\"NE\" is not a known value (one of EQ; case matters)");
}

TEST_CASE("model: every new structure round-trips: parse(to_json(x)) == x") {
  StartIngestionJobRequest start{"KB12345678", "DS12345678", ClientToken("0f8fad5b-d9cb-469f-a165-70867728950e"),
                                 Description("nightly")};
  check_round_trip(start);
  check_round_trip(StartIngestionJobRequest{"KB12345678", "DS12345678", std::nullopt, std::nullopt});
  const IngestionJobSummary s = summary();
  IngestionJob job{s.knowledgeBaseId, s.dataSourceId, s.ingestionJobId, std::nullopt, IngestionJobStatus::STARTING,
                   IngestionJobStatistics{}, std::nullopt, s.startedAt, s.startedAt};
  check_round_trip(StartIngestionJobResponse{job});
  check_round_trip(GetIngestionJobRequest{"KB12345678", "DS12345678", "IJ12345678"});
  check_round_trip(GetIngestionJobResponse{job});
  ListIngestionJobsRequest list = list_request();
  check_round_trip(list);
  list.filters = IngestionJobFilters{{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ, {"COMPLETE", "FAILED"}}};
  list.sortBy = IngestionJobSortBy{IngestionJobSortByAttribute::STARTED_AT, SortOrder::DESCENDING};
  list.maxResults = 100;
  list.nextToken = "eyJwYWdlIjoyfQ==";
  check_round_trip(list);
  check_round_trip(list.filters->front());
  check_round_trip(*list.sortBy);
  ListIngestionJobsResponse page;
  check_round_trip(page);
  page.ingestionJobSummaries.push_back(summary());
  IngestionJobSummary second = summary();
  second.description = "second";
  second.statistics.emplace().numberOfDocumentsScanned = 7;
  page.ingestionJobSummaries.push_back(second);
  page.nextToken = "next";
  check_round_trip(page);
  check_round_trip(summary());
  check_round_trip(ServiceQuotaExceededException{NonBlankString("over quota")});
}

TEST_CASE("model: the operation descriptors say what the model says") {
  static_assert(StartIngestionJob::http_method == "PUT" && StartIngestionJob::http_success_status == 202);
  static_assert(StartIngestionJob::http_uri == "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/");
  static_assert(std::is_same<StartIngestionJob::input, StartIngestionJobRequest>::value);
  static_assert(boost::mp11::mp_contains<StartIngestionJob::errors, ServiceQuotaExceededException>::value);
  static_assert(boost::mp11::mp_size<StartIngestionJob::errors>::value == 7);
  static_assert(GetIngestionJob::http_method == "GET" && GetIngestionJob::http_success_status == 200);
  static_assert(boost::mp11::mp_size<GetIngestionJob::errors>::value == 5);
  static_assert(ListIngestionJobs::http_method == "POST" && ListIngestionJobs::http_success_status == 200);
  static_assert(std::is_same<ListIngestionJobs::output, ListIngestionJobsResponse>::value);
  static_assert(StopIngestionJob::http_success_status == 202);
  static_assert(boost::mp11::mp_size<operations>::value == 4);
  static_assert(ServiceQuotaExceededException::http_status == 402 &&
                ServiceQuotaExceededException::fault == error_fault::client);
  // bindings: labels from the model's "uri" location, the rest in the body
  CHECK(member_table<StartIngestionJobRequest>::members[0].binding == member_binding::label);
  CHECK(member_table<StartIngestionJobRequest>::members[2].binding == member_binding::body);
  CHECK(member_table<ListIngestionJobsRequest>::members[4].presence == member_presence::optional);
}
