// restJson1 error responses of StopIngestionJob: type resolution, parsing, classification and
// writing.
//
// Many cases below are the Smithy protocol tests for restJson1 errors (smithy-lang/smithy,
// smithy-aws-protocol-tests/model/restJson1/errors.smithy) and the unit tests of smithy-rs
// (rust-runtime/inlineable/src/json_errors.rs), rewritten with this operation's exception
// names: FooError (HTTP 500, server fault) became InternalServerException.
// Smithy protocol tests, Apache-2.0.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/mp11/algorithm.hpp>
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace ba = bedrock_agent;
using ba::rule;
namespace rules = ba::rules;
using Op = ba::StopIngestionJob;

namespace {

constexpr std::size_t kInternal = 3;  // index of InternalServerException in Op::errors
const ba::http_headers kJson = {{"Content-Type", "application/json"}};

ba::error_response_result<Op> parse(int status, const ba::http_headers& headers, std::string_view body,
                                    const ba::parse_options& o = {}) {
  return ba::parse_error_response<Op>(status, headers, body, o);
}

/// The response parsed as InternalServerException from `source`, with no diagnostics.
void check_internal(const ba::error_response_result<Op>& r, ba::error_type_source source) {
  REQUIRE(r.ok());
  CHECK(r.diagnostics().empty());
  CHECK(r.value().index() == kInternal);
  CHECK(r.type().name == "InternalServerException");
  CHECK(r.type().source == source);
}

/// Exactly one diagnostic, an error of rule `id` at `pointer`.
template <class R>
void check_one(const R& r, rule id, std::string_view pointer) {
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].id == id);
  CHECK(r.diagnostics()[0].level == ba::severity::error);
  CHECK(r.diagnostics()[0].pointer == pointer);
  CHECK_FALSE(r.diagnostics()[0].message.empty());
}

}  // namespace

// ---- Smithy errors.smithy and smithy-rs json_errors.rs ----------------------------------------

TEST_CASE("errors: RestJsonFooErrorUsingXAmznErrorType") {
  check_internal(parse(500, {{"X-Amzn-Errortype", "InternalServerException"}}, ""), ba::error_type_source::header);
}

TEST_CASE("errors: RestJsonFooErrorUsingXAmznErrorTypeWithUri") {
  const auto r =
      parse(500, {{"X-Amzn-Errortype", "InternalServerException:http://internal.amazon.com/coral/com.amazon.coral.validate/"}},
            "");
  check_internal(r, ba::error_type_source::header);
  CHECK(r.type().raw == "InternalServerException:http://internal.amazon.com/coral/com.amazon.coral.validate/");
}

TEST_CASE("errors: RestJsonFooErrorUsingXAmznErrorTypeWithUriAndNamespace") {
  check_internal(parse(500,
                       {{"X-Amzn-Errortype", "aws.protocoltests.restjson#InternalServerException:http://"
                                             "internal.amazon.com/coral/com.amazon.coral.validate/"}},
                       ""),
                 ba::error_type_source::header);
}

TEST_CASE("errors: a header type with another namespace names the same shape") {
  check_internal(parse(500, {{"X-Amzn-Errortype", "com.amazonaws.bedrockagent#InternalServerException"}}, ""),
                 ba::error_type_source::header);
}

