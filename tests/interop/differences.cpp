// Suite "differences": inputs on which the SDK and the contract are known to differ, and the
// boundaries next to them. Each case pins both sides: what the SDK does now (accepts, with the
// values it holds, or throws), and the project's first error under the contract profile and
// under the client profile. Where a profile accepts and the SDK accepts, their values are
// compared field by field. A change on either side fails the case, naming it.
//
// `interop_driver doc differences` prints the table docs/interop.md carries.

#include "interop.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace interop {
namespace {

/// One pinned value in the observation: a JSON Pointer and the show() text expected there
/// ("absent" for no value), or, with `prefix`, the text it starts with.
struct pin {
  std::string pointer;
  std::string expected;
  bool prefix = false;
};

struct difference {
  std::string name;
  std::string input;   ///< the input, as the doc shows it
  std::string sdk;     ///< what the SDK does, as the doc says it
  std::string reason;  ///< why we differ (or why this boundary is listed)
  int status = 202;
  std::vector<std::pair<std::string, std::string>> headers{{"content-type", "application/json"}};
  std::string body;
  std::string sdk_outcome;  ///< "ok" or "error"
  std::vector<pin> pins;
  std::string contract;  ///< first error rule id under the contract profile; "" = accepted
  std::string client;    ///< the same under the client profile
  /// Known differences the value comparison must find where a profile and the SDK both
  /// accept (e.g. sdk.two-digit-year); empty = the values must be equal.
  std::vector<std::string> known;
  /// Comparisons of a profile's value with the SDK's that are pinned to differ, as the start
  /// of their disagreement line (e.g. "client value: error/message").
  std::vector<std::string> value_differs;
};

/// The body of a valid response with some members of the job replaced, removed or added.
class job {
 public:
  job& set(const std::string& name, const std::string& raw) {
    for (auto& m : members_) {
      if (m.first == name) {
        m.second = raw;
        return *this;
      }
    }
    members_.emplace_back(name, raw);
    return *this;
  }
  job& erase(const std::string& name) {
    for (auto it = members_.begin(); it != members_.end(); ++it) {
      if (it->first == name) {
        members_.erase(it);
        break;
      }
    }
    return *this;
  }
  job& add(const std::string& name, const std::string& raw) {
    members_.emplace_back(name, raw);
    return *this;
  }
  std::string str(const std::string& top_extra = "") const {
    std::string s = "{\"ingestionJob\":{";
    const char* sep = "";
    for (const auto& m : members_) {
      s += sep;
      s += "\"" + m.first + "\":" + m.second;
      sep = ",";
    }
    return s + "}" + top_extra + "}";
  }

