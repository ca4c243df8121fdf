#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_RUNNER_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_RUNNER_HPP_INCLUDED

// The validator's work: recognize each input and each document, check it with the library
// (codec, HTTP binding, status invariants), and hand every finding to the sink.

#include "botocore_log.hpp"
#include "cli.hpp"
#include "findings.hpp"
#include "fidelity.hpp"
#include "har.hpp"
#include "python_literal.hpp"
#include "unreadable.hpp"
#include "vcr.hpp"
#include "wire_exchange.hpp"

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/lifecycle/status.hpp>

#include <simdjson.h>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent::validator {

/// Root members boto3 puts beside the shape: protocol data, not unknown members.
inline constexpr std::string_view boto3_protocol_members[] = {"ResponseMetadata", "Error"};

/// How a walk of a root object's member names ended (for_each_root_key).
enum class root_walk {
  not_an_object,  ///< the text is not JSON, or its root is not an object
  stopped,        ///< the visitor asked to stop
  broken,         ///< a member could not be read (the document is cut or malformed there)
  finished,       ///< every member name was visited
};

/** Calls `visit(key)` (a simdjson raw_json_string) for each member name of the root object of
 *  `text` in order, until it returns true; says how the walk ended. */
template <class Visit>
root_walk for_each_root_key(simdjson::padded_string_view text, Visit&& visit) {
  json_scratch& s = this_thread_scratch();
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (s.parser.iterate(text).get(doc) != simdjson::SUCCESS || doc.get_object().get(obj) != simdjson::SUCCESS) {
    return root_walk::not_an_object;
  }
  for (auto fr : obj) {
    simdjson::ondemand::field f;
    if (std::move(fr).get(f) != simdjson::SUCCESS) return root_walk::broken;
    if (visit(f.key())) return root_walk::stopped;
  }
  return root_walk::finished;
}

/** The shape a document's top-level member names suggest: "ingestionJob" a response,
 *  "ingestionJobSummaries" a ListIngestionJobsResponse (shape_kind::named), an id label a request, "__type" / "code" / "message" / "Message" / "fieldList" an error. A text
 *  that is not a JSON object (or names none of them) is taken for a response, the common
 *  case, and its diagnostics say why it is not one. */
inline shape_kind detect_shape(simdjson::padded_string_view text) {
  shape_kind guess = shape_kind::response;
  bool decided = false;
  for_each_root_key(text, [&](simdjson::ondemand::raw_json_string key) {
    if (key.unsafe_is_equal("ingestionJob")) {
      guess = shape_kind::response;
      return true;
    }
    if (key.unsafe_is_equal("ingestionJobSummaries")) {  // a ListIngestionJobs page
      guess = shape_kind::named;
      return true;
    }
    if (key.unsafe_is_equal("knowledgeBaseId") || key.unsafe_is_equal("dataSourceId") ||
        key.unsafe_is_equal("ingestionJobId")) {
      guess = shape_kind::request;
      decided = true;
    } else if (!decided && (key.unsafe_is_equal("__type") || key.unsafe_is_equal("code") ||
                            key.unsafe_is_equal("message") || key.unsafe_is_equal("Message") ||
                            key.unsafe_is_equal("fieldList"))) {
      guess = shape_kind::error;
    }
    return false;
  });
  return guess;
}

/** "IngestionJob" when the root object is a job printed alone (`json.dumps(r["ingestionJob"])`,
 *  a job member of a CLI or boto3 result): it names a status or a time and wraps no job
 *  (a request names ids only). Null otherwise. */
inline const char* detect_member_alone(std::string_view text) {
  bool job = false;
  const root_walk walk = for_each_root_key(this_thread_scratch().pad(text), [&](simdjson::ondemand::raw_json_string key) {
    if (key.unsafe_is_equal("ingestionJob") || key.unsafe_is_equal("ingestionJobSummaries")) return true;
    job = job || key.unsafe_is_equal("status") || key.unsafe_is_equal("startedAt") || key.unsafe_is_equal("updatedAt") ||
          key.unsafe_is_equal("statistics");
    return false;
  });
  return walk == root_walk::finished && job ? "IngestionJob" : nullptr;
}

/** As above, for text that is not padded (it is copied). */
inline shape_kind detect_shape(std::string_view text) {
  return detect_shape(this_thread_scratch().pad(text));
}

/** True when the text's root object has a member named `name` (used to recognize HAR and
 *  boto3 dumps). */
inline bool has_root_member(std::string_view text, std::string_view name) {
  return for_each_root_key(this_thread_scratch().pad(text), [&](simdjson::ondemand::raw_json_string key) {
           return key.unsafe_is_equal(name);
         }) == root_walk::stopped;
}

/// The errors of an operation.
template <class Op>
using errors_of = typename Op::errors;

/** What a boto3 error dump or a standalone error body is read against: it names no operation,
 *  so any error one of the four declares (Start's ServiceQuotaExceededException among them),
 *  each once, in the model's order. As an operation descriptor for parse_error_response. */
