// Suite "responses": the example recordings. Each StopIngestionJob response under
// examples/recordings/ is handed to the SDK as recorded (status, headers and body bytes), and
// the SDK's reading compared with the project's reading of the same bytes; then the project's
// own serialization (write_success_response, i.e. to_json with status 202) of what it read.
// Those under broken/ must be rejected by the contract, and what the SDK makes of each is
// pinned. Generated responses of all four operations are the suite "operations"
// (operations.cpp).

#include "interop.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

/** The SDK returned `v`, field by field. */
void check_success(const ba::StopIngestionJobResponse& v, element obs, case_report& r) {
  std::string_view outcome;
  if (obs["outcome"].get(outcome) || outcome != "ok") {
    r.disagree("outcome", show(member(obs, "error")), "a StopIngestionJobResponse");
    return;
  }
  compare(v, member(obs, "output"), "", r);
}

/** A case whose canned response is the project's success response for `v`. */
interop_case success_case(std::string name, const ba::StopIngestionJobResponse& v) {
  interop_case c;
  c.name = std::move(name);
  const ba::http_response wire = ba::write_success_response<ba::StopIngestionJob>(v);
  c.status = wire.status;
  c.headers = wire.headers;
  c.body = wire.body;
  c.check = [v, body = wire.body](element obs, case_report& r) {
    // The project must read its own bytes back as the same value, or the comparison is moot.
    const auto self = ba::parse<ba::StopIngestionJobResponse>(body);
    if (!self || !(self.value() == v)) {
      r.disagree("project", "(not consulted)", self ? "parse(to_json(v)) != v" : to_string(self.error()));
    }
    check_success(v, obs, r);
  };
  return c;
}

