// A session against the in-process fake service (testing/fake.hpp): two option bytes choose
// the clock, the faults and the request profile; then requests "METHOD target\nbody", separated
// by a 0x1E byte, go to one fake in turn. Whatever the bytes, the fake never crashes, and every
// reply keeps the contract: it is the matched operation's success or one of its declared errors
// (or 404 UnknownOperationException when no operation matches), the library reads it back with
// no error, a success answers a request the library itself accepts (check_status and
// check_exchange find nothing) and every job's history keeps the lifecycle.

#include "fuzz_common.hpp"

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/fake.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fz = bedrock_agent::fuzz;
using namespace bedrock_agent;

namespace {

std::string errors_of(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) {
    if (d.level == severity::error) out += to_string(d) + "\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fz::byte_source in(data, size);
  const std::uint8_t a = in.byte(), b = in.byte();
  testing::fake_options o;
  o.clock = (a & 1) ? testing::fake_clock::manual : testing::fake_clock::step;
  o.in_progress_steps = 1 + ((a >> 1) & 3);
  o.faults.throttle.every = (a >> 3) & 3;
  o.faults.fail_jobs = (a >> 5) & 3;
  o.faults.server_error.calls = {b & 15u};
  if (b & 16) o.request_options = parse_options::client();
  testing::fake_service fake(o);
  sequence_checker sequences(parse_options{}, sequence_options{transition_check::reachable, 1000, 1});

  for (int calls = 0; calls < 32 && !in.empty(); ++calls) {
    const std::string_view request = in.until('\x1e');
    const std::size_t space = request.find(' ');
    const std::size_t newline = request.find('\n');
    const std::string_view method = request.substr(0, std::min(space, newline));
    const std::string_view target =
        space < newline ? request.substr(space + 1, newline == std::string_view::npos ? newline : newline - space - 1)
                        : std::string_view();
    const std::string_view body = newline == std::string_view::npos ? std::string_view() : request.substr(newline + 1);
    if ((b & 32) && calls % 3 == 2) fake.advance(std::chrono::milliseconds(700));

    const testing::fake_reply reply = fake.handle(method, target, body);
    const http_response& r = reply.response;
    const std::string context = std::string(request) + "\n=> " + std::to_string(r.status) + " " + r.body;
    BEDROCK_AGENT_FUZZ_CHECK(find_header(r.headers, "x-amzn-requestid").value_or("").size() == 36, context);
    const std::optional<operation_match> match = match_operation<operations>(method, target);
    if (!match || !match->method_matches) {
      BEDROCK_AGENT_FUZZ_CHECK(reply.operation.empty() && r.status == 404, context);
      BEDROCK_AGENT_FUZZ_CHECK(find_header(r.headers, "x-amzn-errortype") == "UnknownOperationException", context);
      continue;
    }
    visit_operation<operations>(match->index, [&](auto op) {
      using Op = decltype(op);
      BEDROCK_AGENT_FUZZ_CHECK(reply.operation == Op::name, context);
      const auto read = classify_response<Op>(r.status, r.headers, r.body);
      BEDROCK_AGENT_FUZZ_CHECK(read.ok(), context + "\n" + errors_of(read.diagnostics()));
      if (read.kind() != response_kind::success) return;
      // Only a request the library accepts may succeed.
      const auto input = parse_request<Op>(method, target, body, o.request_options);
      BEDROCK_AGENT_FUZZ_CHECK(input.ok(), context + "\n" + errors_of(input.diagnostics()));
      const typename Op::output& out = std::get<0>(*read);
      const auto status = check_status(out);
      BEDROCK_AGENT_FUZZ_CHECK(status.ok(), context + "\n" + errors_of(status.diagnostics()));
      const auto exchange = check_exchange(*input, out);
      BEDROCK_AGENT_FUZZ_CHECK(exchange.ok(), context + "\n" + errors_of(exchange.diagnostics()));
      const auto seen = sequences.observe(out);
      BEDROCK_AGENT_FUZZ_CHECK(seen.ok(), context + "\n" + errors_of(seen.diagnostics()));
    });
  }
  return 0;
}