struct any_operation {
  using errors = boost::mp11::mp_unique<boost::mp11::mp_apply<boost::mp11::mp_append,
                                                              boost::mp11::mp_transform<errors_of, operations>>>;
  static constexpr std::string_view name = "the ingestion-job API";  ///< in "... does not declare error"
  static constexpr int http_success_status = 0;  ///< never used: an error is read with an error status
};

/// Whether T is the output of one of the model's operations.
template <class T>
struct is_output_of {
  template <class Op>
  using fn = std::is_same<typename Op::output, T>;
};
template <class T>
inline constexpr bool is_operation_output_v = boost::mp11::mp_any_of_q<operations, is_output_of<T>>::value;

class runner {
 public:
  runner(const settings& s, finding_sink sink)
      : settings_(s), sink_(std::move(sink)), options_(s.options), sequences_(s.options), boto3_options_(s.options) {
    boto3_options_.protocol_members = boto3_protocol_members;
  }

  /** The next file holds `f` (fidelity.hpp): the rules it cannot show are off until the next
   *  call. */
  void set_fidelity(fidelity f) {
    options_ = options_for(settings_.options, f);
    boto3_options_ = options_;
    boto3_options_.protocol_members = boto3_protocol_members;
  }

  summary& totals() noexcept { return summary_; }
  const summary& totals() const noexcept { return summary_; }

  /** Checks one JSON document (a whole file, or one NDJSON line) from `where`. */
  void check_document(std::string_view text, const source& where) {
    shape_kind shape = settings_.shape;
    if (shape == shape_kind::auto_detect) {
      if (const char* alone = detect_member_alone(text)) {  // a job or summary printed alone
        document_scope doc(*this, where);
        check_named(alone, text, doc);
        return;
      }
      shape = detect_shape(text);
    }
    document_scope doc(*this, where);
    switch (shape) {
      case shape_kind::request: {
        StopIngestionJobRequest value;
        read_all(text, value, doc);
        break;
      }
      case shape_kind::error:
        check_error_document(text, doc);
        break;
      case shape_kind::named:
        check_named(settings_.shape == shape_kind::named ? settings_.shape_name : "ListIngestionJobsResponse", text, doc);
        break;
      default: {
        StopIngestionJobResponse value;
        if (read_all(text, value, doc)) observe_output(value, doc);
        break;
      }
    }
  }

  /** Starts a new file: sequences are observations of one job within one file, in file order
   *  (separate recordings need not be one history). */
  void begin_file() { sequences_.clear(); }

  /** Checks every document of an NDJSON stream, read in chunks with `read` (as
   *  for_each_ndjson_line_in_stream() reads it) after the bytes in `prefix`; blank lines are
   *  passed over. Each line is read in place from the stream's buffer into a value reused for
   *  every line, so a line costs no copy and, in steady state, no allocation but its findings'.
   *  `chunk`: bytes per read (tests make it small, so that lines straddle reads). */
  template <class Read>
  void check_ndjson(Read&& read, std::string_view prefix, const std::string& file,
                    std::size_t chunk = std::size_t{1} << 18) {
    source where{file, 1, 0, std::nullopt, {}};  // one for the file: only line and document change
    const std::size_t bytes_before = summary_.bytes;
    const ndjson_summary sum = for_each_ndjson_line_in_stream(
        std::forward<Read>(read),
        [&](const ndjson_line& line) {
          summary_.bytes = bytes_before + line.offset + line.text.size() + 1;
          where.line = line.number;
          check_line(line.padded, where);
          ++where.document;
          if (progress_) tick();
        },
        prefix, chunk);
    summary_.bytes = bytes_before + sum.end.offset;
  }

  /** Checks every exchange of the ingestion-job API in a HAR file, each against the operation
   *  its method and path name (match_operation); other entries are skipped. */
  void check_har(std::string_view text, const std::string& file) {
    har_file har;
    if (!validate_into(text, har, report_, har_options(har_limit()))) {
      // the HAR itself is broken: one invalid document, findings in the file
      const source where{file, 1, 0, std::nullopt, {}};
      document_scope doc(*this, where);
      report_.drain([&doc](diagnostic&& d) { doc.add(std::move(d)); });
      return;
    }
    for (std::size_t i = 0; i < har.log.entries.size(); ++i) {
      const har_entry& e = har.log.entries[i];
      const std::string_view path = url_path(e.request.url);
      const std::optional<operation_match> op = match_operation<operations>(e.request.method, path);
      if (!op) {  // not a call of this API
        ++summary_.skipped;
        continue;
      }
      visit_operation<operations>(op->index, [&](auto o) {
        operation_ = decltype(o)::name;
        check_exchange<decltype(o)>(e, path, source{file, 1, i, i, {}});
        operation_ = {};
      });
      tick();
    }
  }

