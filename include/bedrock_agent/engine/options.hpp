#ifndef BEDROCK_AGENT_OPTIONS_HPP_INCLUDED
#define BEDROCK_AGENT_OPTIONS_HPP_INCLUDED

// How strictly to read. Strict by default: every leniency is a named option, and the two
// profiles are presets of them. No option relaxes JSON syntax, resource bounds or required
// members: this library never makes a value up.

#include <bedrock_agent/engine/diagnostics.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace bedrock_agent {

/// Member names, not owned: a view of an array of string_views that must outlive its use
/// (a `static constexpr std::string_view names[] = {...}` does).
class member_name_list {
 public:
  constexpr member_name_list() noexcept = default;
  template <std::size_t N>
  constexpr member_name_list(const std::string_view (&names)[N]) noexcept : names_(names), size_(N) {}  // implicit: o.protocol_members = names;
  /** True when `name` is one of the names. */
  constexpr bool contains(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      if (names_[i] == name) return true;
    return false;
  }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }

 private:
  const std::string_view* names_ = nullptr;
  std::size_t size_ = 0;
};

struct parse_options {
  // ---- leniencies (all off in the contract profile, all on in the client profile) ----
  /// Members a shape does not have are skipped (still checked to be well-formed JSON)
  /// instead of reported as shape.unknown-member.
  bool ignore_unknown_members = false;
  /// null on an optional member means absent instead of shape.null. (null on a required
  /// member stays an error.)
  bool null_as_absent = false;
  /// constraint.length, constraint.pattern, constraint.list-length and
  /// semantic.negative-counter are warnings instead of errors, and the value is kept.
  bool constraints_as_warnings = false;
  /// An enum string outside the model is kept verbatim (enum_value::unknown) with a
  /// constraint.enum warning, instead of a constraint.enum error.
  bool keep_unknown_enum_values = false;

  // ---- the document's envelope (every profile; none by default) ----
  /// Members of the root object that belong to the format a document was recorded in, not to
  /// the shape (boto3 adds ResponseMetadata and, to an error, Error): skipped, never reported
  /// as shape.unknown-member; their values are still checked to be well-formed JSON. Matched
  /// after unescaping, at the root only.
  member_name_list protocol_members;

  // ---- resource bounds (every profile) ----
  std::size_t max_input_bytes = std::size_t{16} << 20;  ///< limit.input-size
  std::size_t max_depth = 64;                            ///< limit.depth; the root object is depth 1; at most the parser's max_depth() - 1 (1023)
  std::size_t max_diagnostics = 100;                     ///< limit.diagnostics (validate only)

  /// Rules whose findings are dropped. Only rules for which rule_can_be_disabled(r) holds are
  /// dropped; the others stay in force even when listed here: fatal rules and resource bounds
  /// (a document that stops parsing is never called valid), and rules that refuse a value
  /// (rule_refuses_value: a missing or mistyped member, null, a bad PrimitiveLong or timestamp,
  /// an undecodable path label, an undeclared error type), since dropping those would make a
  /// value up. A disabled constraint.enum keeps an unknown value verbatim.
  rule_set disabled;

  /** The strict checker (the default). */
  static parse_options contract() noexcept { return parse_options{}; }
  /** What an SDK should do with a response (Smithy: clients do not enforce constraints on
   *  output): unknown members ignored, null as absent, constraints as warnings, unknown enum
   *  values kept. */
  static parse_options client() noexcept {
    parse_options o;
    o.ignore_unknown_members = true;
    o.null_as_absent = true;
    o.constraints_as_warnings = true;
    o.keep_unknown_enum_values = true;
    return o;
  }
};

/** The severity a finding of `r` has under `opt`: none when opt.disabled drops it (only a rule
 *  that rule_can_be_disabled), a warning for a constraint under constraints_as_warnings, else
 *  the rule's own. Every module (codec, binding, lifecycle rules) decides through this. */
inline std::optional<severity> finding_severity(rule r, const parse_options& opt) noexcept {
  if (rule_can_be_disabled(r) && opt.disabled.contains(r)) return std::nullopt;
  if (opt.constraints_as_warnings && r.info().constraint) return severity::warning;
  return r.info().level;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_OPTIONS_HPP_INCLUDED