/// One recorded response: where it came from, and its status, headers and body bytes.
struct recorded {
  std::string name;
  int status = 202;
  std::vector<std::pair<std::string, std::string>> headers{{"content-type", "application/json"}};
  std::string body;
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/** The StopIngestionJob responses in a recording: a wire body (.json), one body per line
 *  (.ndjson), or the POST .../stop entries of a HAR file. boto3 dumps are the Python SDK's
 *  parsed output, not wire bytes, and are left out. */
std::vector<recorded> read_recording(const std::filesystem::path& file, const std::string& name) {
  std::vector<recorded> out;
  const std::string text = read_file(file);
  const std::string ext = file.extension().string();
  if (ext == ".ndjson") {
    std::istringstream lines(text);
    std::string line;
    for (std::size_t n = 1; std::getline(lines, line); ++n) {
      if (line.empty()) continue;
      out.push_back({name + ":" + std::to_string(n), 202, {{"content-type", "application/json"}}, line});
    }
  } else if (ext == ".har") {
    simdjson::dom::parser parser;
    simdjson::dom::element har;
    simdjson::dom::array entries;
    if (parser.parse(text).get(har) || har.at_pointer("/log/entries").get(entries)) return out;
    std::size_t n = 0;
    for (simdjson::dom::element e : entries) {
      ++n;
      std::string_view method, url;
      if (e.at_pointer("/request/method").get(method) || e.at_pointer("/request/url").get(url)) continue;
      if (method != "POST" || url.size() < 5 || url.substr(url.size() - 5) != "/stop") continue;
      recorded r;
      r.name = name + "#" + std::to_string(n);
      std::int64_t status = 0;
      if (e.at_pointer("/response/status").get(status)) continue;
      r.status = static_cast<int>(status);
      r.headers.clear();
      simdjson::dom::array headers;
      if (!e.at_pointer("/response/headers").get(headers)) {
        for (simdjson::dom::element h : headers) {
          std::string_view k, v;
          if (!h["name"].get(k) && !h["value"].get(v)) r.headers.emplace_back(std::string(k), std::string(v));
        }
      }
      std::string_view body, encoding;
      if (!e.at_pointer("/response/content/text").get(body)) {
        const bool b64 = !e.at_pointer("/response/content/encoding").get(encoding) && encoding == "base64";
        r.body = b64 ? base64_decode(body) : std::string(body);
      }
      out.push_back(std::move(r));
    }
  } else if (ext == ".json" && file.filename().string().rfind("stop-response", 0) == 0) {
    out.push_back({name, 202, {{"content-type", "application/json"}}, text});
  } else if (file.parent_path().filename() == "broken" && ext == ".json") {
    out.push_back({name, 202, {{"content-type", "application/json"}}, text});
  }
  return out;
}

/** The SDK reads the recorded bytes as the project does (contract profile). */
interop_case recorded_case(const recorded& rec) {
  interop_case c;
  c.name = "recordings/raw/" + rec.name;
  c.status = rec.status;
  c.headers = rec.headers;
  c.body = rec.body;
  c.check = [rec](element obs, case_report& r) {
    const auto ours = ba::classify_response<operation>(rec.status, rec.headers, rec.body);
    if (!ours.ok()) {
      r.disagree("project", "(not consulted)", "rejects the recording: " + to_string(ours.diagnostics().front()));
      return;
    }
    std::string_view outcome;
    if (obs["outcome"].get(outcome)) outcome = "(none)";
    if (ours.kind() == ba::response_kind::success) {
      if (outcome != "ok") r.disagree("outcome", show(member(obs, "error")), "a StopIngestionJobResponse");
      else compare(std::get<0>(ours.value()), member(obs, "output"), "", r);
    } else {
      if (outcome != "error") r.disagree("outcome", show(member(obs, "output")), "an exception");
      else compare_error(std::get<1>(ours.value()), rec.status, member(obs, "error"), r);
    }
  };
  return c;
}

/// What the SDK and the contract do with each broken recording (pinned). Entries of broken
/// HAR and NDJSON files whose defect is in the exchange (request against response) or the
/// sequence are valid responses on their own: the contract reads them, and so does the SDK.
struct broken_pin {
  std::string_view name;
  std::string_view sdk_outcome;  ///< "ok" or "error"
  bool contract_rejects;         ///< the response alone breaks the contract
};
constexpr broken_pin broken_pins[] = {
    {"broken/api-defects.har#3", "ok", false},  // a stop of a COMPLETE job: a sequence defect
    {"broken/duplicate-status.json", "ok", true},
    {"broken/epoch-timestamp.json", "error", true},
    {"broken/exchange-defects.har#1", "ok", false},
    {"broken/exchange-defects.har#2", "error", true},
    {"broken/exchange-defects.har#3", "error", false},
    {"broken/exchange-defects.har#4", "ok", true},
    {"broken/exchange-defects.har#5", "ok", true},
    {"broken/exchange-defects.har#6", "error", true},
    {"broken/failed-with-reasons-truncated-fraction.json", "ok", true},
    {"broken/id-too-short.json", "ok", true},
    {"broken/leap-second.json", "ok", true},
    {"broken/lifecycle-regression.ndjson:1", "ok", false},
    {"broken/lifecycle-regression.ndjson:2", "error", true},
    {"broken/lifecycle-regression.ndjson:3", "ok", false},
    {"broken/lifecycle-regression.ndjson:4", "ok", false},
    {"broken/lowercase-status.json", "ok", true},
    {"broken/missing-updated-at.json", "ok", true},
    {"broken/started-after-updated.json", "ok", false},
    {"broken/string-counter.json", "ok", true},
    {"broken/trailing-comma.json", "error", true},
    {"broken/unknown-member.json", "ok", true},
};

/** A broken recording: the SDK's outcome and the contract's verdict, both pinned. */
interop_case broken_case(const recorded& rec) {
  interop_case c;
  c.name = "recordings/" + rec.name;
  c.status = rec.status;
  c.headers = rec.headers;
  c.body = rec.body;
  const broken_pin* pin = nullptr;
  for (const auto& p : broken_pins) {
    if (p.name == rec.name) pin = &p;
  }
  c.check = [rec, pin](element obs, case_report& r) {
    if (pin == nullptr) {
      r.disagree("pin", "(not consulted)", "a new broken recording: add it to broken_pins");
      return;
    }
    const auto ours = ba::classify_response<operation>(rec.status, rec.headers, rec.body);
    r.expect(ours.ok() != pin->contract_rejects, "contract verdict", "(pinned)",
             (ours.ok() ? std::string("accepts") : "rejects: " + to_string(ours.diagnostics().front())) +
                 (pin->contract_rejects ? ", pinned rejects" : ", pinned accepts"));
    std::string_view outcome;
    if (obs["outcome"].get(outcome)) outcome = "(none)";
    r.expect(outcome == pin->sdk_outcome, "SDK outcome", std::string(outcome) + " " + show(member(obs, "error")),
             "pinned " + std::string(pin->sdk_outcome));
    if (outcome == "ok" && !ours.ok()) ++r.known["SDK reads a broken recording the contract rejects"];
  };
  return c;
}

}  // namespace

std::vector<interop_case> response_cases() {
  std::vector<interop_case> cases;
  // Every recording, in a fixed order; a directory the build can no longer find is a failure.
  namespace fs = std::filesystem;
  const fs::path root = BEDROCK_AGENT_RECORDINGS_DIR;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::size_t found = 0;
  for (const fs::path& file : files) {
    const std::string name = fs::relative(file, root).generic_string();
    for (const recorded& rec : read_recording(file, name)) {
      ++found;
      if (name.rfind("broken/", 0) == 0) {
        cases.push_back(broken_case(rec));
        continue;
      }
      cases.push_back(recorded_case(rec));
      // The project's own serialization of what it read from the recording.
      const auto ours = ba::classify_response<operation>(rec.status, rec.headers, rec.body);
      if (ours.ok() && ours.kind() == ba::response_kind::success) {
        cases.push_back(success_case("recordings/to_json/" + rec.name, std::get<0>(ours.value())));
      } else if (ours.ok()) {
        interop_case c;
        c.name = "recordings/to_json/" + rec.name;
        const ba::http_response wire = ba::write_error_response(std::get<1>(ours.value()));
        c.status = wire.status;
        c.headers = wire.headers;
        c.body = wire.body;
        c.check = [v = std::get<1>(ours.value()), status = wire.status](element obs, case_report& r) {
          compare_error(v, status, member(obs, "error"), r);
        };
        cases.push_back(std::move(c));
      }
    }
  }
  if (found == 0) {
    interop_case c;
    c.name = "recordings/none";
    c.check = [root](element, case_report& r) {
      r.disagree("recordings", "(not consulted)", "no recording found under " + root.string());
    };
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace interop