 private:
  std::vector<std::pair<std::string, std::string>> members_{
      {"knowledgeBaseId", "\"KB12345678\""}, {"dataSourceId", "\"DS12345678\""},
      {"ingestionJobId", "\"IJ12345678\""},  {"status", "\"STOPPED\""},
      {"startedAt", "\"2024-01-01T00:00:00Z\""}, {"updatedAt", "\"2024-01-01T00:05:00Z\""}};
};

/** {"$date":"<ms>"} for a canonical UTC timestamp (parsed by the project: only valid ones). */
std::string date_of(std::string_view utc) {
  const auto t = ba::parse_timestamp(utc);
  return "{\"$date\":\"" + std::to_string(t ? epoch_ms(t.value()) : -1) + "\"}";
}
std::string date_ms(std::int64_t ms) { return "{\"$date\":\"" + std::to_string(ms) + "\"}"; }
std::string number(const std::string& dec) { return "{\"$number\":\"" + dec + "\"}"; }

const std::string started = "/output/ingestionJob/startedAt";

/** A case whose startedAt is `raw` (a JSON value). */
difference timestamp_case(std::string name, const std::string& raw, std::string sdk_text, std::vector<pin> pins,
                          std::string outcome, std::string contract, std::string client, std::string reason,
                          std::vector<std::string> known = {}) {
  difference d;
  d.name = std::move(name);
  d.input = "startedAt " + raw;
  d.sdk = std::move(sdk_text);
  d.reason = std::move(reason);
  d.body = job().set("startedAt", raw).str();
  d.sdk_outcome = std::move(outcome);
  d.pins = std::move(pins);
  d.contract = std::move(contract);
  d.client = std::move(client);
  d.known = std::move(known);
  return d;
}

std::vector<difference> differences() {
  std::vector<difference> v;
  const std::string rfc = "RFC 3339 5.6 / the contract: ";
  // ---- timestamps ----
  v.push_back(timestamp_case("time.second-60", "\"2024-01-01T00:00:60Z\"", "reads 2024-01-01T00:01:00Z",
                             {{started, date_of("2024-01-01T00:01:00Z")}}, "ok", "time.invalid", "time.invalid",
                             "a leap second cannot be represented; the SDK's Date.UTC silently rolls it into the next minute"));
  v.push_back(timestamp_case("time.second-60-year-end", "\"2024-12-31T23:59:60.5Z\"", "reads 2025-01-01T00:00:00.500Z",
                             {{started, date_of("2025-01-01T00:00:00.5Z")}}, "ok", "time.invalid", "time.invalid",
                             "as above, here across a year boundary"));
  v.push_back(timestamp_case("time.second-61", "\"2024-01-01T00:00:61Z\"", "throws TypeError",
                             {{"/error/name", "\"TypeError\""},
                              {"/error/message", "\"seconds must be between 0 and 60, inclusive", true}},
                             "error", "time.invalid", "time.invalid", "agreement: both reject"));
  v.push_back(timestamp_case("time.fraction-10-digits", "\"2024-01-01T00:00:00.1234567891Z\"",
                             "reads .123 (drops every digit past the millisecond)",
                             {{started, date_of("2024-01-01T00:00:00.123Z")}}, "ok", "time.invalid", "time.invalid",
                             rfc + "a nonzero digit past the 9th cannot be kept exactly and is never silently dropped"));
  v.push_back(timestamp_case("time.fraction-21-digits", "\"2024-01-01T00:00:00.000000000000000000001Z\"",
                             "reads .000", {{started, date_of("2024-01-01T00:00:00Z")}}, "ok", "time.invalid",
                             "time.invalid", "as above"));
  v.push_back(timestamp_case("time.fraction-zero-tail", "\"2024-01-01T00:00:00.123456789000Z\"", "reads .123",
                             {{started, date_of("2024-01-01T00:00:00.123Z")}}, "ok", "", "",
                             "agreement: zeros past the 9th digit lose nothing"));
  v.push_back(timestamp_case("time.fraction-below-ms", "\"2024-01-01T00:00:00.9999999Z\"",
                             "reads .999 (milliseconds, truncated)", {{started, date_of("2024-01-01T00:00:00.999Z")}},
                             "ok", "", "", "agreement at the SDK's precision: a JS Date holds milliseconds"));
  v.push_back(timestamp_case("time.year-0001", "\"0001-01-01T00:00:00Z\"", "reads 1901-01-01T00:00:00Z",
                             {{started, date_of("1901-01-01T00:00:00Z")}}, "ok", "", "",
                             "SDK defect: Date.UTC maps years 0..99 to 1900..1999; the value is 1900 years off",
                             {"sdk.two-digit-year"}));
  v.push_back(timestamp_case("time.year-0099", "\"0099-12-31T23:59:59.999Z\"", "reads 1999-12-31T23:59:59.999Z",
                             {{started, date_of("1999-12-31T23:59:59.999Z")}}, "ok", "", "", "as above",
                             {"sdk.two-digit-year"}));
  v.push_back(timestamp_case("time.year-0100", "\"0100-01-01T00:00:00Z\"", "reads 0100-01-01T00:00:00Z",
                             {{started, date_of("0100-01-01T00:00:00Z")}}, "ok", "", "",
                             "agreement: the first year the SDK reads right"));
  v.push_back(timestamp_case("time.year-0000", "\"0000-01-01T00:00:00Z\"", "reads 1900-01-01T00:00:00Z",
                             {{started, date_of("1900-01-01T00:00:00Z")}}, "ok", "time.invalid", "time.invalid",
                             "year 0000 is outside 0001..9999; the SDK reads it as 1900"));
  v.push_back(timestamp_case("time.offset-hour-24", "\"2024-01-01T00:00:00+24:00\"", "reads 2023-12-31T00:00:00Z",
                             {{started, date_of("2023-12-31T00:00:00Z")}}, "ok", "time.invalid", "time.invalid",
                             rfc + "offset hours are 00..23; the SDK does not range-check the offset"));
  v.push_back(timestamp_case("time.offset-99-99", "\"2024-01-01T00:00:00+99:99\"", "reads 2023-12-27T19:21:00Z",
                             {{started, date_of("2023-12-27T19:21:00Z")}}, "ok", "time.invalid", "time.invalid",
                             "as above"));
  v.push_back(timestamp_case("time.offset-minute-60", "\"2024-01-01T00:00:00-00:60\"", "reads 2024-01-01T01:00:00Z",
                             {{started, date_of("2024-01-01T01:00:00Z")}}, "ok", "time.invalid", "time.invalid",
                             rfc + "offset minutes are 00..59"));
  v.push_back(timestamp_case("time.offset-past-9999", "\"9999-12-31T23:59:59-01:00\"",
                             "reads +010000-01-01T00:59:59Z",
                             {{started, date_ms((ba::timestamp::max_seconds + 3600) * 1000)}}, "ok", "time.invalid",
                             "time.invalid", "the instant is after 9999-12-31T23:59:59.999999999Z"));
  v.push_back(timestamp_case("time.offset-before-0001", "\"0001-01-01T00:00:00+00:01\"",
                             "reads 1900-12-31T23:59:00Z", {{started, date_of("1900-12-31T23:59:00Z")}}, "ok",
                             "time.invalid", "time.invalid",
                             "the instant is before 0001-01-01T00:00:00Z (and the SDK adds 1900 years)"));
  v.push_back(timestamp_case("time.lowercase-t-z", "\"2024-01-01t00:00:00z\"", "reads 2024-01-01T00:00:00Z",
                             {{started, date_of("2024-01-01T00:00:00Z")}}, "ok", "", "",
                             "agreement: RFC 3339 5.6 allows 't' and 'z'"));
  v.push_back(timestamp_case("time.space-separator", "\"2024-01-01 00:00:00Z\"", "throws TypeError",
                             {{"/error/message", "\"Invalid RFC-3339 date-time value", true}}, "error",
                             "time.invalid", "time.invalid", "agreement: both reject"));
  v.push_back(timestamp_case("time.number", "1704067200", "throws TypeError",
                             {{"/error/message", "\"RFC-3339 date-times must be expressed as strings", true}}, "error",
                             "shape.wrong-type", "shape.wrong-type",
                             "agreement: both reject an epoch number where the model says iso8601"));
  v.push_back(timestamp_case("time.null", "null", "drops it: startedAt absent", {{started, "absent"}}, "ok",
                             "shape.null", "shape.null",
                             "startedAt is required; null is never a value of it (the client profile keeps required members required)"));

  auto body_case = [&](std::string name, std::string input, std::string body, std::string sdk_text,
                       std::vector<pin> pins, std::string outcome, std::string contract, std::string client,
                       std::string reason, std::vector<std::string> known = {}) {
    difference d;
    d.name = std::move(name);
    d.input = std::move(input);
    d.body = std::move(body);
    d.sdk = std::move(sdk_text);
    d.pins = std::move(pins);
    d.sdk_outcome = std::move(outcome);
    d.contract = std::move(contract);
    d.client = std::move(client);
    d.reason = std::move(reason);
    d.known = std::move(known);
    v.push_back(std::move(d));
  };
  const std::string J = "/output/ingestionJob";
  // ---- members ----
  body_case("member.missing-required", "no status", job().erase("status").str(), "status absent",
            {{J + "/status", "absent"}}, "ok", "shape.missing-member", "shape.missing-member",
            "the model requires status; no profile makes a value up");
  body_case("member.missing-ingestionJob", "{}", "{}", "returns {}", {{"/output", "{}"}}, "ok",
            "shape.missing-member", "shape.missing-member", "the model requires ingestionJob");
  body_case("member.null-ingestionJob", "{\"ingestionJob\":null}", "{\"ingestionJob\":null}", "returns {}",
            {{"/output", "{}"}}, "ok", "shape.null", "shape.null", "as above: null is not a structure");
  body_case("member.unknown-in-job", "job member \"newMember\":1", job().add("newMember", "1").str(),
            "ignores it", {{J + "/newMember", "absent"}}, "ok", "shape.unknown-member", "",
            "the contract is closed; the client profile ignores unknown members as the SDK does");
  body_case("member.unknown-top-level", "top-level \"nextToken\":\"x\"", job().str(",\"nextToken\":\"x\""),
            "ignores it", {{"/output/nextToken", "absent"}}, "ok", "shape.unknown-member", "", "as above");
  body_case("member.null-optional", "description null", job().set("description", "null").str(), "drops it",
            {{J + "/description", "absent"}}, "ok", "shape.null", "",
            "the contract has no null; the client profile reads null as absent, as the SDK does");
  body_case("member.null-counter", "numberOfDocumentsScanned null",
            job().set("statistics", "{\"numberOfDocumentsScanned\":null}").str(), "drops it: statistics {}",
            {{J + "/statistics", "{}"}}, "ok", "shape.null", "",
            "as above; the project then holds the model's default 0 where the SDK holds undefined",
            {"sdk.absent-counter"});
  body_case("member.null-list-item", "failureReasons [null]", job().set("failureReasons", "[null]").str(),
            "keeps [null]", {{J + "/failureReasons", "[null]"}}, "ok", "shape.null", "shape.null",
            "a FailureReasons item is a string; the SDK passes JSON null through into the list");
  // ---- enums ----
  body_case("enum.unknown-value", "status \"PAUSED\"", job().set("status", "\"PAUSED\"").str(), "keeps \"PAUSED\"",
            {{J + "/status", "\"PAUSED\""}}, "ok", "constraint.enum", "",
            "outside the model's enum; the client profile keeps it verbatim (a warning), as the SDK does");
  body_case("enum.lowercase", "status \"stopped\"", job().set("status", "\"stopped\"").str(), "keeps \"stopped\"",
            {{J + "/status", "\"stopped\""}}, "ok", "constraint.enum", "", "enum values are case-sensitive");
  body_case("enum.number", "status 5", job().set("status", "5").str(), "keeps the number 5",
            {{J + "/status", number("5")}}, "ok", "shape.wrong-type", "shape.wrong-type",
            "the SDK does not check JSON types of strings");
  // ---- constraints ----
  body_case("id.short", "knowledgeBaseId \"KB1234567\" (9)", job().set("knowledgeBaseId", "\"KB1234567\"").str(),
            "keeps it", {{J + "/knowledgeBaseId", "\"KB1234567\""}}, "ok", "constraint.pattern", "",
            "Id is ^[0-9a-zA-Z]{10}$; Smithy clients do not enforce constraints on output, nor does the client profile (a warning)");
  body_case("id.long", "dataSourceId \"DS123456789\" (11)", job().set("dataSourceId", "\"DS123456789\"").str(),
            "keeps it", {{J + "/dataSourceId", "\"DS123456789\""}}, "ok", "constraint.pattern", "", "as above");
  body_case("id.non-alnum", "ingestionJobId \"IJ-2345678\"", job().set("ingestionJobId", "\"IJ-2345678\"").str(),
            "keeps it", {{J + "/ingestionJobId", "\"IJ-2345678\""}}, "ok", "constraint.pattern", "", "as above");
  body_case("description.empty", "description \"\"", job().set("description", "\"\"").str(), "keeps \"\"",
            {{J + "/description", "\"\""}}, "ok", "constraint.length", "", "Description is 1..200 code points");
  body_case("description.201", "description of 201 code points",
            job().set("description", "\"" + std::string(201, 'd') + "\"").str(), "keeps it",
            {{J + "/description", "\"" + std::string(201, 'd') + "\""}}, "ok", "constraint.length", "", "as above");
  body_case("counter.negative", "numberOfDocumentsFailed -1",
            job().set("statistics", "{\"numberOfDocumentsFailed\":-1}").str(), "keeps -1",
            {{J + "/statistics/numberOfDocumentsFailed", number("-1")}}, "ok", "semantic.negative-counter", "",
            "a document count is never negative (the model's type is a signed long)", {"sdk.absent-counter"});
  // ---- JSON types and numbers ----
  body_case("counter.string", "numberOfDocumentsScanned \"5\"",
            job().set("statistics", "{\"numberOfDocumentsScanned\":\"5\"}").str(), "keeps the string \"5\"",
            {{J + "/statistics/numberOfDocumentsScanned", "\"5\""}}, "ok", "shape.wrong-type", "shape.wrong-type",
            "the SDK does not check JSON types of numbers");
  body_case("counter.fraction", "numberOfDocumentsScanned 1.5",
            job().set("statistics", "{\"numberOfDocumentsScanned\":1.5}").str(), "keeps 1.5",
            {{J + "/statistics/numberOfDocumentsScanned", number("1.5")}}, "ok", "long.not-integer",
            "long.not-integer", "a long has no fraction");
  body_case("counter.integral-fraction", "numberOfDocumentsScanned 1.0",
            job().set("statistics", "{\"numberOfDocumentsScanned\":1.0}").str(), "reads 1",
            {{J + "/statistics/numberOfDocumentsScanned", number("1")}}, "ok", "long.not-integer",
            "long.not-integer", "a long is written without a fraction or an exponent");
  body_case("counter.exponent", "numberOfDocumentsScanned 1e3",
            job().set("statistics", "{\"numberOfDocumentsScanned\":1e3}").str(), "reads 1000",
            {{J + "/statistics/numberOfDocumentsScanned", number("1000")}}, "ok", "long.not-integer",
            "long.not-integer", "as above");
  body_case("counter.minus-zero", "numberOfDocumentsScanned -0",
            job().set("statistics", "{\"numberOfDocumentsScanned\":-0}").str(), "reads 0 (-0)",
            {{J + "/statistics/numberOfDocumentsScanned", number("0")}}, "ok", "", "",
            "agreement: -0 is the integer 0", {"sdk.absent-counter"});
  body_case("counter.2^63", "numberOfDocumentsScanned 9223372036854775808",
            job().set("statistics", "{\"numberOfDocumentsScanned\":9223372036854775808}").str(),
            "reads 9223372036854775808", {{J + "/statistics/numberOfDocumentsScanned", number("9223372036854775808")}},
            "ok", "long.out-of-range", "long.out-of-range", "outside signed 64 bits");
  body_case("counter.2^53+1", "numberOfDocumentsScanned 9007199254740993",
            job().set("statistics", "{\"numberOfDocumentsScanned\":9007199254740993}").str(),
            "reads 9007199254740992", {{J + "/statistics/numberOfDocumentsScanned", number("9007199254740992")}},
            "ok", "", "", "SDK limitation: a long is a JS number, exact only up to 2^53",
            {"sdk.long-precision", "sdk.absent-counter"});
  body_case("description.number", "description 5", job().set("description", "5").str(), "keeps the number 5",
            {{J + "/description", number("5")}}, "ok", "shape.wrong-type", "shape.wrong-type",
            "the SDK does not check JSON types of strings");
  body_case("statistics.string", "statistics \"x\"", job().set("statistics", "\"x\"").str(), "keeps \"x\"",
            {{J + "/statistics", "\"x\""}}, "ok", "shape.wrong-type", "shape.wrong-type",
            "the SDK does not check JSON types of structures");
  body_case("statistics.array", "statistics [1]", job().set("statistics", "[1]").str(), "reads {}",
            {{J + "/statistics", "{}"}}, "ok", "shape.wrong-type", "shape.wrong-type", "as above");
  body_case("failureReasons.string", "failureReasons \"a\"", job().set("failureReasons", "\"a\"").str(),
            "keeps \"a\"", {{J + "/failureReasons", "\"a\""}}, "ok", "shape.wrong-type", "shape.wrong-type",
            "the SDK does not check JSON types of lists");
  // ---- JSON text ----
  body_case("json.duplicate-member", "status twice: \"STOPPED\", then \"FAILED\"",
            job().add("status", "\"FAILED\"").str(), "the last wins: \"FAILED\"", {{J + "/status", "\"FAILED\""}},
            "ok", "json.duplicate-member", "json.duplicate-member",
            "RFC 8259 4: names SHOULD be unique; readers disagree on which one wins, so the contract rejects");
  body_case("json.lone-surrogate", "description \"\\ud800\"", job().set("description", "\"\\ud800\"").str(),
            "keeps the lone surrogate", {{J + "/description", "{\"$utf16\":[55296]}"}}, "ok", "json.surrogate",
            "json.surrogate", "RFC 8259 8.2: a lone surrogate is no Unicode text; it has no UTF-8 form");
  body_case("json.invalid-utf8", "description with the byte 0xFF", job().set("description", "\"a\xff\"").str(),
            "replaces it with U+FFFD", {{J + "/description", "\"a\xEF\xBF\xBD\""}}, "ok", "json.utf8", "json.utf8",
            "RFC 8259 8.1: JSON text is UTF-8; the SDK's TextDecoder silently substitutes");
  body_case("json.bom", "a UTF-8 byte order mark before the object", "\xEF\xBB\xBF" + job().str(),
            "throws SyntaxError", {{"/error/name", "\"SyntaxError\""}}, "error", "json.syntax", "json.syntax",
            "agreement: both reject (RFC 8259 8.1: a sender MUST NOT add one)");
  body_case("json.trailing-content", "\"x\" after the object", job().str() + " x", "throws SyntaxError",
            {{"/error/name", "\"SyntaxError\""}}, "error", "json.trailing-content", "json.trailing-content",
            "agreement: both reject");
  body_case("json.empty-body", "an empty body", "", "returns {}", {{"/output", "{}"}}, "ok", "json.syntax",
            "json.syntax", "a 202 must carry the response; the SDK reads no body as no members");
  body_case("json.root-array", "[]", "[]", "returns {}", {{"/output", "{}"}}, "ok", "json.root-not-object",
            "json.root-not-object", "the body must be an object");
  {
    std::string deep = "1";
    for (int i = 0; i < 70; ++i) deep = "[" + deep + "]";
    body_case("json.depth-72", "an unknown member nested 70 arrays deep", job().add("x", deep).str(), "ignores it",
              {{J + "/x", "absent"}}, "ok", "shape.unknown-member", "limit.depth",
              "resource bound: max_depth 64 in every profile (the contract reports the unknown member first)");
  }
  body_case("json.number-overflow", "an unknown member 1e400", job().add("x", "1e400").str(), "ignores it",
            {{J + "/x", "absent"}}, "ok", "shape.unknown-member", "",
            "agreement for the client profile: RFC 8259's grammar allows it, and an ignored member's number is not converted");
  // ---- HTTP status ----
  {
    difference d;
    d.name = "http.status-200";
    d.input = "status 200, valid body";
    d.status = 200;
    d.body = job().str();
    d.sdk = "a success";
    d.sdk_outcome = "ok";
    d.pins = {{J + "/status", "\"STOPPED\""}};
    d.contract = "error.success-status";
    d.client = "error.success-status";
    d.reason = "StopIngestionJob succeeds with 202 (the model's http code); the SDK takes any 2xx";
    v.push_back(std::move(d));
  }
  {
    difference d;
    d.name = "http.status-204";
    d.input = "status 204, empty body";
    d.status = 204;
    d.sdk = "a success with no members: {}";
    d.sdk_outcome = "ok";
    d.pins = {{"/output", "{}"}};
    d.contract = "error.success-status";
    d.client = "error.success-status";
    d.reason = "as above";
    v.push_back(std::move(d));
  }
  // ---- error responses ----
  auto error_case = [&](std::string name, std::string input, int status,
                        std::vector<std::pair<std::string, std::string>> headers, std::string body,
                        std::string sdk_text, std::vector<pin> pins, std::string contract, std::string client,
                        std::string reason, std::vector<std::string> known = {},
                        std::vector<std::string> value_differs = {}) {
    difference d;
    d.name = std::move(name);
    d.input = std::move(input);
    d.status = status;
    d.headers = {{"content-type", "application/json"}};
    for (auto& h : headers) d.headers.push_back(std::move(h));
    d.body = std::move(body);
    d.sdk = std::move(sdk_text);
    d.sdk_outcome = "error";
    d.pins = std::move(pins);
    d.contract = std::move(contract);
    d.client = std::move(client);
    d.reason = std::move(reason);
    d.known = std::move(known);
    d.value_differs = std::move(value_differs);
    v.push_back(std::move(d));
  };
  const pin generic{"/error/ctor", "\"BedrockAgentServiceException\""};
  error_case("error.status-mismatch", "500, X-Amzn-Errortype ThrottlingException", 500,
             {{"x-amzn-errortype", "ThrottlingException"}}, "{\"message\":\"m\"}",
             "a ThrottlingException ($fault client)",
             {{"/error/name", "\"ThrottlingException\""}, {"/error/fault", "\"client\""}, {"/error/status", "500"}},
             "error.status-mismatch", "error.status-mismatch",
             "ThrottlingException is HTTP 429; the SDK trusts the type alone");
  error_case("error.unknown-type", "400, __type FooException", 400, {}, "{\"__type\":\"FooException\",\"message\":\"m\"}",
             "a generic service exception named FooException",
             {{"/error/name", "\"FooException\""}, generic, {"/error/message", "\"m\""}}, "error.unknown-type",
             "error.unknown-type", "agreement in substance: neither knows the type (the SDK still throws a service exception)");
  error_case("error.lowercase-type", "400, __type validationexception", 400, {},
             "{\"__type\":\"validationexception\",\"message\":\"m\"}", "a generic service exception",
             {{"/error/name", "\"validationexception\""}, generic}, "error.unknown-type", "error.unknown-type",
             "agreement: type names are case-sensitive on both sides");
  error_case("error.no-type-400", "400, body {\"message\":\"m\"}", 400, {}, "{\"message\":\"m\"}",
             "a generic service exception named Unknown ($fault client)",
             {{"/error/name", "\"Unknown\""}, generic, {"/error/fault", "\"client\""}}, "error.missing-type",
             "error.missing-type", "agreement in substance: no type anywhere");
  error_case("error.no-type-500", "500, body {\"message\":\"m\"}", 500, {}, "{\"message\":\"m\"}",
             "a generic service exception named Unknown ($fault server)",
             {{"/error/name", "\"Unknown\""}, generic, {"/error/fault", "\"server\""}}, "error.missing-type",
             "error.missing-type", "as above");
  error_case("error.redirect-301", "301, empty body", 301, {}, "", "a generic service exception named Unknown",
             {{"/error/name", "\"Unknown\""}, generic, {"/error/message", "\"UnknownError\""}}, "error.missing-type",
             "error.missing-type", "as above");
  error_case("error.html-502", "502, an HTML body", 502, {}, "<html>bad gateway</html>",
             "throws SyntaxError (not a service exception)",
             {{"/error/name", "\"SyntaxError\""}, {"/error/service_exception", "false"}}, "error.missing-type",
             "error.missing-type", "agreement in substance: nothing names a type (a proxy's page)");
  error_case("error.other-namespace", "400, __type com.amazonaws.other#ValidationException", 400, {},
             "{\"__type\":\"com.amazonaws.other#ValidationException\",\"message\":\"m\"}",
             "a ValidationException", {{"/error/name", "\"ValidationException\""}}, "", "",
             "agreement: both keep the name after '#', whatever the namespace");
  error_case("error.header-case", "403, header X-AMZN-ERRORTYPE", 403, {{"X-AMZN-ERRORTYPE", "AccessDeniedException"}},
             "{\"message\":\"m\"}", "an AccessDeniedException", {{"/error/name", "\"AccessDeniedException\""}}, "", "",
             "agreement: header names are case-insensitive");
  error_case("error.header-vs-body", "429, header ThrottlingException, __type ConflictException", 429,
             {{"x-amzn-errortype", "ThrottlingException"}},
             "{\"__type\":\"ConflictException\",\"message\":\"m\"}", "a ThrottlingException: the header wins",
             {{"/error/name", "\"ThrottlingException\""}}, "", "",
             "agreement: the header wins (the project adds an error.type-disagreement warning)");
  error_case("error.code-vs-type", "429, code ThrottlingException, __type ConflictException", 429, {},
             "{\"code\":\"ThrottlingException\",\"__type\":\"ConflictException\",\"message\":\"m\"}",
             "a ThrottlingException: code wins", {{"/error/name", "\"ThrottlingException\""}}, "", "",
             "agreement: code before __type");
  error_case("error.Message-capitalized", "403, __type AccessDeniedException, {\"Message\":\"cap\"}", 403, {},
             "{\"__type\":\"AccessDeniedException\",\"Message\":\"cap\"}", "message \"cap\"",
             {{"/error/message", "\"cap\""}}, "shape.unknown-member", "",
             "the model's member is message; the SDK also reads Message (as AWS JSON services write it); the client profile ignores it, so its message is absent",
             {"sdk.unknown-error-message"}, {"client value: error/message"});
  error_case("error.both-messages", "403, {\"Message\":\"cap\",\"message\":\"low\"}", 403,
             {{"x-amzn-errortype", "AccessDeniedException"}}, "{\"Message\":\"cap\",\"message\":\"low\"}",
             "message \"low\"", {{"/error/message", "\"low\""}}, "shape.unknown-member", "",
             "message wins on both sides; the contract rejects the extra Message");
  error_case("error.no-message", "403, header AccessDeniedException, body {}", 403,
             {{"x-amzn-errortype", "AccessDeniedException"}}, "{}", "message \"UnknownError\"",
             {{"/error/message", "\"UnknownError\""}}, "", "",
             "the SDK fills in \"UnknownError\"; the project's message is absent", {"sdk.unknown-error-message"});
  error_case("error.empty-body", "403, header AccessDeniedException, empty body", 403,
             {{"x-amzn-errortype", "AccessDeniedException"}}, "", "message \"UnknownError\"",
             {{"/error/message", "\"UnknownError\""}}, "", "", "as above: an empty error body has no members",
             {"sdk.unknown-error-message"});
  error_case("error.unknown-member", "409, __type ConflictException, extra member", 409, {},
             "{\"__type\":\"ConflictException\",\"message\":\"m\",\"resourceArn\":\"arn:x\"}",
             "a ConflictException that carries resourceArn too",
             {{"/error/name", "\"ConflictException\""}, {"/error/fields/resourceArn", "\"arn:x\""}},
             "shape.unknown-member", "",
             "the contract is closed; the client profile ignores unknown members, the SDK copies them onto the exception",
             {}, {"client value: error/fields/resourceArn"});
  error_case("error.empty-message", "409, __type ConflictException, message \"\"", 409, {},
             "{\"__type\":\"ConflictException\",\"message\":\"\"}", "message \"UnknownError\"",
             {{"/error/message", "\"UnknownError\""}}, "constraint.pattern", "",
             "NonBlankString is [\\s\\S]+; the client profile keeps \"\" (a warning), the SDK replaces it",
             {}, {"client value: error/message"});
  error_case("error.header-uri-only", "409, header \":http://internal.amazon.com/\", __type ConflictException", 409,
             {{"x-amzn-errortype", ":http://internal.amazon.com/"}},
             "{\"__type\":\"ConflictException\",\"message\":\"m\"}", "a generic service exception named \"\"",
             {{"/error/name", "\"\""}, generic}, "", "",
             "a header that sanitizes to \"\" names nothing for the project, so the body's type counts; the SDK stops at the header");
  error_case("error.header-empty", "409, empty X-Amzn-Errortype, __type ConflictException", 409,
             {{"x-amzn-errortype", ""}}, "{\"__type\":\"ConflictException\",\"message\":\"m\"}",
             "a generic service exception named \"\"", {{"/error/name", "\"\""}, generic}, "", "", "as above");
  error_case("error.code-empty", "409, code \"\", __type ConflictException", 409, {},
             "{\"code\":\"\",\"__type\":\"ConflictException\",\"message\":\"m\"}",
             "a generic service exception named \"\"", {{"/error/name", "\"\""}, generic}, "", "",
             "as above, for an empty body code");
  error_case("error.header-spaces", "409, header \"  ConflictException  \"", 409,
             {{"x-amzn-errortype", "  ConflictException  "}}, "{\"message\":\"m\"}",
             "a generic service exception named \"  ConflictException  \"",
             {{"/error/name", "\"  ConflictException  \""}, generic}, "", "",
             "RFC 9110 5.5: a field value's surrounding whitespace is not part of it; node's HTTP parser strips it before the SDK sees it, the canned response here does not");
  error_case("error.header-list", "409, header \"ConflictException, ThrottlingException\"", 409,
             {{"x-amzn-errortype", "ConflictException, ThrottlingException"}}, "{\"message\":\"m\"}",
             "a ConflictException (the first of the list)", {{"/error/name", "\"ConflictException\""}},
             "error.unknown-type", "error.unknown-type",
             "the header holds one type; the project does not guess from a list");
  error_case("error.type-hash-only", "409, __type \"ns#\"", 409, {}, "{\"__type\":\"ns#\",\"message\":\"m\"}",
             "a generic service exception named \"\"", {{"/error/name", "\"\""}, generic}, "error.missing-type",
             "error.missing-type", "agreement in substance: the type sanitizes to nothing");
  error_case("error.message-number", "409, header ConflictException, {\"message\":5}", 409,
             {{"x-amzn-errortype", "ConflictException"}}, "{\"message\":5}", "message \"5\" (the number, made a string by Error)",
             {{"/error/message", "\"5\""}}, "shape.wrong-type", "shape.wrong-type",
             "the SDK does not check JSON types in error bodies either");
  error_case("error.fieldList-null-item", "400, header ValidationException, fieldList [null]", 400,
             {{"x-amzn-errortype", "ValidationException"}}, "{\"message\":\"m\",\"fieldList\":[null]}",
             "keeps [null]", {{"/error/fields/fieldList", "[null]"}}, "shape.null", "shape.null",
             "a list item is never null");
  error_case("error.body-array", "409, header ConflictException, body []", 409,
             {{"x-amzn-errortype", "ConflictException"}}, "[]", "a ConflictException with message \"UnknownError\"",
             {{"/error/name", "\"ConflictException\""}, {"/error/message", "\"UnknownError\""}},
             "json.root-not-object", "json.root-not-object", "an error body is an object");
  error_case("error.body-truncated", "409, header ConflictException, body {\"message\":", 409,
             {{"x-amzn-errortype", "ConflictException"}}, "{\"message\":", "throws SyntaxError",
             {{"/error/name", "\"SyntaxError\""}}, "json.syntax", "json.syntax", "agreement: both reject");
  return v;
}

/** Checks `pins` against the observation. */
void check_pins(element obs, const std::vector<pin>& pins, case_report& r) {
  for (const pin& p : pins) {
    const std::string got = show(at(obs, p.pointer));
    const bool same = p.prefix ? got.compare(0, p.expected.size(), p.expected) == 0 : got == p.expected;
    r.expect(same, "SDK " + p.pointer, got, p.expected + (p.prefix ? "..." : ""));
  }
}

/** The project's verdict under `options`, then (where both accept) its value against the SDK's. */
void check_profile(const difference& d, element obs, const char* profile, const ba::parse_options& options,
                   const std::string& expected_rule, case_report& r) {
  const auto result = ba::classify_response<operation>(d.status, d.headers, d.body, options);
  const std::string got = first_error(result.diagnostics());
  r.expect(got == expected_rule, std::string(profile) + " verdict", "(pinned)",
           (got.empty() ? std::string("accepts") : got) + ", pinned " +
               (expected_rule.empty() ? std::string("accepts") : expected_rule));
  if (!got.empty() || !result.ok()) return;
  case_report values;
  const std::string where = std::string(profile) + " value";
  if (d.sdk_outcome == "ok" && result.kind() == ba::response_kind::success) {
    compare(std::get<0>(result.value()), member(obs, "output"), where, values);
  } else if (d.sdk_outcome == "error" && result.kind() == ba::response_kind::error &&
             show(at(obs, "/error/ctor")) != "\"BedrockAgentServiceException\"") {
    // Only a modeled exception on the SDK's side has values to compare.
    compare_error(std::get<1>(result.value()), d.status, member(obs, "error"), values, where + ": error");
  } else {
    return;  // one side succeeded, the other failed: the verdicts above say so
  }
  r.fields += values.fields;
  r.fields_agreed += values.fields_agreed;
  for (const auto& k : values.known) {
    if (std::find(d.known.begin(), d.known.end(), k.first) != d.known.end()) r.known[k.first] += k.second;
    else r.disagreements.push_back(where + ": unexpected known difference " + k.first);
  }
  for (const auto& line : values.disagreements) {
    const bool pinned = std::any_of(d.value_differs.begin(), d.value_differs.end(),
                                    [&](const std::string& p) { return line.compare(0, p.size(), p) == 0; });
    if (pinned) ++r.known["pinned value difference"];
    else r.disagreements.push_back(line);
  }
}

}  // namespace

