#ifndef BEDROCK_AGENT_TOOLS_FAKE_CLI_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_FAKE_CLI_HPP_INCLUDED

// Command-line options of bedrock-agent-fake: the fake_options of the in-process fake, and what
// the server adds (where it listens, what it records, its limits).

#include <bedrock_agent/testing/fake.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bedrock_agent::fake_server {

struct settings {
  testing::fake_options fake;
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::string seed_file;    ///< --seed: a JSON seed for fake_service::load_seed
  std::string record_file;  ///< --record: the HAR written
  std::size_t max_body_bytes = std::size_t{1} << 20;
  std::size_t max_connections = 64;
  std::chrono::milliseconds idle_timeout{30000};
};

inline constexpr const char* usage_text =
    "usage: bedrock-agent-fake [options]\n"
    "Serves a fake of the ingestion-job API (StartIngestionJob, GetIngestionJob, ListIngestionJobs,\n"
    "StopIngestionJob; restJson1) over HTTP/1.1. The first line on stdout is\n"
    "'listening on http://HOST:PORT'. SIGTERM or SIGINT stops it (exit 0).\n"
    "\n"
    "  --listen HOST:PORT          address to listen on (default 127.0.0.1:0; port 0 picks one)\n"
    "  --clock step|real           step (default): each call moves a virtual clock, each Get a job;\n"
    "                              real: jobs move by the durations below on the system clock\n"
    "  --step-ms MS                step: how far each call moves the virtual clock (default 1000)\n"
    "  --in-progress-steps N       step: polls a job stays IN_PROGRESS (default 2)\n"
    "  --starting-ms MS            real: time in STARTING (default 1000)\n"
    "  --in-progress-ms MS         real: time in IN_PROGRESS (default 3000)\n"
    "  --stopping-ms MS            real: time in STOPPING (default 1000)\n"
    "  --seed FILE                 JSON seed: {\"knowledgeBases\": [...], \"ingestionJobs\": [...]}\n"
    "  --random-seed N             seed of job ids, request ids and list tokens (default 0)\n"
    "  --throttle-every N          429 ThrottlingException on every Nth call\n"
    "  --throttle-calls LIST       ... and on the calls numbered in LIST (\"3,5\"; calls count from 1)\n"
    "  --server-error-every N      500 InternalServerException on every Nth call\n"
    "  --server-error-calls LIST\n"
    "  --access-denied-every N     403 AccessDeniedException on every Nth call\n"
    "  --access-denied-calls LIST\n"
    "  --fail-jobs N               every Nth job started ends FAILED\n"
    "  --latency-ms MS             wait MS before each answer (a timer: other connections go on)\n"
    "  --break NAME                break the contract on purpose: lowercase-status, wrong-job-id,\n"
    "                              missing-updated-at, bad-timestamp, undeclared-error\n"
    "  --break-calls LIST          only on these calls (default: every call)\n"
    "  --break-every N             only on every Nth call\n"
    "  --record FILE.har           record every exchange as HAR 1.2 (rewritten after each one)\n"
    "  --max-body-bytes N          larger request bodies get 413 and the connection closed (default 1048576)\n"
    "  --max-connections N         connections beyond N are accepted and closed at once (default 64)\n"
    "  --idle-timeout-ms MS        a connection idle or stalled this long is closed (default 30000)\n"
    "  --help                      this text\n"
    "\n"
    "Exit status: 0 stopped by SIGTERM/SIGINT, 1 cannot listen or record, 2 usage error or bad seed.\n";

/// Outcome of reading the command line.
struct cli_result {
  bool ok = true;
  bool exit_now = false;  ///< --help: print `message` to stdout, exit 0
  std::string message;    ///< the error when ok == false
};

inline bool parse_u64(std::string_view s, std::uint64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = v;
  return true;
}

/** "3,5,8" -> {3, 5, 8}; false when an item is not a positive integer. */
inline bool parse_calls(std::string_view s, std::vector<std::uint64_t>& out) {
  out.clear();
  for (;;) {
    const std::size_t comma = s.find(',');
    std::uint64_t v = 0;
    if (!parse_u64(s.substr(0, comma), v) || v == 0) return false;
    out.push_back(v);
    if (comma == std::string_view::npos) return true;
    s.remove_prefix(comma + 1);
  }
}

/** "127.0.0.1:8080", "[::1]:0" -> host and port. */
inline bool parse_listen(std::string_view s, std::string& host, std::uint16_t& port) {
  const std::size_t colon = s.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view h = s.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  std::uint64_t p = 0;
  if (h.empty() || !parse_u64(s.substr(colon + 1), p) || p > 65535) return false;
  host = std::string(h);
  port = static_cast<std::uint16_t>(p);
  return true;
}

