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
  check_one(parse("POST", std::string(kPath) + "/"), rules::http_path_extra_segment, "", 79);
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
  check_one(parse("POST", std::string(kPath) + "/?x=1"), rules::http_path_extra_segment, "", 79);
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
