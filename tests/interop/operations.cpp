// Suites "operations" and "wire_requests", for both clients (the JS v3 SDK through harness.js,
// botocore through harness.py; `check <suite> js|botocore` judges either).
//
// operations: for each of the four operations, generated success responses (the project's
// write_success_response of a value from its RapidCheck generators) and generated error
// responses of each declared error (write_error_response), read by the client and compared
// field by field with the project's value; then a few pins of what each client loses.
//
// wire_requests: generated inputs of each operation, as each client serializes them (method,
// path, query, headers, body), checked against the operation's method, its URI template and the
// body members of to_json(input), then against the library's own request binding
// (compare_with_binding: write_request and parse_request; see docs/interop.md).

#include "generator.hpp"
#include "interop.hpp"

#if BEDROCK_AGENT_INTEROP_RAPIDCHECK
#include <bedrock_agent/testing/arbitrary.hpp>
#include <rapidcheck.h>
#endif

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

constexpr std::size_t success_count = 2000;  ///< success responses per operation
constexpr std::size_t error_count = 40;      ///< error responses per declared error and operation
constexpr std::size_t request_count = 250;   ///< inputs per operation (wire_requests)
/// Seeds: StopIngestionJob keeps the responses suite's first seed, so its 2000 generated
/// successes are the values that suite compared before it moved here.
constexpr std::uint64_t stop_seed = 20240601;
constexpr std::uint64_t request_seed = 20240612;

template <class Op>
constexpr std::uint64_t operation_seed() {
  if constexpr (std::is_same<Op, ba::StopIngestionJob>::value) return stop_seed;
  else if constexpr (std::is_same<Op, ba::StartIngestionJob>::value) return 20240621;
  else if constexpr (std::is_same<Op, ba::GetIngestionJob>::value) return 20240622;
  else return 20240623;
}

using headers_t = std::vector<std::pair<std::string, std::string>>;

/** The binding of Op::input's member `name` (member_metadata). */
template <class Op>
ba::member_binding binding_of(std::string_view name) {
  for (const auto& m : ba::member_metadata<typename Op::input>::members) {
    if (m.name == name) return m.binding;
  }
  return ba::member_binding::body;
}

/** A valid input of Op whose labels are fixed ids and whose other members are absent. */
template <class Op>
typename Op::input fixed_input() {
  typename Op::input in{};
  boost::mp11::mp_for_each<boost::describe::describe_members<typename Op::input, boost::describe::mod_public>>(
      [&](auto d) {
        const std::string_view n = d.name;
        if constexpr (std::is_same<std::decay_t<decltype(in.*d.pointer)>, ba::Id>::value) {
          in.*d.pointer = std::string(n == "knowledgeBaseId" ? "KB12345678" : n == "dataSourceId" ? "DS12345678" : "IJ12345678");
        }
      });
  return in;
}

/** The observation's echoed status, headers and body (the harness hands back what it was given). */
bool echoed(element obs, int& status, headers_t& headers, std::string& body, case_report& r) {
  std::string_view b64;
  std::int64_t st = 0;
  simdjson::dom::object hs;
  if (obs["body_b64"].get(b64) || obs["echo_status"].get(st) || obs["echo_headers"].get(hs)) {
    r.disagree("echo", "(not consulted)", "the observation lacks the echoed response");
    return false;
  }
  status = static_cast<int>(st);
  for (auto h : hs) {
    std::string_view v;
    if (!h.value.get(v)) headers.emplace_back(std::string(h.key), std::string(v));
  }
  body = base64_decode(b64);
  return true;
}

/** A case for Op whose canned response is `wire`, echoed back by the harness. */
template <class Op>
interop_case response_case(std::string name, const ba::http_response& wire) {
  interop_case c;
  c.name = std::move(name);
  c.operation = Op::name;
  c.input_json = ba::to_json(fixed_input<Op>());
  c.status = wire.status;
  c.headers = wire.headers;
  c.body = wire.body;
  c.echo_body = true;
  return c;
}

