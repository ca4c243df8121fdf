#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_FIDELITY_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_FIDELITY_HPP_INCLUDED

// What an input can show, and what each rule needs to see (docs/validator.md, "Fidelity").
//
// An input holds the wire bytes (a JSON body, NDJSON, HAR), a re-serialization of what an SDK
// parsed (a boto3 json.dumps, AWS CLI --output json), or a parsed value (a Python printout). A
// rule is checked only on inputs that can show what it judges: an SDK drops members its model
// lacks, so shape.unknown-member cannot be seen after it; HTTP rules need the HTTP message.
// Nothing the input cannot show is reported, and nothing is skipped silently: the rules that
// are not checkable are counted in the summary and named once per kind of input.

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/options.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bedrock_agent::validator {

/// How close to the wire an input is, from least to most.
enum class fidelity : std::uint8_t {
  any = 0,           ///< (a rule's need) checked on every input: it judges the file itself
  parsed = 1,        ///< a parsed value: a Python printout of a boto3 result
  reserialized = 2,  ///< a re-serialization of a parsed value: boto3 json.dumps, AWS CLI --output json
  wire = 3,          ///< the bytes that crossed the wire: a JSON body, NDJSON, HAR
};

constexpr std::string_view to_string(fidelity f) noexcept {
  switch (f) {
    case fidelity::any: return "any input";
    case fidelity::parsed: return "a parsed value";
    case fidelity::reserialized: return "a re-serialization";
    case fidelity::wire: return "wire bytes";
  }
  return "";
}

/// One row of the table: what rule `id` needs to see.
struct rule_need {
  std::string_view id;
  fidelity needs;
};

/// The fidelity each rule needs, by rule id. A rule not listed needs a parsed value: ids,
/// lengths, patterns, enums, counters, required members, times and the lifecycle rules judge
/// values an SDK keeps as they came. Rules that decide whether there is a document at all
/// (JSON syntax, resource bounds, input.unreadable) judge the file and are checked on every
/// input. docs/validator.md prints this table.
inline constexpr rule_need rule_needs[] = {
    // the file's own text: whatever it holds, it must be read
    {"json.syntax", fidelity::any},
    {"json.utf8", fidelity::any},
    {"json.escape", fidelity::any},
    {"json.surrogate", fidelity::any},
    {"json.control-character", fidelity::any},
    {"json.number", fidelity::any},
    {"json.literal", fidelity::any},
    {"json.trailing-content", fidelity::any},
    {"json.root-not-object", fidelity::any},
    {"limit.input-size", fidelity::any},
    {"limit.depth", fidelity::any},
    {"limit.diagnostics", fidelity::any},
    {"input.unreadable", fidelity::any},
    // a parsed object keeps one value per key; an SDK drops members its model lacks
    {"json.duplicate-member", fidelity::wire},
    {"shape.unknown-member", fidelity::wire},
    // the HTTP message: request line, status, headers
    {"http.method", fidelity::wire},
    {"http.path-literal", fidelity::wire},
    {"http.path-missing-segment", fidelity::wire},
    {"http.path-extra-segment", fidelity::wire},
    {"http.trailing-slash", fidelity::wire},
    {"http.path-empty-label", fidelity::wire},
    {"http.percent-encoding", fidelity::wire},
    {"http.encoded-slash", fidelity::wire},
    {"http.label-in-body", fidelity::wire},
    {"exchange.id-mismatch", fidelity::wire},
    {"exchange.status-shape", fidelity::wire},
    // the status and the error type: a boto3 dump keeps both (ResponseMetadata.HTTPStatusCode
    // and HTTPHeaders, Error.Code); a printout of a result is not read as an exchange
    {"error.unknown-type", fidelity::reserialized},
    {"error.missing-type", fidelity::reserialized},
    {"error.status-mismatch", fidelity::reserialized},
    {"error.success-status", fidelity::reserialized},
    {"error.type-disagreement", fidelity::reserialized},
};

/** What rule `r` needs to see (rule_needs; parsed when it is not listed). */
inline fidelity rule_needs_fidelity(rule r) noexcept {
  for (const rule_need& n : rule_needs)
    if (n.id == rule_id(r)) return n.needs;
  return fidelity::parsed;
}

/** Every registered rule an input of fidelity `f` cannot show, in listing order. */
inline std::vector<rule> rules_not_checkable(fidelity f) {
  std::vector<rule> out;
  for (rule r : registered_rules())
    if (static_cast<int>(rule_needs_fidelity(r)) > static_cast<int>(f)) out.push_back(r);
  return out;
}

/** `base` with every rule an input of fidelity `f` cannot show in `disabled`. The library
 *  drops only rules that rule_can_be_disabled (the others refuse a value or end the read, and
 *  judge an HTTP message such an input does not have); the validator's own checks (a boto3
 *  error's Error.Code, runner::add_status_finding) honour the whole set. */
inline parse_options options_for(const parse_options& base, fidelity f) {
  parse_options o = base;
  for (rule r : rules_not_checkable(f)) o.disabled.insert(r);
  return o;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_FIDELITY_HPP_INCLUDED
