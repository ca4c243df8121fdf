// Suite "errors": each of StopIngestionJob's six exceptions, written by the project
// (write_error_response), with its type in each place restJson1 allows (the X-Amzn-Errortype
// header, the body's "code", the body's "__type"), plain and with the namespace
// "com.amazonaws.bedrockagent#" and the URI ":http://internal.amazon.com/..." decorations. The
// SDK's error name, constructor, $fault, status and message (and ValidationException's
// fieldList) must equal what the project reads from the same response.

#include "interop.hpp"

#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

enum class placement { header, body_code, body_type };

std::string lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

constexpr std::string_view placement_name(placement p) {
  return p == placement::header ? "header" : p == placement::body_code ? "code" : "__type";
}

/** The four spellings of a type: plain, namespace#, :URI, and both. */
std::vector<std::pair<std::string, std::string>> decorations(std::string_view shape) {
  const std::string name(shape);
  const std::string ns = "com.amazonaws.bedrockagent#";
  const std::string uri = ":http://internal.amazon.com/coral/com.amazonaws.bedrockagent/";
  return {{"plain", name}, {"namespace", ns + name}, {"uri", name + uri}, {"namespace+uri", ns + name + uri}};
}

/** Messages that exercise escapes and every UTF-8 length; nullopt is an exception without one. */
std::vector<std::optional<std::string>> messages() {
  return {std::nullopt, std::string("Ingestion job IJ4RT8ZK0W is already complete and cannot be stopped"),
          std::string("quote \" backslash \\ tab \t newline \n control \x01 \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")};
}

template <class E>
void add_cases(std::vector<interop_case>& cases) {
  std::vector<E> values;
  for (const auto& m : messages()) {
    E e;
    if (m) e.message = ba::NonBlankString(*m);
    values.push_back(e);
  }
  if constexpr (std::is_same<E, ba::ValidationException>::value) {
    E e;
    e.message = ba::NonBlankString("2 validation errors detected");
    e.fieldList = ba::ValidationExceptionFieldList{
        {ba::NonBlankString("knowledgeBaseId"), ba::NonBlankString("must match ^[0-9a-zA-Z]{10}$")},
        {ba::NonBlankString("dataSourceId \xE2\x9C\x93"), ba::NonBlankString("length \"9\" < 10")}};
    values.push_back(e);
    E empty_list;
    empty_list.fieldList = ba::ValidationExceptionFieldList{};
    values.push_back(empty_list);
  }
  for (placement p : {placement::header, placement::body_code, placement::body_type}) {
    for (const auto& deco : decorations(E::shape_name)) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const E& e = values[i];
        const ba::http_response wire = ba::write_error_response(e);
        interop_case c;
        c.name = "errors/" + std::string(E::shape_name) + "/" + std::string(placement_name(p)) + "/" + deco.first +
                 "/" + std::to_string(i);
        c.status = wire.status;
        c.body = wire.body;
        c.headers.clear();
        for (const auto& h : wire.headers) {
          const bool type_header = lower(h.first) == "x-amzn-errortype";
          if (!type_header) c.headers.push_back(h);
          else if (p == placement::header) c.headers.emplace_back(h.first, deco.second);
        }
        if (p != placement::header) {
          std::string member = "{\"";
          member += p == placement::body_code ? "code" : "__type";
          member += "\":";
          append_json_string(member, deco.second);
          c.body = member + (c.body == "{}" ? "}" : "," + c.body.substr(1));
        }
        c.check = [e, status = c.status, headers = c.headers, body = c.body](element obs, case_report& r) {
          const auto ours = ba::classify_response<operation>(status, headers, body);
          const bool read = ours.kind() == ba::response_kind::error && ours.ok() &&
                            std::holds_alternative<E>(std::get<1>(ours.value())) &&
                            std::get<E>(std::get<1>(ours.value())) == e;
          if (!read) {
            r.disagree("project", "(not consulted)",
                       "does not read back its own exception: " +
                           (ours.diagnostics().empty() ? std::string("a different value")
                                                       : to_string(ours.diagnostics().front())));
            return;
          }
          std::string_view outcome;
          if (obs["outcome"].get(outcome) || outcome != "error") {
            r.disagree("outcome", show(member(obs, "output")), "an exception");
            return;
          }
          compare_error(std::get<1>(ours.value()), status, member(obs, "error"), r);
        };
        cases.push_back(std::move(c));
      }
    }
  }
}

}  // namespace

std::vector<interop_case> error_cases() {
  std::vector<interop_case> cases;
  boost::mp11::mp_for_each<operation::errors>([&](auto e) { add_cases<decltype(e)>(cases); });
  return cases;
}

}  // namespace interop