/** Judges a generated case from the echoed response: the project's reading of those bytes
 *  (which gen mode proved equal to the generated value) against the client's. */
template <class Op>
interop_case judged_case(std::string name) {
  interop_case c;
  c.name = std::move(name);
  c.check = [](element obs, case_report& r) {
    int status = 0;
    headers_t headers;
    std::string body;
    if (!echoed(obs, status, headers, body, r)) return;
    const auto ours = ba::classify_response<Op>(status, headers, body);
    if (!ours.ok()) {
      r.disagree("project", "(not consulted)", "rejects the echoed response: " + to_string(ours.diagnostics().front()));
      return;
    }
    std::string_view outcome;
    if (obs["outcome"].get(outcome)) outcome = "(none)";
    if (ours.kind() == ba::response_kind::success) {
      if (outcome != "ok") r.disagree("outcome", show(member(obs, "error")), "a " + std::string(Op::output::shape_name));
      else compare(std::get<0>(ours.value()), member(obs, "output"), "", r);
    } else {
      if (outcome != "error") r.disagree("outcome", show(member(obs, "output")), "an exception");
      else compare_error(std::get<1>(ours.value()), status, member(obs, "error"), r);
    }
  };
  return c;
}

/** Stops the driver when the project does not read `wire` back as `expected` (then the
 *  comparison with a client would be moot). */
template <class Op, class Expected>
void require_round_trip(const std::string& name, const ba::http_response& wire, const Expected& expected) {
  const auto self = ba::classify_response<Op>(wire.status, wire.headers, wire.body);
  bool same = false;
  if (self.ok()) {
    const auto& v = self.value();
    if constexpr (std::is_same<Expected, typename Op::output>::value) {
      same = v.index() == 0 && std::get<0>(v) == expected;
    } else {
      same = v.index() == 1 && std::holds_alternative<Expected>(std::get<1>(v)) && std::get<Expected>(std::get<1>(v)) == expected;
    }
  }
  if (!same) {
    std::cerr << "interop_driver: " << name << ": the project does not read back its own response: "
              << (self.ok() ? std::string("a different value") : to_string(self.diagnostics().front())) << "\n";
    std::exit(1);
  }
}

#if !BEDROCK_AGENT_INTEROP_RAPIDCHECK
/** Without the project's generators: the driver's own, as the responses suite had it. */
template <class Op>
typename Op::output fallback_output(generator& g) {
  if constexpr (std::is_same<typename Op::output, ba::ListIngestionJobsResponse>::value) {
    ba::ListIngestionJobsResponse v;
    for (std::size_t n = g.length(0, 4); n > 0; --n) {
      const ba::IngestionJob j = g.response().ingestionJob;
      v.ingestionJobSummaries.push_back({j.knowledgeBaseId, j.dataSourceId, j.ingestionJobId, j.description, j.status,
                                         j.startedAt, j.updatedAt, j.statistics});
    }
    if (g.length(0, 1)) v.nextToken = ba::NextToken(g.id());
    return v;
  } else {
    typename Op::output v;
    v.ingestionJob = g.response().ingestionJob;
    return v;
  }
}
template <class E>
E fallback_error(generator& g) {
  E e;
  if (g.length(0, 3) > 0) e.message = ba::NonBlankString(g.text(g.length(1, 64)));
  return e;
}
#endif

