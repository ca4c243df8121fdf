// A new leaf type declared here only, as a user of the library would: Smithy's boolean as one
// bedrock_agent::leaf_traits specialization. Parse, validate, check_value and to_json must all
// find it with no edit to the engine. docs/json.md ("Adding a leaf type") shows this code.
// One bedrock_agent::testing::leaf_generator specialization gives it generators too: arbitrary,
// the equivalent encodings and the mutations of a structure that holds it (docs/testing.md).

#include "rc_doctest.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/testing/mutations.hpp>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"  // BOOST_DESCRIBE_STRUCT with no bases
#endif

namespace leaf_test {

/// The model's `PrimitiveBoolean`.
using PrimitiveBoolean = bool;

/// A shape that uses it: a required boolean and an optional one.
struct Toggle {
  bedrock_agent::Id id;
  PrimitiveBoolean enabled = false;
  std::optional<PrimitiveBoolean> dryRun;
  static constexpr std::string_view shape_name = "Toggle";
};
BOOST_DESCRIBE_STRUCT(Toggle, (), (id, enabled, dryRun))
using boost::describe::operators::operator==;  // RC_ASSERT(a == b) finds it by ADL

inline int checks = 0;  ///< how many times check() ran: check_value() must reach the leaf

/// A leaf with a rule of its own: a score, Smithy's `@range(min: 0, max: 1) double`.
struct Score {
  double value = 0;
  friend bool operator==(Score a, Score b) { return a.value == b.value; }
};

/// A list of them, and a shape that holds one, maybe another, and the list.
struct Scores : std::vector<Score> {
  using std::vector<Score>::vector;
  static constexpr std::string_view shape_name = "Scores";
  static constexpr bedrock_agent::list_constraints constraints{0, 5};
};
struct Rating {
  bedrock_agent::Id id;
  Score score;
  std::optional<Score> previous;
  std::optional<Scores> history;
  static constexpr std::string_view shape_name = "Rating";
};
BOOST_DESCRIBE_STRUCT(Rating, (), (id, score, previous, history))

}  // namespace leaf_test

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

// [leaf-traits-example]
template <>
struct bedrock_agent::leaf_traits<bool> {
  using value = simdjson::ondemand::value;
  using json_type_t = simdjson::ondemand::json_type;

  static constexpr json_type_t json_type = json_type_t::boolean;
  static std::string description() { return "a boolean (PrimitiveBoolean)"; }
  static std::string wrong_type_note(json_type_t found) {
    return found == json_type_t::string ? "a boolean in quotes is a string" : "";
  }

  /// The common case: simdjson reads true or false followed by a separator, or leaves it unread.
  static bool read_fast(value& v, bool& out, const leaf_context&) {
    return v.get_bool().get(out) == simdjson::SUCCESS;
  }
  /// The value is a boolean token that read_fast() refused: say what is wrong with it.
  static bool read(value& v, bool& out, leaf_context& ctx, const leaf_path* at, std::size_t) {
    if (!check_leaf_token(v, json_type, ctx, at)) return false;
    if (auto e = v.get_bool().get(out)) return ctx.simdjson_error(e, leaf_offset(v, ctx), at);
    return true;
  }
  static bool check(const bool&, leaf_context&, const leaf_path*) {
    ++leaf_test::checks;  // every bool is a valid PrimitiveBoolean
    return true;
  }
  static void write(std::string& out, const bool& v) { out += v ? "true" : "false"; }
};
// [leaf-traits-example]

// [leaf-generator-example]
template <>
struct bedrock_agent::testing::leaf_generator<bool> {
  static rc::Gen<bool> valid() { return rc::gen::element(false, true); }  // shrinks to false
};
// [leaf-generator-example]

template <>
struct bedrock_agent::leaf_traits<leaf_test::Score> {
  using value = simdjson::ondemand::value;
  using json_type_t = simdjson::ondemand::json_type;
  using Score = leaf_test::Score;

