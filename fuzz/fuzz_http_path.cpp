// A request: "METHOD path?query", then optionally a newline and a body. StopIngestionJob's
// parse_request in both profiles against a reference matcher of its URI template written here,
// and every accepted request round-trips through build_path; then whichever operation
// match_operation finds reads the whole request (path and body) without breaking an
// invariant, and an accepted one round-trips through write_request.

#include "fuzz_common.hpp"

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fz = bedrock_agent::fuzz;
using bedrock_agent::parse_options;
using bedrock_agent::severity;
using bedrock_agent::StopIngestionJob;
using bedrock_agent::StopIngestionJobRequest;

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/** RFC 3986 percent-decoding; nullopt for a '%' without two hex digits. */
std::optional<std::string> decode(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    const int hi = hex(raw[i + 1]), lo = hex(raw[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/** What the contract accepts, from the model alone: POST, and the path (before any '?') is
 *  /knowledgebases/{Id}/datasources/{Id}/ingestionjobs/{Id}/stop, literal segments spelled out
 *  or percent-encoded, each Id ten ASCII letters or digits written plainly or as %XX. */
std::optional<StopIngestionJobRequest> reference(std::string_view method, std::string_view target) {
  if (method != "POST") return std::nullopt;
  std::string_view path = target.substr(0, target.find('?'));
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);  // a warning (http.trailing-slash)
  std::array<std::string_view, 8> seg{};
  std::size_t count = 0, begin = 0;
  for (;;) {
    const std::size_t slash = path.find('/', begin);
    if (count == seg.size()) return std::nullopt;
    seg[count++] = path.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin);
    if (slash == std::string_view::npos) break;
    begin = slash + 1;
  }
  if (count != 8 || !seg[0].empty()) return std::nullopt;
  static constexpr std::string_view literals[] = {"knowledgebases", "datasources", "ingestionjobs", "stop"};
  for (std::size_t k = 0; k < 4; ++k) {
    const auto d = decode(seg[1 + 2 * k]);
    if (!d || *d != literals[k]) return std::nullopt;
  }
  std::string ids[3];
  for (std::size_t k = 0; k < 3; ++k) {
    const std::string_view raw = seg[2 + 2 * k];
    for (char c : raw) {
      if (c != '%' && !alnum(c)) return std::nullopt;
    }
    const auto d = decode(raw);
    if (!d || d->size() != 10) return std::nullopt;
    for (char c : *d) {
      if (!alnum(c)) return std::nullopt;
    }
    ids[k] = *d;
  }
  StopIngestionJobRequest r;
  r.knowledgeBaseId = ids[0];
  r.dataSourceId = ids[1];
  r.ingestionJobId = ids[2];
  return r;
}

template <class R>
void check_counts(const R& r, std::string_view line) {
  std::size_t errors = 0;
  for (const auto& d : r.diagnostics()) errors += d.level == severity::error;
  BEDROCK_AGENT_FUZZ_CHECK(r.ok() == (r.error_count() == 0) && errors <= r.error_count() &&
                               (r.diagnostics().size() > 100 || errors == r.error_count()),
                           "result, error count and diagnostics disagree: " + fz::describe(r.diagnostics()) + " for " +
                               std::string(line));
}

template <class R>
void check_result(const R& r, std::string_view line, std::string_view target) {
  check_counts(r, line);
  for (const auto& d : r.diagnostics()) {
    BEDROCK_AGENT_FUZZ_CHECK(d.offset <= target.size(), "offset past the path: " + fz::describe(d));
  }
}

std::size_t count_rule(const std::vector<bedrock_agent::diagnostic>& ds, bedrock_agent::rule r) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.id == r;
  return n;
}

/** The whole request as Op: path and body read, findings consistent, and an accepted request
 *  written back (write_request) reads as the same input. */
template <class Op>
void check_operation(std::string_view method, std::string_view target, std::string_view body, std::string_view line) {
  for (const parse_options& opt : {parse_options::contract(), parse_options::client()}) {
    const auto got = bedrock_agent::parse_request<Op>(method, target, body, opt);
    check_counts(got, line);
    if (!got.ok()) continue;
    // An absent idempotency token is filled in: compare what is written again, not the inputs.
    const auto token = [] { return std::string("00000000-0000-4000-8000-000000000000"); };
    const bedrock_agent::http_request w = bedrock_agent::write_request<Op>(got.value(), token);
    const auto back = bedrock_agent::parse_request<Op>(w.method, w.target, w.body, opt);
    BEDROCK_AGENT_FUZZ_CHECK(back.ok(), std::string(Op::name) + ": write_request's request is refused: " + w.target +
                                            " " + w.body + " from " + std::string(line) + "\n  " +
                                            fz::describe(back.diagnostics()));
    const bedrock_agent::http_request again = bedrock_agent::write_request<Op>(back.value(), token);
    BEDROCK_AGENT_FUZZ_CHECK(again.target == w.target && again.body == w.body,
                             std::string(Op::name) + ": write_request does not round-trip: " + w.target + " " + w.body +
                                 " then " + again.target + " " + again.body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const std::string_view line = in.rest();
  const std::string_view method = in.until(' ');
  const std::string_view target = in.until('\n');
  const std::string_view body = in.rest();

  const auto want = reference(method, target);
  for (const parse_options& opt : {parse_options::contract(), parse_options::client()}) {
    const bool contract = !opt.constraints_as_warnings;
    const auto got = bedrock_agent::parse_request<StopIngestionJob>(method, target, opt);
    check_result(got, line, target);
    if (contract) {
      BEDROCK_AGENT_FUZZ_CHECK(got.ok() == want.has_value(), std::string("parse_request ") +
                                                                 (got.ok() ? "accepts" : "rejects") +
                                                                 ", the reference does not: " + std::string(line) +
                                                                 "\n  " + fz::describe(got.diagnostics()));
      if (got.ok()) BEDROCK_AGENT_FUZZ_CHECK(got.value() == *want, "labels differ from the reference: " + std::string(line));
    } else if (want) {
      BEDROCK_AGENT_FUZZ_CHECK(got.ok() && got.value() == *want, "the client profile refuses what the contract takes: " +
                                                                     std::string(line));
    }
    if (!got.ok()) continue;
    const std::string path = bedrock_agent::build_path<StopIngestionJob>(got.value());
    const auto back = bedrock_agent::parse_request<StopIngestionJob>("POST", path, opt);
    BEDROCK_AGENT_FUZZ_CHECK(back.ok() && back.value() == got.value(),
                             "build_path does not round-trip: " + path + " from " + std::string(line));
    BEDROCK_AGENT_FUZZ_CHECK(back.diagnostics().size() ==
                                 got.diagnostics().size() - count_rule(got.diagnostics(), bedrock_agent::rules::http_trailing_slash),
                             "the canonical path has other findings: " + path + "\n  " + fz::describe(back.diagnostics()) +
                                 "\n  vs " + fz::describe(got.diagnostics()));
  }
  if (const auto op = bedrock_agent::match_operation<bedrock_agent::operations>(method, target)) {
    bedrock_agent::visit_operation<bedrock_agent::operations>(
        op->index, [&](auto o) { check_operation<decltype(o)>(method, target, body, line); });
  }
  return 0;
}