template <class Op>
void add_operation(std::vector<interop_case>& cases) {
  const std::string prefix = "operations/" + std::string(Op::name) + "/";
#if BEDROCK_AGENT_INTEROP_RAPIDCHECK
  // The project's generators, sampled outside rc::check: one split of a fixed-seed Random per
  // value, sizes cycling over RapidCheck's 0..100.
  rc::Random random(operation_seed<Op>());
  const rc::Gen<typename Op::output> gen = rc::gen::arbitrary<typename Op::output>();
  auto output = [&](std::size_t i) { return gen(random.split(), static_cast<int>(i % 101)).value(); };
#else
  generator g(operation_seed<Op>());
  auto output = [&](std::size_t) { return fallback_output<Op>(g); };
#endif
  for (std::size_t i = 0; i < success_count; ++i) {
    std::string name = prefix + "success/" + std::to_string(i);
    if (checking) {
      cases.push_back(judged_case<Op>(std::move(name)));
      continue;
    }
    const typename Op::output v = output(i);
    const ba::http_response wire = ba::write_success_response<Op>(v);
    require_round_trip<Op>(name, wire, v);
    cases.push_back(response_case<Op>(std::move(name), wire));
  }
  std::uint64_t error_seed = operation_seed<Op>() * 31;
  boost::mp11::mp_for_each<typename Op::errors>([&](auto tag) {
    using E = decltype(tag);
#if BEDROCK_AGENT_INTEROP_RAPIDCHECK
    rc::Random errors_random(++error_seed);
    const rc::Gen<E> error_gen = rc::gen::arbitrary<E>();
    auto error = [&](std::size_t i) { return error_gen(errors_random.split(), static_cast<int>(i * 101 / error_count)).value(); };
#else
    generator eg(++error_seed);
    auto error = [&](std::size_t) { return fallback_error<E>(eg); };
#endif
    for (std::size_t i = 0; i < error_count; ++i) {
      std::string name = prefix + std::string(E::shape_name) + "/" + std::to_string(i);
      if (checking) {
        cases.push_back(judged_case<Op>(std::move(name)));
        continue;
      }
      const E e = error(i);
      const ba::http_response wire = ba::write_error_response(e);
      require_round_trip<Op>(name, wire, e);
      cases.push_back(response_case<Op>(std::move(name), wire));
    }
  });
}

// ---- wire_requests -----------------------------------------------------------------------------

/** Are `a` and `b` the same JSON value? Members in any order; numbers by their value. */
bool json_equal(element a, element b) {
  using type = simdjson::dom::element_type;
  if (a.is_number() && b.is_number()) {
    std::int64_t x = 0, y = 0;
    if (!a.get_int64().get(x) && !b.get_int64().get(y)) return x == y;
    double dx = 0, dy = 0;
    return !a.get_double().get(dx) && !b.get_double().get(dy) && dx == dy;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case type::OBJECT: {
      const simdjson::dom::object oa = a.get_object().value_unsafe(), ob = b.get_object().value_unsafe();
      if (oa.size() != ob.size()) return false;
      for (auto f : oa) {
        const std::optional<element> other = member(b, f.key);
        if (!other || !json_equal(f.value, *other)) return false;
      }
      return true;
    }
    case type::ARRAY: {
      const simdjson::dom::array xa = a.get_array().value_unsafe(), xb = b.get_array().value_unsafe();
      if (xa.size() != xb.size()) return false;
      auto it = xb.begin();
      for (element item : xa) {
        if (!json_equal(item, *it)) return false;
        ++it;
      }
      return true;
    }
    case type::STRING:
      return a.get_string().value_unsafe() == b.get_string().value_unsafe();
    case type::BOOL:
      return a.get_bool().value_unsafe() == b.get_bool().value_unsafe();
    default:
      return a.type() == type::NULL_VALUE;
  }
}

/** The value of header `name` (case-insensitive) in the observed request's headers. */
std::optional<std::string_view> header(std::optional<element> headers, std::string_view name) {
  simdjson::dom::object hs;
  if (!headers || headers->get_object().get(hs)) return std::nullopt;
  for (auto h : hs) {
    std::string_view v;
    if (h.key.size() != name.size() || h.value.get(v)) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(h.key[i])) == std::tolower(static_cast<unsigned char>(name[i]));
    }
    if (same) return v;
  }
  return std::nullopt;
}

