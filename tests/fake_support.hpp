#ifndef BEDROCK_AGENT_TESTS_FAKE_SUPPORT_HPP_INCLUDED
#define BEDROCK_AGENT_TESTS_FAKE_SUPPORT_HPP_INCLUDED

// A client of the in-process fake for the tests: it writes each request with write_request,
// and reads each response back with every check the library has (classify_response,
// check_status, check_exchange, a sequence_checker over the whole session). The fake's tests
// and properties both use it, so "every response keeps the contract" is checked the same way.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/testing/fake.hpp>
#include <bedrock_agent/testing/fixtures.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace fake_support {

using namespace bedrock_agent;

/// One call: what the fake sent, how the library read it, and every finding of every check.
template <class Op>
struct exchange {
  testing::fake_reply reply;
  response_result<response_variant_t<Op>> read;
  std::vector<diagnostic> findings;
  bool errors() const {
    for (const diagnostic& d : findings) {
      if (d.level == severity::error) return true;
    }
    return false;
  }
};

struct client {
  testing::fake_service fake;
  sequence_checker checker{parse_options{}, sequence_options{transition_check::reachable, 100000, 1}};
  std::size_t responses = 0;
  std::size_t checked = 0;

  explicit client(testing::fake_options options = {}) : fake(std::move(options)) {}

  /** Sends `in` and reads the answer with every check (no assertion). */
  template <class Op>
  exchange<Op> call(const typename Op::input& in) {
    const http_request request = write_request<Op>(in);
    testing::fake_reply reply = fake.handle(request);
    auto read = classify_response<Op>(reply.response.status, reply.response.headers, reply.response.body);
    std::vector<diagnostic> findings = read.diagnostics();
    const auto add = [&](const auto& r) { findings.insert(findings.end(), r.diagnostics().begin(), r.diagnostics().end()); };
    if (read && read.kind() == response_kind::success) {
      const typename Op::output& out = std::get<0>(*read);
      add(check_status(out));
      add(check_exchange(in, out));
      add(checker.observe(out));
    }
    if (find_header(reply.response.headers, "x-amzn-requestid").value_or("").size() != 36) {
      diagnostic d;
      d.message = "no x-amzn-RequestId";
      findings.push_back(d);
    }
    ++responses;
    return exchange<Op>{std::move(reply), std::move(read), std::move(findings)};
  }

  /** Sends `in`; the answer must be a success keeping every rule. */
  template <class Op>
  typename Op::output ok(const typename Op::input& in) {
    exchange<Op> x = call<Op>(in);
    INFO(Op::name, " answered ", x.reply.response.status, " ", x.reply.response.body);
    for (const diagnostic& d : x.findings) CHECK_MESSAGE(d.level != severity::error, to_string(d));
    REQUIRE(x.read);
    REQUIRE(x.read.kind() == response_kind::success);
    CHECK(x.reply.operation == Op::name);
    ++checked;
    return std::get<0>(*x.read);
  }

  /** Sends `in`; the answer must be one of Op's declared errors, keeping every rule. */
  template <class Op>
  error_variant_t<Op> error(const typename Op::input& in) {
    exchange<Op> x = call<Op>(in);
    INFO(Op::name, " answered ", x.reply.response.status, " ", x.reply.response.body);
    for (const diagnostic& d : x.findings) CHECK_MESSAGE(d.level != severity::error, to_string(d));
    REQUIRE(x.read);
    REQUIRE(x.read.kind() == response_kind::error);
    ++checked;
    return std::get<1>(*x.read);
  }

  /** Sends `in`; the rule ids of every finding. */
  template <class Op>
  std::vector<std::string> findings(const typename Op::input& in) {
    std::vector<std::string> ids;
    for (const diagnostic& d : call<Op>(in).findings) ids.emplace_back(rule_id(d.id));
    return ids;
  }
};

}  // namespace fake_support

#endif  // BEDROCK_AGENT_TESTS_FAKE_SUPPORT_HPP_INCLUDED
