// The HTTP binding and the lifecycle rules, old result types against the one result type: prints,
// for every file given, what classify_response (statuses 202, 200, 400 and 429, with and
// without an X-Amzn-Errortype header, contract and client profiles) reads, the check_status and
// check_exchange findings on each output it accepts, and what parse_request says of a path whose
// knowledgeBaseId label is the file's first line. Built with -DBEDROCK_AGENT_OLD_RESULTS against
// the include/ of 3956686 (http_result, response_result {kind, success, error}, check_status
// returning a vector) and without it against the one result type, both must print the same:
//
//   g++ -std=c++17 -O2 -DBEDROCK_AGENT_OLD_RESULTS -I/tmp/before/include bench/proposals/differential_http.cpp -lsimdjson -o before_http
//   g++ -std=c++17 -O2 -Iinclude bench/proposals/differential_http.cpp -lsimdjson -o after_http
//   ./before_http $files /tmp/mutants/* > before_http.txt; ./after_http $files /tmp/mutants/* > after_http.txt
//   cmp before_http.txt after_http.txt
#include <bedrock_agent/stop_ingestion_job.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
using namespace bedrock_agent;
static void show(const diagnostic& d) { std::printf(" %s %d@%zu:%zu:%zu %s|%s|%s|%s\n", std::string(rule_id(d.id)).c_str(), static_cast<int>(d.level), d.offset, d.line, d.column, d.pointer.c_str(), d.expected.c_str(), d.found.c_str(), d.message.c_str()); }
static void show_all(const std::vector<diagnostic>& ds) { for (const auto& d : ds) show(d); }
#ifdef BEDROCK_AGENT_OLD_RESULTS
static const std::vector<diagnostic>& findings(const std::vector<diagnostic>& v) { return v; }
#else
static const std::vector<diagnostic>& findings(const result<void>& r) { return r.diagnostics(); }
#endif
static void run(const std::string& s) {
  const StopIngestionJobRequest asked{Id("KB12345678"), Id("DS12345678"), Id("IJ12345678")};
  for (auto opt : {parse_options::contract(), parse_options::client()}) {
    for (int status : {202, 200, 400, 429}) {
      for (bool header : {false, true}) {
        const http_headers headers = header ? http_headers{{"X-Amzn-Errortype", "ThrottlingException"}} : http_headers{};
        const auto r = classify_response<StopIngestionJob>(status, headers, s, opt);
#ifdef BEDROCK_AGENT_OLD_RESULTS
        const bool success = r.kind == response_kind::success;
        const std::size_t errors = success ? r.success.error_count() : r.error.error_count();
        const error_type type = success ? error_type{} : r.error.type();
        const StopIngestionJobResponse* output = success && r.ok() ? &r.success.value() : nullptr;
        const error_variant_t<StopIngestionJob>* exception = !success && r.ok() ? &r.error.value() : nullptr;
#else
        const bool success = r.kind() == response_kind::success;
        const std::size_t errors = r.error_count();
        const error_type& type = r.type();
        const StopIngestionJobResponse* output = r.ok() && r->index() == 0 ? &std::get<0>(*r) : nullptr;
        const error_variant_t<StopIngestionJob>* exception = r.ok() && r->index() == 1 ? &std::get<1>(*r) : nullptr;
#endif
        std::printf("classify %d %d %s %d %zu %s %d\n", status, header, success ? "success" : "error", r.ok(), errors,
                    type.name.c_str(), static_cast<int>(type.source));
        show_all(r.diagnostics());
        if (output) {
          std::printf("output %s\n", to_json(*output).c_str());
          show_all(findings(check_status(*output, opt)));
          show_all(findings(check_status(output->ingestionJob, opt, "/job")));
          show_all(findings(check_exchange(asked, *output, opt)));
        }
        if (exception) std::printf("exception %zu %s\n", exception->index(), write_error_response(*exception).body.c_str());
      }
    }
    const std::string label = s.substr(0, std::min(s.find('\n'), std::size_t{64}));
    const auto p = parse_request<StopIngestionJob>(
        "POST", "/knowledgebases/" + label + "/datasources/DS12345678/ingestionjobs/IJ12345678/stop", opt);
    std::printf("request %d %zu %s\n", p.ok(), p.error_count(), p.ok() ? to_json(p.value()).c_str() : "");
    show_all(p.diagnostics());
  }
}
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary); std::stringstream ss; ss << f.rdbuf(); std::string s = ss.str();
    std::printf("== %s\n", argv[i]);
    run(s);
  }
}
