#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_FINDINGS_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_FINDINGS_HPP_INCLUDED

// What the validator found, where: a diagnostic placed in a file (and, for NDJSON, at the
// document's line; for HAR, in an entry), and the run's summary counts.

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bedrock_agent::validator {

/// Where a document came from.
struct source {
  std::string file;                  ///< as given on the command line; "-" is standard input
  std::size_t line = 1;              ///< line of the document's first byte in the file
  std::size_t document = 0;          ///< 0-based index of the document in the file
  std::optional<std::size_t> entry;  ///< HAR entry index
  std::string part;                  ///< HAR: "request", "response"; empty otherwise
};

/// One finding: a diagnostic and its place. For a document inside a file, the diagnostic's
/// line is already shifted to the file's line numbering (NDJSON); for HAR bodies it is the
/// body's own line:column, and the entry is named.
struct finding {
  source where;
  diagnostic what;
};

struct summary {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::size_t valid = 0;
  std::size_t invalid = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t skipped = 0;  ///< HAR entries that are not StopIngestionJob calls, blank NDJSON lines are not counted
  std::size_t bytes = 0;
  std::size_t not_checkable = 0;  ///< distinct rules some input of the run could not show (fidelity.hpp)
  std::vector<std::string> not_checkable_rules;  ///< their ids, sorted
};

using finding_sink = std::function<void(finding&&)>;

/// One document (or HAR exchange) once checked: what the JUnit report makes a testcase of.
struct document_record {
  source where;
  std::string_view operation;  ///< HAR: the operation the exchange calls (a static name)
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool invalid = false;  ///< errors, or warnings under --warnings-as-errors
  /// An exchange of a debug log or cassette: the line of its own request (a retried call's
  /// attempts start at the call's line, where.line, but each is sent from a line of its own).
  std::size_t request_line = 0;
};

using document_sink = std::function<void(const document_record&)>;

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_FINDINGS_HPP_INCLUDED