  /** Checks every exchange of a botocore debug log (botocore_log.hpp), streamed: read in
   *  chunks with `read` after the bytes in `prefix`. */
  template <class Read>
  void check_botocore_log(Read&& read, std::string_view prefix, const std::string& file) {
    botocore_log_reader reader;
    std::size_t index = 0;
    auto emit = [&](const wire_exchange& x) { check_wire(x, file, index++); };
    std::string head;  // the text before the first record, to say what a file that has none is
    summary_.bytes += for_each_line_in_stream(std::forward<Read>(read), prefix, [&](std::string_view line, std::size_t number) {
      reader.line(line, number, emit);
      if (reader.records() == 0 && head.size() < (std::size_t{1} << 16)) head.append(line).push_back('\n');
    });
    reader.finish(emit);
    if (reader.records() == 0) {  // --input botocore-log on something else: say so, not "0 documents"
      const source where{file, 1, 0, std::nullopt, {}};
      if (check_unreadable(head, where, "a botocore debug log")) return;
      document_scope doc(*this, where);
      const std::size_t start = unreadable_scan::first_non_space(head);
      const char first = start < head.size() ? head[start] : '\0';
      unreadable_kind none{start,
                           first == '\0'                  ? "an empty file"
                           : first == '{' || first == '[' ? "JSON, not a log"
                           : looks_like_vcr(head)          ? "a vcrpy cassette"
                                                           : "text without one botocore or urllib3 log record",
                           "a debug log is what aws ... --debug 2>&1 or boto3.set_stream_logger('botocore', "
                           "logging.DEBUG) writes; for any other file leave --input at auto"};
      doc.add(unreadable_finding(none, head, "a botocore debug log"));
    }
  }

  /** Checks every interaction of a vcrpy cassette (vcr.hpp). A text that is not YAML or not a
   *  cassette is one invalid document with one finding at the place it goes wrong. */
  void check_vcr(std::string_view text, const std::string& file) {
    std::size_t index = 0;
    vcr_problem problem;
    if (read_vcr(text, [&](const wire_exchange& x) { check_wire(x, file, index++); }, problem)) return;
    const source where{file, 1, index, std::nullopt, {}};
    document_scope doc(*this, where);
    diagnostic d;
    d.id = problem.id;
    d.level = rule_info(problem.id).level;
    d.pointer = problem.pointer;
    d.line = problem.at.line;
    d.column = problem.at.column;
    d.expected = problem.expected;
    d.message = problem.message;
    doc.add(std::move(d));
  }

  /** Checks one exchange read from an SDK's record (botocore log, VCR cassette) as a HAR entry
   *  is checked (check_exchange), its findings placed in the original file; `index` is its
   *  0-based index in the file. An exchange of another API, or with no response recorded (a
   *  failed connection, a log cut short), is skipped. Without a recorded status (boto3 logs
   *  without urllib3's logger) the status is taken from x-amzn-ErrorType: the error's status,
   *  or the operation's success status when there is none. */
  void check_wire(const wire_exchange& x, const std::string& file, std::size_t index) {
    const std::string_view path = url_path(x.url);
    const std::optional<operation_match> op = match_operation<operations>(x.method, path);
    if (!op || !x.has_response) {
      ++summary_.skipped;
      return;
    }
    har_entry& e = wire_entry_;  // reused: its strings keep their capacity from exchange to exchange
    e.request.method.assign(x.method);
    e.request.url.assign(x.url);
    if (!x.request_body.bytes.empty()) {
      if (!e.request.postData) e.request.postData.emplace();
      if (!e.request.postData->text) e.request.postData->text.emplace();
      e.request.postData->text->assign(x.request_body.bytes);
    } else {
      e.request.postData.reset();
    }
    if (!e.response.headers) e.response.headers.emplace();
    har_headers& headers = *e.response.headers;
    headers.resize(x.response_headers.size());
    for (std::size_t i = 0; i < headers.size(); ++i) {
      headers[i].name.assign(x.response_headers[i].first);
      headers[i].value.assign(x.response_headers[i].second);
    }
    if (!e.response.content) e.response.content.emplace();
    if (!e.response.content->text) e.response.content->text.emplace();
    e.response.content->text->assign(x.response_body.bytes);
    const std::size_t base = x.first_line();
    // positions: bodies byte by byte; the rest at the piece of the record it is about
    placing_scope reset_place{place_};
    place_ = [&](diagnostic& d, std::string_view part) {
      text_position p;
      if (part == "request body") {
        p = d.line ? x.request_body.place(d.offset) : x.request_body.start;
      } else if (part == "response" && d.line) {
        p = x.response_body.place(d.offset);
      } else if (part == "response") {
        p = x.status_at.line ? x.status_at : x.headers_at.line ? x.headers_at : x.response_body.start;
      }
      if (p.line == 0) p = x.request_at;
      if (p.line == 0) p = {base, 1};
      d.line = p.line - base + 1;  // document_scope::add shifts by the document's line
      d.column = p.column;
    };
    visit_operation<operations>(op->index, [&](auto o) {
      using Op = decltype(o);
      e.response.status = x.status ? *x.status : assumed_status<Op>(x.response_headers);
      operation_ = Op::name;
      request_line_ = x.request_at.line;
      check_exchange<Op>(e, path, source{file, base, index, std::nullopt, {}});
      operation_ = {};
      request_line_ = 0;
    });
    tick();
  }

