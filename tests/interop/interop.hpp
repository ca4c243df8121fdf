#ifndef BEDROCK_AGENT_TESTS_INTEROP_INTEROP_HPP_INCLUDED
#define BEDROCK_AGENT_TESTS_INTEROP_INTEROP_HPP_INCLUDED

// Shared pieces of the interop driver: a case (what the SDK is given, and how to judge what it
// did), per-case and per-suite reports, the case's JSON line, and the exact comparison of an
// SDK-deserialized value with the project's own value.
//
// What the harness hands back for a value (see harness.js `normalize`): strings as JSON strings
// (a string with a lone surrogate as {"$utf16": [code units]}), Dates as {"$date": "<epoch ms>"},
// numbers as {"$number": "<exact decimal>"}, undefined as {"$undefined": true}.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <date/date.h>
#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace interop {

namespace ba = bedrock_agent;
using simdjson::dom::element;

// ---- reports -------------------------------------------------------------------------------

/// The verdict on one case, field by field.
struct case_report {
  std::size_t fields = 0;         ///< fields (or verdicts) compared
  std::size_t fields_agreed = 0;  ///< of which equal
  std::map<std::string, std::size_t> known;  ///< known-difference id -> fields it explained
  std::vector<std::string> disagreements;    ///< one line each: where, SDK, project

  void agree() {
    ++fields;
    ++fields_agreed;
  }
  void known_difference(const std::string& id) {
    ++fields;
    ++known[id];
  }
  void disagree(const std::string& where, const std::string& sdk, const std::string& ours) {
    ++fields;
    std::string line = where.empty() ? std::string() : where + ": ";
    line += "SDK " + sdk;
    if (!ours.empty()) line += "; project " + ours;
    disagreements.push_back(std::move(line));
  }
  /** Counts a comparison: agreement when `same`, else a disagreement. */
  void expect(bool same, const std::string& where, const std::string& sdk, const std::string& ours) {
    if (same) agree();
    else disagree(where, sdk, ours);
  }
};

/// A suite's figures.
struct suite_report {
  std::size_t cases = 0, cases_agreed = 0, cases_known = 0, cases_disagreed = 0;
  std::size_t fields = 0, fields_agreed = 0;
  std::map<std::string, std::size_t> known_cases;  ///< known-difference id -> cases it appears in
  std::vector<std::string> failures;

  void add(const std::string& name, const case_report& r) {
    ++cases;
    fields += r.fields;
    fields_agreed += r.fields_agreed;
    for (const auto& k : r.known) ++known_cases[k.first];
    if (!r.disagreements.empty()) {
      ++cases_disagreed;
      for (const auto& d : r.disagreements) failures.push_back("DISAGREE " + name + ": " + d);
    } else if (!r.known.empty()) {
      ++cases_known;
    } else if (r.fields == 0) {  // a case that compared nothing proves nothing
      ++cases_disagreed;
      failures.push_back("DISAGREE " + name + ": nothing was compared");
    } else {
      ++cases_agreed;
    }
  }

  void print(std::ostream& os, std::string_view suite) const {
    for (const auto& f : failures) os << f << '\n';
    os << "interop " << suite << ": " << cases << " cases compared, " << cases_agreed << " agreed, "
       << cases_known << " known differences, " << cases_disagreed << " disagreed; " << fields
       << " fields compared, " << fields_agreed << " equal\n";
    for (const auto& k : known_cases) {
      os << "interop " << suite << ": known difference " << k.first << " in " << k.second << " cases\n";
    }
  }
};

// ---- cases ---------------------------------------------------------------------------------

/// One exchange for a client: the operation it calls and its input (by default the ids of a
/// StopIngestionJob; a missing id is left out of the command input), the canned HTTP response
/// its request handler returns, and the judge.
struct interop_case {
  std::string name;
  std::string_view operation = "StopIngestionJob";
  /// The input as a JSON object (the members by their model names); when empty, `input`.
  std::string input_json;
  std::vector<std::pair<std::string, std::string>> input{
      {"knowledgeBaseId", "KB12345678"}, {"dataSourceId", "DS12345678"}, {"ingestionJobId", "IJ12345678"}};
  int status = 202;
  std::vector<std::pair<std::string, std::string>> headers{{"content-type", "application/json"}};
  std::string body;
  /// Judges the harness's observation of this case: {"name", "outcome": "ok"|"error",
  /// "output" | "error": {...}, "request": {"method", "path", "query", "body"} | null}.
  std::function<void(element observation, case_report&)> check;
  /// Ask the harness to hand the body back in the observation ("body_b64").
  bool echo_body = false;
};