template <class Op>
constexpr bool has_body_members() {
  for (const auto& m : ba::member_metadata<typename Op::input>::members) {
    if (m.binding == ba::member_binding::body) return true;
  }
  return false;
}

/** Op::http_uri with each {label} replaced by the input member of that name, every byte but
 *  A-Z a-z 0-9 - . _ ~ percent-encoded (what build_path does; it does not take the trailing
 *  '/' of Start's and List's URIs yet, so the driver spells the rule out itself). */
template <class Op>
std::string template_path(const typename Op::input& in) {
  std::string out;
  const std::string_view uri = Op::http_uri;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '{') {
      out += uri[i];
      continue;
    }
    const std::size_t close = uri.find('}', i);
    const std::string_view label = uri.substr(i + 1, close - i - 1);
    boost::mp11::mp_for_each<boost::describe::describe_members<typename Op::input, boost::describe::mod_public>>(
        [&](auto d) {
          if constexpr (std::is_same<std::decay_t<decltype(in.*d.pointer)>, ba::Id>::value) {
            if (label != d.name) return;
            for (const char ch : std::string_view(in.*d.pointer)) {
              const auto b = static_cast<unsigned char>(ch);
              if (std::isalnum(b) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
                out += ch;
              } else {
                static constexpr char hex[] = "0123456789ABCDEF";
                out += '%';
                out += hex[b >> 4];
                out += hex[b & 15];
              }
            }
          }
        });
    i = close;
  }
  return out;
}

/** A valid response of Op for the client to read after it sent its request. */
template <class Op>
ba::http_response fixed_response() {
  typename Op::output out{};
  if constexpr (!std::is_same<typename Op::output, ba::ListIngestionJobsResponse>::value) {
    out.ingestionJob.knowledgeBaseId = std::string("KB12345678");
    out.ingestionJob.dataSourceId = std::string("DS12345678");
    out.ingestionJob.ingestionJobId = std::string("IJ12345678");
    out.ingestionJob.status = ba::IngestionJobStatus::STARTING;
  }
  return ba::write_success_response<Op>(out);
}

/** Are the JSON objects `a` and `b` equal but for member `skip`? */
bool json_equal_except(element a, element b, std::string_view skip) {
  simdjson::dom::object oa, ob;
  if (a.get_object().get(oa) || b.get_object().get(ob)) return false;
  std::size_t na = 0, nb = 0;
  for (auto f : oa) {
    if (f.key == skip) continue;
    ++na;
    const std::optional<element> other = member(b, f.key);
    if (!other || !json_equal(f.value, *other)) return false;
  }
  for (auto f : ob) nb += f.key == skip ? 0 : 1;
  return na == nb;
}

/** The library's request binding against what the client sent for `in`: write_request<Op>(in)
 *  must send the same method, path and body (as a JSON value; a token the client filled in
 *  aside), and parse_request<Op> must read the client's request back as `in` (with the
 *  client's token). */
template <class Op>
void compare_with_binding(const typename Op::input& in, std::string_view method, std::string_view path_and_query,
                          const std::string& body, case_report& r) {
  const ba::http_request ours = ba::write_request<Op>(in);
  r.expect(ours.method == method, "write_request method", quoted_view(method), quoted_view(ours.method));
  r.expect(ours.target == path_and_query, "write_request path", quoted_view(path_and_query), quoted_view(ours.target));
  simdjson::dom::parser their_parser, our_parser;
  element theirs, mine;
  std::string_view token;  // the clientToken the client sent, if any
  if (body.empty() || ours.body.empty()) {
    r.expect(body.empty() && ours.body.empty(), "write_request body", quoted_view(body), quoted_view(ours.body));
  } else if (their_parser.parse(body).get(theirs) || our_parser.parse(ours.body).get(mine)) {
    r.disagree("write_request body", quoted_view(body), quoted_view(ours.body));
  } else {
    if (theirs["clientToken"].get(token) != simdjson::SUCCESS) token = {};
    if (json_equal(theirs, mine)) r.agree();
    else if (json_equal_except(theirs, mine, "clientToken") && token.size() > 0) r.known_difference("client.idempotency-token");
    else r.disagree("write_request body", quoted_view(body), quoted_view(ours.body));
  }
  typename Op::input expected = in;
  if constexpr (std::is_same<typename Op::input, ba::StartIngestionJobRequest>::value) {
    if (!expected.clientToken && !token.empty()) expected.clientToken = ba::ClientToken(std::string(token));
  }
  const auto back = ba::parse_request<Op>(method, path_and_query, body, ba::parse_options{});
  r.expect(back.ok() && back.value() == expected, "parse_request", quoted_view(path_and_query) + " " + quoted_view(body),
           back.ok() ? std::string("a different input") : to_string(back.diagnostics().front()));
}

