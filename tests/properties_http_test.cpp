// Properties of the restJson1 binding: request paths and error responses.
#include "rc_doctest.hpp"

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/testing/generators.hpp>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bedrock_agent;

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < path.size()) {
    const std::size_t next = std::min(path.find('/', at + 1), path.size());
    out.emplace_back(path.substr(at + 1, next - at - 1));
    at = next;
  }
  return out;
}

bool unreserved_or_escape(std::string_view seg) {
  for (std::size_t i = 0; i < seg.size(); ++i) {
    const char c = seg[i];
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) continue;
    auto hex = [](char h) { return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'); };
    if (c != '%' || i + 2 >= seg.size() || !hex(seg[i + 1]) || !hex(seg[i + 2])) return false;
    i += 2;
  }
  return true;
}

}  // namespace

TEST_CASE("properties: http: parse_request(build_path(r)) == r for valid requests") {
  rc_doctest::check("path round trip", [](const StopIngestionJobRequest& r) {
    const std::string path = build_path<StopIngestionJob>(r);
    RC_LOG() << path << "\n";
    const auto parsed = parse_request<StopIngestionJob>("POST", path);
    for (const diagnostic& d : parsed.diagnostics()) RC_LOG() << d << "\n";
    RC_ASSERT(parsed.ok());
    RC_ASSERT(parsed.value() == r);
    RC_ASSERT(parsed.diagnostics().empty());
    const auto with_query = parse_request<StopIngestionJob>("POST", path + "?x=1&y=%2F");
    RC_ASSERT(with_query.ok());
    RC_ASSERT(with_query.value() == r);
  });
}

TEST_CASE("properties: http: arbitrary bytes as labels never escape the URI template and are rejected or round-trip") {
  const std::vector<std::string> tpl = split_path(StopIngestionJob::http_uri);
  rc_doctest::check("labels stay in their segments", [&tpl] {
    const StopIngestionJobRequest r = *testing::request_with_arbitrary_labels();
    const std::string path = build_path<StopIngestionJob>(r);
    RC_LOG() << r << "\n" << path << "\n";
    const std::vector<std::string> segs = split_path(path);
    RC_ASSERT(segs.size() == tpl.size());
    for (std::size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i].front() == '{') {
        RC_ASSERT(unreserved_or_escape(segs[i]));
      } else {
        RC_ASSERT(segs[i] == tpl[i]);
      }
    }
    const auto parsed = parse_request<StopIngestionJob>("POST", path);
    for (const diagnostic& d : parsed.diagnostics()) RC_LOG() << d << "\n";
    if (parsed.ok()) {
      RC_ASSERT(parsed.value() == r);  // accepted: exactly what was sent
      RC_ASSERT(check_value(r).ok());
    } else {
      for (const diagnostic& d : parsed.diagnostics()) {
        // rejected for what the label holds, never for the path's structure
        RC_ASSERT(d.id != rules::http_path_literal);
        RC_ASSERT(d.id != rules::http_path_missing_segment);
        RC_ASSERT(d.id != rules::http_path_extra_segment);
        RC_ASSERT(d.id != rules::http_method);
        RC_ASSERT(!d.pointer.empty());  // about one label
      }
      RC_ASSERT(!check_value(r).ok());  // a valid request is never rejected
    }
  });
}

TEST_CASE("properties: http: every error response gives back its exception wherever the type is placed") {
  rc_doctest::check("error responses", [] {
    const testing::error_response_case<StopIngestionJob> c = *testing::error_responses<StopIngestionJob>();
    RC_LOG() << c << "\n";
    const error_type_resolution resolved = resolve_error_type(c.headers, c.body);
    for (const diagnostic& d : resolved.diagnostics) RC_LOG() << "resolve: " << d << "\n";
    RC_ASSERT(resolved.type.name == std::string(c.shape));
    RC_ASSERT(resolved.type.source == c.source);
    RC_ASSERT(resolved.diagnostics.empty());
    const auto parsed = parse_error_response<StopIngestionJob>(c.status, c.headers, c.body);
    for (const diagnostic& d : parsed.diagnostics()) RC_LOG() << "parse: " << d << "\n";
    RC_ASSERT(parsed.ok());
    RC_ASSERT(parsed.diagnostics().empty());
    RC_ASSERT(parsed.value().index() == c.value.index());
    RC_ASSERT(parsed.value() == c.value);
    RC_ASSERT(parsed.type().name == std::string(c.shape));
    const auto classified = classify_response<StopIngestionJob>(c.status, c.headers, c.body);
    RC_ASSERT(classified.kind() == response_kind::error);
    RC_ASSERT(classified.ok());
    RC_ASSERT(std::get<1>(classified.value()) == c.value);
  });
}