/// True while the driver builds cases to judge observations (check mode), false while it
/// builds them to print (gen mode). Suites that can judge from the observation alone skip the
/// expensive part in check mode.
inline bool checking = false;

/// The client whose observations `check` judges: the AWS SDK for JavaScript v3 (harness.js)
/// or botocore (harness.py). They keep different precisions (see compare()).
enum class client_kind { js, botocore };
inline client_kind client = client_kind::js;

// ---- JSON text -----------------------------------------------------------------------------

using ba::append_json_string;  // the library's JSON string writer (bytes >= 0x80 are copied)

/** Appends the base64 (RFC 4648, padded) of `bytes`: bodies may be any bytes. */
inline void append_base64(std::string& out, std::string_view bytes) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = std::uint32_t(static_cast<unsigned char>(bytes[i])) << 16 |
                            std::uint32_t(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                            std::uint32_t(static_cast<unsigned char>(bytes[i + 2]));
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t v = std::uint32_t(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) v |= std::uint32_t(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
}

/** The bytes of base64 text (padding and line breaks skipped). */
inline std::string base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;  // padding, line breaks
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

/** Appends the JSON object of string members `kvs`, in order. */
inline void append_string_object(std::string& out, const std::vector<std::pair<std::string, std::string>>& kvs) {
  out += '{';
  const char* sep = "";
  for (const auto& kv : kvs) {
    out += sep;
    append_json_string(out, kv.first);
    out += ':';
    append_json_string(out, kv.second);
    sep = ",";
  }
  out += '}';
}

/** The case as the harnesses read it: {"name","operation","input","status","headers",
 *  "body_b64"[,"echo"]}. */
inline void write_case_json(std::string& out, const interop_case& c) {
  out += "{\"name\":";
  append_json_string(out, c.name);
  out += ",\"operation\":";
  append_json_string(out, c.operation);
  out += ",\"input\":";
  if (!c.input_json.empty()) out += c.input_json;
  else append_string_object(out, c.input);
  out += ",\"status\":" + std::to_string(c.status) + ",\"headers\":";
  append_string_object(out, c.headers);
  out += ",\"body_b64\":\"";
  append_base64(out, c.body);
  out += c.echo_body ? "\",\"echo\":true}" : "\"}";
}

/** A compact, deterministic rendering of an observed value, for messages and for pinning
 *  small values (objects keep the SDK's key order). */
inline std::string show(element e) {
  std::string out;
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
      out += '[';
      const char* sep = "";
      const simdjson::dom::array items = e.get_array().value_unsafe();  // not a temporary in the range-for
      for (element item : items) {
        out += sep;
        out += show(item);
        sep = ",";
      }
      out += ']';
      break;
    }
    case simdjson::dom::element_type::OBJECT: {
      out += '{';
      const char* sep = "";
      const simdjson::dom::object fields = e.get_object().value_unsafe();
      for (auto field : fields) {
        out += sep;
        append_json_string(out, field.key);
        out += ':';
        out += show(field.value);
        sep = ",";
      }
      out += '}';
      break;
    }
    case simdjson::dom::element_type::STRING:
      append_json_string(out, e.get_string().value_unsafe());
      break;
    case simdjson::dom::element_type::INT64:
      out += std::to_string(e.get_int64().value_unsafe());
      break;
    case simdjson::dom::element_type::UINT64:
      out += std::to_string(e.get_uint64().value_unsafe());
      break;
    case simdjson::dom::element_type::DOUBLE:
      out += std::to_string(e.get_double().value_unsafe());
      break;
    case simdjson::dom::element_type::BOOL:
      out += e.get_bool().value_unsafe() ? "true" : "false";
      break;
    case simdjson::dom::element_type::NULL_VALUE:
      out += "null";
      break;
  }
  return out;
}

/** The member `key` of object `e`; nullopt when `e` is not an object or has no such key. */
inline std::optional<element> member(element e, std::string_view key) {
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return std::nullopt;
  element v;
  if (obj[key].get(v)) return std::nullopt;
  return v;
}