/** Reads argv into `s`. */
inline cli_result parse_command_line(int argc, const char* const* argv, settings& s) {
  auto fail = [](std::string m) { return cli_result{false, false, std::move(m)}; };
  testing::fake_options& f = s.fake;
  for (int i = 1; i < argc; i += 2) {  // an option and its value
    const std::string_view a = argv[i];
    if (a == "--help" || a == "-h") return cli_result{true, true, usage_text};
    if (a.size() < 3 || a.substr(0, 2) != "--") return fail("unexpected argument '" + std::string(a) + "'");
    static constexpr std::string_view known[] = {
        "--listen", "--clock", "--step-ms", "--in-progress-steps", "--starting-ms", "--in-progress-ms",
        "--stopping-ms", "--seed", "--random-seed", "--throttle-every", "--throttle-calls",
        "--server-error-every", "--server-error-calls", "--access-denied-every", "--access-denied-calls",
        "--fail-jobs", "--latency-ms", "--break", "--break-calls", "--break-every", "--record",
        "--max-body-bytes", "--max-connections", "--idle-timeout-ms"};
    if (std::find(std::begin(known), std::end(known), a) == std::end(known)) {
      return fail("unknown option '" + std::string(a) + "'");
    }
    if (i + 1 >= argc) return fail("option '" + std::string(a) + "' needs a value");
    const std::string_view v = argv[i + 1];
    std::uint64_t n = 0;
    const std::string bad = "bad value '" + std::string(v) + "' for " + std::string(a);
    auto number = [&](std::uint64_t min, std::uint64_t max) { return parse_u64(v, n) && n >= min && n <= max; };
    auto millis = [&](std::chrono::milliseconds& out) {
      if (!number(0, 86400000ULL * 365)) return false;
      out = std::chrono::milliseconds(static_cast<std::int64_t>(n));
      return true;
    };
    bool ok = true;
    if (a == "--listen") {
      ok = parse_listen(v, s.host, s.port);
    } else if (a == "--clock") {
      if (v == "step") f.clock = testing::fake_clock::step;
      else if (v == "real") f.clock = testing::fake_clock::real;
      else return fail(bad + " (step or real)");
    } else if (a == "--step-ms") {
      ok = millis(f.step);
    } else if (a == "--in-progress-steps") {
      ok = number(1, 1000000);
      f.in_progress_steps = static_cast<std::uint32_t>(n);
    } else if (a == "--starting-ms") {
      ok = millis(f.starting_for);
    } else if (a == "--in-progress-ms") {
      ok = millis(f.in_progress_for);
    } else if (a == "--stopping-ms") {
      ok = millis(f.stopping_for);
    } else if (a == "--seed") {
      s.seed_file = std::string(v);
    } else if (a == "--random-seed") {
      ok = parse_u64(v, f.seed);
    } else if (a == "--throttle-every") {
      ok = number(1, ~0ULL) && (f.faults.throttle.every = n, true);
    } else if (a == "--throttle-calls") {
      ok = parse_calls(v, f.faults.throttle.calls);
    } else if (a == "--server-error-every") {
      ok = number(1, ~0ULL) && (f.faults.server_error.every = n, true);
    } else if (a == "--server-error-calls") {
      ok = parse_calls(v, f.faults.server_error.calls);
    } else if (a == "--access-denied-every") {
      ok = number(1, ~0ULL) && (f.faults.access_denied.every = n, true);
    } else if (a == "--access-denied-calls") {
      ok = parse_calls(v, f.faults.access_denied.calls);
    } else if (a == "--fail-jobs") {
      ok = number(1, ~0ULL) && (f.faults.fail_jobs = n, true);
    } else if (a == "--latency-ms") {
      ok = millis(f.faults.latency);
    } else if (a == "--break") {
      bool found = false;
      std::string names;
      for (const auto& [kind, name] : testing::contract_break_names) {
        names += names.empty() ? "" : ", ";
        names += name;
        if (name == v) {
          f.faults.break_kind = kind;
          found = true;
        }
      }
      if (!found) return fail(bad + " (one of " + names + ")");
    } else if (a == "--break-calls") {
      ok = parse_calls(v, f.faults.break_calls.calls);
    } else if (a == "--break-every") {
      ok = number(1, ~0ULL) && (f.faults.break_calls.every = n, true);
    } else if (a == "--record") {
      ok = !v.empty();
      s.record_file = std::string(v);
    } else if (a == "--max-body-bytes") {
      ok = number(0, std::uint64_t{1} << 40);
      s.max_body_bytes = static_cast<std::size_t>(n);
    } else if (a == "--max-connections") {
      ok = number(1, 100000);
      s.max_connections = static_cast<std::size_t>(n);
    } else if (a == "--idle-timeout-ms") {
      ok = millis(s.idle_timeout) && s.idle_timeout.count() > 0;
    } else {
      return fail("unknown option '" + std::string(a) + "'");
    }
    if (!ok) return fail(bad);
  }
  if ((!f.faults.break_calls.empty()) && !f.faults.break_kind) {
    return fail("--break-calls / --break-every need --break NAME");
  }
  return {};
}

}  // namespace bedrock_agent::fake_server

#endif  // BEDROCK_AGENT_TOOLS_FAKE_CLI_HPP_INCLUDED