TEST_CASE("properties: http: write_error_response and write_success_response read back") {
  rc_doctest::check("written responses", [] {
    const testing::error_response_case<StopIngestionJob> c = *testing::error_responses<StopIngestionJob>();
    const http_response w = write_error_response(c.value);
    const auto back = classify_response<StopIngestionJob>(w.status, w.headers, w.body);
    RC_ASSERT(back.kind() == response_kind::error);
    RC_ASSERT(back.ok());
    RC_ASSERT(std::get<1>(back.value()) == c.value);
    const StopIngestionJobResponse out = *rc::gen::arbitrary<StopIngestionJobResponse>();
    const http_response s = write_success_response<StopIngestionJob>(out);
    const auto ok = classify_response<StopIngestionJob>(s.status, s.headers, s.body);
    RC_ASSERT(ok.kind() == response_kind::success);
    RC_ASSERT(ok.ok());
    RC_ASSERT(std::get<0>(ok.value()) == out);
  });
}

namespace {

/// The name of `index` in `operations`.
std::string_view operation_name(std::size_t index) {
  return visit_operation<operations>(index, [](auto op) { return decltype(op)::name; });
}

/** Round trips of Op: its request (write_request, match_operation, parse_request), its
 *  success response and each of its declared errors (write, classify). */
template <class Op>
void round_trips() {
  rc_doctest::check(std::string(Op::name) + " round trips", [] {
    using input = typename Op::input;
    const input in = *rc::gen::arbitrary<input>();
    int tokens = 0;
    const http_request req = write_request<Op>(in, [&tokens] {
      ++tokens;
      return std::string(36, 'a');
    });
    RC_LOG() << req.method << " " << req.target << " " << req.body << "\n";
    const std::optional<operation_match> m = match_operation<operations>(req.method, req.target);
    RC_ASSERT(m.has_value());
    RC_ASSERT(m->method_matches);
    RC_ASSERT(operation_name(m->index) == Op::name);
    const auto parsed = parse_request<Op>(req.method, req.target, req.body);
    for (const diagnostic& d : parsed.diagnostics()) RC_LOG() << d << "\n";
    RC_ASSERT(parsed.ok());
    RC_ASSERT(parsed.diagnostics().empty());
    input expected = in;
    if constexpr (std::is_same_v<input, StartIngestionJobRequest>) {
      RC_ASSERT(tokens == (in.clientToken ? 0 : 1));  // a token the caller gave is kept
      if (!in.clientToken) expected.clientToken = ClientToken(std::string(36, 'a'));
    } else {
      RC_ASSERT(tokens == 0);
    }
    RC_ASSERT(parsed.value() == expected);

    const typename Op::output out = *rc::gen::arbitrary<typename Op::output>();
    const http_response s = write_success_response<Op>(out);
    RC_ASSERT(s.status == Op::http_success_status);
    const auto ok = classify_response<Op>(s.status, s.headers, s.body);
    RC_ASSERT(ok.kind() == response_kind::success);
    RC_ASSERT(ok.ok());
    RC_ASSERT(std::get<0>(ok.value()) == out);

    const testing::error_response_case<Op> c = *testing::error_responses<Op>();
    const http_response e = write_error_response(c.value);
    const auto back = classify_response<Op>(e.status, e.headers, e.body);
    RC_ASSERT(back.kind() == response_kind::error);
    RC_ASSERT(back.ok());
    RC_ASSERT(std::get<1>(back.value()) == c.value);
  });
}

}  // namespace

TEST_CASE("properties: http: every operation's request, response and errors round-trip, and its request finds it") {
  boost::mp11::mp_for_each<operations>([](auto op) { round_trips<decltype(op)>(); });
}
