// The restJson1 request binding of StopIngestionJob: build_path, parse_request, and the JSON
// parameter-object form of the request.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace ba = bedrock_agent;
using ba::rule;
namespace rules = ba::rules;

namespace {

constexpr std::string_view kPath =
    "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop";
// Byte offsets in kPath: the labels start at 16, 39 and 64; "/stop" is at 74; it is 79 long.

ba::StopIngestionJobRequest sample() { return {ba::Id("KB12345678"), ba::Id("DS12345678"), ba::Id("IJ12345678")}; }

std::string path_with(std::string_view kb, std::string_view ds = "DS12345678", std::string_view ij = "IJ12345678") {
  return "/knowledgebases/" + std::string(kb) + "/datasources/" + std::string(ds) + "/ingestionjobs/" +
         std::string(ij) + "/stop";
}

ba::result<ba::StopIngestionJobRequest> parse(std::string_view method, std::string_view target,
                                                   const ba::parse_options& o = {}) {
  return ba::parse_request<ba::StopIngestionJob>(method, target, o);
}

/// Checks that `r` failed with exactly one diagnostic, of rule `id` at `pointer` and `offset`.
void check_one(const ba::result<ba::StopIngestionJobRequest>& r, rule id, std::string_view pointer,
               std::size_t offset) {
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 1);
  const ba::diagnostic& d = r.diagnostics()[0];
  CHECK(d.id == id);
  CHECK(d.level == ba::severity::error);
  CHECK(d.pointer == pointer);
  CHECK(d.offset == offset);
  CHECK(d.line == 1);
  CHECK(d.column == offset + 1);
  CHECK_FALSE(d.message.empty());
  CHECK(r.error_count() == 1);
}

}  // namespace

TEST_CASE("http: build_path fills the template") {
  CHECK(ba::build_path<ba::StopIngestionJob>(sample()) == kPath);
  std::string out = "https://bedrock-agent.us-east-1.amazonaws.com";
  ba::append_path<ba::StopIngestionJob>(out, sample());
  CHECK(out == "https://bedrock-agent.us-east-1.amazonaws.com" + std::string(kPath));
}

TEST_CASE("http: build_path percent-encodes every byte but the unreserved ones") {
  ba::StopIngestionJobRequest in = sample();
  in.knowledgeBaseId = ba::Id(std::string("a/b c~._-Z9%?#\xC3\xA9\x00\xFF", 18));
  in.dataSourceId = ba::Id("");
  CHECK(ba::build_path<ba::StopIngestionJob>(in) ==
        "/knowledgebases/a%2Fb%20c~._-Z9%25%3F%23%C3%A9%00%FF/datasources//ingestionjobs/IJ12345678/stop");
}

TEST_CASE("http: parse_request round trips build_path") {
  for (const char* id : {"KB12345678", "abcdefghij", "0123456789", "ZZZZZZZZZZ"}) {
    ba::StopIngestionJobRequest in{ba::Id(id), ba::Id("DS12345678"), ba::Id(id)};
    const auto r = parse("POST", ba::build_path<ba::StopIngestionJob>(in));
    REQUIRE(r.ok());
    CHECK(r.value() == in);
    CHECK(r.diagnostics().empty());
  }
}

TEST_CASE("http: a label build_path encodes is still checked against Id by parse_request") {
  ba::StopIngestionJobRequest in = sample();
  in.ingestionJobId = ba::Id("IJ 2345678");  // 10 bytes, but ' ' is outside [0-9a-zA-Z]
  const std::string path = ba::build_path<ba::StopIngestionJob>(in);
  CHECK(path == path_with("KB12345678", "DS12345678", "IJ%202345678"));
  check_one(parse("POST", path), rules::constraint_pattern, "/ingestionJobId", 64);
  CHECK(parse("POST", path).diagnostics()[0].expected == "^[0-9a-zA-Z]{10}$");

  in.ingestionJobId = ba::Id("IJ1234567");  // one short
  check_one(parse("POST", ba::build_path<ba::StopIngestionJob>(in)), rules::constraint_pattern, "/ingestionJobId",
            64);
}

