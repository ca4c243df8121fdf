#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_CLI_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_CLI_HPP_INCLUDED

// Command-line options of bedrock-agent-validate.

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace bedrock_agent::validator {

enum class input_kind { auto_detect, json, ndjson, har, boto3, python, cli, botocore_log, vcr };
enum class shape_kind { auto_detect, request, response, error, named };
enum class output_format { text, json, sarif, junit };

struct settings {
  input_kind input = input_kind::auto_detect;
  shape_kind shape = shape_kind::auto_detect;
  std::string shape_name;  ///< shape_kind::named: a structure of the model (IngestionJob, ...)
  bool client_profile = false;
  parse_options options = parse_options::contract();
  bool warnings_as_errors = false;
  std::size_t max_errors = 0;  ///< 0: no cap on printed error findings
  output_format format = output_format::text;
  bool quiet = false;
  bool progress = true;  ///< only shown when stderr is a terminal
  std::vector<std::string> files;
};

inline constexpr const char* usage_text =
    "usage: bedrock-agent-validate [options] FILE... | -\n"
    "Validates recorded ingestion-job API traffic (StartIngestionJob, GetIngestionJob,\n"
    "ListIngestionJobs, StopIngestionJob) against the API contract.\n"
    "\n"
    "  --input auto|json|ndjson|har|boto3|python|cli|botocore-log|vcr\n"
    "                                       input format (default auto: by extension and content);\n"
    "                                       python: print/pprint of a boto3 result; cli: aws --output json;\n"
    "                                       botocore-log: `aws ... --debug` or boto3.set_stream_logger\n"
    "                                       output; vcr: a vcrpy YAML cassette\n"
    "  --shape auto|request|response|error|NAME\n"
    "                                       document shape (default auto: by content); request, response\n"
    "                                       and error are StopIngestionJob's; NAME is any structure of the\n"
    "                                       model (IngestionJob, GetIngestionJobResponse, IngestionJobSummary...)\n"
    "  --profile contract|client            contract: the strict checker (default); client: what an SDK accepts\n"
    "  --disable RULE                       drop findings of RULE (repeatable; rules marked fixed cannot be)\n"
    "  --enable RULE                        undo an earlier --disable of RULE\n"
    "  --warnings-as-errors                 exit 1 on warnings too\n"
    "  --max-errors N                       print at most N error findings (all are still counted)\n"
    "  --max-document-bytes N               limit.input-size for one document (default 16777216)\n"
    "  --format text|json|sarif|junit       report format (default text); junit: one testcase per\n"
    "                                       document or HAR exchange\n"
    "  --quiet                              print error findings only: no warnings, summary or progress\n"
    "  --no-progress                        no progress line on stderr\n"
    "  --list-rules                         print every rule: id, severity, source, fatal, fixed, summary\n"
    "  --help                               this text\n"
    "\n"
    "Exit status: 0 nothing at error level, 1 findings at error level (or warnings with\n"
    "--warnings-as-errors), 2 usage or I/O error.\n";

/** True when `name` is the shape_name of a structure of the model. */
inline bool is_model_structure(std::string_view name) {
  bool found = false;
  boost::mp11::mp_for_each<structures>([&](auto t) { found = found || decltype(t)::shape_name == name; });
  return found;
}

/** "StartIngestionJobRequest, IngestionJobStatistics, ...": every structure of the model. */
inline std::string model_structure_names() {
  std::string out;
  boost::mp11::mp_for_each<structures>([&](auto t) {
    if (!out.empty()) out += ", ";
    out += decltype(t)::shape_name;
  });
  return out;
}

/// Outcome of reading the command line.
struct cli_result {
  bool ok = true;
  bool exit_now = false;  ///< --help / --list-rules: print `message` to stdout, exit 0
  std::string message;    ///< the error (ok == false) or the text to print
};

inline bool parse_size(std::string_view s, std::size_t& out) {
  if (s.empty() || s.size() > 18) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

inline std::string rule_list() {
  std::string out;
  for (rule r : registered_rules()) {
    const auto& info = rule_info(r);
    out += std::string(info.id) + "\t" + std::string(to_string(info.level)) + "\t" + std::string(to_string(info.source)) +
           (info.fatal ? "\tfatal" : "\t") + (rule_can_be_disabled(r) ? "\t" : "\tfixed") + "\t" +
           std::string(info.summary) + "\n";
  }
  return out;
}

/** Reads argv into `s`. */
inline cli_result parse_command_line(int argc, const char* const* argv, settings& s) {
  std::vector<std::pair<bool, rule>> toggles;  // in order: (enable?, rule)
  auto fail = [](std::string m) { return cli_result{false, false, std::move(m)}; };
  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (only_files || a == "-" || a.empty() || a[0] != '-') {
      s.files.emplace_back(a);
      continue;
    }
    if (a == "--") {
      only_files = true;
      continue;
    }
    auto value = [&](std::string_view& v) {
      if (i + 1 >= argc) return false;
      v = argv[++i];
      return true;
    };
    std::string_view v;
    if (a == "--help" || a == "-h") return cli_result{true, true, usage_text};
    if (a == "--list-rules") return cli_result{true, true, rule_list()};
    if (a == "--warnings-as-errors") {
      s.warnings_as_errors = true;
    } else if (a == "--quiet" || a == "-q") {
      s.quiet = true;
    } else if (a == "--no-progress") {
      s.progress = false;
    } else if (a == "--input") {
      if (!value(v)) return fail("--input needs a value");
      if (v == "auto") s.input = input_kind::auto_detect;
      else if (v == "json") s.input = input_kind::json;
      else if (v == "ndjson" || v == "jsonl") s.input = input_kind::ndjson;
      else if (v == "har") s.input = input_kind::har;
      else if (v == "boto3") s.input = input_kind::boto3;
      else if (v == "python") s.input = input_kind::python;
      else if (v == "cli") s.input = input_kind::cli;
      else if (v == "botocore-log") s.input = input_kind::botocore_log;
      else if (v == "vcr") s.input = input_kind::vcr;
      else return fail("unknown --input '" + std::string(v) + "' (auto, json, ndjson, har, boto3, python, cli, botocore-log, vcr)");
    } else if (a == "--shape") {
      if (!value(v)) return fail("--shape needs a value");
      if (v == "auto") s.shape = shape_kind::auto_detect;
      else if (v == "request") s.shape = shape_kind::request;
      else if (v == "response") s.shape = shape_kind::response;
      else if (v == "error") s.shape = shape_kind::error;
      else if (is_model_structure(v)) {
        s.shape = shape_kind::named;
        s.shape_name = std::string(v);
      } else {
        return fail("unknown --shape '" + std::string(v) + "' (auto, request, response, error, or a structure of the model: " +
                    model_structure_names() + ")");
      }
    } else if (a == "--profile") {
      if (!value(v)) return fail("--profile needs a value");
      if (v == "contract") s.client_profile = false;
      else if (v == "client") s.client_profile = true;
      else return fail("unknown --profile '" + std::string(v) + "' (contract, client)");
    } else if (a == "--disable" || a == "--enable") {
      if (!value(v)) return fail(std::string(a) + " needs a rule id");
      rule r;
      if (!rule_from_id(v, r)) return fail("unknown rule id '" + std::string(v) + "' (see --list-rules)");
      if (a == "--disable" && !rule_can_be_disabled(r)) {
        return fail("rule '" + std::string(v) + "' cannot be disabled: " +
                    (rule_refuses_value(r) ? "it refuses a value, and dropping it would make one up"
                                           : "a document that does not parse is never valid"));
      }
      toggles.emplace_back(a == "--enable", r);
    } else if (a == "--max-errors") {
      if (!value(v) || !parse_size(v, s.max_errors)) return fail("--max-errors needs a whole number");
    } else if (a == "--max-document-bytes") {
      std::size_t n = 0;
      if (!value(v) || !parse_size(v, n) || n == 0) return fail("--max-document-bytes needs a positive whole number");
      s.options.max_input_bytes = n;
    } else if (a == "--format") {
      if (!value(v)) return fail("--format needs a value");
      if (v == "text") s.format = output_format::text;
      else if (v == "json") s.format = output_format::json;
      else if (v == "sarif") s.format = output_format::sarif;
      else if (v == "junit") s.format = output_format::junit;
      else return fail("unknown --format '" + std::string(v) + "' (text, json, sarif, junit)");
    } else {
      return fail("unknown option '" + std::string(a) + "'");
    }
  }
  if (s.files.empty()) return fail("no input: give FILE... or - for standard input");
  const std::size_t max_bytes = s.options.max_input_bytes;
  s.options = s.client_profile ? parse_options::client() : parse_options::contract();
  s.options.max_input_bytes = max_bytes;
  for (auto [enable, r] : toggles) {
    if (enable) s.options.disabled.erase(r);
    else s.options.disabled.insert(r);
  }
  return {};
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_CLI_HPP_INCLUDED
