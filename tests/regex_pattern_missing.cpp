// Must not compile: a string shape whose pattern is a regular expression of no known form, read
// without <bedrock_agent/engine/regex_pattern.hpp>. The ctest regex_pattern.missing-header
// builds it and passes when the compiler's message names the header.
#include <bedrock_agent/engine/json.hpp>

#include <boost/describe/class.hpp>

#include <string_view>

namespace my_app {
struct Mailbox : bedrock_agent::string_shape<Mailbox> {
  using string_shape::string_shape;
  static constexpr std::string_view shape_name = "Mailbox";
  static constexpr bedrock_agent::string_constraints constraints{1, 64, bedrock_agent::regex_pattern("^[a-z]+@[a-z]+$")};
};
struct Contact {
  Mailbox mailbox;
  static constexpr std::string_view shape_name = "Contact";
};
BOOST_DESCRIBE_STRUCT(Contact, (), (mailbox))
}  // namespace my_app

int main() { return bedrock_agent::parse<my_app::Contact>(R"({"mailbox":"a@b"})").ok() ? 0 : 1; }
