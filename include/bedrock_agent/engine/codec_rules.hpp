#ifndef BEDROCK_AGENT_CODEC_RULES_HPP_INCLUDED
#define BEDROCK_AGENT_CODEC_RULES_HPP_INCLUDED

// The rules of the generic restJson1 codec: JSON syntax (RFC 8259, RFC 3629), resource bounds,
// the shapes of a model, their constraints, and RFC 3339 time. Registered under order 100, so
// they list first.

#include <bedrock_agent/engine/diagnostics.hpp>

namespace bedrock_agent {

namespace detail::rule_data {
inline constexpr rule_description json_syntax{"json.syntax", rule_source::json_syntax, true, severity::error,
    "not well-formed JSON"};
inline constexpr rule_description json_invalid_utf8{"json.utf8", rule_source::json_syntax, true, severity::error,
    "bytes that are not UTF-8"};
inline constexpr rule_description json_invalid_escape{"json.escape", rule_source::json_syntax, true, severity::error,
    "a backslash escape RFC 8259 does not define"};
inline constexpr rule_description json_unpaired_surrogate{"json.surrogate", rule_source::json_syntax, true, severity::error,
    "a \\u escape of an unpaired UTF-16 surrogate"};
inline constexpr rule_description json_control_character{"json.control-character", rule_source::json_syntax, true, severity::error,
    "an unescaped control character in a string"};
inline constexpr rule_description json_invalid_number{"json.number", rule_source::json_syntax, true, severity::error,
    "a number RFC 8259's grammar rejects"};
inline constexpr rule_description json_invalid_literal{"json.literal", rule_source::json_syntax, true, severity::error,
    "a bare word other than true, false or null"};
inline constexpr rule_description json_trailing_content{"json.trailing-content", rule_source::json_syntax, true, severity::error,
    "content after the root value"};
inline constexpr rule_description json_root_not_object{"json.root-not-object", rule_source::json_syntax, true, severity::error,
    "the document is not a JSON object"};
inline constexpr rule_description json_duplicate_member{"json.duplicate-member", rule_source::json_syntax, false, severity::error,
    "a member name twice in one object"};
inline constexpr rule_description limit_input_size{"limit.input-size", rule_source::resource_bound, true, severity::error,
    "the input is larger than max_input_bytes"};
inline constexpr rule_description limit_depth{"limit.depth", rule_source::resource_bound, true, severity::error,
    "nesting deeper than max_depth"};
inline constexpr rule_description limit_diagnostics{"limit.diagnostics", rule_source::resource_bound, false, severity::warning,
    "more diagnostics than max_diagnostics"};
inline constexpr rule_description shape_missing_member{"shape.missing-member", rule_source::model, false, severity::error,
    "a required member is absent", true};
inline constexpr rule_description shape_unknown_member{"shape.unknown-member", rule_source::model, false, severity::error,
    "a member the shape does not have"};
inline constexpr rule_description shape_wrong_type{"shape.wrong-type", rule_source::model, false, severity::error,
    "a value of the wrong JSON type", true};
inline constexpr rule_description shape_null{"shape.null", rule_source::model, false, severity::error,
    "null where the shape has no null", true};
inline constexpr rule_description long_not_integer{"long.not-integer", rule_source::model, false, severity::error,
    "an integer with a fraction or an exponent", true};
inline constexpr rule_description long_out_of_range{"long.out-of-range", rule_source::model, false, severity::error,
    "an integer outside its type's bits (64 for a long, 32 for an integer)", true};
inline constexpr rule_description constraint_length{"constraint.length", rule_source::model, false, severity::error,
    "a string outside its length in code points", false, true};
inline constexpr rule_description constraint_pattern{"constraint.pattern", rule_source::model, false, severity::error,
    "a string that does not match its pattern", false, true};
inline constexpr rule_description constraint_list_length{"constraint.list-length", rule_source::model, false, severity::error,
    "a list outside its item count", false, true};
inline constexpr rule_description constraint_range{"constraint.range", rule_source::model, false, severity::error,
    "an integer outside its range", false, true};
inline constexpr rule_description constraint_enum{"constraint.enum", rule_source::model, false, severity::error,
    "a string not among the enum's values"};
inline constexpr rule_description time_invalid{"time.invalid", rule_source::model, false, severity::error,
    "a timestamp that is not an RFC 3339 date-time in 0001..9999", true};
}  // namespace detail::rule_data

namespace rules {
inline constexpr rule json_syntax{detail::rule_data::json_syntax};  ///< json.syntax: not well-formed JSON
inline constexpr rule json_invalid_utf8{detail::rule_data::json_invalid_utf8};  ///< json.utf8: bytes that are not UTF-8
inline constexpr rule json_invalid_escape{detail::rule_data::json_invalid_escape};  ///< json.escape: a backslash escape RFC 8259 does not define
inline constexpr rule json_unpaired_surrogate{detail::rule_data::json_unpaired_surrogate};  ///< json.surrogate: a \u escape of an unpaired UTF-16 surrogate
inline constexpr rule json_control_character{detail::rule_data::json_control_character};  ///< json.control-character: an unescaped U+0000..U+001F in a string
inline constexpr rule json_invalid_number{detail::rule_data::json_invalid_number};  ///< json.number: a number RFC 8259's grammar rejects
inline constexpr rule json_invalid_literal{detail::rule_data::json_invalid_literal};  ///< json.literal: a bare word other than true, false, null
inline constexpr rule json_trailing_content{detail::rule_data::json_trailing_content};  ///< json.trailing-content: anything but whitespace after the root value
inline constexpr rule json_root_not_object{detail::rule_data::json_root_not_object};  ///< json.root-not-object: the document is not a JSON object
inline constexpr rule json_duplicate_member{detail::rule_data::json_duplicate_member};  ///< json.duplicate-member: a member name twice in one object
inline constexpr rule limit_input_size{detail::rule_data::limit_input_size};  ///< limit.input-size: the input is larger than max_input_bytes
inline constexpr rule limit_depth{detail::rule_data::limit_depth};  ///< limit.depth: nesting deeper than max_depth
inline constexpr rule limit_diagnostics{detail::rule_data::limit_diagnostics};  ///< limit.diagnostics: more diagnostics than max_diagnostics; the rest are not reported
inline constexpr rule shape_missing_member{detail::rule_data::shape_missing_member};  ///< shape.missing-member: a required member is absent
inline constexpr rule shape_unknown_member{detail::rule_data::shape_unknown_member};  ///< shape.unknown-member: a member the shape does not have
inline constexpr rule shape_wrong_type{detail::rule_data::shape_wrong_type};  ///< shape.wrong-type: a value of the wrong JSON type
inline constexpr rule shape_null{detail::rule_data::shape_null};  ///< shape.null: null where the shape has no null
inline constexpr rule long_not_integer{detail::rule_data::long_not_integer};  ///< long.not-integer: an integer (a PrimitiveLong, an integer shape) written with a fraction or an exponent
inline constexpr rule long_out_of_range{detail::rule_data::long_out_of_range};  ///< long.out-of-range: an integer outside its type's bits (64 for a long, 32 for an integer)
inline constexpr rule constraint_length{detail::rule_data::constraint_length};  ///< constraint.length: a string outside its length, in code points
inline constexpr rule constraint_pattern{detail::rule_data::constraint_pattern};  ///< constraint.pattern: a string that does not match its pattern
inline constexpr rule constraint_list_length{detail::rule_data::constraint_list_length};  ///< constraint.list-length: a list outside its item count
inline constexpr rule constraint_range{detail::rule_data::constraint_range};  ///< constraint.range: an integer outside its range (Smithy's @range)
inline constexpr rule constraint_enum{detail::rule_data::constraint_enum};  ///< constraint.enum: a string not among the enum's values
inline constexpr rule time_invalid{detail::rule_data::time_invalid};  ///< time.invalid: a timestamp that is not an RFC 3339 date-time in 0001..9999
}  // namespace rules

namespace detail {
/// The codec's rules (JSON syntax, resource bounds, shapes, constraints, time), listed first.
inline const bool codec_rules_registered = register_rules(100, {
    rules::json_syntax, rules::json_invalid_utf8, rules::json_invalid_escape,
    rules::json_unpaired_surrogate, rules::json_control_character, rules::json_invalid_number,
    rules::json_invalid_literal, rules::json_trailing_content, rules::json_root_not_object,
    rules::json_duplicate_member, rules::limit_input_size, rules::limit_depth, rules::limit_diagnostics,
    rules::shape_missing_member, rules::shape_unknown_member, rules::shape_wrong_type,
    rules::shape_null, rules::long_not_integer, rules::long_out_of_range, rules::constraint_length,
    rules::constraint_pattern, rules::constraint_list_length, rules::constraint_range, rules::constraint_enum,
    rules::time_invalid
});
}  // namespace detail

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_CODEC_RULES_HPP_INCLUDED