/** What the client sent for `in`, against what can be said today without the library's
 *  request binding: the method, build_path, no query, and a body that is the JSON object of
 *  the input's body members (to_json of the input without its labels) or no body at all. A
 *  client fills in a missing idempotency token (known difference client.idempotency-token). */
template <class Op>
void check_request(const typename Op::input& in, element obs, case_report& r) {
  const std::optional<element> req = member(obs, "request");
  std::string_view method, path, body_b64;
  if (!req || (*req)["method"].get(method) || (*req)["path"].get(path) || (*req)["body_b64"].get(body_b64)) {
    r.disagree("request", show(req) + " " + show(member(obs, "error")), "a request");
    return;
  }
  r.expect(method == Op::http_method, "method", quoted_view(method), std::string(Op::http_method));
  const std::string ours = template_path<Op>(in);
  r.expect(path == ours, "path", quoted_view(path), quoted_view(ours));
  const std::string query = show(at(*req, "/query"));  // JS: an object; botocore: the query string
  r.expect(query == "{}" || query == "\"\"", "query", query, "none");
  const std::string body = base64_decode(body_b64);
  if constexpr (!has_body_members<Op>()) {
    r.expect(body.empty(), "body", quoted_view(body), "no body");
  } else {
    const auto type = header(member(*req, "headers"), "content-type");
    r.expect(type == std::optional<std::string_view>("application/json"), "content-type",
             type ? quoted_view(*type) : "absent", "application/json");
    simdjson::dom::parser theirs_parser, ours_parser;
    element theirs, expected;
    if (theirs_parser.parse(body).get(theirs) || !theirs.is_object()) {
      r.disagree("body", quoted_view(body), "a JSON object");
      return;
    }
    if (ours_parser.parse(ba::to_json(in)).get(expected)) {
      r.disagree("body", "(not consulted)", "to_json(input) is not JSON");
      return;
    }
    const simdjson::dom::object expected_members = expected.get_object().value_unsafe();  // not a temporary in the range-for
    for (auto f : expected_members) {
      if (binding_of<Op>(f.key) != ba::member_binding::body) continue;
      const std::optional<element> got = member(theirs, f.key);
      r.expect(got && json_equal(f.value, *got), "body/" + std::string(f.key), show(got), show(f.value));
    }
    const simdjson::dom::object their_members = theirs.get_object().value_unsafe();
    for (auto f : their_members) {
      if (member(expected, f.key) && binding_of<Op>(f.key) == ba::member_binding::body) continue;
      std::string_view token;
      if (f.key == "clientToken" && !f.value.get(token) && ba::check_value(ba::ClientToken(std::string(token))).ok()) {
        r.known_difference("client.idempotency-token");  // a fresh token (a UUID) the input did not hold
      } else {
        r.disagree("body/" + std::string(f.key), show(f.value), "absent");
      }
    }
  }
  compare_with_binding<Op>(in, method, path, body, r);  // these ops have no query: the path is path_and_query
}

