// Prints, for every file given, what parse (contract, client), check_value on the value parsed
// and validate report, and the re-serialized value: two builds of it against two versions of
// include/ (before and after a change to the reader) must print the same. How the fast paths (raw member names, strings
// without a backslash, simdjson's integer parser; then read_plain's whole-value reads, the
// masked last word of the string scan and the eight-byte [0-9a-zA-Z] check, against
// e638ea6 with 26732 mutants; then each member read at its name test and the string scan
// that stops at the first quote or backslash, against 882c583 with 28227 mutants; then the
// leaf types behind leaf_traits, against 8b369d1 with 28227 mutants, check_value() included;
// then member metadata declared in members.hpp, against 53c5921 with 28227 mutants; then the one
// result type, against 3956686 with the old differential_check.cpp, this file printing the same
// lines from result<T>) were checked:
//
//   git archive <before> include | tar -x -C /tmp/before
//   python3 bench/proposals/differential_mutants.py /tmp/mutants     # targeted mutants
//   g++ -std=c++17 -O2 -I/tmp/before/include bench/proposals/differential_check.cpp -lsimdjson -o before
//   g++ -std=c++17 -O2 -Iinclude bench/proposals/differential_check.cpp -lsimdjson -o after
//   files=$(find fuzz/corpus fuzz/regressions examples/recordings tests/data -type f | sort)
//   ./before $files /tmp/mutants/* > before.txt; ./after $files /tmp/mutants/* > after.txt
//   cmp before.txt after.txt                                          # and again with -march=haswell
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
using namespace bedrock_agent;
static void show(const diagnostic& d) { std::printf(" %s@%zu:%zu:%zu %s|%s|%s|%s\n", std::string(rule_id(d.id)).c_str(), d.offset, d.line, d.column, d.pointer.c_str(), d.expected.c_str(), d.found.c_str(), d.message.c_str()); }
template <class T> void run(const std::string& s) {
  for (auto opt : {parse_options::contract(), parse_options::client()}) {
    auto r = parse<T>(s, opt);
    if (r) {
      std::printf("ok %s\n", to_json(r.value()).c_str());
      auto c = check_value(r.value(), opt);  // the checker on every value read
      std::printf("check %zu %zu\n", c.error_count(), c.warning_count());
      for (auto& d : c.diagnostics()) show(d);
    } else {
      show(r.error());
    }
    for (auto& w : r.diagnostics())  // the warnings (and the limit note), then the error
      if (&w != &r.diagnostics().back() || r.ok()) show(w);
    auto v = validate<T>(s, opt);
    std::printf("validate %zu %zu\n", v.error_count(), v.warning_count());
    for (auto& d : v.diagnostics()) show(d);
  }
}
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary); std::stringstream ss; ss << f.rdbuf(); std::string s = ss.str();
    std::printf("== %s\n", argv[i]);
    run<StopIngestionJobResponse>(s);
    run<StopIngestionJobRequest>(s);
    run<ValidationException>(s);
  }
}