TEST_CASE("http: the method is case-sensitive") {
  for (const char* m : {"GET", "post", "PUT", ""}) {
    const auto r = parse(m, kPath);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics().size() == 1);
    const ba::diagnostic& d = r.diagnostics()[0];
    CHECK(d.id == rules::http_method);
    CHECK(d.pointer == "");
    CHECK(d.offset == 0);
    CHECK(d.line == 0);  // not a position in the path
    CHECK(d.column == 0);
    CHECK(d.expected == "POST");
  }
}

TEST_CASE("http: literal segments") {
  check_one(parse("POST", "/knowledgeBases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop"),
            rules::http_path_literal, "", 1);
  check_one(parse("POST", "/knowledgebases/KB12345678/datasource/DS12345678/ingestionjobs/IJ12345678/stop"),
            rules::http_path_literal, "", 27);
  check_one(parse("POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/STOP"),
            rules::http_path_literal, "", 75);
  // no leading slash
  check_one(parse("POST", "knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop"),
            rules::http_path_literal, "", 0);
  check_one(parse("POST", "/"), rules::http_path_literal, "", 1);
  // a percent-encoded unreserved character is the same URI (RFC 3986 6.2.2.2)
  CHECK(parse("POST", "/%6Bnowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/st%6fp").ok());
}

TEST_CASE("http: the path ends early") {
  check_one(parse("POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678"),
            rules::http_path_missing_segment, "", 74);
  check_one(parse("POST", "/knowledgebases"), rules::http_path_missing_segment, "/knowledgeBaseId", 15);
  check_one(parse("POST", ""), rules::http_path_missing_segment, "", 0);
  CHECK(parse("POST", "/knowledgebases").diagnostics()[0].expected == "/{knowledgeBaseId}");
}

TEST_CASE("http: the path goes on") {
  check_one(parse("POST", std::string(kPath) + "/x"), rules::http_path_extra_segment, "", 79);
  check_one(parse("POST", std::string(kPath) + "/stop/x"), rules::http_path_extra_segment, "", 79);
}

TEST_CASE("http: empty labels") {
  check_one(parse("POST", "/knowledgebases//datasources/DS12345678/ingestionjobs/IJ12345678/stop"),
            rules::http_path_empty_label, "/knowledgeBaseId", 16);
  check_one(parse("POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs//stop"),
            rules::http_path_empty_label, "/ingestionJobId", 64);
}