template <class Op>
void add_requests(std::vector<interop_case>& cases, std::uint64_t seed) {
#if BEDROCK_AGENT_INTEROP_RAPIDCHECK
  rc::Random random(seed);
  const rc::Gen<typename Op::input> gen = rc::gen::arbitrary<typename Op::input>();
  auto input = [&](std::size_t i) { return gen(random.split(), static_cast<int>(i % 101)).value(); };
#else
  generator g(seed);
  auto input = [&](std::size_t) {
    typename Op::input in = fixed_input<Op>();
    in.knowledgeBaseId = g.id();
    in.dataSourceId = g.id();
    return in;
  };
#endif
  const ba::http_response response = fixed_response<Op>();
  for (std::size_t i = 0; i < request_count; ++i) {
    const typename Op::input in = input(i);
    interop_case c;
    c.name = "wire_requests/" + std::string(Op::name) + "/" + std::to_string(i);
    c.operation = Op::name;
    c.input_json = ba::to_json(in);
    c.status = response.status;
    c.headers = response.headers;
    c.body = response.body;
    c.check = [in](element obs, case_report& r) { check_request<Op>(in, obs, r); };
    cases.push_back(std::move(c));
  }
}

// ---- pins: what each client loses, one hand-written response or input each ---------------------

/// What one client holds at a pointer of the observation (show(), "absent" for nothing), and
/// the known difference that explains it ("" when it is the project's value, i.e. agreement).
struct pinned {
  std::string value;
  std::string known;
};

/** A case whose canned response is `body` (status, X-Amzn-Errortype `type` when not empty),
 *  read by `Op`'s command, with what each client holds at `pointer` pinned. */
template <class Op>
interop_case response_pin(std::string name, int status, std::string_view type, std::string body, std::string pointer,
                          pinned js, pinned botocore) {
  interop_case c;
  c.name = "pins/" + std::move(name);
  c.operation = Op::name;
  c.input_json = ba::to_json(fixed_input<Op>());
  c.status = status;
  if (!type.empty()) c.headers.emplace_back("X-Amzn-Errortype", std::string(type));
  c.body = std::move(body);
  c.check = [pointer, js, botocore, status = c.status, headers = c.headers, body = c.body](element obs, case_report& r) {
    // The response is valid: the difference is the client's alone.
    const auto ours = ba::classify_response<Op>(status, headers, body);
    r.expect(ours.ok(), "project", "(not consulted)", ours.ok() ? "accepts" : to_string(ours.diagnostics().front()));
    const pinned& want = client == client_kind::js ? js : botocore;
    const std::string got = show(at(obs, pointer));
    if (got != want.value) r.disagree(pointer, got, "pinned " + want.value);
    else if (want.known.empty()) r.agree();
    else r.known_difference(want.known);
  };
  return c;
}

/** A GetIngestionJob response whose job has `startedAt` and `statistics`. */
std::string job_body(std::string_view started_at, std::string_view statistics) {
  return std::string(R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)") +
         R"("ingestionJobId":"IJ12345678","status":"COMPLETE","startedAt":")" + std::string(started_at) +
         R"(","updatedAt":"2024-01-01T00:00:00Z","statistics":)" + std::string(statistics) + "}}";
}