TEST_CASE("errors: RestJsonFooErrorUsingCode (and with namespace, and with namespace and URI)") {
  for (const char* body : {R"({"code": "InternalServerException"})",
                           R"({"code": "aws.protocoltests.restjson#InternalServerException"})",
                           R"({"code": "aws.protocoltests.restjson#InternalServerException:http://internal.amazon.com/coral/com.amazon.coral.validate/"})"}) {
    CAPTURE(body);
    const auto r = parse(500, kJson, body);  // the contract profile: "code" is not an unknown member
    check_internal(r, ba::error_type_source::body_code);
    CHECK(r.type().pointer == "/code");
    CHECK(r.type().offset == 9);
  }
}

TEST_CASE("errors: RestJsonFooErrorWithDunderType (and with namespace, and with namespace and URI)") {
  for (const char* body : {R"({"__type": "InternalServerException"})",
                           R"({"__type": "aws.protocoltests.restjson#InternalServerException"})",
                           R"({"__type": "aws.protocoltests.restjson#InternalServerException:http://internal.amazon.com/coral/com.amazon.coral.validate/"})"}) {
    CAPTURE(body);
    const auto r = parse(500, kJson, body);
    check_internal(r, ba::error_type_source::body_type);
    CHECK(r.type().pointer == "/__type");
  }
}

TEST_CASE("errors: RestJsonFooErrorWithNestedTypeProperty: only the top-level __type counts") {
  const std::string body =
      "{\n    \"__type\": \"aws.protocoltests.restjson#InternalServerException\",\n    \"ErrorDetails\": [\n"
      "      {\n          \"__type\": \"com.amazon.internal#ErrorDetails\",\n          \"reason\": \"Some reason\"\n"
      "      }\n    ]\n}";
  check_internal(parse(500, kJson, body, ba::parse_options::client()), ba::error_type_source::body_type);
  // The contract profile names the one member InternalServerException does not have.
  const auto strict = parse(500, kJson, body);
  check_one(strict, rules::shape_unknown_member, "/ErrorDetails");
  CHECK(strict.diagnostics()[0].line == 3);
  CHECK(strict.diagnostics()[0].column == 5);
  CHECK(strict.type().name == "InternalServerException");
}

TEST_CASE("errors: code takes priority over __type (smithy-rs code_takes_priority)") {
  const auto r = parse(409, kJson, R"({ "code": "ConflictException", "__type": "ThrottlingException" })");
  REQUIRE(r.ok());
  CHECK(r.diagnostics().empty());  // neither member is unknown; they need not agree
  CHECK(std::holds_alternative<ba::ConflictException>(r.value()));
  CHECK(r.type().source == ba::error_type_source::body_code);
}

TEST_CASE("errors: the header wins over the body, with a warning") {
  const auto r = parse(429, {{"X-Amzn-Errortype", "ThrottlingException"}}, R"({"code":"ConflictException"})");
  REQUIRE(r.ok());
  CHECK(std::holds_alternative<ba::ThrottlingException>(r.value()));
  CHECK(r.type().source == ba::error_type_source::header);
  REQUIRE(r.diagnostics().size() == 1);
  const ba::diagnostic& d = r.diagnostics()[0];
  CHECK(d.id == rules::error_type_disagreement);
  CHECK(d.level == ba::severity::warning);
  CHECK(d.pointer == "/code");
  CHECK(d.offset == 8);
  CHECK(d.line == 1);
  CHECK(d.column == 9);
  CHECK(d.expected == "\"ThrottlingException\"");
  CHECK(d.found == "\"ConflictException\"");

  ba::parse_options quiet;
  quiet.disabled.insert(rules::error_type_disagreement);
  CHECK(parse(429, {{"X-Amzn-Errortype", "ThrottlingException"}}, R"({"code":"ConflictException"})", quiet)
            .diagnostics()
            .empty());
  // agreeing after sanitizing is agreeing
  CHECK(parse(429, {{"X-Amzn-Errortype", "ThrottlingException"}}, R"({"__type":"a.b#ThrottlingException"})")
            .diagnostics()
            .empty());
}

TEST_CASE("errors: unrecognized fields: ignored by the client profile, reported by the contract profile") {
  const std::string body = R"({ "__type": "InternalServerException", "asdf": 5, "fdsa": {}, "foo": "1" })";
  check_internal(parse(500, kJson, body, ba::parse_options::client()), ba::error_type_source::body_type);
  const auto strict = parse(500, kJson, body);
  CHECK_FALSE(strict.ok());
  REQUIRE(strict.diagnostics().size() == 3);
  CHECK(strict.diagnostics()[0].pointer == "/asdf");
  CHECK(strict.diagnostics()[1].pointer == "/fdsa");
  CHECK(strict.diagnostics()[2].pointer == "/foo");
  for (const auto& d : strict.diagnostics()) CHECK(d.id == rules::shape_unknown_member);
  CHECK(strict.error_count() == 3);
}

TEST_CASE("errors: the header name matches case-insensitively") {
  check_internal(parse(500, {{"x-amzn-errortype", "InternalServerException"}}, ""), ba::error_type_source::header);
  check_internal(parse(500, {{"X-AMZN-ERRORTYPE", " InternalServerException\t"}}, ""), ba::error_type_source::header);
}

TEST_CASE("errors: sanitize_error_type") {
  static_assert(ba::sanitize_error_type("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/"
                                        "com.amazon.coral.validate/") == "FooError");
  CHECK(ba::sanitize_error_type(
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/") ==
        "FooError");
  CHECK(ba::sanitize_error_type("FooError") == "FooError");
  CHECK(ba::sanitize_error_type("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/") ==
        "FooError");
  CHECK(ba::sanitize_error_type("aws.protocoltests.restjson#FooError") == "FooError");
  CHECK(ba::sanitize_error_type("a#b#FooError") == "b#FooError");  // the first '#' only
  CHECK(ba::sanitize_error_type(":FooError") == "");
  CHECK(ba::sanitize_error_type("") == "");
}

TEST_CASE("errors: a 2xx other than 202 is error.success-status (RestJsonGreetingWithErrors for this operation)") {
  for (const char* body : {"{}", ""}) {
    CAPTURE(body);
    check_one(parse(200, kJson, body), rules::error_success_status, "");
    const auto c = ba::classify_response<Op>(200, kJson, body);
    CHECK(c.kind() == ba::response_kind::error);
    check_one(c, rules::error_success_status, "");
  }
  check_one(parse(204, {}, ""), rules::error_success_status, "");
  // the operation's own success status is not an error status either
  check_one(parse(202, {{"X-Amzn-Errortype", "ConflictException"}}, ""), rules::error_status_mismatch, "");
}

// ---- each exception, and what can be wrong --------------------------------------------------

TEST_CASE("errors: each exception by header, by code and by __type, status agreeing") {
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<6>>([](auto i) {
    using E = boost::mp11::mp_at_c<Op::errors, i>;
    const std::string name(E::shape_name);
    CAPTURE(name);
    const std::string message = R"("message":"it went wrong")";
    const auto by_header = parse(E::http_status, {{"X-Amzn-Errortype", name}}, "{" + message + "}");
    const auto by_code = parse(E::http_status, kJson, R"({"code":")" + name + "\"," + message + "}");
    const auto by_type = parse(E::http_status, kJson, "{" + message + R"(,"__type":"ns#)" + name + "\"}");
    for (const auto* r : {&by_header, &by_code, &by_type}) {
      REQUIRE(r->ok());
      CHECK(r->diagnostics().empty());
      CHECK(r->value().index() == i);
      const E& e = std::get<i>(r->value());
      REQUIRE(e.message.has_value());
      CHECK(*e.message == "it went wrong");
      CHECK(r->type().name == name);
    }
    CHECK(by_header.type().source == ba::error_type_source::header);
    CHECK(by_code.type().source == ba::error_type_source::body_code);
    CHECK(by_type.type().source == ba::error_type_source::body_type);
  });
}

TEST_CASE("errors: a status that disagrees with the type") {
  const auto r = parse(409, {{"X-Amzn-Errortype", "ThrottlingException"}}, "");
  check_one(r, rules::error_status_mismatch, "");
  CHECK(r.diagnostics()[0].expected == "429");
  CHECK(r.diagnostics()[0].found == "409");
  CHECK(r.diagnostics()[0].line == 0);  // about the header: no body position
  CHECK(r.type().name == "ThrottlingException");

  const auto b = parse(500, kJson, "{\n  \"__type\": \"ResourceNotFoundException\"}");
  check_one(b, rules::error_status_mismatch, "/__type");
  CHECK(b.diagnostics()[0].offset == 14);
  CHECK(b.diagnostics()[0].line == 2);
  CHECK(b.diagnostics()[0].column == 13);
}

TEST_CASE("errors: an unknown type is reported with its sanitized name") {
  const auto r = parse(500, {{"X-Amzn-Errortype", "aws.protocoltests.restjson#FooError:http://x/"}}, "");
  check_one(r, rules::error_unknown_type, "");
  CHECK(r.diagnostics()[0].found == "\"FooError\"");
  CHECK(r.type().name == "FooError");
  CHECK(r.type().raw == "aws.protocoltests.restjson#FooError:http://x/");

  const auto b = parse(400, kJson, R"({"message":"m","code":"ServiceQuotaExceededException"})");
  check_one(b, rules::error_unknown_type, "/code");
  CHECK(b.diagnostics()[0].offset == 22);
  CHECK(b.type().name == "ServiceQuotaExceededException");
  // case matters
  check_one(parse(429, {{"X-Amzn-Errortype", "throttlingexception"}}, ""), rules::error_unknown_type, "");
}

TEST_CASE("errors: error.unknown-type and error.missing-type cannot be disabled (there is no shape to read)") {
  ba::parse_options o;
  o.disabled.insert(rules::error_unknown_type);
  o.disabled.insert(rules::error_missing_type);
  const auto unknown = parse(500, {{"X-Amzn-Errortype", "FooError"}}, "", o);
  check_one(unknown, rules::error_unknown_type, "");
  CHECK_FALSE(unknown.ok());
  const auto missing = parse(500, kJson, R"({"message":"boom"})", o);
  check_one(missing, rules::error_missing_type, "");
  CHECK_FALSE(missing.ok());
}

TEST_CASE("errors: an error status with no type anywhere") {
  check_one(parse(500, kJson, R"({"message":"boom"})"), rules::error_missing_type, "");
  check_one(parse(404, {}, ""), rules::error_missing_type, "");
  // a "code" that is not a string, or an empty one, names nothing
  check_one(parse(500, kJson, R"({"code":500})"), rules::error_missing_type, "");
  check_one(parse(500, {{"X-Amzn-Errortype", ""}}, R"({"code":""})"), rules::error_missing_type, "");
  // a body that is not JSON names nothing either (the header is not consulted for it)
  check_one(parse(502, {{"Content-Type", "text/html"}}, "<html>Bad Gateway</html>"), rules::error_missing_type, "");
  const auto r = parse(500, {}, "");
  CHECK(r.type().source == ba::error_type_source::none);
  CHECK(r.type().name.empty());
}

TEST_CASE("errors: an empty header value falls back to the body") {
  const auto r = parse(409, {{"X-Amzn-Errortype", ""}}, R"({"__type":"ConflictException"})");
  REQUIRE(r.ok());
  CHECK(r.type().source == ba::error_type_source::body_type);
}

TEST_CASE("errors: ValidationException with fieldList") {
  const auto r = parse(400, {{"X-Amzn-Errortype", "ValidationException"}},
                       R"({"message":"1 validation error","fieldList":[{"name":"knowledgeBaseId","message":"must match ^[0-9a-zA-Z]{10}$"}]})");
  REQUIRE(r.ok());
  const auto& v = std::get<ba::ValidationException>(r.value());
  REQUIRE(v.fieldList.has_value());
  REQUIRE(v.fieldList->size() == 1);
  CHECK((*v.fieldList)[0].name == "knowledgeBaseId");
  CHECK((*v.fieldList)[0].message == "must match ^[0-9a-zA-Z]{10}$");

  const auto bad = parse(400, {{"X-Amzn-Errortype", "ValidationException"}}, R"({"fieldList":[{"name":"x"}]})");
  check_one(bad, rules::shape_missing_member, "/fieldList/0");
}

TEST_CASE("errors: message \"\" breaks NonBlankString") {
  const std::string body = R"({"__type":"AccessDeniedException","message":""})";
  const auto strict = parse(403, kJson, body);
  check_one(strict, rules::constraint_pattern, "/message");
  CHECK(strict.diagnostics()[0].offset == 44);
  // the client profile keeps the value, with a warning
  const auto lax = parse(403, kJson, body, ba::parse_options::client());
  REQUIRE(lax.ok());
  REQUIRE(lax.diagnostics().size() == 1);
  CHECK(lax.diagnostics()[0].level == ba::severity::warning);
  CHECK(std::get<ba::AccessDeniedException>(lax.value()).message == ba::NonBlankString(""));
}

TEST_CASE("errors: \"Message\" is not the model's member \"message\"") {
  const std::string body = R"({"Message":"Functions from 'us-west-2' are not reachable from us-east-1"})";
  const ba::http_headers h = {{"x-amzn-errortype", "ResourceNotFoundException"}};
  check_one(parse(404, h, body), rules::shape_unknown_member, "/Message");
  const auto lax = parse(404, h, body, ba::parse_options::client());
  REQUIRE(lax.ok());
  CHECK_FALSE(std::get<ba::ResourceNotFoundException>(lax.value()).message.has_value());
}

TEST_CASE("errors: the body is parsed strictly as the resolved shape") {
  const ba::http_headers h = {{"X-Amzn-Errortype", "InternalServerException"}};
  check_one(parse(500, h, R"({"message":"a","message":"b"})"), rules::json_duplicate_member, "/message");
  check_one(parse(500, h, R"({"message":5})"), rules::shape_wrong_type, "/message");
  check_one(parse(500, h, R"({"message":null})"), rules::shape_null, "/message");
  check_one(parse(500, h, "[]"), rules::json_root_not_object, "");
  CHECK_FALSE(parse(500, h, "not json").ok());
  CHECK_FALSE(parse(500, h, " ").ok());  // only a zero-length body is "no body"
  // a truncated body: with a header type it is a JSON error; alone it names no type
  const std::string cut_body = R"({"code":"ConflictException",)";
  const auto cut = parse(409, {{"X-Amzn-Errortype", "ConflictException"}}, cut_body);
  CHECK_FALSE(cut.ok());
  REQUIRE_FALSE(cut.diagnostics().empty());
  CHECK(ba::rule_info(cut.diagnostics().back().id).source == ba::rule_source::json_syntax);
  CHECK(cut.diagnostics().back().offset == cut_body.size());
  check_one(parse(409, kJson, cut_body), rules::error_missing_type, "");
}

TEST_CASE("errors: only the type-carrying code/__type are excused") {
  // a second "code" is a duplicate, not a second type
  const auto dup = parse(409, kJson, R"({"code":"ConflictException","code":"ThrottlingException"})");
  check_one(dup, rules::json_duplicate_member, "/code");
  CHECK(dup.diagnostics()[0].offset == 28);
  CHECK(dup.type().name == "ConflictException");
  // a "code" that is not a string carries no type: it is an unknown member
  const auto num = parse(409, kJson, R"({"code":5,"__type":"ConflictException"})");
  check_one(num, rules::shape_unknown_member, "/code");
  CHECK(num.type().source == ba::error_type_source::body_type);
  CHECK(parse(409, kJson, R"({"code":5,"__type":"ConflictException"})", ba::parse_options::client()).ok());
  // a nested "code" is an ordinary (unknown) member of whatever holds it
  check_one(parse(400, kJson, R"({"__type":"ValidationException","fieldList":[{"name":"a","message":"b","code":"X"}]})"),
            rules::shape_unknown_member, "/fieldList/0/code");
}

TEST_CASE("errors: a body over max_input_bytes is not read") {
  ba::parse_options small;
  small.max_input_bytes = 10;
  const auto r = parse(409, {{"X-Amzn-Errortype", "ConflictException"}}, R"({"message":"twelve+ bytes"})", small);
  check_one(r, rules::limit_input_size, "");
  CHECK(r.type().name == "ConflictException");
  CHECK(ba::resolve_error_type({}, R"({"code":"ConflictException"})", small).type.source ==
        ba::error_type_source::none);
  CHECK(parse(409, {{"X-Amzn-Errortype", "ConflictException"}}, R"({"code":"x"})", small).ok() == false);
  CHECK(parse(409, {{"X-Amzn-Errortype", "ConflictException"}}, "{}", small).ok());
}

TEST_CASE("errors: resolve_error_type alone") {
  const auto r = ba::resolve_error_type({{"Content-Type", "application/json"}},
                                        R"({"__type":"x#ConflictException:uri","code":"ns#ThrottlingException"})");
  CHECK(r.type.name == "ThrottlingException");
  CHECK(r.type.raw == "ns#ThrottlingException");
  CHECK(r.type.source == ba::error_type_source::body_code);
  CHECK(r.diagnostics.empty());
  const auto none = ba::resolve_error_type({}, "");
  CHECK(none.type.source == ba::error_type_source::none);
  CHECK(ba::to_string(ba::error_type_source::body_type) == "body __type");
  // an escaped key is the same key
  CHECK(ba::resolve_error_type({}, R"({"\u0063ode":"ConflictException"})").type.name == "ConflictException");
}

// ---- classify and write ----------------------------------------------------------------------

namespace {
ba::StopIngestionJobResponse sample_output() {
  ba::StopIngestionJobResponse out;
  out.ingestionJob.knowledgeBaseId = ba::Id("KB12345678");
  out.ingestionJob.dataSourceId = ba::Id("DS12345678");
  out.ingestionJob.ingestionJobId = ba::Id("IJ12345678");
  out.ingestionJob.status = ba::IngestionJobStatus::STOPPING;
  out.ingestionJob.startedAt = *ba::parse_timestamp("2024-03-14T09:26:53.589Z");
  out.ingestionJob.updatedAt = *ba::parse_timestamp("2024-03-14T09:27:00Z");
  return out;
}
}  // namespace

TEST_CASE("errors: write_error_response round trips all six exceptions") {
  boost::mp11::mp_for_each<boost::mp11::mp_iota_c<6>>([](auto i) {
    using E = boost::mp11::mp_at_c<Op::errors, i>;
    E e{};
    e.message = ba::NonBlankString("no " + std::string(E::shape_name));
    if constexpr (std::is_same<E, ba::ValidationException>::value) {
      e.fieldList = ba::ValidationExceptionFieldList{{ba::NonBlankString("dataSourceId"), ba::NonBlankString("bad")}};
    }
    const ba::http_response w = ba::write_error_response(e);
    CHECK(w.status == E::http_status);
    REQUIRE(w.headers.size() == 2);
    CHECK(w.headers[0] == std::pair<std::string, std::string>("Content-Type", "application/json"));
    CHECK(w.headers[1] == std::pair<std::string, std::string>("X-Amzn-Errortype", std::string(E::shape_name)));
    CHECK(w.body == ba::to_json(e));
    const auto back = ba::parse_error_response<Op>(w.status, w.headers, w.body);
    REQUIRE(back.ok());
    CHECK(back.diagnostics().empty());
    REQUIRE(back.value().index() == i);
    CHECK(std::get<i>(back.value()) == e);
    // and through the variant
    const ba::http_response again = ba::write_error_response(back.value());
    CHECK(again.status == w.status);
    CHECK(again.headers == w.headers);
    CHECK(again.body == w.body);
  });
  const ba::http_response empty = ba::write_error_response(ba::ConflictException{});
  CHECK(empty.body == "{}");
  CHECK(ba::parse_error_response<Op>(empty.status, empty.headers, empty.body).ok());
}

TEST_CASE("errors: classify_response tells success from error") {
  const ba::http_response ok = ba::write_success_response<Op>(sample_output());
  CHECK(ok.status == 202);
  CHECK(ok.headers == ba::http_headers{{"Content-Type", "application/json"}});
  const auto s = ba::classify_response<Op>(ok.status, ok.headers, ok.body);
  CHECK(s.kind() == ba::response_kind::success);
  REQUIRE(s.ok());
  CHECK(std::get<0>(s.value()) == sample_output());

  const ba::http_response err = ba::write_error_response(ba::ThrottlingException{ba::NonBlankString("slow down")});
  const auto e = ba::classify_response<Op>(err.status, err.headers, err.body);
  CHECK(e.kind() == ba::response_kind::error);
  REQUIRE(e.ok());
  CHECK(std::get<ba::ThrottlingException>(std::get<1>(e.value())).message == ba::NonBlankString("slow down"));

  // a 202 is read as the output, whatever it carries
  const auto wrong = ba::classify_response<Op>(202, err.headers, err.body);
  CHECK(wrong.kind() == ba::response_kind::success);
  CHECK_FALSE(wrong.ok());
  REQUIRE(wrong.diagnostics().size() == 2);
  CHECK(wrong.diagnostics()[0].id == rules::shape_unknown_member);
  CHECK(wrong.diagnostics()[0].pointer == "/message");
  CHECK(wrong.diagnostics()[1].id == rules::shape_missing_member);
  CHECK(ba::classify_response<Op>(202, {}, "").diagnostics().at(0).id == rules::json_syntax);
}

TEST_CASE("errors: mutated error responses: ok() exactly when no error is reported") {
  std::uint64_t state = 0xD1B54A32D192ED03u;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string base = R"({"__type":"ns#ValidationException:u","message":"m","fieldList":[{"name":"a","message":"b"}],"code":"ValidationException"})";
  static constexpr char alphabet[] = "\"{}[]:,#\\ aZ0\x80";
  static constexpr int statuses[] = {400, 409, 200, 202, 500};
  std::size_t accepted = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string body = base;
    for (int e = 0; e < 2; ++e) {
      const std::size_t at = next() % (body.size() + 1);
      const char c = alphabet[next() % (sizeof alphabet - 1)];
      if (next() % 2 && at < body.size()) body[at] = c; else body.insert(at, 1, c);
    }
    const int status = statuses[next() % 5];
    const auto r = ba::classify_response<Op>(status, {}, body);
    std::size_t errors = 0;
    for (const auto& d : r.diagnostics()) {
      errors += d.level == ba::severity::error;
      CHECK(d.offset <= body.size());
    }
    CHECK(r.ok() == (errors == 0));
    if (r.ok() && r.kind() == ba::response_kind::error) {
      ++accepted;
      const ba::http_response w = ba::write_error_response(std::get<1>(r.value()));
      const auto back = ba::parse_error_response<Op>(w.status, w.headers, w.body);
      REQUIRE(back.ok());
      CHECK(back.value() == std::get<1>(r.value()));
    }
  }
  CHECK(accepted > 0);
}