TEST_CASE("http: bad percent-encoding") {
  check_one(parse("POST", path_with("KB1234567%")), rules::http_percent_encoding, "/knowledgeBaseId", 25);
  check_one(parse("POST", path_with("KB123456%4")), rules::http_percent_encoding, "/knowledgeBaseId", 24);
  check_one(parse("POST", path_with("KB12345%zz")), rules::http_percent_encoding, "/knowledgeBaseId", 23);
  check_one(parse("POST", path_with("KB12345678", "%G1345678")), rules::http_percent_encoding, "/dataSourceId", 39);
  // decodes to a byte that is not UTF-8
  check_one(parse("POST", path_with("KB%FF345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  check_one(parse("POST", path_with("KB%C3345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  // characters a path segment cannot hold unencoded; one finding per character
  check_one(parse("POST", path_with("KB 2345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  check_one(parse("POST", path_with("KB\"2345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  check_one(parse("POST", path_with("KB\xC3\xA9" "2345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  check_one(parse("POST", path_with("KB#2345678")), rules::http_percent_encoding, "/knowledgeBaseId", 18);
  // two bad escapes in one label: two findings
  const auto r = parse("POST", path_with("%zz%4KB123"));
  REQUIRE(r.diagnostics().size() == 2);
  CHECK(r.diagnostics()[0].offset == 16);
  CHECK(r.diagnostics()[1].offset == 19);
}

TEST_CASE("http: an encoded slash in a label") {
  check_one(parse("POST", path_with("KB%2F345678")), rules::http_encoded_slash, "/knowledgeBaseId", 18);
  check_one(parse("POST", path_with("KB%2f345678")), rules::http_encoded_slash, "/knowledgeBaseId", 18);
}

TEST_CASE("http: valid non-canonical encodings decode to the same label") {
  const auto upper = parse("POST", path_with("%4B%4212345678"));
  REQUIRE(upper.ok());
  CHECK(upper.value() == sample());
  const auto lower = parse("POST", path_with("KB1234567%38", "%64%73%31%32%33%34%35%36%37%38"));
  REQUIRE(lower.ok());
  CHECK(lower->dataSourceId == "ds12345678");
  // the round trip writes the canonical form
  CHECK(ba::build_path<ba::StopIngestionJob>(upper.value()) == kPath);
  // a sub-delim or ':' '@' may appear unencoded; the Id pattern then rejects it
  check_one(parse("POST", path_with("KB+2345678")), rules::constraint_pattern, "/knowledgeBaseId", 16);
}

TEST_CASE("http: a query string is ignored") {
  CHECK(parse("POST", std::string(kPath) + "?x=1&y=%zz").ok());
  CHECK(parse("POST", std::string(kPath) + "?").ok());
  const auto slash = parse("POST", std::string(kPath) + "/?x=1");
  CHECK(slash.ok());
  REQUIRE(slash.diagnostics().size() == 1);
  CHECK(slash.diagnostics()[0].id == rules::http_trailing_slash);
}

TEST_CASE("http: every non-fatal finding is reported, in path order") {
  const auto r = parse("GET", "/knowledgebases/KB%2F/datasources//ingestionjobs/short/stop");
  REQUIRE(r.diagnostics().size() == 4);
  CHECK(r.diagnostics()[0].id == rules::http_method);
  CHECK(r.diagnostics()[1].id == rules::http_encoded_slash);
  CHECK(r.diagnostics()[1].pointer == "/knowledgeBaseId");
  CHECK(r.diagnostics()[2].id == rules::http_path_empty_label);
  CHECK(r.diagnostics()[2].pointer == "/dataSourceId");
  CHECK(r.diagnostics()[3].id == rules::constraint_pattern);
  CHECK(r.diagnostics()[3].pointer == "/ingestionJobId");
  CHECK(r.error_count() == 4);
}

TEST_CASE("http: options disable rules and make constraints warnings") {
  ba::parse_options o;
  o.disabled.insert(rules::http_method);
  const auto get = parse("GET", kPath, o);
  REQUIRE(get.ok());
  CHECK(get.diagnostics().empty());

  const auto lax = parse("POST", path_with("kb"), ba::parse_options::client());
  REQUIRE(lax.ok());
  CHECK(lax->knowledgeBaseId == "kb");
  REQUIRE(lax.diagnostics().size() == 1);
  CHECK(lax.diagnostics()[0].level == ba::severity::warning);
  CHECK(lax.diagnostics()[0].id == rules::constraint_pattern);

  // fatal path rules cannot be disabled
  o.disabled.insert(rules::http_path_literal);
  check_one(parse("POST", "/x", o), rules::http_path_literal, "", 1);

  // nor the rules that refuse a label's value: the request would hold an Id the path never said
  o.disabled.insert(rules::http_path_empty_label);
  o.disabled.insert(rules::http_percent_encoding);
  o.disabled.insert(rules::http_encoded_slash);
  check_one(parse("POST", path_with(""), o), rules::http_path_empty_label, "/knowledgeBaseId", 16);
  check_one(parse("POST", path_with("KB1234567%G1"), o), rules::http_percent_encoding, "/knowledgeBaseId", 25);
  check_one(parse("POST", path_with("KB1234%2F67"), o), rules::http_encoded_slash, "/knowledgeBaseId", 22);

  ba::parse_options small;
  small.max_input_bytes = 10;
  const auto big = parse("POST", kPath, small);
  REQUIRE(big.diagnostics().size() == 1);
  CHECK(big.diagnostics()[0].id == rules::limit_input_size);
}

TEST_CASE("http: the JSON parameter object of the request round trips") {
  const std::string json = R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})";
  const auto r = ba::parse<ba::StopIngestionJobRequest>(json);
  REQUIRE(r.ok());
  CHECK(r.value() == sample());
  CHECK(ba::to_json(r.value()) == json);
  const auto bad = ba::parse<ba::StopIngestionJobRequest>(R"({"knowledgeBaseId":"KB1","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().id == rules::constraint_pattern);
  CHECK(bad.error().pointer == "/knowledgeBaseId");
}

namespace other_ops {
// Another operation over the same engine: its descriptor is all it costs.
struct ThingRequest {
  bedrock_agent::Id thingId;
  bedrock_agent::Description label;  // 1..200 code points
};
BOOST_DESCRIBE_STRUCT(ThingRequest, (), (thingId, label))
struct GetThing {
  using input = ThingRequest;
  static constexpr std::string_view name = "GetThing";
  static constexpr std::string_view http_method = "GET";
  static constexpr std::string_view http_uri = "/things/{label}/by-id/{thingId}";
};
}  // namespace other_ops

TEST_CASE("http: the engine is generic over the operation descriptor") {
  other_ops::ThingRequest in{ba::Id("TH12345678"), ba::Description("caf\xC3\xA9 & co")};
  const std::string path = ba::build_path<other_ops::GetThing>(in);
  CHECK(path == "/things/caf%C3%A9%20%26%20co/by-id/TH12345678");
  const auto r = ba::parse_request<other_ops::GetThing>("GET", path);
  REQUIRE(r.ok());
  CHECK(r->thingId == in.thingId);
  CHECK(r->label == in.label);
  const auto bad = ba::parse_request<other_ops::GetThing>("POST", "/things/%C3%A9/by-id/short");
  REQUIRE(bad.diagnostics().size() == 2);
  CHECK(bad.diagnostics()[0].id == rules::http_method);
  CHECK(bad.diagnostics()[1].id == rules::constraint_pattern);
  CHECK(bad.diagnostics()[1].pointer == "/thingId");
  CHECK(bad.diagnostics()[1].offset == 21);
  const auto dots = ba::parse_request<other_ops::GetThing>("GET", "/things/a/by-id");
  REQUIRE(dots.diagnostics().size() == 1);
  CHECK(dots.diagnostics()[0].id == rules::http_path_missing_segment);
  CHECK(dots.diagnostics()[0].pointer == "/thingId");
}

TEST_CASE("http: mutated request targets: ok() means a value that round trips") {
  // Deterministic mutations of a valid target: byte flips, '%' and '/' insertions, cuts.
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  static constexpr char alphabet[] = "%/2Ffz?A0.~ \x80\xC3\xFF";
  std::size_t accepted = 0, rejected = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string t(kPath);
    const int edits = 1 + static_cast<int>(next() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = next() % (t.size() + 1);
      const char c = alphabet[next() % (sizeof alphabet - 1)];
      switch (next() % 3) {
        case 0: if (at < t.size()) t[at] = c; break;
        case 1: t.insert(at, 1, c); break;
        default: t.erase(at, 1 + next() % 3); break;
      }
    }
    const auto r = parse("POST", t);
    std::size_t errors = 0;
    for (const auto& d : r.diagnostics()) {
      errors += d.level == ba::severity::error;
      CHECK(d.offset <= t.size());
      CHECK(d.column == d.offset + 1);
    }
    CHECK(r.ok() == (errors == 0));
    if (!r.ok()) {
      ++rejected;
      continue;
    }
    ++accepted;
    CHECK(ba::check_value(r.value()).ok());
    const auto again = parse("POST", ba::build_path<ba::StopIngestionJob>(r.value()));
    REQUIRE(again.ok());
    CHECK(again.value() == r.value());
  }
  CHECK(accepted > 0);  // some mutations land in the query or keep a valid Id
  CHECK(rejected > 0);
}

// ---- Start, Get and List: bodies, trailing slashes, dispatch ----------------------------------

namespace {

constexpr std::string_view kJobs = "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/";
// Byte offsets in kJobs: the labels start at 16 and 39; "ingestionjobs" at 50; it is 64 long.

std::string fixed_token() { return "0123456789abcdef0123456789abcdef0"; }  // 33 characters, the minimum

}  // namespace

TEST_CASE("http: a trailing '/' the template does not have, or leaves out, is a warning (Smithy matches both)") {
  const auto stop = parse("POST", std::string(kPath) + "/");
  CHECK(stop.ok());
  REQUIRE(stop.diagnostics().size() == 1);
  CHECK(stop.diagnostics()[0].id == rules::http_trailing_slash);
  CHECK(stop.diagnostics()[0].level == ba::severity::warning);
  CHECK(stop.diagnostics()[0].column == 80);
  CHECK(stop.value() == sample());

  const std::string no_slash(kJobs.substr(0, kJobs.size() - 1));
  const auto list = ba::parse_request<ba::ListIngestionJobs>("POST", no_slash, "{}");
  CHECK(list.ok());
  REQUIRE(list.diagnostics().size() == 1);
  CHECK(list.diagnostics()[0].id == rules::http_trailing_slash);
  CHECK(list.diagnostics()[0].message == "the template ends with '/' and clients send it; this path leaves it out");
  CHECK(list.diagnostics()[0].column == 64);
  CHECK(ba::parse_request<ba::ListIngestionJobs>("POST", kJobs, "{}").diagnostics().empty());
  CHECK(ba::build_path<ba::StartIngestionJob>({ba::Id("KB12345678"), ba::Id("DS12345678"), {}, {}}) == kJobs);
  const auto extra = ba::parse_request<ba::ListIngestionJobs>("POST", std::string(kJobs) + "x/", "{}");
  REQUIRE(extra.diagnostics().size() == 1);
  CHECK(extra.diagnostics()[0].id == rules::http_path_extra_segment);
  CHECK(extra.diagnostics()[0].found == "\"/x\"");
}

TEST_CASE("http: write_request: labels in the path, the rest in a JSON body, an absent clientToken generated") {
  ba::StartIngestionJobRequest in{ba::Id("KB12345678"), ba::Id("DS12345678"), {}, ba::Description("nightly")};
  const ba::http_request w = ba::write_request<ba::StartIngestionJob>(in, fixed_token);
  CHECK(w.method == "PUT");
  CHECK(w.target == kJobs);
  CHECK(w.body == R"({"clientToken":"0123456789abcdef0123456789abcdef0","description":"nightly"})");
  REQUIRE(w.headers.size() == 1);
  CHECK(w.headers[0] == std::pair<std::string, std::string>("Content-Type", "application/json"));

  in.clientToken = ba::ClientToken("caller-token-0123456789-0123456789-x");
  CHECK(ba::write_request<ba::StartIngestionJob>(in, fixed_token).body ==
        R"({"clientToken":"caller-token-0123456789-0123456789-x","description":"nightly"})");

  // The default token: a random version 4 UUID, a valid ClientToken, new each time.
  in.clientToken.reset();
  const auto a = ba::parse_request<ba::StartIngestionJob>("PUT", kJobs, ba::write_request<ba::StartIngestionJob>(in).body);
  const auto b = ba::parse_request<ba::StartIngestionJob>("PUT", kJobs, ba::write_request<ba::StartIngestionJob>(in).body);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a.value().clientToken);
  const std::string& t = *a.value().clientToken;
  CHECK(t.size() == 36);
  CHECK(t[8] == '-');
  CHECK(t[14] == '4');
  CHECK(std::string_view("89ab").find(t[19]) != std::string_view::npos);
  CHECK(*a.value().clientToken != *b.value().clientToken);

  // Labels-only inputs have no body and no Content-Type.
  const ba::http_request get = ba::write_request<ba::GetIngestionJob>({ba::Id("KB12345678"), ba::Id("DS12345678"),
                                                                       ba::Id("IJ12345678")});
  CHECK(get.method == "GET");
  CHECK(get.target == "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678");
  CHECK(get.body.empty());
  CHECK(get.headers.empty());
  CHECK(ba::write_request<ba::StopIngestionJob>(sample()).target == kPath);
}

TEST_CASE("http: parse_request with a body: path findings first (line 1), then the body's (its line:column)") {
  const auto r = ba::parse_request<ba::ListIngestionJobs>("POST", "/knowledgebases/KB1/datasources/DS12345678/ingestionjobs/",
                                                          "{\n  \"maxResults\": 0,\n  \"sortBy\": {\"attribute\": \"NAME\", \"order\": \"ASCENDING\"}}");
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 3);
  CHECK(r.diagnostics()[0].id == rules::constraint_pattern);
  CHECK(r.diagnostics()[0].pointer == "/knowledgeBaseId");
  CHECK(r.diagnostics()[0].line == 1);
  CHECK(r.diagnostics()[0].column == 17);
  CHECK(r.diagnostics()[1].id == rules::constraint_range);
  CHECK(r.diagnostics()[1].pointer == "/maxResults");
  CHECK(r.diagnostics()[1].line == 2);
  CHECK(r.diagnostics()[1].column == 17);
  CHECK(r.diagnostics()[2].id == rules::constraint_enum);
  CHECK(r.diagnostics()[2].pointer == "/sortBy/attribute");
  CHECK(r.diagnostics()[2].line == 3);

  // A good one: every body member read, labels from the path.
  const auto ok = ba::parse_request<ba::ListIngestionJobs>(
      "POST", kJobs,
      R"({"filters":[{"attribute":"STATUS","operator":"EQ","values":["COMPLETE","FAILED"]}],)"
      R"("sortBy":{"attribute":"STARTED_AT","order":"DESCENDING"},"maxResults":25,"nextToken":"abc"})");
  REQUIRE(ok.ok());
  CHECK(ok.value().knowledgeBaseId == "KB12345678");
  CHECK(ok.value().maxResults == ba::MaxResults(25));
  REQUIRE(ok.value().filters);
  CHECK((*ok.value().filters)[0].values.size() == 2);
  CHECK(ok.value().nextToken == ba::NextToken("abc"));
}

TEST_CASE("http: a label's member also in the body is http.label-in-body; the path's value stands") {
  const std::string body = R"({"description":"d","dataSourceId":"DSXXXXXXXX"})";
  const auto r = ba::parse_request<ba::StartIngestionJob>("PUT", kJobs, body);
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 1);
  const ba::diagnostic& d = r.diagnostics()[0];
  CHECK(d.id == rules::http_label_in_body);
  CHECK(d.pointer == "/dataSourceId");
  CHECK(d.offset == body.find("\"dataSourceId\""));
  CHECK(d.column == d.offset + 1);
  CHECK(d.message ==
        "member \"dataSourceId\" is the path label {dataSourceId}; it must not also be in the body (servers differ on "
        "which one counts)");

  ba::parse_options lenient;
  lenient.disabled.insert(rules::http_label_in_body);
  const auto kept = ba::parse_request<ba::StartIngestionJob>("PUT", kJobs, body, lenient);
  REQUIRE(kept.ok());
  CHECK(kept.value().dataSourceId == "DS12345678");
  CHECK(kept.value().description == ba::Description("d"));

  // Its value is still checked as JSON.
  const auto broken = ba::parse_request<ba::StartIngestionJob>("PUT", kJobs, R"({"dataSourceId":[1,}")", lenient);
  CHECK_FALSE(broken.ok());

  // A labels-only input: its labels and any other member in a body are findings, {} and "" are not.
  const std::string get_path = "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678";
  CHECK(ba::parse_request<ba::GetIngestionJob>("GET", get_path, "").ok());
  CHECK(ba::parse_request<ba::GetIngestionJob>("GET", get_path, " {} ").ok());
  const auto g = ba::parse_request<ba::GetIngestionJob>("GET", get_path, R"({"ingestionJobId":"IJ12345678","x":1})");
  REQUIRE(g.diagnostics().size() == 2);
  CHECK(g.diagnostics()[0].id == rules::http_label_in_body);
  CHECK(g.diagnostics()[1].id == rules::shape_unknown_member);
}

