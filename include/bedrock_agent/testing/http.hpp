#ifndef BEDROCK_AGENT_TESTING_HTTP_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_HTTP_HPP_INCLUDED

// Generators for the restJson1 binding: arbitrary bytes as path labels (to show that no label
// escapes the URI template), and error responses of an operation with the error type placed
// every way services place it (the X-Amzn-Errortype header, the body's "code" or "__type",
// decorated with a namespace and a URI suffix), each paired with what it must resolve to.
//
// Test-only: needs RapidCheck.

#include <bedrock_agent/testing/arbitrary.hpp>
#include <bedrock_agent/testing/encodings.hpp>

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/mp11/algorithm.hpp>
#include <rapidcheck.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bedrock_agent::testing {

/** Arbitrary byte strings for path labels: empty, bytes the path syntax gives a meaning ('/',
 *  '%', '?', '#', ';', '.', ".."), already percent-encoded text, UTF-8 of every length, and
 *  bytes that are not UTF-8. */
inline rc::Gen<std::string> label_bytes() {
  auto any_bytes = rc::gen::map(rc::gen::container<std::vector<unsigned char>>(rc::gen::arbitrary<unsigned char>()),
                                [](const std::vector<unsigned char>& v) { return std::string(v.begin(), v.end()); });
  auto meaningful = rc::gen::map(
      rc::gen::container<std::vector<std::string>>(detail::entry_of<std::string>(
          {"a", "/", "%", "%2F", "%2f", "%41", "%", "?", "#", ";", ".", "..", " ", "+", "~", "-", "_", "{", "}", "\\",
           "\xc3\xa9", "\xe2\x80\xa8", "\xf0\x9f\x98\x80", "\xff", "\xc0\xaf", std::string(1, '\0'), "\r\n"})),
      [](const std::vector<std::string>& parts) {
        std::string s;
        for (const auto& p : parts) s += p;
        return s;
      });
  return weighted<std::string>({
      {1, rc::gen::just(std::string())},
      {3, std::move(meaningful)},
      {3, std::move(any_bytes)},
      {3, rc::gen::map(string_shape<Id>(), [](Id id) { return std::string(id); })},
      {2, text_of_length(10)},
  });
}

/** A request whose labels are arbitrary bytes (most of them not valid Ids). */
template <class Op = StopIngestionJob>
rc::Gen<typename Op::input> request_with_arbitrary_labels() {
  using input = typename Op::input;
  return rc::gen::exec([] {
    input r{};
    boost::mp11::mp_for_each<boost::describe::describe_members<input, boost::describe::mod_public>>([&](auto d) {
      using M = detail::member_t<input, decltype(d)>;
      if constexpr (is_string_shape_v<M>) static_cast<std::string&>(r.*d.pointer) = *label_bytes();
      else r.*d.pointer = *arbitrary<M>();
    });
    return r;
  });
}

/// An error response of Op, and what reading it must give back.
template <class Op = StopIngestionJob>
struct error_response_case {
  error_variant_t<Op> value;   ///< the exception the response carries
  std::string_view shape;      ///< its shape name
  int status = 0;
  http_headers headers;
  std::string body;
  error_type_source source = error_type_source::none;  ///< where the type must be found
  std::string placement;       ///< how the type was written, in words
};

template <class Op>
std::ostream& operator<<(std::ostream& os, const error_response_case<Op>& c) {
  os << c.shape << " as HTTP " << c.status << ", type " << c.placement << " (expected from the "
     << to_string(c.source) << ")";
  for (const auto& h : c.headers) os << "\n  " << h.first << ": " << h.second;
  return os << "\n  body: " << c.body;
}

namespace detail {

/** The error type `name` as a service may write it: bare, after a namespace and '#', and/or
 *  followed by ':' and a URI. */
inline std::string decorated_type(std::string_view name) {
  std::string s;
  switch (choose(4)) {
    case 0: break;
    case 1: s = "com.amazonaws.bedrockagent#"; break;
    case 2: s = "aws.protocoltests.restjson#"; break;
    default: s = "smithy.framework#"; break;
  }
  s += name;
  if (choose(2) == 1) {
    s += choose_from<std::string>({":http://internal.amazon.com/coral/com.amazon.coral.validate/",
                                   ":https://example.com/errors", ":"});
  }
  return s;
}

template <class Op, class E>
error_response_case<Op> error_case(const E& e) {
  error_response_case<Op> c;
  c.value = e;
  c.shape = E::shape_name;
  c.status = E::http_status;
  chooser ch = chooser::generated();
  json_node body = to_node(e, ch);
  const std::size_t where = choose(5);  // 0 header, 1 code, 2 __type, 3 header + code, 4 code + __type
  const bool header = where == 0 || where == 3;
  if (header) {
    const std::string name = choose_from<std::string>({"X-Amzn-Errortype", "x-amzn-errortype", "X-AMZN-ERRORTYPE"});
    const std::string ows = choose_from<std::string>({"", " ", "\t "});
    const std::string value = decorated_type(E::shape_name);
    if (choose(2) == 1) c.headers.emplace_back("Content-Type", "application/json");
    c.headers.emplace_back(name, ows + value + ows);
    if (choose(2) == 1) c.headers.emplace_back("x-amzn-RequestId", "2f1c4d8e-6b7a-4e0f-9a3d-5c2b1e0f7a6d");
    c.placement = "header " + name + ": \"" + value + "\"";
    c.source = error_type_source::header;
  }
  auto add_member = [&](std::string key) {
    json_node::member m;
    m.name = key;
    m.raw_key = escape_json(key, static_cast<std::uint32_t>(choose(3)));
    const std::string value = decorated_type(E::shape_name);
    m.value = json_node::string(escape_json(value, static_cast<std::uint32_t>(choose(3))));
    body.members.insert(body.members.begin() + static_cast<std::ptrdiff_t>(choose(body.members.size() + 1)), std::move(m));
    c.placement += (c.placement.empty() ? "body " : ", body ") + key + ": \"" + value + "\"";
  };
  if (where == 1 || where == 3 || where == 4) add_member("code");
  if (where == 2 || where == 4) add_member("__type");
  if (!header) c.source = where == 2 ? error_type_source::body_type : error_type_source::body_code;
  c.body = document_text(body, ch);
  return c;
}

}  // namespace detail

/** Error responses of Op: each declared exception (a generated value), its type placed in the
 *  header, the body's "code" or "__type", or two places that agree, decorated or not; the body
 *  in a generated encoding. */
template <class Op = StopIngestionJob>
rc::Gen<error_response_case<Op>> error_responses() {
  using errors = typename Op::errors;
  constexpr std::size_t n = boost::mp11::mp_size<errors>::value;
  return rc::gen::exec([] {
    error_response_case<Op> c;
    boost::mp11::mp_with_index<n>(detail::choose(n), [&](auto i) {
      using E = boost::mp11::mp_at_c<errors, i>;
      c = detail::error_case<Op>(*arbitrary<E>());
    });
    return c;
  });
}

}  // namespace bedrock_agent::testing

#endif  // BEDROCK_AGENT_TESTING_HTTP_HPP_INCLUDED