/** The value at JSON Pointer `pointer` under `e`; nullopt when there is none. */
inline std::optional<element> at(element e, std::string_view pointer) {
  if (pointer.empty()) return e;
  element v;
  if (e.at_pointer(pointer).get(v)) return std::nullopt;
  return v;
}

/** The string inside a tagged scalar such as {"$date": "..."}; nullopt when `e` is not one. */
inline std::optional<std::string_view> tagged(std::optional<element> e, std::string_view tag) {
  if (!e) return std::nullopt;
  simdjson::dom::object obj;
  if (e->get_object().get(obj) || obj.size() != 1) return std::nullopt;
  std::string_view s;
  if (obj[tag].get(s)) return std::nullopt;
  return s;
}

/** `s` as a JSON string, for messages. */
inline std::string quoted_view(std::string_view s) {
  std::string q;
  append_json_string(q, s);
  return q;
}

inline std::string show(std::optional<element> e) { return e ? show(*e) : std::string("absent"); }

// ---- the project's values as the SDK must hold them ------------------------------------------

/** Epoch milliseconds of `t`, rounded toward negative infinity: what a JS Date holds for the
 *  instant (the SDK keeps milliseconds and drops finer digits; nanoseconds are 0..999999999,
 *  so this is the floor also before 1970). */
inline std::int64_t epoch_ms(ba::timestamp t) { return t.seconds() * 1000 + t.nanoseconds() / 1000000; }

/** Epoch microseconds of `t`, rounded toward negative infinity: what a Python datetime holds
 *  for the instant (dateutil keeps six fraction digits and drops the rest). */
inline std::int64_t epoch_us(ba::timestamp t) { return t.seconds() * 1000000 + t.nanoseconds() / 1000; }

/** The civil year of `t` (UTC). */
inline int civil_year(ba::timestamp t) {
  const auto days = date::floor<date::days>(date::sys_seconds{std::chrono::seconds{t.seconds()}});
  return static_cast<int>(date::year_month_day{days}.year());
}

/** The epoch milliseconds the SDK produces for `t` when its year is 0001..0099: JavaScript's
 *  Date.UTC maps a year 0..99 to 1900..1999, so the SDK reads the same month, day and time
 *  1900 years later (known difference sdk.two-digit-year). Leap days survive: y and y + 1900
 *  are leap years together for y in 1..99. */
inline std::int64_t sdk_two_digit_year_ms(ba::timestamp t) {
  const date::sys_seconds s{std::chrono::seconds{t.seconds()}};
  const auto days = date::floor<date::days>(s);
  const date::year_month_day ymd{days};
  const date::year_month_day shifted{ymd.year() + date::years{1900}, ymd.month(), ymd.day()};
  const auto shifted_s = date::sys_days{shifted} + (s - days);
  return shifted_s.time_since_epoch().count() * 1000 + t.nanoseconds() / 1000000;
}

/** The exact decimal value of the double nearest to `v` (ties to even): what JSON.parse makes
 *  of the integer `v` (known difference sdk.long-precision when it is not `v`). */
inline std::string nearest_double_decimal(std::int64_t v) {
  const double d = static_cast<double>(v);
  if (d >= 9223372036854775808.0) return "9223372036854775808";  // 2^63: no int64 holds it
  return std::to_string(static_cast<std::int64_t>(d));
}

/** Does the client's service model lack member `name` of shape `shape`? botocore 1.43.11's
 *  bedrock-agent model (apiVersion 2023-06-05) has no IngestionJobStatistics
 *  numberOfDocumentsSkipped, which the public model and the JS SDK have: botocore drops it
 *  (known difference botocore.no-documents-skipped). */
inline bool client_model_lacks(std::string_view shape, std::string_view name) {
  return client == client_kind::botocore && shape == "IngestionJobStatistics" && name == "numberOfDocumentsSkipped";
}

template <class T>
struct is_enum_value : std::false_type {};
template <class E>
struct is_enum_value<ba::enum_value<E>> : std::true_type {};

/** Compares the project's value `ours` with what the SDK deserialized at `where` (absent when
 *  the SDK has no such key), recording each leaf field in `r`. */
