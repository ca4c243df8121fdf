// Interop driver: the project's side of the comparison with the AWS SDK for JavaScript v3.
//
//   interop_driver gen <suite>     prints the suite's cases, one JSON object per line
//   interop_driver check <suite> [js|botocore]
//                                  reads the harness's observations (one per line, same order)
//                                  from stdin, compares each with the project's own value and
//                                  verdicts, prints every disagreement naming its case, and
//                                  exits 0 only when nothing disagrees. The client is js unless
//                                  named; botocore only for the suites both clients run
//   interop_driver list            prints the suite names
//   interop_driver doc differences prints the table of known differences for docs/interop.md
//   interop_driver doc pins        prints the table of the two clients' pins for docs/interop.md
//
// Both modes build the same cases from fixed seeds, so `check` needs only the observations.
// A case's outcome is "agreed" (every compared field equal), "known difference" (every
// difference is one that docs/interop.md lists, predicted exactly), or "disagreed" (a failure).

#include "interop.hpp"

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

namespace {

using namespace interop;

int gen(const std::vector<interop_case>& cases) {
  std::string out;
  for (const auto& c : cases) {
    out.clear();
    write_case_json(out, c);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

int check(std::string_view suite, const std::vector<interop_case>& cases) {
  simdjson::dom::parser parser;
  suite_report total;
  // Per group (the case name up to its second '/': operations/StartIngestionJob, pins/...).
  std::map<std::string, suite_report> groups;
  std::string line;
  std::size_t index = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    if (index >= cases.size()) {
      std::cout << "interop " << suite << ": more observations than the " << cases.size() << " cases\n";
      return 1;
    }
    const interop_case& c = cases[index++];
    case_report r;
    simdjson::dom::element obs;
    if (auto err = parser.parse(line).get(obs)) {
      r.disagree("", std::string("the observation is not JSON: ") + simdjson::error_message(err), "");
    } else if (std::string_view name; obs["name"].get(name) || name != c.name) {
      r.disagree("", "the observation is for case '" + std::string(name) + "'", "");
    } else {
      c.check(obs, r);
    }
    total.add(c.name, r);
    groups[c.name.substr(0, c.name.find('/', c.name.find('/') + 1))].add(c.name, r);
  }
  if (index != cases.size()) {
    std::cout << "interop " << suite << ": " << index << " observations for " << cases.size() << " cases\n";
    return 1;
  }
  total.print(std::cout, suite);
  if (groups.size() > 1) {
    for (const auto& g : groups) {
      std::cout << "interop " << suite << ": " << g.first << ": " << g.second.cases << " cases, " << g.second.cases_agreed
                << " agreed, " << g.second.cases_known << " known differences, " << g.second.cases_disagreed
                << " disagreed\n";
    }
  }
  return total.cases_disagreed == 0 && total.cases > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::map<std::string_view, std::vector<interop_case> (*)()> suites{
      {"responses", &response_cases},
      {"differences", &difference_cases},
      {"errors", &error_cases},
      {"requests", &request_cases},
      {"operations", &operation_cases},
      {"wire_requests", &wire_request_cases},
  };
  // The suites that pin the JS SDK's own behaviour (differences, errors, requests, responses'
  // broken recordings) are for that client; these two judge either.
  const auto both_clients = [](std::string_view suite) { return suite == "operations" || suite == "wire_requests"; };
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "doc" && argc == 3 && std::string_view(argv[2]) == "differences") {
    print_difference_table(std::cout);
    return 0;
  }
  if (mode == "doc" && argc == 3 && std::string_view(argv[2]) == "pins") {
    print_pin_table(std::cout);
    return 0;
  }
  if (mode == "list" && argc == 2) {
    for (const auto& s : suites) std::cout << s.first << '\n';
    return 0;
  }
  const std::string_view client_name = argc == 4 ? argv[3] : "js";
  const bool client_ok = client_name == "js" || (client_name == "botocore" && argc == 4 && both_clients(argv[2]));
  if ((mode != "gen" && mode != "check") || argc < 3 || argc > (mode == "check" ? 4 : 3) ||
      suites.count(argv[2]) == 0 || !client_ok) {
    std::cerr << "usage: interop_driver gen <suite> | interop_driver check <suite> [js|botocore] | interop_driver list | "
                 "interop_driver doc differences|pins\n";
    return 2;
  }
  checking = mode == "check";
  client = client_name == "botocore" ? client_kind::botocore : client_kind::js;
  const auto cases = suites.at(argv[2])();
  const std::string suite = client == client_kind::js ? std::string(argv[2]) : std::string(argv[2]) + " (botocore)";
  return mode == "gen" ? gen(cases) : check(suite, cases);
}
