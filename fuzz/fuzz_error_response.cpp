// An HTTP response: the first 2 bytes are the status (big-endian, modulo 600), then header
// lines "Name: value" up to an empty line, then the body. parse_error_response,
// classify_response and resolve_error_type in both profiles and with a small body bound.
// Oracles: result, error count and diagnostics agree; the type is where the protocol says
// (the first X-Amzn-Errortype header, else the body's first "code", else its "__type"; checked
// against simdjson's DOM); an accepted error has its shape's status and round-trips through
// write_error_response; a 202 is read exactly as validate() reads the body.

#include "fuzz_common.hpp"

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace fz = bedrock_agent::fuzz;
namespace ba = bedrock_agent;
using ba::error_type_source;
using ba::parse_options;
using ba::severity;
using ba::StopIngestionJob;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/** The shape name in a wire error type: before the first ':', after the first '#'. */
std::string_view sanitized(std::string_view raw) {
  raw = raw.substr(0, raw.find(':'));
  const std::size_t hash = raw.find('#');
  return hash == std::string_view::npos ? raw : raw.substr(hash + 1);
}

struct expected_type {
  std::string name;
  error_type_source source = error_type_source::none;
};

/** Where the type comes from, read with simdjson's DOM; nullopt when the body is not plain
 *  enough for the DOM to say (not JSON, or over the bound). */
std::optional<expected_type> reference_type(const ba::http_headers& headers, std::string_view body,
                                            const parse_options& opt) {
  expected_type t;
  for (const auto& [name, value] : headers) {
    if (!iequals(name, "x-amzn-errortype")) continue;
    const std::string_view s = sanitized(trim(value));
    if (!s.empty()) return expected_type{std::string(s), error_type_source::header};
    break;  // only the first such field counts
  }
  if (body.empty() || body.size() > opt.max_input_bytes) return t;
  if (fz::codec_verdict(body) != fz::verdict::well_formed) return std::nullopt;
  simdjson::dom::parser dom;
  simdjson::dom::element root;
  if (dom.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return t;
  for (const char* key : {"code", "__type"}) {
    for (auto field : obj) {
      if (field.key != key) continue;
      std::string_view s;
      if (field.value.get_string().get(s) == simdjson::SUCCESS && !sanitized(s).empty()) {
        return expected_type{std::string(sanitized(s)),
                             key[0] == 'c' ? error_type_source::body_code : error_type_source::body_type};
      }
      break;  // the first member of that name decides
    }
  }
  return t;
}

template <class R>
std::size_t listed_errors(const R& r) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics()) n += d.level == severity::error;
  return n;
}

void check(int status, const ba::http_headers& headers, std::string_view body, const parse_options& opt,
           const std::string& input) {
  const auto r = ba::parse_error_response<StopIngestionJob>(status, headers, body, opt);
  BEDROCK_AGENT_FUZZ_CHECK(r.ok() == (r.error_count() == 0) && listed_errors(r) <= r.error_count(),
                           "ok, error count and diagnostics disagree: " + fz::describe(r.diagnostics()) + input);
  BEDROCK_AGENT_FUZZ_CHECK(r.ok() || listed_errors(r) > 0 || r.diagnostics().size() >= opt.max_diagnostics,
                           "an error response refused without an error listed: " + input);

  const auto resolution = ba::resolve_error_type(headers, body, opt);
  BEDROCK_AGENT_FUZZ_CHECK(resolution.type.name == r.type().name && resolution.type.source == r.type().source,
                           "resolve_error_type and parse_error_response disagree on the type: " + input);
  if (const auto want = reference_type(headers, body, opt)) {
    BEDROCK_AGENT_FUZZ_CHECK(r.type().source == want->source && r.type().name == want->name,
                             "type \"" + r.type().name + "\" from " + std::string(ba::to_string(r.type().source)) +
                                 ", expected \"" + want->name + "\" from " + std::string(ba::to_string(want->source)) +
                                 ": " + input);
  }
  if (body.size() > opt.max_input_bytes) {
    BEDROCK_AGENT_FUZZ_CHECK(!r.ok() && r.diagnostics().back().id == ba::rules::limit_input_size,
                             "a body over the bound was read: " + input);
  }

  if (r.ok()) {
    std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          BEDROCK_AGENT_FUZZ_CHECK(r.type().name == E::shape_name && status == E::http_status,
                                   "accepted " + std::string(E::shape_name) + " with type \"" + r.type().name +
                                       "\" and status " + std::to_string(status));
          // Its own response reads back as the same exception.
          const ba::http_response w = ba::write_error_response(e);
          parse_options big = opt;
          big.max_input_bytes = std::max(big.max_input_bytes, w.body.size());
          const auto back = ba::parse_error_response<StopIngestionJob>(w.status, w.headers, w.body, big);
          BEDROCK_AGENT_FUZZ_CHECK(back.ok() && back.value() == r.value(),
                                   "write_error_response does not round-trip: " + w.body + "\n  " +
                                       fz::describe(back.diagnostics()));
        },
        r.value());
  }

  const auto c = ba::classify_response<StopIngestionJob>(status, headers, body, opt);
  if (status != StopIngestionJob::http_success_status) {
    BEDROCK_AGENT_FUZZ_CHECK(c.kind() == ba::response_kind::error && c.ok() == r.ok() &&
                                 c.diagnostics().size() == r.diagnostics().size() &&
                                 c.error_count() == r.error_count() && c.warning_count() == r.warning_count() &&
                                 c.type().name == r.type().name && (!c.ok() || std::get<1>(c.value()) == r.value()),
                             "classify_response reads an error response differently: " + input);
  } else {
    BEDROCK_AGENT_FUZZ_CHECK(c.kind() == ba::response_kind::success, "202 is not a success: " + input);
    const auto v = ba::validate<ba::StopIngestionJobResponse>(body, opt);
    BEDROCK_AGENT_FUZZ_CHECK(c.ok() == v.ok() && c.error_count() == v.error_count(),
                             "a 202 body is read otherwise than validate() reads it: " + input + "\n  " +
                                 fz::describe(c.diagnostics()) + "\n  vs " + fz::describe(v.diagnostics()));
    if (c.ok()) BEDROCK_AGENT_FUZZ_CHECK(r.ok() == false, "202 accepted as an error response: " + input);
    if (c.ok()) {
      BEDROCK_AGENT_FUZZ_CHECK(std::get<0>(c.value()) == ba::parse<ba::StopIngestionJobResponse>(body, opt).value(),
                               "classify_response and parse read different outputs: " + input);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const int status = in.u16() % 600;
  ba::http_headers headers;
  for (;;) {
    if (in.empty()) break;
    std::string_view line = in.until('\n');
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    headers.emplace_back(std::string(line.substr(0, colon)),
                         colon == std::string_view::npos ? std::string() : std::string(line.substr(colon + 1)));
  }
  const std::string_view body = in.rest();
  std::string input = "\n  status " + std::to_string(status);
  for (const auto& [n, v] : headers) input += "\n  header [" + n + "]: [" + v + "]";
  input += "\n  body " + std::string(body);

  check(status, headers, body, parse_options::contract(), input);
  check(status, headers, body, parse_options::client(), input);
  parse_options small = parse_options::contract();
  small.max_input_bytes = 16;
  check(status, headers, body, small, input);
  return 0;
}
