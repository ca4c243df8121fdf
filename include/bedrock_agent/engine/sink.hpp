#ifndef BEDROCK_AGENT_SINK_HPP_INCLUDED
#define BEDROCK_AGENT_SINK_HPP_INCLUDED

// Where every module's findings go: the codec, the HTTP binding, the lifecycle rules and a
// user's own rules alike. One place decides whether a finding of a rule is kept and at which
// severity (finding_severity: disabled rules, constraints_as_warnings), counts it, bounds how
// many are kept, and only then has its text built: a finding that is dropped, only counted or
// beyond the bound costs no string.

#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/options.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bedrock_agent {

/// What a finding says besides its rule and place, built only for a finding that is kept.
struct finding_text {
  std::string expected;  ///< what the rule wants
  std::string found;     ///< what was there
  std::string message;   ///< one line a person understands without the docs
};

/** Moves `t` into `d`'s expected, found and message. */
inline void set_text(diagnostic& d, finding_text&& t) noexcept {
  d.expected = std::move(t.expected);
  d.found = std::move(t.found);
  d.message = std::move(t.message);
}

/// Findings into a caller's vector. A finding is added in two steps, so that a module with a
/// flow of its own (the reader's fail-fast parse keeps its first error apart) still decides
/// through the same place: admit() says whether and at which severity a finding counts;
/// keep() stores an admitted one, building its text only when the bound leaves room. add() is
/// both. Not thread-safe; the vector and options must outlive the sink.
class diagnostic_sink {
 public:
  /// How many findings the vector may hold.
  enum class bound : std::uint8_t {
    max_diagnostics,  ///< options.max_diagnostics, counting what the vector already holds
    none,             ///< every admitted finding is kept (rules whose findings a document bounds)
  };

  /** A sink appending to `out` (which may already hold findings) under `options`. `out` may be
   *  null: findings are then admitted and counted, never built. */
  diagnostic_sink(std::vector<diagnostic>* out, const parse_options& options, bound b = bound::max_diagnostics) noexcept
      : out_(out), options_(&options), max_(b == bound::none ? SIZE_MAX : options.max_diagnostics) {}
  diagnostic_sink(std::vector<diagnostic>& out, const parse_options& options, bound b = bound::max_diagnostics) noexcept
      : diagnostic_sink(&out, options, b) {}

  /** Warnings are admitted and counted but never built or kept (a caller that shows no
   *  warnings but counts them). */
  void count_warnings_only(bool on) noexcept { warnings_counted_only_ = on; }

  /** Whether a finding of `r` counts, and at which severity: none when options.disabled drops
   *  it; `level` when given (a rule whose severity depends on the case), else finding_severity.
   *  An admitted finding is counted. */
  std::optional<severity> admit(rule r, std::optional<severity> level = std::nullopt) noexcept {
    const std::optional<severity> kept = finding_severity(r, *options_);
    if (!kept) return std::nullopt;
    const severity lvl = level ? *level : *kept;
    ++(lvl == severity::error ? errors_ : warnings_);
    return lvl;
  }

  /** Stores an admitted finding of `r` at `lvl`: when the vector has room, `fill(diagnostic&)`
   *  is called on a diagnostic whose rule and level are set, to set where (pointer, offset,
   *  line, column) and what (expected, found, message). Otherwise the finding is only counted
   *  as left out (truncated()). Returns true when it was stored. */
  template <class Fill>
  bool keep(rule r, severity lvl, Fill&& fill) {
    if (!out_ || (warnings_counted_only_ && lvl == severity::warning)) return false;
    if (out_->size() >= max_) {
      ++suppressed_;
      return false;
    }
    diagnostic& d = out_->emplace_back();
    d.id = r;
    d.level = lvl;
    std::forward<Fill>(fill)(d);
    return true;
  }

  /** admit() then keep(). Returns the severity the finding got, or none when it was dropped. */
  template <class Fill>
  std::optional<severity> add(rule r, Fill&& fill, std::optional<severity> level = std::nullopt) {
    const std::optional<severity> lvl = admit(r, level);
    if (lvl) keep(r, *lvl, std::forward<Fill>(fill));
    return lvl;
  }

  /** Appends the limit.diagnostics note when findings were left out. Call once, at the end. */
  void finish() {
    if (!truncated()) return;
    diagnostic d;
    d.id = rules::limit_diagnostics;
    d.level = severity::warning;
    d.expected = "at most " + std::to_string(options_->max_diagnostics) + " diagnostics";
    d.found = std::to_string(suppressed_ + options_->max_diagnostics) + " diagnostics";
    d.message = std::to_string(suppressed_) + (suppressed_ == 1 ? " more diagnostic was" : " more diagnostics were") +
                " found but not kept (max_diagnostics is " + std::to_string(options_->max_diagnostics) + ")";
    out_->push_back(std::move(d));
  }

  /** Admitted findings at error level, kept or not. */
  std::size_t errors() const noexcept { return errors_; }
  /** Admitted findings at warning level, kept or not (not the limit.diagnostics note). */
  std::size_t warnings() const noexcept { return warnings_; }
  /** Admitted findings the bound left out. */
  std::size_t suppressed() const noexcept { return suppressed_; }
  /** True when the bound left a finding out. */
  bool truncated() const noexcept { return suppressed_ != 0; }
  const parse_options& options() const noexcept { return *options_; }

 private:
  std::vector<diagnostic>* out_;
  const parse_options* options_;
  std::size_t max_;
  std::size_t errors_ = 0, warnings_ = 0, suppressed_ = 0;
  bool warnings_counted_only_ = false;
};

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_SINK_HPP_INCLUDED
