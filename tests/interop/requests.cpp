// Suite "requests": the SDK's request line for generated ids against the project's HTTP
// binding. For each input the SDK's method must be the operation's, its path must equal
// build_path() byte for byte, and parse_request() must recover the ids from the SDK's path;
// the request has no query and no body. Valid Ids first, then arbitrary strings (which the SDK
// sends unchecked): there the contract rejects what the client profile still recovers.

#include "generator.hpp"
#include "interop.hpp"

#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

constexpr std::size_t valid_count = 500;
constexpr std::size_t arbitrary_count = 200;
constexpr std::uint64_t seed = 20240602;

/** A case whose input is `in`, answered by a valid success response. */
interop_case request_case(std::string name, const ba::StopIngestionJobRequest& in) {
  interop_case c;
  c.name = std::move(name);
  c.input = {{"knowledgeBaseId", in.knowledgeBaseId}, {"dataSourceId", in.dataSourceId},
             {"ingestionJobId", in.ingestionJobId}};
  ba::StopIngestionJobResponse out;
  out.ingestionJob.knowledgeBaseId = "KB12345678";
  out.ingestionJob.dataSourceId = "DS12345678";
  out.ingestionJob.ingestionJobId = "IJ12345678";
  out.ingestionJob.status = ba::IngestionJobStatus::STOPPING;
  const ba::http_response wire = ba::write_success_response<operation>(out);
  c.status = wire.status;
  c.headers = wire.headers;
  c.body = wire.body;
  c.check = [in](element obs, case_report& r) {
    const std::optional<element> req = member(obs, "request");
    std::string_view method, path;
    const bool have = req && !(*req)["method"].get(method) && !(*req)["path"].get(path);
    if (!have) {
      r.disagree("request", show(req) + " " + show(member(obs, "error")), "a request line");
      return;
    }
    r.expect(method == operation::http_method, "method", quoted_view(method), std::string(operation::http_method));
    const std::string ours = ba::build_path<operation>(in);
    r.expect(path == ours, "path", quoted_view(path), "build_path " + quoted_view(ours));
    r.expect(show(at(*req, "/query")) == "{}", "query", show(at(*req, "/query")), "{}");
    r.expect(show(at(*req, "/body")) == "null", "body", show(at(*req, "/body")), "no body");
    // The contract reads the SDK's path back only when every id is a valid Id; the client
    // profile (constraints as warnings) recovers any non-empty id exactly.
    const bool valid = ba::check_value(in).ok();
    const auto contract = ba::parse_request<operation>(method, path);
    r.expect(contract.ok() == valid, "contract parse_request", quoted_view(path),
             contract.ok() ? "accepts" : "rejects: " + to_string(contract.diagnostics().front()));
    if (contract.ok()) {
      const auto& got = contract.value();
      r.expect(got.knowledgeBaseId == in.knowledgeBaseId && got.dataSourceId == in.dataSourceId &&
                   got.ingestionJobId == in.ingestionJobId,
               "contract ids", quoted_view(path), "recovered different ids");
    } else if (!valid) {
      ++r.known["SDK sends ids the contract rejects"];
    }
    const auto client = ba::parse_request<operation>(method, path, ba::parse_options::client());
    const bool any_empty = in.knowledgeBaseId.empty() || in.dataSourceId.empty() || in.ingestionJobId.empty();
    const auto has_slash = [](const std::string& id) { return id.find('/') != std::string::npos; };
    const bool any_slash = has_slash(in.knowledgeBaseId) || has_slash(in.dataSourceId) || has_slash(in.ingestionJobId);
    if (any_empty || any_slash) {
      // The SDK sends an empty label as "//" and a '/' as "%2F"; the project rejects both in
      // every profile (http.path-empty-label, http.encoded-slash).
      const std::string wanted = any_empty ? "http.path-empty-label" : "http.encoded-slash";
      const std::string got = first_error(client.diagnostics());
      r.expect(!client.ok() && got == wanted, "client parse_request", quoted_view(path),
               (client.ok() ? std::string("accepts") : got) + ", pinned " + wanted);
      ++r.known[any_empty ? "SDK sends an empty label, every profile rejects it"
                          : "SDK sends '/' as %2F in a label, every profile rejects it"];
    } else {
      const bool same = client.ok() && client.value().knowledgeBaseId == in.knowledgeBaseId &&
                        client.value().dataSourceId == in.dataSourceId &&
                        client.value().ingestionJobId == in.ingestionJobId;
      r.expect(same, "client parse_request", quoted_view(path),
               client.ok() ? "recovered different ids" : to_string(client.diagnostics().front()));
    }
  };
  return c;
}

}  // namespace

std::vector<interop_case> request_cases() {
  std::vector<interop_case> cases;
  generator g(seed);
  for (std::size_t i = 0; i < valid_count; ++i) {
    ba::StopIngestionJobRequest in;
    in.knowledgeBaseId = g.id();
    in.dataSourceId = g.id();
    in.ingestionJobId = g.id();
    cases.push_back(request_case("requests/valid/" + std::to_string(i), in));
  }
  // Any UTF-8 the SDK will encode: every reserved and unreserved ASCII character, every UTF-8 length.
  for (std::size_t i = 0; i < arbitrary_count; ++i) {
    ba::StopIngestionJobRequest in;
    in.knowledgeBaseId = g.id();
    in.dataSourceId = g.text(g.length(1, 12));
    in.ingestionJobId = i % 2 ? g.id() : g.text(g.length(1, 12));
    cases.push_back(request_case("requests/arbitrary/" + std::to_string(i), in));
  }
  const std::vector<std::pair<std::string, std::string>> special{
      {"empty", ""},         {"dot", "."},          {"dot-dot", ".."},   {"slash", "/"},
      {"percent", "%"},      {"percent-2F", "%2F"}, {"space", " "},      {"plus", "a+b"},
      {"reserved", "!'()*"}, {"unreserved", "-._~"}, {"question", "?x=1"}, {"hash", "#"},
      {"nine", "DS1234567"}, {"eleven", "DS123456789"}};
  for (const auto& s : special) {
    ba::StopIngestionJobRequest in;
    in.knowledgeBaseId = "KB12345678";
    in.dataSourceId = s.second;
    in.ingestionJobId = "IJ12345678";
    cases.push_back(request_case("requests/special/" + s.first, in));
  }
  {
    // No value at all: the SDK refuses to build the request. The project's input always has
    // the member; an empty Id is what check_value() and parse_request() reject.
    interop_case c = request_case("requests/special/missing", ba::StopIngestionJobRequest{});
    c.input = {{"knowledgeBaseId", "KB12345678"}, {"ingestionJobId", "IJ12345678"}};
    c.check = [](element obs, case_report& r) {
      const std::string msg = show(at(obs, "/error/message"));
      const std::string pinned = "\"No value provided for input HTTP label: dataSourceId.";
      r.expect(msg.compare(0, pinned.size(), pinned) == 0, "SDK error", msg, "pinned " + pinned + "...");
      r.expect(show(member(obs, "request")) == "null", "SDK request", show(member(obs, "request")), "none sent");
      ba::StopIngestionJobRequest in;
      in.knowledgeBaseId = "KB12345678";
      in.ingestionJobId = "IJ12345678";
      const auto report = ba::check_value(in);
      r.expect(!report.ok() && report.diagnostics().front().id == ba::rules::constraint_pattern &&
                   report.diagnostics().front().pointer == "/dataSourceId",
               "contract check_value", "(pinned)", report.ok() ? "accepts" : to_string(report.diagnostics().front()));
    };
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace interop
