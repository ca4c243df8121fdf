#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED

// The three report formats: text (compiler-style lines and a summary), json (one
// machine-readable report) and sarif (SARIF 2.1.0, so CI systems show findings inline).

#include "findings.hpp"

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <cstdio>
#include <string>
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
  out += "}}\n";
  return out;
}

/** A SARIF 2.1.0 log with one run; every rule of the library is listed in the driver. */
inline std::string sarif_report(const std::vector<finding>& findings) {
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
  out += "]}},\"results\":[";
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
    out += "}]}";
  }
  out += "]}]}\n";
  return out;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_OUTPUT_HPP_INCLUDED