  static constexpr json_type_t json_type = json_type_t::number;
  static std::string description() { return "a number (Score)"; }

  static bool read(value& v, Score& out, leaf_context& ctx, const leaf_path* at, std::size_t) {
    if (!check_leaf_token(v, json_type, ctx, at)) return false;  // json.number
    // The token is a JSON number (checked above), read as it stands: simdjson's get_double()
    // would refuse one that ends a truncated document, which the engine reports as json.syntax.
    const std::string_view token = v.raw_json_token();
    const auto parsed = std::from_chars(token.data(), token.data() + token.size(), out.value);
    if (parsed.ec == std::errc::result_out_of_range) out.value = token[0] == '-' ? -2 : 2;  // beyond any double
    return in_range(out, ctx, leaf_offset(v, ctx), at, std::string(token.substr(0, static_cast<std::size_t>(parsed.ptr - token.data()))));
  }
  static bool check(const Score& s, leaf_context& ctx, const leaf_path* at) {
    return in_range(s, ctx, 0, at, std::to_string(s.value));
  }
  static void write(std::string& out, const Score& s) {
    char buf[32];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, s.value).ptr);  // shortest exact form
  }
  static bool in_range(const Score& s, leaf_context& ctx, std::size_t offset, const leaf_path* at, std::string found) {
    if (s.value >= 0 && s.value <= 1) return true;
    return ctx.report(rules::constraint_range, offset, at, "0..1", found, "Score must be 0..1; this one is " + found);
  }
};

// [leaf-breaking-example]
template <>
struct bedrock_agent::testing::leaf_generator<leaf_test::Score> {
  static rc::Gen<leaf_test::Score> valid() {  // 0, 1, and millionths between; shrinks to 0
    return rc::gen::map(rc::gen::inRange(0, 1000001), [](int n) { return leaf_test::Score{n / 1e6}; });
  }
  // The rules a Score's own read() reports, and texts that break each alone, at the value.
  static std::vector<rule> breakable() { return {rules::constraint_range, rules::json_invalid_number}; }
  static rc::Gen<leaf_break> breaking(rule r) {
    const bool range = r == rules::constraint_range;
    std::vector<std::string> texts = range ? std::vector<std::string>{"-1", "-0.5", "1.5", "2", "1e3", "-1e-3", "1.0000001"}
                                           : std::vector<std::string>{"01", "-", "1.", "1e", "-01", "1.5.2", "0x1"};
    return rc::gen::map(rc::gen::elementOf(texts), [range](std::string text) {
      return leaf_break{std::move(text), range ? "outside 0..1" : "not a JSON number", 0, 0};
    });
  }
};
// [leaf-breaking-example]

namespace ba = bedrock_agent;
using leaf_test::Rating;
using leaf_test::Toggle;

namespace {
/** The mutation property of rule `r` over T documents: each fails the fail-fast parse with
 *  exactly its finding (rule, pointer, offset), and validate() reports it and no other error;
 *  `also(m)` asserts more of each mutation. */
template <class T, class Also>
void mutations_are_reported(ba::rule r, Also also) {
  rc_doctest::check(std::string(T::shape_name) + ": " + std::string(ba::rule_id(r)), [r, also] {
    const ba::testing::mutation m = *ba::testing::mutations<T>(r);
    RC_LOG() << m << "\n";
    also(m);
    const auto v = ba::validate<T>(m.document, m.options);
    for (const ba::diagnostic& d : v.diagnostics()) RC_LOG() << "  validate: " << d << " (offset " << d.offset << ")\n";
    const auto p = ba::parse<T>(m.document, m.options);
    RC_ASSERT(!p.ok());
    RC_ASSERT(m.matches(p.error()));
    RC_ASSERT(v.error_count() == 1u);
    RC_ASSERT(std::any_of(v.diagnostics().begin(), v.diagnostics().end(), [&](const ba::diagnostic& d) { return m.matches(d); }));
  });
}
}  // namespace