  /** Checks a boto3 dump: `json.dumps(client.stop_ingestion_job(...), default=str)` (the
   *  response and its ResponseMetadata) or the `e.response` of a botocore ClientError (Error,
   *  ResponseMetadata and the exception's members at the top level). Python's str(datetime)
   *  form of DateTimestamp ("2026-03-14 09:26:53.589793+00:00") is accepted in this mode only. */
  void check_boto3(std::string_view text, const source& where) {
    document_scope doc(*this, where);
    const boto3_metadata meta = read_boto3_metadata(text);
    std::string fixed(text);
    python_datetimes_to_rfc3339(fixed);
    if (!meta.is_error) {
      if (const char* alone = detect_member_alone(fixed)) {  // json.dumps(r["ingestionJob"], default=str)
        check_named(settings_.shape == shape_kind::named ? std::string_view(settings_.shape_name) : alone, fixed, doc,
                    boto3_options_);
        return;
      }
      // A dump names no operation: a page of summaries is ListIngestionJobs; a job with 200 is
      // GetIngestionJob; anything else StopIngestionJob (202 is Start's status too, but a dump
      // of a start is read the same way but for status.stop-state).
      if (meta.has_summaries) {
        check_boto3_output<ListIngestionJobs>(fixed, meta, doc);
      } else if (meta.status && *meta.status == GetIngestionJob::http_success_status) {
        check_boto3_output<GetIngestionJob>(fixed, meta, doc);
      } else {
        check_boto3_output<StopIngestionJob>(fixed, meta, doc);
      }
      return;
    }
    // An error: the header (if recorded) wins over Error.Code, as on the wire.
    const error_type_resolution header = resolve_error_type(meta.headers, {}, options_);
    doc.add_all(std::vector<diagnostic>(header.diagnostics));
    std::string type = std::string(sanitize_error_type(meta.code));
    if (header.type.source == error_type_source::header) {
      if (!type.empty() && header.type.name != type) {
        add_status_finding(doc, rules::error_type_disagreement, meta.status.value_or(0),
                           "x-amzn-errortype says " + header.type.name + " but Error.Code says " + type +
                               "; the header wins",
                           "/Error/Code");
      }
      type = header.type.name;
    }
    if (type.empty()) {
      add_status_finding(doc, rules::error_missing_type, meta.status.value_or(0),
                         "the error names no type: no Error.Code and no x-amzn-errortype header", "/Error");
      return;
    }
    bool known = false;
    boost::mp11::mp_for_each<any_operation::errors>([&](auto e) {
      using E = decltype(e);
      if (known || type != E::shape_name) return;
      known = true;
      if (meta.status && *meta.status != E::http_status) {
        add_status_finding(doc, rules::error_status_mismatch, *meta.status,
                           std::string(E::shape_name) + " is HTTP " + std::to_string(E::http_status) +
                               "; ResponseMetadata.HTTPStatusCode is " + std::to_string(*meta.status));
      }
      E value;
      read_all(fixed, value, doc, boto3_options_);
    });
    if (!known) {
      add_status_finding(doc, rules::error_unknown_type, meta.status.value_or(0),
                         std::string(any_operation::name) + " does not declare error \"" + excerpt(type) + "\"",
                         "/Error/Code");
    }
  }

  /** Tells `sink` of every document (or HAR exchange) once it is checked (the JUnit report). */
  void on_document(document_sink sink) { document_sink_ = std::move(sink); }

  /** Checks a Python printout (python_literal.hpp) of a boto3 result, of its ingestionJob
   *  member alone, or of a ListIngestionJobs result: translated to JSON, then read as the shape
   *  its keys say (--shape overrides), every finding placed in `text`. */
  void check_python(std::string_view text, const source& where) {
    if (unreadable_scan::every_line_commented(text)) return check_printout(text, where);  // one paste
    std::size_t k = 0, line = where.line, counted = 0;
    for (const auto& [begin, end] : python_printouts(text)) {
      for (; counted < begin; ++counted) line += text[counted] == '\n';
      source at = where;
      at.line = line;
      at.document = where.document + k++;
      check_printout(text.substr(begin, end - begin), at);
    }
  }

  /** Checks one printout of check_python. */
  void check_printout(std::string_view text, const source& where) {
    const python_translation t = python_to_json(text);
    if (!t.ok) {
      document_scope doc(*this, where);
      const std::optional<unreadable_kind> u = classify_unreadable(text);
      if (u && !u->python) {
        doc.add(unreadable_finding(*u, text, "a Python printout"));
        return;
      }
      diagnostic d;
      d.id = rules::json_syntax;
      d.offset = t.error_offset;
      const auto [line, column] = line_column(text, t.error_offset);
      d.line = line;
      d.column = column;
      d.expected = t.error;
      d.found = excerpt(text.substr(t.error_offset));
      d.message = "not a Python literal here: expected " + t.error;
      doc.add(std::move(d));
      return;
    }
    placing_scope reset_place{place_};  // place_ is this printout's only while it is checked
    auto place = [&t, text](diagnostic& d, std::string_view) { place_in_printout(d, t, text); };
    const std::string& json = t.json;
    if (settings_.shape == shape_kind::error ||
        (settings_.shape == shape_kind::auto_detect && has_root_member(json, "Error"))) {  // e.response of a ClientError
      place_ = place;
      check_boto3(json, where);
      return;
    }
    document_scope doc(*this, where);
    if (!t.local_times.empty() && !options_.disabled.contains(validator_rules::input_local_time)) {
      doc.add(local_time_finding(t, text));  // placed in the printout already
    }
    place_ = place;
    std::string name;
    if (settings_.shape == shape_kind::named) name = settings_.shape_name;
    else if (settings_.shape == shape_kind::request) name = "StopIngestionJobRequest";
    else if (settings_.shape == shape_kind::response) name = "StopIngestionJobResponse";
    else if (const char* alone = detect_member_alone(json)) name = alone;
    else if (has_root_member(json, "ingestionJobSummaries")) name = "ListIngestionJobsResponse";
    else name = "GetIngestionJobResponse";  // Start, Get and Stop print alike: read as Get's
    check_named(name, json, doc, boto3_options_);
  }