TEST_CASE("http: an empty body is an input with no body members; a fatal path finding skips the body") {
  const auto r = ba::parse_request<ba::ListIngestionJobs>("POST", kJobs, "");
  REQUIRE(r.ok());
  CHECK_FALSE(r.value().maxResults);
  CHECK_FALSE(r.value().filters);
  const auto lost = ba::parse_request<ba::ListIngestionJobs>("POST", "/knowledgebase/KB12345678", "{\"maxResults\":0}");
  REQUIRE(lost.diagnostics().size() == 1);
  CHECK(lost.diagnostics()[0].id == rules::http_path_literal);
  CHECK(ba::parse_request<ba::ListIngestionJobs>("POST", kJobs, "{").diagnostics()[0].id == rules::json_syntax);
}

TEST_CASE("http: match_operation finds the operation from the method and the path, by the descriptors") {
  const auto find = [](std::string_view method, std::string_view path) -> std::string {
    const std::optional<ba::operation_match> m = ba::match_operation<ba::operations>(method, path);
    if (!m) return "none";
    const std::string_view name = ba::visit_operation<ba::operations>(m->index, [](auto op) { return decltype(op)::name; });
    return std::string(name) + (m->method_matches ? "" : " (other method)");
  };
  const std::string job = "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678";
  CHECK(find("PUT", kJobs) == "StartIngestionJob");
  CHECK(find("POST", kJobs) == "ListIngestionJobs");
  CHECK(find("POST", kJobs.substr(0, kJobs.size() - 1)) == "ListIngestionJobs");
  CHECK(find("GET", job) == "GetIngestionJob");
  CHECK(find("GET", job + "/?x=1") == "GetIngestionJob");
  CHECK(find("POST", job + "/stop") == "StopIngestionJob");
  CHECK(find("POST", "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs//stop") == "StopIngestionJob");
  CHECK(find("DELETE", job) == "GetIngestionJob (other method)");
  CHECK(find("GET", kJobs) == "StartIngestionJob (other method)");
  CHECK(find("GET", "/knowledgebases/KB12345678/datasources/DS12345678") == "none");
  CHECK(find("POST", job + "/stop/now") == "none");
  CHECK(find("GET", "") == "none");
  CHECK(find("GET", "/") == "none");
  CHECK(find("POST", "/Knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/") == "none");
}