TEST_CASE("leaf: a boolean declared in a test file reads, validates, checks and writes") {
  const std::string in = R"({"id":"ABCDEFGHIJ","enabled":true,"dryRun":false})";
  const auto r = ba::parse<Toggle>(in);
  REQUIRE(r);
  CHECK(r.value().enabled);
  REQUIRE(r.value().dryRun);
  CHECK_FALSE(*r.value().dryRun);
  CHECK(ba::to_json(r.value()) == in);  // the canonical form round-trips

  const auto absent = ba::parse<Toggle>(R"({"id":"ABCDEFGHIJ","enabled":false})");
  REQUIRE(absent);
  CHECK_FALSE(absent.value().dryRun);
  CHECK(ba::to_json(absent.value()) == R"({"id":"ABCDEFGHIJ","enabled":false})");

  CHECK(ba::validate<Toggle>(in).diagnostics().empty());

  leaf_test::checks = 0;
  CHECK(ba::check_value(r.value()).diagnostics().empty());
  CHECK(leaf_test::checks == 2);  // enabled and dryRun
}

TEST_CASE("leaf: the engine's messages name the leaf by its description") {
  const auto r = ba::parse<Toggle>(R"({"id":"ABCDEFGHIJ","enabled":"true"})");
  REQUIRE_FALSE(r);
  CHECK(r.error().id == ba::rules::shape_wrong_type);
  CHECK(r.error().pointer == "/enabled");
  CHECK(r.error().offset == 29);
  CHECK(r.error().expected == "a boolean (PrimitiveBoolean)");
  CHECK(r.error().found == "string \"true\"");
  CHECK(r.error().message == "expected a boolean (PrimitiveBoolean), found a string: a boolean in quotes is a string");

  const auto v = ba::validate<Toggle>(R"({"id":"ABCDEFGHIJ","enabled":null,"dryRun":1})");
  REQUIRE(v.diagnostics().size() == 2);
  CHECK(v.diagnostics()[0].id == ba::rules::shape_null);
  CHECK(v.diagnostics()[0].message == "null is not a boolean (PrimitiveBoolean) (the model has no null values)");
  CHECK(v.diagnostics()[1].id == ba::rules::shape_wrong_type);
  CHECK(v.diagnostics()[1].pointer == "/dryRun");
  CHECK(v.diagnostics()[1].message == "expected a boolean (PrimitiveBoolean), found a number");

  // null for an optional member, with the client profile: absent
  const auto client = ba::parse<Toggle>(R"({"id":"ABCDEFGHIJ","enabled":true,"dryRun":null})",
                                        ba::parse_options::client());
  REQUIRE(client);
  CHECK_FALSE(client.value().dryRun);

  // a required boolean left out, and a bare word that is not a literal
  const auto missing = ba::parse<Toggle>(R"({"id":"ABCDEFGHIJ"})");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().id == ba::rules::shape_missing_member);
  CHECK(missing.error().message == "Toggle requires member \"enabled\"");
  const auto broken = ba::parse<Toggle>(R"({"id":"ABCDEFGHIJ","enabled":tru})");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().id == ba::rules::json_invalid_literal);
  CHECK(broken.error().pointer == "/enabled");

  // check_value() still checks the other members of a value built in code
  const auto checked = ba::check_value(Toggle{"short", true, std::nullopt});
  REQUIRE(checked.diagnostics().size() == 1);
  CHECK(checked.diagnostics()[0].id == ba::rules::constraint_pattern);
  CHECK(checked.diagnostics()[0].pointer == "/id");
}