template <class T>
void compare(const T& ours, std::optional<element> sdk, const std::string& where, case_report& r) {
  if constexpr (ba::is_optional<T>::value) {
    if (ours) compare(*ours, sdk, where, r);
    else r.expect(!sdk, where, show(sdk), "absent");
  } else if constexpr (ba::is_string_shape_v<T> || std::is_same<T, std::string>::value) {
    std::string_view s;
    const bool same = sdk && !sdk->get_string().get(s) && s == std::string_view(ours);
    if (same) r.agree();
    else {
      std::string q;
      append_json_string(q, ours);
      r.disagree(where, show(sdk), q);
    }
  } else if constexpr (std::is_same<T, ba::PrimitiveLong>::value) {
    // A counter the body leaves out is the model's default 0 here and undefined in the SDK
    // (known difference sdk.absent-counter; the project's writer always writes every counter).
    // botocore keeps a long exactly (a Python int); the JS SDK holds a double.
    const auto n = tagged(sdk, "$number");
    const std::string exact = std::to_string(ours);
    if (n && *n == exact) r.agree();
    else if (!sdk && ours == 0) r.known_difference("sdk.absent-counter");
    else if (client == client_kind::js && n && *n == nearest_double_decimal(ours)) r.known_difference("sdk.long-precision");
    else r.disagree(where, show(sdk), "{\"$number\":\"" + exact + "\"}");
  } else if constexpr (std::is_same<T, ba::timestamp>::value) {
    if (client == client_kind::botocore) {
      // A Python datetime holds microseconds; dateutil drops finer digits (truncation).
      const auto us = tagged(sdk, "$date_us");
      const std::string exact = std::to_string(epoch_us(ours));
      r.expect(us && *us == exact, where, show(sdk), ba::format_timestamp(ours) + " = {\"$date_us\":\"" + exact + "\"}");
      return;
    }
    const auto ms = tagged(sdk, "$date");
    const std::string exact = std::to_string(epoch_ms(ours));
    if (ms && *ms == exact) r.agree();
    else if (ms && civil_year(ours) < 100 && *ms == std::to_string(sdk_two_digit_year_ms(ours))) {
      r.known_difference("sdk.two-digit-year");
    } else {
      r.disagree(where, show(sdk), ba::format_timestamp(ours) + " = {\"$date\":\"" + exact + "\"}");
    }
  } else if constexpr (is_enum_value<T>::value) {
    std::string_view s;
    const bool same = sdk && !sdk->get_string().get(s) && s == ours.wire_name();
    r.expect(same, where, show(sdk), "\"" + std::string(ours.wire_name()) + "\"");
  } else if constexpr (ba::is_list_shape_v<T>) {
    simdjson::dom::array a;
    if (!sdk || sdk->get_array().get(a) || a.size() != ours.size()) {
      r.disagree(where, show(sdk), "a list of " + std::to_string(ours.size()));
      return;
    }
    std::size_t i = 0;
    for (element item : a) {
      compare(ours[i], item, where + "/" + std::to_string(i), r);
      ++i;
    }
  } else if constexpr (ba::is_described_struct_v<T>) {
    simdjson::dom::object obj;
    if (!sdk || sdk->get_object().get(obj)) {
      r.disagree(where, show(sdk), std::string("a ") + std::string(T::shape_name));
      return;
    }
    std::set<std::string_view> names;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      names.insert(d.name);
      const std::optional<element> theirs = member(*sdk, d.name);
      if (!theirs && client_model_lacks(T::shape_name, d.name)) r.known_difference("botocore.no-documents-skipped");
      else compare(ours.*d.pointer, theirs, where + "/" + d.name, r);
    });
    for (auto field : obj) {
      if (names.count(field.key) == 0) r.disagree(where + "/" + std::string(field.key), show(field.value), "absent");
    }
  } else {
    static_assert(sizeof(T) == 0, "compare: no rule for this type");
  }
}

// ---- the project's reading of a response ---------------------------------------------------

using operation = ba::StopIngestionJob;
using error_variant = ba::error_variant_t<operation>;

/** The rule id of the first error-level diagnostic in `ds`; "" when there is none. */
inline std::string first_error(const std::vector<ba::diagnostic>& ds) {
  for (const auto& d : ds) {
    if (d.level == ba::severity::error) return std::string(ba::rule_id(d.id));
  }
  return "";
}

/** Compares the project's exception `v` with the SDK's thrown error (the harness's
 *  {"name","fault","message","status","ctor","service_exception","fields"}). The SDK says
 *  "UnknownError" for an exception without a message (known difference sdk.unknown-error-message),
 *  botocore's Error.Message is "" (botocore.empty-error-message); botocore has no fault, and
 *  keeps the modeled members, message included, in "fields".
 *  Its "code" / "__type" fields are the protocol's type members, not the exception's. */
