// Suites "operations" and "wire_requests", for both clients (the JS v3 SDK through harness.js,
// botocore through harness.py; `check <suite> js|botocore` judges either).
//
// operations: for each of the four operations, generated success responses (the project's
// write_success_response of a value from its RapidCheck generators) and generated error
// responses of each declared error (write_error_response), read by the client and compared
// field by field with the project's value; then a few pins of what each client loses.
//
// wire_requests: generated inputs of each operation, as each client serializes them (method,
// path, query, headers, body). Today the driver checks them against the operation's method,
// build_path and the body members of to_json(input); the comparison with the library's own
// request binding plugs in at compare_with_binding() (see docs/interop.md).

#include "generator.hpp"
#include "interop.hpp"

#if BEDROCK_AGENT_INTEROP_RAPIDCHECK
#include <bedrock_agent/testing/arbitrary.hpp>
#include <rapidcheck.h>
#endif

#include <cctype>
#include <cstdint>
#include <cstdlib>
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

}  // namespace

std::vector<interop_case> operation_cases() {
  std::vector<interop_case> cases;
  boost::mp11::mp_for_each<ba::operations>([&](auto op) { add_operation<decltype(op)>(cases); });
  return cases;
}

std::vector<interop_case> wire_request_cases() {
  std::vector<interop_case> cases;
  std::uint64_t seed = request_seed;
  boost::mp11::mp_for_each<ba::operations>([&](auto op) { add_requests<decltype(op)>(cases, seed++); });
  return cases;
}

}  // namespace interop
