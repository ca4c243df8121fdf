#ifndef BEDROCK_AGENT_TESTS_RC_DOCTEST_HPP_INCLUDED
#define BEDROCK_AGENT_TESTS_RC_DOCTEST_HPP_INCLUDED

// A small C++17 bridge from RapidCheck to doctest (upstream's needs C++20 and is not
// packaged). rc_doctest::check(id, property) runs the property inside the current TEST_CASE:
// 1000 cases by default (RC_PARAMS="max_success=N" overrides), and on failure a doctest
// failure that shows the shrunk counterexample, the seed, and the RC_PARAMS line that replays
// exactly that case. RC_PARAMS is honoured as RapidCheck documents it (seed, max_success,
// max_size, noshrink, reproduce, ...); RapidCheck prints the configuration it uses, seed
// included, once at start-up.

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace rc_doctest {

/// Cases per property when RC_PARAMS does not set max_success.
inline constexpr int default_cases = 1000;

/** True when `params` (RC_PARAMS syntax: "key=value key=value") sets `key`. */
inline bool params_set(std::string_view params, std::string_view key) {
  for (std::size_t at = params.find(key); at != std::string_view::npos; at = params.find(key, at + 1)) {
    const bool starts = at == 0 || params[at - 1] == ' ';
    const std::size_t end = at + key.size();
    if (starts && end < params.size() && params[end] == '=') return true;
  }
  return false;
}

/** True when the environment's RC_PARAMS sets `key`. */
inline bool rc_params_set(std::string_view key) {
  const char* p = std::getenv("RC_PARAMS");
  return p != nullptr && params_set(p, key);
}

/// RapidCheck's own listener prints progress and a summary at exit; the doctest failure says
/// everything here, so this one stays quiet.
class quiet_listener final : public rc::detail::TestListener {
 public:
  void onTestCaseFinished(const rc::detail::CaseDescription&) override {}
  void onShrinkTried(const rc::detail::CaseDescription&, bool) override {}
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}
};

/// What running a property gave.
struct outcome {
  bool passed = false;
  int cases = 0;        ///< cases that passed
  std::string message;  ///< on failure: counterexample, seed, and the RC_PARAMS that replays it
};

/** Runs `property` as the RapidCheck property `id` under `config` (RC_PARAMS by default):
 *  `cases` cases unless the configuration came with max_success (`explicit_cases`). */
template <class Property>
outcome run(const std::string& id, Property&& property, int cases = default_cases,
            const rc::detail::Configuration& config = rc::detail::configuration(),
            bool explicit_cases = rc_params_set("max_success")) {
  using namespace rc::detail;
  TestParams params = config.testParams;
  if (!explicit_cases) params.maxSuccess = cases;
  TestMetadata metadata;
  metadata.id = id;
  metadata.description = id;
  quiet_listener listener;
  const TestResult result =
      checkTestable(std::forward<Property>(property), metadata, params, listener, config.reproduce);

  outcome out;
  SuccessResult success;
  if (result.match(success)) {
    out.passed = true;
    out.cases = success.numSuccess;
    return out;
  }
  std::ostringstream msg;
  msg << "property " << id << " (seed " << params.seed << ", " << params.maxSuccess << " cases)\n";
  printResultMessage(result, msg);
  FailureResult failure;
  if (result.match(failure)) {
    out.cases = failure.numSuccess;
    Configuration replay = config;
    replay.testParams = params;
    replay.reproduce.clear();
    replay.reproduce[id] = failure.reproduce;
    msg << "\n\nReproduce this failure (this property only) with:\n  RC_PARAMS=\"" << configToMinimalString(replay) << "\"";
  }
  Error error;
  if (result.match(error)) msg << "\nerror: " << error.description;
  out.message = msg.str();
  return out;
}

/** Runs `property` (a callable taking generated arguments and asserting with RC_ASSERT) as the
 *  RapidCheck property `id` (unique: RC_PARAMS="reproduce=..." finds it by id) and reports
 *  one doctest check: a pass, or a failure with the shrunk counterexample, the seed and the
 *  line that reproduces it. */
template <class Property>
void check(const std::string& id, Property&& property, int cases = default_cases) {
  const outcome o = run(id, std::forward<Property>(property), cases);
  if (o.passed) {
    CHECK_MESSAGE(true, id << ": " << o.cases << " cases passed");
  } else {
    FAIL_CHECK(o.message);
  }
}

}  // namespace rc_doctest

#endif  // BEDROCK_AGENT_TESTS_RC_DOCTEST_HPP_INCLUDED