void add_response_pins(std::vector<interop_case>& cases) {
  using ba::GetIngestionJob;
  const std::string stats = "/output/ingestionJob/statistics/";
  cases.push_back(response_pin<GetIngestionJob>(
      "long-2^53+1", 200, "", job_body("2024-01-01T00:00:00Z", R"({"numberOfDocumentsScanned":9007199254740993})"),
      stats + "numberOfDocumentsScanned", {R"({"$number":"9007199254740992"})", "sdk.long-precision"},
      {R"({"$number":"9007199254740993"})", ""}));
  cases.push_back(response_pin<GetIngestionJob>(
      "documents-skipped", 200, "", job_body("2024-01-01T00:00:00Z", R"({"numberOfDocumentsSkipped":7})"),
      stats + "numberOfDocumentsSkipped", {R"({"$number":"7"})", ""}, {"absent", "botocore.no-documents-skipped"}));
  cases.push_back(response_pin<GetIngestionJob>(
      "two-digit-year", 200, "", job_body("0001-01-01T00:00:00Z", "{}"), "/output/ingestionJob/startedAt",
      {R"({"$date":"-2177452800000"})", "sdk.two-digit-year"}, {R"({"$date_us":"-62135596800000000"})", ""}));
  // Precision, not a difference: milliseconds in JS, microseconds in Python, both truncated.
  cases.push_back(response_pin<GetIngestionJob>(
      "fraction-9-digits", 200, "", job_body("2024-01-01T00:00:00.123456789Z", "{}"), "/output/ingestionJob/startedAt",
      {R"({"$date":"1704067200123"})", ""}, {R"({"$date_us":"1704067200123456"})", ""}));
  cases.push_back(response_pin<GetIngestionJob>(
      "fraction-below-us", 200, "", job_body("1969-12-31T23:59:59.9999999Z", "{}"), "/output/ingestionJob/startedAt",
      {R"({"$date":"-1"})", ""}, {R"({"$date_us":"-1"})", ""}));
  cases.push_back(response_pin<ba::StopIngestionJob>("error-without-message", 409, "ConflictException", "{}",
                                                     "/error/message", {R"("UnknownError")", "sdk.unknown-error-message"},
                                                     {R"("")", "botocore.empty-error-message"}));
}

/// The pins as docs/interop.md lists them (`interop_driver doc pins`; ctest interop.docs).
struct pin_doc {
  std::string_view name, operation, input, js, botocore, why;
};
constexpr pin_doc pin_docs[] = {
    {"long-2^53+1", "GetIngestionJob", "numberOfDocumentsScanned 9007199254740993",
     "9007199254740992 (`sdk.long-precision`)", "9007199254740993",
     "a long is a JS number (a double); a Python int is exact"},
    {"documents-skipped", "GetIngestionJob", "numberOfDocumentsSkipped 7", "7",
     "absent (`botocore.no-documents-skipped`)",
     "botocore's bedrock-agent model (apiVersion 2023-06-05, as botocore 1.43.11 ships it) has no "
     "IngestionJobStatistics.numberOfDocumentsSkipped, and its parser reads modeled members only"},
    {"two-digit-year", "GetIngestionJob", "startedAt \"0001-01-01T00:00:00Z\"", "1901-01-01T00:00:00Z (`sdk.two-digit-year`)",
     "0001-01-01T00:00:00Z", "Date.UTC maps years 0..99 to 1900..1999; dateutil keeps the year"},
    {"fraction-9-digits", "GetIngestionJob", "startedAt \"2024-01-01T00:00:00.123456789Z\"", ".123", ".123456",
     "precision, not a difference: a JS Date holds milliseconds, a Python datetime microseconds; both drop "
     "the finer digits"},
    {"fraction-below-us", "GetIngestionJob", "startedAt \"1969-12-31T23:59:59.9999999Z\"", "23:59:59.999",
     "23:59:59.999999", "both truncate the digits, which is the floor of the instant, also before 1970"},
    {"error-without-message", "StopIngestionJob", "409, X-Amzn-Errortype ConflictException, body {}",
     "message \"UnknownError\" (`sdk.unknown-error-message`)",
     "Error.Message \"\" and no modeled message (`botocore.empty-error-message`)",
     "the exception has no message; the project's is absent"},
    {"idempotency-token", "StartIngestionJob (request)", "no clientToken",
     "sends a fresh version 4 UUID (`client.idempotency-token`)", "the same",
     "the model marks clientToken @idempotencyToken: clients fill it in"},
    {"body-bytes", "StartIngestionJob (request)", "description \"\xC3\xA9\\\"\xF0\x9F\x98\x80\"",
     "compact UTF-8: `{\"clientToken\":\"...\",\"description\":\"\xC3\xA9\\\"\xF0\x9F\x98\x80\"}`",
     "json.dumps' defaults: `{\"clientToken\": \"...\", \"description\": \"\\u00e9\\\"\\ud83d\\ude00\"}`",
     "agreement: the same JSON value in other bytes; request bodies are compared as JSON values"},
};