TEST_CASE("leaf: the built-in leaves take their model words from the shape") {
  // PrimitiveLong's and IngestionJobStatus's names come from shape_info in shapes.hpp
  CHECK(ba::detail::wire_description<ba::PrimitiveLong>() == "an integer (PrimitiveLong)");
  CHECK(ba::detail::wire_description<ba::enum_value<ba::IngestionJobStatus>>() == "a string (IngestionJobStatus)");
  CHECK(ba::detail::wire_description<ba::DateTimestamp>() == "an RFC 3339 date-time string (DateTimestamp)");
  CHECK(ba::detail::wire_description<std::optional<ba::FailureReasons>>() == "an array (FailureReasons)");
  CHECK(ba::detail::wire_description<ba::IngestionJob>() == "an object (IngestionJob)");
  ba::IngestionJobStatistics s;
  s.numberOfDocumentsFailed = -2;
  const auto report = ba::check_value(s);
  REQUIRE(report.diagnostics().size() == 1);
  CHECK(report.diagnostics()[0].message == "a document counter cannot be negative; found -2");
}

TEST_CASE("leaf: a leaf_generator in a test file gives generators, encodings and mutations") {
  rc_doctest::check("a generated Toggle round-trips", [](const Toggle& t) {
    const std::string json = ba::to_json(t);
    RC_ASSERT(json == ba::testing::canonical_json(t));  // encodings write the leaf as to_json does
    const auto back = ba::parse<Toggle>(json);
    RC_ASSERT(back.ok());
    RC_ASSERT(back.value() == t);
    RC_ASSERT(ba::check_value(t).diagnostics().empty());
  });
  rc_doctest::check("every equivalent text of a Toggle reads the same", [](const Toggle& t) {
    const std::string text = *ba::testing::encodings(t);
    const auto back = ba::parse<Toggle>(text);
    RC_ASSERT(back.ok());
    RC_ASSERT(back.value() == t);
  });
  const std::vector<ba::rule>& breakable = ba::testing::breakable_rules<Toggle>();
  CHECK(std::find(breakable.begin(), breakable.end(), ba::rules::shape_wrong_type) != breakable.end());
  CHECK(std::find(breakable.begin(), breakable.end(), ba::rules::semantic_negative_counter) == breakable.end());
  for (ba::rule r : breakable) {
    CAPTURE(ba::rule_id(r));
    mutations_are_reported<Toggle>(r, [](const ba::testing::mutation&) {});
  }
}

TEST_CASE("leaf: a leaf's own rules, broken by its leaf_generator's breaking(), are reported at the value") {
  // Score reports constraint.range and json.number itself: no built-in site breaks them, so
  // only breaking() can have put them in the rules a Rating can break.
  const std::vector<ba::rule>& breakable = ba::testing::breakable_rules<Rating>();
  CHECK(std::find(breakable.begin(), breakable.end(), ba::rules::constraint_range) != breakable.end());
  CHECK(std::find(breakable.begin(), breakable.end(), ba::rules::json_invalid_number) != breakable.end());
  CHECK(std::find(breakable.begin(), breakable.end(), ba::rules::long_not_integer) == breakable.end());
  rc_doctest::check("a generated Rating round-trips", [](const Rating& r) {
    const auto back = ba::parse<Rating>(*ba::testing::encodings(r));
    RC_ASSERT(back.ok());
    RC_ASSERT(back.value() == r);
    RC_ASSERT(ba::check_value(r).diagnostics().empty());
  });
  for (ba::rule r : breakable) {  // the leaf's own rules, and every other one around it
    CAPTURE(ba::rule_id(r));
    const bool own = r == ba::rules::constraint_range || r == ba::rules::json_invalid_number;
    mutations_are_reported<Rating>(r, [own](const ba::testing::mutation& m) {
      if (!own) return;
      RC_ASSERT(m.pointer.has_value());  // a Score's: /score, /previous or /history/<i>
      RC_ASSERT(*m.pointer == "/score" || *m.pointer == "/previous" || m.pointer->rfind("/history/", 0) == 0);
    });
  }
}
