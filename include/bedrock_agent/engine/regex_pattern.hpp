#ifndef BEDROCK_AGENT_REGEX_PATTERN_HPP_INCLUDED
#define BEDROCK_AGENT_REGEX_PATTERN_HPP_INCLUDED

// The matcher of string patterns that are regular expressions of no form the codec matches
// itself (see string_pattern and regex_pattern() in constraints.hpp): Boost.Regex. Include it
// where such a shape is declared; model/shapes.hpp does when the model has one. The codec finds
// it through detail::match_regex_pattern; without it a shape with such a pattern does not compile.

#include <bedrock_agent/engine/detail/json_reader.hpp>

#include <boost/regex.hpp>

#include <string_view>

namespace bedrock_agent::detail {

/** Does `s` match the regex pattern of string shape S, anchored? Boost.Regex, ECMAScript syntax,
 *  on the UTF-8 bytes (the generator admits only ASCII literals and classes in such patterns,
 *  so bytes and code points agree). The expression is compiled once. Boost.Regex throws only
 *  when a match exceeds its complexity bound (no pattern of the model can: each is linear); that
 *  counts as no match, so nothing escapes. */
template <class S>
BEDROCK_AGENT_COLD bool regex_full_match(std::string_view s) noexcept {
  constexpr std::string_view text = S::constraints.pattern.text;
  try {
    static const boost::regex re(text.data(), text.data() + text.size(),
                                 boost::regex::ECMAScript | boost::regex::no_except);
    return re.status() == 0 && boost::regex_match(s.begin(), s.end(), re);
  } catch (...) {
    return false;
  }
}

/** What string_pattern_ok calls for a regex pattern of no known form (see json_reader.hpp). */
template <class S>
bool match_regex_pattern(std::string_view s, regex_shape<S>, regex_matcher_found) noexcept {
  return regex_full_match<S>(s);
}

}  // namespace bedrock_agent::detail

#endif  // BEDROCK_AGENT_REGEX_PATTERN_HPP_INCLUDED
