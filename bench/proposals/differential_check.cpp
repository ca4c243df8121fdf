// Prints, for every file given, what parse (contract, client) and validate report, and the
// re-serialized value: two builds (current codec, proposed fast paths) must print the same.
#include <bedrock_agent/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
using namespace bedrock_agent;
static void show(const diagnostic& d) { std::printf(" %d@%zu:%zu:%zu %s|%s|%s|%s\n", int(d.id), d.offset, d.line, d.column, d.pointer.c_str(), d.expected.c_str(), d.found.c_str(), d.message.c_str()); }
template <class T> void run(const std::string& s) {
  for (auto opt : {parse_options::contract(), parse_options::client()}) {
    auto r = parse<T>(s, opt);
    if (r) { std::printf("ok %s\n", to_json(r.value()).c_str()); } else show(r.error());
    for (auto& w : r.warnings()) show(w);
    auto v = validate<T>(s, opt);
    std::printf("validate %zu %zu\n", v.errors, v.warnings);
    for (auto& d : v.diagnostics) show(d);
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