  /** AWS CLI --output json: a document like any other, but a job wrapped in ingestionJob is
   *  read as GetIngestionJobResponse (the output names no operation, and Start, Get and Stop
   *  print alike) rather than as StopIngestionJob's. */
  void check_cli(std::string_view text, const source& where) {
    if (settings_.shape == shape_kind::auto_detect && !detect_member_alone(text) &&
        has_root_member(text, "ingestionJob")) {
      document_scope doc(*this, where);
      check_named("GetIngestionJobResponse", text, doc);
      return;
    }
    check_document(text, where);
  }

  /** Reports `text` as unreadable when it is a known look-alike that `as_input` cannot read
   *  (unreadable.hpp); true when it did. Only called on text the reader would refuse. */
  bool check_unreadable(std::string_view text, const source& where, std::string_view as_input) {
    const std::optional<unreadable_kind> u = classify_unreadable(text);
    if (!u) return false;
    document_scope doc(*this, where);
    doc.add(unreadable_finding(*u, text, as_input));
    return true;
  }

  /** Warnings are counted but not handed to the sink (main: --quiet, whose sink drops them). */
  void drop_warnings() noexcept { drop_warnings_ = true; }

  /** Progress on stderr (set by main when stderr is a terminal). */
  void enable_progress() noexcept { progress_ = true; }
  void end_progress() {
    if (progress_shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  /// Collects one document's findings and counts it valid or invalid when it ends.
  class document_scope {
   public:
    /** `where` must outlive the scope (NDJSON reuses one source for every line). */
    document_scope(runner& r, const source& where) : r_(r), where_(where) {}
    document_scope(const document_scope&) = delete;
    document_scope& operator=(const document_scope&) = delete;
    ~document_scope() {
      ++r_.summary_.documents;
      const bool bad = errors_ > 0 || (r_.settings_.warnings_as_errors && warnings_ > 0);
      ++(bad ? r_.summary_.invalid : r_.summary_.valid);
      if (r_.document_sink_)
        r_.document_sink_(document_record{where_, r_.operation_, errors_, warnings_, bad, r_.request_line_});
    }
    /** Adds a finding positioned in this document's text (line 1 is the document's line). */
    void add(diagnostic d, std::string_view part = {}) {
      if (r_.place_) r_.place_(d, part);  // read from another form: back to the file's positions
      if (d.level == severity::error) ++errors_; else ++warnings_;
      if (d.level != severity::error && r_.drop_warnings_) {  // counted as emit() would, never placed
        ++r_.summary_.warnings;
        return;
      }
      if (d.line == 0) {  // about a value, not a place in the text: point at the document
        d.line = 1;
        d.column = 1;
      }
      if (!where_.entry) d.line += where_.line - 1;  // NDJSON: the file's line numbers
      source at = where_;
      at.part = std::string(part);
      r_.emit(finding{std::move(at), std::move(d)});
    }
    /** Counts `n` warnings that were never built (drop_warnings), as add() counts a dropped one. */
    void count_dropped_warnings(std::size_t n) noexcept {
      warnings_ += n;
      r_.summary_.warnings += n;
    }
    void add_all(std::vector<diagnostic>&& ds, std::string_view part = {}) {
      for (diagnostic& d : ds) add(std::move(d), part);
    }
    std::size_t errors() const noexcept { return errors_; }
    const source& where() const noexcept { return where_; }

   private:
    runner& r_;
    const source& where_;
    std::size_t errors_ = 0, warnings_ = 0;
  };

  std::size_t har_limit() const noexcept {
    const std::size_t floor = std::size_t{256} << 20;  // HAR files carry many bodies
    return options_.max_input_bytes > floor ? options_.max_input_bytes : floor;
  }

  /** Reads `text` as T collecting every diagnostic into `doc`; true when none is an error. */
  template <class T>
  bool read_all(std::string_view text, T& value, document_scope& doc) {
    return read_all(text, value, doc, options_);
  }
  template <class T>
  bool read_all(std::string_view text, T& value, document_scope& doc, const parse_options& options) {
    const bool ok = validate_into(text, value, report_, options);
    report_.drain([&doc](diagnostic&& d) { doc.add(std::move(d)); });
    return ok;
  }

  /** The exchange rules of Op on a request and its success response. */
  template <class Op>
  std::vector<diagnostic> exchange_findings(const typename Op::input& request, const typename Op::output& output) {
    return bedrock_agent::check_exchange(request, output, options_).diagnostics();
  }

  /** The status rules on an operation's output, then its jobs observed by the sequence rules
   *  (in file order, one history per file). */
  template <class Output>
  void observe_output(const Output& output, document_scope& doc, std::string_view part = {}) {
    // check_status(output), into a vector reused from document to document; with --quiet the
    // warnings are only counted (their messages would be dropped unseen).
    status_diags_.clear();
    std::size_t counted_warnings = 0;
    check_status(output, options_, status_diags_, drop_warnings_ ? &counted_warnings : nullptr);
    doc.count_dropped_warnings(counted_warnings);
    for (diagnostic& d : status_diags_) doc.add(std::move(d), part);
    const source& w = doc.where();
    // "file:line" or "file:entry N": the prefix kept from the last document of the same file
    // (this runs for every line), the number passed as a number
    const std::string_view tail = w.entry ? ":entry " : ":";
    if (label_.size() != w.file.size() + tail.size() || label_.compare(0, w.file.size(), w.file) != 0 ||
        label_.compare(w.file.size(), tail.size(), tail) != 0) {
      label_.assign(w.file);
      label_ += tail;
    }
    doc.add_all(sequences_.observe(output, label_, w.entry ? *w.entry : w.line).diagnostics(), part);
  }

  /** One NDJSON line (a view into the reader's padded buffer): check_document without the
   *  copy and with values reused from line to line. */
  void check_line(simdjson::padded_string_view text, const source& where) {
    shape_kind shape = settings_.shape;
    if (shape == shape_kind::auto_detect) shape = detect_shape(text);
    document_scope doc(*this, where);
    switch (shape) {
      case shape_kind::request:
        read_padded(text, line_request_, doc);
        break;
      case shape_kind::error:
        check_error_document(std::string_view(text.data(), text.length()), doc);
        break;
      case shape_kind::named:
        check_named(settings_.shape == shape_kind::named ? settings_.shape_name : "ListIngestionJobsResponse",
                    std::string_view(text.data(), text.length()), doc);
        break;
      default:
        // A read without errors leaves the reused value exactly as a fresh one (absent members
        // reset, lists resized; see parse_into), so the checks below see this line only.
        if (read_padded(text, line_response_, doc)) observe_output(line_response_, doc);
        break;
    }
  }

  /** read_all on padded text, in place. */
  template <class T>
  bool read_padded(simdjson::padded_string_view text, T& value, document_scope& doc) {
    const bool ok = validate_into(this_thread_scratch().parser, text, value, report_, options_);
    report_.drain([&doc](diagnostic&& d) { doc.add(std::move(d)); });
    return ok;
  }

  /** A document of the model's structure called `name` (is_model_structure): read, then the
   *  status and sequence rules when it is a job or an operation's output. */
  void check_named(std::string_view name, std::string_view text, document_scope& doc) {
    check_named(name, text, doc, options_);
  }
  void check_named(std::string_view name, std::string_view text, document_scope& doc, const parse_options& options) {
    boost::mp11::mp_for_each<structures>([&](auto t) {
      using T = decltype(t);
      if (T::shape_name != name) return;
      T value;
      if (!read_all(text, value, doc, options)) return;
      if constexpr (std::is_same_v<T, IngestionJob> || std::is_same_v<T, IngestionJobSummary>) {
        doc.add_all(check_status(value, options_).diagnostics());
      } else if constexpr (is_operation_output_v<T>) {
        observe_output(value, doc);
      }
    });
  }

  /** A standalone error body: its type must be in "code" or "__type" (there is no header). */
  void check_error_document(std::string_view text, document_scope& doc) {
    const error_type_resolution resolution = resolve_error_type({}, text, options_);
    int status = 400;  // any error status; only used when the type is unknown or missing
    boost::mp11::mp_for_each<any_operation::errors>([&](auto e) {
      if (resolution.type.name == decltype(e)::shape_name) status = decltype(e)::http_status;
    });
    doc.add_all(parse_error_response<any_operation>(status, {}, text, options_).diagnostics());
  }

  /** True when the root object of `body` names a member of Output (a success body); false
   *  for anything else (an error body, not an object, not JSON). */
  template <class Output>
  bool looks_like_output(std::string_view body) {
    return for_each_root_key(this_thread_scratch().pad(body), [](simdjson::ondemand::raw_json_string key) {
             bool member = false;
             boost::mp11::mp_for_each<boost::describe::describe_members<Output, boost::describe::mod_public>>(
                 [&](auto d) { member = member || key.unsafe_is_equal(d.name); });
             return member;
           }) == root_walk::stopped;
  }

  /** One HAR entry as a call of Op: its request line and body, its response (success or
   *  error), the exchange rules, and the job observations it holds. */
  template <class Op>
  void check_exchange(const har_entry& e, std::string_view path, const source& where) {
    document_scope doc(*this, where);
    const std::string_view request_body =
        e.request.postData && e.request.postData->text ? std::string_view(*e.request.postData->text) : std::string_view();
    auto line = parse_request<Op>(e.request.method, path, options_);
    doc.add_all(std::vector<diagnostic>(line.diagnostics()), "request");
    typename Op::input request = line.ok() ? line.value() : typename Op::input{};
    const auto body_read = read_request_body<Op>(request_body, request, options_);
    doc.add_all(std::vector<diagnostic>(body_read.diagnostics()), "request body");
    const bool request_ok = line.ok() && body_read.ok();

    http_headers headers;
    if (e.response.headers) {
      for (const har_header& h : *e.response.headers) headers.emplace_back(h.name, h.value);
    }
    std::string body;
    if (e.response.content && e.response.content->text) {
      const std::string& text = *e.response.content->text;
      if (e.response.content->encoding && *e.response.content->encoding == "base64") {
        if (!base64_decode(text, body)) {
          diagnostic d;
          d.id = rules::json_syntax;
          d.pointer = "/log/entries/" + std::to_string(where.document) + "/response/content/text";
          d.expected = "base64 (RFC 4648), as content.encoding says";
          d.found = excerpt(text);
          d.message = "the response body is marked base64 but is not base64";
          doc.add(std::move(d), "response");
          return;
        }
      } else {
        body = text;
      }
    }
    const int status = static_cast<int>(e.response.status);
    const bool success_body = !body.empty() && looks_like_output<typename Op::output>(body);
    if ((status == Op::http_success_status) != success_body) {
      const std::string output_name(Op::output::shape_name);
      diagnostic d;
      d.id = rules::exchange_status_shape;
      d.expected = status == Op::http_success_status ? "a " + output_name + " body" : "an error body";
      d.found = "HTTP " + std::to_string(status) + " with " + (success_body ? "a response body" : "an error body");
      d.message = "HTTP " + std::to_string(status) + " carries " +
                  (success_body ? "a " + output_name + " body" : std::string("an error body")) + "; " +
                  std::to_string(Op::http_success_status) + " is the success status and every other status is an error";
      doc.add(std::move(d), "response");
    }
    auto response = classify_response<Op>(status, headers, body, options_);
    doc.add_all(std::vector<diagnostic>(response.diagnostics()), "response");
    if (response.ok() && response->index() == 0) {
      const auto& output = std::get<0>(*response);
      if (request_ok) doc.add_all(exchange_findings<Op>(request, output), "response");
      observe_output(output, doc, "response");
    }
  }

  /** The status of Op's exchange whose record does not carry it: the declared status of the
   *  error x-amzn-ErrorType names (400 when Op declares no such error), else Op's success. */
  template <class Op>
  static int assumed_status(const http_headers& headers) {
    const auto value = find_header(headers, "x-amzn-errortype");
    if (!value) return Op::http_success_status;
    const std::string_view type = value->substr(0, value->find(':'));
    int status = 400;
    boost::mp11::mp_for_each<typename Op::errors>([&](auto err) {
      if (type == decltype(err)::shape_name) status = decltype(err)::http_status;
    });
    return status;
  }

  struct boto3_metadata {
    std::optional<int> status;
    http_headers headers;
    bool is_error = false;
    bool has_summaries = false;  ///< a root member ingestionJobSummaries: a ListIngestionJobs page
    std::string code;
  };

  /** A boto3 dump of Op's output: read, its status checked against Op's, then observed. */
  template <class Op>
  void check_boto3_output(std::string_view text, const boto3_metadata& meta, document_scope& doc) {
    typename Op::output value;
    const bool ok = read_all(text, value, doc, boto3_options_);
    if (meta.status && *meta.status != Op::http_success_status) {
      add_status_finding(doc, rules::error_success_status, *meta.status,
                         "a " + std::string(Op::output::shape_name) + " comes with HTTP " +
                             std::to_string(Op::http_success_status));
    }
    if (ok) observe_output(value, doc);
  }

  /** ResponseMetadata.HTTPStatusCode and HTTPHeaders, and Error.Code, read leniently: the
   *  strict read of the same text reports what is wrong with its JSON. */
  boto3_metadata read_boto3_metadata(std::string_view text) {
    boto3_metadata m;
    simdjson::dom::element root;
    if (dom_.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return m;
    simdjson::dom::element meta;
    if (root["ResponseMetadata"].get(meta) == simdjson::SUCCESS) {
      std::int64_t status = 0;
      if (meta["HTTPStatusCode"].get_int64().get(status) == simdjson::SUCCESS && status >= 0 && status < 1000) {
        m.status = static_cast<int>(status);
      }
      simdjson::dom::object headers;
      if (meta["HTTPHeaders"].get_object().get(headers) == simdjson::SUCCESS) {
        for (auto field : headers) {
          std::string_view value;
          if (field.value.get_string().get(value) == simdjson::SUCCESS) {
            m.headers.emplace_back(std::string(field.key), std::string(value));
          }
        }
      }
    }
    simdjson::dom::element summaries;
    m.has_summaries = root["ingestionJobSummaries"].get(summaries) == simdjson::SUCCESS;
    simdjson::dom::element error;
    if (root["Error"].get(error) == simdjson::SUCCESS) {
      m.is_error = true;
      std::string_view code;
      if (error["Code"].get_string().get(code) == simdjson::SUCCESS) m.code = std::string(code);
    }
    return m;
  }

  /** Python's str(datetime) writes a space where RFC 3339 has 'T'. The DateTimestamp members
   *  (startedAt, updatedAt) of the job (under ingestionJob, or at the root when the job was
   *  dumped alone) and of each summary get a 'T' there, in place: the text keeps its length,
   *  so every position the codec reports stays right. No other string is touched. */
  void python_datetimes_to_rfc3339(std::string& text) {
    namespace od = simdjson::ondemand;
    json_scratch& s = this_thread_scratch();
    const simdjson::padded_string_view padded = s.pad(text);
    od::document doc;
    od::object root;
    if (s.parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(root) != simdjson::SUCCESS) return;
    std::vector<std::size_t> spaces;
    // the times of one job object: startedAt and updatedAt, when they are strings
    auto times_of = [&](od::field& m) {
      if (!m.key().unsafe_is_equal("startedAt") && !m.key().unsafe_is_equal("updatedAt")) return;
      od::raw_json_string raw;
      if (m.value().get_raw_json_string().get(raw) != simdjson::SUCCESS) return;
      const std::size_t at = static_cast<std::size_t>(raw.raw() - padded.data()) + 10;
      if (at < text.size() && text[at] == ' ') spaces.push_back(at);
    };
    auto job_times = [&](od::object job) {
      for (auto jr : job) {
        od::field m;
        if (std::move(jr).get(m) != simdjson::SUCCESS) return;
        times_of(m);
      }
    };
    for (auto fr : root) {
      od::field f;
      if (std::move(fr).get(f) != simdjson::SUCCESS) break;
      od::object job;
      od::array list;
      if (f.key().unsafe_is_equal("ingestionJob")) {
        if (f.value().get_object().get(job) == simdjson::SUCCESS) job_times(job);
      } else if (f.key().unsafe_is_equal("ingestionJobSummaries")) {
        if (f.value().get_array().get(list) != simdjson::SUCCESS) continue;
        for (auto er : list) {
          od::object summary;
          if (er.get_object().get(summary) != simdjson::SUCCESS) break;
          job_times(summary);
        }
      } else {
        times_of(f);  // a job dumped alone
      }
    }
    for (std::size_t at : spaces) text[at] = 'T';
  }

  void add_status_finding(document_scope& doc, rule r, int status, std::string message,
                          std::string pointer = "/ResponseMetadata/HTTPStatusCode") {
    const std::optional<severity> level = finding_severity(r, options_);
    if (!level) return;
    diagnostic d;
    d.id = r;
    d.level = *level;
    d.pointer = std::move(pointer);
    d.found = std::to_string(status);
    d.message = std::move(message);
    doc.add(std::move(d));
  }

  void emit(finding&& f) {
    if (f.what.level == severity::error) ++summary_.errors; else ++summary_.warnings;
    sink_(std::move(f));
  }

  void tick() {
    if (!progress_ || (++ticks_ & 1023) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (!started_) {
      started_ = true;
      start_ = now;
      return;
    }
    const double seconds = std::chrono::duration<double>(now - start_).count();
    if (seconds < 1.0) return;
    progress_shown_ = true;
    std::fprintf(stderr, "\r%zu documents, %.1f MB/s", summary_.documents,
                 static_cast<double>(summary_.bytes) / 1e6 / seconds);
    std::fflush(stderr);
  }

  const settings& settings_;
  finding_sink sink_;
  document_sink document_sink_;
  std::string_view operation_;  // the HAR exchange being checked (document_record::operation)
  har_entry wire_entry_;        // check_wire's exchange as a HAR entry
  std::size_t request_line_ = 0;  // and the line of its request (document_record::request_line)
  parse_options options_;  // settings_.options less the rules the current input cannot show
  /// Set while a document read from another form (a printout's translation, a log's or a
  /// cassette's exchange) is checked: moves each finding, of the named part, to its place in the
  /// file.
  using placer = std::function<void(diagnostic&, std::string_view part)>;
  placer place_;
  struct placing_scope {  // place_ holds for one document only
    placer& f;
    ~placing_scope() { f = nullptr; }
  };
  summary summary_;
  sequence_checker sequences_;
  parse_options boto3_options_;  // options_ with boto3's protocol members
  simdjson::dom::parser dom_;
  // NDJSON: reused from line to line
  StopIngestionJobResponse line_response_;
  StopIngestionJobRequest line_request_;
  result<void> report_;  // every read's findings, reused from document to document
  std::vector<diagnostic> status_diags_;
  std::string label_;
  bool progress_ = false, progress_shown_ = false, started_ = false, drop_warnings_ = false;
  std::size_t ticks_ = 0;
  std::chrono::steady_clock::time_point start_{};
};

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_RUNNER_HPP_INCLUDED
