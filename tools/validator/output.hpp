#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED

// The report formats: text (compiler-style lines and a summary), json (one machine-readable
// report), sarif (SARIF 2.1.0, so CI systems show findings inline) and junit (JUnit XML, one
// testcase per document or exchange, as GitLab, Jenkins and Azure Pipelines read it).

#include "findings.hpp"

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <cstdint>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace bedrock_agent::validator {

inline constexpr const char* tool_name = "bedrock-agent-validate";
inline constexpr const char* tool_version = "0.1.0";

/** `FILE:LINE:COL: error[RULE]: message (at /pointer)`; HAR findings name the entry and part. */
inline std::string text_line(const finding& f) {
  const diagnostic& d = f.what;
  std::string s = f.where.file;
  if (f.where.entry) {
    s += ":entry " + std::to_string(*f.where.entry);
    if (!f.where.part.empty()) s += " " + f.where.part;
  }
  s += ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": ";
  s += to_string(d.level);
  s += "[";
  s += rule_id(d.id);
  s += "]: ";
  s += d.message;
  s += " (at ";
  s += d.pointer.empty() ? std::string("/") : d.pointer;
  s += ")";
  return s;
}

inline std::string summary_line(const summary& s) {
  return "summary: " + std::to_string(s.documents) + " documents, " + std::to_string(s.valid) + " valid, " +
         std::to_string(s.invalid) + " invalid, " + std::to_string(s.warnings) + " warnings, " +
         std::to_string(s.skipped) + " skipped" +
         (s.not_checkable ? ", " + std::to_string(s.not_checkable) + " rules not checkable" : std::string());
}

inline void json_member(std::string& out, const char* name, std::string_view value, bool comma = true) {
  if (comma) out += ',';
  append_json_string(out, name);
  out += ':';
  append_json_string(out, value);
}
inline void json_member(std::string& out, const char* name, std::size_t value, bool comma = true) {
  if (comma) out += ',';
  append_json_string(out, name);
  out += ':';
  out += std::to_string(value);
}

/** The json report: {"tool", "version", "findings": [...], "summary": {...}}. */
inline std::string json_report(const std::vector<finding>& findings, const summary& s) {
  std::string out = "{";
  json_member(out, "tool", tool_name, false);
  json_member(out, "version", tool_version);
  out += ",\"findings\":[";
  bool first = true;
  for (const finding& f : findings) {
    if (!first) out += ',';
    first = false;
    const diagnostic& d = f.what;
    out += '{';
    json_member(out, "file", f.where.file, false);
    json_member(out, "document", f.where.document);
    if (f.where.entry) {
      json_member(out, "entry", *f.where.entry);
      json_member(out, "part", f.where.part);
    }
    json_member(out, "line", d.line);
    json_member(out, "column", d.column);
    json_member(out, "offset", d.offset);
    json_member(out, "rule", rule_id(d.id));
    json_member(out, "severity", to_string(d.level));
    json_member(out, "source", to_string(rule_info(d.id).source));
    json_member(out, "pointer", d.pointer);
    json_member(out, "message", d.message);
    json_member(out, "expected", d.expected);
    json_member(out, "found", d.found);
    out += '}';
  }
  out += "],\"summary\":{";
  json_member(out, "files", s.files, false);
  json_member(out, "documents", s.documents);
  json_member(out, "valid", s.valid);
  json_member(out, "invalid", s.invalid);
  json_member(out, "errors", s.errors);
  json_member(out, "warnings", s.warnings);
  json_member(out, "skipped", s.skipped);
  out += ",\"not_checkable\":[";  // rules some input of the run could not show (fidelity)
  for (std::size_t i = 0; i < s.not_checkable_rules.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, s.not_checkable_rules[i]);
  }
  out += "]}}\n";
  return out;
}

/// The partialFingerprints key of the validator's results (versioned: a new scheme, a new key).
inline constexpr const char* fingerprint_key = "bedrockAgentFinding/v1";

/** Fingerprints that stay the same from run to run while the finding does: the rule, the file,
 *  the HAR part, the JSON Pointer and the value found, not the line, the HAR entry or
 *  the document's index (lines move when a file is edited above the finding). Findings alike
 *  in all of these are told apart by their order (":1", ":2", ...). FNV-1a 64, in hex. */
