// engine/regex_pattern.hpp: a string shape whose pattern is a regular expression of no form the
// codec matches itself, declared by hand as a user would. Boost.Regex matches it, in parse and in
// check_value alike. Without the header such a shape does not compile (the ctest
// regex_pattern.missing-header builds tests/regex_pattern_missing.cpp and expects the message).
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/regex_pattern.hpp>

#include <doctest/doctest.h>

#include <boost/describe/class.hpp>

#include <string>
#include <string_view>

namespace {
struct Mailbox : bedrock_agent::string_shape<Mailbox> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Mailbox";
  static constexpr bedrock_agent::string_constraints constraints{
      1, 64, bedrock_agent::regex_pattern("^[a-z0-9]+(-[a-z0-9]+)*@[a-z]+$")};
};
struct Contact {
  Mailbox mailbox;
  static constexpr std::string_view shape_name = "Contact";
};
BOOST_DESCRIBE_STRUCT(Contact, (), (mailbox))

std::string verdict(const std::string& mailbox) {
  const auto parsed = bedrock_agent::parse<Contact>("{\"mailbox\":\"" + mailbox + "\"}");
  const auto checked = bedrock_agent::check_value(Contact{Mailbox(mailbox)});
  CHECK(parsed.ok() == checked.diagnostics().empty());  // the two paths agree
  if (parsed.ok()) return "ok";
  REQUIRE(parsed.diagnostics().size() == 1);
  const bedrock_agent::diagnostic& d = parsed.diagnostics()[0];
  return std::string(bedrock_agent::rule_id(d.id)) + "|" + d.pointer + "|" + d.message;
}
}  // namespace

TEST_CASE("regex_pattern: a hand-written shape's regular expression is matched by Boost.Regex") {
  static_assert(bedrock_agent::constraints_of_v<Mailbox>.pattern.regex &&
                bedrock_agent::constraints_of_v<Mailbox>.pattern.form.separator == '\0');  // no known form
  CHECK(verdict("a@b") == "ok");
  CHECK(verdict("ops-team-2@example") == "ok");
  CHECK(verdict("ops--team@example").rfind("constraint.pattern|/mailbox|Mailbox must match ^[a-z0-9]+(-[a-z0-9]+)*@[a-z]+$", 0) == 0);
  CHECK(verdict("-ops@example").rfind("constraint.pattern|", 0) == 0);
  CHECK(verdict("ops@example.com").rfind("constraint.pattern|", 0) == 0);  // anchored at the end
  CHECK(verdict("Ops@example").rfind("constraint.pattern|", 0) == 0);
  CHECK(bedrock_agent::detail::regex_full_match<Mailbox>("x-1@y"));
  CHECK_FALSE(bedrock_agent::detail::regex_full_match<Mailbox>("x-1@y\n"));
}