TEST_CASE("http: find_header matches field names case-insensitively and answers the first field's value") {
  const ba::http_headers headers = {{"Content-Type", "application/json"},
                                    {"X-Amzn-ErrorType", " ThrottlingException "},
                                    {"x-amzn-errortype", "ValidationException"},
                                    {"X-Empty", ""}};
  CHECK(ba::find_header(headers, "x-amzn-errortype") == std::string_view(" ThrottlingException "));
  CHECK(ba::find_header(headers, "X-AMZN-ERRORTYPE") == std::string_view(" ThrottlingException "));
  CHECK(ba::find_header(headers, "content-type") == std::string_view("application/json"));
  REQUIRE(ba::find_header(headers, "X-Empty").has_value());  // present but empty is not absent
  CHECK(ba::find_header(headers, "X-Empty")->empty());
  CHECK_FALSE(ba::find_header(headers, "Content-Length").has_value());
  CHECK_FALSE(ba::find_header(headers, "X-Amzn-Errortyp").has_value());  // a prefix is another name
  CHECK_FALSE(ba::find_header(ba::http_headers{}, "Content-Type").has_value());
  // Only ASCII letters fold: a byte that differs otherwise is another name.
  CHECK_FALSE(ba::find_header({{"X-\xC3\x84", "v"}}, "x-\xC3\xA4").has_value());
}