class fingerprinter {
 public:
  std::string next(const finding& f) {
    std::string key(rule_id(f.what.id));
    for (std::string_view part : {std::string_view(f.where.file), std::string_view(f.where.part),
                                  std::string_view(f.what.pointer), std::string_view(f.what.found)}) {
      key += '\x1f';
      key += part;
    }
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (int k = 60; k >= 0; k -= 4) out += hex[(h >> k) & 15];
    return out + ":" + std::to_string(++seen_[key]);
  }

 private:
  std::map<std::string, std::size_t> seen_;
};

/** A SARIF 2.1.0 log with one run; every rule of the library is listed in the driver. Each
 *  result has partialFingerprints (fingerprinter), so code scanning keeps one alert per finding
 *  across runs. Rules some input of the run could not show (`s.not_checkable_rules`, fidelity.hpp)
 *  are listed as the invocation's ruleConfigurationOverrides with `enabled: false`, and a
 *  notification counts them, so that a clean result is not read as "every rule held". */
inline std::string sarif_report(const std::vector<finding>& findings, const summary& s = {}) {
  fingerprinter fingerprints;
  std::string out = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{";
  out += "\"tool\":{\"driver\":{";
  json_member(out, "name", tool_name, false);
  json_member(out, "version", tool_version);
  json_member(out, "informationUri", "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_StopIngestionJob.html");
  out += ",\"rules\":[";
  bool first_rule = true;
  for (rule r : registered_rules()) {
    const auto& info = rule_info(r);
    if (!first_rule) out += ',';
    first_rule = false;
    out += '{';
    json_member(out, "id", info.id, false);
    out += ",\"shortDescription\":{";
    json_member(out, "text", info.summary, false);
    out += "},\"defaultConfiguration\":{";
    json_member(out, "level", to_string(info.level), false);
    out += "},\"properties\":{";
    json_member(out, "source", to_string(info.source), false);
    out += "}}";
  }
  out += "]}}";
  if (!s.not_checkable_rules.empty()) {
    out += ",\"invocations\":[{\"executionSuccessful\":true,\"ruleConfigurationOverrides\":[";
    std::string ids;
    for (std::size_t i = 0; i < s.not_checkable_rules.size(); ++i) {
      const std::string& id = s.not_checkable_rules[i];
      rule r;
      if (i) {
        out += ',';
        ids += ", ";
      }
      ids += id;
      out += "{\"descriptor\":{";
      json_member(out, "id", id, false);
      if (rule_from_id(id, r)) json_member(out, "index", rule_index(r));
      out += "},\"configuration\":{\"enabled\":false}}";
    }
    out += "],\"toolConfigurationNotifications\":[{\"level\":\"note\",\"message\":{";
    json_member(out, "text",
                std::to_string(s.not_checkable_rules.size()) +
                    " rules not checkable: an input of this run does not hold what they judge (a re-serialization "
                    "or a parsed value, not the wire bytes): " + ids,
                false);
    out += "}}]}]";
  }
  out += ",\"results\":[";
  bool first = true;
  for (const finding& f : findings) {
    if (!first) out += ',';
    first = false;
    const diagnostic& d = f.what;
    out += '{';
    json_member(out, "ruleId", rule_id(d.id), false);
    json_member(out, "ruleIndex", rule_index(d.id));
    json_member(out, "level", to_string(d.level));
    out += ",\"message\":{";
    std::string text = d.message;
    if (!d.pointer.empty()) text += " (at " + d.pointer + ")";
    if (f.where.entry) text += " [HAR entry " + std::to_string(*f.where.entry) + " " + f.where.part + "]";
    json_member(out, "text", text, false);
    out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{";
    json_member(out, "uri", f.where.file == "-" ? std::string("stdin") : f.where.file, false);
    out += "}";
    if (d.line > 0 && !f.where.entry) {  // HAR body positions are not positions in the file
      out += ",\"region\":{";
      json_member(out, "startLine", d.line, false);
      json_member(out, "startColumn", d.column);
      out += "}";
    }
    out += "}";
    if (!d.pointer.empty()) {
      out += ",\"logicalLocations\":[{";
      json_member(out, "fullyQualifiedName", d.pointer, false);
      json_member(out, "kind", "member");
      out += "}]";
    }
    out += "}]";
    out += ",\"partialFingerprints\":{";
    json_member(out, fingerprint_key, fingerprints.next(f), false);
    out += "}}";
  }
  out += "]}]}\n";
  return out;
}

/** The JUnit testcase name of a document: "document 3 (line 7)", for a HAR exchange
 *  "entry 2 GetIngestionJob", for an exchange of a debug log or cassette
 *  "document 2 (line 40) GetIngestionJob", the line of its request (so that the attempts of a
 *  retried call have names of their own). */
inline std::string testcase_name(const document_record& d) {
  const source& where = d.where;
  if (where.entry) {
    std::string s = "entry " + std::to_string(*where.entry);
    if (!d.operation.empty()) s += " " + std::string(d.operation);
    return s;
  }
  const std::size_t line = d.request_line ? d.request_line : where.line;
  std::string s = "document " + std::to_string(where.document) + " (line " + std::to_string(line) + ")";
  if (!d.operation.empty()) s += " " + std::string(d.operation);  // an exchange of a log or cassette
  return s;
}

/** A JUnit XML report (written with Boost.PropertyTree, which escapes the text): one testsuite
 *  per file and one testcase per document or HAR exchange, in the order checked. A testcase
 *  fails when the document is invalid; the failure lists its findings as text lines, and a
 *  valid document's warnings go in its system-out. Findings not placed in a document (none
 *  today) would be lost, so every finding is matched to its document by file, document and
 *  entry. */
inline std::string junit_report(const std::vector<document_record>& documents, const std::vector<finding>& findings,
                                const summary& s) {
  namespace pt = boost::property_tree;
  using key = std::tuple<std::string, std::size_t, std::size_t>;  // file, document, entry + 1
  const auto key_of = [](const source& w) { return key{w.file, w.document, w.entry ? *w.entry + 1 : 0}; };
  std::map<key, std::vector<const finding*>> by_document;
  for (const finding& f : findings) by_document[key_of(f.where)].push_back(&f);

  pt::ptree suites;
  pt::ptree& root = suites.add("testsuites", "");
  root.put("<xmlattr>.name", tool_name);
  root.put("<xmlattr>.tests", s.documents);
  root.put("<xmlattr>.failures", s.invalid);
  root.put("<xmlattr>.errors", 0);
  pt::ptree* suite = nullptr;
  std::string suite_file;
  std::size_t suite_tests = 0, suite_failures = 0;
  const auto close_suite = [&] {
    if (!suite) return;
    suite->put("<xmlattr>.tests", suite_tests);
    suite->put("<xmlattr>.failures", suite_failures);
  };
  for (const document_record& d : documents) {
    if (!suite || d.where.file != suite_file) {
      close_suite();
      suite = &root.add("testsuite", "");
      suite_file = d.where.file;
      suite->put("<xmlattr>.name", suite_file == "-" ? std::string("stdin") : suite_file);
      suite->put("<xmlattr>.errors", 0);
      suite_tests = suite_failures = 0;
    }
    ++suite_tests;
    pt::ptree& tc = suite->add("testcase", "");
    tc.put("<xmlattr>.classname", suite_file == "-" ? std::string("stdin") : suite_file);
    tc.put("<xmlattr>.name", testcase_name(d));
    std::string lines;
    std::string first_rule;
    const auto it = by_document.find(key_of(d.where));
    if (it != by_document.end()) {
      for (const finding* f : it->second) {
        if (first_rule.empty() && f->what.level == severity::error) first_rule = std::string(rule_id(f->what.id));
        lines += text_line(*f) + "\n";
      }
    }
    if (d.invalid) {
      ++suite_failures;
      pt::ptree& failure = tc.add("failure", lines);
      failure.put("<xmlattr>.message", std::to_string(d.errors) + " errors, " + std::to_string(d.warnings) + " warnings");
      failure.put("<xmlattr>.type", first_rule.empty() ? std::string("warnings") : first_rule);
    } else if (!lines.empty()) {
      tc.add("system-out", lines);
    }
  }
  close_suite();
  std::ostringstream out;
  pt::write_xml(out, suites, pt::xml_writer_make_settings<std::string>(' ', 2));
  return out.str();
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED
