#ifndef BEDROCK_AGENT_MODEL_SEMANTIC_RULES_HPP_INCLUDED
#define BEDROCK_AGENT_MODEL_SEMANTIC_RULES_HPP_INCLUDED

// Hand-written: what the model's JSON cannot say. Every PrimitiveLong of this API counts
// documents, so none may be negative; the generated model/shapes.hpp names this rule in
// shape_info<PrimitiveLong> (the generator's OVERLAY_SHAPE_INFO), and the codec reports it.

#include <bedrock_agent/engine/diagnostics.hpp>

namespace bedrock_agent {

namespace detail::rule_data {
inline constexpr rule_description semantic_negative_counter{"semantic.negative-counter", rule_source::semantic, false, severity::error,
    "a document counter below zero", false, true};
}  // namespace detail::rule_data

namespace rules {
inline constexpr rule semantic_negative_counter{detail::rule_data::semantic_negative_counter};  ///< semantic.negative-counter: a document counter below zero
}  // namespace rules

namespace detail {
/// The model's own rules, listed after the codec's.
inline const bool model_rules_registered = register_rules(200, {
    rules::semantic_negative_counter
});
}  // namespace detail

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_MODEL_SEMANTIC_RULES_HPP_INCLUDED