template <class Variant>
void compare_error(const Variant& v, int status, std::optional<element> sdk, case_report& r,
                   const std::string& where = "error") {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        const std::string name(E::shape_name);
        auto str = [&](std::string_view key) -> std::optional<std::string_view> {
          std::string_view s;
          if (!sdk) return std::nullopt;
          if (auto m = member(*sdk, key); m && !m->get_string().get(s)) return s;
          return std::nullopt;
        };
        r.expect(str("name") == std::optional<std::string_view>(name), where + "/name", show(at(*sdk, "/name")), name);
        r.expect(str("ctor") == std::optional<std::string_view>(name), where + "/ctor", show(at(*sdk, "/ctor")), name);
        const std::string fault = E::fault == ba::error_fault::client ? "client" : "server";
        if (client == client_kind::js) {  // botocore has no fault
          r.expect(str("fault") == std::optional<std::string_view>(fault), where + "/fault", show(at(*sdk, "/fault")), fault);
        }
        std::int64_t got_status = 0;
        const bool status_ok = sdk && member(*sdk, "status") && !member(*sdk, "status")->get_int64().get(got_status) &&
                               got_status == status;
        r.expect(status_ok, where + "/status", show(at(*sdk, "/status")), std::to_string(status));
        bool service = false;
        const bool service_ok = sdk && member(*sdk, "service_exception") &&
                                !member(*sdk, "service_exception")->get_bool().get(service) && service;
        r.expect(service_ok, where + "/service_exception", show(at(*sdk, "/service_exception")), "true");
        const auto msg = str("message");
        if (e.message) {
          std::string q;
          append_json_string(q, *e.message);
          r.expect(msg == std::optional<std::string_view>(*e.message), where + "/message", show(at(*sdk, "/message")), q);
        } else if (client == client_kind::js && msg == std::optional<std::string_view>("UnknownError")) {
          r.known_difference("sdk.unknown-error-message");
        } else if (client == client_kind::botocore && msg == std::optional<std::string_view>("")) {
          r.known_difference("botocore.empty-error-message");
        } else {
          r.disagree(where + "/message", show(at(*sdk, "/message")), "absent");
        }
        const std::optional<element> fields = sdk ? member(*sdk, "fields") : std::nullopt;
        std::set<std::string_view> names{"code", "__type"};
        boost::mp11::mp_for_each<boost::describe::describe_members<E, boost::describe::mod_public>>([&](auto d) {
          names.insert(d.name);
          // The JS SDK's message is the Error's own; botocore also keeps the modeled member.
          if (client == client_kind::js && std::string_view(d.name) == "message") return;
          compare(e.*d.pointer, fields ? member(*fields, d.name) : std::nullopt, where + "/fields/" + d.name, r);
        });
        simdjson::dom::object obj;
        if (!fields || fields->get_object().get(obj)) {
          r.disagree(where + "/fields", show(fields), "an object");
          return;
        }
        for (auto f : obj) {
          if (names.count(f.key) == 0) r.disagree(where + "/fields/" + std::string(f.key), show(f.value), "absent");
        }
      },
      v);
}

// ---- suites --------------------------------------------------------------------------------

/** Generated responses and the example recordings, deserialized by the SDK. */
std::vector<interop_case> response_cases();
/** Inputs on which the SDK and the contract are known to differ (and their neighbours). */
std::vector<interop_case> difference_cases();
/** Each exception with each placement of its type, read by the SDK and by the project. */
std::vector<interop_case> error_cases();
/** Generated ids: the SDK's request line against build_path and parse_request. */
std::vector<interop_case> request_cases();
/** Generated success and error responses of all four operations (either client). */
std::vector<interop_case> operation_cases();
/** Generated inputs of all four operations: what each client sends (either client). */
std::vector<interop_case> wire_request_cases();
/** Prints the Markdown table of the pins of both clients (docs/interop.md carries it). */
void print_pin_table(std::ostream& os);
/** Prints the Markdown table of the differences suite (docs/interop.md carries it). */
void print_difference_table(std::ostream& os);

}  // namespace interop

#endif  // BEDROCK_AGENT_TESTS_INTEROP_INTEROP_HPP_INCLUDED