/** Is `s` a version 4 UUID in lowercase hex (8-4-4-4-12, version 4, variant 10xx)? */
bool uuid_v4(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i])) || std::isupper(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return s[14] == '4' && std::string_view("89ab").find(s[19]) != std::string_view::npos;
}

void add_request_pins(std::vector<interop_case>& cases) {
  const ba::http_response response = fixed_response<ba::StartIngestionJob>();
  auto pin = [&](std::string name, std::string input, std::function<void(std::string_view body, case_report&)> judge) {
    interop_case c;
    c.name = "pins/" + std::move(name);
    c.operation = ba::StartIngestionJob::name;
    c.input_json = std::move(input);
    c.status = response.status;
    c.headers = response.headers;
    c.body = response.body;
    c.check = [judge](element obs, case_report& r) {
      std::string_view b64;
      if (obs.at_pointer("/request/body_b64").get(b64)) r.disagree("request", show(member(obs, "request")), "a body");
      else judge(base64_decode(b64), r);
    };
    cases.push_back(std::move(c));
  };
  // Both clients fill in a missing idempotency token with a fresh version 4 UUID.
  pin("idempotency-token", R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678"})",
      [](std::string_view body, case_report& r) {
        simdjson::dom::parser parser;
        std::string_view token;
        const bool ok = !parser.parse(body.data(), body.size())["clientToken"].get(token) && uuid_v4(token);
        if (ok) r.known_difference("client.idempotency-token");
        else r.disagree("body", quoted_view(body), "pinned {\"clientToken\": <a version 4 UUID>}");
      });
  // The same JSON value, other bytes: the JS SDK writes compact UTF-8, botocore json.dumps'
  // defaults (", " and ": ", non-ASCII as \u escapes). Compare request bodies as JSON values.
  pin("body-bytes",
      R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","clientToken":"0123456789abcdef0123456789abcdef0","description":"\u00e9\"\ud83d\ude00"})",
      [](std::string_view body, case_report& r) {
        const std::string_view want =
            client == client_kind::js
                ? "{\"clientToken\":\"0123456789abcdef0123456789abcdef0\",\"description\":\"\xC3\xA9\\\"\xF0\x9F\x98\x80\"}"
                : R"({"clientToken": "0123456789abcdef0123456789abcdef0", "description": "\u00e9\"\ud83d\ude00"})";
        r.expect(body == want, "body", quoted_view(body), "pinned " + quoted_view(want));
      });
}

}  // namespace

std::vector<interop_case> operation_cases() {
  std::vector<interop_case> cases;
  boost::mp11::mp_for_each<ba::operations>([&](auto op) { add_operation<decltype(op)>(cases); });
  add_response_pins(cases);
  return cases;
}

void print_pin_table(std::ostream& os) {
  os << "| pin | operation | input | JS SDK 3.1138.0 | botocore 1.43.11 | why |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const pin_doc& p : pin_docs) {
    os << "| `pins/" << p.name << "` | " << p.operation << " | " << p.input << " | " << p.js << " | " << p.botocore
       << " | " << p.why << " |\n";
  }
}

std::vector<interop_case> wire_request_cases() {
  std::vector<interop_case> cases;
  std::uint64_t seed = request_seed;
  boost::mp11::mp_for_each<ba::operations>([&](auto op) { add_requests<decltype(op)>(cases, seed++); });
  add_request_pins(cases);
  return cases;
}

}  // namespace interop
