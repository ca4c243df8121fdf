// Every code sample in docs/http.md, compiled and checked. Returns 0 when the documentation is
// telling the truth.
//
// The asserts are the point of this program: keep them in release builds too.
#undef NDEBUG
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <cassert>
#include <optional>
#include <string>
#include <variant>

namespace {

namespace ba = bedrock_agent;

void build_example() {
  // [build]
  using namespace bedrock_agent;
  const StopIngestionJobRequest in{Id("KB12345678"), Id("DS12345678"), Id("IJ12345678")};
  const std::string path = build_path<StopIngestionJob>(in);
  assert(path == "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop");

  const auto r = parse_request<StopIngestionJob>("POST", path);
  assert(r.ok() && r.value() == in);
  // [build]
}

void encode_example() {
  // [encode]
  using namespace bedrock_agent;
  StopIngestionJobRequest in{Id("KB12345678"), Id("DS12345678"), Id("IJ12345678")};
  in.knowledgeBaseId = Id("kb/1 2");  // build_path takes any bytes...
  const std::string path = build_path<StopIngestionJob>(in);
  assert(path == "/knowledgebases/kb%2F1%202/datasources/DS12345678/ingestionjobs/IJ12345678/stop");

  const auto r = parse_request<StopIngestionJob>("POST", path);  // ...parse_request checks them
  assert(!r.ok());
  assert(r.diagnostics().size() == 1);
  assert(r.diagnostics()[0].id == rules::http_encoded_slash);
  assert(r.diagnostics()[0].pointer == "/knowledgeBaseId");
  assert(r.diagnostics()[0].offset == 18);
  assert(to_string(r.diagnostics()[0]).rfind("1:19: error[http.encoded-slash]: ", 0) == 0);
  // [encode]
}

void parse_example() {
  // [parse]
  using namespace bedrock_agent;
  const auto r = parse_request<StopIngestionJob>(
      "post", "/knowledgebases/KB12345678/datasources//ingestionjobs/IJ1234567%/stop?ignored=1");
  assert(!r.ok());
  assert(r.diagnostics().size() == 3);  // every finding, in order
  assert(r.diagnostics()[0].id == rules::http_method);            // methods are case-sensitive
  assert(r.diagnostics()[1].id == rules::http_path_empty_label);  // at /dataSourceId
  assert(r.diagnostics()[2].id == rules::http_percent_encoding);  // at /ingestionJobId: a "%" ends the label

  // %41 is 'A': a valid but non-canonical encoding decodes to the same label
  const auto nc = parse_request<StopIngestionJob>(
      "POST", "/knowledgebases/%4B%4212345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop");
  assert(nc.ok() && nc->knowledgeBaseId == "KB12345678");
  assert(build_path<StopIngestionJob>(nc.value()).find("/KB12345678/") != std::string::npos);
  // [parse]
}

void json_form_example() {
  // [json-form]
  using namespace bedrock_agent;
  const std::string cli_input =
      R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678"})";
  const auto in = parse<StopIngestionJobRequest>(cli_input);
  assert(in.ok());
  assert(to_json(in.value()) == cli_input);
  assert(build_path<StopIngestionJob>(in.value()) ==
         "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop");
  // [json-form]
}

void error_example() {
  // [error]
  using namespace bedrock_agent;
  const http_headers headers = {{"Content-Type", "application/json"},
                                {"x-amzn-errortype", "ConflictException:http://internal.amazon.com/coral/"}};
  const auto r = parse_error_response<StopIngestionJob>(409, headers, R"({"message":"job is finishing"})");
  assert(r.ok());
  assert(r.type().name == "ConflictException");
  assert(r.type().source == error_type_source::header);
  const auto& e = std::get<ConflictException>(r.value());
  assert(e.message && *e.message == "job is finishing");
  // [error]
}

void resolve_example() {
  // [resolve]
  using namespace bedrock_agent;
  const auto t = resolve_error_type({}, R"({"code":"aws#ThrottlingException","__type":"Other"})");
  assert(t.type.name == "ThrottlingException");  // "code" before "__type"
  assert(t.type.source == error_type_source::body_code);
  assert(t.type.pointer == "/code");

  const auto w = resolve_error_type({{"X-Amzn-Errortype", "ValidationException"}},
                                    R"({"__type":"ConflictException"})");
  assert(w.type.name == "ValidationException");  // the header wins...
  assert(w.diagnostics.size() == 1);             // ...with a warning
  assert(w.diagnostics[0].id == rules::error_type_disagreement);
  assert(w.diagnostics[0].level == severity::warning);
  // [resolve]
}

void error_rules_example() {
  // [error-rules]
  using namespace bedrock_agent;
  auto first_rule = [](const auto& result) { return result.diagnostics().at(0).id; };
  assert(first_rule(parse_error_response<StopIngestionJob>(500, {{"X-Amzn-Errortype", "FooError"}}, "")) ==
         rules::error_unknown_type);
  assert(first_rule(parse_error_response<StopIngestionJob>(500, {}, R"({"message":"boom"})")) ==
         rules::error_missing_type);
  assert(first_rule(parse_error_response<StopIngestionJob>(409, {{"X-Amzn-Errortype", "ThrottlingException"}},
                                                           "")) == rules::error_status_mismatch);
  assert(first_rule(parse_error_response<StopIngestionJob>(200, {}, "{}")) == rules::error_success_status);
  // [error-rules]
}

void profile_example() {
  // [profiles]
  using namespace bedrock_agent;
  const http_headers headers = {{"X-Amzn-Errortype", "ResourceNotFoundException"}};
  const std::string body = R"({"Message":"no such knowledge base"})";  // capital M: not the model's member

  const auto strict = parse_error_response<StopIngestionJob>(404, headers, body);  // the contract profile
  assert(!strict.ok());
  assert(strict.diagnostics()[0].id == rules::shape_unknown_member);
  assert(strict.diagnostics()[0].pointer == "/Message");

  const auto lax = parse_error_response<StopIngestionJob>(404, headers, body, parse_options::client());
  assert(lax.ok());
  assert(!std::get<ResourceNotFoundException>(lax.value()).message.has_value());
  // [profiles]
}

void classify_example() {
  // [classify]
  using namespace bedrock_agent;
  const http_response w = write_error_response(ThrottlingException{NonBlankString("slow down")});
  assert(w.status == 429);
  assert(w.headers == (http_headers{{"Content-Type", "application/json"},
                                    {"X-Amzn-Errortype", "ThrottlingException"}}));
  assert(w.body == R"({"message":"slow down"})");

  const auto r = classify_response<StopIngestionJob>(w.status, w.headers, w.body);
  assert(r.kind() == response_kind::error && r.ok());
  assert(std::holds_alternative<ThrottlingException>(std::get<1>(r.value())));

  StopIngestionJobResponse out;
  out.ingestionJob = {Id("KB12345678"), Id("DS12345678"), Id("IJ12345678"), std::nullopt,
                      IngestionJobStatus::STOPPING, std::nullopt, std::nullopt,
                      *parse_timestamp("2024-03-14T09:26:53Z"), *parse_timestamp("2024-03-14T09:27:00Z")};
  const http_response s = write_success_response<StopIngestionJob>(out);
  assert(s.status == 202);
  const auto ok = classify_response<StopIngestionJob>(s.status, s.headers, s.body);
  assert(ok.kind() == response_kind::success && ok.ok() && std::get<0>(ok.value()) == out);
  // [classify]
}

void request_example() {
  // [request]
  using namespace bedrock_agent;
  StartIngestionJobRequest in{Id("KB12345678"), Id("DS12345678"), std::nullopt, Description("nightly")};
  const http_request w = write_request<StartIngestionJob>(in, [] { return std::string("0123456789abcdef0123456789abcdef0"); });
  assert(w.method == "PUT");
  assert(w.target == "/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/");
  assert(w.body == R"({"clientToken":"0123456789abcdef0123456789abcdef0","description":"nightly"})");

  // The server side: which operation, then the whole request.
  const std::optional<operation_match> m = match_operation<operations>(w.method, w.target);
  assert(m && m->method_matches);
  assert(visit_operation<operations>(m->index, [](auto op) { return decltype(op)::name; }) == "StartIngestionJob");
  const auto back = parse_request<StartIngestionJob>(w.method, w.target, w.body);
  assert(back.ok() && back.value().clientToken && back.value().description == in.description);

  // A label's member in the body as well is a finding; the path's value stands.
  const auto both = parse_request<StartIngestionJob>(w.method, w.target, R"({"knowledgeBaseId":"KB00000000"})");
  assert(!both.ok() && both.error().id == rules::http_label_in_body);
  // [request]
}

}  // namespace

int main() {
  build_example();
  encode_example();
  parse_example();
  json_form_example();
  error_example();
  resolve_example();
  error_rules_example();
  profile_example();
  classify_example();
  request_example();
  return 0;
}