std::vector<interop_case> difference_cases() {
  std::vector<interop_case> cases;
  for (difference& d : differences()) {
    interop_case c;
    c.name = "differences/" + d.name;
    c.status = d.status;
    c.headers = d.headers;
    c.body = d.body;
    c.check = [d](element obs, case_report& r) {
      std::string_view outcome;
      const bool outcome_ok = !obs["outcome"].get(outcome) && outcome == d.sdk_outcome;
      r.expect(outcome_ok, "SDK outcome", show(at(obs, "/outcome")) + " " + show(member(obs, "error")),
               "pinned " + d.sdk_outcome);
      check_pins(obs, d.pins, r);
      check_profile(d, obs, "contract", ba::parse_options::contract(), d.contract, r);
      check_profile(d, obs, "client", ba::parse_options::client(), d.client, r);
      // A listed difference: the SDK accepts what a profile rejects, or the reverse, or the
      // values differ in a known way.
      // The figures: where the SDK gets a value (a response's output, or a modeled exception
      // from an error response) that a profile rejects, or the reverse.
      const bool error_response = d.status < 200 || d.status > 299;
      const bool sdk_reads = error_response ? show(at(obs, "/error/service_exception")) == "true" &&
                                                  show(at(obs, "/error/ctor")) != "\"BedrockAgentServiceException\""
                                            : d.sdk_outcome == "ok";
      if (sdk_reads && !d.contract.empty()) ++r.known["SDK reads it, contract rejects"];
      if (!sdk_reads && d.contract.empty()) ++r.known["SDK fails, contract reads it"];
      if (sdk_reads && !d.client.empty()) ++r.known["SDK reads it, client profile rejects"];
      if (!sdk_reads && d.client.empty()) ++r.known["SDK fails, client profile reads it"];
    };
    cases.push_back(std::move(c));
  }
  return cases;
}

/** The Markdown table of docs/interop.md, one row per difference. */
void print_difference_table(std::ostream& os) {
  os << "| case | input | SDK 3.1138.0 | contract | client | why |\n";
  os << "| --- | --- | --- | --- | --- | --- |\n";
  auto cell = [](std::string s) {
    std::string out;
    for (char ch : s) {
      if (ch == '|') out += "\\|";
      else if (static_cast<unsigned char>(ch) >= 0x80 || static_cast<unsigned char>(ch) < 0x20) {
        static constexpr char hex[] = "0123456789ABCDEF";
        out += "\\x";
        out += hex[static_cast<unsigned char>(ch) >> 4];
        out += hex[static_cast<unsigned char>(ch) & 15];
      } else out += ch;
    }
    return out;
  };
  auto verdict = [](const std::string& rule) { return rule.empty() ? std::string("accepts") : "`" + rule + "`"; };
  for (const difference& d : differences()) {
    os << "| `" << d.name << "` | " << cell(d.input) << " | " << cell(d.sdk) << " | " << verdict(d.contract) << " | "
       << verdict(d.client) << " | " << cell(d.reason) << " |\n";
  }
}

}  // namespace interop
